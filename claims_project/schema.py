"""The OpenAPI schema's view of our conventions, in one place: every unsafe method of a single
resource needs If-Match (428 without it, 412 when stale), and every operation documents the
error answers the API gives (400 naming the field, 401/403, 404, 413, 429 ...)."""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from claims_project.etag_viewsets import IF_MATCH_NEEDED

UNSAFE = {"PUT", "PATCH", "DELETE", "POST"}

# Answers any operation may give, whatever it does: bad input, authentication and permission,
# a method or media type it does not take, a body too large, a rate limit.
ERRORS = {
    "400": "Bad input: the body names each field at fault and why.",
    "401": "Not signed in (a token was sent but is not valid).",
    "403": "Signed in, but the role does not allow it.",
    "405": "The method is not allowed here.",
    "406": "The Accept header asks for a type this endpoint does not make.",
    "413": "The request body is too large.",
    "415": "The request body's media type is not accepted.",
    "429": "Too many requests: wait for the Retry-After seconds.",
}
DETAIL_ERRORS = {"404": "No such record (or not visible to you)."}
CONDITIONAL_ERRORS = {
    "412": "If-Match does not match the record any more: someone changed it since you read it. "
    "Nothing was changed; the body and the ETag header carry the current ETag.",
    "428": IF_MATCH_NEEDED,
}


class AutoSchema(SpectacularAutoSchema):
    def _is_single_resource_write(self) -> bool:
        return self.method in UNSAFE and bool(getattr(self.view, "detail", False))

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self._is_single_resource_write():
            parameters = [
                *parameters,
                OpenApiParameter(
                    "If-Match", str, OpenApiParameter.HEADER, required=True,
                    description="The ETag of the record as you read it (GET gives it).",
                ),
            ]  # fmt: skip
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        extra = dict(ERRORS)
        if "{" in self.path:
            extra.update(DETAIL_ERRORS)
        if self._is_single_resource_write():
            extra.update(CONDITIONAL_ERRORS)
        for code, description in extra.items():
            if code not in responses:
                answer = OpenApiResponse(OpenApiTypes.OBJECT, description=description)
                responses[code] = self._get_response_for_code(answer, code, direction=direction)
        return responses

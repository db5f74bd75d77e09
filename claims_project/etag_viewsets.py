"""API viewsets and mixins with ETags that honour If-Match: no lost updates.

Every single-resource response carries the row's fingerprint as its ETag. Every unsafe method of
one resource (PUT, PATCH, DELETE and the state changes posted to one record) must send it back
as If-Match: without it the answer is 428 Precondition Required, and with a stale one 412; the
row is locked inside the write's transaction while it is checked and changed, and only the
fields the request names are written.
"""

from django.db import transaction
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import APIException
from rest_framework.response import Response

from claims_project.concurrency import fingerprint, lock_and_check, record_update

IF_MATCH_NEEDED = (
    "If-Match is required: send the ETag of the record (from GET) in the If-Match header, so "
    "that a change made since you read it is not overwritten"
)


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = IF_MATCH_NEEDED
    default_code = "if_match_required"


def etag(instance) -> str:
    return f'"{fingerprint(instance)}"'


def required_if_match(request) -> str:
    """The request's If-Match value; PreconditionRequired (428) when it has none.

    ``*`` names no version, so it cannot tell a stale writer from a current one: refused too."""
    expected = (request.headers.get("If-Match") or "").strip()
    if not expected or expected == "*":
        raise PreconditionRequired()
    return expected


class ConditionalReadMixin:
    """ETag on retrieve, and the If-Match check for views that write in their own way."""

    def _check_precondition(self, instance):
        """Lock the row and check the request's If-Match against it; return the locked row.
        Call inside ``transaction.atomic()``."""
        return lock_and_check(type(instance), instance.pk, required_if_match(self.request))

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        response["ETag"] = etag(instance)
        return response


class ConditionalWriteMixin(ConditionalReadMixin):
    """For viewsets with UpdateModelMixin: PUT and PATCH need If-Match and write only the
    fields they send, on the row locked and read afresh."""

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        expected = required_if_match(request)
        with transaction.atomic():
            found = self.get_object()  # 404 and permissions, as for any write
            current = lock_and_check(type(found), found.pk, expected)
            serializer = self.get_serializer(current, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            current = record_update(
                model=type(current), pk=current.pk, expected=None,
                fields=dict(serializer.validated_data),
            )  # fmt: skip
        response = Response(self.get_serializer(current).data)
        response["ETag"] = etag(current)
        return response


class ConditionalDeleteMixin(ConditionalReadMixin):
    """For viewsets with DestroyModelMixin: DELETE needs If-Match."""

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            self._check_precondition(self.get_object())
            return super().destroy(request, *args, **kwargs)


class EditableViewSet(
    ConditionalWriteMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Read, create and change (no delete), every write needing If-Match."""

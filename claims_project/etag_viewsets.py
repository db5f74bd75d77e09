"""API viewsets and mixins with ETags that honour If-Match: no lost updates.

Every single-resource response carries the row's fingerprint as its ETag. A PUT, PATCH or DELETE
that sends If-Match is applied only if the row still has that fingerprint, checked with the row
locked inside the write's transaction; otherwise 412 and nothing changes.
"""

from django.db import transaction
from rest_framework import mixins, viewsets
from rest_framework.response import Response

from claims_project.concurrency import fingerprint, lock_and_check


def etag(instance) -> str:
    return f'"{fingerprint(instance)}"'


class ConditionalReadMixin:
    """ETag on retrieve, and the If-Match check for views that write in their own way."""

    def _check_precondition(self, instance) -> None:
        expected = self.request.headers.get("If-Match")
        if expected and expected.strip() != "*":
            lock_and_check(type(instance), instance.pk, expected)

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        response["ETag"] = etag(instance)
        return response


class ConditionalWriteMixin(ConditionalReadMixin):
    """For viewsets with UpdateModelMixin: PUT and PATCH honour If-Match."""

    def update(self, request, *args, **kwargs):
        with transaction.atomic():
            self._check_precondition(self.get_object())
            response = super().update(request, *args, **kwargs)
            if response.status_code < 300:
                response["ETag"] = etag(self.get_object())
        return response


class ConditionalDeleteMixin(ConditionalReadMixin):
    """For viewsets with DestroyModelMixin: DELETE honours If-Match."""

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
    """Read, create and change (no delete), every write honouring If-Match."""

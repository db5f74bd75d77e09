"""API error answers: DRF's, plus 413 for bodies that are too large, 412 for stale writes."""

from django.core.exceptions import RequestDataTooBig
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from claims_project.concurrency import StaleWrite


def exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):
        return Response(
            {"detail": "the request body is too large"},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, StaleWrite):
        response = Response(
            {"detail": str(exc), "current_etag": f'"{exc.current}"'},
            status=status.HTTP_412_PRECONDITION_FAILED,
        )
        response["ETag"] = f'"{exc.current}"'
        return response
    return drf_exception_handler(exc, context)

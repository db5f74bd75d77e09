from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination

INVALID_CURSOR = "invalid cursor: use the next or previous link of a page as it is"


class IdCursorPagination(CursorPagination):
    """Cursor pagination: constant cost per page however deep, stable under inserts.

    A cursor that was not made by us (``?cursor=cD14`` is base64 for "p=x") is a 400 naming
    ``cursor``: its position is checked against the ordering field before it reaches a query."""

    ordering = "-id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        self._model = queryset.model
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise ValidationError({self.cursor_query_param: [INVALID_CURSOR]}) from None
        if cursor is not None and cursor.position is not None:
            self._check_position(cursor.position)
        return cursor

    def _check_position(self, position: str) -> None:
        name = self.ordering[0].lstrip("-")
        try:
            field = self._model._meta.get_field(name)
        except FieldDoesNotExist:
            return  # ordered by an annotation: nothing to check it against here
        try:
            value = field.to_python(position)
        except (DjangoValidationError, ValueError, TypeError):
            raise ValidationError({self.cursor_query_param: [INVALID_CURSOR]}) from None
        integer = isinstance(field, models.IntegerField | models.AutoField)
        if value is None or (integer and not -(2**63) <= value < 2**63):
            raise ValidationError({self.cursor_query_param: [INVALID_CURSOR]})

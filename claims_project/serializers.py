"""Serializer helpers shared by the apps' APIs."""

import copy

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


def as_api_error(exc: DjangoValidationError) -> serializers.ValidationError:
    """A model's ValidationError as DRF's, keeping the field names."""
    if hasattr(exc, "error_dict"):
        return serializers.ValidationError(
            {
                ("non_field_errors" if name == "__all__" else name): messages
                for name, messages in exc.message_dict.items()
            }
        )
    return serializers.ValidationError({"non_field_errors": exc.messages})


class ValidatedModelSerializer(serializers.ModelSerializer):
    """Runs the model's own full_clean(), so the API refuses exactly what admin refuses."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        instance = copy.copy(self.instance) if self.instance else self.Meta.model()
        for name, value in attrs.items():
            setattr(instance, name, value)
        try:
            instance.full_clean()
        except DjangoValidationError as exc:
            raise as_api_error(exc) from exc
        return attrs


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string"}]})
class SlugOrPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """A related row named by its id (12 or "12") or by its slug ("isis-fighters"): clients
    filter by slug, so they may write by slug too. Answers with the id, as before."""

    default_error_messages = {"no_slug": 'no {model} has the slug "{slug}".'}
    slug_field = "slug"

    @staticmethod
    def is_slug(data) -> bool:
        # Digits are an id, as PrimaryKeyRelatedField reads them; any other text is a slug.
        return isinstance(data, str) and bool(data.strip()) and not data.strip().isdigit()

    def to_internal_value(self, data):
        if not self.is_slug(data):
            return super().to_internal_value(data)
        return self.from_slug(data)

    def from_slug(self, slug: str):
        try:
            return self.get_queryset().get(**{self.slug_field: slug})
        except ObjectDoesNotExist:
            self.fail_slug(slug)

    def fail_slug(self, slug: str):
        self.fail("no_slug", model=self.get_queryset().model._meta.verbose_name, slug=slug)

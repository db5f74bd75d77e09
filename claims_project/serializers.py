"""Serializer helpers shared by the apps' APIs."""

import copy

from django.core.exceptions import ValidationError as DjangoValidationError
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

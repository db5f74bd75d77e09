from rest_framework import serializers

from claims.core import verdicts
from reviews.models import Review


class ReviewSerializer(serializers.ModelSerializer):
    reviewer = serializers.CharField(source="reviewer.username", read_only=True)

    class Meta:
        model = Review
        fields = [
            "id", "claim", "reviewer", "rating", "rationale", "evidence", "status",
            "published_at", "supersedes", "created_at", "updated_at",
            # Provenance of a review imported from another fact-checker (blank for ours).
            "source_organization", "source_organization_url", "source_url", "source_date",
            "source_claim_reviewed", "source_appearance_url", "source_rating_label",
            "source_rating_value", "source_best_rating", "source_worst_rating",
        ]  # fmt: skip
        read_only_fields = ["status", "published_at"]


class ReviewWriteSerializer(serializers.Serializer):
    """A reviewer's draft: the claim, a verdict on the documented scale, why, and evidence."""

    claim = serializers.PrimaryKeyRelatedField(
        queryset=Review._meta.get_field("claim").related_model.objects.all()
    )
    rating = serializers.ChoiceField(choices=verdicts.CHOICES)
    rationale = serializers.CharField(max_length=20_000)
    evidence = serializers.ListField(
        child=serializers.URLField(max_length=1000), required=False, max_length=50
    )
    supersedes = serializers.PrimaryKeyRelatedField(
        queryset=Review.objects.all(), required=False, allow_null=True
    )


class ReviewChangeSerializer(serializers.Serializer):
    rating = serializers.ChoiceField(choices=verdicts.CHOICES, required=False)
    rationale = serializers.CharField(max_length=20_000, required=False)
    evidence = serializers.ListField(
        child=serializers.URLField(max_length=1000), required=False, max_length=50
    )

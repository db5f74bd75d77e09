from rest_framework import serializers

from reviews.models import Review


class ReviewSerializer(serializers.ModelSerializer):
    reviewer = serializers.CharField(source="reviewer.username", read_only=True)

    class Meta:
        model = Review
        fields = [
            "id", "claim", "reviewer", "rating", "rationale", "evidence", "status",
            "published_at", "supersedes", "created_at", "updated_at",
        ]  # fmt: skip

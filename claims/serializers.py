import math

from rest_framework import serializers

from claims import intervals, units
from claims.models import Claim, Metric, Speaker
from sources.models import Article


class SpeakerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "slug", "name", "kind", "role", "affiliation", "aliases"]


class MetricSerializer(serializers.ModelSerializer):
    class Meta:
        model = Metric
        fields = [
            "id", "slug", "name", "description", "canonical_unit", "kind", "scope",
            "comparability_days",
        ]  # fmt: skip


class ClaimArticleSerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="outlet.name", default=None)

    class Meta:
        model = Article
        fields = ["id", "title", "url", "published", "outlet"]


class ClaimSerializer(serializers.ModelSerializer):
    """A claim with its speaker, article, outlet, metric and interval: one row, no extra query."""

    article = ClaimArticleSerializer(read_only=True)
    speaker = SpeakerSerializer(read_only=True)
    metric = MetricSerializer(read_only=True)
    interval = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "id", "article", "quote", "figure", "start", "end", "value_low", "value_high",
            "qualifier", "unit", "interval", "subject", "scope", "speaker", "metric",
            "as_of_start", "as_of_end", "as_of_precision", "status", "verdict", "verdict_at",
            "created_at", "updated_at",
        ]  # fmt: skip

    def get_interval(self, claim: Claim) -> dict | None:
        """The interval in the metric's unit; null ends are open. Computed, never queried."""
        try:
            interval = claim.interval()
        except (intervals.BoundsError, units.UnitError):
            return None
        finite = [None if math.isinf(v) else v for v in (interval.lo, interval.hi)]
        unit = claim.metric.canonical_unit if claim.metric_id else claim.unit
        return {"low": finite[0], "high": finite[1], "unit": unit}

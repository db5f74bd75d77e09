import math

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.core import intervals, units
from claims.models import (
    ARTICLE_EXTRACTION_STATUSES,
    CLAIM_INPUT_FIELDS,
    NOT_REQUESTED,
    Claim,
    ConflictResolution,
    Metric,
    ReportRun,
    Speaker,
)
from claims_project.serializers import SlugOrPrimaryKeyRelatedField, ValidatedModelSerializer
from sources.models import Article
from sources.serializers import ArticleSerializer


class ArticleImportSerializer(serializers.Serializer):
    """One article to import: the same fields as an import JSON file."""

    body = serializers.CharField(trim_whitespace=False, max_length=2_000_000)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    url = serializers.URLField(required=False, allow_blank=True, max_length=1000)
    outlet = serializers.CharField(required=False, allow_blank=True, max_length=200)
    published = serializers.DateField(required=False, allow_null=True)
    extract = serializers.BooleanField(default=True)


class ArticleWithExtractionSerializer(ArticleSerializer):
    """An article with where the extraction of its claims stands (claims' ArticleExtraction)."""

    extraction_status = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "extraction_status"]

    @extend_schema_field(serializers.ChoiceField(choices=ARTICLE_EXTRACTION_STATUSES))
    def get_extraction_status(self, article: Article) -> str:
        # No query on a list: the view joins the row in (select_related("extraction")).
        extraction = getattr(article, "extraction", None)
        return extraction.status if extraction is not None else NOT_REQUESTED


class SpeakerSerializer(ValidatedModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "slug", "name", "kind", "role", "affiliation", "aliases"]


class MetricSerializer(ValidatedModelSerializer):
    class Meta:
        model = Metric
        fields = [
            "id", "slug", "name", "description", "canonical_unit", "kind", "scope",
            "comparability_days",
        ]  # fmt: skip


class ClaimArticleSerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="outlet.name", default=None, allow_null=True)

    class Meta:
        model = Article
        fields = ["id", "title", "url", "published", "outlet"]


class IntervalSerializer(serializers.Serializer):
    """A claim's interval in its metric's unit; a null end is open."""

    low = serializers.FloatField(allow_null=True)
    high = serializers.FloatField(allow_null=True)
    unit = serializers.CharField()


class ClaimSerializer(serializers.ModelSerializer):
    """A claim with its speaker, article, outlet, metric and interval: one row, no extra query."""

    article = ClaimArticleSerializer(read_only=True)
    speaker = SpeakerSerializer(read_only=True, allow_null=True)
    metric = MetricSerializer(read_only=True, allow_null=True)
    interval = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "id", "article", "quote", "figure", "start", "end", "value_low", "value_high",
            "qualifier", "unit", "interval", "subject", "scope", "figure_kind", "speaker",
            "metric", "as_of_start", "as_of_end", "as_of_precision", "period_kind",
            "period_start", "period_days", "status", "verdict", "verdict_at", "note",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["figure_kind"]
        extra_kwargs = {
            "figure_kind": {
                "help_text": "What the figure counts: quantity (the default); duration or age, "
                "whose unit is a time unit (hour, day, week, month, year); vague, an order of "
                "size such as 'hundreds of', kept as its lower bound alone."
            }
        }

    @extend_schema_field(IntervalSerializer(allow_null=True))
    def get_interval(self, claim: Claim) -> dict | None:
        """The interval in the metric's unit; null ends are open. Computed, never queried."""
        try:
            interval = claim.interval()
        except (intervals.BoundsError, units.UnitError):
            return None
        finite = [None if math.isinf(v) else v for v in (interval.lo, interval.hi)]
        unit = claim.metric.canonical_unit if claim.metric_id else claim.unit
        return {"low": finite[0], "high": finite[1], "unit": unit}


class ConflictResolutionSerializer(serializers.ModelSerializer):
    resolved_by = serializers.CharField(source="resolved_by.username", read_only=True, default=None)
    # The kind in words ("Different period: both can be true") beside its code.
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = ConflictResolution
        fields = ["id", "claim_a", "claim_b", "kind", "kind_label", "note", "resolved_by",
                  "resolved_at"]  # fmt: skip
        read_only_fields = ["resolved_at"]
        # The pair is checked by the service (either order is accepted, stored in id order).
        validators = []


class ReportRunInputSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=[f for f, _ in ReportRun.FORMATS], default="json")
    metric = serializers.CharField(required=False, allow_blank=True)
    outlets = serializers.ListField(child=serializers.CharField(), required=False, max_length=2)
    since = serializers.DateField(required=False, allow_null=True)
    include_candidates = serializers.BooleanField(default=False)


class ReportRunSerializer(serializers.ModelSerializer):
    progress = serializers.FloatField(read_only=True)
    download = serializers.SerializerMethodField()

    class Meta:
        model = ReportRun
        fields = [
            "id", "format", "filters", "status", "progress", "metrics_done", "metrics_total",
            "error", "created_at", "finished_at", "download",
        ]  # fmt: skip

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_download(self, run: ReportRun) -> str | None:
        if run.status != ReportRun.Status.DONE:
            return None
        request = self.context.get("request")
        path = f"/api/report-runs/{run.pk}/download/"
        return request.build_absolute_uri(path) if request else path


class PreloadedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """A primary key field that finds its rows in a map loaded once for a whole list of items
    (``preload``), with PrimaryKeyRelatedField's messages; without a map it queries per value."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.loaded: dict | None = None

    def preload(self, values) -> None:
        """Load the rows of all ``values`` in one query; values that are no key are left out
        (to_internal_value names them as PrimaryKeyRelatedField does)."""
        keys = {key for key in map(self._key, values) if key is not None}
        # An integer past the database's 64 bits names no row (and would overflow the query).
        keys = {key for key in keys if not isinstance(key, int) or -(2**63) <= key < 2**63}
        self.loaded = self.get_queryset().in_bulk(keys)

    def _key(self, data):
        # The key the lookup pk=data would use: "12" and 12 are one row, "x" and True none.
        if data is None or isinstance(data, bool):
            return None
        try:
            return self.queryset.model._meta.pk.get_prep_value(data)
        except (TypeError, ValueError):
            return None

    def to_internal_value(self, data):
        if self.loaded is None or self.pk_field is not None:
            return super().to_internal_value(data)
        key = self._key(data)
        if key is None:
            self.fail("incorrect_type", data_type=type(data).__name__)
        try:
            return self.loaded[key]
        except KeyError:
            self.fail("does_not_exist", pk_value=data)


class PreloadedSlugOrPrimaryKeyRelatedField(
    SlugOrPrimaryKeyRelatedField, PreloadedPrimaryKeyRelatedField
):
    """By id or by slug, both found in maps loaded once for a whole list of items."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.loaded_slugs: dict | None = None

    def preload(self, values) -> None:
        values = list(values)
        super().preload([value for value in values if not self.is_slug(value)])
        slugs = {value for value in values if self.is_slug(value)}
        found = self.get_queryset().filter(**{f"{self.slug_field}__in": slugs}) if slugs else []
        self.loaded_slugs = {getattr(row, self.slug_field): row for row in found}

    def from_slug(self, slug: str):
        if self.loaded_slugs is None:
            return super().from_slug(slug)
        try:
            return self.loaded_slugs[slug]
        except KeyError:
            self.fail_slug(slug)


class ClaimListWriteSerializer(serializers.ListSerializer):
    """Many claims to create at once. The related rows of the whole list are loaded with one
    query per model, then each item is checked like a single claim (same fields and messages).

    Errors are keyed by the item's position; ``valid_items`` keeps the items that passed, by
    position, so their database checks can still run when others failed."""

    def to_internal_value(self, data):
        if not isinstance(data, list):
            return super().to_internal_value(data)
        self.child.preload(data)
        self.valid_items: dict[int, dict] = {}
        errors: dict[int, dict] = {}
        for index, item in enumerate(data):
            try:
                self.valid_items[index] = self.run_child_validation(item)
            except serializers.ValidationError as exc:
                errors[index] = serializers.as_serializer_error(exc)
        if errors:
            raise serializers.ValidationError(errors)
        return list(self.valid_items.values())


class ClaimWriteSerializer(serializers.ModelSerializer):
    """What a client sends to create or change a claim. Offsets may be left out: they are found
    from the quote and the figure. The model's own validation runs in the service."""

    serializer_related_field = PreloadedPrimaryKeyRelatedField

    start = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    end = serializers.IntegerField(required=False, allow_null=True, min_value=0)

    class Meta:
        model = Claim
        fields = list(CLAIM_INPUT_FIELDS)
        # The one-claim-per-span rule is checked by the model with a field-named message.
        validators = []
        list_serializer_class = ClaimListWriteSerializer
        # The article with its outlet: the service reads its body, a bulk answer its outlet.
        extra_kwargs = {"article": {"queryset": Article.objects.select_related("outlet")}}

    def build_relational_field(self, field_name, relation_info):
        field_class, field_kwargs = super().build_relational_field(field_name, relation_info)
        if field_name in {"speaker", "metric"}:
            field_class = PreloadedSlugOrPrimaryKeyRelatedField
        return field_class, field_kwargs

    def preload(self, items: list) -> None:
        """Load the articles, speakers and metrics that ``items`` name, one query each (and one
        more for the speakers or metrics named by slug)."""
        for name in ("article", "speaker", "metric"):
            values = [item.get(name) for item in items if isinstance(item, dict)]
            self.fields[name].preload(values)

"""Claim filters for the API. Each serves a query an index was made for (see Claim.Meta)."""

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, Case, F, FloatField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Abs
from django_filters import rest_framework as filters

from claims.core import intervals, units, verdicts
from claims.models import ARTICLE_EXTRACTION_STATUSES, NOT_REQUESTED, Claim, Metric, Speaker
from sources.models import Article, Outlet

# Bounds of what a filter accepts: beyond them a number is a typo or an attack, not a figure.
ID_MAX = 2**63 - 1
VALUE_MAX = 10**18


def _reach() -> tuple[float, float]:
    tolerances = settings.INTERVAL_TOLERANCES
    return tolerances["approximate"], tolerances["nearly"]


def unit_factor(queryset):
    """SQL for the factor that turns each claim's stated unit into its metric's unit (1 for a
    claim without a metric, or already in it). One query reads the unit pairs that occur."""
    pairs = (
        queryset.filter(metric__isnull=False)
        .exclude(unit=F("metric__canonical_unit"))
        .values_list("unit", "metric__canonical_unit")
        .distinct()
        .order_by()
    )
    whens = []
    for unit, canonical in pairs:
        try:
            factor = units.conversion_factor(unit, canonical)
        except units.UnitError:
            continue  # validation keeps these out; a stray row is compared as stated
        whens.append(When(unit=unit, metric__canonical_unit=canonical, then=Value(factor)))
    if not whens:
        return Value(1.0, output_field=FloatField())
    return Case(*whens, default=Value(1.0), output_field=FloatField())


def interval_low(factor=None):
    """SQL for a claim's interval low end in its metric's unit (hedges applied, rounding not)."""
    approximate, nearly = _reach()
    stated = Case(
        When(qualifier="approximate", then=F("value_low") - Abs(F("value_low")) * approximate),
        When(qualifier="nearly", then=F("value_low") - Abs(F("value_low")) * nearly),
        default=F("value_low"),
        output_field=FloatField(),
    )
    return stated if factor is None else stated * factor


def interval_high(factor=None):
    """SQL for a claim's interval high end in its metric's unit (hedges applied, rounding not)."""
    approximate, _ = _reach()
    stated = Case(
        When(qualifier="approximate", then=F("value_high") + Abs(F("value_high")) * approximate),
        default=F("value_high"),
        output_field=FloatField(),
    )
    return stated if factor is None else stated * factor


def text_search(queryset, words: str):
    """Full-text search on PostgreSQL, on the stored vector of quote and subject (a generated
    column with a GIN index, see migration 0006); a plain case-insensitive match elsewhere."""
    if connection.vendor == "postgresql":
        match = RawSQL(
            '"claims_claim"."search_vector" @@ websearch_to_tsquery(\'english\'::regconfig, %s)',
            (words,),
            output_field=BooleanField(),
        )
        return queryset.filter(match)
    condition = Q()
    for word in words.split():
        condition &= Q(quote__icontains=word) | Q(subject__icontains=word) | Q(figure=word)
    return queryset.filter(condition)


def unknown_slug(noun: str) -> dict[str, str]:
    """The form error for a slug that names no row, saying which kind of row."""
    return {"invalid_choice": f"no {noun} has the slug %(value)s"}


class ClaimFilter(filters.FilterSet):
    # By slug; a slug that names nothing is a 400 naming the parameter, not an empty list that
    # looks like "no claims" (one indexed lookup per given slug).
    metric = filters.ModelChoiceFilter(
        field_name="metric", lookup_expr="exact", queryset=Metric.objects.all(),
        to_field_name="slug", error_messages=unknown_slug("metric"),
    )  # fmt: skip
    speaker = filters.ModelChoiceFilter(
        field_name="speaker", lookup_expr="exact", queryset=Speaker.objects.all(),
        to_field_name="slug", error_messages=unknown_slug("speaker"),
    )  # fmt: skip
    outlet = filters.ModelChoiceFilter(
        field_name="article__outlet", lookup_expr="exact", queryset=Outlet.objects.all(),
        to_field_name="slug", error_messages=unknown_slug("outlet"),
    )  # fmt: skip
    article = filters.NumberFilter(
        field_name="article_id", lookup_expr="exact", min_value=1, max_value=ID_MAX
    )
    status = filters.ChoiceFilter(
        field_name="status", lookup_expr="exact", choices=Claim.Status.choices
    )
    qualifier = filters.ChoiceFilter(
        field_name="qualifier", lookup_expr="exact",
        choices=[(q.value, q.value) for q in intervals.Qualifier],
    )  # fmt: skip
    verdict = filters.ChoiceFilter(
        field_name="verdict", lookup_expr="exact", choices=verdicts.CHOICES
    )
    figure_kind = filters.ChoiceFilter(
        field_name="figure_kind", lookup_expr="exact", choices=Claim.FigureKind.choices,
        label="what the figure counts: quantity, duration, age or vague",
    )  # fmt: skip
    as_of_after = filters.DateFilter(
        field_name="as_of_end", lookup_expr="gte", label="as-of period ends on or after"
    )
    as_of_before = filters.DateFilter(
        field_name="as_of_start", lookup_expr="lte", label="as-of period starts on or before"
    )
    published_after = filters.DateFilter(field_name="article__published", lookup_expr="gte")
    published_before = filters.DateFilter(field_name="article__published", lookup_expr="lte")
    value_min = filters.NumberFilter(
        field_name="value_high", lookup_expr="gte", method="filter_value_min",
        min_value=-VALUE_MAX, max_value=VALUE_MAX,
        label="interval reaches at least this value (in the claim's metric's unit)",
    )  # fmt: skip
    value_max = filters.NumberFilter(
        field_name="value_low", lookup_expr="lte", method="filter_value_max",
        min_value=-VALUE_MAX, max_value=VALUE_MAX,
        label="interval reaches at most this value (in the claim's metric's unit)",
    )  # fmt: skip
    q = filters.CharFilter(
        field_name="quote", lookup_expr="search", method="filter_text", label="text search"
    )

    class Meta:
        model = Claim
        fields = []

    def get_form_class(self):
        # The form's fields are the same for every request: its class is built once per process
        # (django-filter builds it per request, a third of a filtered list's Python time).
        cls = type(self)
        if cls.__dict__.get("_form_class") is None:
            cls._form_class = super().get_form_class()
        return cls._form_class

    def filter_value_min(self, queryset, name, value):
        # An open upper side ("at least 100") reaches any value.
        high = interval_high(unit_factor(queryset))
        return queryset.alias(interval_hi=high).filter(
            Q(value_high__isnull=True) | Q(interval_hi__gte=value)
        )

    def filter_value_max(self, queryset, name, value):
        low = interval_low(unit_factor(queryset))
        return queryset.alias(interval_lo=low).filter(
            Q(value_low__isnull=True) | Q(interval_lo__lte=value)
        )

    def filter_text(self, queryset, name, value):
        value = value.strip()
        return text_search(queryset, value) if value else queryset


class ArticleExtractionFilter(filters.FilterSet):
    """The article list's filters: sources' own (outlet, publication date) and where the
    extraction of the article's claims stands ("not_requested": it never was sent)."""

    outlet__slug = filters.CharFilter(field_name="outlet__slug", lookup_expr="exact")
    published = filters.DateFilter(field_name="published", lookup_expr="exact")
    published__gte = filters.DateFilter(field_name="published", lookup_expr="gte")
    published__lte = filters.DateFilter(field_name="published", lookup_expr="lte")
    extraction_status = filters.ChoiceFilter(
        field_name="extraction__status",
        lookup_expr="exact",
        choices=[(status, status) for status in ARTICLE_EXTRACTION_STATUSES],
        method="filter_extraction_status",
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def filter_extraction_status(self, queryset, name: str, value: str):
        if value == NOT_REQUESTED:
            return queryset.filter(extraction__isnull=True)
        return queryset.filter(**{name: value})

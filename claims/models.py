from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from claims.core import intervals, units, verdicts
from claims.core.extraction.candidate import FigureKind
from sources.models import Article


def validate_unit(value: str) -> None:
    """A model-field validator: the unit must be in the units vocabulary (claims.core.units)."""
    if len(value) > units.MAX_UNIT_LENGTH:
        return  # the field's max_length validator says so; nothing that long is parsed
    try:
        units.parse_unit(value)
    except units.UnitError as exc:
        raise ValidationError(str(exc), code="unknown_unit") from exc


def tolerances() -> intervals.Tolerances:
    """The interval tolerances configured in settings.INTERVAL_TOLERANCES."""
    return intervals.Tolerances(**settings.INTERVAL_TOLERANCES)


class SpeakerKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    DOCUMENT = "document", "Document"


class MetricKind(models.TextChoices):
    LEVEL = "level", "Level at a point in time"
    COUNT_OVER_PERIOD = "count_over_period", "Count over a period"
    RATIO = "ratio", "Ratio"
    # Killed since June 2014: only rises, compared as a level at each report's date.
    CUMULATIVE = "cumulative", "Cumulative total since a start"


class ClaimStatus(models.TextChoices):
    CANDIDATE = "candidate", "Candidate"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class Speaker(models.Model):
    """The person, organisation or document a figure is attributed to."""

    Kind = SpeakerKind

    # Unicode slugs: a name in any script keeps its letters, so 王小明 and नरेंद्र मोदी differ.
    slug = models.SlugField(max_length=150, unique=True, allow_unicode=True)
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.PERSON)
    role = models.CharField(max_length=300, blank=True)
    affiliation = models.CharField(max_length=300, blank=True)
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other names the speaker appears under, as a list."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [
            # Admin and API search and sort speakers by name.
            models.Index(fields=["name"], name="speaker_name"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="speaker_name_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=SpeakerKind.values), name="speaker_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not isinstance(self.aliases, list) or not all(
            isinstance(alias, str) for alias in self.aliases
        ):
            raise ValidationError({"aliases": "aliases must be a list of names"})


class Metric(models.Model):
    """The quantity being measured. Claims of one metric are comparable; nothing else is."""

    Kind = MetricKind

    slug = models.SlugField(max_length=150, unique=True)
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    canonical_unit = models.CharField(
        max_length=50,
        default="count",
        validators=[validate_unit],
        help_text="Every claim's interval is converted into this unit (count, percent, km, USD).",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.LEVEL)
    scope = models.CharField(max_length=300, blank=True, help_text="Where or whom it covers.")
    comparability_days = models.PositiveIntegerField(
        default=365,
        help_text="How far apart two as-of periods may be and still be compared: figures further "
        "apart are a change over time, not a conflict.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="metric_name_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=MetricKind.values), name="metric_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


# The fields an editor or a client gives for a claim, in form order (admin form, API, services).
CLAIM_INPUT_FIELDS = (
    "article", "quote", "figure", "start", "end", "value_low", "value_high", "qualifier", "unit",
    "subject", "scope", "speaker", "metric", "as_of_start", "as_of_end", "as_of_precision",
    "period_kind", "period_start", "period_days", "status", "note",
)  # fmt: skip


class Claim(models.Model):
    """One figure stated in one article, pointing at its characters in the archived body."""

    Status = ClaimStatus

    class Origin(models.TextChoices):
        SEED = "seed", "Seed data set"
        EXTRACTED = "extracted", "Extracted automatically"
        MANUAL = "manual", "Entered by hand"

    class AsOfPrecision(models.TextChoices):
        DAY = "day", "Day"
        WEEK = "week", "Week"
        MONTH = "month", "Month"
        QUARTER = "quarter", "Quarter"
        YEAR = "year", "Year"
        SPAN = "span", "Span of dates"

    class PeriodKind(models.TextChoices):
        # What kind of figure over time; blank when the text does not say (the metric's kind
        # decides then). The values are those of claims.core.comparison.Period.
        LEVEL = "level", "Level at a date"
        CUMULATIVE = "cumulative", "Cumulative total since a start"
        PER_PERIOD = "per_period", "Count per period"

    Qualifier = models.TextChoices(
        "Qualifier", [(q.name, (q.value, q.value.replace("_", " "))) for q in intervals.Qualifier]
    )

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="claims")
    quote = models.TextField(help_text="The sentence the figure stands in.")
    figure = models.CharField(
        max_length=200, help_text='The figure as written, e.g. "14- to 18,000".'
    )
    start = models.PositiveIntegerField(help_text="Offset of the figure's first character.")
    end = models.PositiveIntegerField(help_text="Offset just past the figure's last character.")
    value_low = models.FloatField(null=True, blank=True, help_text="Empty for 'up to' figures.")
    value_high = models.FloatField(null=True, blank=True, help_text="Empty for 'at least'.")
    qualifier = models.CharField(max_length=12, choices=Qualifier.choices, default="exact")
    unit = models.CharField(
        max_length=50,
        default="count",
        validators=[validate_unit],
        help_text="count, percent, times, km, mile, USD ...",
    )
    subject = models.CharField(max_length=300, blank=True, help_text="What is counted/measured.")
    scope = models.CharField(max_length=300, blank=True)
    FigureKind = models.TextChoices(
        "FigureKind", [(k.name, (k.value, k.value.capitalize())) for k in FigureKind]
    )
    # Durations and ages are stored, so an editor can ask for them, but the triage queue hides
    # them by default: they are context ("a 10-year sentence"), not the figures checked first.
    figure_kind = models.CharField(
        max_length=10,
        choices=FigureKind.choices,
        default=FigureKind.QUANTITY,
        # also in the database: bulk writers that name their columns (COPY) need not know it
        db_default=FigureKind.QUANTITY,
        help_text="quantity; duration or age (in a time unit); vague ('hundreds', a lower bound).",
    )
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        help_text="Empty when the outlet itself asserts the figure.",
    )
    metric = models.ForeignKey(
        Metric, on_delete=models.SET_NULL, null=True, blank=True, related_name="claims"
    )
    as_of_start = models.DateField(null=True, blank=True)
    as_of_end = models.DateField(null=True, blank=True)
    as_of_precision = models.CharField(max_length=7, choices=AsOfPrecision.choices, blank=True)
    period_kind = models.CharField(
        max_length=10,
        choices=PeriodKind.choices,
        blank=True,
        # Rows written straight into the table (bulk COPY) know no period: unknown.
        db_default="",
        help_text="Level at a date, cumulative total since a start, or count per period; "
        "empty when not known.",
    )
    period_start = models.DateField(
        null=True,
        blank=True,
        help_text='Where a cumulative total starts ("since June 2014"); its as-of is the report '
        "date.",
    )
    period_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text='Length in days of a count per period ("a week": 7, "a month": 30).',
    )
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.CANDIDATE)
    origin = models.CharField(max_length=9, choices=Origin.choices, default=Origin.MANUAL)
    # The latest published review's verdict, kept here by reviews.services (claims/core/verdicts).
    verdict = models.CharField(max_length=15, choices=verdicts.CHOICES, blank=True)
    verdict_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["article_id", "start"]
        indexes = [
            # The diff report and the metric filter: one metric's claims of a status by period.
            models.Index(
                fields=["metric", "status", "as_of_start"], name="claim_metric_status_asof"
            ),
            # The triage queue and status filter, newest first.
            models.Index(fields=["status", "-created_at"], name="claim_status_created"),
            # The as-of date range filter.
            models.Index(fields=["as_of_start", "as_of_end"], name="claim_as_of"),
            # The verdict filter.
            models.Index(fields=["verdict"], name="claim_verdict"),
            # The value-window filter on stated bounds.
            models.Index(fields=["value_low", "value_high"], name="claim_values"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(value_low__isnull=True)
                | Q(value_high__isnull=True)
                | Q(value_low__lte=F("value_high")),
                name="claim_low_not_above_high",
                violation_error_message="value_low must not be greater than value_high.",
            ),
            models.CheckConstraint(
                condition=Q(value_low__isnull=False) | Q(value_high__isnull=False),
                name="claim_has_a_bound",
                violation_error_message="A claim needs value_low, value_high or both.",
            ),
            models.CheckConstraint(
                condition=Q(start__lt=F("end")),
                name="claim_offsets_ordered",
                violation_error_message="start must be smaller than end.",
            ),
            models.CheckConstraint(
                condition=Q(as_of_start__isnull=True)
                | Q(as_of_end__isnull=True)
                | Q(as_of_start__lte=F("as_of_end")),
                name="claim_as_of_ordered",
                violation_error_message="as_of_start must not be after as_of_end.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ClaimStatus.values), name="claim_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(period_kind__in=["", "level", "cumulative", "per_period"]),
                name="claim_period_kind_valid",
            ),
            # A length belongs to a count per period, a start to a cumulative total.
            models.CheckConstraint(
                condition=Q(period_days__isnull=True)
                | Q(period_kind="per_period", period_days__gte=1),
                name="claim_period_days_per_period",
                violation_error_message="period_days is only for a count per period (1 or more).",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True) | Q(period_kind="cumulative"),
                name="claim_period_start_cumulative",
                violation_error_message="period_start is only for a cumulative total.",
            ),
            models.CheckConstraint(
                condition=Q(qualifier__in=[q.value for q in intervals.Qualifier]),
                name="claim_qualifier_valid",
            ),
            # One claim per figure: extraction run twice finds the same span, not a new claim.
            models.UniqueConstraint(
                fields=["article", "start", "end"],
                name="claim_unique_span",
                violation_error_message="This article already has a claim at these offsets.",
            ),
        ]
        # Offsets inside the body and figure == body[start:end] are enforced by database triggers
        # (claims/migrations/0002_claim_offset_triggers.py): a check constraint cannot read
        # another table.

    def __str__(self) -> str:
        return f"{self.figure} {self.subject}".strip()

    def clean(self) -> None:
        errors: dict[str, str] = {}
        try:
            intervals.check_bounds(self.value_low, self.value_high, self.qualifier)
        except intervals.BoundsError as exc:
            errors[exc.field] = exc.message
        if self.unit and "unit" not in errors and len(self.unit) <= units.MAX_UNIT_LENGTH:
            try:
                units.parse_unit(self.unit)
            except units.UnitError as exc:
                errors["unit"] = str(exc)
            else:
                if self.metric_id and not units.are_compatible(
                    self.unit, self.metric.canonical_unit
                ):
                    errors["unit"] = (
                        f"unit {self.unit!r} does not convert into the metric's unit "
                        f"{self.metric.canonical_unit!r}"
                    )
        if self.as_of_start and self.as_of_end and self.as_of_start > self.as_of_end:
            errors["as_of_end"] = "as_of_end must not be before as_of_start"
        errors.update(self._period_errors())
        if self.article_id is not None:
            errors.update(self._offset_errors(self.article.body))
        if errors:
            raise ValidationError(errors)

    def _period_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.period_days is not None:
            if self.period_kind != self.PeriodKind.PER_PERIOD:
                errors["period_days"] = "period_days is only for a count per period"
            elif self.period_days < 1:
                errors["period_days"] = "period_days must be 1 or more"
        if self.period_start is not None:
            if self.period_kind != self.PeriodKind.CUMULATIVE:
                errors["period_start"] = "period_start is only for a cumulative total"
            elif self.as_of_end and self.period_start > self.as_of_end:
                errors["period_start"] = (
                    "period_start must not be after as_of_end: a total counts up to its as-of"
                )
        return errors

    def _offset_errors(self, body: str) -> dict[str, str]:
        if self.start is None or self.end is None:
            return {}
        if self.start >= self.end:
            return {"end": "end must be greater than start"}
        if self.end > len(body):
            return {"end": f"end ({self.end}) is past the end of the article body ({len(body)})"}
        written = body[self.start : self.end]
        if written != self.figure:
            return {
                "figure": f"the article body reads {written!r} at {self.start}-{self.end}, "
                f"not {self.figure!r}"
            }
        if self.quote and self.figure not in self.quote:
            return {"quote": "the quote must contain the figure"}
        if self.quote and self.quote not in body:
            return {"quote": "the quote must be a passage of the article body"}
        return {}

    def interval(self, tolerance: intervals.Tolerances | None = None) -> intervals.Interval:
        """The claim's interval in its metric's canonical unit (or its own unit without one)."""
        return intervals.claim_interval(
            low=self.value_low,
            high=self.value_high,
            qualifier=self.qualifier,
            unit=self.unit,
            canonical_unit=self.metric.canonical_unit if self.metric_id else None,
            tolerances=tolerance or tolerances(),
        )


class ResolutionKind(models.TextChoices):
    DIFFERENT_SCOPE = "different_scope", "Different scope: both can be true"
    DIFFERENT_PERIOD = "different_period", "Different period: both can be true"
    SOURCE_A_WRONG = "source_a_wrong", "The older claim's source is wrong"
    SOURCE_B_WRONG = "source_b_wrong", "The newer claim's source is wrong"
    BOTH_WRONG = "both_wrong", "Both sources are wrong"
    NOT_COMPARABLE = "not_comparable", "Not comparable: they measure different things"


class ConflictResolution(models.Model):
    """An editor's account of why two disagreeing claims stand or dissolve.

    Conflicts are computed, never typed in; a resolution is what an editor adds to one. The pair
    is stored in id order so one pair has one resolution; the report then stops flagging it.
    """

    Kind = ResolutionKind

    claim_a = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    claim_b = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=ResolutionKind.choices)
    note = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    resolved_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-resolved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim_a", "claim_b"],
                name="resolution_one_per_pair",
                violation_error_message="This pair of claims already has a resolution.",
            ),
            models.CheckConstraint(
                condition=Q(claim_a__lt=F("claim_b")),
                name="resolution_pair_ordered",
                violation_error_message="claim_a must be the claim with the smaller id.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ResolutionKind.values), name="resolution_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: #{self.claim_a_id} / #{self.claim_b_id}"

    def clean(self) -> None:
        if self.claim_a_id and self.claim_b_id:
            if self.claim_a_id == self.claim_b_id:
                raise ValidationError({"claim_b": "a claim cannot conflict with itself"})
            if self.claim_a.metric_id is None or self.claim_a.metric_id != self.claim_b.metric_id:
                raise ValidationError({"claim_b": "both claims must belong to one metric"})


class ReportRunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ReportRun(models.Model):
    """A whole-database diff report made by a Celery task, with its progress and its file."""

    Status = ReportRunStatus
    FORMATS = [("json", "JSON"), ("csv", "CSV"), ("html", "HTML"), ("markdown", "Markdown"),
               ("text", "Text")]  # fmt: skip

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    format = models.CharField(max_length=8, choices=FORMATS, default="json")
    filters = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=7, choices=ReportRunStatus.choices, default="queued")
    metrics_total = models.PositiveIntegerField(default=0)
    metrics_done = models.PositiveIntegerField(default=0)
    result = models.FileField(upload_to="reports/", blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ReportRunStatus.values), name="report_run_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"report #{self.pk} ({self.format}, {self.status})"

    @property
    def progress(self) -> float:
        """Share of metrics written, 0..1."""
        if self.status == ReportRunStatus.DONE:
            return 1.0
        return self.metrics_done / self.metrics_total if self.metrics_total else 0.0


class ExtractionStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    WAITING = "waiting", "Waiting for the task queue"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


# An article's extraction status in the API and its filter: "not_requested" when the article has
# no ArticleExtraction row (it never was sent to extraction).
NOT_REQUESTED = "not_requested"
ARTICLE_EXTRACTION_STATUSES = [NOT_REQUESTED, *ExtractionStatus.values]


class ArticleExtraction(models.Model):
    """Where the automatic extraction of one article's claims stands.

    Claims owns it, not the article: ``sources`` stores articles and knows nothing of claims. An
    article without a row was never sent to extraction. "waiting" means the task queue was
    unreachable; "queued" or "running" for longer than CLAIMS_EXTRACTION_STALE_AFTER means the
    process that held it died, and both are picked up again (claims.tasks.extract_waiting and the
    extract_waiting command).
    """

    Status = ExtractionStatus

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="extraction"
    )
    status = models.CharField(max_length=7, choices=ExtractionStatus.choices)
    error = models.TextField(blank=True)
    # When the status last changed: the age by which a stale "queued" or "running" is found.
    changed_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ExtractionStatus.values),
                name="article_extraction_status_valid",
            ),
        ]
        indexes = [
            # The pick-up: waiting ones, and queued or running ones by age.
            models.Index(fields=["status", "changed_at"], name="extraction_status_changed"),
        ]

    def __str__(self) -> str:
        return f"extraction of article #{self.article_id}: {self.status}"

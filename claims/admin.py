import math
from urllib.parse import urlencode

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from claims import intervals, units
from claims.admin_grouping import suggest_metrics_action
from claims.highlighting import Mark, highlight_body
from claims.models import Claim, ConflictResolution, Metric, ReportRun, Speaker
from claims.reports.build import ReportFilter, metric_reports
from claims.reports.render import metric_html
from claims.services import (
    claim_locate,
    claim_set_status,
    conflict_resolve,
    extraction_enqueue,
)
from sources.admin import ArticleAdmin
from sources.models import Article


def format_bound(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


@admin.register(Speaker)
class SpeakerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "role", "affiliation", "claim_count"]
    list_filter = ["kind"]
    search_fields = ["name", "role", "affiliation", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=Count("claims"))

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, obj: Speaker) -> int:
        return obj.claim_count


@admin.register(Metric)
class MetricAdmin(SimpleHistoryAdmin):
    list_display = ["name", "canonical_unit", "kind", "scope", "comparability_days", "claim_count"]
    list_filter = ["kind", "canonical_unit"]
    search_fields = ["name", "slug", "scope", "description"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["diff_report"]

    def get_fields(self, request, obj=None):
        fields = [f for f in super().get_fields(request, obj) if f != "diff_report"]
        return [*fields, "diff_report"] if obj is not None else fields

    @admin.display(description="figures compared (confirmed claims)")
    def diff_report(self, obj: Metric) -> str:
        report = next(metric_reports(ReportFilter(metric=obj.slug)), None)
        if report is None:
            return "No confirmed claim in this metric yet."
        add_url = reverse("admin:claims_conflictresolution_add")

        def resolve_url(finding) -> str:
            return (
                f"{add_url}?{urlencode({'claim_a': finding.older_id, 'claim_b': finding.newer_id})}"
            )

        return mark_safe(  # metric_html renders through an autoescaping template
            '<div class="claims-report">' + metric_html(report, resolve_url=resolve_url) + "</div>"
        )

    class Media:
        css = {"all": ["claims/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=Count("claims"))

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, obj: Metric) -> int:
        return obj.claim_count


class ClaimAdminForm(forms.ModelForm):
    """Offsets may be left empty: they are found from the quote and the figure."""

    class Meta:
        model = Claim
        fields = [
            "article", "quote", "figure", "start", "end", "value_low", "value_high", "qualifier",
            "unit", "subject", "scope", "speaker", "metric", "as_of_start", "as_of_end",
            "as_of_precision", "status", "note",
        ]  # fmt: skip
        widgets = {"quote": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "start": "Leave empty to find the figure inside the quote.",
            "end": "Leave empty to find the figure inside the quote.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            if name in self.fields:
                self.fields[name].required = False

    def _post_clean(self) -> None:
        # Find the offsets before the model's own validation checks them against the body.
        data = self.cleaned_data
        if data.get("article") and data.get("start") is None and data.get("end") is None:
            candidate = Claim(article=data["article"], quote=data.get("quote", ""))
            candidate.figure = data.get("figure", "")
            try:
                claim_locate(claim=candidate)
            except forms.ValidationError as exc:
                self.add_error(None, exc)
            else:
                data["start"], data["end"] = candidate.start, candidate.end
        super()._post_clean()


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    form = ClaimAdminForm
    list_display = [
        "figure", "subject", "qualifier", "interval_display", "speaker", "metric", "status",
        "verdict", "article_link", "as_of_start",
    ]  # fmt: skip
    list_filter = ["status", "qualifier", "verdict", "origin", "metric", "article__outlet"]
    list_select_related = ["speaker", "metric", "article", "article__outlet"]
    search_fields = ["figure", "subject", "quote", "speaker__name", "metric__name"]
    autocomplete_fields = ["article", "speaker", "metric"]
    readonly_fields = ["interval_display", "verdict", "verdict_at", "origin", "context_display"]
    date_hierarchy = "as_of_start"
    actions = ["confirm_claims", "reject_claims", suggest_metrics_action]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["article", "quote", "figure", "context_display"]}),
        ("Figure", {"fields": [("value_low", "value_high"), "qualifier", "unit",
                               "interval_display", ("start", "end")]}),
        ("What, who and when", {"fields": ["subject", "scope", "speaker", "metric",
                                           ("as_of_start", "as_of_end"), "as_of_precision"]}),
        ("Editorial", {"fields": ["status", "origin", "verdict", "verdict_at", "note"]}),
    ]  # fmt: skip

    @admin.display(description="interval")
    def interval_display(self, obj: Claim) -> str:
        if obj.pk is None:
            return "—"
        try:
            interval = obj.interval()
        except (intervals.BoundsError, units.UnitError) as exc:
            return f"invalid: {exc}"
        unit = obj.metric.canonical_unit if obj.metric_id else obj.unit
        return f"[{format_bound(interval.lo)}, {format_bound(interval.hi)}] {unit}"

    @admin.display(description="article", ordering="article__title")
    def article_link(self, obj: Claim) -> str:
        url = reverse("admin:sources_article_change", args=[obj.article_id])
        return format_html('<a href="{}#claim-{}">{}</a>', url, obj.pk, obj.article.title[:60])

    @admin.display(description="in the article")
    def context_display(self, obj: Claim) -> str:
        if obj.pk is None:
            return "—"
        body = obj.article.body
        before = body[max(0, obj.start - 160) : obj.start]
        after = body[obj.end : obj.end + 160]
        return format_html(
            '<div style="max-width:60em">…{}<mark class="claim-{}">{}</mark>{}…</div>',
            before, obj.status, body[obj.start : obj.end], after,
        )  # fmt: skip

    @admin.action(description="Confirm the selected claims", permissions=["change"])
    def confirm_claims(self, request, queryset):
        self._set_status(request, queryset, Claim.Status.CONFIRMED)

    @admin.action(description="Reject the selected claims", permissions=["change"])
    def reject_claims(self, request, queryset):
        self._set_status(request, queryset, Claim.Status.REJECTED)

    def _set_status(self, request, queryset, status: str) -> None:
        changed = 0
        for claim in queryset.select_related("article"):
            if claim.status != status:
                claim_set_status(claim=claim, status=status)
                changed += 1
        self.message_user(request, f"{changed} claim(s) marked {status}.")

    class Media:
        css = {"all": ["claims/admin.css"]}


class ClaimInline(admin.TabularInline):
    model = Claim
    extra = 0
    fields = ["figure_link", "subject", "qualifier", "value_low", "value_high", "unit", "speaker",
              "metric", "status"]  # fmt: skip
    readonly_fields = fields
    can_delete = False
    show_change_link = True
    ordering = ["start"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "metric")

    @admin.display(description="figure")
    def figure_link(self, obj: Claim) -> str:
        return format_html('<a href="#claim-{}">{}</a>', obj.pk, obj.figure)


admin.site.unregister(Article)


@admin.register(Article)
class ArticleWithClaimsAdmin(ArticleAdmin):
    """The article page with its claims: the body with every figure marked, and the claim list."""

    inlines = [ClaimInline]
    actions = ["extract_again"]
    list_display = [*ArticleAdmin.list_display, "extraction_status"]
    list_filter = [*ArticleAdmin.list_filter, "extraction_status"]
    readonly_fields = [*ArticleAdmin.readonly_fields, "extraction_status", "extraction_error"]

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            # A new article gets its figures found, as an import would.
            extraction_enqueue(article_ids=[obj.pk])
            self.message_user(request, "Claims in this article are being extracted.")

    @admin.action(
        description="Extract claims again (keeps every stored claim)", permissions=["change"]
    )
    def extract_again(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        extraction_enqueue(article_ids=ids)
        self.message_user(
            request,
            f"Extraction queued for {len(ids)} article(s); figures already stored as claims are "
            "left as they are.",
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, "highlighted_body"] if obj is not None else readonly

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is None:
            return fields
        return [name for name in fields if name not in ("body", "highlighted_body")] + [
            "highlighted_body"
        ]

    @admin.display(description="body with figures marked")
    def highlighted_body(self, obj: Article) -> str:
        marks = [
            Mark(
                start=claim.start,
                end=claim.end,
                css_class=f"claim-{claim.status}",
                title=f"{claim.get_status_display()}: {claim.subject}",
                anchor=f"claim-{claim.pk}",
            )
            for claim in obj.claims.all()
        ]
        legend = mark_safe(  # a constant: nothing from users in it
            '<p class="claims-legend"><span class="claim-candidate" style="background:#fff3a8">'
            'candidate</span><span style="background:#b9f0c2">confirmed</span>'
            '<span style="background:#eee">rejected</span></p>'
        )
        return legend + highlight_body(obj.body, marks)

    class Media:
        css = {"all": ["claims/admin.css"]}


class ConflictResolutionForm(forms.ModelForm):
    class Meta:
        model = ConflictResolution
        fields = ["claim_a", "claim_b", "kind", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        one, two = cleaned.get("claim_a"), cleaned.get("claim_b")
        if one and two and one.pk > two.pk:
            # Either order is fine for the editor; the pair is stored in id order.
            cleaned["claim_a"], cleaned["claim_b"] = two, one
            self.instance.claim_a, self.instance.claim_b = two, one
        return cleaned


@admin.register(ConflictResolution)
class ConflictResolutionAdmin(SimpleHistoryAdmin):
    form = ConflictResolutionForm
    list_display = ["pair", "kind", "note", "resolved_by", "resolved_at"]
    list_filter = ["kind"]
    list_select_related = ["claim_a", "claim_b", "resolved_by"]
    search_fields = ["note", "claim_a__figure", "claim_b__figure"]
    autocomplete_fields = ["claim_a", "claim_b"]

    @admin.display(description="claims")
    def pair(self, obj: ConflictResolution) -> str:
        return (
            f"{obj.claim_a.figure} (#{obj.claim_a_id}) / {obj.claim_b.figure} (#{obj.claim_b_id})"
        )

    def save_model(self, request, obj: ConflictResolution, form, change: bool) -> None:
        saved = conflict_resolve(
            claim_one=obj.claim_a, claim_two=obj.claim_b, kind=obj.kind, note=obj.note,
            user=request.user,
        )  # fmt: skip
        obj.pk = saved.pk


@admin.register(ReportRun)
class ReportRunAdmin(admin.ModelAdmin):
    list_display = ["id", "format", "status", "progress_display", "requested_by", "created_at",
                    "download"]  # fmt: skip
    list_filter = ["status", "format"]
    list_select_related = ["requested_by"]
    readonly_fields = ["requested_by", "format", "filters", "status", "metrics_done",
                       "metrics_total", "result", "error", "created_at", "finished_at"]  # fmt: skip

    def has_add_permission(self, request) -> bool:
        return False  # runs are started from the API or the conflict_report command

    @admin.display(description="progress")
    def progress_display(self, obj: ReportRun) -> str:
        return f"{obj.progress:.0%}"

    @admin.display(description="file")
    def download(self, obj: ReportRun) -> str:
        if obj.status != ReportRun.Status.DONE:
            return "—"
        return format_html('<a href="/api/report-runs/{}/download/">download</a>', obj.pk)

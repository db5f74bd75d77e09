import math

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from claims import intervals, units
from claims.highlighting import Mark, highlight_body
from claims.models import Claim, Metric, Speaker
from claims.services import claim_locate, claim_set_status
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
    actions = ["confirm_claims", "reject_claims"]
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

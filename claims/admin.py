from collections.abc import Iterable, Iterator
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from claims.admin_filters import FigureKindFilter
from claims.admin_grouping import group_claims_action
from claims.core import intervals, units
from claims.core.display import bounds_text, people_number
from claims.exports import SafeCsvWriter
from claims.grouping import DEFAULT_MIN_CONFIDENCE, grouping_proposals, proposals_at
from claims.highlighting import Mark, highlight_body, marked_sentence
from claims.jobs import article_import, extraction_enqueue
from claims.models import (
    CLAIM_INPUT_FIELDS,
    NOT_REQUESTED,
    Claim,
    ConflictResolution,
    ExtractionStatus,
    Metric,
    ReportRun,
    Speaker,
)
from claims.reports.build import ReportFilter, metric_reports
from claims.reports.render import metric_html
from claims.selectors import report_runs_visible_to
from claims.services import (
    claim_locate,
    claim_set_metric,
    claim_set_status,
    conflict_resolve,
)
from claims_project.admin_actions import apply_each, chosen
from claims_project.admin_extensions import (
    AdminExtension,
    AdminExtensionPoint,
    ExtensibleActionForm,
    ExtensibleAdmin,
)
from claims_project.admin_history import SafeHistoryMixin
from claims_project.concurrency import StaleWrite, fingerprint, lock_and_check
from sources.admin import article_admin_extensions
from sources.models import Article

# Admin is the editors' and reviewers' home page: it links to their work queues.
admin.site.index_template = "admin/claims_index.html"
CANDIDATE_QUEUE_QUERY = "status__exact=candidate"


def figure_text(claim: Claim) -> str:
    """The figure as written; a bare "a" or "an" ("a million", "an estimated") is shown with
    the word after it in the article, so the column never says just "a"."""
    figure = claim.figure
    if figure.lower() not in {"a", "an"} or claim.end is None:
        return figure
    following = claim.article.body[claim.end : claim.end + 40].split()
    return f"{figure} {following[0]}" if following else figure


def person_link(user) -> str:
    """A person named on an admin page: their name, linking to the reviews they wrote (a page
    every role may open), never to the user admin only superusers may open."""
    if user is None:
        return "—"
    name = user.get_full_name() or user.get_username()
    try:
        url = reverse("admin:reviews_review_changelist")
    except NoReverseMatch:  # without the reviews app there is nothing of theirs to show
        return name
    return format_html('<a href="{}?reviewer__id__exact={}">{}</a>', url, user.pk, name)


def people_date(value) -> str:
    """A date as people read it ("11 May 2024"), or a dash."""
    return date_format(value, "j F Y") if value else "—"


def as_of_words(claim: Claim) -> str:
    """The period a claim's figure is for, in words: "11 May 2024", "May 2024", "2023",
    "1 May 2024 to 15 May 2024", or "undated"."""
    start, end = claim.as_of_start, claim.as_of_end
    if start is None:
        return "undated"
    if claim.as_of_precision == "year":
        return date_format(start, "Y")
    if claim.as_of_precision == "month":
        return date_format(start, "F Y")
    if end is None or end == start:
        return people_date(start)
    return f"{people_date(start)} to {people_date(end)}"


def claim_summary(claim: Claim) -> str:
    """One claim as a person checks it: its sentence with the figure marked, then the figure,
    the period it is for, who said it, in which article (title, outlet, date, link) and its
    metric. Needs the claim's article (with outlet), speaker and metric loaded."""
    article = claim.article
    title = (
        format_html('<a href="{}" rel="noopener noreferrer nofollow">{}</a>', article.url,
                    article.title)
        if article.url else article.title
    )  # fmt: skip
    outlet = article.outlet.name if article.outlet_id else "no outlet"
    figure, bounds = figure_text(claim), bounds_text(claim.value_low, claim.value_high)
    return format_html(
        '<div class="claims-summary" data-claim="{}">'
        '<blockquote class="claims-sentence">{}</blockquote>'
        "<dl>"
        "<dt>Figure</dt><dd>{}{}</dd>"
        "<dt>As of</dt><dd>{}</dd>"
        "<dt>Speaker</dt><dd>{}</dd>"
        "<dt>Article</dt><dd>{} — {}, {}</dd>"
        "<dt>Metric</dt><dd>{}</dd>"
        "</dl></div>",
        claim.pk, marked_sentence(claim), figure, f" ({bounds})" if bounds != figure else "",
        as_of_words(claim),
        claim.speaker.name if claim.speaker_id else "not named", title, outlet,
        people_date(article.published) if article.published else "undated",
        claim.metric.name if claim.metric_id else "none yet",
    )  # fmt: skip


def change_url(instance) -> str:
    opts = instance._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk])


def stale_write_message(instance) -> str:
    """The error shown when someone else saved the row first, with a link to what they saved."""
    return format_html(
        "Someone else changed this {} after you opened it, so nothing was saved. "
        '<a href="{}">Open the current version</a>, then make your change again.',
        instance._meta.verbose_name,
        change_url(instance),
    )


class FingerprintedForm(forms.ModelForm):
    """A change form that never saves over someone else's change.

    The form carries the fingerprint (claims_project.concurrency) of the row as it was shown. On
    save the row is locked inside admin's transaction and read again; if its fingerprint differs,
    the save is refused with a link to the current version, and the form comes back with what
    the user typed. A form without a fingerprint is refused the same way.
    """

    row_fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["row_fingerprint"].initial = fingerprint(self.instance)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            model = type(self.instance)
            try:
                lock_and_check(model, self.instance.pk, cleaned.get("row_fingerprint") or "")
            except StaleWrite:
                self.add_error(None, stale_write_message(self.instance))
            except ObjectDoesNotExist:
                self.add_error(None, f"this {model._meta.verbose_name} was deleted meanwhile")
        return cleaned


def without_fingerprint(model_admin, request, obj, fields: list) -> list:
    """``fields`` without the hidden fingerprint where nothing can be saved over a row (the add
    page, a read-only page): there it would only show as an empty row."""
    if obj is not None and model_admin.has_change_permission(request, obj):
        return list(fields)
    return [name for name in fields if name != "row_fingerprint"]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(header: list[str], rows: Iterable[list], filename: str) -> StreamingHttpResponse:
    """Stream ``rows`` as a CSV download, one row at a time."""
    writer = SafeCsvWriter(_Echo())

    def lines() -> Iterator[str]:
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@admin.register(Speaker)
class SpeakerAdmin(SafeHistoryMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "role", "affiliation", "claim_count"]
    list_filter = ["kind"]
    search_fields = ["name", "role", "affiliation", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=Count("claims"))

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, obj: Speaker) -> int:
        return obj.claim_count


class MetricAdminForm(FingerprintedForm):
    class Meta:
        model = Metric
        fields = ["name", "slug", "description", "canonical_unit", "kind", "scope",
                  "comparability_days"]  # fmt: skip


@admin.register(Metric)
class MetricAdmin(SafeHistoryMixin, SimpleHistoryAdmin):
    form = MetricAdminForm
    show_full_result_count = False
    list_display = ["name", "canonical_unit", "kind", "scope", "comparability_days", "claim_count"]
    list_filter = ["kind", "canonical_unit"]
    search_fields = ["name", "slug", "scope", "description"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["diff_report"]

    def get_fields(self, request, obj=None):
        fields = [f for f in super().get_fields(request, obj) if f != "diff_report"]
        fields = without_fingerprint(self, request, obj, fields)
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
            '<div class="claims-report" id="figures-compared">'
            + metric_html(report, resolve_url=resolve_url)
            + "</div>"
        )

    class Media:
        css = {"all": ["claims/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=Count("claims"))

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, obj: Metric) -> int:
        return obj.claim_count


class ClaimAdminForm(FingerprintedForm):
    """Offsets may be left empty: they are found from the quote and the figure."""

    class Meta:
        model = Claim
        fields = list(CLAIM_INPUT_FIELDS)
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


# The claim page's extension point: apps above claims (reviews) add their parts here.
claim_admin_extensions = AdminExtensionPoint("claim")


class ClaimActionForm(ExtensibleActionForm):
    """The claim list's action bar: the metric "Put into the chosen metric" uses, and the fields
    the extensions' actions use."""

    extensions = claim_admin_extensions

    metric = forms.ModelChoiceField(
        queryset=Metric.objects.order_by("name"), required=False, label="Metric:"
    )


CLAIM_CSV_HEADER = [
    "id", "status", "figure", "value_low", "value_high", "qualifier", "unit", "subject", "scope",
    "speaker", "metric", "as_of_start", "as_of_end", "verdict", "quote", "note", "article_id",
    "article_title", "article_url", "outlet", "published",
]  # fmt: skip


def claim_csv_rows(claims) -> Iterator[list]:
    for claim in claims:
        article = claim.article
        yield [
            claim.pk, claim.status, claim.figure, claim.value_low, claim.value_high,
            claim.qualifier, claim.unit, claim.subject, claim.scope,
            claim.speaker.name if claim.speaker_id else "",
            claim.metric.slug if claim.metric_id else "", claim.as_of_start, claim.as_of_end,
            claim.verdict, claim.quote, claim.note, article.pk, article.title, article.url,
            article.outlet.name if article.outlet_id else "", article.published,
        ]  # fmt: skip


@admin.register(Claim)
class ClaimAdmin(ExtensibleAdmin, SafeHistoryMixin, SimpleHistoryAdmin):
    """The claim page; what other apps show on it comes through claim_admin_extensions."""

    extensions = claim_admin_extensions
    form = ClaimAdminForm
    action_form = ClaimActionForm
    # The filtered count pages need; not a second count of the whole table on every page.
    show_full_result_count = False
    # Ten columns that fit 1400 px with the filters beside them (the qualifier is a filter and
    # shows in the figure as written).
    list_display = [
        "figure_display", "subject", "bounds_display", "speaker", "metric", "status", "verdict",
        "article_link", "as_of_start",
    ]  # fmt: skip
    list_filter = [
        "status", FigureKindFilter, "qualifier", "verdict", "origin", "metric", "article__outlet",
    ]  # fmt: skip
    list_select_related = ["speaker", "metric", "article", "article__outlet"]
    search_fields = ["figure", "subject", "quote", "speaker__name", "metric__name"]
    autocomplete_fields = ["article", "speaker", "metric"]
    readonly_fields = ["interval_display", "verdict", "verdict_at", "origin", "context_display"]
    date_hierarchy = "as_of_start"
    actions = ["confirm_claims", "reject_claims", "put_into_metric", group_claims_action,
               "export_csv"]  # fmt: skip
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["article", "quote", "figure", "context_display", "row_fingerprint"]}),
        ("Figure", {"fields": [("value_low", "value_high"), "qualifier", "unit",
                               "interval_display", ("start", "end")]}),
        ("What, who and when", {"fields": ["subject", "scope", "speaker", "metric",
                                           ("as_of_start", "as_of_end"), "as_of_precision",
                                           ("period_kind", "period_start", "period_days")]}),
        ("Editorial", {"fields": ["status", "origin", "verdict", "verdict_at", "note"]}),
    ]  # fmt: skip

    @admin.display(description="figure", ordering="figure")
    def figure_display(self, obj: Claim) -> str:
        return figure_text(obj)

    @admin.display(description="bounds", ordering="value_low")
    def bounds_display(self, obj: Claim) -> str:
        return bounds_text(obj.value_low, obj.value_high)

    @admin.display(description="interval")
    def interval_display(self, obj: Claim) -> str:
        if obj.pk is None:
            return "—"
        try:
            interval = obj.interval()
        except (intervals.BoundsError, units.UnitError) as exc:
            return f"invalid: {exc}"
        unit = obj.metric.canonical_unit if obj.metric_id else obj.unit
        return f"[{people_number(interval.lo)}, {people_number(interval.hi)}] {unit}"

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

    @admin.action(description="Put the selected claims into the chosen metric",
                  permissions=["change"])  # fmt: skip
    def put_into_metric(self, request, queryset):
        metric = chosen(request, "metric", Metric.objects.all())
        if metric is None:
            self.message_user(request, "Choose a metric next to the action first.", messages.ERROR)
            return
        apply_each(
            self, request, queryset.select_related("article", "metric"),
            lambda claim: claim_set_metric(claim=claim, metric=metric),
            label=lambda claim: f"{claim.figure} (#{claim.pk})",
            done=lambda count: f"{count} claim(s) now in {metric}.", refused="Not moved",
        )  # fmt: skip

    @admin.action(description="Export the selected claims as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        claims = (
            queryset.prefetch_related(None)
            .select_related("speaker", "metric", "article", "article__outlet")
            .order_by("pk")
            .iterator(chunk_size=2000)
        )
        return csv_response(CLAIM_CSV_HEADER, claim_csv_rows(claims), "claims.csv")

    def get_urls(self):
        triage = self.admin_site.admin_view(self.triage_view)
        queue = self.admin_site.admin_view(self.queue_view)
        return [
            path("queue/", queue, name="claims_claim_queue"),
            path("<path:object_id>/triage/", triage, name="claims_claim_triage"),
            *super().get_urls(),
        ]

    def queue_view(self, request):
        """The candidate queue, grouped by article: each candidate's figure marked in its
        sentence, with Confirm, Reject and Set metric (keys j, k, c, r, m with JavaScript;
        plain forms without). A fixed number of queries, however many candidates."""
        if not self.has_change_permission(request):
            # Said in words, with the way home, rather than a bare 403.
            self.message_user(
                request, "Triage is an editor's work: only editors confirm or reject candidate "
                "claims.", messages.WARNING,
            )  # fmt: skip
            return HttpResponseRedirect(reverse("admin:index"))
        groups, total = candidate_queue(limit=QUEUE_LIMIT)
        metrics = list(Metric.objects.order_by("name").values_list("pk", "name"))
        queue_url = reverse("admin:claims_claim_queue")
        ordered = [item for group in groups for item in group["items"]]
        # The metric each ungrouped candidate fits, preselected as on the article page (three
        # queries for the whole page; below the threshold nothing is chosen).
        proposed = {
            s.claim_id: (s.metric_id, f"proposed, {s.confidence:.2f}: {s.reason}")
            for s in proposals_at(
                grouping_proposals(claims=[item["claim"].pk for item in ordered]),
                DEFAULT_MIN_CONFIDENCE,
            )
            if s.metric_id
        }
        for position, item in enumerate(ordered):
            claim = item["claim"]
            hint = proposed.get(claim.pk)
            item["chosen"] = claim.metric_id or (hint[0] if hint else None)
            item["hint"] = hint if hint and not claim.metric_id else None
            # After a decision the page comes back on the candidate that followed this one.
            following = ordered[position + 1] if position + 1 < len(ordered) else None
            item["next"] = f"{queue_url}#triage-{following['claim'].pk}" if following else queue_url
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Candidate claims to triage",
            "groups": groups,
            "total": total,
            "shown": len(ordered),
            "metrics": metrics,
            "list_url": f"{reverse('admin:claims_claim_changelist')}?{CANDIDATE_QUEUE_QUERY}",
        }
        return TemplateResponse(request, "admin/claims/claim/candidate_queue.html", context)

    def triage_view(self, request, object_id):
        """One click on the article page: confirm, reject, or put one claim into a metric."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        claim = self.get_object(request, unquote(object_id))
        if claim is None:
            raise Http404("no such claim")
        if not self.has_change_permission(request, claim):
            raise PermissionDenied
        back = (
            reverse("admin:sources_article_change", args=[claim.article_id]) + f"#claim-{claim.pk}"
        )
        asked = request.POST.get("next", "")
        if asked and url_has_allowed_host_and_scheme(
            asked, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = asked  # the candidate queue, on the candidate after this one
        decision = request.POST.get("decision", "")
        try:
            with transaction.atomic():
                current = lock_and_check(Claim, claim.pk, request.POST.get(f"fp-{claim.pk}") or "")
                done = self._decide(request, current, decision)
        except StaleWrite:
            self.message_user(request, stale_write_message(claim), messages.ERROR)
        except ValidationError as exc:
            self.message_user(request, f"{claim.figure}: {'; '.join(exc.messages)}", messages.ERROR)
        else:
            self.message_user(request, f"{claim.figure}: {done}.")
        return HttpResponseRedirect(back)

    def _decide(self, request, claim: Claim, decision: str) -> str:
        if decision in (Claim.Status.CONFIRMED, Claim.Status.REJECTED, Claim.Status.CANDIDATE):
            claim_set_status(claim=claim, status=decision)
            return f"marked {decision}"
        if decision == "metric":
            metric_id = request.POST.get(f"metric-{claim.pk}") or None
            metric = Metric.objects.filter(pk=metric_id).first() if metric_id else None
            if metric_id and metric is None:
                raise ValidationError({"metric": "no such metric"})
            claim_set_metric(claim=claim, metric=metric)
            return f"put into {metric}" if metric else "taken out of its metric"
        raise ValidationError({"decision": f"unknown decision {decision!r}"})

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                name,
                {**options, "fields": without_fingerprint(self, request, obj, options["fields"])},
            )
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read only (a reviewer): the bounds as people write them, not two raw floats and the
        # character offsets that only matter to someone editing the claim.
        shown = {("value_low", "value_high"): "bounds_display", ("start", "end"): None}
        return [
            (name, {**options, "fields": [
                shown.get(entry, entry) for entry in options["fields"] if shown.get(entry, 1)
            ]})
            for name, options in fieldsets
        ]  # fmt: skip

    def changelist_view(self, request, extra_context=None):
        if request.GET.get("status__exact") == Claim.Status.CANDIDATE:
            extra_context = {"title": "Candidate claims to triage", **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    class Media:
        css = {"all": ["claims/admin.css"]}


# The most candidates the queue page shows at once (the rest follow as these are decided).
QUEUE_LIMIT = 100


def candidate_queue(*, limit: int) -> tuple[list[dict], int]:
    """Candidates grouped by article, newest article first, in the order they stand in it:
    ``[{"article", "count", "items": [{"claim", "sentence", "figure", "bounds", "fp"}]}]``
    (at most ``limit`` candidates; ``count`` is each article's whole number of candidates) and
    the number of candidates in all. Three queries."""
    candidates = Claim.objects.filter(status=Claim.Status.CANDIDATE)
    per_article = dict(
        candidates.order_by()
        .values_list("article_id")
        .annotate(n=Count("pk"))
        .values_list("article_id", "n")
    )
    claims = candidates.select_related("article", "article__outlet", "speaker", "metric").order_by(
        "-article_id", "start"
    )[:limit]
    groups: dict[int, dict] = {}
    for claim in claims:
        group = groups.setdefault(
            claim.article_id,
            {"article": claim.article, "count": per_article.get(claim.article_id, 0), "items": []},
        )
        group["items"].append(
            {
                "claim": claim,
                "sentence": marked_sentence(claim),
                "figure": figure_text(claim),
                "bounds": bounds_text(claim.value_low, claim.value_high),
                "fp": fingerprint(claim),
            }
        )
    return list(groups.values()), sum(per_article.values())


class ClaimInline(admin.TabularInline):
    """The article's claims, each with one-click confirm / reject / put into a metric."""

    model = Claim
    extra = 0
    fields = ["figure_link", "subject", "qualifier", "bounds", "unit", "speaker", "metric",
              "status", "triage"]  # fmt: skip
    readonly_fields = fields
    can_delete = False
    show_change_link = True
    ordering = ["start"]
    # Set by get_formset for the request at hand (admin makes inline instances per request).
    request = None
    article = None

    def get_formset(self, request, obj=None, **kwargs):
        self.request, self.article = request, obj
        return super().get_formset(request, obj, **kwargs)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "metric")

    @admin.display(description="figure")
    def figure_link(self, obj: Claim) -> str:
        return format_html('<a href="#claim-{}">{}</a>', obj.pk, figure_text(obj))

    @admin.display(description="bounds")
    def bounds(self, obj: Claim) -> str:
        return bounds_text(obj.value_low, obj.value_high)

    @admin.display(description="decide")
    def triage(self, obj: Claim) -> str:
        request = self.request
        if request is None or not request.user.has_perm("claims.change_claim"):
            return "—"
        # Buttons of the article's form, sent to the claim's triage view (the form's CSRF token
        # goes with them); the fingerprint refuses a decision on a claim changed meanwhile.
        url = reverse("admin:claims_claim_triage", args=[obj.pk])
        buttons = format_html_join(
            "",
            '<button type="submit" class="button claim-{}" formaction="{}" formmethod="post" '
            'name="decision" value="{}"{}>{}</button>',
            (
                (status, url, status, mark_safe(" disabled") if obj.status == status else "",
                 label)
                for status, label in (("confirmed", "Confirm"), ("rejected", "Reject"))
            ),
        )  # fmt: skip
        return format_html(
            '<div class="claim-triage" data-claim="{}">'
            '<input type="hidden" name="fp-{}" value="{}">{}'
            '<select name="metric-{}" aria-label="metric for {}">{}</select>'
            '<button type="submit" class="button" formaction="{}" formmethod="post" '
            'name="decision" value="metric">Set metric</button></div>',
            obj.pk, obj.pk, fingerprint(obj), buttons, obj.pk, obj.figure,
            self._metric_options(obj), url,
        )  # fmt: skip

    def _metric_options(self, claim: Claim) -> str:
        metrics, proposed = self._metric_choices()
        chosen = claim.metric_id or proposed.get(claim.pk, (None,))[0]
        options = [format_html('<option value="">{}</option>', "— no metric —")]
        hint = proposed.get(claim.pk)
        for metric_id, name in metrics:
            note = f" (proposed, {hint[1]:.2f}: {hint[2]})" if hint and metric_id == hint[0] else ""
            selected = mark_safe(" selected") if metric_id == chosen else ""
            options.append(
                format_html('<option value="{}"{}>{}{}</option>', metric_id, selected, name, note)
            )
        return mark_safe("".join(options))  # each option went through format_html

    def _metric_choices(self) -> tuple[list[tuple[int, str]], dict[int, tuple[int, float, str]]]:
        """Every metric, and for each ungrouped claim the proposed one with its confidence and
        reason: once per page. Below the threshold nothing is proposed, so nothing preselected."""
        cached = getattr(self, "_choices", None)
        if cached is None:
            metrics = list(Metric.objects.order_by("name").values_list("pk", "name"))
            proposals = grouping_proposals(claims=self.article.claims.all()) if self.article else []
            proposed = {
                s.claim_id: (s.metric_id, s.confidence, s.reason)
                for s in proposals_at(proposals, DEFAULT_MIN_CONFIDENCE)
                if s.metric_id
            }
            cached = self._choices = (metrics, proposed)
        return cached


@admin.display(description="claims", ordering="claim_count")
def claim_count(article: Article) -> int:
    return article.claim_count


@admin.display(description="extraction", ordering="extraction__status")
def extraction_status(article: Article) -> str:
    extraction = getattr(article, "extraction", None)
    return extraction.get_status_display() if extraction is not None else "not requested"


@admin.display(description="extraction error")
def extraction_error(article: Article) -> str:
    extraction = getattr(article, "extraction", None)
    return (extraction.error if extraction is not None else "") or "—"


class ExtractionStatusFilter(admin.SimpleListFilter):
    title = "extraction"
    parameter_name = "extraction"

    def lookups(self, request, model_admin):
        return [(NOT_REQUESTED, "Not requested"), *ExtractionStatus.choices]

    def queryset(self, request, queryset):
        value = self.value()
        if value == NOT_REQUESTED:
            return queryset.filter(extraction__isnull=True)
        if value in ExtractionStatus.values:
            return queryset.filter(extraction__status=value)
        return queryset


def article_rows_with_claims(request, queryset):
    """The article list's rows with their claim count and extraction state, in its one query."""
    return queryset.select_related("extraction").annotate(claim_count=Count("claims"))


@admin.action(description="Extract claims again (keeps every stored claim)", permissions=["change"])
def extract_again(model_admin, request, queryset):
    ids = list(queryset.values_list("pk", flat=True))
    extraction_enqueue(article_ids=ids)
    model_admin.message_user(
        request,
        f"Extraction queued for {len(ids)} article(s); figures already stored as claims are "
        "left as they are.",
    )


def article_add(model_admin, request, obj: Article, form) -> Article:
    """The add page stores a new article as every import does, with its extraction queued."""
    result = article_import(
        body=obj.body, title=obj.title, outlet=obj.outlet, url=obj.url, published=obj.published,
        published_precision=obj.published_precision, date_basis=obj.date_basis,
    )  # fmt: skip
    model_admin.message_user(request, "Claims in this article are being extracted.")
    return result.article


def undated_article_warning(model_admin, request, obj: Article, change: bool) -> None:
    """What an undated article means for its claims, after the article page's own warning."""
    if obj.published is None:
        model_admin.message_user(
            request,
            'Its claims stay undated: set the date here, then "Extract claims again".',
            messages.WARNING,
        )


@admin.display(description="body with figures marked")
def highlighted_body(obj: Article) -> str:
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


# The article page with its claims: the body with every figure marked (in place of the plain
# body), the claim list, extraction state and the "extract again" action.
article_admin_extensions.register(
    AdminExtension(
        inlines=[ClaimInline],
        list_display=[claim_count, extraction_status],
        list_filter=[ExtractionStatusFilter],
        readonly_parts=[extraction_status, extraction_error, highlighted_body],
        replaces=["body"],
        actions=[extract_again],
        queryset=article_rows_with_claims,
        save_new=article_add,
        saved=[undated_article_warning],
        css=["claims/admin.css"],
    )
)


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
class ConflictResolutionAdmin(SafeHistoryMixin, SimpleHistoryAdmin):
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

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Each claim of the pair as the editor weighs it: figure, date, outlet, speaker, link.
        form = context["adminform"].form
        ids = [str(form[name].value() or "") for name in ("claim_a", "claim_b")]
        found = Claim.objects.select_related(
            "article", "article__outlet", "speaker", "metric"
        ).in_bulk([int(pk) for pk in ids if pk.isdigit()])
        context["resolution_claims"] = [
            (label, claim_summary(found[int(pk)]))
            for label, pk in zip(("First claim", "Second claim"), ids, strict=True)
            if pk.isdigit() and int(pk) in found
        ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _back_to_metric(self, request, obj: ConflictResolution, response):
        # Saved: back to the metric the pair belongs to, where its report shows the result.
        if "_continue" in request.POST or "_addanother" in request.POST:
            return response
        metric_id = Claim.objects.filter(pk=obj.claim_a_id).values_list("metric_id", flat=True)
        metric_id = next(iter(metric_id), None)
        if metric_id is None:
            return response
        return HttpResponseRedirect(
            reverse("admin:claims_metric_change", args=[metric_id]) + "#figures-compared"
        )

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        return self._back_to_metric(request, obj, response)

    def response_change(self, request, obj):
        return self._back_to_metric(request, obj, super().response_change(request, obj))

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
    readonly_fields = ["requested_by_name", "format", "filters", "status", "metrics_done",
                       "metrics_total", "result", "error", "created_at", "finished_at"]  # fmt: skip
    fields = readonly_fields

    @admin.display(description="requested by")
    def requested_by_name(self, obj: ReportRun) -> str:
        return person_link(obj.requested_by)

    def has_add_permission(self, request) -> bool:
        return False  # runs are started from the API or the conflict_report command

    def get_queryset(self, request):
        return report_runs_visible_to(request.user, super().get_queryset(request))

    @admin.display(description="progress")
    def progress_display(self, obj: ReportRun) -> str:
        return f"{obj.progress:.0%}"

    @admin.display(description="file")
    def download(self, obj: ReportRun) -> str:
        if obj.status != ReportRun.Status.DONE:
            return "—"
        return format_html('<a href="/api/report-runs/{}/download/">download</a>', obj.pk)

"""Reviews in admin: reviewers write and move their own reviews through the workflow, editors
assign claims and publish submitted reviews. Every write goes through reviews.services."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from claims.admin import (
    FingerprintedForm,
    SafeHistoryMixin,
    change_url,
    claim_admin_extensions,
    claim_summary,
    person_link,
    stale_write_message,
    without_fingerprint,
)
from claims.core import verdicts
from claims.models import Claim
from claims_project.admin_actions import apply_each, chosen
from claims_project.admin_extensions import AdminExtension
from claims_project.concurrency import StaleWrite, fingerprint, lock_and_check
from reviews.models import Review, ReviewAssignment
from reviews.selectors import (
    STATED,
    claims_visible_to,
    review_disagreements,
    reviewers,
    user_is_editor,
    user_is_reviewer,
    user_may_review,
)
from reviews.services import (
    claim_assign,
    review_check_create,
    review_create,
    review_publish,
    review_submit,
    review_update,
    review_withdraw,
)

Status = Review.Status
WORKFLOW = {"submit": review_submit, "publish": review_publish, "withdraw": review_withdraw}
WORKFLOW_LABELS = {"submit": "Submit for publication", "publish": "Publish", "withdraw": "Withdraw"}


class EvidenceField(forms.CharField):
    """Evidence URLs typed one per line, stored as a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class ReviewAdminForm(FingerprintedForm):
    evidence = EvidenceField(required=False, help_text="One URL per line.")
    # Set on the form class ReviewAdmin.get_form makes for each request.
    acting_user = None

    class Meta:
        model = Review
        fields = ["claim", "rating", "rationale", "evidence", "supersedes"]
        widgets = {"rating": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "rating" in self.fields:
            # Each verdict with its meaning beside it: the reviewer rates on the scale as the
            # README and the public pages word it.
            self.fields["rating"].choices = [
                (verdict.value, f"{info.label} — {info.meaning}")
                for verdict, info in verdicts.SCALE.items()
            ]

    def clean(self):
        cleaned = super().clean()
        claim = cleaned.get("claim")
        if self.instance.pk is None and claim is not None and self.acting_user is not None:
            try:
                review_check_create(
                    claim=claim, reviewer=self.acting_user, supersedes=cleaned.get("supersedes")
                )
            except PermissionDenied as exc:
                self.add_error("claim", str(exc))
            except ValidationError as exc:
                self.add_error(None, exc)
        return cleaned


def allowed_moves(review: Review, user) -> list[str]:
    """The workflow buttons ``user`` gets on ``review`` (the services check again)."""
    own = user.is_superuser or review.reviewer_id == user.pk
    editor = user_is_editor(user) or user.is_superuser
    # Publishing is a second pair of eyes: an editor's, on someone else's submitted review.
    publishes = editor and review.reviewer_id != user.pk
    moves = {
        Status.DRAFT: ["submit", "withdraw"] if own else [],
        Status.SUBMITTED: (["publish"] if publishes else [])
        + (["withdraw"] if own or editor else []),
        Status.PUBLISHED: ["withdraw"] if own or editor else [],
        Status.WITHDRAWN: [],
    }
    return moves[review.status]


@admin.register(Review)
class ReviewAdmin(SafeHistoryMixin, SimpleHistoryAdmin):
    form = ReviewAdminForm
    list_display = ["claim", "rating", "status", "reviewer", "supersedes_link", "published_at",
                    "created_at"]  # fmt: skip
    list_filter = ["status", "rating", "reviewer"]
    list_select_related = ["claim", "reviewer"]
    search_fields = ["rationale", "claim__figure", "claim__subject", "reviewer__username"]
    autocomplete_fields = ["claim", "supersedes"]
    list_per_page = 50
    show_full_result_count = False
    actions = ["submit_reviews", "publish_reviews", "withdraw_reviews"]

    def get_fields(self, request, obj=None):
        fields = ["claim", "reviewer_name", "rating", "rationale", "evidence", "supersedes",
                  "status", "published_at", "row_fingerprint"]  # fmt: skip
        if obj is not None and not self.has_change_permission(request, obj):
            fields[fields.index("evidence")] = "evidence_links"
        if obj is not None and obj.source_organization:
            fields.insert(fields.index("rating") + 1, "provenance")
        return without_fingerprint(self, request, obj, fields)

    @admin.display(description="fact-checker's own verdict")
    def provenance(self, obj: Review) -> str:
        """An imported review's origin, as its fact-checker published it: who, where, when, the
        claim in their words and their own rating (label, value and scale)."""
        scale = ""
        if obj.source_rating_value is not None:
            scale = f" ({obj.source_rating_value:g}"
            if obj.source_worst_rating is not None and obj.source_best_rating is not None:
                scale += f" on {obj.source_worst_rating:g} to {obj.source_best_rating:g}"
            scale += ")"
        where = (
            format_html('<a href="{}" rel="noopener noreferrer nofollow">{}</a>', obj.source_url,
                        obj.source_url)
            if obj.source_url else "—"
        )  # fmt: skip
        return format_html(
            "<p><strong>{}</strong>{}: “{}”</p><p>{}, {}</p><p>{}</p>",
            obj.source_rating_label or "—",
            scale,
            obj.source_claim_reviewed or "—",
            obj.source_organization,
            obj.source_date.isoformat() if obj.source_date else "undated",
            where,
        )

    @admin.display(description="evidence")
    def evidence_links(self, obj: Review) -> str:
        links = obj.evidence if isinstance(obj.evidence, list) else []
        if not links:
            return "—"
        # Stored links are validated http(s) URLs; they open without passing on this page.
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "", '<li><a href="{}" rel="noopener noreferrer nofollow">{}</a></li>',
                ((link, link) for link in links),
            ),
        )  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["reviewer_name", "status", "published_at"]
        return ["claim", "reviewer_name", "supersedes", "status", "published_at", "provenance"]

    @admin.display(description="reviewer")
    def reviewer_name(self, obj: Review | None) -> str:
        return person_link(obj.reviewer) if obj is not None and obj.reviewer_id else "you"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The claim under review, as the reviewer checks it, above the rating and rationale.
        claim_id = obj.claim_id if obj is not None else context["adminform"].form["claim"].value()
        claim = None
        if claim_id:
            claim = (
                claims_visible_to(request.user, Claim.objects.all())
                .select_related("article", "article__outlet", "speaker", "metric")
                .filter(pk=str(claim_id))
                .first()
                if str(claim_id).isdigit()
                else None
            )
        context["claim_summary"] = claim_summary(claim) if claim is not None else ""
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.acting_user = request.user  # a new class per call: safe per request
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "claim":
            kwargs["queryset"] = claims_visible_to(request.user, Claim.objects.all())
        elif db_field.name == "supersedes":
            kwargs["queryset"] = Review.objects.filter(status=Status.PUBLISHED)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        reviews = super().get_queryset(request)
        user = request.user
        if user_is_editor(user):
            return reviews
        # A reviewer sees their own reviews and the stated ones of claims assigned to them.
        assigned = ReviewAssignment.objects.filter(claim=OuterRef("claim_id"), reviewer=user)
        return reviews.filter(Q(reviewer=user) | Q(Exists(assigned), ~Q(status=Status.DRAFT)))

    def has_change_permission(self, request, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        if obj is None:
            return True
        own = request.user.is_superuser or obj.reviewer_id == request.user.pk
        # Published and withdrawn reviews are never edited: they are shown read-only.
        return own and obj.status in (Status.DRAFT, Status.SUBMITTED)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Only a superuser removes a draft; what was stated stays in the record.
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or obj.status == Status.DRAFT

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_workflow_permission(self, request) -> bool:
        return self.has_view_or_change_permission(request)

    @admin.display(description="supersedes", ordering="supersedes")
    def supersedes_link(self, obj: Review) -> str:
        if obj.supersedes_id is None:
            return "—"
        url = reverse("admin:reviews_review_change", args=[obj.supersedes_id])
        return format_html('<a href="{}">review #{}</a>', url, obj.supersedes_id)

    def save_model(self, request, obj: Review, form, change: bool) -> None:
        data = form.cleaned_data
        if change:
            review_update(
                review=obj, by=request.user, rating=data["rating"], rationale=data["rationale"],
                evidence=data["evidence"],
            )  # fmt: skip
            return
        saved = review_create(
            claim=data["claim"], reviewer=request.user, rating=data["rating"],
            rationale=data["rationale"], evidence=data["evidence"],
            supersedes=data.get("supersedes"),
        )  # fmt: skip
        obj.pk, obj.reviewer, obj.status = saved.pk, saved.reviewer, saved.status
        obj.created_at, obj.rationale = saved.created_at, saved.rationale
        obj._state.adding = False

    # The workflow: buttons on the change page, and bulk actions on the list.

    def get_urls(self):
        workflow = self.admin_site.admin_view(self.workflow_view)
        return [
            path("<path:object_id>/workflow/", workflow, name="reviews_review_workflow"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        review = self.get_object(request, unquote(object_id))
        extra_context = dict(extra_context or {})
        if review is not None:
            url = reverse("admin:reviews_review_workflow", args=[review.pk])
            extra_context["workflow_buttons"] = [
                (move, WORKFLOW_LABELS[move], url) for move in allowed_moves(review, request.user)
            ]
            extra_context["review_fingerprint"] = fingerprint(review)
            extra_context["unsaved_warning"] = self.has_change_permission(request, review)
            if (
                review.status == Status.PUBLISHED
                and request.user.has_perm("reviews.add_review")
                and user_may_review(request.user, review.claim)
            ):
                add = reverse("admin:reviews_review_add")
                extra_context["supersede_url"] = (
                    f"{add}?claim={review.claim_id}&supersedes={review.pk}"
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_view(self, request, object_id):
        """Submit, publish or withdraw one review, by the signed-in user (POST only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        review = self.get_object(request, unquote(object_id))
        if review is None:
            raise Http404("no such review")
        move = request.POST.get("move", "")
        back = HttpResponseRedirect(change_url(review))
        if move not in WORKFLOW:
            self.message_user(request, f"unknown step {move!r}", messages.ERROR)
            return back
        if self.has_change_permission(request, review) and self._has_unsaved_edits(request, review):
            self.message_user(
                request, "You have unsaved changes: save the review first, then "
                f"{WORKFLOW_LABELS[move].lower()} it.", messages.ERROR,
            )  # fmt: skip
            return back
        try:
            with transaction.atomic():
                lock_and_check(Review, review.pk, request.POST.get("fp") or "")
                WORKFLOW[move](review=review, by=request.user)
        except StaleWrite:
            self.message_user(request, stale_write_message(review), messages.ERROR)
        except PermissionDenied as exc:
            self.message_user(request, str(exc) or "not allowed", messages.ERROR)
        except ValidationError as exc:
            self.message_user(request, "; ".join(exc.messages), messages.ERROR)
        else:
            self.message_user(request, f"The review is now {review.get_status_display()}.")
            self.log_change(request, review, f"status: {review.status}")
        return back

    def _has_unsaved_edits(self, request, review: Review) -> bool:
        if "rating" not in request.POST:
            return False
        posted = {
            "rating": request.POST.get("rating", ""),
            "rationale": request.POST.get("rationale", "").replace("\r\n", "\n").strip(),
            "evidence": EvidenceField().to_python(request.POST.get("evidence", "")),
        }
        return any(getattr(review, name) != value for name, value in posted.items())

    def _move_each(self, request, queryset, move: str) -> None:
        apply_each(
            self, request, queryset.select_related("claim"),
            lambda review: WORKFLOW[move](review=review, by=request.user),
            label=lambda review: f"#{review.pk}",
            done=lambda count: f"{count} review(s): {WORKFLOW_LABELS[move].lower()} done.",
            refused="Refused",
        )  # fmt: skip

    @admin.action(description="Submit the selected reviews", permissions=["workflow"])
    def submit_reviews(self, request, queryset):
        self._move_each(request, queryset, "submit")

    @admin.action(description="Publish the selected reviews", permissions=["workflow"])
    def publish_reviews(self, request, queryset):
        self._move_each(request, queryset, "publish")

    @admin.action(description="Withdraw the selected reviews", permissions=["workflow"])
    def withdraw_reviews(self, request, queryset):
        self._move_each(request, queryset, "withdraw")


class ReviewInline(admin.TabularInline):
    """A claim's reviews, newest first, as a record: each is changed on its own page."""

    model = Review
    fk_name = "claim"
    extra = 0
    fields = ["reviewer_name", "rating", "status", "rationale", "supersedes", "published_at"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    @admin.display(description="reviewer")
    def reviewer_name(self, obj: Review) -> str:
        return person_link(obj.reviewer)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        reviews = super().get_queryset(request).select_related("reviewer")
        if user_is_editor(request.user):
            return reviews
        return reviews.filter(Q(reviewer=request.user) | ~Q(status=Status.DRAFT))


def claims_with_reviews(request, queryset):
    """The claim page's rows as the user may see them (a reviewer: the claims assigned to them),
    with their stated reviews and assignments loaded for the columns below."""
    claims = claims_visible_to(request.user, queryset)
    superseded = Review.objects.filter(supersedes=OuterRef("pk"), status__in=STATED)
    stated = (
        Review.objects.filter(status__in=STATED)
        .exclude(Exists(superseded))
        .select_related("reviewer")
        .order_by("reviewer__username")
    )
    assignments = ReviewAssignment.objects.select_related("reviewer").order_by("reviewer__username")
    return claims.prefetch_related(
        Prefetch("reviews", queryset=stated, to_attr="stated_reviews"),
        Prefetch("review_assignments", queryset=assignments, to_attr="assignments"),
    )


@admin.display(description="reviewers")
def reviewers_display(obj: Claim) -> str:
    assigned = [a.reviewer.get_username() for a in obj.assignments]
    ratings = {review.rating for review in obj.stated_reviews}
    flag = (
        mark_safe(' <strong class="claims-disagree">reviewers disagree</strong>')
        if len(ratings) > 1
        else ""
    )
    return format_html("{}{}", ", ".join(assigned) or "—", flag)


@admin.display(description="reviews")
def reviews_display(obj: Claim) -> str:
    if obj.pk is None:
        return "—"
    assigned = ", ".join(a.reviewer.get_username() for a in obj.assignments) or "nobody yet"
    disagreement = review_disagreements([obj.pk]).get(obj.pk)
    table = ""
    if disagreement:
        table = format_html(
            '<p class="claims-disagree">Reviewers disagree:</p><ul>{}</ul>',
            format_html_join("", "<li>{}: {} ({})</li>", disagreement),
        )
    return format_html("<p>Assigned to: {}</p>{}", assigned, table)


@admin.action(description="Assign the selected claims to the chosen reviewer",
              permissions=["change"])  # fmt: skip
def assign_to_reviewer(model_admin, request, queryset):
    reviewer = chosen(request, "reviewer", reviewers())
    if reviewer is None:
        model_admin.message_user(request, "Choose a reviewer next to the action first.",
                                 messages.ERROR)  # fmt: skip
        return
    apply_each(
        model_admin, request, queryset,
        lambda claim: claim_assign(claim=claim, reviewer=reviewer, by=request.user),
        label=lambda claim: f"{claim.figure} (#{claim.pk})",
        done=lambda count: f"{count} claim(s) assigned to {reviewer.get_username()}.",
        refused="Not assigned",
    )  # fmt: skip


def review_links(request, claim: Claim) -> list[tuple[str, str]]:
    """The reviewer's next step on a claim's page: continue their draft, open the review they
    submitted, or write one (a draft form with the claim filled in)."""
    user = request.user
    if not user.has_perm("reviews.add_review"):
        return []
    own = Review.objects.filter(claim=claim, reviewer=user).order_by("-created_at")
    draft = own.filter(status=Status.DRAFT).first()
    if draft is not None:
        return [("Continue your review", change_url(draft))]
    submitted = own.filter(status=Status.SUBMITTED).first()
    if submitted is not None:
        return [("Open your submitted review (an editor publishes it)", change_url(submitted))]
    if claim.status == Claim.Status.REJECTED or not user_may_review(user, claim):
        return []
    return [("Write a review", f"{reverse('admin:reviews_review_add')}?claim={claim.pk}")]


def claim_not_assigned(request, object_id: str) -> tuple[str, str] | None:
    """A reviewer opening a claim that exists but is not assigned to them is told so, and sent
    back to their queue (not "doesn't exist. Perhaps it was deleted?")."""
    user = request.user
    if user_is_editor(user) or not user_is_reviewer(user) or not str(object_id).isdigit():
        return None
    if not Claim.objects.filter(pk=int(object_id)).exists():
        return None
    queue = reverse("admin:claims_claim_changelist")
    message = format_html(
        "Claim #{} is not assigned to you; ask an editor to assign it to you if you should "
        'review it. <a href="{}">Back to the claims assigned to you</a>.',
        object_id, queue,
    )  # fmt: skip
    return message, queue


# The claim page with its reviewers and reviews; reviewers see the claims assigned to them.
claim_admin_extensions.register(
    AdminExtension(
        inlines=[ReviewInline],
        list_display=[reviewers_display],
        readonly_parts=[reviews_display],
        fieldsets=[("Reviews", {"fields": [reviews_display]})],
        actions=[assign_to_reviewer],
        action_fields={
            "reviewer": forms.ModelChoiceField(
                queryset=reviewers(), required=False, label="Reviewer:"
            )
        },
        queryset=claims_with_reviews,
        page_links=review_links,
        hidden_row=claim_not_assigned,
    )
)


class ReviewAssignmentForm(forms.ModelForm):
    class Meta:
        model = ReviewAssignment
        fields = ["claim", "reviewer"]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(SafeHistoryMixin, SimpleHistoryAdmin):
    form = ReviewAssignmentForm
    list_display = ["claim", "reviewer", "assigned_by", "assigned_at"]
    list_filter = ["reviewer"]
    list_select_related = ["claim", "reviewer", "assigned_by"]
    search_fields = ["claim__figure", "claim__subject", "reviewer__username"]
    autocomplete_fields = ["claim"]
    readonly_fields = ["reviewer_name", "assigned_by_name", "assigned_at"]
    show_full_result_count = False

    def get_fields(self, request, obj=None):
        # Shown (never changed), people are named by person_link, not admin's user links.
        if obj is None:
            return ["claim", "reviewer"]
        return ["claim", "reviewer_name", "assigned_by_name", "assigned_at"]

    @admin.display(description="reviewer")
    def reviewer_name(self, obj: ReviewAssignment) -> str:
        return person_link(obj.reviewer)

    @admin.display(description="assigned by")
    def assigned_by_name(self, obj: ReviewAssignment) -> str:
        return person_link(obj.assigned_by) if obj.pk else "you"

    def get_queryset(self, request):
        assignments = super().get_queryset(request)
        if user_is_editor(request.user):
            return assignments
        return assignments.filter(reviewer=request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "reviewer":
            kwargs["queryset"] = reviewers()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # made or removed, never changed

    def save_model(self, request, obj: ReviewAssignment, form, change: bool) -> None:
        saved = claim_assign(claim=obj.claim, reviewer=obj.reviewer, by=request.user)
        obj.pk, obj.assigned_by, obj.assigned_at = saved.pk, saved.assigned_by, saved.assigned_at
        obj._state.adding = False

from django import forms
from django.contrib import admin
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from claims.admin import ClaimAdmin
from claims.models import Claim
from reviews.models import Review
from reviews.services import claim_verdict_refresh


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


class ReviewAdminForm(forms.ModelForm):
    evidence = EvidenceField(required=False, help_text="One URL per line.")

    class Meta:
        model = Review
        fields = ["claim", "reviewer", "rating", "rationale", "evidence", "status", "supersedes"]

    def clean(self):
        cleaned = super().clean()
        # Publishing dates the review; the claim's verdict follows on save.
        if cleaned.get("status") == Review.Status.PUBLISHED and self.instance.published_at is None:
            self.instance.published_at = timezone.now()
        return cleaned


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    form = ReviewAdminForm
    list_display = ["claim", "rating", "status", "reviewer", "published_at", "created_at"]
    list_filter = ["status", "rating", "reviewer"]
    list_select_related = ["claim", "reviewer"]
    search_fields = ["rationale", "claim__figure", "claim__subject", "reviewer__username"]
    autocomplete_fields = ["claim", "supersedes"]
    readonly_fields = ["published_at"]
    list_per_page = 50

    def save_model(self, request, obj: Review, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        claim_verdict_refresh(claim=obj.claim)


class ReviewInline(admin.StackedInline):
    model = Review
    form = ReviewAdminForm
    fk_name = "claim"
    extra = 0
    fields = ["reviewer", "rating", "rationale", "evidence", "status", "published_at"]
    readonly_fields = ["published_at"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("reviewer")


admin.site.unregister(Claim)


@admin.register(Claim)
class ClaimWithReviewsAdmin(ClaimAdmin):
    """The claim page with its reviews under it."""

    inlines = [*ClaimAdmin.inlines, ReviewInline]

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        claim_verdict_refresh(claim=form.instance)

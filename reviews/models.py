from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from claims.core import verdicts
from claims.models import Claim


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Review(models.Model):
    """One reviewer's verdict on one claim. The claim's current verdict is its latest published one.

    A published review is never edited in place: a new review supersedes it.
    """

    Status = ReviewStatus

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews"
    )
    rating = models.CharField(max_length=15, choices=verdicts.CHOICES)
    rationale = models.TextField()
    evidence = models.JSONField(default=list, blank=True, help_text="A list of evidence URLs.")
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    supersedes = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    # Provenance of a review imported from another fact-checker's ClaimReview: it stays theirs
    # (re-exported under their name, url, label and scale). Blank for our own reviews.
    source_organization = models.CharField(max_length=300, blank=True)
    source_organization_url = models.URLField(max_length=1000, blank=True)
    source_url = models.URLField(max_length=1000, blank=True)
    source_date = models.DateField(null=True, blank=True)
    source_claim_reviewed = models.TextField(blank=True)
    source_appearance_url = models.URLField(max_length=1000, blank=True)
    source_rating_label = models.CharField(max_length=300, blank=True)
    source_rating_value = models.FloatField(null=True, blank=True)
    source_best_rating = models.FloatField(null=True, blank=True)
    source_worst_rating = models.FloatField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # A claim's current verdict: its latest published review.
            models.Index(fields=["claim", "status", "-published_at"], name="review_claim_current"),
            # A reviewer's own queue.
            models.Index(fields=["reviewer", "status"], name="review_reviewer_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__in=[v.value for v in verdicts.Verdict]),
                name="review_rating_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values), name="review_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="review_published_has_date",
            ),
            models.CheckConstraint(condition=~Q(rationale=""), name="review_rationale_not_empty"),
            # Importing a fact-check twice stores it once: its url names it.
            models.UniqueConstraint(
                fields=["source_url"],
                condition=~Q(source_url=""),
                name="review_source_url_unique",
                violation_error_message="A review with this fact-check url is already stored.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_rating_display()} on {self.claim}"

    @property
    def is_imported(self) -> bool:
        """True for a review that came from another fact-checker's ClaimReview."""
        return bool(self.source_organization or self.source_url)

    def clean(self) -> None:
        evidence = self.evidence
        if not isinstance(evidence, list):
            raise ValidationError({"evidence": "evidence must be a list of URLs"})
        check_url = URLValidator(schemes=["http", "https"])
        for position, link in enumerate(evidence, start=1):
            try:
                if not isinstance(link, str):
                    raise ValidationError("not a string")
                check_url(link)
            except ValidationError:
                raise ValidationError(
                    {"evidence": f"item {position} is not an http(s) URL: {link!r}"}
                ) from None


class ReviewAssignment(models.Model):
    """An editor's request that one reviewer rate one claim; it lets the reviewer see the claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="review_assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    assigned_at = models.DateTimeField(default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-assigned_at"]
        constraints = [
            # Assigning twice is the same assignment (the FK index on reviewer serves "my claims").
            models.UniqueConstraint(
                fields=["claim", "reviewer"],
                name="assignment_one_per_reviewer",
                violation_error_message="This claim is already assigned to this reviewer.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim} → {self.reviewer}"

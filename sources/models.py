from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Outlet(models.Model):
    """A publisher: Rudaw, Kurdistan24, Gulan Media."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200, unique=True)
    homepage = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    """One published piece with its archived plain-text body.

    The body is evidence: other records point into it by character offsets, so it is never edited
    after import (a database trigger refuses it). Its content hash makes a second import of the
    same text a no-op.
    """

    class DatePrecision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, null=True, blank=True, related_name="articles"
    )
    # Unique when present; NULL (not "") when absent, so many articles may lack one.
    url = models.URLField(max_length=1000, unique=True, null=True, blank=True)
    title = models.CharField(max_length=500)
    published = models.DateField(null=True, blank=True)
    published_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    date_basis = models.TextField(
        blank=True, help_text="How the publication date was established, when the text lacks it."
    )
    body = models.TextField(help_text="The archived plain text. Never edited after import.")
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    imported_at = models.DateTimeField(default=timezone.now, editable=False)
    history = HistoricalRecords(excluded_fields=["body"])

    class Meta:
        ordering = ["-published", "-id"]
        indexes = [
            # Articles of one outlet by date: the outlet filter and the diff of two outlets.
            models.Index(fields=["outlet", "published"], name="article_outlet_published"),
            # Publication-date range filters, on articles and on what joins them.
            models.Index(fields=["published"], name="article_published"),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(body=""), name="article_body_not_empty"),
            models.CheckConstraint(condition=~models.Q(title=""), name="article_title_not_empty"),
            models.CheckConstraint(
                condition=models.Q(published_precision__in=["day", "month", "year"]),
                name="article_published_precision_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

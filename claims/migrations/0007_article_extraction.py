"""Extraction state moves from sources.Article to a model of claims' own, one row per article.

The rows are copied from the article's old columns here; sources' next migration drops them, and
``run_before`` makes this one run first, so sources' migrations need not know of claims.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def copy_extraction_state(apps, schema_editor):
    Article = apps.get_model("sources", "Article")
    ArticleExtraction = apps.get_model("claims", "ArticleExtraction")
    now = django.utils.timezone.now()
    rows = []
    # "not_requested" had no extraction to speak of: such an article simply gets no row.
    for article in (
        Article.objects.exclude(extraction_status="not_requested")
        .only("pk", "extraction_status", "extraction_error", "extracted_at", "imported_at")
        .iterator(chunk_size=2000)
    ):
        rows.append(
            ArticleExtraction(
                article_id=article.pk,
                status=article.extraction_status,
                error=article.extraction_error,
                changed_at=article.extracted_at or article.imported_at or now,
                finished_at=article.extracted_at,
            )
        )
        if len(rows) >= 2000:
            ArticleExtraction.objects.bulk_create(rows)
            rows = []
    ArticleExtraction.objects.bulk_create(rows)


def copy_back(apps, schema_editor):
    Article = apps.get_model("sources", "Article")
    ArticleExtraction = apps.get_model("claims", "ArticleExtraction")
    for row in ArticleExtraction.objects.iterator(chunk_size=2000):
        status = "queued" if row.status == "running" else row.status
        Article.objects.filter(pk=row.article_id).update(
            extraction_status=status, extraction_error=row.error, extracted_at=row.finished_at
        )


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0006_claim_search_vector"),
        ("sources", "0003_article_extraction_status"),
    ]
    run_before = [("sources", "0004_article_without_extraction_state")]

    operations = [
        migrations.CreateModel(
            name="ArticleExtraction",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="extraction",
                        serialize=False,
                        to="sources.article",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Queued"),
                            ("running", "Running"),
                            ("waiting", "Waiting for the task queue"),
                            ("done", "Done"),
                            ("failed", "Failed"),
                        ],
                        max_length=7,
                    ),
                ),
                ("error", models.TextField(blank=True)),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
            ],
            options={
                "indexes": [
                    models.Index(fields=["status", "changed_at"], name="extraction_status_changed")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("status__in", ["queued", "running", "waiting", "done", "failed"])
                        ),
                        name="article_extraction_status_valid",
                    )
                ],
            },
        ),
        migrations.RunPython(copy_extraction_state, copy_back),
    ]

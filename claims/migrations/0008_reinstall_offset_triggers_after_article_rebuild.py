"""Reinstall the claim offset triggers: they read sources_article, which SQLite rebuilt again."""

from django.db import migrations

from claims import db_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0007_article_extraction"),
        ("sources", "0004_article_without_extraction_state"),
    ]

    operations = [migrations.RunPython(db_triggers.reinstall, migrations.RunPython.noop)]

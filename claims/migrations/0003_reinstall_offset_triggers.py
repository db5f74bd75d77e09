"""Reinstall the claim offset triggers: they read sources_article, which SQLite rebuilt."""

from django.db import migrations

from claims import db_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_claim_offset_triggers"),
        ("sources", "0003_article_extraction_status"),
    ]

    operations = [migrations.RunPython(db_triggers.reinstall, migrations.RunPython.noop)]

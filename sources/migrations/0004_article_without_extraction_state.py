"""The article no longer stores where the extraction of figures from it stands: that belongs to
the app that extracts them, which copied the values into a table of its own before this runs."""

from django.db import migrations, models

from sources import db_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0003_article_extraction_status"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_extraction_status"),
        migrations.RemoveField(model_name="article", name="extracted_at"),
        migrations.RemoveField(model_name="article", name="extraction_error"),
        migrations.RemoveField(model_name="article", name="extraction_status"),
        # SQLite rebuilt sources_article without the columns: its trigger went with the old table.
        migrations.RunPython(db_triggers.reinstall, migrations.RunPython.noop),
    ]

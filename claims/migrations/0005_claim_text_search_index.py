"""Full-text search over claims on PostgreSQL: a GIN index on the exact expression the API's
text filter uses (claims/filters.py, text_search). SQLite searches without an index."""

from django.db import migrations

EXPRESSION = (
    "to_tsvector('english'::regconfig, COALESCE(\"quote\", '') || ' ' || COALESCE(\"subject\", ''))"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS claim_text_search ON claims_claim USING gin ({EXPRESSION})"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS claim_text_search")


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_conflict_resolution_and_report_run")]

    operations = [migrations.RunPython(create, drop)]

"""Full-text search reads a stored vector on PostgreSQL instead of computing one per row.

Migration 0005 indexed the expression the text filter matches. The index serves selective words,
but when PostgreSQL expects many matches it walks the claims newest first and computed the
vector of every row it passed: a search for two common words took most of a second at a million
claims, and under load seconds. The vector is now a stored generated column (PostgreSQL keeps it
current on every insert and update) with the GIN index on it, so either plan is cheap. SQLite
searches without it (claims/filters.py, text_search).
"""

from django.db import migrations

EXPRESSION = (
    "to_tsvector('english'::regconfig, COALESCE(\"quote\", '') || ' ' || COALESCE(\"subject\", ''))"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE claims_claim ADD COLUMN IF NOT EXISTS search_vector tsvector "
            f"GENERATED ALWAYS AS ({EXPRESSION}) STORED"
        )
        schema_editor.execute("DROP INDEX IF EXISTS claim_text_search")
        schema_editor.execute(
            "CREATE INDEX claim_text_search ON claims_claim USING gin (search_vector)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS claim_text_search")
        schema_editor.execute("ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector")
        schema_editor.execute(
            f"CREATE INDEX claim_text_search ON claims_claim USING gin ({EXPRESSION})"
        )


class Migration(migrations.Migration):
    dependencies = [("claims", "0005_claim_text_search_index")]

    operations = [migrations.RunPython(create, drop)]

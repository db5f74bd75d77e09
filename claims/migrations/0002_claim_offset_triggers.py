"""A claim's offsets must lie inside its article's body and cover exactly its figure.

A check constraint cannot read another table, so triggers enforce it, on SQLite and PostgreSQL.
Note for later migrations: SQLite rebuilds a table for some ALTERs and drops its triggers with it;
tests/claims/test_claim_constraints.py fails if that happens, and the fix is to run UP again.
"""

from django.db import migrations

_SQLITE_CHECK = """
FOR EACH ROW WHEN
    NEW."end" > (SELECT length(body) FROM sources_article WHERE id = NEW.article_id)
    OR substr((SELECT body FROM sources_article WHERE id = NEW.article_id),
              NEW.start + 1, NEW."end" - NEW.start) IS NOT NEW.figure
BEGIN
    SELECT RAISE(ABORT, 'claim offsets must lie inside the article body and cover the figure');
END;
"""
SQLITE_UP = [
    "CREATE TRIGGER claims_claim_offsets_insert BEFORE INSERT ON claims_claim" + _SQLITE_CHECK,
    'CREATE TRIGGER claims_claim_offsets_update BEFORE UPDATE OF start, "end", figure, '
    "article_id ON claims_claim" + _SQLITE_CHECK,
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS claims_claim_offsets_insert",
    "DROP TRIGGER IF EXISTS claims_claim_offsets_update",
]

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION claims_claim_check_offsets() RETURNS trigger AS $$
DECLARE
    article_body text;
BEGIN
    SELECT body INTO article_body FROM sources_article WHERE id = NEW.article_id;
    IF NEW."end" > char_length(article_body)
       OR substr(article_body, NEW.start + 1, NEW."end" - NEW.start) IS DISTINCT FROM NEW.figure
    THEN
        RAISE EXCEPTION 'claim offsets must lie inside the article body and cover the figure'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER claims_claim_offsets
BEFORE INSERT OR UPDATE OF start, "end", figure, article_id ON claims_claim
FOR EACH ROW EXECUTE FUNCTION claims_claim_check_offsets();
"""
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS claims_claim_offsets ON claims_claim",
    "DROP FUNCTION IF EXISTS claims_claim_check_offsets()",
]


def _run(sql_by_vendor):
    def run(apps, schema_editor):
        # SQLite runs one statement per call, so each vendor's SQL is a list of statements.
        for statement in sql_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial"), ("sources", "0002_article_body_immutable")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": [POSTGRES_UP]}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]

"""The article body is archived evidence: the database refuses any change to it.

Claims point into the body by character offsets, so an edited body would silently break them.
"""

from django.db import migrations

SQLITE_UP = """
CREATE TRIGGER sources_article_body_immutable
BEFORE UPDATE OF body ON sources_article
FOR EACH ROW WHEN NEW.body IS NOT OLD.body
BEGIN
    SELECT RAISE(ABORT, 'article body is archived evidence and cannot be edited');
END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS sources_article_body_immutable"

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION sources_article_body_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.body IS DISTINCT FROM OLD.body THEN
        RAISE EXCEPTION 'article body is archived evidence and cannot be edited'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER sources_article_body_immutable
BEFORE UPDATE OF body ON sources_article
FOR EACH ROW EXECUTE FUNCTION sources_article_body_immutable();
"""
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS sources_article_body_immutable ON sources_article",
    "DROP FUNCTION IF EXISTS sources_article_body_immutable()",
]


def _run(sql_by_vendor):
    def run(apps, schema_editor):
        # SQLite runs one statement per call, so each vendor's SQL is a list of statements.
        for statement in sql_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": [SQLITE_UP], "postgresql": [POSTGRES_UP]}),
            _run({"sqlite": [SQLITE_DOWN], "postgresql": POSTGRES_DOWN}),
        )
    ]

"""Database triggers of the sources app, as SQL per vendor.

Migrations install them; SQLite drops a table's triggers when Django rebuilds the table for an
ALTER, so migrations that rebuild a table call ``reinstall`` afterwards.
"""

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
UP = {"sqlite": [SQLITE_UP], "postgresql": [POSTGRES_UP]}
DOWN = {"sqlite": [SQLITE_DOWN], "postgresql": POSTGRES_DOWN}


def _execute(schema_editor, statements) -> None:
    # SQLite runs one statement per call, so each vendor's SQL is a list of statements.
    for statement in statements:
        schema_editor.execute(statement)


def install(apps, schema_editor) -> None:
    """Create the triggers (a RunPython forward function)."""
    _execute(schema_editor, UP.get(schema_editor.connection.vendor, []))


def uninstall(apps, schema_editor) -> None:
    """Drop the triggers (a RunPython backward function)."""
    _execute(schema_editor, DOWN.get(schema_editor.connection.vendor, []))


def reinstall(apps, schema_editor) -> None:
    """Drop and create again: after a SQLite table rebuild the old ones are gone or broken."""
    uninstall(apps, schema_editor)
    install(apps, schema_editor)

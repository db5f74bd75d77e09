"""Database triggers of the sources app, as SQL per vendor.

Migrations install them (see claims_project/triggers.py); a migration that makes SQLite rebuild
the table calls ``reinstall`` afterwards.
"""

from claims_project.triggers import Triggers

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


_TRIGGERS = Triggers(UP, DOWN)
install, uninstall, reinstall = _TRIGGERS.install, _TRIGGERS.uninstall, _TRIGGERS.reinstall

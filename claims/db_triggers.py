"""Database triggers of the claims app, as SQL per vendor.

Migrations install them (see claims_project/triggers.py); a migration that makes SQLite rebuild
the table calls ``reinstall`` afterwards.
"""

from claims_project.triggers import Triggers

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
UP = {"sqlite": SQLITE_UP, "postgresql": [POSTGRES_UP]}
DOWN = {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}


_TRIGGERS = Triggers(UP, DOWN)
install, uninstall, reinstall = _TRIGGERS.install, _TRIGGERS.uninstall, _TRIGGERS.reinstall

"""A published review is never edited in place: the database refuses a change to its rating,
rationale, evidence, claim or reviewer, or a move back to draft or submitted. Withdrawing it is
allowed; a new verdict is a new review that supersedes it.

The SQL lives here, not in a module, so the migration stays as it was written. SQLite drops a
table's triggers when Django rebuilds the table for an ALTER: a later migration that alters
reviews_review must run ``install`` again (import it from this module).
"""

from django.db import migrations

from claims_project.triggers import Triggers

MESSAGE = "a published review is never edited; write a new review that supersedes it"
CHANGED = (
    "NEW.rating IS {op} OLD.rating OR NEW.rationale IS {op} OLD.rationale "
    "OR NEW.evidence IS {op} OLD.evidence OR NEW.claim_id IS {op} OLD.claim_id "
    "OR NEW.reviewer_id IS {op} OLD.reviewer_id "
    "OR NEW.status NOT IN ('published', 'withdrawn')"
)

SQLITE_UP = f"""
CREATE TRIGGER reviews_review_published_immutable
BEFORE UPDATE ON reviews_review
FOR EACH ROW WHEN OLD.status = 'published' AND ({CHANGED.format(op="NOT")})
BEGIN
    SELECT RAISE(ABORT, '{MESSAGE}');
END;
"""
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS reviews_review_published_immutable"]

POSTGRES_UP = f"""
CREATE OR REPLACE FUNCTION reviews_review_published_immutable() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'published' AND ({CHANGED.format(op="DISTINCT FROM")}) THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER reviews_review_published_immutable
BEFORE UPDATE ON reviews_review
FOR EACH ROW EXECUTE FUNCTION reviews_review_published_immutable();
"""
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS reviews_review_published_immutable ON reviews_review",
    "DROP FUNCTION IF EXISTS reviews_review_published_immutable()",
]
UP = {"sqlite": [SQLITE_UP], "postgresql": [POSTGRES_UP]}
DOWN = {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}


TRIGGERS = Triggers(UP, DOWN)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0005_roles_for_assignments")]

    operations = [migrations.RunPython(TRIGGERS.install, TRIGGERS.uninstall)]

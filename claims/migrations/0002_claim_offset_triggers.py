"""A claim's offsets must lie inside its article's body and cover exactly its figure.

A check constraint cannot read another table, so triggers enforce it, on SQLite and PostgreSQL.
Note for later migrations: SQLite rebuilds a table for some ALTERs and drops or breaks triggers
with it; tests/claims/test_claim_validation.py fails if that happens, and the fix is a
RunPython(db_triggers.reinstall) after the rebuild (see 0003).
"""

from django.db import migrations

from claims import db_triggers


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial"), ("sources", "0002_article_body_immutable")]

    operations = [
        migrations.RunPython(db_triggers.install, db_triggers.uninstall),
    ]

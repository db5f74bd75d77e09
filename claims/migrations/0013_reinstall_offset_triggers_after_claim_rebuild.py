"""Reinstall the claim offset triggers: adding the figure's kind and period made SQLite rebuild
the claims table, and a rebuilt table has lost its triggers."""

from django.db import migrations

from claims import db_triggers


class Migration(migrations.Migration):
    dependencies = [("claims", "0012_claim_period")]

    operations = [migrations.RunPython(db_triggers.reinstall, migrations.RunPython.noop)]

"""The article body is archived evidence: the database refuses any change to it.

Claims point into the body by character offsets, so an edited body would silently break them.
"""

from django.db import migrations

from sources import db_triggers


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_initial")]

    operations = [
        migrations.RunPython(db_triggers.install, db_triggers.uninstall),
    ]

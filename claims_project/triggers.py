"""Database triggers written per vendor, installed and removed from migrations.

SQLite runs one statement per call, so each vendor's SQL is a list of statements. SQLite also
drops (or breaks) a table's triggers when Django rebuilds the table for an ALTER, so a migration
that rebuilds a table calls ``reinstall`` after it.
"""

from __future__ import annotations


class Triggers:
    """One set of triggers: the SQL to create and to drop them, per database vendor."""

    def __init__(self, up: dict[str, list[str]], down: dict[str, list[str]]) -> None:
        self.up = up
        self.down = down

    @staticmethod
    def _execute(schema_editor, statements: list[str]) -> None:
        for statement in statements:
            schema_editor.execute(statement)

    def install(self, apps, schema_editor) -> None:
        """Create the triggers (a RunPython forward function)."""
        self._execute(schema_editor, self.up.get(schema_editor.connection.vendor, []))

    def uninstall(self, apps, schema_editor) -> None:
        """Drop the triggers (a RunPython backward function)."""
        self._execute(schema_editor, self.down.get(schema_editor.connection.vendor, []))

    def reinstall(self, apps, schema_editor) -> None:
        """Drop and create again: after a SQLite table rebuild the old ones are gone or broken."""
        self.uninstall(apps, schema_editor)
        self.install(apps, schema_editor)

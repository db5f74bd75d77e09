"""Detecting concurrent edits of one row, for the API (ETag / If-Match) and for admin forms.

A row's *fingerprint* is a hash of its stored field values. A client (or an admin form) keeps the
fingerprint it read; a write that carries a fingerprint is refused when the row, locked and
read again inside the write's transaction, no longer has it. No version column is needed, so
every model gets it the same way, and a save that changes nothing never invalidates a reader.
"""

from __future__ import annotations

import hashlib
import json

from django.db import models, transaction


class StaleWrite(Exception):
    """The row changed since the writer read it; nothing was written."""

    def __init__(self, current: str) -> None:
        super().__init__("this record was changed by someone else since you read it")
        self.current = current


def fingerprint(instance, model: type[models.Model] | None = None) -> str:
    """A short hash of the row's concrete field values (the ETag of its API resource).

    ``instance`` is a model instance, or with ``model`` any object carrying the model's field
    values as attributes (a row read with ``values_list``): both give the same hash."""
    fields = (model or instance)._meta.concrete_fields
    values = {field.attname: field.value_to_string(instance) for field in fields}
    digest = hashlib.sha256(json.dumps(values, sort_keys=True).encode("utf-8")).hexdigest()
    return digest[:32]


def record_update(*, model: type[models.Model], pk, expected: str | None, fields: dict):
    """Change ``fields`` of one row, locked for the transaction, and return it; raise StaleWrite
    if its fingerprint is not ``expected`` (when one is given).

    Only the columns whose value changes are written (with the row's ``auto_now`` columns), so
    a write never puts back what another writer changed in a column it did not touch.
    """
    with transaction.atomic():
        current = lock_and_check(model, pk, expected)
        changed = [name for name, value in fields.items() if getattr(current, name) != value]
        for name in changed:
            setattr(current, name, fields[name])
        if changed:
            current.full_clean()
            stamped = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
            current.save(update_fields=[*changed, *stamped])
        return current


def lock_and_check(model: type[models.Model], pk, expected: str | None) -> models.Model:
    """Lock the row for this transaction and return it; raise StaleWrite if its fingerprint is
    not ``expected`` (when one is given). Call inside ``transaction.atomic()``."""
    current = model._default_manager.select_for_update().get(pk=pk)
    if expected is not None:
        now = fingerprint(current)
        if now != expected.strip('"').removeprefix("W/").strip('"'):
            raise StaleWrite(now)
    return current

"""What admin actions over many rows share: the row chosen beside the action, and one service
call per selected row with every refusal reported to the editor."""

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction


def chosen(request, name: str, queryset):
    """The row whose id the action form posted as ``name`` (a select beside the action), or
    None when nothing or no such row was chosen."""
    given = request.POST.get(name) or ""
    return queryset.filter(pk=given).first() if given.isdigit() else None


def apply_each(
    model_admin,
    request,
    rows: Iterable,
    act: Callable[[object], object],
    *,
    label: Callable[[object], str],
    done: Callable[[int], str],
    refused: str,
) -> None:
    """``act(row)`` for every row, each in a savepoint of its own, so one refusal leaves the
    others done; then the count done (``done(count)``) and, as a warning, each refused row
    (``label(row)``) with its reason, after ``refused``."""
    count, refusals = 0, []
    for row in rows:
        try:
            with transaction.atomic():
                act(row)
        except (PermissionDenied, ValidationError) as exc:
            reason = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            refusals.append(f"{label(row)}: {reason}")
        else:
            count += 1
    model_admin.message_user(request, done(count))
    if refusals:
        model_admin.message_user(request, f"{refused}: " + " | ".join(refusals), messages.WARNING)

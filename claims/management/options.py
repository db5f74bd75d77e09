"""Command-line options the claims commands share."""

import datetime as dt

from django.core.management.base import CommandError

from sources.dates import DateError, parse_date


def date_option(options: dict, name: str) -> dt.date | None:
    """The date given as --NAME, or None; a bad date ends the command with one line naming it."""
    raw = options.get(name)
    if not raw:
        return None
    try:
        return parse_date(raw)
    except DateError as exc:
        raise CommandError(f"--{name}: {exc}") from None

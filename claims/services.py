"""Writes on claims, speakers and metrics."""

from django.core.exceptions import ValidationError
from django.db import transaction

from claims.models import Claim
from claims.offsets import LocateError, locate_figure


def claim_locate(*, claim: Claim, occurrence: int | None = None) -> Claim:
    """Fill ``claim.start``/``claim.end`` from its quote and figure when they are not given."""
    if claim.start is not None and claim.end is not None:
        return claim
    try:
        claim.start, claim.end = locate_figure(
            claim.article.body, claim.quote, claim.figure, occurrence
        )
    except LocateError as exc:
        raise ValidationError({exc.field: exc.message}) from exc
    return claim


@transaction.atomic
def claim_create(*, occurrence: int | None = None, **fields) -> Claim:
    """Create a claim; its offsets are found from quote and figure when not given.

    Raises ValidationError naming the field for bad input; nothing is stored then.
    """
    claim = Claim(**fields)
    if claim.article_id is None:
        raise ValidationError({"article": "a claim needs its article"})
    claim_locate(claim=claim, occurrence=occurrence)
    claim.full_clean()
    claim.save()
    return claim


@transaction.atomic
def claim_set_status(*, claim: Claim, status: str) -> Claim:
    """Confirm or reject a claim (or put it back among the candidates)."""
    if status not in Claim.Status.values:
        raise ValidationError({"status": f"unknown status {status!r}"})
    if claim.status != status:
        claim.status = status
        claim.save(update_fields=["status", "updated_at"])
    return claim

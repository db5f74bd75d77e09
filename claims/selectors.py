"""Reads that feed the API and reports, with their related rows already loaded."""

from django.db.models import QuerySet

from claims.models import Claim


def claim_list(*, user=None) -> QuerySet[Claim]:
    """Claims with article, outlet, speaker and metric joined in; anonymous users see confirmed."""
    return claims_visible(confirmed_only=user is None or not user.is_authenticated)


def claims_visible(*, confirmed_only: bool) -> QuerySet[Claim]:
    """claim_list's claims: all of them, or the confirmed ones only."""
    claims = Claim.objects.select_related("article__outlet", "speaker", "metric")
    if confirmed_only:
        claims = claims.filter(status=Claim.Status.CONFIRMED)
    return claims

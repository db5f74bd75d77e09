"""Reads that feed the API and reports, with their related rows already loaded."""

from django.db.models import QuerySet

from claims.models import Claim, ReportRun


def claim_list(*, user=None) -> QuerySet[Claim]:
    """Claims with article, outlet, speaker and metric joined in; anonymous users see confirmed."""
    return claims_visible(confirmed_only=user is None or not user.is_authenticated)


def claims_visible(*, confirmed_only: bool) -> QuerySet[Claim]:
    """claim_list's claims: all of them, or the confirmed ones only."""
    claims = Claim.objects.select_related("article__outlet", "speaker", "metric")
    if confirmed_only:
        claims = claims.filter(status=Claim.Status.CONFIRMED)
    return claims


def user_runs_the_claims(user) -> bool:
    """Editors (whoever may change claims) and superusers: they see every report run."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("claims.change_claim"))
    )


def report_runs_visible_to(user, runs: QuerySet[ReportRun] | None = None) -> QuerySet[ReportRun]:
    """The report runs ``user`` may see and download: their own, or all of them for editors."""
    runs = ReportRun.objects.all() if runs is None else runs
    if user_runs_the_claims(user):
        return runs
    if not user.is_authenticated:
        return runs.none()
    return runs.filter(requested_by=user)

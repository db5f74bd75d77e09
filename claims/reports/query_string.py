"""Reading report filters from a query string, for the API views."""

from django.http import QueryDict

from claims.reports.build import ReportError, ReportFilter
from sources.dates import DateError, parse_date


def report_filter_from_query(query: QueryDict, *, user, metric: str | None = None) -> ReportFilter:
    """?metric=&outlet=A&outlet=B&since=YYYY-MM-DD&include_candidates=1 as a ReportFilter.

    Candidates are only for signed-in users: anonymous readers see confirmed claims only.
    Raises ReportError naming the parameter at fault.
    """
    since = None
    if query.get("since"):
        try:
            since = parse_date(query["since"])
        except DateError as exc:
            raise ReportError("since", str(exc)) from None
    candidates = query.get("include_candidates", "").lower() in {"1", "true", "yes"}
    if candidates and not user.is_authenticated:
        raise ReportError("include_candidates", "sign in to see candidate claims")
    return ReportFilter(
        metric=metric or query.get("metric") or None,
        outlets=tuple(query.getlist("outlet")),
        since=since,
        include_candidates=candidates,
    )

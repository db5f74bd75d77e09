"""The jobs that end in the task queue, one function each: importing an article (and queueing
its extraction), queueing extraction, starting a report run.

Views, commands and admin parse their input and call these. They write through the services
(claims.services, sources.services) and send tasks (claims.tasks) once the transaction commits;
nothing below imports this module, so there is no import circle.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db import transaction

from claims.models import ExtractionStatus, ReportRun
from claims.reports.build import ReportFilter, check_filter
from claims.services import extraction_mark
from claims.tasks import extraction_send, report_run_send
from sources import services as sources_services
from sources.models import Article, Outlet
from sources.services import ImportResult


@transaction.atomic
def article_import(
    *,
    body: str,
    title: str,
    outlet: Outlet | str | None = None,
    url: str | None = None,
    published: date | None = None,
    published_precision: str = Article.DatePrecision.DAY,
    date_basis: str = "",
    extract: bool = True,
) -> ImportResult:
    """Store an article and queue the extraction of its claims: the one way articles come in
    (the import API, the import_articles command, the article admin's add page; any other
    importer, such as the ClaimReview one, calls it too).

    ``outlet`` is the publisher, or its name (found case-insensitively, created when new).
    Storing is sources' importer: the same text (or URL) a second time changes nothing and
    returns the stored article with ``created=False``, and nothing is queued then. A new
    article gets its extraction queued once the transaction commits (``extract=False`` stores
    it only); when the task queue is unreachable it is marked waiting instead, for the
    periodic pick-up.

    Raises ValidationError naming the field for bad input; nothing is stored then.
    """
    found = outlet
    if isinstance(outlet, str):
        name = outlet.strip()
        found = sources_services.outlet_get_or_create(name=name) if name else None
    result = sources_services.article_import(
        body=body, title=title, outlet=found, url=url, published=published,
        published_precision=published_precision, date_basis=date_basis,
    )  # fmt: skip
    if result.created and extract:
        extraction_enqueue(article_ids=[result.article.pk])
    return result


def extraction_enqueue(*, article_ids: list[int]) -> None:
    """Queue extraction of these articles once the current transaction commits.

    When the task queue cannot be reached the articles are marked "waiting" instead, and the
    extract_waiting command (or its periodic task) picks them up once the broker is back.
    """
    if not article_ids:
        return
    ids = list(dict.fromkeys(article_ids))
    extraction_mark(article_ids=ids, status=ExtractionStatus.QUEUED)
    transaction.on_commit(partial(extraction_send, ids))


@transaction.atomic
def report_run_start(*, user, fmt: str, flt: ReportFilter) -> ReportRun:
    """Check the filter, store the run and queue its task once the transaction commits.

    Raises ReportError naming the filter field at fault; nothing is stored then.
    """
    check_filter(flt)
    run = ReportRun.objects.create(
        requested_by=user if user and user.is_authenticated else None,
        format=fmt,
        filters=flt.describe(),
    )
    transaction.on_commit(partial(report_run_send, run.pk))
    return run

"""Writes on claims, speakers and metrics."""

import logging
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from simple_history.utils import bulk_create_with_history

from claims.core.extraction import extract
from claims.core.offsets import LocateError, locate_figure
from claims.models import CLAIM_INPUT_FIELDS, Claim, ConflictResolution, Metric, Speaker
from sources.models import Article

logger = logging.getLogger(__name__)

# What sending a task raises when the broker is down or unreachable.
BROKER_ERRORS = (KombuOperationalError, RedisConnectionError, ConnectionError, OSError)


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


# Everything an editor may change; the article a claim points into is fixed.
CLAIM_EDITABLE_FIELDS = frozenset(CLAIM_INPUT_FIELDS) - {"article"}


@transaction.atomic
def claim_update(*, claim: Claim, **fields) -> Claim:
    """Change a claim's fields; when the quote or figure changes without new offsets, the offsets
    are found again. Raises ValidationError naming the field; nothing is stored then."""
    unknown = set(fields) - CLAIM_EDITABLE_FIELDS
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "this field cannot be changed"))
    for name, value in fields.items():
        setattr(claim, name, value)
    moved = {"quote", "figure"} & set(fields) and not {"start", "end"} & set(fields)
    if moved:
        claim.start = claim.end = None
        claim_locate(claim=claim)
    claim.full_clean()
    claim.save()
    return claim


BULK_LIMIT = 1000


class BulkErrors(Exception):
    """Some items of a bulk write are invalid; ``errors`` lists them by position."""

    def __init__(self, errors: list[dict]) -> None:
        super().__init__(f"{len(errors)} invalid item(s)")
        self.errors = errors


def claim_bulk_create(*, items: list[dict], dry_run: bool = False, user=None) -> list[Claim]:
    """Create every claim or none. ``items`` are claim_create's keyword arguments; with any invalid
    item nothing is stored, and BulkErrors lists each invalid item's position and field errors.
    With ``dry_run`` every item is checked and nothing is stored (BulkErrors is raised, maybe
    with no errors).

    The claims are checked row by row in Python, then written in one bulk insert with their
    history rows (a dry run undoes it); only if the database refuses the batch (two claims on
    one figure, say), or a dry run has invalid items, is it replayed item by item to say which.
    """
    try:
        with transaction.atomic():
            created = _claim_bulk_insert(items, user=user)
            if dry_run:
                raise BulkErrors([])  # every item passed: undo the insert
        return created
    except BulkErrors as exc:
        # A dry run answers for the other items of a refused request: it lists every bad item,
        # also those the database would refuse, so its Python errors are replayed too.
        if not (dry_run and exc.errors):
            raise
    except IntegrityError:
        pass  # find out which items the database refused, below
    errors: list[dict] = []
    created: list[Claim] = []
    with transaction.atomic():
        for index, fields in enumerate(items):
            try:
                # A savepoint per item, so one refused by the database leaves the others usable.
                with transaction.atomic():
                    created.append(claim_create(**fields))
            except ValidationError as exc:
                errors.append({"index": index, "errors": exc.message_dict})
        if errors or dry_run:
            raise BulkErrors(errors)
    return created


def _claim_bulk_insert(items: list[dict], *, user=None) -> list[Claim]:
    # Called inside claim_bulk_create's transaction, which undoes it on any error.
    errors: list[dict] = []
    claims: list[Claim] = []
    for index, fields in enumerate(items):
        claim = Claim(**fields)
        try:
            if claim.article_id is None:
                raise ValidationError({"article": "a claim needs its article"})
            claim_locate(claim=claim)
            # Uniqueness and constraints are the database's to check, once, for the batch; the
            # related rows were looked up already (by the API's fields), so they are not queried
            # again for each claim.
            claim.full_clean(
                exclude=["article", "speaker", "metric"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as exc:
            errors.append({"index": index, "errors": exc.message_dict})
        claims.append(claim)
    if errors:
        raise BulkErrors(errors)
    return bulk_create_with_history(claims, Claim, default_user=user)


@transaction.atomic
def claim_set_metric(*, claim: Claim, metric: Metric | None) -> Claim:
    """Put the claim into ``metric`` (None takes it out), validated like the change form: a unit
    that does not convert into the metric's unit is refused, naming the unit."""
    if claim.metric_id != (metric.pk if metric else None):
        claim.metric = metric
        claim.full_clean()
        claim.save(update_fields=["metric", "updated_at"])
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


@dataclass(frozen=True)
class ExtractionResult:
    created: int
    kept: int
    invalid: int


def candidate_fields(candidate) -> dict:
    """A found figure (claims.core.extraction.Candidate) as Claim field values, cut to fit."""
    return {
        "quote": candidate.quote,
        "figure": candidate.figure,
        "start": candidate.start,
        "end": candidate.end,
        "value_low": candidate.value_low,
        "value_high": candidate.value_high,
        "qualifier": candidate.qualifier,
        "unit": candidate.unit,
        "subject": candidate.subject[:300],
        "scope": candidate.scope[:300],
        "as_of_start": candidate.as_of_start,
        "as_of_end": candidate.as_of_end,
        "as_of_precision": candidate.as_of_precision or "",
    }


def speaker_for_name(name: str, kind: str | None) -> Speaker:
    """The speaker called ``name`` (by name or slug, case-insensitive), created when unknown."""
    name = " ".join(name.split())[:300]
    slug = slugify(name)[:150] or "speaker"
    speaker = (
        Speaker.objects.filter(name__iexact=name).first()
        or Speaker.objects.filter(slug=slug).first()
    )
    if speaker is None:
        kinds = Speaker.Kind.values
        speaker = Speaker(name=name, slug=slug, kind=kind if kind in kinds else "person")
        speaker.full_clean()
        speaker.save()
    return speaker


@transaction.atomic
def article_extract(*, article: Article) -> ExtractionResult:
    """Run extraction on an article and store what it finds as candidate claims.

    Safe to run again: a figure whose characters overlap a claim already stored (candidate,
    confirmed or rejected) is left alone, so nothing is duplicated and no editor's decision is
    overwritten. Candidates that fail validation are counted, not stored. The one change made
    to a stored claim: an undecided candidate without an as-of date gets the date found now
    (the article's publication date was set since, say).
    """
    # Lock the article row: two extractions of one article must not both insert.
    article = Article.objects.select_for_update().get(pk=article.pk)
    taken = list(article.claims.values_list("start", "end"))
    undated = {
        (claim.start, claim.end): claim
        for claim in article.claims.filter(status=Claim.Status.CANDIDATE, as_of_start__isnull=True)
    }
    created = kept = invalid = 0
    for candidate in extract(article.body, published=article.published):
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            kept += 1
            stale = undated.get((candidate.start, candidate.end))
            if stale is not None and candidate.as_of_start is not None:
                _claim_redate(stale, candidate)
            continue
        speaker = (
            speaker_for_name(candidate.speaker, candidate.speaker_kind)
            if candidate.speaker
            else None
        )
        claim = Claim(
            article=article,
            speaker=speaker,
            status=Claim.Status.CANDIDATE,
            origin=Claim.Origin.EXTRACTED,
            **candidate_fields(candidate),
        )
        try:
            claim.full_clean()
        except ValidationError:
            invalid += 1
            continue
        claim.save()
        taken.append((claim.start, claim.end))
        created += 1
    article.extraction_status = Article.ExtractionStatus.DONE
    article.extraction_error = ""
    article.extracted_at = timezone.now()
    article.save(update_fields=["extraction_status", "extraction_error", "extracted_at"])
    return ExtractionResult(created=created, kept=kept, invalid=invalid)


def _claim_redate(claim: Claim, candidate) -> None:
    fields = candidate_fields(candidate)
    for name in ("as_of_start", "as_of_end", "as_of_precision"):
        setattr(claim, name, fields[name])
    try:
        claim.full_clean()
    except ValidationError:
        return  # the stored claim stays as it was
    claim.save()


def extraction_enqueue(*, article_ids: list[int]) -> None:
    """Queue extraction of these articles once the current transaction commits.

    When the task queue cannot be reached the articles are marked "waiting" instead, and the
    extract_waiting command (or its periodic task) picks them up once the broker is back.
    """
    if not article_ids:
        return
    Article.objects.filter(pk__in=article_ids).update(
        extraction_status=Article.ExtractionStatus.QUEUED, extraction_error=""
    )
    transaction.on_commit(partial(_send_extraction_tasks, list(article_ids)))


def _send_extraction_tasks(article_ids: list[int]) -> None:
    from claims.tasks import extract_article

    for article_id in article_ids:
        try:
            extract_article.apply_async((article_id,), retry=False)
        except BROKER_ERRORS as exc:
            logger.warning("task queue unreachable, article %s waits: %s", article_id, exc)
            Article.objects.filter(pk=article_id).update(
                extraction_status=Article.ExtractionStatus.WAITING,
                extraction_error=f"task queue unreachable: {exc}"[:500],
            )
        except Exception:
            # Only in-process (eager) runs get here: the task has marked the article failed,
            # and one bad article must not stop an import batch.
            logger.exception("extraction of article %s failed", article_id)


@transaction.atomic
def conflict_resolve(*, claim_one: Claim, claim_two: Claim, kind: str, note: str = "", user=None):
    """Record (or change) an editor's resolution of the pair; the report stops flagging it."""
    first, second = sorted((claim_one, claim_two), key=lambda c: c.pk)
    resolution = ConflictResolution.objects.filter(claim_a=first, claim_b=second).first()
    if resolution is None:
        resolution = ConflictResolution(claim_a=first, claim_b=second)
    resolution.kind, resolution.note = kind, note
    resolution.resolved_by = user if user and user.is_authenticated else None
    resolution.resolved_at = timezone.now()
    resolution.full_clean()
    resolution.save()
    return resolution

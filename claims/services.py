"""Writes on claims, speakers and metrics."""

import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from claims.core import extraction  # its pipeline loads when the first article is read
from claims.core.extraction.identities import clean_name, known_identity, name_key
from claims.core.extraction.speakers import is_fragment_speaker
from claims.core.offsets import LocateError, locate_figure
from claims.models import (
    CLAIM_INPUT_FIELDS,
    ArticleExtraction,
    Claim,
    ConflictResolution,
    ExtractionStatus,
    Metric,
    Speaker,
)
from sources.models import Article

logger = logging.getLogger(__name__)


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
    are found again. Raises ValidationError naming the field; nothing is stored then.

    The row is locked and read afresh, and only the columns whose value changes are written:
    two editors changing different fields at once both keep their change."""
    unknown = set(fields) - CLAIM_EDITABLE_FIELDS
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "this field cannot be changed"))
    current = (
        Claim.objects.select_for_update(of=("self",)).select_related("article").get(pk=claim.pk)
    )
    changed = {name for name, value in fields.items() if getattr(current, name) != value}
    for name in changed:
        setattr(current, name, fields[name])
    moved = {"quote", "figure"} & changed and not {"start", "end"} & set(fields)
    if moved:
        current.start = current.end = None
        claim_locate(claim=current)
        changed |= {"start", "end"}
    if changed:
        try:
            current.full_clean()
        except ValidationError as exc:
            raise _blame_what_changed(exc, changed) from exc
        current.save(update_fields=[*sorted(changed), "updated_at"])
    return current


# Fields checked as a pair: when one of them was changed and the other not, an error about the
# pair is the changed one's (a PATCH of value_high to 1000 under a value_low of 3000 is a bad
# value_high, not a bad value_low).
_PAIRED = {"value_low": "value_high", "value_high": "value_low"}


def _blame_what_changed(exc: ValidationError, changed: set[str]) -> ValidationError:
    if not hasattr(exc, "error_dict"):
        return exc
    errors = exc.message_dict
    for field, other in _PAIRED.items():
        if field in errors and field not in changed and other in changed and other not in errors:
            errors[other] = errors.pop(field)
    return ValidationError(errors)


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
        "figure_kind": candidate.figure_kind,
        "as_of_start": candidate.as_of_start,
        "as_of_end": candidate.as_of_end,
        "as_of_precision": candidate.as_of_precision or "",
        "period_kind": candidate.period_kind,
        "period_start": candidate.period_start,
        "period_days": candidate.period_days,
    }


def _speaker_slug(name: str) -> str | Speaker:
    """A slug of its own for a new speaker: any script kept (王小明 is not "speaker"), and a
    numeric suffix when a speaker of another name already holds the slug. When the holder has
    this very name (another process created it since we looked), that speaker is the answer."""
    base = slugify(name, allow_unicode=True)[:140] or "speaker"
    slug, number = base, 1
    while (holder := Speaker.objects.filter(slug=slug).only("id", "name").first()) is not None:
        if holder.name.casefold() == name.casefold():
            return Speaker.objects.get(pk=holder.pk)
        number += 1
        slug = f"{base}-{number}"
    return slug


def speaker_for_name(name: str, kind: str | None) -> Speaker:
    """The speaker called ``name``, created when unknown.

    Spellings of one identity meet in one speaker: the table of common speakers
    (``vocabulary/speaker_identities.toml``: "U.N." = "UN" = "United Nations") gives the
    canonical name, then a speaker whose name or one of whose aliases has the same key
    (case, acronym dots and a leading "the" ignored). A speaker created from the table carries
    its aliases and affiliation, which editors keep up in admin.
    """
    name = clean_name(name)[:300]
    identity = known_identity(name)
    if identity is not None:
        name = identity.name
    speaker = _speaker_known(name)
    if speaker is not None:
        return speaker
    slug = _speaker_slug(name)
    if isinstance(slug, Speaker):
        return slug
    kinds = Speaker.Kind.values
    if identity is not None:
        kind = identity.kind
    speaker = Speaker(
        name=name,
        slug=slug,
        kind=kind if kind in kinds else "person",
        affiliation=identity.affiliation if identity else "",
        aliases=list(identity.aliases) if identity else [],
    )
    try:
        speaker.full_clean()
        # A savepoint: an extraction running at the same time may create this speaker first;
        # then the database refuses this insert and that speaker is the answer.
        with transaction.atomic():
            speaker.save()
    except (ValidationError, IntegrityError):
        stored = _speaker_known(name)
        if stored is None:
            raise
        return stored
    return speaker


def _speaker_known(name: str) -> Speaker | None:
    """The stored speaker whose name, or one of whose aliases, is ``name`` (by its key)."""
    speaker = Speaker.objects.filter(name__iexact=name).first()
    if speaker is not None:
        return speaker
    key = name_key(name)
    # Aliases are a JSON list; every backend can read them, not every one can search them.
    for candidate in Speaker.objects.exclude(aliases=[]).only("id", "name", "aliases"):
        if any(name_key(alias) == key for alias in candidate.aliases):
            return Speaker.objects.get(pk=candidate.pk)
    return None


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
    for candidate in extraction.extract(article.body, published=article.published):
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            kept += 1
            stale = undated.get((candidate.start, candidate.end))
            if stale is not None and candidate.as_of_start is not None:
                _claim_redate(stale, candidate)
            continue
        # Extraction never creates a speaker that is no one ("that 4", "on Twitter").
        speaker = (
            speaker_for_name(candidate.speaker, candidate.speaker_kind)
            if candidate.speaker and not is_fragment_speaker(candidate.speaker)
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
    extraction_mark(article_ids=[article.pk], status=ExtractionStatus.DONE)
    return ExtractionResult(created=created, kept=kept, invalid=invalid)


def _claim_redate(claim: Claim, candidate) -> None:
    fields = candidate_fields(candidate)
    for name in (
        "as_of_start",
        "as_of_end",
        "as_of_precision",
        "period_kind",
        "period_start",
        "period_days",
    ):
        setattr(claim, name, fields[name])
    try:
        claim.full_clean()
    except ValidationError:
        return  # the stored claim stays as it was
    claim.save()


# Statuses after which an extraction has finished, one way or the other.
FINISHED = frozenset({ExtractionStatus.DONE, ExtractionStatus.FAILED})


def extraction_mark(*, article_ids: list[int], status: str, error: str = "") -> None:
    """Record where the extraction of these articles stands (one row each, made when missing).

    One statement whatever the number of articles: an insert that updates the rows already
    there, so two processes marking one article never collide on its row."""
    if status not in ExtractionStatus.values:
        raise ValidationError({"status": f"unknown extraction status {status!r}"})
    now = timezone.now()
    finished = now if status in FINISHED else None
    rows = [
        ArticleExtraction(
            article_id=pk, status=status, error=error[:2000], changed_at=now, finished_at=finished
        )
        for pk in dict.fromkeys(article_ids)
    ]
    updated = ["status", "error", "changed_at"] + (["finished_at"] if finished else [])
    ArticleExtraction.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["article"], update_fields=updated
    )


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

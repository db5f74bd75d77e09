"""Writes on outlets and articles."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from sources.models import Article, Outlet
from sources.text import content_hash, normalize_body


@dataclass(frozen=True)
class ImportResult:
    article: Article
    created: bool


@transaction.atomic
def article_import(
    *,
    body: str,
    title: str,
    outlet: Outlet | None = None,
    url: str | None = None,
    published: date | None = None,
    published_precision: str = Article.DatePrecision.DAY,
    date_basis: str = "",
) -> ImportResult:
    """Store an article, or find the one already stored with the same text (or URL).

    Importing the same article twice changes nothing: the second call returns the stored article
    with ``created=False``. Raises ValidationError naming the field for bad input.
    """
    body = normalize_body(body)
    if not body:
        raise ValidationError({"body": "the article text is empty"})
    digest = content_hash(body)
    url = url.strip() if url else None
    existing = _stored_article(digest, url)
    if existing is not None:
        return ImportResult(existing, created=False)
    article = Article(
        body=body,
        content_hash=digest,
        title=" ".join(title.split()),
        outlet=outlet,
        url=url,
        published=published,
        published_precision=published_precision,
        date_basis=date_basis,
    )
    try:
        article.full_clean()
        # A savepoint: when a concurrent import stores the same text or URL first, the database
        # refuses this insert and the stored article is the answer, not an error.
        with transaction.atomic():
            article.save()
    except (ValidationError, IntegrityError):
        existing = _stored_article(digest, url)
        if existing is None:
            raise
        return ImportResult(existing, created=False)
    return ImportResult(article, created=True)


def _stored_article(digest: str, url: str | None) -> Article | None:
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is None and url:
        existing = Article.objects.filter(url=url).first()
    return existing


def outlet_get_or_create(*, name: str, slug: str | None = None) -> Outlet:
    """The outlet called ``name`` (case-insensitive), created when it does not exist yet."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"outlet": "the outlet name is empty"})
    outlet = Outlet.objects.filter(name__iexact=name).first()
    if outlet is not None:
        return outlet
    outlet = Outlet(name=name, slug=slug or slugify(name)[:100])
    try:
        outlet.full_clean()
        # A savepoint: a concurrent request may create the same outlet first; then the
        # database refuses this insert and that outlet is the answer.
        with transaction.atomic():
            outlet.save()
    except (ValidationError, IntegrityError) as exc:
        stored = Outlet.objects.filter(name__iexact=name).first()
        if stored is not None:
            return stored
        if isinstance(exc, IntegrityError):
            raise ValidationError(
                {"outlet": f"another outlet already has the slug {outlet.slug!r}"}
            ) from exc
        raise
    return outlet

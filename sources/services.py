"""Writes on outlets and articles."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
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
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is None and url:
        existing = Article.objects.filter(url=url).first()
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
    article.full_clean()
    article.save()
    return ImportResult(article, created=True)


def outlet_get_or_create(*, name: str, slug: str | None = None) -> Outlet:
    """The outlet called ``name`` (case-insensitive), created when it does not exist yet."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"outlet": "the outlet name is empty"})
    outlet = Outlet.objects.filter(name__iexact=name).first()
    if outlet is None:
        outlet = Outlet(name=name, slug=slug or slugify(name)[:100])
        outlet.full_clean()
        outlet.save()
    return outlet

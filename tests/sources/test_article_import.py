import pytest
from django.core.exceptions import ValidationError

from sources.models import Article
from sources.services import article_import, outlet_get_or_create
from sources.text import content_hash, normalize_body

pytestmark = pytest.mark.django_db

BODY = "Headline\nThe ministry said 1,200 families returned.\n"


def test_importing_the_same_text_twice_stores_one_article():
    first = article_import(body=BODY, title="Headline")
    second = article_import(body=BODY, title="Another title")
    assert (first.created, second.created) == (True, False)
    assert second.article.pk == first.article.pk
    assert Article.objects.count() == 1
    assert Article.objects.get().title == "Headline"


def test_windows_line_ends_are_the_same_article():
    article_import(body=BODY, title="Headline")
    again = article_import(body=BODY.replace("\n", "\r\n"), title="Headline")
    assert not again.created


def test_an_empty_text_is_refused_naming_the_body():
    with pytest.raises(ValidationError) as caught:
        article_import(body=" \n\t", title="Nothing")
    assert "empty" in caught.value.message_dict["body"][0]
    assert not Article.objects.exists()


def test_the_same_url_is_the_same_article_even_if_the_text_changed():
    first = article_import(body=BODY, title="Headline", url="https://news.example/a")
    second = article_import(body=BODY + "Update.\n", title="Headline", url="https://news.example/a")
    assert second.article.pk == first.article.pk and not second.created


def test_articles_without_a_url_do_not_collide():
    article_import(body=BODY, title="One", url="")
    article_import(body="Another story.\n", title="Two", url="")
    assert Article.objects.filter(url__isnull=True).count() == 2


def test_the_hash_is_taken_over_the_normalized_text():
    assert content_hash("a\r\nb") == content_hash("\ufeffa\nb\n\n")
    assert normalize_body("a\r\nb  \n\n") == "a\nb\n"


def test_outlets_are_matched_by_name_whatever_the_case():
    first = outlet_get_or_create(name="Rudaw")
    assert outlet_get_or_create(name="  rudaw ") == first

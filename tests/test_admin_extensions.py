"""Admin pages are extended through the lower app's extension point, never by re-registration:
one admin class per model, whatever the order of INSTALLED_APPS."""

import re
from pathlib import Path

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from claims.admin import ClaimAdmin, ClaimInline, claim_admin_extensions
from claims.models import ArticleExtraction, Claim
from claims_project.admin_extensions import AdminExtension
from reviews.admin import ReviewInline
from sources.admin import ArticleAdmin, article_admin_extensions
from sources.models import Article
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.django_db


def test_no_admin_module_unregisters_another_apps_admin():
    for module in ROOT.glob("*/admin.py"):
        assert not re.search(r"\bunregister\(", module.read_text()), module


def test_each_model_has_the_admin_class_of_its_own_app():
    assert type(admin.site._registry[Article]) is ArticleAdmin
    assert type(admin.site._registry[Claim]) is ClaimAdmin


def test_the_pages_carry_the_parts_of_the_apps_above_them():
    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    article_page = admin.site._registry[Article]
    claim_page = admin.site._registry[Claim]
    assert ClaimInline in article_page.get_inlines(request, ArticleFactory())
    assert ReviewInline in claim_page.get_inlines(request, None)
    assert "assign_to_reviewer" in claim_page.get_actions(request)
    assert "extract_again" in article_page.get_actions(request)


def test_an_extension_registered_after_the_page_was_made_shows_on_it():
    """The page reads its extension point at each request: import order does not matter."""

    @admin.display(description="late part")
    def late_part(article: Article) -> str:
        return "late"

    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    page = ArticleAdmin(Article, admin.AdminSite())
    extension = article_admin_extensions.register(AdminExtension(list_display=[late_part]))
    try:
        assert late_part in page.get_list_display(request)
    finally:
        article_admin_extensions.unregister(extension)
    assert late_part not in page.get_list_display(request)


def test_a_page_refuses_a_second_way_of_storing_new_rows():
    with pytest.raises(ValueError, match="already has a save_new extension"):
        article_admin_extensions.register(AdminExtension(save_new=lambda *args: None))
    assert claim_admin_extensions.save_new() is None


def test_adding_an_article_in_admin_imports_it_and_queues_its_extraction(
    editor_client, tasks_in_process, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:sources_article_add"),
            {"title": "Returns", "published_precision": "day",
             "body": "About 12,000 families returned last month, the ministry said.",
             "claims-TOTAL_FORMS": "0", "claims-INITIAL_FORMS": "0"},
        )  # fmt: skip
    assert response.status_code == 302
    article = Article.objects.get(title="Returns")
    assert ArticleExtraction.objects.get(article=article).status == "done"
    assert Claim.objects.filter(article=article, figure="12,000").exists()
    assert article.history.latest().history_user.username == "editor-test"


def test_an_extension_adds_next_step_buttons_to_a_row_s_page(superuser_client):
    extension = AdminExtension(
        page_links=lambda request, claim: [(f"Look at #{claim.pk} again", "/somewhere/")]
    )
    claim_admin_extensions.register(extension)
    try:
        claim = ClaimFactory()
        page = superuser_client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
        assert f'href="/somewhere/">Look at #{claim.pk} again</a>' in page.content.decode()
    finally:
        claim_admin_extensions.unregister(extension)


def test_an_extension_explains_a_row_hidden_from_the_user_instead_of_doesnt_exist(
    superuser_client,
):
    extension = AdminExtension(
        hidden_row=lambda request, object_id: (
            (f"Row {object_id} is kept from you.", "/admin/") if object_id == "424242" else None
        )
    )
    claim_admin_extensions.register(extension)
    try:
        url = reverse("admin:claims_claim_change", args=[424242])
        response = superuser_client.get(url, follow=True)
        assert response.redirect_chain[-1][0] == "/admin/"
        assert "Row 424242 is kept from you." in response.content.decode()
        other = superuser_client.get(
            reverse("admin:claims_claim_change", args=[434343]), follow=True
        )
        assert "doesn’t exist" in other.content.decode()
    finally:
        claim_admin_extensions.unregister(extension)


def test_an_undated_article_warns_of_its_undated_claims_through_the_claims_extension(
    editor_client,
):
    response = editor_client.post(
        reverse("admin:sources_article_add"),
        {"title": "Shelters", "published_precision": "day",
         "body": "Some 4,800 people slept in shelters on Friday, the city said.",
         "claims-TOTAL_FORMS": "0", "claims-INITIAL_FORMS": "0"},
        follow=True,
    )  # fmt: skip
    shown = [str(m) for m in response.context["messages"]]
    undated = shown.index("This article has no publication date.")  # the article page's own
    assert "claims stay undated" in shown[undated + 1]  # then what the claims app adds


def test_an_extension_is_told_when_a_row_is_stored_on_the_page(editor_client):
    told = []
    extension = article_admin_extensions.register(
        AdminExtension(saved=[lambda page, request, obj, change: told.append((obj.pk, change))])
    )
    article = ArticleFactory(title="Before")
    try:
        editor_client.post(
            reverse("admin:sources_article_change", args=[article.pk]),
            {"title": "After", "published": "2024-05-01", "published_precision": "day",
             "date_basis": "", "claims-TOTAL_FORMS": "0", "claims-INITIAL_FORMS": "0"},
        )  # fmt: skip
    finally:
        article_admin_extensions.unregister(extension)
    assert told == [(article.pk, True)]
    article.refresh_from_db()
    assert article.title == "After"

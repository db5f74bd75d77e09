"""Finding 7: reads scoped like admin's. Drafts and submitted reviews are their reviewer's and
the editors'; report runs and their files their owner's and the editors'."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client

from claims.models import ReportRun
from reviews.services import review_publish
from tests.factories import ClaimFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "author", "other_reviewer", "editor")
# role: (draft, submitted, published, run, run download)
EXPECTED = {
    "anonymous": (404, 404, 200, 401, 401),  # not signed in: 401, with WWW-Authenticate
    "outsider": (404, 404, 200, 404, 404),  # signed in, in no group
    "author": (200, 200, 200, 200, 200),  # wrote the reviews, started the run
    "other_reviewer": (404, 404, 200, 404, 404),
    "editor": (200, 200, 200, 200, 200),
}


@pytest.fixture
def world(editor, reviewer, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    claim = ClaimFactory()
    reviews = {
        status: ReviewFactory(claim=claim, reviewer=reviewer, status=status,
                              rationale=f"private reasoning of a {status} review")
        for status in ("draft", "submitted")
    }  # fmt: skip
    reviews["published"] = ReviewFactory(
        claim=ClaimFactory(), reviewer=reviewer, status="draft", rationale="public reasoning"
    )
    review_publish(review=reviews["published"])
    run = ReportRun.objects.create(requested_by=reviewer, format="csv", status="done")
    run.result.save("conflicts-test.csv", ContentFile(b"metric\r\n"))
    other = UserFactory(username="other-reviewer")
    other.groups.add(Group.objects.get(name="Reviewers"))
    users = {"outsider": UserFactory(username="outsider"), "author": reviewer,
             "other_reviewer": other, "editor": editor}  # fmt: skip
    return reviews, run, users


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reads_what_admin_would_show_it(world, role):
    reviews, run, users = world
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    urls = [f"/api/reviews/{reviews[status].pk}/" for status in ("draft", "submitted", "published")]
    urls += [f"/api/report-runs/{run.pk}/", f"/api/report-runs/{run.pk}/download/"]
    codes = tuple(client.get(url).status_code for url in urls)
    assert codes == EXPECTED[role]
    listed = client.get("/api/reviews/").json()["results"]
    visible = {name for name, code in zip(("draft", "submitted", "published"), codes, strict=False)
               if code == 200}  # fmt: skip
    assert {row["status"] for row in listed} == visible
    if role != "anonymous":
        runs = client.get("/api/report-runs/").json()["results"]
        assert [row["id"] for row in runs] == ([run.pk] if codes[3] == 200 else [])

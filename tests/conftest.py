import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import UserFactory


@pytest.fixture
def editor(db):
    """A staff user in the Editors group (created by the roles migration)."""
    user = UserFactory(username="editor-test")
    user.set_password("a-long-test-password")
    user.save()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(db):
    user = UserFactory(username="reviewer-test")
    user.groups.add(Group.objects.get(name="Reviewers"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reviewer_client(reviewer):
    """A client of its own signed in as the reviewer, so a test can hold it beside
    editor_client."""
    client = Client()
    client.force_login(reviewer)
    return client


@pytest.fixture
def superuser_client(client, db):
    user = UserFactory(username="admin-test", is_superuser=True)
    client.force_login(user)
    return client


@pytest.fixture
def tasks_in_process():
    """Run Celery tasks in this process even when a broker is configured.

    Service tests check what a task does; the queue itself is tested with a real worker in
    tests/claims/test_queue.py.
    """
    from claims_project.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous

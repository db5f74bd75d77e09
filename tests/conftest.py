import pytest
from django.contrib.auth.models import Group

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
def superuser_client(client, db):
    user = UserFactory(username="admin-test", is_superuser=True)
    client.force_login(user)
    return client

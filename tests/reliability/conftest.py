import pytest

from tests.browser.conftest import ensure_roles


@pytest.fixture(autouse=True)
def roles_after_a_flush(request):
    """The race tests commit for real, so the tables are emptied after each of them (and after
    any other transactional test): the Editors and Reviewers groups are made again first."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        ensure_roles()

"""Playwright for Python driving Debian's Chromium against a live server.

No browser is downloaded: Playwright starts the Chromium that `make browser` installs with apt,
headless and with everything that would reach the network turned off. Without Chromium the
tests are skipped with the reason, except in CI (CI set), where a missing browser fails.
"""

import os
import shutil
from importlib import import_module
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission

from tests.factories import UserFactory

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip
PASSWORD = "a-long-test-password"

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Chromium is not installed (make browser installs it)",
)


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API keeps an event loop on this thread; the test itself still calls the
    # ORM synchronously, which Django allows only when told to.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "Chromium is not installed (make browser installs it)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page_for(browser, live_server):
    """page_for(): a fresh browser session (its own cookies) on the live server."""
    contexts = []

    def open_page():
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 1400, "height": 1000}
        )
        # Generous: the first extraction in the live server loads the language models, which
        # on a busy two-core machine takes longer than a click should.
        context.set_default_timeout(60_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def ensure_roles() -> None:
    """The Editors and Reviewers groups as the migrations make them.

    Transactional tests empty the tables after each test (the live server needs committed
    data), and another transactional test may have run first, so the groups are made here from
    the migrations' own permission lists.
    """
    grants: dict[str, set[tuple[str, str]]] = {"Editors": set(), "Reviewers": set()}
    roles = import_module("reviews.migrations.0002_roles")
    for group_name, by_app in roles.ROLES.items():
        for app_label, by_model in by_app.items():
            for model, actions in by_model.items():
                grants[group_name] |= {(app_label, f"{action}_{model}") for action in actions}
    for name in ("0003_roles_for_resolutions_and_reports", "0005_roles_for_assignments"):
        for group_name, codenames in import_module(f"reviews.migrations.{name}").ADDED.items():
            grants[group_name] |= set(codenames)
    for group_name, codenames in grants.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in codenames
            ]
        )


def log_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def page_at(browser, live_server):
    """page_at(width, javascript=True): a fresh browser session of that width."""
    contexts = []

    def open_page(width: int, javascript: bool = True):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 900},
            java_script_enabled=javascript,
        )  # fmt: skip
        context.set_default_timeout(60_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def people(transactional_db):
    """An editor and a reviewer, in their groups, signed in with PASSWORD."""
    ensure_roles()
    users = {}
    for username, group in (("editor", "Editors"), ("reviewer", "Reviewers")):
        user = UserFactory(username=username, first_name=username.title(), last_name="Tester")
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users

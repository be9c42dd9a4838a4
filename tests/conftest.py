import os
from datetime import datetime
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.oath import TOTP

from resources.contentcache import forget_lists
from resources.hours import AMSTERDAM
from resources.models import (
    Advice,
    Audience,
    BullyingType,
    Feedback,
    Organization,
    Page,
    Resource,
)
from resources.roles import EDITORS


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits, cached pages and lists from one test must not leak into the next."""
    cache.clear()
    forget_lists()


# A Wednesday afternoon (De Kindertelefoon open) and that night (closed), in Amsterdam.
AFTERNOON = datetime(2026, 11, 25, 15, 0, tzinfo=AMSTERDAM)
NIGHT = datetime(2026, 11, 25, 23, 30, tzinfo=AMSTERDAM)


@pytest.fixture
def visit_at(monkeypatch):
    """The moment the site takes for "now": visit_at(NIGHT). What is open, and so the
    order of crisis lines, depends on it; the page cache's minute follows it too, so a
    page cached at another moment is not served as this moment's."""

    def at(moment):
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
        monkeypatch.setattr("resources.contentcache.time.time", moment.timestamp)

    return at


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the seed data once; every test runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        call_command("seed", stdout=StringIO())


@pytest.fixture
def seeded(db):
    """The database with the real seed data, as `make run` loads it."""


@pytest.fixture
def committed_seed(transactional_db):
    """The seed data, committed, for tests that other processes or a browser look at.
    Transactional tests empty the database when they end, so each one loads it again."""
    call_command("seed", stdout=StringIO())


@pytest.fixture
def empty_db(db):
    """A database without any content (the seed data is removed inside the test)."""
    for model in [Feedback, Resource, Organization, Advice, Page, Audience, BullyingType]:
        model.objects.all().delete()


# The languages whose words the tests know: they assert Dutch and English text.
LANGUAGES = ["nl", "en"]
# Every language of the site: each page works, and keeps no trace, in each one.
SITE_LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The seeded information pages: their slug in Dutch and in English. In another language
# they have none of their own and use the Dutch one.
PAGE_SLUGS = {
    "wat-is-cyberpesten": "what-is-cyberbullying",
    "wat-cyberpesten-met-je-doet": "effects",
    "hulp-in-amsterdam": "help-in-amsterdam",
    "cyberpesten-voorkomen": "prevention",
    "voor-ouders": "for-parents",
    "voor-scholen": "for-schools",
    "omstanders": "bystanders",
    "voor-volwassenen": "for-adults",
    "veilig-deze-site-bekijken": "safe-browsing",
    "privacyverklaring": "privacy",
    "toegankelijkheid": "accessibility",
}


def page_slugs(language):
    """The slugs of the seeded information pages in `language`."""
    return list(PAGE_SLUGS.values() if language == "en" else PAGE_SLUGS)


RESULTS_QUERY = "danger=yes&who=young-person&what=threats&age=12-17"


def public_urls(language):
    """One URL of every public page type, in the given language."""
    with translation.override(language):
        urls = [
            reverse("resources:home"),
            reverse("resources:danger"),
            reverse("resources:who") + "?danger=no",
            reverse("resources:what") + "?danger=no&who=parent",
            reverse("resources:what") + "?who=parent&several=1",
            reverse("resources:age") + "?who=parent&what=threats",
            reverse("resources:results") + "?" + RESULTS_QUERY,
            reverse("resources:directory"),
            reverse("resources:directory") + "?q=school&who=parent&open=now",
            reverse("resources:search"),
            reverse("resources:search") + "?q=naaktfoto",
            reverse("resources:search") + "?q=politei",
            reverse("resources:resource", kwargs={"slug": "kindertelefoon"}),
            reverse("resources:posters"),
            reverse("resources:poster", kwargs={"audience": "young-person"}),
            reverse("resources:open_data"),
        ]
        urls += [reverse("resources:page", kwargs={"slug": slug}) for slug in page_slugs(language)]
    return urls


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def form_values(form):
    """What a browser would send for this <form>, as {name: [values]} (no submit button)."""
    values = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "select":
            chosen = [
                option.get("value", option.text)
                for option in field.find_all("option", selected=True)
            ]
            if not chosen and not field.has_attr("multiple") and field.find("option"):
                chosen = [field.find("option").get("value", "")]
            values.setdefault(name, []).extend(chosen)
        elif field.name == "textarea":
            values.setdefault(name, []).append(field.text.removeprefix("\n"))
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                values.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "image", "file", "reset"):
            values.setdefault(name, []).append(field.get("value", ""))
    return values


def production_environ(**settings):
    """The environment of a production process (debug off), for a subprocess: none of
    this machine's DJANGO_*/DATABASE_* variables, plus the given ones."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="helpfinder.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="production-test-" + "x7Q" * 20,
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    env.update(settings)
    return env


def totp_code(device):
    """The code a staff member's authenticator app shows now."""
    return TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()


@pytest.fixture
def make_staff(db):
    """A staff member in one of the roles ("Redacteuren" or "Beheerders")."""

    def make(username, group=EDITORS):
        user = User.objects.create_user(username, password="correct horse battery", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def editor_client(make_staff):
    """A browser of a logged-in editor (the `client` fixture stays anonymous)."""
    editor = Client()
    editor.force_login(make_staff("editor"))
    return editor

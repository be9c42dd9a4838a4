"""Every public page type, in both languages, the error pages included, passes the W3C Nu
Html Checker (vnu.jar, run with Java) without a single error.

vnu.jar comes from npm into .cache/vnu (`make vnu`); HELPFINDER_VNU_JAR may point elsewhere.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DatabaseError
from django.test import RequestFactory

from helpfinder.views import server_error
from tests.conftest import LANGUAGES

from .conftest import every_public_page, unavailable

VNU_JAR = Path(
    os.environ.get("HELPFINDER_VNU_JAR", "")
    or settings.BASE_DIR / ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
)
HINT = "apt-get install default-jre-headless; make vnu (npm install --prefix .cache/vnu vnu-jar)"
# A page with two mistakes, to show that the checker is running and finds them.
BROKEN = "<!doctype html><html lang=en><title>x</title><p><div>block in p</p></span></html>"


@pytest.fixture(scope="module")
def vnu():
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        unavailable(f"HTML check needs Java and vnu.jar: {HINT}")
    return [java, "-jar", str(VNU_JAR)]


def public_pages(client):
    """{name: HTML} of every public page type, as the server sends them."""
    pages = {}
    for language in LANGUAGES:
        for url in every_public_page(language):
            response = client.get(url)
            assert response.status_code in (200, 404), url
            pages[url] = response.content
        pages[f"/{language}/ (400)"] = client.get(f"/{language}/?" + "x" * 5000).content
        request = RequestFactory().get(f"/{language}/")
        pages[f"/{language}/ (500)"] = server_error(request).content
        try:
            raise DatabaseError("the database is down")
        except DatabaseError:
            pages[f"/{language}/ (503, database down)"] = server_error(request).content
    return pages


@pytest.mark.django_db
def test_every_public_page_type_is_valid_html(vnu, client, tmp_path):
    pages = public_pages(client)
    pages["known broken"] = BROKEN.encode()
    files = {}
    for number, (name, html) in enumerate(pages.items()):
        path = tmp_path / f"page-{number:03}.html"
        path.write_bytes(html)
        files[str(path.resolve())] = name
    checked = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    errors = {}
    for message in json.loads(checked.stderr)["messages"]:
        url = message.get("url", "")
        name = files.get(url.removeprefix("file:"), url)
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message['message']} {message.get('extract', '')!r}"
        )
    assert len(errors.pop("known broken", [])) >= 2  # the checker did check
    assert len(pages) >= 50
    assert not errors

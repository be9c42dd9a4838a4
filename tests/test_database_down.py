"""When the database is down, every public page still shows 112, the Kindertelefoon and the
exit button, with 503 and Retry-After; when it is back, pages work without a restart."""

import json
import socket
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError, connection

from .conftest import LANGUAGES, production_environ, public_urls, soup
from .faults import TcpProxy


@pytest.fixture
def client():
    """A browser's view: the server's error response, not the exception behind it."""
    from django.test import Client

    return Client(raise_request_exception=False)


ROOT = Path(__file__).resolve().parent.parent


def assert_emergency_page(response, language):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = soup(response)
    assert page.html["lang"] == language
    assert page.find("a", href="tel:112")
    assert page.find("a", href="tel:+318000432")
    assert "11:00" in page.get_text() and "21:00" in page.get_text()
    assert page.select_one("header a.exit")
    assert b"Traceback" not in response.content and b"OperationalError" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_answers_503_with_the_emergency_numbers(client, language):
    down = OperationalError("could not connect to server")
    with mock.patch("resources.contentcache.current_version", side_effect=down):
        for url in public_urls(language):
            assert_emergency_page(client.get(url), language)
    assert client.get(public_urls(language)[0]).status_code == 200  # back, no restart


@pytest.mark.django_db
def test_a_database_error_inside_a_page_also_gives_the_emergency_page(client):
    with mock.patch("resources.results.candidates_for", side_effect=OperationalError):
        response = client.get("/en/find-help/results/?danger=yes")
    assert_emergency_page(response, "en")
    assert "This site is temporarily unavailable" in soup(response).h1.get_text()


@pytest.mark.django_db
def test_healthz_reports_the_database_down(client):
    # The cache configured for this run: Redis in CI's PostgreSQL run, else local memory.
    cache = "redis" if "redis" in settings.CACHES["default"]["BACKEND"].lower() else "local"
    assert client.get("/healthz").json() == {"status": "ok", "database": "up", "cache": cache}
    with mock.patch("helpfinder.views.connection.cursor", side_effect=OperationalError):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down", "cache": cache}


RUN_AGAINST_PORT = r"""
import json, sys, django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client(raise_request_exception=False)
def statuses():
    return {url: client.get(url).status_code
            for url in ["/nl/", "/en/find-help/results/?danger=yes", "/nl/alle-hulp/", "/healthz"]}
print(json.dumps(statuses()), flush=True)
sys.stdin.readline()  # the test starts the database
print(json.dumps(statuses()), flush=True)
"""


@pytest.mark.processes
@pytest.mark.django_db(transaction=True)
def test_real_postgresql_connection_to_a_closed_port_then_back(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here now
    database = connection.settings_dict
    env = production_environ(
        DJANGO_HTTPS="false",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/{database['NAME']}",
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    process = subprocess.Popen(
        [sys.executable, "-c", RUN_AGAINST_PORT],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        down = json.loads(process.stdout.readline())
        assert set(down.values()) == {503}
        if connection.vendor != "postgresql":
            pytest.skip("the database coming back needs PostgreSQL (CI's PostgreSQL run)")
        proxy = TcpProxy(int(database["PORT"]), port=port)  # the database 'comes back'
        process.stdin.write("up\n")
        process.stdin.flush()
        back = json.loads(process.stdout.readline())
        assert set(back.values()) == {200}
        proxy.close()
    finally:
        process.kill()
        process.wait()

"""The production configuration, started as production starts it (debug off, HTTPS)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import production_environ

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.processes

FETCH = r"""
import json, django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client()
home = client.get("/nl/", secure=True)
plain = client.get("/nl/", secure=False)
login_page = client.get("/admin/login/", secure=True)
cookie = login_page.cookies["csrftoken"]
print(json.dumps({
    "home_status": home.status_code,
    "home_cookies": list(home.cookies),
    "hsts": home.get("Strict-Transport-Security"),
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
    "csrf_cookie": {k: cookie[k] for k in ("secure", "httponly", "samesite", "max-age")},
}))
"""


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    env = production_environ(
        DJANGO_ALLOWED_HOSTS="testserver,helpfinder.example.org",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        HELPFINDER_SECURITY_CONTACT="mailto:security@helpfinder.example.org",
    )
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    return env


def test_deploy_check_reports_nothing(production_env):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_without_security_contact_or_two_factor(production_env):
    env = {**production_env, "HELPFINDER_SECURITY_CONTACT": "", "HELPFINDER_STAFF_2FA": "false"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "helpfinder.W001" in result.stderr and "helpfinder.W002" in result.stderr


def test_production_serves_https_only_with_hsts_and_secure_cookies(production_env):
    result = subprocess.run(
        [sys.executable, "-c", FETCH], cwd=ROOT, env=production_env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["home_status"] == 200 and seen["home_cookies"] == []
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert seen["plain_status"] == 301
    assert seen["plain_location"] == "https://testserver/nl/"
    assert seen["csrf_cookie"] == {
        "secure": True,
        "httponly": True,
        "samesite": "Lax",
        "max-age": "",
    }


def test_production_settings_for_the_staff_session():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, "
        "s.HELPFINDER_STAFF_2FA, s.SECURE_SSL_REDIRECT)"
    )
    env = production_environ(DJANGO_ALLOWED_HOSTS="helpfinder.example.org")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.split() == ["True", "True", "Lax", "True", "True"], result.stderr

"""Two app instances on one PostgreSQL and one Redis: an edit saved through the admin of
one instance is on the very next public page of the other. Runs in CI (PostgreSQL run)."""

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from resources.models import Resource
from resources.roles import EDITORS

from .conftest import form_values, totp_code

ROOT = Path(settings.BASE_DIR)
CACHE_URL = os.environ.get("DJANGO_CACHE_URL", "")

pytestmark = [
    pytest.mark.processes,
    pytest.mark.skipif(
        not (connection.vendor == "postgresql" and CACHE_URL.startswith("redis://")),
        reason="needs DATABASE_URL=postgres://… and DJANGO_CACHE_URL=redis://… (CI sets both)",
    ),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base):
    for _ in range(100):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{base} did not start")


@pytest.fixture
def two_instances(committed_seed, tmp_path):
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",  # plain HTTP on loopback; production sits behind TLS
        "DJANGO_SECRET_KEY": "multi-instance-test-" + "k" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
        f"{database['NAME']}",
        "DJANGO_CACHE_URL": CACHE_URL,
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
    }
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    gunicorn = str(Path(python).with_name("gunicorn"))
    servers, bases = [], []
    try:
        for _ in range(2):
            port = free_port()
            servers.append(
                subprocess.Popen(
                    [gunicorn, "helpfinder.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        for base in bases:
            wait_until_up(base)
        yield bases
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


class Browser:
    """Just enough of a browser for the admin: cookies, forms, redirects."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def get(self, path):
        with self.opener.open(self.base + path) as response:
            return response.geturl(), BeautifulSoup(response.read(), "html.parser")

    def post(self, path, data):
        body = urllib.parse.urlencode(data, doseq=True).encode()
        with self.opener.open(self.base + path, data=body) as response:
            return response.geturl(), BeautifulSoup(response.read(), "html.parser")


def test_an_admin_edit_on_one_instance_is_on_the_next_page_of_the_other(two_instances, settings):
    first, second = two_instances
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # as served
    editor = User.objects.create_user("editor", password="correct horse battery", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)  # 2FA is on
    resource = Resource.objects.get(slug="kindertelefoon")
    visitor = Browser(second)
    for _ in range(3):  # the page is in the shared cache now
        assert visitor.get("/en/all-help/kindertelefoon/")[1].h1.get_text() == (
            "De Kindertelefoon (child helpline)"
        )

    staff = Browser(first)
    _, login = staff.get("/admin/login/?next=/admin/")
    data = form_values(login.find("form", id="login-form"))
    data.update(
        username=["editor"],
        password=["correct horse battery"],
        code=[totp_code(device)],
    )
    assert staff.post("/admin/login/?next=/admin/", data)[0] == first + "/admin/"
    change = f"/admin/resources/resource/{resource.pk}/change/"
    _, page = staff.get(change)
    data = form_values(page.find("form", id="resource_form"))
    data["name_en"] = ["De Kindertelefoon, saved on the first instance"]
    landed, _ = staff.post(change, data)
    assert landed == first + "/admin/resources/resource/"

    _, page = visitor.get("/en/all-help/kindertelefoon/")
    assert page.h1.get_text() == "De Kindertelefoon, saved on the first instance"

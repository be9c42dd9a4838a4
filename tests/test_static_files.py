"""Static files in production: hashed names, gzip and Brotli, cached by browsers for years."""

import json
import re
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
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
url = staticfiles_storage.url("css/site.css")
seen = {"url": url}
for encoding in ("br", "gzip", ""):
    response = Client().get(url, HTTP_ACCEPT_ENCODING=encoding, secure=True)
    seen[encoding or "none"] = {
        "status": response.status_code,
        "encoding": response.get("Content-Encoding", ""),
        "cache": response.get("Cache-Control", ""),
        "size": len(b"".join(response.streaming_content)),
    }
print(json.dumps(seen))
"""


def test_css_is_hashed_compressed_and_cached_for_years(tmp_path):
    env = production_environ(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    result = subprocess.run(
        [sys.executable, "-c", FETCH], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])

    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", seen["url"])
    assert (seen["br"]["encoding"], seen["gzip"]["encoding"], seen["none"]["encoding"]) == (
        "br",
        "gzip",
        "",
    )
    assert seen["br"]["size"] < seen["gzip"]["size"] < seen["none"]["size"]
    for encoding in ("br", "gzip", "none"):
        assert seen[encoding]["status"] == 200
        assert "max-age=315360000" in seen[encoding]["cache"]
        assert "immutable" in seen[encoding]["cache"]

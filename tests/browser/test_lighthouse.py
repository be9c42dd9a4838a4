"""Search engines can read the site: Lighthouse's SEO category scores 100 (crawlable, a
title and a description, a valid robots.txt, descriptive link texts, hreflang and
canonical links) on the home page in both languages, a results page and a listing page.

Lighthouse comes from npm into .cache/lighthouse (`make lighthouse`); HELPFINDER_LIGHTHOUSE
may point elsewhere. It runs on Node with the system Chromium, the four pages at once, so
that the check takes about half a minute.
"""

import json
import os
import shutil
import subprocess

import pytest
from django.conf import settings

from devtools import chromium
from tests.conftest import RESULTS_QUERY

from .conftest import unavailable

LIGHTHOUSE = os.environ.get("HELPFINDER_LIGHTHOUSE", "") or str(
    settings.BASE_DIR / ".cache/lighthouse/node_modules/.bin/lighthouse"
)
HINT = "apt-get install nodejs npm; make lighthouse (npm install --prefix .cache/lighthouse)"
PAGES = [
    "/nl/",
    "/en/",
    f"/nl/hulp-zoeken/resultaten/?{RESULTS_QUERY}",
    "/en/all-help/kindertelefoon/",
]
SECONDS_PER_PAGE = 100  # all pages run at once; a page takes about 20 s alone


@pytest.fixture(scope="module")
def lighthouse():
    if not (shutil.which("node") and os.access(LIGHTHOUSE, os.X_OK)):
        unavailable(f"The SEO check needs Node and Lighthouse: {HINT}")
    if chromium.chromium_path() is None:
        unavailable(f"The SEO check needs Chromium: {chromium.INSTALL_HINT}")
    return LIGHTHOUSE


def start(lighthouse, url, output):
    flags = " ".join(["--headless=new", *chromium.CHROMIUM_ARGS])
    return subprocess.Popen(
        [
            lighthouse,
            url,
            "--only-categories=seo",
            f"--chrome-flags={flags}",
            "--output=json",
            f"--output-path={output}",
            "--quiet",
            "--no-enable-error-reporting",
        ],
        env={**os.environ, "CHROME_PATH": chromium.chromium_path()},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def failing_audits(report):
    """The SEO audits that did not pass, with what Lighthouse says about each."""
    failed = []
    for reference in report["categories"]["seo"]["auditRefs"]:
        audit = report["audits"][reference["id"]]
        if audit["score"] is not None and audit["score"] < 1:
            items = audit.get("details", {}).get("items", [])
            failed.append(f"{audit['id']}: {audit['title']} {json.dumps(items)[:400]}")
    return failed


def test_search_engines_can_read_every_kind_of_page(lighthouse, site, tmp_path):
    runs = {
        url: start(lighthouse, site + url, tmp_path / f"{n}.json") for n, url in enumerate(PAGES)
    }
    scores, failures = {}, {}
    for number, (url, run) in enumerate(runs.items()):
        try:
            _out, errors = run.communicate(timeout=SECONDS_PER_PAGE)
        except subprocess.TimeoutExpired:
            run.kill()
            run.communicate()
            failures[url] = [f"Lighthouse took more than {SECONDS_PER_PAGE} s"]
            continue
        if run.returncode:
            failures[url] = [f"Lighthouse failed ({run.returncode}): {errors[-2000:]}"]
            continue
        report = json.loads((tmp_path / f"{number}.json").read_text())
        scores[url] = report["categories"]["seo"]["score"]
        print(f"{url}: SEO {scores[url]} (Lighthouse {report['lighthouseVersion']})")
        if scores[url] != 1:
            failures[url] = failing_audits(report)
            print("\n".join(f"  {line}" for line in failures[url]))
    assert not failures, failures
    assert scores == dict.fromkeys(PAGES, 1)

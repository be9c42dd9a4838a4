"""`make screenshots`: six pages at phone size in Dutch, and two as printed, into
docs/screenshots/.

The home page, a triage step, the question "What is happening?" as a parent who started
from the home page and as a young person, a results page and a resource page, at 360 x 740, in
Debian's Chromium; then the results for a parent and the poster for young people as they
print, the first A4 sheet. Serves the site from the database the environment names (`make
screenshots` makes a fresh one with the seed data), in a thread of this process, as Django's
live server does in tests.
"""

import argparse
import os
import sys
from pathlib import Path

from . import chromium

ROOT = Path(__file__).resolve().parent.parent
RESULTS_QUERY = "danger=yes&who=young-person&what=threats&age=12-17"
PRINTED_QUERY = "danger=no&who=parent&what=images&age=12-17"
A4 = {"width": 794, "height": 1123}  # an A4 sheet at 96 dots per inch


def options(argv):
    parser = argparse.ArgumentParser(prog="make screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    return parser.parse_args(argv)


def main(argv=None):
    out = options(argv).out
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit('Needs Playwright: .venv/bin/pip install -e ".[dev]"')
    if chromium.chromium_path() is None:
        sys.exit(f"Needs Chromium: {chromium.INSTALL_HINT}")

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helpfinder.settings")
    django.setup()
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread
    from django.urls import reverse
    from django.utils import translation

    with translation.override("nl"):
        pages = {
            "home": reverse("resources:home"),
            "triage-step": reverse("resources:who") + "?danger=no",
            "question-parent": reverse("resources:what") + "?danger=no&who=parent&preset=who",
            "question-young-person": reverse("resources:what") + "?danger=no&who=young-person",
            "results": reverse("resources:results") + "?" + RESULTS_QUERY,
            "resource": reverse("resources:resource", kwargs={"slug": "kindertelefoon"}),
        }
        printed = {
            "printed-results": reverse("resources:results") + "?" + PRINTED_QUERY,
            "poster": reverse("resources:poster", kwargs={"audience": "young-person"}),
        }
    out.mkdir(parents=True, exist_ok=True)
    server = LiveServerThread("127.0.0.1", StaticFilesHandler)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        sys.exit(f"Could not start the server: {server.error}")
    try:
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            context = browser.new_context(**chromium.PHONE, locale="nl-NL")
            page = context.new_page()
            for name, path in pages.items():
                page.goto(f"http://127.0.0.1:{server.port}{path}")
                target = out / f"{name}.png"
                page.screenshot(path=target)
                print(f"{target}: {path}")
            context.close()
            # As printed: one A4 sheet (210 x 297 mm at 96 dpi), with about the page margins
            # of the @page rules, which a screenshot leaves out.
            context = browser.new_context(viewport=A4, locale="nl-NL", bypass_csp=True)
            page = context.new_page()
            page.emulate_media(media="print")
            for name, path in printed.items():
                page.goto(f"http://127.0.0.1:{server.port}{path}")
                page.add_style_tag(content="body { padding: 12mm 14mm; }")
                target = out / f"{name}.png"
                page.screenshot(path=target)
                print(f"{target}: {path} (printed)")
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    main()

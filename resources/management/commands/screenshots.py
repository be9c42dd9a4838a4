from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management.base import BaseCommand, CommandError
from django.test.testcases import LiveServerThread
from django.urls import reverse
from django.utils import translation

from helpfinder import browser as chromium

RESULTS_QUERY = "danger=yes&who=young-person&what=threats&age=12-17"


class Command(BaseCommand):
    help = (
        "Screenshots of the home page, a triage step, a results page and a resource page, "
        "at phone size (360 x 740) in Dutch, in Debian's Chromium, into docs/screenshots/. "
        "Serves the site from the configured database (`make screenshots` uses a fresh one "
        "with the seed data)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", type=Path, default=Path(settings.BASE_DIR) / "docs" / "screenshots"
        )

    def handle(self, *args, out, **options):
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            raise CommandError('Needs Playwright: .venv/bin/pip install -e ".[dev]"') from None
        if chromium.chromium_path() is None:
            raise CommandError(f"Needs Chromium: {chromium.INSTALL_HINT}")
        with translation.override("nl"):
            pages = {
                "home": reverse("resources:home"),
                "triage-step": reverse("resources:who") + "?danger=no",
                "results": reverse("resources:results") + "?" + RESULTS_QUERY,
                "resource": reverse("resources:resource", kwargs={"slug": "kindertelefoon"}),
            }
        out.mkdir(parents=True, exist_ok=True)
        server = LiveServerThread("127.0.0.1", StaticFilesHandler)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise CommandError(f"Could not start the server: {server.error}")
        try:
            with sync_playwright() as playwright:
                browser = chromium.launch(playwright)
                context = browser.new_context(**chromium.PHONE, locale="nl-NL")
                page = context.new_page()
                for name, path in pages.items():
                    page.goto(f"http://127.0.0.1:{server.port}{path}")
                    target = out / f"{name}.png"
                    page.screenshot(path=target)
                    self.stdout.write(f"{target}: {path}")
                browser.close()
        finally:
            server.terminate()

"""Debian's Chromium, driven by Playwright: for the browser tests and `make screenshots`.

Playwright's pip package brings its driver but no browser, and `playwright install` cannot
download one here, so it launches the system Chromium (Debian package `chromium`). The flags
keep it from calling Google's servers (background networking, component updates, sync),
which a closed network refuses and which are no part of what we test.
"""

import os
import shutil

INSTALL_HINT = "apt-get install chromium"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
]

# The sizes we check: a common small phone (touch) and a desktop window.
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "has_touch": True,
    "is_mobile": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SIZES = {"phone": PHONE, "desktop": DESKTOP}


def chromium_path():
    """The Chromium to drive: $HELPFINDER_CHROMIUM, else `chromium` on the PATH, else None."""
    configured = os.environ.get("HELPFINDER_CHROMIUM", "").strip()
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def launch(playwright):
    """A headless Chromium (playwright is what sync_playwright() gives)."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)

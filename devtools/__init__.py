"""Tools for the tests and for `make screenshots`: Debian's Chromium through Playwright.

Not installed with the site (pyproject packages only helpfinder and resources), so the
shipped code never imports Playwright or django.test (tests/test_shipped_imports.py).
"""

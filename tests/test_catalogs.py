"""The interface is fully translated: no string the code or templates use is missing."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

ROOT = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _ in settings.LANGUAGES]


def catalog(language, root=ROOT):
    return polib.pofile(str(root / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    po = catalog(language)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{language}: no translation for {untranslated}"
    assert not fuzzy, f"{language}: translation marked fuzzy for {fuzzy}"


@pytest.mark.processes
@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_has_every_string_the_code_and_templates_use(language, tmp_path):
    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext is not installed: apt-get install gettext to run this check")
    for part in ["manage.py", "helpfinder", "resources", "templates", "static", "locale"]:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("*.mo"))
        else:
            shutil.copy(source, tmp_path / part)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", language, "--no-obsolete"],
        cwd=tmp_path,
        env={**os.environ, "DJANGO_DEBUG": "true"},
        check=True,
        capture_output=True,
    )
    wanted = {entry.msgid for entry in catalog(language, tmp_path)}
    have = {entry.msgid for entry in catalog(language)}
    assert not wanted - have, f"run `make messages`: {language} lacks {sorted(wanted - have)}"
    assert not have - wanted, f"run `make messages`: {language} has unused {sorted(have - wanted)}"


def test_compiled_catalogs_are_used():
    with translation.override("nl"):
        assert translation.gettext("Exit this page") == "Snel weg"
    with translation.override("en"):
        assert translation.gettext("Exit this page") == "Exit this page"

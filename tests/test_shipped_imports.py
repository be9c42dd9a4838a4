"""The installed packages import no test or screenshot tooling: not Playwright or devtools/,
which a production server does not have, and not django.test, Django's tools for tests."""

import ast
import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_ONLY = ("playwright", "django.test", "devtools")


def shipped_packages():
    """The top-level packages pyproject.toml installs (its packages.find include patterns)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    include = pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    return sorted(
        path
        for path in ROOT.iterdir()
        if (path / "__init__.py").is_file() and any(fnmatch(path.name, p) for p in include)
    )


def imported_modules(source):
    """Every module an import statement in `source` names, `from a import b` as a and a.b."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def is_dev_only(module):
    return any(module == name or module.startswith(name + ".") for name in DEV_ONLY)


def test_no_shipped_module_imports_playwright_django_test_or_devtools():
    packages = shipped_packages()
    assert {"helpfinder", "resources"} <= {package.name for package in packages}
    found = [
        f"{path.relative_to(ROOT)}: {module}"
        for package in packages
        for path in sorted(package.rglob("*.py"))
        for module in imported_modules(path.read_text())
        if is_dev_only(module)
    ]
    assert found == []

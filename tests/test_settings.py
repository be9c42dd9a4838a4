"""The settings refuse an insecure production configuration, with a message that says why."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP"
PRINT = "from django.conf import settings as s; print({expr})"

# Each test loads the settings in a new Python, with an environment of its own.
pytestmark = pytest.mark.processes


def load_settings(env, expr="s.DEBUG"):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "-c", PRINT.format(expr=expr)],
        env={**clean, "DJANGO_SETTINGS_MODULE": "helpfinder.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_production_without_secret_key_refuses_to_start():
    result = load_settings({"DJANGO_DEBUG": "false", "DJANGO_ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = load_settings({"DJANGO_ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize("key", ["short", "django-insecure-" + "x1y2z3" * 10, "a" * 60])
def test_production_with_weak_secret_key_refuses_to_start(key):
    result = load_settings(
        {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": key, "DJANGO_ALLOWED_HOSTS": "example.org"}
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too weak" in result.stderr


def test_production_without_allowed_hosts_refuses_to_start():
    result = load_settings({"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": GOOD_KEY})
    assert result.returncode != 0
    assert "Set DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_with_wildcard_host_refuses_to_start():
    result = load_settings(
        {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "*"}
    )
    assert result.returncode != 0
    assert "may not be '*'" in result.stderr


@pytest.mark.parametrize("value", ["yes-please", "2", "tru"])
def test_unclear_debug_value_is_an_error_not_false(value):
    result = load_settings({"DJANGO_DEBUG": value})
    assert result.returncode != 0
    assert f"DJANGO_DEBUG={value!r} is not a boolean" in result.stderr


def test_complete_production_configuration_starts_with_debug_off():
    result = load_settings(
        {
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": GOOD_KEY,
            "DJANGO_ALLOWED_HOSTS": "help.example.org, www.example.org",
        },
        expr="s.DEBUG, s.ALLOWED_HOSTS, s.STORAGES['staticfiles']['BACKEND']",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "False ['help.example.org', 'www.example.org'] "
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


@pytest.mark.parametrize("empty", [{}, {"DATABASE_URL": "", "DJANGO_CACHE_URL": " "}])
def test_development_defaults_to_sqlite_in_the_project_and_local_memory_cache(empty):
    result = load_settings(
        {"DJANGO_DEBUG": "true", **empty},
        expr="s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.CACHES['default']['BACKEND']",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"django.db.backends.sqlite3 {ROOT / 'db.sqlite3'} "
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_postgres_and_redis_urls_are_used_when_set():
    result = load_settings(
        {
            "DJANGO_DEBUG": "true",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/helpfinder",
            "DJANGO_CACHE_URL": "redis://127.0.0.1:6379/1",
        },
        expr="s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION']",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "django.db.backends.postgresql helpfinder "
        "helpfinder.cache.RedisWithFallback redis://127.0.0.1:6379/1"
    )


POSTGRES_AND_REDIS = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/helpfinder",
    "DJANGO_CACHE_URL": "redis://127.0.0.1:6379/1",
}


@pytest.mark.parametrize(
    ("timeouts", "options"),
    [
        (  # the defaults: short
            {},
            "{'connect_timeout': 3, 'options': '-c statement_timeout=5000'} "
            "{'socket_connect_timeout': 0.25, 'socket_timeout': 0.25}",
        ),
        (  # settings; 0 turns one off
            {
                "DJANGO_DB_CONNECT_TIMEOUT": "0",
                "DJANGO_DB_STATEMENT_TIMEOUT": "1.5",
                "DJANGO_CACHE_SOCKET_TIMEOUT": "0.1",
            },
            "{'options': '-c statement_timeout=1500'} "
            "{'socket_connect_timeout': 0.1, 'socket_timeout': 0.1}",
        ),
    ],
)
def test_postgresql_and_redis_get_short_timeouts_that_are_settings(timeouts, options):
    result = load_settings(
        {"DJANGO_DEBUG": "true", **POSTGRES_AND_REDIS, **timeouts},
        expr="s.DATABASES['default']['OPTIONS'], s.CACHES['default']['OPTIONS']",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == options


@pytest.mark.parametrize("value", ["soon", "-1", "nan"])
def test_a_timeout_that_is_not_a_number_of_seconds_is_an_error(value):
    result = load_settings({"DJANGO_DEBUG": "true", "DJANGO_DB_STATEMENT_TIMEOUT": value})
    assert result.returncode != 0
    assert f"DJANGO_DB_STATEMENT_TIMEOUT={value!r} is not a number of seconds" in result.stderr


def test_unknown_cache_url_is_an_error():
    result = load_settings({"DJANGO_DEBUG": "true", "DJANGO_CACHE_URL": "memcached://x"})
    assert result.returncode != 0
    assert "DJANGO_CACHE_URL='memcached://x' is not supported" in result.stderr


def test_amsterdam_time_and_dutch_first():
    result = load_settings(
        {"DJANGO_DEBUG": "true"},
        expr="s.TIME_ZONE, s.LANGUAGE_CODE, [c for c, _ in s.LANGUAGES][:2]",  # more may follow
    )
    assert result.stdout.strip() == "Europe/Amsterdam nl ['nl', 'en']"

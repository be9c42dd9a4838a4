"""Settings for helpfinder, read from environment variables.

Development needs no configuration beyond ``DJANGO_DEBUG=true`` (the Makefile sets it).
With debug off the site refuses to start until ``DJANGO_SECRET_KEY`` and
``DJANGO_ALLOWED_HOSTS`` are set to real values. See README.md, "Deploying".
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_bool(name, default):
    """A boolean from the environment; anything but a clear yes or no is an error."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={os.environ[name]!r} is not a boolean: use true or false.")


def env_int(name, default):
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_seconds(name, default):
    """A duration in seconds (fractions allowed) from the environment; 0 or more."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1
    if not seconds >= 0:  # also refuses "nan"
        raise ImproperlyConfigured(f"{name}={raw!r} is not a number of seconds (0 or more).")
    return seconds


def env_list(name):
    """A comma-separated list from the environment, without empty items."""
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def cache_from_url(url, socket_timeout):
    """Django cache settings for '' / 'locmem://' (default) or 'redis://host:port/db'.
    Redis gets short timeouts and each process's memory while it is away
    (helpfinder/cache.py)."""
    if not url or url.startswith("locmem://"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {
            "BACKEND": "helpfinder.cache.RedisWithFallback",
            "LOCATION": url,
            "OPTIONS": {
                "socket_connect_timeout": socket_timeout,
                "socket_timeout": socket_timeout,
            },
        }
    raise ImproperlyConfigured(
        f"DJANGO_CACHE_URL={url!r} is not supported: use redis://host:port/db or leave it empty."
    )


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY to a long random value (50+ characters), "
            "or set DJANGO_DEBUG=true for local development."
        )
    SECRET_KEY = "development-only-key-never-used-when-DJANGO_DEBUG-is-off-0123456789"
elif not DEBUG and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-")
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too weak for production: use 50 or more random characters, "
        'for example from: python -c "import secrets; print(secrets.token_urlsafe(50))"'
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_ALLOWED_HOSTS to the site's host names, comma-separated "
            "(for example helpfinder.amsterdam.nl)."
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
elif "*" in ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS may not be '*' in production: list the hosts.")

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, as modeltranslation requires
    "helpfinder.apps.HelpfinderAdminConfig",  # django.contrib.admin with our admin site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # /sitemap.xml (resources/sitemaps.py)
    "simple_history",
    "import_export",
    "helpfinder.apps.LoginProtectionConfig",  # axes, named for staff
    "django_otp",
    "helpfinder.apps.TwoStepLoginConfig",  # django_otp.plugins.otp_totp, named for staff
    "resources",
]

MIDDLEWARE = [
    "helpfinder.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "helpfinder.middleware.RefuseOversizedQueryMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",  # ETag, 304 Not Modified
    "resources.contentcache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "helpfinder.urls"
WSGI_APPLICATION = "helpfinder.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "helpfinder.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    # An empty DATABASE_URL means the default too (dj_database_url.config would take it as a
    # database without an engine).
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 60),
        # A kept connection is checked before a request uses it: the first request after
        # a database restart reconnects instead of failing.
        conn_health_checks=True,
    )
}
# PostgreSQL: how long to wait for a connection, and for one SQL statement, before giving
# up; the visitor then gets the emergency page (503) instead of a page that never comes.
# 0 waits for ever. libpq waits at least 2 s for a connection.
DB_CONNECT_TIMEOUT = env_seconds("DJANGO_DB_CONNECT_TIMEOUT", 3)
DB_STATEMENT_TIMEOUT = env_seconds("DJANGO_DB_STATEMENT_TIMEOUT", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    if DB_CONNECT_TIMEOUT:
        _options.setdefault("connect_timeout", max(1, round(DB_CONNECT_TIMEOUT)))
    if DB_STATEMENT_TIMEOUT:
        _options.setdefault("options", f"-c statement_timeout={round(DB_STATEMENT_TIMEOUT * 1000)}")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: how long one call may take before this process uses its own memory for a few
# seconds instead (helpfinder/cache.py).
CACHE_SOCKET_TIMEOUT = env_seconds("DJANGO_CACHE_SOCKET_TIMEOUT", 0.25)
CACHES = {
    "default": cache_from_url(
        os.environ.get("DJANGO_CACHE_URL", "").strip(), CACHE_SOCKET_TIMEOUT or None
    )
}
# Sites that share one Redis need their own prefix (content versions start at 1 in each).
CACHES["default"]["KEY_PREFIX"] = (
    os.environ.get("DJANGO_CACHE_KEY_PREFIX", "").strip() or "helpfinder"
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "helpfinder.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
# An empty text shows the first one filled in, in the order of LANGUAGES: an empty English
# text shows the Dutch one, and the other way round.
MODELTRANSLATION_FALLBACK_LANGUAGES = tuple(code for code, _name in LANGUAGES)

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", "") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files need `collectstatic`; development and tests use plain files.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Development and tests serve static/ directly; production serves the collected, hashed files.
WHITENOISE_USE_FINDERS = DEBUG

# ---------------------------------------------------------------- security
# Served over HTTPS in production (DJANGO_HTTPS=false only for local load tests over plain
# HTTP): redirect to HTTPS, HSTS for a year, cookies only over HTTPS.
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
BEHIND_PROXY = env_bool("DJANGO_BEHIND_HTTPS_PROXY", False)
if BEHIND_PROXY:
    # The load balancer ends TLS and says so in X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the app add the address they saw to X-Forwarded-For. The
# feedback form's rate limit counts the visitor's address (hashed), not the proxy's.
HELPFINDER_TRUSTED_PROXIES = env_int("HELPFINDER_TRUSTED_PROXIES", 1 if BEHIND_PROXY else 0)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
# The feedback form's CSRF cookie is the only cookie for visitors: gone when the browser
# closes (see the privacy statement).
CSRF_COOKIE_AGE = None

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Everything comes from this site; no inline script or style at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
    ]
}

# Requests: no big bodies, no endless query strings (answered with 400).
DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024
HELPFINDER_MAX_QUERY_LENGTH = 2048

# Staff log in with a password and a code from an authenticator app (django-otp), always
# in production. Enrol with: manage.py enrol_totp <username>.
HELPFINDER_STAFF_2FA = env_bool("HELPFINDER_STAFF_2FA", not DEBUG)

# /.well-known/security.txt: where to report a vulnerability.
HELPFINDER_SECURITY_CONTACT = os.environ.get("HELPFINDER_SECURITY_CONTACT", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Staff login: lock an account for an hour after 5 failed attempts. No IP address is
# recorded, not even of failed logins (see the privacy statement).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "helpfinder.privacy.no_ip_address"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# axes.W006 asks to lock per IP address too; we lock per account and keep no addresses.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# The admin's tabbed translation fields use jQuery UI: served from static/, not a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"

# History: every change, by whom; going back to a version is done by our own revert view.
SIMPLE_HISTORY_REVERT_DISABLED = True

# CSV import: editors need the change permission; every row is checked before anything
# is written, and the import runs in one transaction.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

# Public pages are kept in the cache this long (0: off); a content change makes them
# stale at once, whatever this says (resources/contentcache.py).
HELPFINDER_PAGE_CACHE_SECONDS = env_int("HELPFINDER_PAGE_CACHE_SECONDS", 120)

# Open data (/api/hsds/, resources/api.py): the licence it is published under, and how many
# requests one client may make (django-ratelimit's rate: number per s, m, h or d).
HELPFINDER_OPEN_DATA_LICENCE = os.environ.get("HELPFINDER_OPEN_DATA_LICENCE", "CC BY 4.0")
HELPFINDER_OPEN_DATA_LICENCE_URL = os.environ.get(
    "HELPFINDER_OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"
)
HELPFINDER_API_RATE = os.environ.get("HELPFINDER_API_RATE", "300/m")

# Resources whose facts were not checked for this many days are listed as "needs review".
HELPFINDER_REVIEW_AFTER_DAYS = env_int("HELPFINDER_REVIEW_AFTER_DAYS", 180)

# The emergency strip at the top of every page: after 112, the first phone number of
# these published listings (slugs), in order, until one is open now; one that is closed
# says when it opens (resources/channels.py: strip_lines).
HELPFINDER_EMERGENCY_LINES = ["kindertelefoon", "113"]

# Where "Exit this page" goes: a neutral site that does not hint at help for bullying.
HELPFINDER_EXIT_URL = os.environ.get("HELPFINDER_EXIT_URL", "https://www.buienradar.nl/")

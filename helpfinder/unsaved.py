"""A staff member's edit survives a database failure during its save.

When the database fails while the admin handles a POST (handler500, views.server_error),
the answer is a page that says the change was not saved and holds the posted data as
hidden inputs, with a button that posts it again to the same address: the typed edit is
not lost, and the re-post goes through the admin's usual checks (CSRF, permissions, the
version of the object).

Nothing here touches the database: the page is rendered without the request, so no
context processor runs, and no session or user is read.
"""

from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

# A field whose name holds one of these is never written into a page: passwords, one-time
# codes, tokens. The CSRF token is the exception: the re-post needs it, and it is in every
# admin page anyway.
SECRET_WORDS = ("password", "otp", "token")
CSRF_FIELD = "csrfmiddlewaretoken"


def is_admin_post(request):
    return request.method == "POST" and request.path.startswith(reverse("admin:index"))


def secret_pages():
    """Pages whose forms hold a password, a one-time code or the secret of an
    authenticator app (their field names need not say so: the login's code is "code")."""
    return (
        reverse("admin:login"),  # password and, with 2FA, the code (admin_site.py)
        reverse("admin:password_change"),
        reverse("admin:app_list", args=[TOTPDevice._meta.app_label]),  # the apps' secret keys
    )


def is_secret(name):
    return name != CSRF_FIELD and any(word in name.lower() for word in SECRET_WORDS)


def fields_to_keep(request):
    """The posted (name, value) pairs in their order, or None when they must not be
    written into a page."""
    if request.path.startswith(secret_pages()):
        return None
    pairs = [(name, value) for name, values in request.POST.lists() for value in values]
    if any(is_secret(name) for name, _value in pairs):
        return None
    return pairs


def not_saved(request, status):
    """The page for an admin POST that failed: in the language LocaleMiddleware chose
    (the admin's addresses have no language prefix)."""
    context = {
        "title": _("Not saved"),
        "site_title": admin.site.site_title,
        "site_header": admin.site.site_header,
        "fields": fields_to_keep(request),
        "action": request.get_full_path(),
        # A page cannot hold a chosen file: it is chosen again (no model has a file field yet).
        "had_files": bool(request.FILES),
    }
    with translation.override(translation.get_language() or settings.LANGUAGE_CODE):
        content = render_to_string("admin/unsaved.html", context)  # no request: no queries
    return HttpResponse(content, status=status)

from django.conf import settings
from django.core.exceptions import BadRequest
from django.urls import reverse


class SecurityHeadersMiddleware:
    """Headers Django does not set itself, on every response (static files included).

    - Cross-Origin-Resource-Policy: same-origin.
    - Referrer-Policy: same-origin for the admin (the feedback form sets it in its view);
      every other page keeps no-referrer. With no-referrer, browsers send "Origin: null"
      when a form is posted, and Django's CSRF protection (rightly) refuses that.
      same-origin still sends nothing to other sites. Must come before SecurityMiddleware,
      which only sets the header when it is missing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if request.path.startswith(reverse("admin:index")):
            response.headers["Referrer-Policy"] = "same-origin"
        return response


class RefuseOversizedQueryMiddleware:
    """A query string longer than any real link is refused with 400 Bad Request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.META.get("QUERY_STRING", "")) > settings.HELPFINDER_MAX_QUERY_LENGTH:
            raise BadRequest("query string too long")
        return self.get_response(request)

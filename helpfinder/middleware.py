from django.urls import reverse


class FormPagesReferrerPolicyMiddleware:
    """Referrer-Policy: same-origin for the admin; every other page keeps no-referrer.

    With no-referrer, browsers send "Origin: null" when a form is posted, and Django's
    CSRF protection (rightly) refuses that. same-origin still sends nothing to other
    sites. The public feedback form sets the same policy in its view.
    Must come before SecurityMiddleware, which only sets the header when it is missing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(reverse("admin:index")):
            response.headers["Referrer-Policy"] = "same-origin"
        return response

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache


def choose_language(request):
    """/ goes to /nl/ or /en/, by what the browser asks for; Dutch when it asks for neither."""
    response = redirect("resources:home")  # LocaleMiddleware has activated the language
    patch_vary_headers(response, ["Accept-Language"])
    return response


@never_cache
def healthz(request):
    """For load balancers: 200 when the app and its database answer, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})

"""Helpers that keep visitors' addresses out of the database and the logs."""

import hashlib
import hmac

from django.conf import settings


def no_ip_address(request):
    """For django-axes: record no IP address of a login attempt; lock out by username."""
    return None


def address_key(group, request):
    """For django-ratelimit: a keyed hash of the visitor's address, never the address.

    Lives only in the cache, for the rate-limit window; cannot be turned back into the
    address without the secret key.
    """
    address = visitor_address(request)
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def visitor_address(request):
    """The visitor's address: behind HELPFINDER_TRUSTED_PROXIES proxies, the one the
    outermost proxy saw (each proxy adds the address it saw to the right of
    X-Forwarded-For; what the visitor put there themselves stays further left)."""
    proxies = settings.HELPFINDER_TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")

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
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()

"""The shared cache (Redis) with a way out: when Redis refuses, times out or answers
slowly, each process falls back to its own memory, as a site without Redis does, and
tries Redis again a few seconds later.

What that means for visitors: pages keep coming, rendered from the database and kept
in each process's memory; a content version in every key keeps them right (see
resources/contentcache.py). For the feedback form's rate limit: each process counts on
its own while Redis is away, so a sender gets at most the limit per process, as on a
site without Redis; no report is refused because the cache is missing.

Short socket timeouts (DJANGO_CACHE_SOCKET_TIMEOUT, a quarter of a second by default)
bound what one failed call costs, and after a failure this process does not ask Redis
again for RETRY_SECONDS, so a slow or dead Redis costs one timeout per process every
few seconds, not one per call. No retries inside redis-py: Django's pool creates its
connections without them, and the first failure is the answer.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5

# Per process, by the address of the Redis: until when it is taken as away. Django makes
# a cache object per thread; this is what all of them in one process share.
_away_until = {}
_lock = threading.Lock()


def _falls_back(name):
    def method(self, *args, **kwargs):
        if self.is_away():
            return getattr(self.local, name)(*args, **kwargs)
        try:
            value = getattr(super(RedisWithFallback, self), name)(*args, **kwargs)
        except RedisError as error:
            self.went_away(error)
            return getattr(self.local, name)(*args, **kwargs)
        self.came_back()
        return value

    method.__name__ = name
    return method


class RedisWithFallback(RedisCache):
    """Django's Redis cache; each process's own memory while Redis is away."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.address = server
        # LocMemCache objects of one name share their store within a process.
        self.local = LocMemCache(f"while-redis-is-away:{server}", params)

    def is_away(self):
        return _away_until.get(self.address, 0) > time.monotonic()

    def went_away(self, error):
        with _lock:
            if not self.is_away():
                logger.warning(
                    "Redis at %s did not answer (%s): using this process's memory, "
                    "trying again in %g s.",
                    self.address,
                    error.__class__.__name__,
                    RETRY_SECONDS,
                )
            _away_until[self.address] = time.monotonic() + RETRY_SECONDS

    def came_back(self):
        """Called after every call Redis answered: costs a lock only when it was away."""
        if self.address not in _away_until:
            return
        with _lock:
            if _away_until.pop(self.address, None) is not None:
                logger.warning("Redis at %s answers again: using it.", self.address)

    def state(self):
        """For /healthz: "redis" when it answers now, "away" when it does not."""
        if self.is_away():
            return "away"
        try:
            self._cache.get_client().ping()
        except RedisError as error:
            self.went_away(error)
            return "away"
        self.came_back()
        return "redis"

    add = _falls_back("add")
    get = _falls_back("get")
    set = _falls_back("set")
    touch = _falls_back("touch")
    delete = _falls_back("delete")
    get_many = _falls_back("get_many")
    has_key = _falls_back("has_key")
    incr = _falls_back("incr")
    set_many = _falls_back("set_many")
    delete_many = _falls_back("delete_many")
    clear = _falls_back("clear")


def state(cache):
    """The cache's state for /healthz: "redis", "away" (Redis configured, not answering:
    each process uses its own memory) or "local" (no Redis configured)."""
    if isinstance(cache, RedisWithFallback):
        return cache.state()
    return "local"

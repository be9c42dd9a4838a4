"""Faults of a real deployment, with the production server (gunicorn, gunicorn.conf.py)
under load: Redis stopped and back, a stuck query, a database that stops answering or
restarts, a worker killed. Each test prints what visitors got, second by second.

The server's processes read the test database, so these need PostgreSQL (CI's
PostgreSQL run); Redis away is also tested in this process on SQLite
(tests/test_cache_away.py)."""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest
from bs4 import BeautifulSoup
from django.db import connection

from bench.server import Server

from .conftest import LANGUAGES, production_environ, public_urls
from .faults import RedisServer, TcpProxy, Timeline

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.processes,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the server's processes share the test database: needs PostgreSQL "
        "(CI's PostgreSQL run)",
    ),
    pytest.mark.skipif(not shutil.which("wrk"), reason="needs wrk (Debian package wrk)"),
]

STATEMENT_TIMEOUT = 1  # seconds, instead of 5, so that the tests need not wait
CONNECT_TIMEOUT = 2  # seconds: the least libpq waits


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    folder = tmp_path_factory.mktemp("static")
    env = production_environ(DJANGO_STATIC_ROOT=str(folder))
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return folder


@pytest.fixture
def site(committed_seed, static_root):
    """Starts the production server on the seeded test database, with extra settings."""
    database = connection.settings_dict

    def start(port=None, **settings):
        address = f"{database['HOST'] or '127.0.0.1'}:{port or database['PORT']}"
        env = production_environ(
            DJANGO_HTTPS="false",
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DJANGO_STATIC_ROOT=str(static_root),
            DATABASE_URL=f"postgres://{database['USER']}@{address}/{database['NAME']}",
            DJANGO_DB_STATEMENT_TIMEOUT=str(STATEMENT_TIMEOUT),
            DJANGO_DB_CONNECT_TIMEOUT=str(CONNECT_TIMEOUT),
            HELPFINDER_STAFF_2FA="false",
            **settings,
        )
        return Server(env)

    return start


def every_page():
    return [url for language in LANGUAGES for url in public_urls(language)]


def get(base, path, timeout=10):
    """(status, seconds, page) as a browser would get them."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(base + path, timeout=timeout) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    return status, time.monotonic() - started, BeautifulSoup(body, "html.parser")


def health(base):
    try:
        with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
            return response.status, json.loads(response.read())["cache"]
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())["cache"]


def report(timeline):
    print(f"\n{timeline.table()}")


def assert_emergency_page(status, page, language):
    assert status == 503
    assert page.html["lang"] == language
    assert page.find("a", href="tel:112")
    assert page.find("a", href="tel:+318000432")


def test_redis_stopped_then_back_under_load(site):
    redis = RedisServer().start()
    paths = every_page()
    try:
        with site(DJANGO_CACHE_URL=redis.url) as server:
            server.warm(paths, seconds=2)
            assert health(server.base) == (200, "redis")
            # Five visitors at once, each asking again as soon as a page came: hundreds
            # of pages a second, far more than the site gets.
            timeline = Timeline(server.base, paths, connections=5)
            time.sleep(3)
            timeline.mark("Redis stopped")
            redis.stop()
            stopped = time.monotonic() - timeline.started
            time.sleep(1)
            assert health(server.base) == (200, "away")
            time.sleep(4)
            timeline.mark("Redis started again, empty")
            redis.start()
            back = time.monotonic() - timeline.started
            time.sleep(7)  # each process asks Redis again within 5 s
            timeline.stop()
            report(timeline)
            assert health(server.base) == (200, "redis")
            assert redis.keys() > 0 and redis.hits() > 0  # pages from Redis again
    finally:
        redis.stop()
    assert sum(second.requests for second in timeline.seconds) > 0
    assert all(second.failed == 0 for second in timeline.seconds)
    without_redis = timeline.between(stopped, back)
    assert without_redis
    assert all(second.p95_ms < 300 for second in without_redis)


def test_a_stuck_query_ends_in_the_emergency_page_within_the_statement_timeout(site):
    database = connection.settings_dict
    with site() as server:
        assert get(server.base, "/nl/")[0] == 200
        # Another session holds a lock on the table every page reads first (a migration or
        # a maintenance job would): each page's first query waits for it.
        with psycopg.connect(
            host=database["HOST"] or "127.0.0.1",
            port=database["PORT"],
            user=database["USER"],
            dbname=database["NAME"],
        ) as holder:
            holder.execute("LOCK TABLE resources_contentversion IN ACCESS EXCLUSIVE MODE")
            for language in LANGUAGES:
                for path in public_urls(language)[:3]:
                    status, seconds, page = get(server.base, path)
                    print(f"query stuck: {path} {status} in {seconds:.2f} s")
                    assert_emergency_page(status, page, language)
                    assert seconds < STATEMENT_TIMEOUT + 1, (path, seconds)
            holder.rollback()
        status, _seconds, page = get(server.base, "/en/")
        assert status == 200 and page.html["lang"] == "en"


def test_a_database_that_stops_answering_gives_the_emergency_page_within_the_connect_timeout(
    site,
):
    proxy = TcpProxy(int(connection.settings_dict["PORT"]))
    try:
        with site(port=proxy.port) as server:
            assert get(server.base, "/nl/")[0] == 200
            proxy.silent()
            for language in LANGUAGES:
                status, seconds, page = get(server.base, public_urls(language)[0])
                print(f"database silent: {public_urls(language)[0]} {status} in {seconds:.2f} s")
                assert_emergency_page(status, page, language)
                assert seconds < CONNECT_TIMEOUT + 1, seconds
            assert health(server.base)[0] == 503
            proxy.passing()
            assert get(server.base, "/nl/")[0] == 200
            assert health(server.base)[0] == 200
    finally:
        proxy.close()


def test_a_database_restart_under_load_fails_no_request_after_it(site):
    proxy = TcpProxy(int(connection.settings_dict["PORT"]))
    paths = every_page()
    try:
        # Kept connections (DJANGO_DB_CONN_MAX_AGE, 60 s by default) outlive the restart.
        with site(port=proxy.port) as server:
            server.warm(paths, seconds=2)
            timeline = Timeline(server.base, paths)
            time.sleep(3)
            timeline.mark("database restarting: connections cut, new ones refused")
            proxy.refuse()
            time.sleep(2)
            proxy.passing()
            timeline.mark("database back")
            back = time.monotonic() - timeline.started
            time.sleep(5)
            timeline.stop()
            report(timeline)
    finally:
        proxy.close()
    assert all(second.no_answer == 0 for second in timeline.seconds)  # 503 at worst
    after = timeline.between(back, float("inf"))
    assert len(after) >= 3
    assert all(second.failed == 0 and second.requests > 0 for second in after)


def established_connections(pid, port):
    """The TCP connections to `port` that process `pid` holds open."""
    inodes = set()
    with contextlib.suppress(OSError):
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            with contextlib.suppress(OSError):
                target = os.readlink(fd)
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                local_port = int(fields[1].rsplit(":", 1)[1], 16)
                if local_port == port and fields[3] == "01" and fields[9] in inodes:
                    count += 1
    return count


def stop_a_busy_worker(server, port, seconds=5):
    """Stops (SIGSTOP) the worker holding the most connections to `port` and returns it
    with the connections it holds: stopped, it holds still, so they are the ones a kill
    cuts. wrk opens new connections each round, and between rounds none are held: a
    worker found idle once stopped is let go and the search starts again."""
    deadline = time.monotonic() + seconds
    while True:
        held = {pid: established_connections(pid, port) for pid in server.workers()}
        worker = max(held, key=held.get)
        os.kill(worker, signal.SIGSTOP)
        serving = established_connections(worker, port)
        if serving or time.monotonic() > deadline:
            return worker, serving
        os.kill(worker, signal.SIGCONT)
        time.sleep(0.01)


def test_killing_a_worker_costs_only_the_requests_it_was_serving(site):
    paths = every_page()
    with site(WEB_CONCURRENCY="3") as server:
        server.warm(paths, seconds=2)
        port = int(server.base.rsplit(":", 1)[1])
        timeline = Timeline(server.base, paths, connections=30)
        time.sleep(3)
        worker, serving = stop_a_busy_worker(server, port)
        os.kill(worker, signal.SIGKILL)
        timeline.mark(f"worker {worker} killed, holding {serving} connections")
        killed = time.monotonic() - timeline.started
        time.sleep(6)
        timeline.stop()
        report(timeline)
        assert len(server.workers()) == 3  # the master started a new one
    failed = sum(second.failed for second in timeline.seconds)
    assert sum(second.server_errors for second in timeline.seconds) == 0
    assert serving > 0 and failed <= serving, (failed, serving)
    after = timeline.between(killed + 1, float("inf"))
    assert all(second.failed == 0 and second.requests > 0 for second in after)

"""What `make bench` and `make load` share: a throw-away database, the production settings,
the production server (gunicorn, as README.md "Deploying" starts it) and wrk.

Nothing here touches the developer's db.sqlite3 or the data of the database named in
DATABASE_URL: SQLite runs in a temporary file; for PostgreSQL a new database is created
next to the given one and dropped at the end.
"""

import contextlib
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
LUA_SCRIPT = Path(__file__).with_name("count.lua")


@contextlib.contextmanager
def throwaway_database():
    """A DATABASE_URL for an empty database that is gone when the block ends."""
    given = os.environ.get("DATABASE_URL", "").strip()
    if not given:
        folder = Path(tempfile.mkdtemp(prefix="helpfinder-bench-"))
        try:
            yield f"sqlite:///{folder / 'bench.sqlite3'}", "SQLite"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    import psycopg

    parts = urlsplit(given)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        raise SystemExit(f"DATABASE_URL: only postgres://… or unset (SQLite), not {parts.scheme}")
    name = f"{parts.path.lstrip('/') or 'helpfinder'}_throwaway_{secrets.token_hex(4)}"
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}")), "PostgreSQL"
    finally:
        with psycopg.connect(maintenance, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_environment(database_url, static_root, page_cache=True):
    """The environment of a production instance, on plain HTTP on the loopback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "HELPFINDER_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="helpfinder.settings",
        DJANGO_DEBUG="false",
        DJANGO_HTTPS="false",  # plain HTTP on 127.0.0.1; production sits behind TLS
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,testserver",
        DATABASE_URL=database_url,
        DJANGO_STATIC_ROOT=str(static_root),
        # Staff log in with two factors in production; the benchmark has no staff.
        HELPFINDER_STAFF_2FA="false",
        # wrk is one client asking thousands of times a second: the API's limit per client
        # would answer most of it with 429.
        HELPFINDER_API_RATE="100000000/m",
    )
    cache_url = os.environ.get("DJANGO_CACHE_URL", "").strip()
    if cache_url:
        env["DJANGO_CACHE_URL"] = cache_url
        # A fresh database starts at content version 1 again: keep its pages apart from
        # those of any other site that uses the same Redis.
        env["DJANGO_CACHE_KEY_PREFIX"] = f"helpfinder-bench-{secrets.token_hex(4)}"
    if not page_cache:
        env["HELPFINDER_PAGE_CACHE_SECONDS"] = "0"
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """The production server: `gunicorn helpfinder.wsgi` with gunicorn.conf.py."""

    def __init__(self, env):
        self.env = env
        self.base = ""
        self.process = None
        self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (closed in __exit__)

    def __enter__(self):
        port = free_port()
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.process = subprocess.Popen(
            [gunicorn, "helpfinder.wsgi", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
        )
        self.base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped at start-up:\n{self.messages()}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer on {self.base} within 30 seconds")

    def __exit__(self, *exc_info):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.log.close()

    def messages(self):
        """What gunicorn and the app wrote to the error log."""
        self.log.seek(0)
        return self.log.read()

    def errors(self):
        """Error log lines that are not gunicorn's start and stop messages."""
        return [
            line for line in self.messages().splitlines() if line.strip() and "[INFO]" not in line
        ]

    def warm(self, paths, seconds=3):
        """Every worker loads its code and templates and fills its cache once, so that
        start-up costs are not measured. A new connection for each request, so that
        every worker gets some (kept-alive connections stay with one worker)."""
        wrk(self.base, paths, seconds, len(self.workers()) * 4, headers=["Connection: close"])

    def workers(self):
        """The process ids of gunicorn's workers (the children of the master)."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == self.process.pid:
                found.append(int(entry.name))
        return found

    def peak_memory_mb(self):
        """The peak resident memory (VmHWM) of each worker, in MB."""
        peaks = []
        for pid in self.workers():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        return sorted(peaks)


@dataclass
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    non_2xx_3xx: int
    server_errors: int
    socket_errors: int

    @property
    def per_second(self):
        return self.requests / self.seconds

    @property
    def failed(self):
        return self.non_2xx_3xx + self.socket_errors

    @classmethod
    def combine(cls, rounds):
        """Several rounds against one target as one result (p95, p99: the worst round's)."""
        return cls(
            requests=sum(r.requests for r in rounds),
            seconds=sum(r.seconds for r in rounds),
            p50_ms=statistics.median(r.p50_ms for r in rounds),
            p95_ms=max(r.p95_ms for r in rounds),
            p99_ms=max(r.p99_ms for r in rounds),
            non_2xx_3xx=sum(r.non_2xx_3xx for r in rounds),
            server_errors=sum(r.server_errors for r in rounds),
            socket_errors=sum(r.socket_errors for r in rounds),
        )


@dataclass
class NewAnswers:
    """Results pages of answers no request asked for before (count.lua, "--new-answers"):
    the results path in each language and the choices of each answer. `first` numbers the
    next request, so that a later wrk run does not ask for the pages of an earlier one."""

    paths: list
    audiences: list
    ages: list
    types: list
    first: int = 0

    def arguments(self, threads):
        choices = [",".join(slugs) for slugs in (self.audiences, self.ages, self.types)]
        return ["--new-answers", str(self.first), str(threads), *choices, *self.paths]


def wrk(base, paths, seconds, connections, threads=2, timeout=10, headers=()):
    """Load `paths` (taken in turn, or a NewAnswers) for `seconds`; wrk is the Debian
    package."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (Debian package)")
    new_answers = isinstance(paths, NewAnswers)
    arguments = paths.arguments(threads) if new_answers else paths
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        f"--timeout={timeout}s",
        f"--script={LUA_SCRIPT}",
        *(f"--header={header}" for header in headers),
        base + arguments[-1],  # the host for wrk; the script picks the paths
        "--",
        *arguments,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("HELPFINDER "))
    seen = json.loads(line.removeprefix("HELPFINDER "))
    if new_answers:
        paths.first = seen["following"]
    return LoadResult(
        requests=seen["requests"],
        seconds=seen["duration_us"] / 1e6,
        p50_ms=seen["p50_us"] / 1000,
        p95_ms=seen["p95_us"] / 1000,
        p99_ms=seen["p99_us"] / 1000,
        non_2xx_3xx=seen["status_errors"],
        server_errors=seen["5xx"],
        socket_errors=seen["connect"] + seen["read"] + seen["write"] + seen["timeout"],
    )


def machine():
    cores = len(os.sched_getaffinity(0))
    return f"{cores} CPU cores, Python {sys.version.split()[0]}"


@contextlib.contextmanager
def prepared_site():
    """A migrated throw-away database with the Amsterdam seed data and collected static
    files; Django is set up in this process with the same production settings.

    Yields (environment for the server, database name for the table). In this process
    the page cache is off, so that timings are those of rendering pages."""
    with throwaway_database() as (database_url, vendor), tempfile.TemporaryDirectory() as static:
        env = production_environment(database_url, Path(static) / "static")
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "collectstatic", "--no-input", "-v0")
        manage(env, "seed")
        os.environ.update(env, HELPFINDER_PAGE_CACHE_SECONDS="0")
        import django

        django.setup()
        from django.db import connections

        try:
            yield env, vendor
        finally:
            connections.close_all()

"""Real faults for tests: a Redis of the test's own, a TCP proxy in front of PostgreSQL that
the test controls, and a load run (wrk, one-second rounds) that counts per second what
visitors got while a fault happens. Nothing here changes the machine's own services."""

import contextlib
import shutil
import signal
import socket
import struct
import subprocess
import threading
import time
from dataclasses import dataclass, field

import pytest
import redis

from bench import server
from bench.server import free_port


class RedisServer:
    """redis-server on a port of its own, nothing kept on disk; stop() and start() it
    again on the same port, or pause() it (it takes connections and answers nothing)."""

    def __init__(self):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            pytest.skip("redis-server is not installed (Debian package redis-server)")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.RedisError):
                if self.client().ping():
                    return self
            time.sleep(0.02)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def client(self):
        return redis.Redis(port=self.port, socket_timeout=1)

    def hits(self):
        """Reads of a key that was there, since this redis-server started."""
        return self.client().info("stats")["keyspace_hits"]

    def keys(self):
        return self.client().dbsize()


class TcpProxy:
    """Passes TCP connections to 127.0.0.1:target, until the test says otherwise:
    refuse() cuts every connection and refuses new ones (a database restarting);
    silent() cuts them and takes new ones without ever answering (a database host that
    stopped answering); passing() goes back to passing them on."""

    def __init__(self, target_port, port=0):
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", port))
        self.port = self.listener.getsockname()[1]
        self.mode = "pass"
        self.sockets = set()
        self.lock = threading.Lock()
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.mode == "refuse":
                self.reset(client)
                continue
            with self.lock:
                self.sockets.add(client)
            if self.mode == "silent":
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                self.reset(client)
                continue
            with self.lock:
                self.sockets.add(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(source, sink), daemon=True).start()

    def pipe(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            self.reset(sink)

    def reset(self, sock):
        """Closes at once (RST), as a stopped server's connections are."""
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
        with self.lock:
            self.sockets.discard(sock)

    def cut(self):
        with self.lock:
            kept = list(self.sockets)
        for sock in kept:
            self.reset(sock)

    def refuse(self):
        self.mode = "refuse"
        self.cut()

    def silent(self):
        self.mode = "silent"
        self.cut()

    def passing(self):
        self.cut()  # connections taken while silent were never answered
        self.mode = "pass"

    def close(self):
        self.refuse()
        self.listener.close()


@dataclass
class Second:
    """What one second of load got: requests, 5xx, failed (no answer or not 2xx/3xx), no
    answer at all (the connection failed or timed out), p95."""

    start: float
    requests: int
    server_errors: int
    failed: int
    no_answer: int
    p95_ms: float


@dataclass
class Timeline:
    """wrk in rounds of one second against `base`, in a thread, until stop()."""

    base: str
    paths: list
    connections: int = 20
    seconds: list = field(default_factory=list)
    events: list = field(default_factory=list)

    def __post_init__(self):
        self.started = time.monotonic()
        self.running = True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while self.running:
            start = time.monotonic() - self.started
            result = server.wrk(self.base, self.paths, 1, self.connections, timeout=5)
            self.seconds.append(
                Second(
                    start,
                    result.requests,
                    result.server_errors,
                    result.failed,
                    result.socket_errors,
                    result.p95_ms,
                )
            )

    def mark(self, event):
        """Notes a fault (or its end) at this moment, for the table."""
        self.events.append((time.monotonic() - self.started, event))

    def stop(self):
        self.running = False
        self.thread.join(timeout=30)

    def between(self, start, end):
        """The rounds that began at or after `start` and ended before `end`."""
        return [s for s in self.seconds if s.start >= start and s.start + 1 <= end]

    def table(self):
        """Per second, with the faults where they happened (printed by the tests)."""
        heads = ("t s", 5), ("requests", 9), ("5xx", 5), ("failed", 7), ("no answer", 9)
        lines = [" ".join(f"{head:>{width}}" for head, width in heads) + "  p95 ms"]
        events = list(self.events)
        for second in self.seconds:
            while events and events[0][0] <= second.start:
                lines.append(f"{events[0][0]:>5.1f} -- {events.pop(0)[1]}")
            lines.append(
                f"{second.start:>5.1f} {second.requests:>9} {second.server_errors:>5} "
                f"{second.failed:>7} {second.no_answer:>9} {second.p95_ms:>7.1f}"
            )
        return "\n".join(lines)

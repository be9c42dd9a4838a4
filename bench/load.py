"""`make load`: the production server under wrk, 100 connections for 60 seconds on each of
the home, results and resource pages; every request must succeed.

Same set-up as `make bench` (throw-away database with the seed data plus synthetic
resources, gunicorn with gunicorn.conf.py, debug off, page cache on). Reports requests,
failed requests (socket errors, timeouts and answers other than 2xx/3xx) and 5xx per
page, and exits non-zero when any request failed or the server logged an error.
"""

import argparse
import sys
import time

from . import server


def options(argv):
    parser = argparse.ArgumentParser(prog="make load", description=__doc__.split("\n")[0])
    parser.add_argument("--resources", type=int, default=1000, help="published resources")
    parser.add_argument("--seconds", type=int, default=60, help="wrk time per page")
    parser.add_argument("--connections", type=int, default=100, help="wrk connections")
    return parser.parse_args(argv)


def main(argv=None):
    args = options(argv)
    started = time.monotonic()
    with server.prepared_site() as (env, vendor):
        from . import pages, synthetic

        synthetic.grow_to(args.resources)
        targets = {
            "home": pages.home(),
            "results": pages.results(),
            "resource page": pages.resource_pages(),
        }
        results = {}
        with server.Server(env) as running:
            running.warm([path for paths in targets.values() for path in paths])
            for name, paths in targets.items():
                print(f"  wrk {name} for {args.seconds} s", file=sys.stderr)
                results[name] = server.wrk(running.base, paths, args.seconds, args.connections)
            errors = running.errors()
    lines = [
        f"helpfinder load test: {vendor}, {server.machine()}, {args.resources:,} resources",
        f"gunicorn (gunicorn.conf.py), debug off, page cache on; wrk {args.connections} "
        f"connections x {args.seconds} s per page",
        f"{'page':16} | {'requests':>9} {'req/s':>8} {'p99 ms':>8} {'failed':>7} {'5xx':>5}",
    ]
    for name, result in results.items():
        lines.append(
            f"{name:16} | {result.requests:>9} {result.per_second:>8.0f} {result.p99_ms:>8.1f} "
            f"{result.failed:>7} {result.server_errors:>5}"
        )
    lines.append(f"server error log lines: {len(errors)}")
    lines += [f"  {line}" for line in errors[:20]]
    failed = sum(result.failed + result.server_errors for result in results.values())
    lines.append(
        "OK: no failed request, no 5xx" if not failed and not errors else "NOT OK (see above)"
    )
    lines.append(f"(load test took {time.monotonic() - started:.0f} s)")
    print("\n".join(lines))
    return 1 if failed or errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""The production server's settings: `gunicorn helpfinder.wsgi` reads this file from the
project folder. The command line and GUNICORN_CMD_ARGS override any of them (README.md,
"Deploying"); `make bench` and `make load` start the server with exactly these.
"""

import os

# One process per CPU core and one more, so a core is never idle while a process waits
# for the database; WEB_CONCURRENCY overrides. (Each process without Redis keeps its own
# page cache, so more processes render the same pages more often.) Each process has a
# few threads that keep connections open between requests (keep-alive), so a slow phone
# holds a thread, not a whole process.
workers = int(os.environ.get("WEB_CONCURRENCY") or len(os.sched_getaffinity(0)) + 1)
worker_class = "gthread"
threads = 4
keepalive = 5

# No access log: visitors' answers travel in the query string and are never logged
# (privacy statement). Errors still go to stderr.
accesslog = None
errorlog = "-"

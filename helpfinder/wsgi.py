"""WSGI entry point: gunicorn helpfinder.wsgi."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helpfinder.settings")

application = get_wsgi_application()

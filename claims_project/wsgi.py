"""WSGI entry point, e.g. for gunicorn claims_project.wsgi."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claims_project.settings")

application = get_wsgi_application()

"""The Celery app. Settings come from Django's, under the CELERY_ prefix.

Without CELERY_BROKER_URL the settings make every task run in-process (eager), so the embedded
default needs no server; with it, tasks go to Redis and a worker runs them.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claims_project.settings")

app = Celery("claims_project")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

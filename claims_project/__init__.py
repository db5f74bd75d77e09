# Load the Celery app with Django so that @shared_task binds to it (and runs in-process when no
# broker is configured).
from claims_project.celery import app as celery_app

__all__ = ("celery_app",)

"""Settings for the claims database: one module, driven by environment variables.

The defaults are the embedded setup: SQLite file, tasks in-process, debug on for 127.0.0.1.
Production differs only by environment (see README and .env.example):
DJANGO_DEBUG=0 requires DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS and turns on the secure
cookie, HTTPS and HSTS settings that `manage.py check --deploy` asks for; DATABASE_URL switches to
PostgreSQL (psycopg 3); CELERY_BROKER_URL switches tasks to Redis and a worker.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {raw!r}") from None


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
    # Only ever used with debug on, on a developer's machine.
    SECRET_KEY = "insecure-local-development-key-never-used-with-debug-off"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "sources",
    "claims",
    "reviews",
    "fixtures",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A NUL in a query parameter is a 400 naming it, before anything queries with it.
    "claims_project.parsers.QueryTextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A GET whose If-None-Match names the response's ETag gets 304 with no body.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records the logged-in user on every history row written during a request.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Answers a locked-out sign-in (django-axes); last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "claims_project.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "claims_project" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "claims_project.wsgi.application"

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    # Full-text search (claims text filter) uses PostgreSQL's search functions.
    INSTALLED_APPS.append("django.contrib.postgres")
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            # IMMEDIATE: a writing transaction takes the write lock when it starts, so two
            # concurrent writers wait their turn instead of failing with "database is locked".
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

# --- Sign-in attempts (admin and the browsable API's login) are limited by django-axes. ---
# Its backend comes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(env_float("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=env_float("AXES_COOLOFF_MINUTES", 15))
# One user name from one address: a wrong password from elsewhere does not lock an editor out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Files the product writes (whole-database reports); never served without a permission check.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Where the workers of a whole CSV report write their parts for the process that joins them:
# a directory every worker and the requester see (a shared volume across machines).
CLAIMS_REPORT_PARTS_DIR = Path(
    os.environ.get("CLAIMS_REPORT_PARTS_DIR", "") or MEDIA_ROOT / "report-parts"
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "admin:login"

# --- Security: production mode (debug off) is what `check --deploy` inspects. ---
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(env_float("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- REST API ---
REST_FRAMEWORK = {
    # Token first: DRF takes the first class's WWW-Authenticate header, so an anonymous write
    # gets 401 with "WWW-Authenticate: Token" (session auth has no header and would give 403).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "claims_project.permissions.ModelPermissionsOrAnonReadOnly",
    ],
    # JSON and form bodies checked for NUL characters, lone surrogates and depth first.
    "DEFAULT_PARSER_CLASSES": [
        "claims_project.parsers.CheckedJSONParser",
        "claims_project.parsers.CheckedFormParser",
        "claims_project.parsers.CheckedMultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "claims_project.pagination.IdCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "claims_project.schema.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "claims_project.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/minute"),
        "user": os.environ.get("API_THROTTLE_USER", "2000/minute"),
    },
    "EXCEPTION_HANDLER": "claims_project.api_errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Claims database API",
    "DESCRIPTION": (
        "Quantitative claims in the news: articles, speakers, metrics, claims as intervals, "
        "reviewers' verdicts, diff reports of conflicting figures, and schema.org ClaimReview."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and Redoc from drf-spectacular-sidecar: no request leaves the server.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "ReviewStatusEnum": "reviews.models.ReviewStatus",
        "ReportRunStatusEnum": "claims.models.ReportRunStatus",
        "ArticleExtractionStatusEnum": "claims.models.ARTICLE_EXTRACTION_STATUSES",
        "VerdictEnum": "claims.core.verdicts.CHOICES",
    },
}
# Bodies above this are answered 413 (see claims_project/api_errors.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(env_float("DJANGO_MAX_REQUEST_BYTES", 5 * 1024 * 1024))

# --- Celery: in-process without a broker, Redis with one. ---
# Without a broker, the in-memory transport named with a host: tasks run eagerly, and kombu no
# longer prints "No hostname was supplied. Reverting to default 'localhost'" on every import.
BROKER_CONFIGURED = bool(os.environ.get("CELERY_BROKER_URL"))
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://localhost/"
# Results come back only from the tasks that say so (a whole report's batches, joined in order
# by the process that asked for them): by default in the broker's Redis, for an hour.
CELERY_RESULT_BACKEND = (
    os.environ.get("CELERY_RESULT_BACKEND", "") or os.environ.get("CELERY_BROKER_URL") or None
)
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_ALWAYS_EAGER = not BROKER_CONFIGURED
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "claims")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_TIME_LIMIT = 600
CELERY_TASK_SOFT_TIME_LIMIT = 540
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
# Fail fast when the broker is down: the import marks articles "waiting" instead of hanging.
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 3, "socket_timeout": 10}
CELERY_BEAT_SCHEDULE = {
    "extract-waiting-articles": {"task": "claims.tasks.extract_waiting", "schedule": 300.0},
    "send-waiting-report-runs": {"task": "claims.tasks.report_runs_waiting", "schedule": 300.0},
}
CELERY_ACCEPT_CONTENT = ["json"]

# --- Cache: the API's rate limits (DRF throttles) count in it, so with several web processes
# it must be one shared store: Redis when one is configured (DJANGO_CACHE_URL, else the Redis
# broker's server), each process's memory otherwise (the embedded default, one process).
CACHE_URL = os.environ.get("DJANGO_CACHE_URL", "") or (
    CELERY_BROKER_URL if CELERY_BROKER_URL.startswith(("redis://", "rediss://")) else ""
)
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            # Beside the broker's keys in one database: ours carry a prefix of their own.
            "KEY_PREFIX": "claims-cache",
        }
    }

# --- Figures as intervals (DESIGN.md): tolerances are settings, not constants in code. ---
INTERVAL_TOLERANCES = {
    # "about 7,300" reaches 10% either side (and never less than the figure's rounding).
    "approximate": env_float("CLAIMS_TOLERANCE_APPROXIMATE", 0.10),
    # "nearly 40" sits up to 10% below 40.
    "nearly": env_float("CLAIMS_TOLERANCE_NEARLY", 0.10),
    # An exact figure carries its rounding: "40,000" is 39,500..40,500 ...
    "rounding": env_bool("CLAIMS_EXACT_FIGURES_CARRY_ROUNDING", True),
    # ... read as precise to at least two leading digits ("10 killed" is 9.5..10.5).
    "significant_digits": int(env_float("CLAIMS_ROUNDING_SIGNIFICANT_DIGITS", 2)),
}

# An extraction "queued" or "running" for longer than this (seconds) lost its process (a worker
# or an import killed midway): the periodic pick-up and extract_waiting queue it again.
CLAIMS_EXTRACTION_STALE_AFTER = env_float("CLAIMS_EXTRACTION_STALE_AFTER", 15 * 60)


# The fact-checker our own published reviews are credited to in ClaimReview (author), and the
# site address the public fact-check pages are linked under when no request tells it.
CLAIMREVIEW_ORGANIZATION_NAME = os.environ.get("CLAIMREVIEW_ORGANIZATION_NAME", "Claims database")
CLAIMREVIEW_ORGANIZATION_URL = os.environ.get("CLAIMREVIEW_ORGANIZATION_URL", "")
# Seconds the public pages are cached (Django's cache framework).
PUBLIC_PAGES_CACHE_SECONDS = int(env_float("PUBLIC_PAGES_CACHE_SECONDS", 300))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Task and sign-in chatter stays out of command output (lockouts are warnings); a worker
    # sets its own level.
    "loggers": {"celery": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

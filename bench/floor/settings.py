"""Settings of the floor app: the least a Django project needs to answer a request."""

from __future__ import annotations

SECRET_KEY = "litfass-bench-floor-not-a-secret"  # noqa: S105 - serves static bytes on 127.0.0.1
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.floor.urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True
USE_I18N = False

"""Settings for the test suite: the normal settings with ``LITFASS_ENV=test``."""

from __future__ import annotations

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("LITFASS_ENV", "test")

from litfass.settings import *  # noqa: F403

# Fast hashing: the tests are about behaviour, not about password strength.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Each test run gets its own SQLite file, so that parallel runs never share a database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"litfass-test-{os.getpid()}.sqlite3")
    }
else:
    DATABASES["default"]["TEST"] = {"NAME": f"test_litfass_{os.getpid()}"}  # noqa: F405

# Parallel test workers share one Redis; each gets a database of its own, because clearing the
# cache between tests empties the whole database.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):  # noqa: F405
    _url = urlsplit(REDIS_URL)  # noqa: F405
    _db = _url.path.strip("/")
    _index = (int(_db) if _db.isdigit() else 0) + 1 + int(_worker[2:])
    CACHES["default"]["LOCATION"] = urlunsplit(_url._replace(path=f"/{_index % 16}"))  # noqa: F405

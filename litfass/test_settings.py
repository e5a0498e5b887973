"""Settings for the test suite: the normal settings with ``LITFASS_ENV=test``."""

from __future__ import annotations

import os

os.environ.setdefault("LITFASS_ENV", "test")

from litfass.settings import *  # noqa: E402, F403

# Fast hashing: the tests are about behaviour, not about password strength.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

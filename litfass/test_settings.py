"""Settings for the test suite: the normal settings with ``LITFASS_ENV=test``."""

from __future__ import annotations

import os

os.environ.setdefault("LITFASS_ENV", "test")

from litfass.settings import *  # noqa: E402, F403

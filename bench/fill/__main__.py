"""``python -m bench.fill {describe,load}``: run with the bench environment by the orchestrator."""

from __future__ import annotations

import django

django.setup()

# The app registry must be ready before the writer imports the models.
from bench.fill.writer import main  # noqa: E402

main()

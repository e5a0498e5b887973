"""The bench database filler, run as ``python -m bench.fill`` in a subprocess.

It needs the bench environment (DATABASE_URL, settings), which the orchestrator in
``bench/__main__.py`` passes; this package's ``__init__`` stays free of Django imports so the
orchestrator can read :data:`FILL_VERSION`.
"""

from __future__ import annotations

# Bump when the shape of the synthetic data changes, so that stored bench databases are refilled.
FILL_VERSION = 1

"""The load benchmark behind ``make bench``: fill a database, serve it, measure it with wrk.

See bench/README.md. Nothing in ``litfass/`` imports this package.
"""

from __future__ import annotations


class BenchError(Exception):
    """A step of the benchmark failed; the message says which and why."""

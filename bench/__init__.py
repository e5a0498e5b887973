"""The load benchmark behind ``make bench``: fill a database, serve it, measure it with wrk.

See bench/README.md. Nothing in ``litfass/`` imports this package.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from types import FrameType


class BenchError(Exception):
    """A step of the benchmark failed; the message says which and why."""


def run_command(name: str, run: Callable[[], None], *, interrupted: str = "interrupted") -> int:
    """Run one benchmark command: its exit status, with BenchError and Ctrl-C (or SIGTERM,
    which takes the same way out through every finally block) reported on stderr."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        run()
    except BenchError as error:
        print(f"\n{name}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\n{name}: {interrupted}", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt

"""The iframe origins for the CSP frame-src.

Imported by ``settings.py``, so this module and what it imports must not touch Django's
settings or models at import time.
"""

from __future__ import annotations

from litfass.embeds.conf import Source, code_origin
from litfass.embeds.providers import enabled_providers


def frame_src_origins(source: Source = None) -> list[str]:
    """Exactly the enabled providers' iframe origins plus the code origin, sorted.

    ``source`` is a mapping of settings (``globals()`` inside settings.py); without it the
    values come from ``django.conf.settings``. An empty list means no frames at all.
    """
    origins = {origin for p in enabled_providers(source) for origin in p.origins(source)}
    code = code_origin(source)
    if code:
        origins.add(code)
    return sorted(origins)

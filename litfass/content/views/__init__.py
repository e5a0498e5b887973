"""Views of the content app: reading pages, the composer and the editors' queue."""

from __future__ import annotations

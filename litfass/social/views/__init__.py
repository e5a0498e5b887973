"""The social pages. Views parse input, fetch with access checks, call one service, respond.

With htmx (``HX-Request``) the follow, like and comment views answer with the partial to swap
in; without JavaScript they redirect back to the page the form was on.
"""

from __future__ import annotations

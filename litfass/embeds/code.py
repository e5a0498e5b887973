"""Code snippets: arbitrary HTML and JavaScript, only ever run on a separate origin.

The snippet is served by :func:`litfass.embeds.views.code_snippet` on
``LITFASS_CODE_EMBED_ORIGIN`` only, and embedded as an iframe with ``sandbox="allow-scripts"``
and never ``allow-same-origin``: the snippet gets an opaque origin, cannot read our cookies or
pages, cannot open windows or navigate ours, and its own CSP lets it load nothing from
anywhere (so it cannot report on readers either).
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlencode

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils.csp import CSP, build_policy
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from litfass.embeds.conf import code_netloc, code_origin, site_origins
from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal

PROVIDER = "code"
SNIPPET_PATH = re.compile(r"/code/(?P<pk>[1-9][0-9]{0,17})/?")
SANDBOX = "allow-scripts"


PREVIEW_SALT = "litfass.embeds.code-preview"
# How long the address of a snippet in a writer's preview works.
PREVIEW_SECONDS = 6 * 3600


def snippet_url(pk: int) -> str:
    return f"{code_origin()}/code/{pk}/"


def preview_url(pk: int) -> str:
    """The snippet's address for its writer before the post is published: signed, expiring."""
    token = signing.TimestampSigner(salt=PREVIEW_SALT).sign(str(pk))
    return f"{snippet_url(pk)}?{urlencode({'vorschau': token})}"


def is_valid_preview(pk: int, token: str) -> bool:
    try:
        value = signing.TimestampSigner(salt=PREVIEW_SALT).unsign(token, max_age=PREVIEW_SECONDS)
    except signing.BadSignature:
        return False
    return value == str(pk)


def parse(url: SplitResult) -> EmbedRef:
    """The reference of a snippet link on the code origin; EmbedRefused otherwise."""
    match = SNIPPET_PATH.fullmatch(url.path)
    if not match:
        raise EmbedRefused(Refusal.NOT_CODE)
    pk = match["pk"]
    return EmbedRef(provider=PROVIDER, kind=EmbedKind.CODE, id=pk, url=snippet_url(int(pk)))


def render_frame(pk: int, *, title: str, height: int, preview: bool = False) -> SafeString:
    """The sandboxed iframe for a snippet; "" when no code origin is configured.

    The code origin serves a snippet only while a published post embeds it; ``preview`` signs
    the address, so that its writer sees it in the composer and the draft's preview too.
    """
    if not code_origin():
        return mark_safe("")
    # The height is an HTML attribute, not a style: the CSP allows no style attributes.
    return format_html(
        '<figure class="embed embed--code">'
        '<iframe class="embed__frame embed__frame--code" src="{src}" sandbox="{sandbox}" '
        'title="{title}" height="{height}" loading="lazy" referrerpolicy="no-referrer">'
        "</iframe>"
        '<figcaption class="embed__link">{note}</figcaption>'
        "</figure>",
        src=preview_url(pk) if preview else snippet_url(pk),
        sandbox=SANDBOX,
        title=title,
        height=height,
        note=_("Embedded code, without warranty; it runs in an isolated frame."),
    )


def snippet_policy() -> dict[str, list[str] | str]:
    """The CSP of a served snippet: inline code runs, nothing else loads or leaves."""
    return {
        "default-src": [CSP.NONE],
        "script-src": [CSP.UNSAFE_INLINE],
        "style-src": [CSP.UNSAFE_INLINE],
        "img-src": ["data:", "blob:"],
        "media-src": ["data:", "blob:"],
        "font-src": ["data:"],
        "connect-src": [CSP.NONE],
        "form-action": [CSP.NONE],
        "base-uri": [CSP.NONE],
        "frame-ancestors": list(site_origins()) or [CSP.NONE],
        # Sandboxed even when opened directly, not only inside our iframe.
        "sandbox": SANDBOX,
    }


def is_code_host(request: HttpRequest) -> bool:
    """Whether the request came to the code origin (never true when none is configured)."""
    netloc = code_netloc()
    return bool(netloc) and request.get_host().lower() == netloc


def snippet_response(*, title: str, html: str) -> HttpResponse:
    """The whole document for one snippet, with the headers that keep it isolated."""
    document = format_html(
        '<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex"><title>{title}</title></head>'
        "<body>{body}</body></html>",
        lang=get_language() or "de",
        title=title,
        # The trusted author's code as written: this document only ever runs sandboxed on the
        # code origin, which is the point of that origin.
        body=mark_safe(html),  # noqa: S308
    )
    response = HttpResponse(document, content_type="text/html; charset=utf-8")
    response.headers[CSP.HEADER_ENFORCE] = build_policy(snippet_policy())
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Permissions-Policy"] = (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
    )
    response.headers["Cache-Control"] = "max-age=300"
    return response

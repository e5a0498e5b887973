"""Comments are plain text; this turns them into safe HTML with clickable links."""

from __future__ import annotations

import html
import re

from django.utils.safestring import SafeString, mark_safe

LINK_REL = "nofollow noopener ugc"
# http(s) URLs up to the next whitespace or angle bracket; trailing punctuation is trimmed below.
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}»“”’'"
_PARAGRAPH = re.compile(r"\n\s*\n")


def comment_html(text: str) -> SafeString:
    """The comment as HTML: escaped, paragraphs and line breaks kept, http(s) links clickable."""
    paragraphs = [p.strip() for p in _PARAGRAPH.split(text.replace("\r\n", "\n")) if p.strip()]
    parts = []
    for paragraph in paragraphs:
        lines = [_linkify(line) for line in paragraph.split("\n")]
        parts.append("<p>" + "<br>".join(lines) + "</p>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped by _linkify


def _linkify(text: str) -> str:
    """Escape ``text`` and make its http(s) URLs links; the result is safe HTML."""
    out: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        out.append(html.escape(text[position : match.start()], quote=True))
        url = match.group(0)
        tail = ""
        while url and url[-1] in _TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            tail = url[-1] + tail
            url = url[:-1]
        safe_url = html.escape(url, quote=True)
        out.append(f'<a href="{safe_url}" rel="{LINK_REL}">{safe_url}</a>')
        out.append(html.escape(tail, quote=True))
        position = match.end()
    out.append(html.escape(text[position:], quote=True))
    return "".join(out)

"""Sanitising of user-supplied rich text.

Every piece of user HTML (post bodies from the TipTap editor, comments, anything
rendered with ``|safe``) must go through :func:`sanitize` before it is stored or
rendered. The policy is an explicit allow-list, enforced by ``nh3`` (the Python
binding of the Rust ``ammonia`` sanitiser, which parses with a spec-compliant
HTML5 parser and re-serialises the resulting tree):

* only the tags in :data:`ALLOWED_TAGS` survive; any other element is removed
  but its text is kept, except for the elements in :data:`CLEAN_CONTENT_TAGS`,
  which are dropped together with everything inside them;
* only the attributes in :data:`ALLOWED_ATTRIBUTES` survive (no ``class``,
  ``style``, ``id``, ``on*``, ``target`` ...);
* URLs must be relative or use one of :data:`ALLOWED_URL_SCHEMES`;
* every link gets ``rel`` = :data:`LINK_REL`, whatever it had before;
* comments are removed.

:func:`plain_text` returns the visible text of sanitised HTML, e.g. for teasers
and meta descriptions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from html.parser import HTMLParser

import nh3

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "ALLOWED_URL_SCHEMES",
    "CLEAN_CONTENT_TAGS",
    "LINK_REL",
    "plain_text",
    "sanitize",
    "text_to_html",
]

#: Elements that may appear in sanitised output. This is what the TipTap editor
#: produces (paragraphs, marks, links, headings h2-h4, lists, blockquote, hard
#: breaks, horizontal rules, inline code, figures, simple tables). ``h1`` is
#: reserved for the page title. ``pre`` is deliberately missing: the HTML parser
#: drops a newline directly after ``<pre>`` and serialisers do not put it back,
#: so ``<pre>`` content cannot round-trip and would break idempotence.
#: ``img`` is missing too: images are uploaded and rendered by the images app,
#: never hot-linked from user HTML.
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        # Text blocks
        "p",
        "br",
        "hr",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "figure",
        "figcaption",
        # Inline marks
        "strong",
        "b",
        "em",
        "i",
        "u",
        "s",
        "sub",
        "sup",
        "code",
        "a",
        # Lists
        "ul",
        "ol",
        "li",
        # Tables (basic)
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)

#: Allowed attributes per tag. The ``"*"`` entry lists attributes allowed on
#: every tag; it must be present and empty, otherwise nh3 silently falls back to
#: ammonia's default generic attributes (``lang`` and ``title``). ``rel`` is not
#: listed because nh3 sets it itself (see :data:`LINK_REL`); ``target`` is not
#: allowed at all, links open in the same tab.
ALLOWED_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "*": frozenset(),
    "a": frozenset({"href"}),
    "ol": frozenset({"start"}),
    "th": frozenset({"colspan", "rowspan"}),
    "td": frozenset({"colspan", "rowspan"}),
}

#: URL schemes allowed in ``href``. Relative URLs (``/orte/berlin``, ``#top``)
#: are allowed as well. Everything else (``javascript:``, ``data:``,
#: ``vbscript:``, ``file:`` ...) makes nh3 drop the attribute.
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})

#: Value nh3 puts into the ``rel`` attribute of every ``<a>``, replacing any
#: ``rel`` the author supplied. ``nofollow`` because links in user content are
#: not editorially vouched for.
LINK_REL = "noopener noreferrer nofollow"

#: Disallowed elements that are removed *with their content*. For most disallowed
#: elements keeping the text is the friendlier choice (a ``<span>`` or ``<div>``
#: from pasted content), but for these the content is code, raw text or foreign
#: (SVG/MathML) markup that is never meant to be read as article text, and several
#: of them are classic mutation-XSS vehicles. Must not overlap with ALLOWED_TAGS.
#: Void elements (``embed``, ``img`` ...) have no content and are simply dropped.
CLEAN_CONTENT_TAGS: frozenset[str] = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "noembed",
        "noframes",
        "xmp",
        "plaintext",
        "textarea",
        "title",
        "iframe",
        "object",
        "applet",
        "select",
        "svg",
        "math",
    }
)

# Attributes whose value must be a small integer; anything else is dropped.
_INTEGER_ATTRIBUTE = re.compile(r"-?[0-9]{1,6}")
_SPAN_ATTRIBUTE = re.compile(r"[1-9][0-9]{0,2}")
# C0 controls (tab and newline included), DEL and the replacement character.
_MANGLED_URL = re.compile(r"[\x00-\x1f\x7f\ufffd]")

# Cleaning is repeated until the output no longer changes. A single pass is not
# always a fixed point: removing a disallowed element can leave a tree that the
# HTML parser restructures when the output is parsed again (e.g.
# ``<h2><span><h3>x</h3></span></h2>`` becomes ``<h2><h3>x</h3></h2>``, which
# parses as ``<h2></h2><h3>x</h3>``). Real input converges after at most three
# passes; every pass is a complete sanitisation, so the bound only affects
# idempotence, never safety.
_MAX_PASSES = 5

# HTML's definition of whitespace (str.strip() would also remove e.g. U+3000).
_ASCII_WHITESPACE = " \t\n\r\f"


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """Drop malformed numeric attributes and mangled URLs; keep everything else.

    nh3 checks the scheme of ``href`` itself. A NUL byte inside ``javascript:`` reaches us
    as U+FFFD and turns the URL into an odd-looking but harmless relative one; such URLs,
    and any with control characters, are dropped as defence in depth.
    """
    if attribute == "href":
        return None if _MANGLED_URL.search(value) else value
    if attribute == "start":
        value = value.strip(_ASCII_WHITESPACE)
        return value if _INTEGER_ATTRIBUTE.fullmatch(value) else None
    if attribute in {"colspan", "rowspan"}:
        value = value.strip(_ASCII_WHITESPACE)
        return value if _SPAN_ATTRIBUTE.fullmatch(value) else None
    return value


_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=CLEAN_CONTENT_TAGS,
    # nh3 insists on a real dict (a MappingProxyType is rejected). The cleaner is
    # built once, so mutating ALLOWED_ATTRIBUTES later has no effect.
    attributes=dict(ALLOWED_ATTRIBUTES),
    attribute_filter=_filter_attribute,
    strip_comments=True,
    link_rel=LINK_REL,
    url_schemes=ALLOWED_URL_SCHEMES,
)


def sanitize(html: str | None) -> str:
    """Return ``html`` reduced to the allow-listed subset of HTML.

    The result is safe to render unescaped (``|safe``), contains only
    :data:`ALLOWED_TAGS` with :data:`ALLOWED_ATTRIBUTES`, has no leading or
    trailing ASCII whitespace, and is a fixed point: ``sanitize(sanitize(x)) ==
    sanitize(x)``. ``None`` and the empty string give ``""``. Text is never
    lost except inside :data:`CLEAN_CONTENT_TAGS` and comments.
    """
    if not html:
        return ""
    current = _CLEANER.clean(html)
    for _ in range(_MAX_PASSES):
        cleaned = _CLEANER.clean(current)
        if cleaned == current:
            break
        current = cleaned
    return current.strip(_ASCII_WHITESPACE)


# Elements after/before which a word break is inserted for plain_text().
_BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "p",
        "br",
        "hr",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "figure",
        "figcaption",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)

_WHITESPACE_RUN = re.compile(r"\s+")


class _TextExtractor(HTMLParser):
    """Collect text nodes, separating block-level elements by a space."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(html: str | None) -> str:
    """Return the visible text of ``html`` with all whitespace collapsed.

    The input is sanitised first, so script/style content and comments never
    leak into the result. Entities are decoded, block elements and line breaks
    become word breaks, and every run of whitespace (including non-breaking
    spaces) becomes a single space; the result is stripped. The result is plain
    text, *not* HTML: it must be escaped again when put into a template (Django's
    autoescaping does that).
    """
    cleaned = sanitize(html)
    if not cleaned:
        return ""
    extractor = _TextExtractor()
    extractor.feed(cleaned)
    extractor.close()
    return _WHITESPACE_RUN.sub(" ", "".join(extractor.parts)).strip()


# Text counts as markup when it contains one of the tags the editor produces.
_TAG = re.compile(r"</?(?:" + "|".join(sorted(ALLOWED_TAGS)) + r")\b", re.IGNORECASE)


def text_to_html(text: str | None) -> str:
    """Turn plain text (as typed without the rich-text editor) into paragraphs.

    Text that already contains markup is returned unchanged; blank lines separate paragraphs
    and single line breaks become ``<br>``. The result still has to go through :func:`sanitize`.
    """
    if not text or _TAG.search(text):
        return text or ""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )

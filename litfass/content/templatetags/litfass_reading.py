"""The repeated parts of the reading pages, written as Python: teasers, short lists, galleries.

A list page shows a dozen teasers and a post page up to a few dozen pictures twice (grid and
lightbox). As template partials, every teaser and picture cost dozens of template nodes, and
together they were most of a page's rendering time. These functions build the same markup with
f-strings, escaping every value from the database; the page around them stays a template.
Change the markup here as you would change a partial; ``tests/test_performance.py`` checks it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from html import escape
from typing import NamedTuple

from django import template
from django.utils import formats, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from litfass.content import links
from litfass.content.models import Post
from litfass.content.reader import Picture, Teaser
from litfass.images.templatetags.pictures import picture_html

register = template.Library()

TEASER_SIZES = "(min-width: 60rem) 20rem, 100vw"


class _Texts(NamedTuple):
    photo: str
    advertisement: str
    pictures: str
    previous: str
    close: str
    next: str
    kinds: dict[str, str]


@functools.lru_cache(maxsize=8)
def _texts(language: str | None) -> _Texts:
    # The fixed words of these fragments, translated once per language instead of once per
    # teaser; ``language`` is only the key (gettext reads the active language itself).
    return _Texts(
        photo=escape(gettext("Photo:")),
        advertisement=escape(gettext("Advertisement")),
        pictures=escape(gettext("Pictures")),
        previous=escape(gettext("Previous picture")),
        close=escape(gettext("Close")),
        next=escape(gettext("Next picture")),
        kinds={kind.value: escape(str(kind.label)) for kind in Post.Kind},
    )


def _picture_count(count: int) -> str:
    return escape(ngettext("%(n)d picture", "%(n)d pictures", count) % {"n": count})


def _time(value: dt.datetime, format_name: str, language: str | None) -> str:
    """``<time>`` as ``{{ value|date:'c' }}`` and ``{{ value|date:format_name }}`` render it.

    ``SHORT_DATE_FORMAT`` shows the (local) day only, which keys the memo of the text.
    """
    local = timezone.localtime(value)
    shown = local.date() if format_name == "SHORT_DATE_FORMAT" else local
    return f'<time datetime="{local.isoformat()}">{_formatted(shown, format_name, language)}</time>'


@functools.lru_cache(maxsize=1024)
def _formatted(value: dt.date, format_name: str, language: str | None) -> str:
    # Django's date formatting takes 15-25 µs per call, and lists show the same few days and
    # event starts over and over; the text depends on the value, the format and the (active)
    # language only. Teasers pass the day alone, so that all posts of a day share an entry.
    return escape(formats.date_format(value, format_name))


def teaser_html(
    post: Teaser, texts: _Texts, root: str, language: str | None, level: int = 2
) -> str:
    url = escape(links.post_url(post.kind, post.slug, post.pk, root=root))
    figure = ""
    if (image := post.lead_image) is not None:
        badge = ""
        if post.image_count > 1:
            badge = f'<span class="count-badge">{_picture_count(post.image_count)}</span>'
        figure = (
            '<figure class="teaser-image">'
            f'<a href="{url}" tabindex="-1" aria-hidden="true">'
            f"{picture_html(image, TEASER_SIZES)}</a>{badge}"
            f'<figcaption class="credit">{texts.photo} {escape(image.credit)}</figcaption>'
            "</figure>"
        )
    meta = f'<span class="topic">{escape(post.topic_name)}</span>' if post.topic_name else ""
    if post.sponsored:
        meta += f'<span class="ad-label">{texts.advertisement}</span>'
    kicker = f'<span class="kicker">{escape(post.kicker)}</span> ' if post.kicker else ""
    place = f" · {escape(post.place_name)}" if post.place_name else ""
    return (
        f'<article class="teaser{" sponsored" if post.sponsored else ""}">{figure}'
        '<div class="teaser-text">'
        f'<p class="meta">{meta}</p>'
        f'<h{level}><a href="{url}">{kicker}{escape(post.headline)}</a></h{level}>'
        f"<p>{escape(post.teaser)}</p>"
        f'<p class="byline"><span class="kind">{texts.kinds[post.kind]}</span>{place} · '
        f"{_time(post.published_at, 'SHORT_DATE_FORMAT', language)}</p>"
        "</div></article>\n"
    )


def _teaser(post: Teaser | Post) -> Teaser:
    return Teaser.from_post(post) if isinstance(post, Post) else post


@register.simple_tag
def teasers(posts: Sequence[Teaser | Post], level: int = 2) -> SafeString:
    """The teasers of ``posts``: picture, topic, headline, teaser text and byline each.

    ``posts`` are the reader's teasers, or posts from ``queries.teasers()``; ``level`` is the
    heading level of the headlines (2 under a page's <h1>, 3 under a section's <h2>).
    """
    language = get_language()
    texts, root = _texts(language), links.language_root()
    level = level if level in (2, 3, 4) else 2
    html = "".join(teaser_html(_teaser(post), texts, root, language, level) for post in posts)
    return mark_safe(html)  # noqa: S308 - built by teaser_html, every value escaped


@register.simple_tag
def compact_list(posts: Sequence[Teaser | Post]) -> SafeString:
    """A numbered list of headlines, with the advertisement label and an event's start."""
    language = get_language()
    texts, root = _texts(language), links.language_root()
    items = []
    for post in map(_teaser, posts):
        url = escape(links.post_url(post.kind, post.slug, post.pk, root=root))
        label = f' <span class="ad-label">{texts.advertisement}</span>' if post.sponsored else ""
        when = f" {_time(post.starts_at, 'D, j. F, H:i', language)}" if post.starts_at else ""
        items.append(f'<li><a href="{url}">{escape(post.headline)}</a>{label}{when}</li>')
    return mark_safe(f'<ol class="compact-list">{"".join(items)}</ol>')  # noqa: S308


@register.simple_tag
def gallery(pictures: Sequence[Picture], post_pk: int, sizes: str, loading: str) -> SafeString:
    """The pictures of a post as a grid of links, each opening its lightbox (CSS ``:target``).

    The lightbox's "close" link goes to ``#gallery-<post_pk>``, the anchor before the gallery.
    """
    if not pictures:
        return mark_safe("")
    texts = _texts(get_language())
    total = len(pictures)
    grid, boxes = [], []
    for n, image in enumerate(pictures, start=1):
        caption = f"{escape(image.caption)} " if image.caption else ""
        credit = f'<span class="credit">{texts.photo} {escape(image.credit)}</span>'
        open_label = escape(
            gettext("Open picture %(n)s of %(total)s enlarged") % {"n": n, "total": total}
        )
        grid.append(
            f'<li><figure><a class="gallery-link" href="#bild-{n}" aria-label="{open_label}">'
            f"{picture_html(image, sizes, '', loading)}</a>"
            f"<figcaption>{caption}{credit}</figcaption></figure></li>"
        )
        box_label = escape(gettext("Picture %(n)s of %(total)s") % {"n": n, "total": total})
        previous = f'<a class="prev" href="#bild-{n - 1}">{texts.previous}</a>' if n > 1 else ""
        following = f'<a class="next" href="#bild-{n + 1}">{texts.next}</a>' if n < total else ""
        boxes.append(
            f'<div class="lightbox" id="bild-{n}" role="dialog" aria-modal="true" '
            f'aria-label="{box_label}"><figure>{picture_html(image, "100vw")}'
            f'<figcaption>{caption}{credit} <span class="position">{n}/{total}</span>'
            f'</figcaption></figure><nav class="lightbox-nav">{previous}'
            f'<a class="close" href="#gallery-{post_pk}">{texts.close}</a>{following}</nav></div>\n'
        )
    return mark_safe(  # noqa: S308 - every value is escaped above
        f'<section class="gallery" aria-label="{texts.pictures}">'
        f'<p class="count-badge">{_picture_count(total)}</p>'
        f'<ul class="gallery-grid">{"".join(grid)}</ul>\n{"".join(boxes)}</section>'
    )

"""Our own posts for other sites: the card page's URL and the oEmbed answer (https://oembed.com).

A published post can be framed by any site as a card (``/embed/<prefix>/<slug>-<id>/``, under
``/en/`` in English); the oEmbed endpoint tells consumers the frame's markup for a link to one
of our posts. Both read the post through :func:`litfass.embeds.queries.posts_for_cards`, so a
draft, a post awaiting approval, an unpublished or a deleted post is simply not there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Protocol
from urllib.parse import urlencode, urljoin, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from litfass.content import links
from litfass.content.models import Post
from litfass.embeds import internal, queries
from litfass.embeds.conf import site_base
from litfass.embeds.parser import parse_embed_url
from litfass.embeds.refs import EmbedRefused
from litfass.images.models import Image

# The frame's size when the consumer sets no maximum: the card's picture beside its text.
DEFAULT_WIDTH = 560
DEFAULT_HEIGHT = 200
# Larger maximums are read as "no maximum"; they only have to fit into an int.
MAX_DIMENSION = 10_000
# The widest picture offered as the thumbnail (a rendition, never a large original).
THUMBNAIL_MAX_WIDTH = 960
# How long consumers may keep an answer. The frame's content is read live, so an unpublished
# post disappears from their pages at once; only the title or thumbnail may be that old.
CACHE_AGE = 3600
# The frame may open the post in a new tab (links in the card) and nothing else: no scripts,
# no forms, no navigation of the consumer's page.
IFRAME_SANDBOX = "allow-popups allow-popups-to-escape-sandbox"


class OEmbedError(Exception):
    """The request cannot be answered; ``status`` is the HTTP status the spec asks for."""

    def __init__(self, status: HTTPStatus) -> None:
        super().__init__(status.phrase)
        self.status = status


@dataclass(frozen=True)
class OEmbedQuery:
    url: str
    maxwidth: int | None
    maxheight: int | None


class PostLink(Protocol):
    """A post as pages hold it: the ``Post`` model or the reading pages' ``PostRow``."""

    @property
    def pk(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def slug(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def is_published(self) -> bool: ...


def _dimension(value: str | None) -> int | None:
    if value is None or value == "":
        return None
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise OEmbedError(HTTPStatus.BAD_REQUEST)
    return min(int(value), MAX_DIMENSION)


def parse_query(params: Mapping[str, str]) -> OEmbedQuery:
    """The consumer's parameters; OEmbedError 400 for a missing url or a bad size, 501 for any
    format but JSON (the spec's answer to a format the provider does not serve)."""
    if params.get("format", "json") != "json":
        raise OEmbedError(HTTPStatus.NOT_IMPLEMENTED)
    url = params.get("url", "").strip()
    if not url:
        raise OEmbedError(HTTPStatus.BAD_REQUEST)
    return OEmbedQuery(
        url=url,
        maxwidth=_dimension(params.get("maxwidth")),
        maxheight=_dimension(params.get("maxheight")),
    )


def find_post(url: str) -> tuple[Post, str]:
    """The published post a link of ours points to, and the language of the link.

    OEmbedError 404 for anything else: other sites' links, our other pages, and posts that are
    missing, drafts, awaiting approval, unpublished or deleted (all alike).
    """
    try:
        ref = parse_embed_url(url)
    except EmbedRefused:
        raise OEmbedError(HTTPStatus.NOT_FOUND) from None
    if ref.provider != internal.PROVIDER:
        raise OEmbedError(HTTPStatus.NOT_FOUND)
    post = queries.posts_for_cards([int(ref.id)]).get(int(ref.id))
    if post is None:
        raise OEmbedError(HTTPStatus.NOT_FOUND)
    language = translation.get_language_from_path(urlsplit(url).path) or settings.LANGUAGE_CODE
    return post, language


def card_path(post: PostLink) -> str:
    """The path of the post's card page in the active language."""
    return reverse(
        "embeds:card",
        kwargs={"prefix": Post.URL_PREFIX[post.kind], "slug": post.slug, "pk": post.pk},
    )


def discovery_href(post: PostLink, *, base: str | None = None) -> str:
    """The oEmbed URL for the post's page in the active language (for ``<link rel=alternate>``).

    The endpoint itself answers the same in every language; the language of the card is that
    of the link in ``url``.
    """
    base = site_base() if base is None else base
    post_url = links.post_url(post.kind, post.slug, post.pk)
    with translation.override(settings.LANGUAGE_CODE):
        endpoint = reverse("embeds:oembed")
    return f"{base}{endpoint}?{urlencode({'url': f'{base}{post_url}', 'format': 'json'})}"


def _thumbnail(
    image: Image | None, *, base: str, maxwidth: int | None, maxheight: int | None
) -> dict[str, object]:
    """The widest JPEG rendition within the limits (the stored original while there are none),
    as oEmbed's three thumbnail fields; nothing if none fits."""
    if image is None:
        return {}
    entries = image.renditions.get("jpeg") or [
        {"width": image.width, "height": image.height, "name": image.file.name or ""}
    ]
    width_limit = min(maxwidth or THUMBNAIL_MAX_WIDTH, THUMBNAIL_MAX_WIDTH)
    fitting = [
        entry
        for entry in entries
        if entry["name"]
        and 0 < entry["width"] <= width_limit
        and (maxheight is None or entry["height"] <= maxheight)
    ]
    if not fitting:
        return {}
    best = max(fitting, key=lambda entry: int(entry["width"]))
    return {
        "thumbnail_url": urljoin(f"{base}/", default_storage.url(str(best["name"]))),
        "thumbnail_width": int(best["width"]),
        "thumbnail_height": int(best["height"]),
    }


def iframe_html(src: str, *, title: str, width: int, height: int) -> str:
    return str(
        format_html(
            '<iframe src="{}" width="{}" height="{}" title="{}" sandbox="{}" loading="lazy">'
            "</iframe>",
            src,
            width,
            height,
            title,
            IFRAME_SANDBOX,
        )
    )


def answer(post: Post, *, language: str, base: str, query: OEmbedQuery) -> dict[str, object]:
    """The oEmbed response of type "rich": a frame of the post's card in ``language``.

    ``base`` is the site's origin; the frame never exceeds the consumer's maxwidth/maxheight.
    """
    with translation.override(language):
        card_url = f"{base}{card_path(post)}"
        author_url = f"{base}{links.profile_url(post.author.slug)}"
        provider_url = f"{base}{links.language_root()}"
    width = min(DEFAULT_WIDTH, query.maxwidth or DEFAULT_WIDTH)
    height = min(DEFAULT_HEIGHT, query.maxheight or DEFAULT_HEIGHT)
    return {
        "version": "1.0",
        "type": "rich",
        "title": post.headline,
        "author_name": post.author.display_name,
        "author_url": author_url,
        "provider_name": settings.LITFASS_SITE_NAME,
        "provider_url": provider_url,
        "cache_age": CACHE_AGE,
        "html": iframe_html(card_url, title=post.headline, width=width, height=height),
        "width": width,
        "height": height,
        **_thumbnail(
            post.lead_image, base=base, maxwidth=query.maxwidth, maxheight=query.maxheight
        ),
    }

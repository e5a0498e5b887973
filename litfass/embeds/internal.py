"""Links to our own posts (/beitrag/<slug>-<id>/ and the other kinds, also under /en/)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import SplitResult

from litfass.content.models import Post
from litfass.embeds.conf import site_base
from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal

PROVIDER = "internal"

# Galleries go into the "post" dialog with articles: both are read as a story.
KIND_OF_POST: Mapping[str, EmbedKind] = {
    Post.Kind.ARTICLE: EmbedKind.POST,
    Post.Kind.GALLERY: EmbedKind.POST,
    Post.Kind.SNAPSHOT: EmbedKind.SNAPSHOT,
    Post.Kind.EVENT: EmbedKind.EVENT,
}
KIND_OF_PREFIX: Mapping[str, EmbedKind] = {
    prefix: KIND_OF_POST[kind] for kind, prefix in Post.URL_PREFIX.items()
}
# The same shape as the "post" URL pattern of litfass.content.urls, with the /en/ variant.
POST_PATH = re.compile(
    r"/(?:en/)?(?P<prefix>[a-z]+)/(?P<slug>[-a-zA-Z0-9_]+)-(?P<pk>[1-9][0-9]{0,17})/?"
)


def parse(url: SplitResult) -> EmbedRef:
    """The reference of a link to one of our posts; EmbedRefused for our other pages.

    Whether the post exists and is published is not checked here but when the card renders,
    so a post that is unpublished later disappears from every page that embeds it.
    """
    match = POST_PATH.fullmatch(url.path)
    if not match or match["prefix"] not in KIND_OF_PREFIX:
        raise EmbedRefused(Refusal.NOT_OWN_POST)
    prefix, slug, pk = match["prefix"], match["slug"], match["pk"]
    return EmbedRef(
        provider=PROVIDER,
        kind=KIND_OF_PREFIX[prefix],
        id=pk,
        url=f"{site_base()}/{prefix}/{slug}-{pk}/",
        options={"prefix": prefix, "slug": slug},
    )

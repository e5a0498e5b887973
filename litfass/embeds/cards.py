"""Cards for our own posts, rendered from our data (the post must be published and not deleted).

Built in Python with format_html, like the placeholders, so embeds render the same in a page,
a feed or an API answer. Fetch the posts with :func:`litfass.embeds.queries.posts_for_cards`.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from litfass.content.models import EventDetails, Post
from litfass.embeds.internal import KIND_OF_POST
from litfass.images.templatetags.pictures import picture

EMPTY = mark_safe("")


def _event(post: Post) -> EventDetails | None:
    if post.kind != Post.Kind.EVENT:
        return None
    try:
        return post.event
    except ObjectDoesNotExist:
        return None


def _event_line(event: EventDetails | None) -> SafeString:
    if event is None:
        return EMPTY
    starts = timezone.localtime(event.starts_at)
    when = date_format(starts, "DATE_FORMAT" if event.all_day else "DATETIME_FORMAT")
    venue = format_html(" · {}", event.venue) if event.venue else EMPTY
    return format_html(
        '<p class="embed-card__event"><time datetime="{}">{}</time>{}</p>',
        starts.isoformat(),
        when,
        venue,
    )


def render_card(post: Post | None, *, new_tab: bool = False) -> SafeString:
    """The card of a published post; "" for None (missing, draft, unpublished or deleted).

    ``new_tab`` makes the headline open the post in a new tab, for the card that other sites
    frame (a link inside a frame would otherwise open our page inside their page).
    """
    if post is None or post.status != Post.Status.PUBLISHED or post.deleted_at is not None:
        return EMPTY
    published = timezone.localtime(post.published_at) if post.published_at else None
    date = (
        format_html(
            ' · <time datetime="{}">{}</time>',
            published.isoformat(),
            date_format(published, "DATE_FORMAT"),
        )
        if published
        else EMPTY
    )
    return format_html(
        '<figure class="embed embed--internal embed--{embed_kind}">'
        '<article class="embed-card">{image}'
        '<div class="embed-card__text">'
        '<p class="embed-card__meta"><span class="kind">{kind}</span>{ad}</p>'
        '<p class="embed-card__headline"><a href="{url}"{target}>{headline}{new_tab}</a></p>'
        "{teaser}{event}"
        '<p class="embed-card__byline">{author}{place}{date}</p>'
        "</div></article></figure>",
        embed_kind=KIND_OF_POST[post.kind].value,
        image=picture(post.lead_image, "(min-width: 40rem) 12rem, 100vw", "embed-card__image")
        if post.lead_image
        else EMPTY,
        kind=post.get_kind_display(),
        ad=format_html(' <span class="ad-label">{}</span>', _("Advertisement"))
        if post.sponsored
        else EMPTY,
        url=post.get_absolute_url(),
        target=mark_safe(' target="_blank" rel="noopener"') if new_tab else EMPTY,
        headline=post.headline,
        new_tab=format_html(' <span class="visually-hidden">{}</span>', _("(opens in a new tab)"))
        if new_tab
        else EMPTY,
        teaser=format_html('<p class="embed-card__teaser">{}</p>', post.teaser)
        if post.teaser
        else EMPTY,
        event=_event_line(_event(post)),
        author=post.author.display_name,
        place=format_html(" · {}", post.place.name) if post.place else EMPTY,
        date=date,
    )

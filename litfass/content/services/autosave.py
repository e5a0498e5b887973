"""The composer's autosave: the writer's unsaved state, kept on the server."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from litfass.accounts.models import User
from litfass.content.models import Autosave, Post
from litfass.content.services.common import check_author

# Only these fields of the composer are kept; anything else a browser sends is dropped.
AUTOSAVE_FIELDS = (
    "kicker",
    "headline",
    "teaser",
    "body",
    "place",
    "topic",
    "starts_at",
    "ends_at",
    "all_day",
    "venue",
    "address",
    "latitude",
    "longitude",
    "online_url",
    "organiser",
    "price",
    "ticket_url",
)
MAX_FIELD_LENGTH = 200_000


@transaction.atomic
def autosave(*, post: Post, by: User, data: dict[str, Any], base_version: int) -> Autosave:
    """Keep what the writer has typed so far; the post itself is not changed."""
    check_author(by, post.author)
    kept = {key: str(data[key])[:MAX_FIELD_LENGTH] for key in AUTOSAVE_FIELDS if key in data}
    entry, _created = Autosave.objects.update_or_create(
        post=post, user=by, defaults={"data": kept, "base_version": base_version}
    )
    return entry


def discard_autosave(*, post: Post, by: User) -> None:
    """Forget the autosave after the writer saved or threw away their changes."""
    Autosave.objects.filter(post=post, user=by).delete()

"""Every write of the social app goes through here.

The package is split by concern; import from ``litfass.social.services`` directly.
"""

from __future__ import annotations

from litfass.social.services.comments import (
    add_comment,
    can_close,
    can_edit,
    close_discussion,
    delete_comment,
    edit_comment,
    hide_comment,
    reopen_discussion,
    unhide_comment,
)
from litfass.social.services.fanout import notify_new_posts
from litfass.social.services.follows import (
    follow_place,
    follow_profile,
    follow_topic,
    mute_profile,
    unfollow,
    unmute_profile,
)
from litfass.social.services.likes import like_comment, like_post, unlike_comment, unlike_post
from litfass.social.services.notifications import (
    mark_all_read,
    mark_read,
    notify,
    set_preferences,
    unsubscribe,
)

__all__ = [
    "add_comment",
    "can_close",
    "can_edit",
    "close_discussion",
    "delete_comment",
    "edit_comment",
    "follow_place",
    "follow_profile",
    "follow_topic",
    "hide_comment",
    "like_comment",
    "like_post",
    "mark_all_read",
    "mark_read",
    "mute_profile",
    "notify",
    "notify_new_posts",
    "reopen_discussion",
    "set_preferences",
    "unfollow",
    "unhide_comment",
    "unlike_comment",
    "unlike_post",
    "unmute_profile",
    "unsubscribe",
]

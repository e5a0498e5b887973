"""Every read of the social app that a view, tag or command needs, with its joins applied.

The package is split by concern; import from ``litfass.social.queries`` directly.
"""

from __future__ import annotations

from litfass.social.queries.comments import (
    CommentBlock,
    CommentView,
    LikeState,
    comment_block,
    comment_for_editor,
    comment_likes,
    comment_on_published_post,
    own_comment,
    post_likes,
    published_post,
    visible_comment,
)
from litfass.social.queries.feed import (
    FeedPage,
    Followed,
    decode_cursor,
    encode_cursor,
    feed,
    followed,
)
from litfass.social.queries.follows import (
    FollowState,
    Suggestions,
    follower_count,
    followers,
    follows_of,
    is_muted,
    mutes_of,
    place_by_pk,
    place_follow_state,
    profile_by_pk,
    profile_follow_state,
    profile_for_members,
    suggestions,
    topic_by_pk,
    topic_follow_state,
)
from litfass.social.queries.notifications import (
    NotificationPage,
    notification_for,
    notifications_of,
    preferences_of,
    show_my_likes,
    unread_count,
)

__all__ = [
    "CommentBlock",
    "CommentView",
    "FeedPage",
    "FollowState",
    "Followed",
    "LikeState",
    "NotificationPage",
    "Suggestions",
    "comment_block",
    "comment_for_editor",
    "comment_likes",
    "comment_on_published_post",
    "decode_cursor",
    "encode_cursor",
    "feed",
    "followed",
    "follower_count",
    "followers",
    "follows_of",
    "is_muted",
    "mutes_of",
    "notification_for",
    "notifications_of",
    "own_comment",
    "place_by_pk",
    "place_follow_state",
    "post_likes",
    "preferences_of",
    "profile_by_pk",
    "profile_follow_state",
    "profile_for_members",
    "published_post",
    "show_my_likes",
    "suggestions",
    "topic_by_pk",
    "topic_follow_state",
    "unread_count",
    "visible_comment",
]

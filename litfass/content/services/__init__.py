"""Every write of posts goes through here.

The package is split by concern; import from ``litfass.content.services`` directly.
"""

from __future__ import annotations

from litfass.content.services.autosave import autosave, discard_autosave
from litfass.content.services.common import can_act_for
from litfass.content.services.lifecycle import (
    approve_post,
    can_publish_directly,
    publish_post,
    send_back_post,
    submit_post,
    unpublish_post,
)
from litfass.content.services.pictures import (
    add_picture,
    move_picture,
    remove_picture,
    update_picture,
)
from litfass.content.services.posts import (
    EventData,
    StaleEditError,
    create_post,
    delete_post,
    edit_post,
    purge_deleted_posts,
    start_post,
)
from litfass.content.services.reads import count_reads, record_read

__all__ = [
    "EventData",
    "StaleEditError",
    "add_picture",
    "approve_post",
    "autosave",
    "can_act_for",
    "can_publish_directly",
    "count_reads",
    "create_post",
    "delete_post",
    "discard_autosave",
    "edit_post",
    "move_picture",
    "publish_post",
    "purge_deleted_posts",
    "record_read",
    "remove_picture",
    "send_back_post",
    "start_post",
    "submit_post",
    "unpublish_post",
    "update_picture",
]

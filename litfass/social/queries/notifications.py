"""The bell, the list of notifications and the reader's preferences."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from litfass.accounts.models import User
from litfass.social.models import (
    Notification,
    NotificationPreference,
    SocialSettings,
    notification_still_shown,
)
from litfass.social.notices import DEFAULT_EMAIL

PAGE_SIZE = 30


def unread_count(user: User) -> int:
    """Unread notifications of ``user``: one count over ``notification_unread_idx``."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    return unread.filter(notification_still_shown()).count()


@dataclass(frozen=True)
class NotificationPage:
    items: list[Notification]
    next_before: int | None


def notifications_of(
    user: User, before: int | None = None, size: int = PAGE_SIZE
) -> NotificationPage:
    """The user's notifications, newest first, with what they are about; keyset on id."""
    queryset = (
        Notification.objects.filter(recipient=user)
        .filter(notification_still_shown())
        .select_related("actor__personal_profile", "post", "comment", "profile")
    )
    if before is not None:
        queryset = queryset.filter(pk__lt=before)
    items = list(queryset.order_by("-pk")[: size + 1])
    more = len(items) > size
    items = items[:size]
    return NotificationPage(items, items[-1].pk if more and items else None)


def notification_for(pk: int, user: User) -> Notification:
    """One of the user's notifications; Http404 for anybody else's."""
    notification = (
        Notification.objects.select_related("post", "comment", "profile")
        .filter(pk=pk, recipient=user)
        .first()
    )
    if notification is None:
        raise Http404("notification")
    return notification


def preferences_of(user: User) -> dict[str, str]:
    """E-mail delivery per kind for ``user``: their choice, else the default."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return {kind: chosen.get(kind, default) for kind, default in DEFAULT_EMAIL.items()}


def show_my_likes(user: User) -> bool:
    return SocialSettings.objects.filter(user=user, show_my_likes=True).exists()

"""Making notifications, reading them, and the reader's e-mail preferences.

Every notification is shown under the bell; whether and when it is e-mailed is the recipient's
preference for its kind, fixed on the notification when it is made. Immediate e-mails leave from
a background task after the commit; digests are collected by ``litfass send_digests``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import partial

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from litfass.accounts.models import Profile, User
from litfass.content.models import Post
from litfass.social import tasks, tokens
from litfass.social.models import (
    Comment,
    Notification,
    NotificationPreference,
    SocialSettings,
)
from litfass.social.notices import build
from litfass.social.services.common import now_or

Kind = Notification.Kind
Delivery = Notification.Delivery


def enqueue_emails(notifications: Iterable[Notification]) -> None:
    """Send the immediate e-mails of saved notifications from a task, after the commit."""
    ids = [n.pk for n in notifications if n.email == Delivery.IMMEDIATE]
    if ids:
        transaction.on_commit(partial(tasks.send_notification_emails.enqueue, ids))


def notify(
    *,
    recipients: Iterable[int],
    kind: str,
    now: dt.datetime,
    actor: User | None = None,
    post: Post | None = None,
    comment: Comment | None = None,
    profile: Profile | None = None,
    muted_profile_id: int | None = None,
) -> list[Notification]:
    """Record a notification for each recipient and e-mail the immediate ones after commit.

    The caller holds the transaction. An unread notification of the same kind by the same actor
    about the same thing is not repeated (liking, unliking and liking again makes one).
    """
    rows = build(
        recipients=recipients,
        kind=kind,
        now=now,
        actor=actor,
        post=post,
        comment=comment,
        profile=profile,
        muted_profile_id=muted_profile_id,
    )
    # Unnamed likes ("someone likes …") are repeated neither: one unread is enough.
    if rows and (actor is not None or kind == Kind.LIKE) and kind in {Kind.LIKE, Kind.FOLLOWER}:
        repeated = set(
            Notification.objects.filter(
                recipient_id__in=[n.recipient_id for n in rows],
                kind=kind,
                actor=actor,
                post=post,
                comment=comment,
                profile=profile,
                read_at__isnull=True,
            ).values_list("recipient_id", flat=True)
        )
        rows = [n for n in rows if n.recipient_id not in repeated]
    if not rows:
        return []
    Notification.objects.bulk_create(rows)
    enqueue_emails(rows)
    return rows


def mark_read(*, notification: Notification, by: User, now: dt.datetime | None = None) -> None:
    """Mark one of ``by``'s notifications as read (PermissionDenied for anybody else's)."""
    if notification.recipient_id != by.pk:
        raise PermissionDenied(_("This is not your notification."))
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk).update(read_at=now_or(now))
        notification.read_at = now_or(now)


def mark_all_read(*, user: User, now: dt.datetime | None = None) -> int:
    """Mark every unread notification of ``user`` as read; return how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=now_or(now)
    )


@transaction.atomic
def set_preferences(
    *, user: User, emails: Mapping[str, str], show_my_likes: bool | None = None
) -> None:
    """Store ``user``'s e-mail delivery per kind, and whether their likes show their name.

    ValidationError for an unknown kind or delivery.
    """
    for kind, email in emails.items():
        if kind not in Kind.values or email not in Delivery.values:
            raise ValidationError(_("Please choose one of the offered options."))
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"email": email}
        )
        if email == Delivery.OFF:
            # Notifications still waiting for their e-mail are not sent either: unsubscribing
            # stops the next digest too.
            Notification.objects.filter(
                recipient=user, kind=kind, emailed_at__isnull=True, digested_at__isnull=True
            ).exclude(email=Delivery.OFF).update(email=Delivery.OFF)
    if show_my_likes is not None:
        SocialSettings.objects.update_or_create(
            user=user, defaults={"show_my_likes": show_my_likes}
        )


@transaction.atomic
def unsubscribe(*, token: str) -> tuple[User, list[str]]:
    """Switch off the e-mails a signed unsubscribe link names; return the user and the kinds.

    Works without login: the token is the proof. ValidationError for a broken or foreign token.
    Repeating it changes nothing (one-click clients may POST twice).
    """
    try:
        user_id, kinds = tokens.read_unsubscribe_token(token)
    except signing.BadSignature:
        raise ValidationError(_("This unsubscribe link is not valid.")) from None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise ValidationError(_("This unsubscribe link is not valid."))
    set_preferences(user=user, emails=dict.fromkeys(kinds, Delivery.OFF))
    return user, kinds

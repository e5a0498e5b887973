"""Unsaved notifications with their e-mail delivery: shared by the services and the tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from django.db.models import Q

from litfass.accounts.models import Profile, User
from litfass.content.models import Post
from litfass.social.models import Comment, Mute, Notification, NotificationPreference

Kind = Notification.Kind
Delivery = Notification.Delivery

# What a reader gets by e-mail until they choose otherwise.
DEFAULT_EMAIL: Mapping[str, str] = {
    Kind.FOLLOWER: Delivery.DIGEST,
    Kind.COMMENT: Delivery.IMMEDIATE,
    Kind.REPLY: Delivery.IMMEDIATE,
    Kind.LIKE: Delivery.DIGEST,
    Kind.FOLLOWED_POST: Delivery.DIGEST,
    Kind.CLOSED: Delivery.IMMEDIATE,
}


def email_preferences(user_ids: Iterable[int], kind: str) -> dict[int, str]:
    """Each user's e-mail delivery for ``kind`` (their choice or the default); one query."""
    ids = list(user_ids)
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=ids, kind=kind).values_list(
            "user_id", "email"
        )
    )
    return {pk: chosen.get(pk, DEFAULT_EMAIL[kind]) for pk in ids}


def build(
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
    """Unsaved notifications for ``recipients`` (never the actor), with their e-mail delivery.

    Recipients who muted ``muted_profile_id`` (the profile the news is about) or the actor's
    personal profile get nothing.
    """
    ids = {pk for pk in recipients if actor is None or pk != actor.pk}
    muted = Q()
    if muted_profile_id is not None:
        muted |= Q(profile_id=muted_profile_id)
    if actor is not None:
        muted |= Q(profile__person_id=actor.pk)
    if muted and ids:
        ids -= set(Mute.objects.filter(muted, user_id__in=ids).values_list("user_id", flat=True))
    if not ids:
        return []
    emails = email_preferences(sorted(ids), kind)
    return [
        Notification(
            recipient_id=pk,
            kind=kind,
            actor=actor,
            post=post,
            comment=comment,
            profile=profile,
            email=emails[pk],
            created_at=now,
        )
        for pk in sorted(ids)
    ]

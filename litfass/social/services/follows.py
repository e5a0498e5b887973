"""Following profiles, places and topics, and muting profiles."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from litfass.accounts.models import Profile, User
from litfass.content.models import Topic
from litfass.places.models import Place
from litfass.social.models import Follow, Mute, Notification
from litfass.social.services.common import check_active, is_member, member_ids, now_or
from litfass.social.services.notifications import notify


def _create(follow: Follow) -> Follow:
    # A double click sends two requests: the second finds the unique constraint and the row
    # the first one made, and returns that.
    try:
        with transaction.atomic():
            follow.save()
    except IntegrityError:
        existing = Follow.objects.filter(
            follower=follow.follower,
            profile=follow.profile,
            place=follow.place,
            topic=follow.topic,
        ).first()
        if existing is None:
            raise
        return existing
    return follow


@transaction.atomic
def follow_profile(*, profile: Profile, by: User, now: dt.datetime | None = None) -> Follow:
    """``by`` follows ``profile``; its members hear about it. Following twice is one follow.

    ValidationError when ``by`` acts for the profile themselves.
    """
    check_active(by)
    if is_member(by, profile):
        raise ValidationError(_("You cannot follow a profile you write for."))
    existing = Follow.objects.filter(follower=by, profile=profile).first()
    if existing is not None:
        return existing
    follow = _create(Follow(follower=by, target=Follow.Target.PROFILE, profile=profile))
    notify(
        recipients=member_ids(profile.pk),
        kind=Notification.Kind.FOLLOWER,
        now=now_or(now),
        actor=by,
        profile=profile,
    )
    return follow


@transaction.atomic
def follow_place(*, place: Place, by: User, with_surroundings: bool = False) -> Follow:
    """``by`` follows ``place`` with its districts, and with ``with_surroundings`` also the
    towns around it ("X und Umgebung"). Following again changes only that choice."""
    check_active(by)
    existing = Follow.objects.filter(follower=by, place=place).first()
    if existing is not None:
        if existing.with_surroundings != with_surroundings:
            existing.with_surroundings = with_surroundings
            existing.save(update_fields=["with_surroundings"])
        return existing
    return _create(
        Follow(
            follower=by,
            target=Follow.Target.PLACE,
            place=place,
            with_surroundings=with_surroundings,
        )
    )


@transaction.atomic
def follow_topic(*, topic: Topic, by: User) -> Follow:
    """``by`` follows ``topic``. Following twice is one follow."""
    check_active(by)
    existing = Follow.objects.filter(follower=by, topic=topic).first()
    if existing is not None:
        return existing
    return _create(Follow(follower=by, target=Follow.Target.TOPIC, topic=topic))


def unfollow(
    *,
    by: User,
    profile: Profile | None = None,
    place: Place | None = None,
    topic: Topic | None = None,
) -> bool:
    """``by`` stops following the one target given; return whether they had followed it."""
    targets = [t for t in (profile, place, topic) if t is not None]
    if len(targets) != 1:
        raise ValueError("unfollow needs exactly one target")
    deleted, _rows = Follow.objects.filter(
        follower=by, profile=profile, place=place, topic=topic
    ).delete()
    return deleted > 0


@transaction.atomic
def mute_profile(*, profile: Profile, by: User) -> Mute:
    """``by`` no longer sees the profile's posts in their feed nor hears about its news.

    ValidationError for a profile ``by`` acts for.
    """
    check_active(by)
    if is_member(by, profile):
        raise ValidationError(_("You cannot mute a profile you write for."))
    mute, _created = Mute.objects.get_or_create(user=by, profile=profile)
    return mute


def unmute_profile(*, profile: Profile, by: User) -> bool:
    """Undo a mute; return whether there was one."""
    deleted, _rows = Mute.objects.filter(user=by, profile=profile).delete()
    return deleted > 0

"""Helpers shared by the social services: who may act, and the clock."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from litfass.accounts.models import Membership, Profile, User


def now_or(now: dt.datetime | None) -> dt.datetime:
    """The given time, or the current one: services take ``now`` so tests can move the clock."""
    return now if now is not None else timezone.now()


def check_active(user: User) -> None:
    """Raise PermissionDenied unless ``user`` is a logged-in, active account."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied(_("Please log in first."))


def is_member(user: User, profile: Profile) -> bool:
    """Whether ``user`` acts for ``profile`` (owner or member; staff is not enough)."""
    return Membership.objects.filter(user=user, profile=profile).exists()


def member_ids(profile_id: int) -> list[int]:
    """The users acting for a profile: the people who hear about what happens to it."""
    return list(Membership.objects.filter(profile_id=profile_id).values_list("user_id", flat=True))

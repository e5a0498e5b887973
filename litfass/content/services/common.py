"""Helpers shared by the post services: permission checks and the change history."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from litfass.accounts.models import Membership, Profile, User
from litfass.content.models import Post, Revision


def can_act_for(user: User | None, profile: Profile) -> bool:
    """Whether ``user`` may write in the name of ``profile`` (a member, or staff)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Membership.objects.filter(user=user, profile=profile).exists()


def check_author(by: User | None, profile: Profile) -> None:
    """Raise PermissionDenied unless ``by`` may write for ``profile``; None is the system."""
    if by is not None and not can_act_for(by, profile):
        raise PermissionDenied(_("You may not write in the name of this profile."))


def check_editor(by: User) -> None:
    if not by.is_staff:
        raise PermissionDenied(_("Only editors may do this."))


def record(
    post: Post,
    action: str,
    by: User | None,
    changes: dict[str, Any] | None = None,
    note: str = "",
) -> Revision:
    """Add an entry to the post's change history."""
    return Revision.objects.create(
        post=post, action=action, by=by, changes=changes or {}, note=note
    )

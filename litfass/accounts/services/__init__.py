"""Writes of accounts and profiles: personal profiles, organisations, members and invitations.

Every function checks the caller's right itself (PermissionDenied) and reports broken rules as
ValidationError with a translated sentence, keyed by form field where there is one.
"""

from __future__ import annotations

from litfass.accounts.services.members import (
    MAX_OPEN_INVITATIONS,
    accept_invitation,
    add_member,
    change_role,
    decline_invitation,
    invite_member,
    leave_organisation,
    remove_member,
    revoke_invitation,
)
from litfass.accounts.services.profiles import (
    AVATAR_MAX_SIDE,
    DISPLAY_NAME_MIN_LENGTH,
    MAX_LINKS,
    SELF_SERVICE_ORGANISATION_KINDS,
    create_organisation,
    create_personal_profile,
    create_profile,
    create_user,
    save_personal_profile,
    update_profile,
)

__all__ = [
    "AVATAR_MAX_SIDE",
    "DISPLAY_NAME_MIN_LENGTH",
    "MAX_LINKS",
    "MAX_OPEN_INVITATIONS",
    "SELF_SERVICE_ORGANISATION_KINDS",
    "accept_invitation",
    "add_member",
    "change_role",
    "create_organisation",
    "create_personal_profile",
    "create_profile",
    "create_user",
    "decline_invitation",
    "invite_member",
    "leave_organisation",
    "remove_member",
    "revoke_invitation",
    "save_personal_profile",
    "update_profile",
]

"""Writes of memberships: roles, removing and leaving, invitations by e-mail."""

from __future__ import annotations

import secrets
from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from litfass.accounts import queries
from litfass.accounts.models import Invitation, Membership, Profile, User
from litfass.accounts.services.profiles import require_owner

# Open invitations per organisation, so that nobody uses the site to send mail in bulk.
MAX_OPEN_INVITATIONS = 20


def _require_organisation(profile: Profile) -> None:
    if profile.kind not in queries.ORGANISATION_KINDS:
        raise PermissionDenied(_("A personal profile has no further members."))


@transaction.atomic
def add_member(*, profile: Profile, user: User, role: str = Membership.Role.MEMBER) -> Membership:
    """Let ``user`` act for ``profile``; adding an existing member changes only the role."""
    membership, _created = Membership.objects.update_or_create(
        user=user, profile=profile, defaults={"role": role}
    )
    return membership


def _check_role(role: str) -> None:
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Please choose one of the roles from the list.")})


def _ensure_another_owner(membership: Membership) -> None:
    """Refuse to take away the last owner of an organisation (owners are locked meanwhile)."""
    owners = list(
        Membership.objects.select_for_update()
        .filter(profile_id=membership.profile_id, role=Membership.Role.OWNER)
        .values_list("pk", flat=True)
    )
    if not [pk for pk in owners if pk != membership.pk]:
        raise ValidationError(
            _("An organisation needs at least one owner. Make another member an owner first.")
        )


@transaction.atomic
def change_role(*, membership: Membership, role: str, by: User) -> Membership:
    """Give a member another role; ``by`` must be an owner, and one owner always remains."""
    require_owner(membership.profile, by)
    _require_organisation(membership.profile)
    _check_role(role)
    if membership.role == Membership.Role.OWNER and role != Membership.Role.OWNER:
        _ensure_another_owner(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, by: User) -> None:
    """Take a member out of an organisation; ``by`` must be an owner or the member themself."""
    if membership.user_id != by.pk:
        require_owner(membership.profile, by)
    _require_organisation(membership.profile)
    if membership.role == Membership.Role.OWNER:
        _ensure_another_owner(membership)
    membership.delete()


def leave_organisation(*, membership: Membership) -> None:
    """The member leaves the organisation; the last owner cannot leave."""
    remove_member(membership=membership, by=membership.user)


def _normalise_email(email: str) -> str:
    return email.strip().lower()


def _sender_name(user: User) -> str:
    profile = queries.personal_profile(user)
    return profile.display_name if profile else ""


@transaction.atomic
def invite_member(
    *,
    profile: Profile,
    by: User,
    email: str,
    role: str = Membership.Role.MEMBER,
    site_url: str,
) -> Invitation:
    """Invite ``email`` to act for ``profile`` and e-mail the link after the commit.

    ``by`` must be an owner (PermissionDenied). Inviting an address with an open invitation
    renews it: new token, new expiry, sent again. ``site_url`` is the absolute root the link in
    the e-mail starts with (``https://example.org/``); the e-mail is written in the active
    language. ValidationError if the address belongs to a member already or too many
    invitations are open.
    """
    require_owner(profile, by)
    _require_organisation(profile)
    _check_role(role)
    address = _normalise_email(email)
    try:
        validate_email(address)
    except ValidationError:
        raise ValidationError({"email": _("Please enter a valid e-mail address.")}) from None
    if Membership.objects.filter(profile=profile, user__email__iexact=address).exists():
        raise ValidationError({"email": _("%(email)s is a member already.") % {"email": address}})
    invitation = Invitation.objects.filter(
        profile=profile, email=address, accepted_at__isnull=True
    ).first()
    if invitation is None:
        if len(queries.open_invitations(profile)) >= MAX_OPEN_INVITATIONS:
            raise ValidationError(
                _(
                    "There are %(max)d open invitations already. Wait until some are accepted "
                    "or withdraw a few."
                )
                % {"max": MAX_OPEN_INVITATIONS}
            )
        invitation = Invitation(profile=profile, email=address)
    invitation.token = secrets.token_urlsafe(32)
    invitation.role = role
    invitation.invited_by = by
    invitation.created_at = timezone.now()
    invitation.save()
    message = _invitation_message(invitation, site_url)
    # Robust: a mail server that is down must not turn a saved invitation into an error page;
    # the owner sees the invitation listed and can send it again.
    transaction.on_commit(message.send, robust=True)
    return invitation


def _invitation_message(invitation: Invitation, site_url: str) -> EmailMessage:
    path = reverse("accounts:invitation", kwargs={"token": invitation.token})
    context = {
        "invitation": invitation,
        "profile": invitation.profile,
        "sender": _sender_name(invitation.invited_by),
        "role": invitation.get_role_display(),
        "accept_url": urljoin(site_url, path),
        "site_name": settings.LITFASS_SITE_NAME,
    }
    subject = render_to_string("accounts/email/invitation_subject.txt", context)
    body = render_to_string("accounts/email/invitation_message.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[invitation.email])


def _require_invitee(invitation: Invitation, user: User) -> None:
    if invitation.accepted_at is not None or invitation.expires_at <= timezone.now():
        raise ValidationError(_("This invitation is no longer valid."))
    if not user.is_active or not queries.invitation_is_for(invitation, user):
        raise PermissionDenied(_("This invitation was sent to another e-mail address."))


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User) -> Membership:
    """Make ``user`` a member with the invited role and close the invitation.

    The invitation must be open and sent to one of the user's addresses (PermissionDenied
    otherwise). An owner is never demoted by accepting an invitation as a member.
    """
    _require_invitee(invitation, user)
    current = Membership.objects.filter(profile=invitation.profile, user=user).first()
    role = invitation.role
    if current is not None and current.role == Membership.Role.OWNER:
        role = Membership.Role.OWNER
    membership = add_member(profile=invitation.profile, user=user, role=role)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def decline_invitation(*, invitation: Invitation, user: User) -> None:
    """The invited person says no: the invitation is deleted."""
    _require_invitee(invitation, user)
    invitation.delete()


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, by: User) -> None:
    """An owner withdraws an open invitation; its link stops working."""
    require_owner(invitation.profile, by)
    invitation.delete()

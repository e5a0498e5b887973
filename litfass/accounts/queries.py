"""Reads of accounts and profiles, and the access-checked fetchers of the account pages.

Every fetcher raises Http404 both for "does not exist" and for "not yours", so that nobody learns
which organisations or invitations exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.utils import is_mfa_enabled
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from litfass.accounts.models import Invitation, Membership, Profile, User
from litfass.places.models import Place

# Profiles that are not a single person: they have members and take invitations.
ORGANISATION_KINDS = (Profile.Kind.ORGANISATION, Profile.Kind.BUSINESS, Profile.Kind.EDITORIAL)


def personal_profile(user: User) -> Profile | None:
    """The user's own person profile, or None if they have none (e.g. a bare admin account)."""
    return Profile.objects.select_related("home_place").filter(person=user).first()


def two_factor_enabled(user: User) -> bool:
    """Whether the user logs in with a second factor (an authenticator app)."""
    return bool(is_mfa_enabled(user))


def profiles_user_can_post_as(user: User | None) -> list[Profile]:
    """Profiles in whose name ``user`` may publish: the personal profile first, then the others.

    Others are organisations, businesses and the editorial team the user is a member of (any
    role), by name. Anonymous or inactive users get an empty list.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    order = Case(
        When(person=user, then=Value(0)),
        When(kind=Profile.Kind.PERSON, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return list(
        Profile.objects.filter(Q(person=user) | Q(memberships__user=user))
        .select_related("home_place")
        .annotate(personal_first=order)
        .order_by("personal_first", "display_name", "pk")
        .distinct()
    )


def _organisation_memberships(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(
        user=user, profile__kind__in=ORGANISATION_KINDS
    ).select_related("profile", "profile__home_place")


def organisations_of(user: User) -> list[Membership]:
    """The user's memberships of organisations (not person profiles), by organisation name."""
    return list(_organisation_memberships(user).order_by("profile__display_name", "profile_id"))


def organisation_membership(user: User, profile_id: int) -> Membership:
    """The user's membership of organisation ``profile_id``; Http404 unless they are a member."""
    try:
        return _organisation_memberships(user).get(profile_id=profile_id)
    except Membership.DoesNotExist:
        raise Http404("organisation") from None


def owner_membership(user: User, profile_id: int) -> Membership:
    """Like :func:`organisation_membership`, but Http404 unless the user is an owner."""
    membership = organisation_membership(user, profile_id)
    if membership.role != Membership.Role.OWNER:
        raise Http404("organisation")
    return membership


def members_of(profile: Profile) -> list[Membership]:
    """Members of a profile with their personal profiles, owners first, then by name."""
    return list(
        Membership.objects.filter(profile=profile)
        .select_related("user", "user__personal_profile")
        .order_by("-role", "user__personal_profile__display_name", "user__email")
    )


def managed_membership(user: User, membership_id: int) -> Membership:
    """A membership of an organisation that ``user`` owns; Http404 otherwise."""
    try:
        membership = Membership.objects.select_related("profile", "user").get(
            pk=membership_id, profile__kind__in=ORGANISATION_KINDS
        )
    except Membership.DoesNotExist:
        raise Http404("membership") from None
    owner_membership(user, membership.profile_id)
    return membership


def _open_invitations() -> QuerySet[Invitation]:
    since = timezone.now() - Invitation.VALID_FOR
    return Invitation.objects.filter(accepted_at__isnull=True, created_at__gt=since)


def open_invitations(profile: Profile) -> list[Invitation]:
    """Invitations of a profile that can still be accepted, newest first."""
    return list(_open_invitations().filter(profile=profile).order_by("-created_at"))


def managed_invitation(user: User, invitation_id: int) -> Invitation:
    """An open invitation of an organisation that ``user`` owns; Http404 otherwise."""
    try:
        invitation = _open_invitations().select_related("profile").get(pk=invitation_id)
    except Invitation.DoesNotExist:
        raise Http404("invitation") from None
    owner_membership(user, invitation.profile_id)
    return invitation


def open_invitation_by_token(token: str) -> Invitation:
    """The open invitation with this token; Http404 if unknown, accepted or expired."""
    try:
        return (
            _open_invitations()
            .select_related("profile", "profile__home_place", "invited_by__personal_profile")
            .get(token=token)
        )
    except Invitation.DoesNotExist:
        raise Http404("invitation") from None


def email_addresses(user: User) -> set[str]:
    """The addresses that prove who ``user`` is: the account address and verified extra ones.

    Login needs a verified address (mandatory verification), so the account address counts.
    """
    verified = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {user.email.lower(), *(address.lower() for address in verified)} - {""}


def invitation_is_for(invitation: Invitation, user: User) -> bool:
    """Whether ``user`` may accept or decline ``invitation``: it went to one of their addresses."""
    return invitation.email.lower() in email_addresses(user)


def invitations_for(user: User) -> list[Invitation]:
    """Open invitations sent to any of the user's addresses, newest first."""
    addresses = email_addresses(user)
    if not addresses:
        return []
    query = Q()
    for address in addresses:
        query |= Q(email__iexact=address)
    return list(
        _open_invitations()
        .filter(query)
        .exclude(profile__memberships__user=user)
        .select_related("profile", "profile__home_place")
        .order_by("-created_at")
    )


@dataclass(frozen=True)
class PlaceNode:
    """A place with its depth in the tree (0 for a top-level place)."""

    place: Place
    depth: int
    has_children: bool


def place_tree() -> list[PlaceNode]:
    """All places in tree order: each place followed by its children, siblings by name."""
    places = list(Place.objects.only("id", "name", "kind", "parent_id").order_by("name", "pk"))
    children: dict[int | None, list[Place]] = {}
    for place in places:
        children.setdefault(place.parent_id, []).append(place)
    nodes: list[PlaceNode] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for place in children.get(parent_id, []):
            nodes.append(PlaceNode(place, depth, bool(children.get(place.pk))))
            walk(place.pk, depth + 1)

    walk(None, 0)
    return nodes

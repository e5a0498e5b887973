"""Reads of the accounts app."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from litfass.accounts import queries, services
from litfass.accounts.models import Invitation, Profile

SITE = "https://litfass.example/"


def test_the_personal_profile_comes_first_then_organisations_by_name(reporter, town):
    zebra = services.create_organisation(
        by=reporter.user, kind="organisation", display_name="Zebra e.V.", home_place=town.otterberg
    )
    alpha = services.create_organisation(
        by=reporter.user, kind="business", display_name="Alpha GmbH", home_place=town.otterberg
    )

    assert queries.profiles_user_can_post_as(reporter.user) == [reporter.profile, alpha, zebra]


def test_members_of_any_role_may_post_as_the_organisation(org_member):
    assert queries.profiles_user_can_post_as(org_member.user) == [org_member.profile]


def test_nobody_else_may_post_as_anything(outsider, org_member):
    assert queries.profiles_user_can_post_as(outsider.user) == []
    assert queries.profiles_user_can_post_as(AnonymousUser()) == []  # type: ignore[arg-type]
    assert queries.profiles_user_can_post_as(None) == []
    org_member.user.is_active = False
    assert queries.profiles_user_can_post_as(org_member.user) == []


def test_profiles_user_can_post_as_is_one_query(reporter, org_member, django_assert_num_queries):
    services.add_member(profile=org_member.profile, user=reporter.user)

    with django_assert_num_queries(1):
        profiles = queries.profiles_user_can_post_as(reporter.user)
        names = [(p.display_name, p.home_place.name if p.home_place else "") for p in profiles]

    assert names == [("Rita Reporter", "Kaiserslautern"), ("TSG Otterbach", "Otterberg")]


def test_the_place_tree_lists_children_below_their_parent(town):
    tree = [(node.place.name, node.depth) for node in queries.place_tree()]

    assert tree == [
        ("Westpfalz", 0),
        ("Kaiserslautern", 1),
        ("Hohenecken", 2),
        ("Otterberg", 1),
        ("Pirmasens", 1),
    ]


def test_fetchers_raise_404_for_missing_and_foreign_things(org_member, outsider, reporter):
    club = org_member.profile
    with pytest.raises(Http404):
        queries.organisation_membership(outsider.user, club.pk)
    with pytest.raises(Http404):
        queries.organisation_membership(org_member.user, 999_999)
    with pytest.raises(Http404):
        queries.organisation_membership(reporter.user, reporter.profile.pk)
    # Olga is a plain member of the club (conftest): not an owner.
    with pytest.raises(Http404):
        queries.owner_membership(org_member.user, club.pk)
    with pytest.raises(Http404):
        queries.open_invitation_by_token("nope")


def test_invitations_for_a_user_are_the_open_ones_to_their_addresses(org_member, outsider):
    club = org_member.profile
    services.add_member(profile=club, user=org_member.user, role="owner")
    open_one = services.invite_member(
        profile=club, by=org_member.user, email="OTTO@example.org", site_url=SITE
    )
    old = services.invite_member(
        profile=services.create_organisation(
            by=org_member.user, kind="business", display_name="Laden", home_place=None
        ),
        by=org_member.user,
        email=outsider.user.email,
        site_url=SITE,
    )
    Invitation.objects.filter(pk=old.pk).update(
        created_at=old.created_at - Invitation.VALID_FOR - dt.timedelta(seconds=1)
    )

    assert queries.invitations_for(outsider.user) == [open_one]
    assert queries.invitations_for(org_member.user) == []


def test_organisations_of_leaves_out_person_profiles(reporter, org_member):
    services.add_member(profile=org_member.profile, user=reporter.user)

    memberships = queries.organisations_of(reporter.user)

    assert [m.profile for m in memberships] == [org_member.profile]
    assert all(m.profile.kind != Profile.Kind.PERSON for m in memberships)

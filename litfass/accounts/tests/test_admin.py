"""The admin pages of accounts: profiles with members, invitations to look up and delete."""

from __future__ import annotations

from django.urls import reverse

from litfass.accounts import services
from litfass.accounts.models import Invitation


def test_staff_see_profiles_and_invitations(admin_client, org_member):
    services.add_member(profile=org_member.profile, user=org_member.user, role="owner")
    invitation = services.invite_member(
        profile=org_member.profile,
        by=org_member.user,
        email="neu@example.org",
        site_url="https://litfass.example/",
    )

    changelist = admin_client.get(reverse("admin:accounts_invitation_changelist"))
    detail = admin_client.get(reverse("admin:accounts_invitation_change", args=[invitation.pk]))
    profile = admin_client.get(
        reverse("admin:accounts_profile_change", args=[org_member.profile.pk])
    )

    assert changelist.status_code == 200
    assert "neu@example.org" in changelist.content.decode()
    assert detail.status_code == 200
    assert invitation.token not in detail.content.decode()
    assert profile.status_code == 200


def test_invitations_cannot_be_made_in_the_admin(admin_client, db):
    assert admin_client.get(reverse("admin:accounts_invitation_add")).status_code == 403
    assert not Invitation.objects.exists()

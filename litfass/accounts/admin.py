from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from litfass.accounts.models import Invitation, Membership, Profile, User


class MembershipInline(admin.TabularInline[Membership, Profile]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class LitfassUserAdmin(UserAdmin[User]):
    pass


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin[Profile]):
    list_display = ["display_name", "kind", "home_place", "code_trusted"]
    list_filter = ["kind", "code_trusted"]
    search_fields = ["display_name", "slug"]
    prepopulated_fields = {"slug": ["display_name"]}
    autocomplete_fields = ["home_place", "person"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    """Invitations are made and accepted on the site; staff can look them up and delete them."""

    list_display = ["email", "profile", "role", "created_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "profile__display_name"]
    list_select_related = ["profile"]
    exclude = ["token"]
    readonly_fields = ["profile", "email", "role", "invited_by", "created_at", "accepted_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Invitation | None = None) -> bool:
        return False

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from litfass.accounts.models import Membership, Profile, User


class MembershipInline(admin.TabularInline[Membership, Profile]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class LitfassUserAdmin(UserAdmin[User]):
    pass


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin[Profile]):
    list_display = ["display_name", "kind", "home_place"]
    list_filter = ["kind"]
    search_fields = ["display_name", "slug"]
    prepopulated_fields = {"slug": ["display_name"]}
    autocomplete_fields = ["home_place"]
    inlines = [MembershipInline]

"""How allauth fits litfass: signup creates the personal profile through the services."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

from litfass.accounts import queries, services
from litfass.accounts.forms import SignupForm
from litfass.accounts.models import User


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's e-mails greet with the site's name, not with the host name."""
        super().send_mail(
            template_prefix, email, {"litfass_site_name": settings.LITFASS_SITE_NAME, **context}
        )

    def save_user(
        self, request: HttpRequest, user: Any, form: forms.Form, commit: bool = True
    ) -> Any:
        """Save a new account and, for our signup form, its personal profile in one transaction."""
        with transaction.atomic():
            user = super().save_user(request, user, form, commit=commit)
            if commit and isinstance(form, SignupForm):
                data = form.cleaned_data
                services.create_personal_profile(
                    user=user,
                    display_name=data["display_name"],
                    home_place=data["home_place"],
                    bio=data.get("bio", ""),
                )
        return user


def user_display(user: User) -> str:
    """How allauth names a user in messages and e-mails: the profile name, else the address.

    For ``ACCOUNT_USER_DISPLAY``; the generated username would mean nothing to anybody.
    """
    profile = queries.personal_profile(user)
    return profile.display_name if profile else user.email

"""Forms of accounts and profiles."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest


class SignupForm(forms.Form):
    """Extra fields of the registration form (allauth adds e-mail and password)."""

    def signup(self, request: HttpRequest, user: Any) -> None:
        return None

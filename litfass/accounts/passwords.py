"""A password validator against guessable passwords beyond Django's common-password list."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_SEQUENCES = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertzuiop", "qwertyuiop", "asdfghjkl")
_WORDS = ("passwort", "password", "kennwort", "litfass", "kaiserslautern", "letmein", "welcome")


def _looks_guessable(password: str) -> bool:
    lowered = password.lower()
    core = re.sub(r"[\d\W_]+$", "", lowered)  # "Passwort2024!" → "passwort"
    if len(set(lowered)) <= 3:
        return True
    if core in _WORDS:
        return True
    return any(lowered in seq or seq.startswith(lowered) for seq in _SEQUENCES)


class GuessablePasswordValidator:
    """Refuse passwords made of few characters, keyboard rows or a common word plus digits."""

    def validate(self, password: str, user: Any = None) -> None:
        if _looks_guessable(password):
            raise ValidationError(
                _("This password is too easy to guess. Use a few unrelated words or more."),
                code="password_guessable",
            )

    def get_help_text(self) -> str:
        return _("Your password must not be a common word with digits or a keyboard row.")

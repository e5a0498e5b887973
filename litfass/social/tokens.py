"""Signed tokens for the one-click unsubscribe links in e-mails (they work without login)."""

from __future__ import annotations

from django.core import signing

from litfass.social.models import Notification

SALT = "litfass.social.unsubscribe"


def unsubscribe_token(user_id: int, kinds: list[str]) -> str:
    """A token that switches off the e-mails of ``kinds`` for the user; it does not expire."""
    return signing.dumps({"u": user_id, "k": sorted(kinds)}, salt=SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, list[str]]:
    """The user id and kinds of a token; ``signing.BadSignature`` if forged or malformed."""
    data = signing.loads(token, salt=SALT)
    if not isinstance(data, dict):
        raise signing.BadSignature("token")
    user_id, kinds = data.get("u"), data.get("k")
    if not isinstance(user_id, int) or not isinstance(kinds, list):
        raise signing.BadSignature("token")
    valid = [k for k in kinds if k in Notification.Kind.values]
    if not valid:
        raise signing.BadSignature("token")
    return user_id, valid

"""Writes of accounts and profiles."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from litfass.accounts.models import Membership, Profile, User
from litfass.places.models import Place

_url_validator = URLValidator(schemes=["http", "https"])


def _unique_profile_slug(name: str) -> str:
    base = slugify(name)[:120] or "profil"
    slug, n = base, 2
    while Profile.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _clean_links(links: list[dict[str, str]]) -> list[dict[str, str]]:
    cleaned = []
    for link in links:
        label, url = link.get("label", "").strip(), link.get("url", "").strip()
        try:
            _url_validator(url)
        except ValidationError:
            raise ValidationError(
                _("“%(url)s” is not a web address starting with http:// or https://."),
                params={"url": url},
            ) from None
        cleaned.append({"label": label or url, "url": url})
    return cleaned


@transaction.atomic
def create_profile(
    *,
    display_name: str,
    kind: str = Profile.Kind.PERSON,
    home_place: Place | None = None,
    bio: str = "",
    links: list[dict[str, str]] | None = None,
    owner: User | None = None,
    slug: str = "",
) -> Profile:
    """Create a profile; ``owner`` becomes its first member with the owner role."""
    profile = Profile(
        display_name=display_name.strip(),
        kind=kind,
        home_place=home_place,
        bio=bio.strip(),
        links=_clean_links(links or []),
        slug=slug or _unique_profile_slug(display_name),
    )
    profile.full_clean()
    profile.save()
    if owner is not None:
        Membership.objects.create(user=owner, profile=profile, role=Membership.Role.OWNER)
    return profile


@transaction.atomic
def add_member(*, profile: Profile, user: User, role: str = Membership.Role.MEMBER) -> Membership:
    """Let ``user`` act for ``profile``; adding an existing member changes only the role."""
    membership, _created = Membership.objects.update_or_create(
        user=user, profile=profile, defaults={"role": role}
    )
    return membership


def create_user(*, username: str, email: str, password: str | None = None) -> User:
    """Create a login. Passwords are hashed by Django's configured hasher."""
    return User.objects.create_user(username=username, email=email, password=password)

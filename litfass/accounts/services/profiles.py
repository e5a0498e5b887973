"""Writes of profiles: personal profiles, organisation profiles, avatars, accounts."""

from __future__ import annotations

import io
import uuid

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image as PILImage

from litfass.accounts.models import Membership, Profile, User
from litfass.images.processing import clean_image
from litfass.places.models import Place

_url_validator = URLValidator(schemes=["http", "https"])

DISPLAY_NAME_MIN_LENGTH = 2
MAX_LINKS = 5
# Avatars are shown small; larger uploads are scaled down to fit this square.
AVATAR_MAX_SIDE = 512
# Kinds a user may create from the account pages; the editorial team is set up by staff.
SELF_SERVICE_ORGANISATION_KINDS = (Profile.Kind.ORGANISATION, Profile.Kind.BUSINESS)


def _unique_profile_slug(name: str) -> str:
    base = slugify(name)[:120] or "profil"
    slug, n = base, 2
    while Profile.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _clean_display_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if len(cleaned) < DISPLAY_NAME_MIN_LENGTH:
        raise ValidationError(
            {
                "display_name": _("The name must have at least %(limit_value)d characters.")
                % {"limit_value": DISPLAY_NAME_MIN_LENGTH}
            }
        )
    return cleaned


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
    if len(cleaned) > MAX_LINKS:
        raise ValidationError(
            ngettext(
                "A profile can show at most %(num)d link.",
                "A profile can show at most %(num)d links.",
                MAX_LINKS,
            )
            % {"num": MAX_LINKS},
            code="too_many",
        )
    return cleaned


def is_owner(profile: Profile, user: User) -> bool:
    if profile.person_id is not None and profile.person_id == user.pk:
        return True
    return Membership.objects.filter(
        profile=profile, user=user, role=Membership.Role.OWNER
    ).exists()


def require_owner(profile: Profile, user: User) -> None:
    if not user.is_active or not is_owner(profile, user):
        raise PermissionDenied(_("Only an owner of this profile may do this."))


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
    """Create a profile; ``owner`` becomes its first member with the owner role.

    A person profile created with an owner is that owner's personal profile (``person``); a
    second one for the same owner is refused with ValidationError.
    """
    person = owner if kind == Profile.Kind.PERSON else None
    if person is not None and Profile.objects.filter(person=person).exists():
        raise ValidationError(_("This account has a personal profile already."))
    name = _clean_display_name(display_name)
    profile = Profile(
        display_name=name,
        kind=kind,
        person=person,
        home_place=home_place,
        bio=bio.strip(),
        links=_clean_links(links or []),
        slug=slug or _unique_profile_slug(name),
    )
    profile.full_clean()
    profile.save()
    if owner is not None:
        Membership.objects.create(user=owner, profile=profile, role=Membership.Role.OWNER)
    return profile


def create_personal_profile(
    *, user: User, display_name: str, home_place: Place | None, bio: str = ""
) -> Profile:
    """Create ``user``'s personal profile: kind person, ``person=user``, ``user`` as its owner."""
    return create_profile(
        display_name=display_name,
        kind=Profile.Kind.PERSON,
        home_place=home_place,
        bio=bio,
        owner=user,
    )


def _avatar_file(data: bytes) -> tuple[bytes, str]:
    """Clean uploaded bytes (no metadata, validated) and fit them into the avatar square."""
    try:
        cleaned = clean_image(data)
    except ValidationError as error:
        raise ValidationError({"avatar": error.error_list}) from None
    if max(cleaned.width, cleaned.height) <= AVATAR_MAX_SIDE:
        return cleaned.content, cleaned.extension
    with PILImage.open(io.BytesIO(cleaned.content)) as source:
        image = source.convert("RGB") if cleaned.extension == "jpg" else source.convert("RGBA")
    image.thumbnail((AVATAR_MAX_SIDE, AVATAR_MAX_SIDE), PILImage.Resampling.LANCZOS)
    out = io.BytesIO()
    if cleaned.extension == "jpg":
        image.save(out, "JPEG", quality=88, optimize=True)
        return out.getvalue(), "jpg"
    if cleaned.extension == "webp":
        image.save(out, "WEBP", quality=88)
        return out.getvalue(), "webp"
    # PNG stays PNG; a GIF becomes a PNG (avatars are still pictures).
    image.save(out, "PNG", optimize=True)
    return out.getvalue(), "png"


@transaction.atomic
def update_profile(
    *,
    profile: Profile,
    by: User,
    display_name: str,
    home_place: Place | None,
    bio: str = "",
    links: list[dict[str, str]] | None = None,
    avatar: bytes | None = None,
    remove_avatar: bool = False,
) -> Profile:
    """Change the public details of a profile that ``by`` owns (PermissionDenied otherwise).

    ``avatar`` are uploaded bytes: they are validated and re-encoded without metadata (EXIF,
    GPS) like every picture, then scaled down; ValidationError on ``avatar`` if they are not a
    usable picture. A replaced or removed avatar file is deleted after the commit.
    """
    require_owner(profile, by)
    old_avatar = profile.avatar.name or ""
    profile.display_name = _clean_display_name(display_name)
    profile.home_place = home_place
    profile.bio = bio.strip()
    profile.links = _clean_links(links or [])
    new_avatar = ""
    if avatar is not None:
        content, extension = _avatar_file(avatar)
        new_avatar = default_storage.save(
            f"avatars/{uuid.uuid4().hex}.{extension}", ContentFile(content)
        )
        profile.avatar.name = new_avatar
    elif remove_avatar:
        profile.avatar.name = ""
    try:
        profile.full_clean()
        profile.save()
    except BaseException:
        if new_avatar:
            default_storage.delete(new_avatar)
        raise
    if old_avatar and old_avatar != profile.avatar.name:
        transaction.on_commit(lambda: default_storage.delete(old_avatar))
    return profile


@transaction.atomic
def save_personal_profile(
    *,
    user: User,
    display_name: str,
    home_place: Place | None,
    bio: str = "",
    links: list[dict[str, str]] | None = None,
    avatar: bytes | None = None,
    remove_avatar: bool = False,
) -> Profile:
    """Update ``user``'s personal profile, creating it first if the account has none yet."""
    profile = Profile.objects.filter(person=user).first()
    if profile is None:
        profile = create_personal_profile(user=user, display_name=display_name, home_place=None)
    return update_profile(
        profile=profile,
        by=user,
        display_name=display_name,
        home_place=home_place,
        bio=bio,
        links=links,
        avatar=avatar,
        remove_avatar=remove_avatar,
    )


@transaction.atomic
def create_organisation(
    *, by: User, kind: str, display_name: str, home_place: Place | None, bio: str = ""
) -> Profile:
    """Create an organisation or business profile with ``by`` as its owner."""
    if kind not in SELF_SERVICE_ORGANISATION_KINDS:
        raise ValidationError(
            {"kind": _("Please choose whether it is an organisation or a business.")}
        )
    if not by.is_active:
        raise PermissionDenied(_("This account is deactivated."))
    return create_profile(
        display_name=display_name, kind=kind, home_place=home_place, bio=bio, owner=by
    )


@transaction.atomic
def create_user(
    *, username: str, email: str, password: str | None = None, email_verified: bool = True
) -> User:
    """Create a login. Passwords are hashed by Django's configured hasher.

    Accounts made here (fixtures, demo, staff tools) have their address recorded as verified
    unless ``email_verified`` is false, so that they can log in; self-service registration
    goes through allauth and verifies the address by e-mail.
    """
    user = User.objects.create_user(username=username, email=email, password=password)
    if email:
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=email_verified)
    return user

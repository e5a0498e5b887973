"""Accounts (who logs in) and profiles (in whose name content appears)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Public appearance lives in :class:`Profile`."""

    email = models.EmailField(_("e-mail address"), unique=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Profile(models.Model):
    """The public face of a person, organisation, business or the editorial team."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")
        BUSINESS = "business", _("Business")
        EDITORIAL = "editorial", _("Editorial team")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PERSON)
    # The user this profile is the personal profile of; empty for organisations and businesses.
    person = models.OneToOneField(
        User,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="personal_profile",
        verbose_name=_("person"),
    )
    display_name = models.CharField(_("display name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    home_place = models.ForeignKey(
        "places.Place",
        verbose_name=_("home place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short bio"), max_length=600, blank=True)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/%Y/%m/", blank=True)
    # A list of {"label": str, "url": str} entries, validated by the services.
    links = models.JSONField(_("links"), default=list, blank=True)
    members = models.ManyToManyField(
        User, through="Membership", related_name="profiles", verbose_name=_("members")
    )
    # Set by editors: the profile may embed its own HTML and JavaScript (sandboxed elsewhere).
    code_trusted = models.BooleanField(
        _("may embed code"),
        default=False,
        help_text=_(
            "Editors allow this for profiles they trust, e.g. a city office with a widget of "
            "its own. The code runs isolated on a separate domain."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        ordering = ["display_name"]
        constraints = [
            # Only a person profile can be somebody's personal profile.
            models.CheckConstraint(
                condition=models.Q(person__isnull=True) | models.Q(kind="person"),
                name="profile_person_is_person_kind",
                violation_error_message=_("Only a person profile can be a personal profile."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("content:profile", kwargs={"slug": self.slug})


class Membership(models.Model):
    """A user who may act for a profile. A person's own profile has them as its only owner."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "profile"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.profile}"


class Invitation(models.Model):
    """An invitation by e-mail to act for an organisation profile.

    Open while ``accepted_at`` is empty and it is younger than :attr:`VALID_FOR`. Only somebody
    logged in with the invited address can accept it; the token only locates it.
    """

    VALID_FOR = dt.timedelta(days=14)

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True)
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    invited_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "email"],
                condition=models.Q(accepted_at__isnull=True),
                name="invitation_open_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.profile}"

    @property
    def expires_at(self) -> dt.datetime:
        return self.created_at + self.VALID_FOR

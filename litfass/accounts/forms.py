"""Forms of registration, profiles, organisations and invitations.

Every error is a full, translated sentence, and a bound form shows again what was typed. The
services check everything once more; these forms are about telling people what to fix.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from litfass.accounts import queries
from litfass.accounts.models import Membership, Profile, User
from litfass.accounts.services import (
    DISPLAY_NAME_MIN_LENGTH,
    MAX_LINKS,
    SELF_SERVICE_ORGANISATION_KINDS,
)
from litfass.places.models import Place

_TOO_LONG = _("This text may have at most %(limit_value)d characters (it has %(show_value)d).")
# Indentation of districts below their town inside a region's group (no-break spaces survive
# in <option> labels, where ordinary spaces are collapsed).
_INDENT = "\u00a0\u00a0\u00a0"


class PlaceField(forms.ChoiceField):
    """A <select> of the place tree: one group per region, districts indented below their town.

    Cleans to a :class:`Place` (or None when not required and left empty). Call
    :meth:`set_tree` from the form's ``__init__`` so that the tree is read once per form.
    """

    default_error_messages = {
        "required": _("Please choose a place from the list."),
        "invalid_choice": _("This place does not exist. Please pick one from the list."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=(), **kwargs)
        self.places: dict[str, Place] = {}

    def set_tree(self, nodes: list[queries.PlaceNode]) -> None:
        choices: list[Any] = [("", _("Please choose"))]
        group: list[tuple[str, str]] | None = None
        for node in nodes:
            key = str(node.place.pk)
            self.places[key] = node.place
            if node.depth == 0:
                group = None
                if node.has_children:
                    group = [(key, node.place.name)]
                    choices.append((node.place.name, group))
                else:
                    choices.append((key, node.place.name))
            elif group is not None:
                group.append((key, _INDENT * (node.depth - 1) + node.place.name))
        self.choices = choices

    def clean(self, value: Any) -> Place | None:
        key = super().clean(value)
        return self.places[key] if key else None


def _display_name_field(*, organisation: bool = False) -> forms.CharField:
    if organisation:
        label, autocomplete = _("Name of the organisation"), "organization"
        help_text = _("As it appears above every post, e.g. “TSG Otterbach 1899 e.V.”.")
        required = _("Please enter the name of the organisation.")
    else:
        label, autocomplete = _("Your name"), "name"
        help_text = _("Appears with everything you publish. Please use your real name.")
        required = _("Please enter your name; it appears with everything you publish.")
    return forms.CharField(
        label=label,
        help_text=help_text,
        min_length=DISPLAY_NAME_MIN_LENGTH,
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
        error_messages={
            "required": required,
            "min_length": _("The name must have at least %(limit_value)d characters."),
            "max_length": _(
                "The name may have at most %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )


def _home_place_field(*, organisation: bool = False) -> PlaceField:
    return PlaceField(
        label=_("Home place"),
        help_text=(
            _("Where the organisation is at home.")
            if organisation
            else _("Where you live. Shown on your profile as “from …”.")
        ),
        error_messages={"required": _("Please choose the home place from the list.")},
    )


def _bio_field(*, organisation: bool = False) -> forms.CharField:
    return forms.CharField(
        label=_("About the organisation (optional)") if organisation else _("About you (optional)"),
        help_text=_("A few words for your profile page, up to 600 characters."),
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        error_messages={"max_length": _TOO_LONG},
    )


class SignupForm(forms.Form):
    """Extra fields of the registration form (allauth adds e-mail and password).

    allauth builds its signup form on top of this class; ``AccountAdapter.save_user`` creates
    the personal profile from these fields in the same transaction as the account.
    """

    display_name = _display_name_field()
    home_place = _home_place_field()
    bio = _bio_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        home_place = self.fields["home_place"]
        assert isinstance(home_place, PlaceField)  # noqa: S101 - declared above
        home_place.set_tree(queries.place_tree())

    def signup(self, request: HttpRequest, user: User) -> None:
        """Called by allauth after the account is saved; the adapter has done the work."""
        return None


class WebAddressField(forms.URLField):
    """A URL field for http and https only (no ftp, no javascript:, no data:)."""

    default_validators = [URLValidator(schemes=["http", "https"])]


class LinkForm(forms.Form):
    label = forms.CharField(
        label=_("Link text"),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"max_length": _TOO_LONG},
    )
    url = WebAddressField(
        label=_("Web address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
        error_messages={
            "invalid": _(
                "Please enter a web address starting with http:// or https://, "
                "e.g. https://example.org."
            ),
            "max_length": _TOO_LONG,
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("label") and not data.get("url") and "url" not in self.errors:
            self.add_error(
                "url", _("Please add the web address for this link, or clear the link text.")
            )
        return data


class BaseLinkFormSet(forms.BaseFormSet[LinkForm]):
    default_error_messages = {
        "too_many_forms": ngettext_lazy(
            "A profile can show at most %(num)d link.",
            "A profile can show at most %(num)d links.",
            "num",
        ),
    }

    def links(self) -> list[dict[str, str]]:
        """The filled-in links of a valid formset, in order."""
        return [
            {"label": form.cleaned_data.get("label", ""), "url": form.cleaned_data["url"]}
            for form in self.forms
            if form.cleaned_data.get("url")
        ]


LinkFormSet = cast(
    type[BaseLinkFormSet],
    forms.formset_factory(
        LinkForm,
        formset=BaseLinkFormSet,
        extra=2,
        max_num=MAX_LINKS,
        absolute_max=MAX_LINKS,
        validate_max=True,
    ),
)


class ProfileForm(forms.Form):
    """The public details of a personal or organisation profile (links come in a formset)."""

    display_name = _display_name_field()
    home_place = _home_place_field()
    bio = _bio_field()
    avatar = forms.FileField(
        label=_("New picture (optional)"),
        help_text=_(
            "JPEG, PNG, WebP or GIF, up to 32 MB. Location and camera data are removed before "
            "the picture is stored."
        ),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
        error_messages={
            "empty": _("The chosen file is empty. Please choose the picture again."),
            "invalid": _("No picture arrived. Please choose the picture again."),
        },
    )
    remove_avatar = forms.BooleanField(label=_("Remove the current picture"), required=False)

    def __init__(self, *args: Any, organisation: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisation:
            self.fields["display_name"] = _display_name_field(organisation=True)
            self.fields["home_place"] = _home_place_field(organisation=True)
            self.fields["bio"] = _bio_field(organisation=True)
        home_place = self.fields["home_place"]
        assert isinstance(home_place, PlaceField)  # noqa: S101 - declared above
        home_place.set_tree(queries.place_tree())

    def clean_avatar(self) -> bytes | None:
        upload = self.cleaned_data.get("avatar")
        if not isinstance(upload, UploadedFile):
            return None
        limit = settings.LITFASS_MAX_UPLOAD_BYTES
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)d MB."),
                params={"limit": limit // (1024 * 1024)},
                code="too_large",
            )
        data: bytes = upload.read()
        return data


class OrganisationForm(forms.Form):
    """A new organisation or business profile."""

    kind = forms.ChoiceField(
        label=_("What kind of profile is it?"),
        choices=[(kind, Profile.Kind(kind).label) for kind in SELF_SERVICE_ORGANISATION_KINDS],
        initial=Profile.Kind.ORGANISATION,
        widget=forms.RadioSelect,
        help_text=_(
            "Clubs, initiatives and public bodies are organisations; shops and companies are "
            "businesses."
        ),
        error_messages={
            "required": _("Please choose whether it is an organisation or a business."),
            "invalid_choice": _("Please choose whether it is an organisation or a business."),
        },
    )
    display_name = _display_name_field(organisation=True)
    home_place = _home_place_field(organisation=True)
    bio = _bio_field(organisation=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        home_place = self.fields["home_place"]
        assert isinstance(home_place, PlaceField)  # noqa: S101 - declared above
        home_place.set_tree(queries.place_tree())


_ROLE_ERRORS = {
    "required": _("Please choose one of the roles from the list."),
    "invalid_choice": _("Please choose one of the roles from the list."),
}


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person to invite"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _("Please enter the e-mail address the invitation should go to."),
            "invalid": _("Please enter a valid e-mail address."),
        },
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.MEMBER,
        help_text=_("Members write in the organisation's name; owners also manage the profile."),
        error_messages=_ROLE_ERRORS,
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, error_messages=_ROLE_ERRORS
    )

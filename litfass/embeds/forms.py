"""The forms of the composer's embed dialogs."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from litfass.embeds.models import MAX_HEIGHT, MIN_HEIGHT
from litfass.embeds.refs import EmbedKind
from litfass.embeds.urlcheck import MAX_URL_LENGTH

DIALOG_CHOICES = [(kind.value, kind.value) for kind in EmbedKind]


class EmbedLinkForm(forms.Form):
    """A link pasted into one of the dialogs (all but code; the map also takes a point)."""

    dialog = forms.ChoiceField(choices=DIALOG_CHOICES, widget=forms.HiddenInput)
    url = forms.CharField(
        label=_("Link"),
        required=False,
        # Longer links are refused by the parser with its own message; this only bounds input.
        max_length=MAX_URL_LENGTH * 2,
        widget=forms.URLInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    latitude = forms.FloatField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        error_messages={"invalid": _("Please enter the latitude as a number, e.g. 53.59.")},
    )
    longitude = forms.FloatField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        error_messages={"invalid": _("Please enter the longitude as a number, e.g. 7.21.")},
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        has_point = data.get("latitude") is not None or data.get("longitude") is not None
        if data.get("dialog") == EmbedKind.MAP and has_point and not data.get("url"):
            if data.get("latitude") is None or data.get("longitude") is None:
                if not self.has_error("latitude") and not self.has_error("longitude"):
                    raise forms.ValidationError(_("Please enter both latitude and longitude."))
                return data
            lat, lon = data["latitude"], data["longitude"]
            data["url"] = (
                f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}"
                f"#map=16/{lat:.5f}/{lon:.5f}"
            )
        # An empty link goes on to the parser, which asks for one.
        return data


class CodeEmbedForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        help_text=_("Read out by screen readers, e.g. “Water levels of the Ems”."),
        error_messages={"required": _("Please give the embedded code a title.")},
    )
    html = forms.CharField(
        label=_("HTML and JavaScript"),
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "class": "code"}),
        strip=False,
        error_messages={"required": _("Please paste the code to embed.")},
    )
    height = forms.IntegerField(
        label=_("Height in pixels"),
        initial=480,
        min_value=MIN_HEIGHT,
        max_value=MAX_HEIGHT,
        error_messages={
            "min_value": _("The height must be between 100 and 2000 pixels."),
            "max_value": _("The height must be between 100 and 2000 pixels."),
            "invalid": _("The height must be between 100 and 2000 pixels."),
        },
    )

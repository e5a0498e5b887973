"""Forms of the composer and of the editors' queue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import ProseEditorWidget

from litfass.accounts.models import Profile
from litfass.content.models import Post, Topic
from litfass.content.services import EventData
from litfass.places.models import Place

# What the rich-text editor offers; the server sanitiser allows exactly this and a bit more.
EDITOR_CONFIG = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Underline": True,
        "Strike": True,
        "Link": {"enableTarget": False},
        "Heading": {"levels": [2, 3, 4]},
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Blockquote": True,
        "HorizontalRule": True,
        "HardBreak": True,
        "History": True,
    }
}


class PlaceChoiceField(forms.ModelChoiceField[Place]):
    """Places indented by their depth in the tree, so districts sit under their town."""

    def label_from_instance(self, obj: Place) -> str:
        depth = max(0, obj.path.count("/") - 2)
        return "\u2003" * depth + obj.name


def place_field(required: bool = True) -> PlaceChoiceField:
    return PlaceChoiceField(
        queryset=Place.objects.order_by("path"),
        required=required,
        empty_label=_("Please choose"),
        label=_("Place"),
        error_messages={
            "invalid_choice": _("This place does not exist. Please pick one from the list."),
            "required": _("Please pick the place the post is about."),
        },
    )


class NewPostForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you want to publish?"),
        choices=Post.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose what you want to write.")},
    )
    author = forms.ModelChoiceField(
        queryset=Profile.objects.none(),
        label=_("Publish as"),
        empty_label=None,
        error_messages={"invalid_choice": _("You cannot publish in the name of this profile.")},
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, authors: list[Profile], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["author"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - narrows the type
        field.queryset = Profile.objects.filter(pk__in=[p.pk for p in authors])


class PostForm(forms.Form):
    kicker = forms.CharField(
        label=_("Kicker"),
        max_length=80,
        required=False,
        help_text=_("A short line above the headline, e.g. the topic or the place."),
    )
    headline = forms.CharField(
        label=_("Headline"),
        max_length=160,
        error_messages={"required": _("Please give the post a headline.")},
    )
    teaser = forms.CharField(
        label=_("Teaser"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown in lists. Leave empty to use the beginning of the text."),
    )
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=ProseEditorWidget(config=EDITOR_CONFIG, preset="configurable"),
    )
    place = place_field(required=False)
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        label=_("Topic"),
        empty_label=_("(no topic)"),
        error_messages={"invalid_choice": _("This topic does not exist.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if kind == Post.Kind.SNAPSHOT:
            # A snapshot is a picture with a headline: no kicker, no long text.
            del self.fields["kicker"]
            del self.fields["teaser"]
            self.fields["body"].label = _("Short text (optional)")
        if kind == Post.Kind.GALLERY:
            del self.fields["kicker"]
            self.fields["body"].label = _("Short text")


class EventForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={
            "required": _("Please give the date and time the event starts."),
            "invalid": _("Please enter a valid date and time."),
        },
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Please enter a valid date and time.")},
    )
    all_day = forms.BooleanField(label=_("All day"), required=False)
    venue = forms.CharField(label=_("Venue"), max_length=160, required=False)
    address = forms.CharField(label=_("Address"), max_length=240, required=False)
    latitude = forms.FloatField(
        label=_("Latitude of the map point"),
        required=False,
        min_value=-90,
        max_value=90,
        help_text=_("Optional; e.g. 49.4447"),
    )
    longitude = forms.FloatField(
        label=_("Longitude of the map point"),
        required=False,
        min_value=-180,
        max_value=180,
        help_text=_("Optional; e.g. 7.7690"),
    )
    online_url = forms.URLField(
        label=_("Online link (video conference)"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Please enter a complete web address.")},
    )
    organiser = forms.CharField(label=_("Organiser"), max_length=160, required=False)
    price = forms.CharField(label=_("Price"), max_length=120, required=False)
    ticket_url = forms.URLField(
        label=_("Ticket link"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Please enter a complete web address.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start: dt.datetime | None = data.get("starts_at")
        end: dt.datetime | None = data.get("ends_at")
        if start and end and end < start:
            self.add_error("ends_at", _("An event cannot end before it starts."))
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("A map point needs both latitude and longitude."))
        return data

    def event_data(self) -> EventData:
        data = self.cleaned_data
        return EventData(
            starts_at=data["starts_at"],
            ends_at=data.get("ends_at"),
            all_day=bool(data.get("all_day")),
            venue=data.get("venue", ""),
            address=data.get("address", ""),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            online_url=data.get("online_url", ""),
            organiser=data.get("organiser", ""),
            price=data.get("price", ""),
            ticket_url=data.get("ticket_url", ""),
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)]


class UploadForm(forms.Form):
    pictures = MultipleFileField(
        label=_("Pictures"),
        help_text=_("JPEG, PNG, WebP or GIF, up to 32 MB each. You can choose several at once."),
        error_messages={"required": _("Please choose at least one picture.")},
    )
    credit = forms.CharField(
        label=_("Photo credit"),
        max_length=160,
        help_text=_("Who took the pictures, e.g. “Maria Muster”."),
        error_messages={"required": _("Please name who took the picture (photo credit).")},
    )
    alt_text = forms.CharField(
        label=_("Alternative text"),
        max_length=300,
        help_text=_(
            "Describe what the picture shows for people who cannot see it; screen readers read "
            "this text aloud. With several pictures you can change it for each one afterwards."
        ),
        error_messages={
            "required": _(
                "Please describe the picture for people who cannot see it (alternative text)."
            )
        },
    )
    caption = forms.CharField(label=_("Caption"), max_length=400, required=False)


class PictureForm(forms.Form):
    credit = forms.CharField(label=_("Photo credit"), max_length=160)
    alt_text = forms.CharField(label=_("Alternative text"), max_length=300)
    caption = forms.CharField(label=_("Caption"), max_length=400, required=False)
    focal_x = forms.IntegerField(
        label=_("Focal point from the left (%)"), min_value=0, max_value=100, initial=50
    )
    focal_y = forms.IntegerField(
        label=_("Focal point from the top (%)"), min_value=0, max_value=100, initial=50
    )


class SendBackForm(forms.Form):
    note = forms.CharField(
        label=_("What should the author change?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Please tell the author what to change.")},
    )

"""Forms of the social pages; every rule beyond the field types lives in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from litfass.social.models import Comment, Notification


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=Comment.MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Please write a comment.")},
    )
    # The comment replied to; replies to replies are attached to the top-level comment.
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)


class EditCommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=Comment.MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Please write a comment.")},
    )


class HideCommentForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the writer sees it)"),
        max_length=300,
        error_messages={"required": _("Please give the reason the writer will see.")},
    )


class PreferencesForm(forms.Form):
    """E-mail delivery per kind of notification, and whether likes show one's name."""

    show_my_likes = forms.BooleanField(
        label=_("Show my name to others among those who liked a post"),
        help_text=_("While this is off, others see only how many people liked a post, not who."),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in Notification.Kind.choices:
            self.fields[f"email_{kind}"] = forms.ChoiceField(
                label=label,
                choices=Notification.Delivery.choices,
                widget=forms.RadioSelect,
            )

    def emails(self) -> dict[str, str]:
        return {kind: self.cleaned_data[f"email_{kind}"] for kind in Notification.Kind.values}

    def kind_fields(self) -> list[forms.BoundField]:
        return [self[f"email_{kind}"] for kind in Notification.Kind.values]

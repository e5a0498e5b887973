"""Code snippets: the one kind of embed whose content is stored (and only served elsewhere)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

MIN_HEIGHT = 100
MAX_HEIGHT = 2000


class _Created(models.Model):
    """Who made a row and when (the writer is kept as None when their account goes)."""

    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        abstract = True


class CodeSnippet(_Created):
    """HTML and JavaScript by a trusted profile, served only sandboxed on the code origin."""

    # The iframe's accessible name, read out by screen readers.
    title = models.CharField(_("title"), max_length=120)
    html = models.TextField(_("HTML and JavaScript"))
    height = models.PositiveSmallIntegerField(_("height in pixels"), default=480)
    profile = models.ForeignKey(
        "accounts.Profile",
        verbose_name=_("profile"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    objects: ClassVar[models.Manager[CodeSnippet]] = models.Manager()

    class Meta:
        app_label = "embeds"
        verbose_name = _("code snippet")
        verbose_name_plural = _("code snippets")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(height__gte=MIN_HEIGHT, height__lte=MAX_HEIGHT),
                name="codesnippet_height_range",
                violation_error_message=_("The height must be between 100 and 2000 pixels."),
            ),
            models.CheckConstraint(
                condition=~models.Q(title=""),
                name="codesnippet_has_title",
                violation_error_message=_("Please give the embedded code a title."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


#: How many embeds one post may carry; a page full of players helps no reader.
MAX_EMBEDS_PER_POST = 20


class PostEmbed(_Created):
    """One embed of a post, shown below its text in ``position`` order.

    ``url`` is the canonical link the parser built from the writer's link, never the pasted
    text; every render parses it again, so a provider switched off later renders nothing.
    """

    post = models.ForeignKey(
        "content.Post", verbose_name=_("post"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=10)
    url = models.CharField(_("link"), max_length=2048)

    objects: ClassVar[models.Manager[PostEmbed]] = models.Manager()

    class Meta:
        app_label = "embeds"
        verbose_name = _("embed")
        verbose_name_plural = _("embeds")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["post", "position"], name="postembed_post_pos_idx")]

    def __str__(self) -> str:
        return self.url

"""Code snippets: the one kind of embed whose content is stored (and only served elsewhere)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

MIN_HEIGHT = 100
MAX_HEIGHT = 2000


class CodeSnippet(models.Model):
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
    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

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

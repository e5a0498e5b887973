"""Pictures of posts and their responsive renditions."""

from __future__ import annotations

from typing import TypedDict

from django.db import models
from django.utils.translation import gettext_lazy as _


class RenditionInfo(TypedDict):
    width: int
    height: int
    name: str


class Image(models.Model):
    post = models.ForeignKey(
        "content.Post", on_delete=models.CASCADE, related_name="images", verbose_name=_("post")
    )
    file = models.ImageField(
        _("file"), upload_to="images/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    caption = models.CharField(_("caption"), max_length=400, blank=True)
    credit = models.CharField(_("photo credit"), max_length=160)
    alt_text = models.CharField(_("alternative text"), max_length=300)
    # Focal point as fractions of width and height; crops keep it in view.
    focal_x = models.FloatField(_("focal point x"), default=0.5)
    focal_y = models.FloatField(_("focal point y"), default=0.5)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # SHA-256 of the uploaded bytes: the same file uploaded twice to a post is refused.
    source_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    # {"avif": [{"width", "height", "name"}, …], "webp": […], "jpeg": […]} once made in the
    # background; empty until then, and templates fall back to the stored original.
    renditions = models.JSONField(default=dict, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["post", "position"], name="image_post_position_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "source_sha256"],
                condition=~models.Q(source_sha256=""),
                name="image_unique_upload_per_post",
            ),
            models.CheckConstraint(
                condition=models.Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
                violation_error_message=_("The focal point must lie inside the picture."),
            ),
        ]

    def __str__(self) -> str:
        return self.alt_text or self.file.name or ""

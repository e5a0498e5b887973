"""Posts (article, snapshot, gallery, event), their event details and topics."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    """A section of the paper ("Ressort"): Politik, Kultur, Ausgehen & Genießen …"""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position in menus"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("content:topic", kwargs={"slug": self.slug})


class Post(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        SNAPSHOT = "snapshot", _("Snapshot")
        GALLERY = "gallery", _("Photo gallery")
        EVENT = "event", _("Event")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Awaiting approval")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    # The lifecycle: which status may follow which. Services refuse every other move.
    TRANSITIONS: ClassVar[dict[str, frozenset[str]]] = {
        Status.DRAFT: frozenset({Status.PENDING, Status.PUBLISHED}),
        Status.PENDING: frozenset({Status.DRAFT, Status.PUBLISHED}),
        Status.PUBLISHED: frozenset({Status.UNPUBLISHED}),
        Status.UNPUBLISHED: frozenset({Status.DRAFT, Status.PUBLISHED}),
    }

    # The first path segment of a post's public URL, per kind.
    URL_PREFIX: ClassVar[dict[str, str]] = {
        Kind.ARTICLE: "beitrag",
        Kind.SNAPSHOT: "schnappschuss",
        Kind.GALLERY: "bildergalerie",
        Kind.EVENT: "veranstaltung",
    }

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    kicker = models.CharField(_("kicker"), max_length=80, blank=True)
    # May stay empty while a draft is being written; publishing requires it.
    headline = models.CharField(_("headline"), max_length=160, blank=True)
    slug = models.SlugField(_("slug"), max_length=180)
    teaser = models.TextField(_("teaser"), max_length=400, blank=True)
    body = models.TextField(_("text"), blank=True)
    author = models.ForeignKey(
        "accounts.Profile",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="posts",
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="posts",
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    sponsored = models.BooleanField(_("sponsored (Anzeige)"), default=False)
    sponsor = models.ForeignKey(
        "accounts.Profile",
        verbose_name=_("sponsor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sponsored_posts",
    )
    # Kept by the image services so that lists need no extra query per teaser.
    lead_image = models.ForeignKey(
        "images.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    image_count = models.PositiveIntegerField(default=0, editable=False)
    read_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Set when a published post's text is edited, shown as "updated" to readers.
    edited_at = models.DateTimeField(_("last edited"), null=True, blank=True)
    # Soft delete: the post disappears at once, its pictures after a grace period.
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)
    # Who created the post (an organisation's posts are written by its members).
    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # Increased by every edit; an edit based on an older version is refused as stale.
    version = models.PositiveIntegerField(default=1, editable=False)
    # A random token from the "new post" form, so that a double submit makes one draft only.
    client_token = models.CharField(max_length=64, blank=True, editable=False)
    # The editors' note when a submitted post was sent back to its author.
    review_note = models.TextField(_("note from the editors"), blank=True)
    # How many embeds (videos, maps, cards …) the post shows below its text, kept by the embeds
    # services, so that the page of a post without any asks nothing more.
    embed_count = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(
                fields=["-published_at", "-id"],
                name="post_published_idx",
                condition=models.Q(status="published"),
            ),
            models.Index(
                fields=["place", "-published_at", "-id"],
                name="post_place_published_idx",
                condition=models.Q(status="published"),
            ),
            models.Index(
                fields=["topic", "-published_at", "-id"],
                name="post_topic_published_idx",
                condition=models.Q(status="published"),
            ),
            models.Index(
                fields=["author", "-published_at", "-id"],
                name="post_author_published_idx",
                condition=models.Q(status="published"),
            ),
            models.Index(
                fields=["-read_count"],
                name="post_read_count_idx",
                condition=models.Q(status="published"),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "client_token"],
                condition=~models.Q(client_token=""),
                name="post_client_token_unique",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="post_published_has_date",
                violation_error_message=_("A published post needs a publication date."),
            ),
            models.CheckConstraint(
                condition=models.Q(sponsored=False) | models.Q(sponsor__isnull=False),
                name="post_sponsored_has_sponsor",
                violation_error_message=_("A sponsored post must name its sponsor."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["article", "snapshot", "gallery", "event"]),
                name="post_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "pending", "published", "unpublished"]),
                name="post_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse(
            "content:post",
            kwargs={"prefix": self.URL_PREFIX[self.kind], "slug": self.slug, "pk": self.pk},
        )

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.status]


class EventDetails(models.Model):
    """When and where an event post takes place."""

    post = models.OneToOneField(
        Post, on_delete=models.CASCADE, related_name="event", primary_key=True
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    venue = models.CharField(_("venue"), max_length=160, blank=True)
    address = models.CharField(_("address"), max_length=240, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    online_url = models.URLField(_("online link (video conference)"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=160, blank=True)
    price = models.CharField(_("price"), max_length=120, blank=True)
    ticket_url = models.URLField(_("ticket link"), blank=True)

    class Meta:
        verbose_name = _("event details")
        verbose_name_plural = _("event details")
        indexes = [models.Index(fields=["starts_at"], name="event_starts_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=(models.Q(latitude__isnull=True) & models.Q(longitude__isnull=True))
                | (
                    models.Q(latitude__gte=-90, latitude__lte=90)
                    & models.Q(longitude__gte=-180, longitude__lte=180)
                ),
                name="event_point_valid",
                violation_error_message=_("The map point needs a valid latitude and longitude."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.post} ({self.starts_at:%Y-%m-%d})"


class Revision(models.Model):
    """One entry of a post's change history: who did what, when, and which fields changed."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        EDITED = "edited", _("edited")
        SUBMITTED = "submitted", _("submitted for approval")
        APPROVED = "approved", _("approved")
        SENT_BACK = "sent_back", _("sent back")
        PUBLISHED = "published", _("published")
        UNPUBLISHED = "unpublished", _("unpublished")
        PICTURE_ADDED = "picture_added", _("picture added")
        PICTURE_REMOVED = "picture_removed", _("picture removed")
        DELETED = "deleted", _("deleted")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    # {"field": [old, new], …} for edits; a note for approvals and send-backs.
    changes = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["post", "-at"], name="revision_post_idx")]

    def __str__(self) -> str:
        return f"{self.post_id} {self.action} {self.at:%Y-%m-%d %H:%M}"


class Autosave(models.Model):
    """The last unsaved state of the composer for a post, kept on the server.

    Written every few seconds while someone writes, so that a closed tab or an expired session
    loses nothing; the post itself changes only when the writer saves.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="autosaves")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict)
    base_version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="autosave_unique"),
        ]

    def __str__(self) -> str:
        return f"autosave {self.post_id}/{self.user_id}"

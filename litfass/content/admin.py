"""The editors' back office. Lifecycle moves go through the services, never around them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from litfass.content.models import EventDetails, Post, Topic
from litfass.content.services import publish_post, unpublish_post
from litfass.core import pagecache
from litfass.images.models import Image
from litfass.richtext import sanitize


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin[Topic]):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request: HttpRequest, obj: Topic, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # The topic menu and topic pages are cached; a changed topic must show at once.
        cache.delete("litfass:nav-topics")
        transaction.on_commit(pagecache.bump_generation)


class EventInline(admin.StackedInline[EventDetails, Post]):
    model = EventDetails
    extra = 0
    max_num = 1


class ImageInline(admin.TabularInline[Image, Post]):
    model = Image
    extra = 0
    fields = ["file", "caption", "credit", "alt_text", "position"]
    readonly_fields = ["file"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # New pictures go through the upload pipeline (metadata removal, renditions).
        return False


def _move(
    modeladmin: admin.ModelAdmin[Post], request: HttpRequest, queryset: QuerySet[Post], service: Any
) -> None:
    done = 0
    for post in queryset:
        try:
            with transaction.atomic():
                service(post=post)
            done += 1
        except ValidationError as error:
            modeladmin.message_user(request, f"{post}: {' '.join(error.messages)}", messages.ERROR)
    if done:
        modeladmin.message_user(
            request, ngettext("%(n)d post changed.", "%(n)d posts changed.", done) % {"n": done}
        )


@admin.action(description=_("Publish selected posts"))
def publish_selected(
    modeladmin: admin.ModelAdmin[Post], request: HttpRequest, queryset: QuerySet[Post]
) -> None:
    _move(modeladmin, request, queryset, publish_post)


@admin.action(description=_("Unpublish selected posts"))
def unpublish_selected(
    modeladmin: admin.ModelAdmin[Post], request: HttpRequest, queryset: QuerySet[Post]
) -> None:
    _move(modeladmin, request, queryset, unpublish_post)


@admin.register(Post)
class PostAdmin(admin.ModelAdmin[Post]):
    list_display = ["headline", "kind", "status", "author", "place", "topic", "published_at"]
    list_filter = ["status", "kind", "sponsored", "topic"]
    search_fields = ["headline", "kicker", "author__display_name"]
    list_select_related = ["author", "place", "topic"]
    autocomplete_fields = ["author", "place", "sponsor"]
    readonly_fields = ["status", "published_at", "image_count", "read_count"]
    fields = [
        "kind",
        "kicker",
        "headline",
        "slug",
        "teaser",
        "body",
        "author",
        "place",
        "topic",
        "sponsored",
        "sponsor",
        "status",
        "published_at",
        "image_count",
        "read_count",
    ]
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [EventInline, ImageInline]
    actions = [publish_selected, unpublish_selected]

    def save_model(self, request: HttpRequest, obj: Post, form: Any, change: bool) -> None:
        obj.body = sanitize(obj.body)
        super().save_model(request, obj, form, change)
        transaction.on_commit(pagecache.bump_generation)

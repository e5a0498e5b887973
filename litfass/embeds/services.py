"""Every write of the embeds app, and the permission rule for code."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from litfass.accounts.models import Profile, User
from litfass.content.models import Post, Revision
from litfass.content.services import can_act_for
from litfass.content.services.common import check_author, record
from litfass.core import pagecache
from litfass.embeds import code, internal
from litfass.embeds.conf import code_origin
from litfass.embeds.models import (
    MAX_EMBEDS_PER_POST,
    MAX_HEIGHT,
    MIN_HEIGHT,
    CodeSnippet,
    PostEmbed,
)
from litfass.embeds.parser import parse_embed_url
from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal

MAX_CODE_CHARACTERS = 100_000


def may_embed_code(user: User | None, profile: Profile) -> bool:
    """Code is for trusted profiles: those an editor marked (``code_trusted``), the editorial
    team's, and any profile when an editor writes for it.

    It runs isolated on another origin, but it is still shown to readers under our name.
    """
    if user is None or not can_act_for(user, profile):
        return False
    return user.is_staff or profile.kind == Profile.Kind.EDITORIAL or profile.code_trusted


def check_embed_allowed(ref: EmbedRef, *, by: User | None, profile: Profile) -> None:
    """Raise EmbedRefused if ``by`` may not put ``ref`` into a post of ``profile``.

    The composer calls this after :func:`~litfass.embeds.parser.parse_embed_url` for every
    embed it saves, because a pasted snippet link must not let an untrusted writer embed code.
    """
    if ref.kind == EmbedKind.CODE and not may_embed_code(by, profile):
        raise EmbedRefused(Refusal.CODE_NOT_TRUSTED)


@transaction.atomic
def create_code_snippet(
    *, profile: Profile, by: User, title: str, html: str, height: int = 480
) -> CodeSnippet:
    """Store a code snippet for ``profile``; PermissionDenied unless ``by`` is trusted.

    The code is kept exactly as written (it is meant to be arbitrary); what makes it safe is
    where and how it is served, see :mod:`litfass.embeds.code`.
    """
    if not may_embed_code(by, profile):
        raise PermissionDenied(_("Only trusted profiles may embed code."))
    if not code_origin():
        raise ValidationError(_("Embedded code is not enabled on this site."))
    errors: dict[str, str] = {}
    title = title.strip()
    if not title:
        errors["title"] = _("Please give the embedded code a title.")
    elif len(title) > 120:
        errors["title"] = _("The title may have at most 120 characters.")
    if not html.strip():
        errors["html"] = _("Please paste the code to embed.")
    elif len(html) > MAX_CODE_CHARACTERS or "\x00" in html:
        errors["html"] = _("The code may have at most 100,000 characters.")
    if not MIN_HEIGHT <= height <= MAX_HEIGHT:
        errors["height"] = _("The height must be between 100 and 2000 pixels.")
    if errors:
        raise ValidationError(errors)
    return CodeSnippet.objects.create(
        profile=profile, created_by=by, title=title, html=html, height=height
    )


def code_ref(snippet: CodeSnippet) -> EmbedRef:
    """The reference the composer stores for a snippet it has just created."""
    return EmbedRef(
        provider=code.PROVIDER,
        kind=EmbedKind.CODE,
        id=str(snippet.pk),
        url=code.snippet_url(snippet.pk),
    )


def parse_for_dialog(url: str, dialog: EmbedKind) -> EmbedRef:
    """The reference for a link pasted into ``dialog``; EmbedRefused with the reason otherwise.

    The event dialog also takes a photo gallery (an event's pictures are often one).
    """
    if dialog == EmbedKind.EVENT:
        try:
            ref = parse_embed_url(url)
        except EmbedRefused:
            pass  # refused again below, with the event dialog's own reason
        else:
            gallery = Post.URL_PREFIX[Post.Kind.GALLERY]
            if ref.provider == internal.PROVIDER and ref.options.get("prefix") == gallery:
                return ref
    return parse_embed_url(url, kind=dialog)


def _changed(post: Post) -> None:
    # Like pictures, embeds leave the text's version alone: a writer's unsaved text stays
    # current after adding one. The page's Last-Modified moves on.
    Post.objects.filter(pk=post.pk).update(updated_at=timezone.now())
    if post.status == Post.Status.PUBLISHED:
        transaction.on_commit(pagecache.bump_generation)


def _lock(post: Post) -> None:
    """Serialise the embed writes of one post (positions, the limit, the count)."""
    Post.objects.select_for_update().filter(pk=post.pk).values_list("pk").first()


def _recount(post: Post) -> None:
    count = PostEmbed.objects.filter(post=post).count()
    Post.objects.filter(pk=post.pk).update(embed_count=count)


def _store(post: Post, ref: EmbedRef, by: User | None) -> PostEmbed:
    _lock(post)
    embeds = PostEmbed.objects.filter(post=post)
    if embeds.count() >= MAX_EMBEDS_PER_POST:
        raise ValidationError(
            _("A post can have at most %(count)d embeds.") % {"count": MAX_EMBEDS_PER_POST}
        )
    last = embeds.aggregate(last=models.Max("position"))["last"]
    embed = PostEmbed.objects.create(
        post=post,
        position=0 if last is None else last + 1,
        kind=ref.kind.value,
        url=ref.url,
        created_by=by,
    )
    record(post, Revision.Action.EDITED, by, {"embeds": ["", ref.url]})
    _recount(post)
    _changed(post)
    return embed


def add_embed(*, post: Post, by: User | None, url: str, dialog: EmbedKind) -> PostEmbed:
    """Add the link ``url`` pasted into ``dialog`` to ``post``, below its text.

    Raises EmbedRefused (the reason, translated) for a link we do not embed, PermissionDenied
    for a writer who may not edit the post, ValidationError when the post has enough embeds.
    What is stored is the canonical link built from the parsed reference.
    """
    check_author(by, post.author)
    ref = parse_for_dialog(url.strip(), dialog)
    check_embed_allowed(ref, by=by, profile=post.author)
    if ref.provider == internal.PROVIDER and ref.id == str(post.pk):
        raise ValidationError(_("A post cannot embed itself."))
    with transaction.atomic():
        return _store(post, ref, by)


def add_code_embed(*, post: Post, by: User, title: str, html: str, height: int = 480) -> PostEmbed:
    """Store a code snippet for the post's profile and embed it; all or nothing."""
    check_author(by, post.author)
    with transaction.atomic():
        snippet = create_code_snippet(
            profile=post.author, by=by, title=title, html=html, height=height
        )
        return _store(post, code_ref(snippet), by)


@transaction.atomic
def move_embed(*, embed: PostEmbed, by: User | None, offset: int) -> None:
    """Move an embed up (-1) or down (+1) among the embeds of its post."""
    post = embed.post
    check_author(by, post.author)
    _lock(post)
    embeds = list(PostEmbed.objects.filter(post=post))
    index = next((i for i, item in enumerate(embeds) if item.pk == embed.pk), None)
    if index is None:
        return  # removed meanwhile
    target = index + offset
    if not 0 <= target < len(embeds):
        return
    embeds[index], embeds[target] = embeds[target], embeds[index]
    for position, item in enumerate(embeds):
        if item.position != position:
            PostEmbed.objects.filter(pk=item.pk).update(position=position)
    _changed(post)


@transaction.atomic
def remove_embed(*, embed: PostEmbed, by: User | None) -> None:
    """Remove an embed from its post (a code snippet stays stored for the change history,
    but is served no longer unless a published post still embeds it)."""
    post = embed.post
    check_author(by, post.author)
    _lock(post)
    PostEmbed.objects.filter(pk=embed.pk).delete()
    record(post, Revision.Action.EDITED, by, {"embeds": [embed.url, ""]})
    _recount(post)
    _changed(post)

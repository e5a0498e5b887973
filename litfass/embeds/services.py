"""Every write of the embeds app, and the permission rule for code."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from litfass.accounts.models import Profile, User
from litfass.content.services import can_act_for
from litfass.embeds import code
from litfass.embeds.conf import code_origin
from litfass.embeds.models import MAX_HEIGHT, MIN_HEIGHT, CodeSnippet
from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal

MAX_CODE_CHARACTERS = 100_000


def may_embed_code(user: User | None, profile: Profile) -> bool:
    """Code is for trusted profiles: the editorial team's members, and staff for any profile.

    It runs isolated on another origin, but it is still shown to readers under our name.
    """
    if user is None or not can_act_for(user, profile):
        return False
    return user.is_staff or profile.kind == Profile.Kind.EDITORIAL


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

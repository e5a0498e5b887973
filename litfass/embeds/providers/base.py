"""The small base class every third-party provider implements.

A provider knows its exact host names, turns a link on those hosts into an
:class:`~litfass.embeds.refs.EmbedRef` (or refuses it with a reason), and builds the player
address from a reference. Rendering is the same privacy placeholder for all of them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar
from urllib.parse import SplitResult

from django.utils.safestring import SafeString

from litfass.embeds.conf import Source
from litfass.embeds.placeholder import render_placeholder
from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Option, Refusal


class Provider(ABC):
    #: Stored in references and used for CSS classes: lower-case, never changes.
    slug: ClassVar[str]
    #: The brand as readers know it (not translated).
    name: ClassVar[str]
    kind: ClassVar[EmbedKind]
    #: Exact host names; no suffix matching, so youtube.com.evil.org is nobody's.
    hosts: ClassVar[frozenset[str]] = frozenset()
    privacy_policy_url: ClassVar[str]
    #: Origins the player iframes load from, for the CSP frame-src.
    frame_origins: ClassVar[tuple[str, ...]] = ()
    #: The frame's proportions in CSS (embeds.css): wide, portrait, map or post.
    shape: ClassVar[str] = "wide"

    def handles(self, host: str) -> bool:
        return host in self.hosts

    def origins(self, source: Source = None) -> tuple[str, ...]:
        return self.frame_origins

    @abstractmethod
    def parse(self, url: SplitResult) -> EmbedRef:
        """The reference for a link on one of ``hosts``; EmbedRefused if it is not embeddable.

        ``url`` has passed :func:`~litfass.embeds.urlcheck.check_url` (https, a plain host).
        """
        ...

    @abstractmethod
    def player_src(self, ref: EmbedRef) -> str:
        """The iframe address for ``ref``, on one of ``frame_origins``."""
        ...

    def display_name(self, ref: EmbedRef) -> str:
        return self.name

    def privacy_url(self, ref: EmbedRef) -> str:
        return self.privacy_policy_url

    def consent_key(self, ref: EmbedRef) -> str:
        """What "always load" is remembered for in the reader's browser."""
        return self.slug

    def frame_shape(self, ref: EmbedRef) -> str:
        return self.shape

    def render(self, ref: EmbedRef) -> SafeString:
        """The privacy placeholder; nothing loads from the provider until the reader asks."""
        return render_placeholder(
            kind=self.kind,
            slug=self.slug,
            name=self.display_name(ref),
            consent_key=self.consent_key(ref),
            privacy_url=self.privacy_url(ref),
            player_src=self.player_src(ref),
            shape=self.frame_shape(ref),
            link=ref.url,
        )

    def make_ref(self, id: str, url: str, **options: Option | None) -> EmbedRef:
        """A reference of this provider; options that are None are left out."""
        kept = {key: value for key, value in options.items() if value is not None}
        return EmbedRef(provider=self.slug, kind=self.kind, id=id, url=url, options=kept)

    def refuse_not_single(self) -> EmbedRefused:
        """The fallback refusal for a link on our hosts that is not one item of our kind."""
        fallback = {
            EmbedKind.VIDEO: Refusal.NOT_VIDEO,
            EmbedKind.MAP: Refusal.NOT_MAP,
            EmbedKind.SOCIAL: Refusal.NOT_POST,
        }
        return EmbedRefused(fallback.get(self.kind, Refusal.UNSUPPORTED), names=self.name)

"""The privacy placeholder every third-party embed renders as until the reader asks for it.

The placeholder loads nothing from the provider: it names the provider, links its privacy
policy and the original post or video, and carries the player address (built by our provider
class from the reference) in a data attribute for ``consent.js``. Without JavaScript it stays a
notice with a normal link, which is a fine way to read an article.
"""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from litfass.embeds.refs import KIND_NAMES, EmbedKind


def display_link(url: str) -> str:
    """The link as people read it: without ``https://`` and ``www.``."""
    text = url.removeprefix("https://").removeprefix("http://")
    return text.removeprefix("www.")


def render_placeholder(
    *,
    kind: EmbedKind,
    slug: str,
    name: str,
    consent_key: str,
    privacy_url: str,
    player_src: str,
    shape: str,
    link: str,
) -> SafeString:
    """The ``<figure>`` for one external embed; ``player_src`` must come from a provider."""
    kind_name = KIND_NAMES[kind]
    return format_html(
        '<figure class="embed embed--{kind} embed--{slug}" data-embed-src="{src}" '
        'data-embed-shape="{shape}" data-embed-title="{title}" data-embed-consent-key="{key}" '
        'data-embed-name="{name}" data-embed-revoke-label="{revoke}" '
        'data-embed-revoked-label="{revoked}">'
        '<div class="embed__consent">'
        '<p class="embed__provider">{kind_name}: {name}</p>'
        '<p class="embed__notice">{notice} '
        '<a class="embed__privacy" href="{privacy_url}" rel="noopener noreferrer">{privacy}</a>'
        "</p>"
        '<div class="embed__actions" hidden>'
        '<button type="button" class="embed__load">{load}</button>'
        '<label class="embed__always"><input type="checkbox"> {always}</label>'
        "</div>"
        "</div>"
        '<figcaption class="embed__link">{original} '
        '<a href="{link}" rel="noopener noreferrer nofollow">{link_text}</a></figcaption>'
        "</figure>",
        kind=kind.value,
        slug=slug,
        src=player_src,
        shape=shape,
        title=_("%(kind)s from %(provider)s") % {"kind": kind_name, "provider": name},
        key=consent_key,
        name=name,
        revoke=_("Stop loading content from %(provider)s automatically") % {"provider": name},
        revoked=_("Content from %(provider)s will no longer load automatically.")
        % {"provider": name},
        kind_name=kind_name,
        notice=_(
            "This content comes from %(provider)s. It loads only when you ask for it; "
            "%(provider)s then receives your IP address and may store data in your browser."
        )
        % {"provider": name},
        privacy_url=privacy_url,
        privacy=_("Privacy policy of %(provider)s") % {"provider": name},
        load=_("Load content"),
        always=_("Always load content from %(provider)s") % {"provider": name},
        original=_("Original link:"),
        link=link,
        link_text=display_link(link),
    )

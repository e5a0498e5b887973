"""Embeds: videos, maps, social posts, code snippets and cards of our own posts.

A pasted link is parsed offline into an :class:`~litfass.embeds.refs.EmbedRef` by
:func:`~litfass.embeds.parser.parse_embed_url`; all markup is built by us from that reference.
Nothing from a third party loads before the reader asks for it (``static/embeds/consent.js``).
"""

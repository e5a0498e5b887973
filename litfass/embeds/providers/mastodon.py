"""Mastodon: single posts on the servers in LITFASS_MASTODON_INSTANCES.

Any server can run Mastodon, so we cannot tell a Mastodon link by its host; the operator names
the servers whose posts may be embedded, and each one is a frame origin of its own.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult

from litfass.embeds.conf import Source, mastodon_instances
from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import segments

from .base import Provider

STATUS_ID = re.compile(r"\d{1,20}")
ACCOUNT = re.compile(r"@([A-Za-z0-9_]{1,30})")
REMOTE_ACCOUNT = re.compile(r"@[A-Za-z0-9_]{1,30}@[A-Za-z0-9.-]{1,253}")


class Mastodon(Provider):
    slug = "mastodon"
    name = "Mastodon"
    kind = EmbedKind.SOCIAL
    privacy_policy_url = ""
    shape = "post"

    def handles(self, host: str) -> bool:
        return host in mastodon_instances()

    def origins(self, source: Source = None) -> tuple[str, ...]:
        return tuple(f"https://{host}" for host in mastodon_instances(source))

    def parse(self, url: SplitResult) -> EmbedRef:
        parts = segments(url)
        if parts and parts[-1] == "embed":
            parts = parts[:-1]
        if parts[:1] == ["tags"]:
            raise EmbedRefused(Refusal.HASHTAG)
        if len(parts) == 4 and parts[0] == "users" and parts[2] == "statuses":
            # The ActivityPub address of a post: /users/<name>/statuses/<id>.
            return self._post(url.netloc, parts[1], parts[3])
        if parts and REMOTE_ACCOUNT.fullmatch(parts[0]):
            if len(parts) == 2 and STATUS_ID.fullmatch(parts[1]):
                # A post from another server, as this server shows it; its embed would not be
                # this server's to give.
                raise EmbedRefused(Refusal.REMOTE_POST)
            raise EmbedRefused(Refusal.PROFILE)
        match = ACCOUNT.fullmatch(parts[0]) if parts else None
        if match:
            if len(parts) == 2 and STATUS_ID.fullmatch(parts[1]):
                return self._post(url.netloc, match.group(1), parts[1])
            if len(parts) <= 2:
                raise EmbedRefused(Refusal.PROFILE)
        raise self.refuse_not_single()

    def _post(self, instance: str, account: str, status: str) -> EmbedRef:
        if not STATUS_ID.fullmatch(status) or not ACCOUNT.fullmatch("@" + account):
            raise self.refuse_not_single()
        url = f"https://{instance}/@{account}/{status}"
        return self.make_ref(status, url, instance=instance, account=account)

    def player_src(self, ref: EmbedRef) -> str:
        return f"https://{ref.options['instance']}/@{ref.options['account']}/{ref.id}/embed"

    def display_name(self, ref: EmbedRef) -> str:
        return f"Mastodon ({ref.options['instance']})"

    def privacy_url(self, ref: EmbedRef) -> str:
        # Each server is its own operator with its own policy, at this path since Mastodon 4.
        return f"https://{ref.options['instance']}/privacy-policy"

    def consent_key(self, ref: EmbedRef) -> str:
        return f"mastodon:{ref.options['instance']}"

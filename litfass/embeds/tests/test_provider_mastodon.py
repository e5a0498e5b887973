from __future__ import annotations

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.mastodon import Mastodon
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

ACCEPTED = [
    (
        "https://chaos.social/@stadtkl/112233445566778899",
        "112233445566778899",
        {"instance": "chaos.social", "account": "stadtkl"},
    ),
    (
        "https://mastodon.social/@someone/112233445566778899",
        "112233445566778899",
        {"instance": "mastodon.social", "account": "someone"},
    ),
    (
        "https://social.bund.de/@BMI/112233445566778899/embed",
        "112233445566778899",
        {"instance": "social.bund.de", "account": "BMI"},
    ),
    (
        "https://norden.social/users/someone/statuses/112233445566778899",
        "112233445566778899",
        {"instance": "norden.social", "account": "someone"},
    ),
]

REFUSED = [
    ("https://chaos.social/@stadtkl", Refusal.PROFILE),
    ("https://chaos.social/@stadtkl/with_replies", Refusal.PROFILE),
    ("https://chaos.social/@someone@mastodon.online/112233445566778899", Refusal.REMOTE_POST),
    ("https://chaos.social/tags/kaiserslautern", Refusal.HASHTAG),
    ("https://chaos.social/explore", Refusal.NOT_POST),
    ("https://mastodon.online/@someone/112233445566778899", Refusal.UNSUPPORTED),
    ("https://chaos.social.evil.org/@someone/112233445566778899", Refusal.UNSUPPORTED),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_mastodon_accepts_posts_on_listed_servers(url, ref_id, options):
    accepted(url, "mastodon", EmbedKind.SOCIAL, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_mastodon_refuses_profiles_and_unlisted_servers(url, code):
    refused(url, code)


def test_the_server_list_is_a_setting(settings):
    settings.LITFASS_MASTODON_INSTANCES = ["mastodon.online"]
    accepted(
        "https://mastodon.online/@someone/1122",
        "mastodon",
        EmbedKind.SOCIAL,
        "1122",
        {"instance": "mastodon.online", "account": "someone"},
    )
    refused("https://chaos.social/@someone/1122", Refusal.UNSUPPORTED)


def test_each_server_is_named_with_its_own_privacy_policy():
    ref = parse_embed_url("https://chaos.social/@stadtkl/1122")
    provider = Mastodon()
    assert provider.player_src(ref) == "https://chaos.social/@stadtkl/1122/embed"
    assert provider.display_name(ref) == "Mastodon (chaos.social)"
    assert provider.privacy_url(ref) == "https://chaos.social/privacy-policy"
    assert provider.consent_key(ref) == "mastodon:chaos.social"

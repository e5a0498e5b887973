"""The checks before any provider: scheme, host, redirects, short links, dialogs."""

from __future__ import annotations

import pytest
from django.utils import translation

from litfass.embeds.parser import parse_embed_url, supported_names
from litfass.embeds.refs import MESSAGES, EmbedKind, EmbedRefused, Refusal
from litfass.embeds.urlcheck import MAX_URL_LENGTH

from .helpers import refused
from .test_providers import SAMPLES

V = "dQw4w9WgXcQ"
WATCH = f"/watch?v={V}"

REFUSED = [
    ("", Refusal.EMPTY),
    ("   ", Refusal.EMPTY),
    (f"http://www.youtube.com{WATCH}", Refusal.INSECURE),
    (f"HTTP://www.youtube.com{WATCH}", Refusal.INSECURE),
    (f"//www.youtube.com{WATCH}", Refusal.NOT_WEB),
    (f"www.youtube.com{WATCH}", Refusal.NOT_WEB),
    ("javascript:alert(document.cookie)", Refusal.NOT_WEB),
    ("JavaScript://www.youtube.com/%0Aalert(1)", Refusal.NOT_WEB),
    ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", Refusal.NOT_WEB),
    ("vbscript:msgbox(1)", Refusal.NOT_WEB),
    (f"ftp://www.youtube.com{WATCH}", Refusal.NOT_WEB),
    ("file:///etc/passwd", Refusal.NOT_WEB),
    (f"https:www.youtube.com{WATCH}", Refusal.NOT_WEB),
    (f"https:///watch?v={V}", Refusal.BAD_HOST),
    (f"https://user:secret@www.youtube.com{WATCH}", Refusal.USERINFO),
    (f"https://www.youtube.com@evil.org{WATCH}", Refusal.USERINFO),
    (f"https://www.youtube.com:443{WATCH}", Refusal.PORT),
    (f"https://www.youtube.com:8080{WATCH}", Refusal.PORT),
    (f"https://www.youtube.com.{WATCH}", Refusal.TRAILING_DOT),
    (f"https://142.250.185.78{WATCH}", Refusal.IP),
    (f"https://2398795342{WATCH}", Refusal.IP),
    (f"https://0x8e.0xfa.0xb9.0x4e{WATCH}", Refusal.IP),
    (f"https://[2a00:1450:4001:82f::200e]{WATCH}", Refusal.IP),
    (f"https://www.y\u043eutube.com{WATCH}", Refusal.INTERNATIONAL),  # Cyrillic o
    (f"https://xn--yutube-wqf.com{WATCH}", Refusal.INTERNATIONAL),
    (f"https://www.xn--youtube-9za.com{WATCH}", Refusal.INTERNATIONAL),
    (f"https://www.you_tube.com{WATCH}", Refusal.BAD_HOST),
    (f"https://www.%79outube.com{WATCH}", Refusal.BAD_HOST),
    (f"https://www.youtube.com\\@evil.org{WATCH}", Refusal.BACKSLASH),
    (f"https://evil.org\\www.youtube.com{WATCH}", Refusal.BACKSLASH),
    (f"https://www.you\ntube.com{WATCH}", Refusal.INVISIBLE),
    (f"https://www.youtube.com/wat\tch?v={V}", Refusal.INVISIBLE),
    (f"https://www.youtube.com/watch ?v={V}", Refusal.INVISIBLE),
    (f"https://www.youtube.com\u200b{WATCH}", Refusal.INVISIBLE),
    (f"https://www.youtube.com{WATCH}\u202e", Refusal.INVISIBLE),
    (f"https://www.youtube.com{WATCH}\x00", Refusal.INVISIBLE),
    (f"https://youtube.com.evil.org{WATCH}", Refusal.UNSUPPORTED),
    (f"https://evil-youtube.com{WATCH}", Refusal.UNSUPPORTED),
    (f"https://youtube.co{WATCH}", Refusal.UNSUPPORTED),
    (f"https://www.youtube.com.de{WATCH}", Refusal.UNSUPPORTED),
    (f"https://wwwyoutube.com{WATCH}", Refusal.UNSUPPORTED),
    (f"https://music.youtube.com{WATCH}", Refusal.UNSUPPORTED),
    ("https://example.org/some/video", Refusal.UNSUPPORTED),
    ("https://out.reddit.com/t3_abc?url=https%3A%2F%2Fevil.org", Refusal.REDIRECT),
    ("https://href.li/?https://evil.org", Refusal.REDIRECT),
    ("https://bit.ly/3abcDEF", Refusal.SHORT_LINK),
    ("https://tinyurl.com/abc123", Refusal.SHORT_LINK),
    ("https://www.youtube.com/watch?v=" + "a" * MAX_URL_LENGTH, Refusal.TOO_LONG),
]


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_unsafe_or_foreign_links_are_refused_before_any_provider(url, code):
    refused(url, code)


def test_a_link_just_within_the_length_limit_is_judged_on_its_merits():
    url = f"https://www.youtube.com/watch?v={V}&x="
    url += "a" * (MAX_URL_LENGTH - len(url))
    assert len(url) == MAX_URL_LENGTH
    assert parse_embed_url(url).id == V


@pytest.mark.parametrize(
    ("url", "dialog", "found", "dialog_name"),
    [
        ("https://www.openstreetmap.org/#map=15/49.4/7.7", "video", "a map", "Video"),
        (f"https://youtu.be/{V}", "map", "a video", "Map"),
        (
            "https://x.com/StadtKL/status/1790000000000000000",
            "video",
            "a social media post",
            "Video",
        ),
        (
            "https://litfass.example/beitrag/radweg-3/",
            "social",
            "a post on this site",
            "Social media post",
        ),
        ("https://litfass.example/veranstaltung/fest-4/", "post", "an event on this site", "Post"),
    ],
)
def test_a_link_in_the_wrong_dialog_names_the_right_one(url, dialog, found, dialog_name):
    error = refused(url, Refusal.WRONG_DIALOG, dialog=dialog)
    with translation.override("en"):
        assert error.reason == f"This is a link to {found} — please use the “{dialog_name}” dialog."


def test_the_right_dialog_accepts_the_link():
    assert parse_embed_url(f"https://youtu.be/{V}", kind="video").kind == EmbedKind.VIDEO
    assert parse_embed_url("https://litfass.example/schnappschuss/x-1/", kind="snapshot").id == "1"


def test_an_unknown_dialog_is_a_programming_error():
    with pytest.raises(ValueError, match="podcast"):
        parse_embed_url(f"https://youtu.be/{V}", kind="podcast")


def test_unsupported_names_the_providers_of_the_dialog():
    error = refused("https://www.ardmediathek.de/video/abc", Refusal.UNSUPPORTED, dialog="video")
    with translation.override("en"):
        assert error.reason == (
            "This provider is not supported; supported are YouTube, Vimeo, Dailymotion, Twitch."
        )
    assert "Mastodon (mastodon.social, chaos.social, social.bund.de, norden.social)" in (
        supported_names(EmbedKind.SOCIAL)
    )


def test_own_dialogs_and_the_code_dialog_refuse_foreign_links_in_their_own_words():
    refused("https://example.org/beitrag/x-1/", Refusal.NOT_THIS_SITE, dialog="post")
    refused("https://example.org/code/1/", Refusal.NOT_CODE, dialog="code")


def test_a_switched_off_provider_is_not_supported(settings):
    settings.LITFASS_EMBED_PROVIDERS = ["vimeo", "openstreetmap"]
    refused(f"https://youtu.be/{V}", Refusal.UNSUPPORTED)
    assert parse_embed_url("https://vimeo.com/1").provider == "vimeo"
    assert supported_names() == "Vimeo, OpenStreetMap"


def test_short_link_refusal_names_the_short_link_and_asks_for_the_full_one():
    error = refused("https://vm.tiktok.com/ZMabcdef/", Refusal.SHORT_LINK)
    with translation.override("en"):
        assert error.reason == (
            "Please paste the full link; short links like vm.tiktok.com cannot be checked."
        )


def test_reasons_are_translated_when_read():
    error = EmbedRefused(Refusal.PLAYLIST)
    with translation.override("en"):
        assert str(error) == "This is a playlist — paste the link of a single video."
    assert set(MESSAGES) == set(Refusal), "every refusal needs a message"


def test_the_refusal_is_a_value_error_for_form_code():
    with pytest.raises(EmbedRefused) as excinfo:
        parse_embed_url("https://www.youtube.com/playlist?list=PL1")
    assert isinstance(excinfo.value, ValueError)
    assert excinfo.value.code == Refusal.PLAYLIST


def _mangled(url: str):
    for cut in range(len(url)):
        yield url[:cut]
        yield url[:cut] + url[cut + 1 :]
        yield url[:cut] + "%" + url[cut:]


def test_mangled_links_are_parsed_or_refused_never_crash():
    reasons: set[Refusal] = set()
    for sample in SAMPLES.values():
        for url in _mangled(sample):
            try:
                ref = parse_embed_url(url)
            except EmbedRefused as refusal:
                reasons.add(refusal.code)
            else:
                assert parse_embed_url(ref.url) == ref, url
    assert all(MESSAGES[code] for code in reasons)


def test_a_reference_as_a_dictionary():
    ref = parse_embed_url(f"https://youtu.be/{V}?t=5")
    assert ref.as_dict() == {
        "provider": "youtube",
        "kind": "video",
        "id": V,
        "url": f"https://www.youtube.com/watch?v={V}&t=5s",
        "options": {"start": 5},
    }

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.core.checks import Error, Warning

from litfass.embeds.checks import check_code_origin, check_frame_src
from litfass.embeds.conf import DEFAULT_MASTODON_INSTANCES
from litfass.embeds.origins import frame_src_origins

ALL_PROVIDER_ORIGINS = {
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://geo.dailymotion.com",
    "https://player.twitch.tv",
    "https://clips.twitch.tv",
    "https://www.openstreetmap.org",
    "https://www.google.com",
    "https://www.instagram.com",
    "https://platform.twitter.com",
    "https://www.facebook.com",
    "https://www.tiktok.com",
    "https://embed.bsky.app",
    *(f"https://{host}" for host in DEFAULT_MASTODON_INSTANCES),
}


def test_frame_src_is_exactly_the_providers_and_the_code_origin():
    assert frame_src_origins() == sorted(ALL_PROVIDER_ORIGINS | {"https://embed.example.org"})


def test_frame_src_follows_the_switched_on_providers_and_servers(settings):
    settings.LITFASS_EMBED_PROVIDERS = ["youtube", "mastodon"]
    settings.LITFASS_MASTODON_INSTANCES = ["chaos.social"]
    settings.LITFASS_CODE_EMBED_ORIGIN = ""
    assert frame_src_origins() == ["https://chaos.social", "https://www.youtube-nocookie.com"]
    settings.LITFASS_EMBED_PROVIDERS = []
    assert frame_src_origins() == []


def test_settings_module_passes_its_own_globals():
    source = {
        "LITFASS_EMBED_PROVIDERS": ["vimeo"],
        "LITFASS_CODE_EMBED_ORIGIN": "https://code.example.net/",
    }
    assert frame_src_origins(source) == ["https://code.example.net", "https://player.vimeo.com"]


def test_importing_the_origins_needs_no_configured_django():
    # settings.py imports this module while Django's settings are not ready yet.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    code = (
        "from litfass.embeds.origins import frame_src_origins;"
        "print(len(frame_src_origins({'LITFASS_MASTODON_INSTANCES': []})))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        env=env,
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "12"


def test_check_warns_when_the_csp_lacks_frame_origins(settings):
    settings.SECURE_CSP = {**settings.SECURE_CSP, "frame-src": ["'none'"]}
    [message] = check_frame_src()
    assert isinstance(message, Warning) and message.id == "embeds.W001"
    settings.SECURE_CSP = {**settings.SECURE_CSP, "frame-src": frame_src_origins()}
    assert check_frame_src() == []


def test_check_refuses_a_code_origin_on_the_sites_host(settings):
    assert check_code_origin() == []
    settings.LITFASS_CODE_EMBED_ORIGIN = "https://litfass.example:8443"
    assert [m.id for m in check_code_origin() if isinstance(m, Error)] == ["embeds.E001"]
    settings.LITFASS_CODE_EMBED_ORIGIN = "https://code.example.net"
    assert [m.id for m in check_code_origin()] == ["embeds.W002"]

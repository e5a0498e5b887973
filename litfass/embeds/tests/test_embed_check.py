"""What ``litfass embed-check`` reports, tested without the command (see test_command.py)."""

from __future__ import annotations

from litfass.embeds.check import check_url, check_urls

YT = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL1"
PLAYLIST = "https://www.youtube.com/playlist?list=PL1"


def test_accepted_link_reports_kind_provider_and_id():
    assert check_url(YT) == {
        "url": YT,
        "accepted": True,
        "kind": "video",
        "provider": "youtube",
        "id": "dQw4w9WgXcQ",
        "reason": None,
    }


def test_refused_link_reports_the_reason():
    result = check_url(PLAYLIST)
    assert result["accepted"] is False
    assert (result["kind"], result["provider"], result["id"]) == (None, None, None)
    assert result["reason"]


def test_the_dialog_can_be_given():
    [result] = check_urls([YT], kind="map")
    assert result["accepted"] is False

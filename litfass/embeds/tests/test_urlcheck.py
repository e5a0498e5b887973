from __future__ import annotations

import pytest

from litfass.embeds.refs import EmbedRefused, Refusal
from litfass.embeds.urlcheck import Query, check_url, clock, parse_seconds


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90", 90),
        ("90s", 90),
        ("1m30s", 90),
        ("1m30", 90),
        ("2m", 120),
        ("1h2m3s", 3723),
        ("1H", 3600),
        ("0", None),
        ("", None),
        (None, None),
        ("abc", None),
        ("-5", None),
        ("1.5", None),
        ("999h", None),
    ],
)
def test_start_times_are_read_leniently(text, seconds):
    assert parse_seconds(text) == seconds


@pytest.mark.parametrize(
    ("seconds", "text"), [(5, "5s"), (90, "1m30s"), (3600, "1h"), (3723, "1h2m3s")]
)
def test_clock_writes_start_times_as_providers_do(seconds, text):
    assert clock(seconds) == text
    assert parse_seconds(text) == seconds


def test_a_parameter_read_twice_is_refused_even_when_encoded():
    query = Query("v=a&%76=b&list=x&list=y")
    with pytest.raises(EmbedRefused) as excinfo:
        query.one("v")
    assert excinfo.value.code == Refusal.DUPLICATE
    assert query.has("list")
    assert Query("a=1").one("b") is None


def test_own_origins_may_use_http_and_a_port_but_only_exactly():
    trusted = ["http://localhost:8000"]
    assert check_url("http://localhost:8000/beitrag/x-1/", trusted_origins=trusted).netloc == (
        "localhost:8000"
    )
    for url, code in [
        ("http://localhost:8001/beitrag/x-1/", Refusal.INSECURE),
        ("https://localhost:8000/beitrag/x-1/", Refusal.PORT),
        ("http://localhost/beitrag/x-1/", Refusal.INSECURE),
    ]:
        with pytest.raises(EmbedRefused) as excinfo:
            check_url(url, trusted_origins=trusted)
        assert excinfo.value.code == code


def test_host_is_lower_case_after_the_check():
    assert check_url("https://WWW.YouTube.COM/watch?v=X").netloc == "www.youtube.com"


def test_non_text_is_refused_as_empty():
    with pytest.raises(EmbedRefused) as excinfo:
        check_url(None)  # type: ignore[arg-type]
    assert excinfo.value.code == Refusal.EMPTY

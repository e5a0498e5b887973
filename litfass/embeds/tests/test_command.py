"""``litfass embed-check URL …``: one JSON line per link; exit status 1 if any was refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.skipif(
    "litfass.embeds" not in settings.INSTALLED_APPS,
    reason="the embed-check command exists once litfass.embeds is in INSTALLED_APPS",
)

YT = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL1"
PLAYLIST = "https://www.youtube.com/playlist?list=PL1"


def test_command_prints_one_json_object_per_link_and_exits_1_on_refusal():
    out = StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("embed-check", YT, PLAYLIST, stdout=out)
    assert excinfo.value.returncode == 1
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["accepted"] for line in lines] == [True, False]
    assert [line["url"] for line in lines] == [YT, PLAYLIST]
    assert set(lines[0]) == {"url", "accepted", "kind", "provider", "id", "reason"}
    assert lines[1]["reason"]


def test_command_accepts_a_dialog_kind_and_exits_0_when_all_pass():
    out = StringIO()
    call_command("embed-check", YT, "--kind", "video", stdout=out)
    assert json.loads(out.getvalue())["id"] == "dQw4w9WgXcQ"


def test_litfass_embed_check_on_the_command_line():
    root = Path(__file__).resolve().parents[3]
    # pytest-django has put the settings module of this run into the environment.
    env = dict(os.environ)
    run = subprocess.run(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-m", "litfass.manage", "embed-check", YT, PLAYLIST],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert [json.loads(line)["accepted"] for line in run.stdout.splitlines()] == [True, False]

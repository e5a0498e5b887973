from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection


def test_the_configured_database_answers(db):
    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected


def test_the_configured_cache_round_trips():
    expected = "RedisCache" if os.environ.get("REDIS_URL") else "LocMemCache"
    assert type(caches["default"]).__name__ == expected
    cache.set("litfass:test", {"a": 1}, 10)
    assert cache.get("litfass:test") == {"a": 1}


def test_sqlite_runs_in_wal_mode(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


def _settings_in_subprocess(env: dict[str, str], expr: str) -> subprocess.CompletedProcess[str]:
    code = f"import litfass.settings as s; print({expr})"
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", code],
        env={"PATH": os.environ["PATH"], "LITFASS_DATA_DIR": str(settings.DATA_DIR), **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings_in_subprocess(
        {"LITFASS_ENV": "production", "ALLOWED_HOSTS": "example.org"}, "s.SECRET_KEY"
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_smtp_url_becomes_the_default_mailer():
    result = _settings_in_subprocess(
        {"EMAIL_URL": "smtp+tls://user:p%40ss@mail.example.org:2525"},
        "s.MAILERS['default']['OPTIONS']",
    )
    assert result.returncode == 0, result.stderr
    assert "'host': 'mail.example.org'" in result.stdout
    assert "'port': 2525" in result.stdout
    assert "'password': 'p@ss'" in result.stdout
    assert "'use_tls': True" in result.stdout


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "litfass.manage", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            "PATH": os.environ["PATH"],
            "LITFASS_ENV": "production",
            "LITFASS_DATA_DIR": str(tmp_path),
            "SECRET_KEY": "x" * 20 + "a-long-and-random-production-secret-key-0123456789",
            "ALLOWED_HOSTS": "example.org",
            "DJANGO_SETTINGS_MODULE": "litfass.settings",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout

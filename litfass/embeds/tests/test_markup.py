"""No inline script or style anywhere: the site's CSP allows neither."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template import Context, Engine

from litfass.embeds import code
from litfass.embeds.parser import parse_embed_url
from litfass.embeds.rendering import render_embed

APP = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((APP / "templates").rglob("*.html"))
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_have_no_inline_script_or_style(path):
    text = path.read_text()
    assert not INLINE_SCRIPT.search(text)
    assert not INLINE_STYLE.search(text)


def test_rendered_embeds_have_no_inline_script_or_style():
    html = str(render_embed(parse_embed_url("https://youtu.be/dQw4w9WgXcQ")))
    html += str(code.render_frame(1, title="Rechner", height=400))
    assert not INLINE_SCRIPT.search(html)
    assert not INLINE_STYLE.search(html)


def test_consent_script_keeps_choices_in_local_storage_and_never_in_a_cookie():
    script = (APP / "static" / "embeds" / "consent.js").read_text()
    assert "localStorage" in script
    assert "document.cookie" not in script
    assert "innerHTML" not in script, "markup is built with DOM methods, never from strings"
    assert "data-embed-src" in script and 'indexOf("https://") !== 0' in script
    assert "allow-same-origin" in script  # for the providers' own players, never for code
    assert (APP / "static" / "embeds" / "embeds.css").exists()


def test_assets_partial_loads_script_and_styles_from_our_origin():
    engine = Engine(
        dirs=[str(APP / "templates")], libraries={"static": "django.templatetags.static"}
    )
    html = engine.get_template("embeds/assets.html").render(Context())
    assert '<script src="/static/embeds/consent.js" defer></script>' in html
    assert 'href="/static/embeds/embeds.css"' in html

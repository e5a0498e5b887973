"""Who may embed code, and how a snippet is stored."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from litfass.embeds.models import CodeSnippet
from litfass.embeds.parser import parse_embed_url
from litfass.embeds.refs import EmbedRefused, Refusal
from litfass.embeds.services import (
    check_embed_allowed,
    code_ref,
    create_code_snippet,
    may_embed_code,
)

from .conftest import CODE_ORIGIN, requires_app


def test_code_is_for_the_editorial_team_and_staff(editor, reporter, org_member, moderator):
    assert may_embed_code(editor.user, editor.profile)
    assert may_embed_code(moderator.user, reporter.profile)
    assert not may_embed_code(reporter.user, reporter.profile)
    assert not may_embed_code(org_member.user, org_member.profile)
    assert not may_embed_code(reporter.user, editor.profile)
    assert not may_embed_code(None, editor.profile)


def test_a_pasted_snippet_link_does_not_let_others_embed_code(editor, reporter):
    ref = parse_embed_url(f"{CODE_ORIGIN}/code/5/")
    check_embed_allowed(ref, by=editor.user, profile=editor.profile)
    with pytest.raises(EmbedRefused) as excinfo:
        check_embed_allowed(ref, by=reporter.user, profile=reporter.profile)
    assert excinfo.value.code == Refusal.CODE_NOT_TRUSTED
    video = parse_embed_url("https://youtu.be/dQw4w9WgXcQ")
    check_embed_allowed(video, by=reporter.user, profile=reporter.profile)


def test_untrusted_writer_cannot_store_code(reporter):
    with pytest.raises(PermissionDenied):
        create_code_snippet(
            profile=reporter.profile, by=reporter.user, title="Umfrage", html="<p>x</p>"
        )


def test_no_code_without_a_code_origin(editor, settings):
    settings.LITFASS_CODE_EMBED_ORIGIN = ""
    with pytest.raises(ValidationError):
        create_code_snippet(profile=editor.profile, by=editor.user, title="Umfrage", html="<p></p>")


@pytest.mark.parametrize(
    ("title", "html", "height", "field"),
    [
        ("  ", "<p></p>", 480, "title"),
        ("x" * 121, "<p></p>", 480, "title"),
        ("Umfrage", "   ", 480, "html"),
        ("Umfrage", "x" * 100_001, 480, "html"),
        ("Umfrage", "<p></p>", 99, "height"),
        ("Umfrage", "<p></p>", 2001, "height"),
    ],
)
def test_invalid_snippets_are_refused_by_field(editor, title, html, height, field):
    with pytest.raises(ValidationError) as excinfo:
        create_code_snippet(
            profile=editor.profile, by=editor.user, title=title, html=html, height=height
        )
    assert field in excinfo.value.message_dict


@requires_app
def test_snippet_is_stored_as_written_and_referenced_on_the_code_origin(editor):
    html = "<div id=chart></div><script>document.getElementById('chart').textContent='42'</script>"
    snippet = create_code_snippet(
        profile=editor.profile, by=editor.user, title=" Wahlgrafik ", html=html, height=600
    )
    stored = CodeSnippet.objects.get(pk=snippet.pk)
    assert (stored.title, stored.html, stored.height) == ("Wahlgrafik", html, 600)
    assert stored.created_by == editor.user
    ref = code_ref(snippet)
    assert ref.url == f"{CODE_ORIGIN}/code/{snippet.pk}/"
    assert parse_embed_url(ref.url) == ref

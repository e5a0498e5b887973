"""The one view of the embeds app: a code snippet, on the code origin only."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from litfass.embeds import code, queries


@require_safe
@xframe_options_exempt
def code_snippet(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve a snippet's document; 404 on any host but the code origin.

    Framing is limited by the snippet's CSP frame-ancestors (our site), not X-Frame-Options.
    """
    if not code.is_code_host(request):
        raise Http404("snippet")
    snippet = queries.snippet_by_id(pk)
    return code.snippet_response(title=snippet.title, html=snippet.html)

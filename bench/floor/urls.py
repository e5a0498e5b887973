"""The floor app's one URL and view."""

from __future__ import annotations

import os
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.urls import path

# The article page fetched by the bench, read once per worker at start-up.
ARTICLE = Path(os.environ["BENCH_ARTICLE_FILE"]).read_bytes()


def article(request: HttpRequest) -> HttpResponse:
    return HttpResponse(ARTICLE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", article)]

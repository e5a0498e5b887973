from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "litfass.core"
    label = "core"
    verbose_name = "litfass"

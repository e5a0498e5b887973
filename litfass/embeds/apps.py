from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmbedsConfig(AppConfig):
    name = "litfass.embeds"
    label = "embeds"
    verbose_name = _("Embeds")

    def ready(self) -> None:
        # Registers the system checks (CSP frame-src and the code origin).
        from litfass.embeds import checks  # noqa: F401

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialConfig(AppConfig):
    name = "litfass.social"
    label = "social"
    verbose_name = _("Follows, comments, likes and notifications")

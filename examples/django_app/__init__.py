"""A Django view with today's tip and the help resources for a country, in the reader's language.

Django's autoescaping calls ``__html__`` on each ``LocalizedText``, so every text is escaped and
carries its own ``lang`` and ``dir``. ``render_tip`` is the view's body; wire it to a URL as usual.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sextingsafe as ss

TEMPLATES = Path(__file__).parent / "templates"


def configure() -> None:
    """Configure a minimal Django (for this example and its test) if nothing else has."""
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            TEMPLATES=[
                {
                    "BACKEND": "django.template.backends.django.DjangoTemplates",
                    "DIRS": [str(TEMPLATES)],
                }
            ],
            USE_I18N=False,
        )
        django.setup()


def tip_context(
    accept_language: str, country: str, catalogue: ss.Catalogue | None = None
) -> dict[str, Any]:
    """Return the template context (tip, resources, labels) in the reader's locale."""
    content = catalogue if catalogue is not None else ss.Catalogue.bundled()
    try:
        locale = content.negotiate(accept_language)
    except ss.InvalidLocaleError:
        locale = content.negotiate("en")
    resources = content.resources.select(country=country)
    return {
        "tip": content.advice.tip(audience="young-people", jurisdiction=country).localize(locale),
        "resources": [r.localize(locale) for r in resources],
        "heading": content.label("where-to-get-help", locale),
        "count": content.label("places-to-get-help", locale, count=len(resources)),
        # The library's own stylesheet (trusted, shipped in the package), inlined in <head>;
        # in production, serve ss.STYLESHEET_PATH as a static file instead.
        "stylesheet": _css(),
    }


def _css() -> Any:
    from django.utils.safestring import mark_safe

    return mark_safe(ss.stylesheet())  # noqa: S308 - the package's own CSS, not user input


def render_tip(accept_language: str, country: str, catalogue: ss.Catalogue | None = None) -> str:
    """Render ``tip.html`` as a Django view would."""
    configure()
    from django.template.loader import render_to_string

    return render_to_string("tip.html", tip_context(accept_language, country, catalogue))

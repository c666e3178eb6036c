"""A Django view with today's tip and where to get help in the reader's country and language.

Django's autoescaping calls ``__html__`` on each ``LocalizedText``, so every text is escaped and
carries its own ``lang`` and ``dir``. ``tip_view`` is the view; wire it to a URL as usual.
The country comes from the query string (``?country=PL``) and the language from the
``Accept-Language`` header; a missing, unknown or malformed country gives the help that works
from anywhere and a notice, never another country's numbers and never an error page.
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
    accept_language: str | None, country: str | None, catalogue: ss.Catalogue | None = None
) -> dict[str, Any]:
    """Return the template context (tip, help, labels) for a request, whatever it says.

    Args:
        accept_language: The ``Accept-Language`` header, or ``None`` when there is none.
        country: The country the reader asked for, as given (``None`` when not given).
        catalogue: Your catalogue; the bundled one by default.
    """
    content = catalogue if catalogue is not None else ss.Catalogue.bundled()
    try:
        locale = content.negotiate(accept_language)
    except ss.InvalidLocaleError:
        locale = content.negotiate(None)  # a malformed header: the default language
    code = known_country(content, country)
    # Without a country, advice that applies everywhere, help anyone can use, and a notice.
    tip = content.advice.tip(audience="young-people", jurisdiction=code).localize(
        locale, country=code
    )
    # The help the tip needs; for a tip that needs none, the country's (or anyone's) services.
    resources = list(tip.resources) or [r.localize(locale) for r in services(content, code)]
    return {
        "tip": tip,
        "resources": resources,
        "country": code,
        "worldwide": content.label("worldwide", locale),
        "heading": content.label("where-to-get-help", locale),
        "count": content.label("places-to-get-help", locale, count=len(resources)),
        # The library's own stylesheet (trusted, shipped in the package), inlined in <head>;
        # in production, serve ss.STYLESHEET_PATH as a static file instead.
        "stylesheet": _css(),
    }


def _css() -> Any:
    from django.utils.safestring import mark_safe

    return mark_safe(ss.stylesheet())  # noqa: S308 - the package's own CSS, not user input


def services(content: ss.Catalogue, country: str | None) -> tuple[ss.Resource, ...]:
    """Return the country's services then anyone's; without a country, only anyone's."""
    if country is None:
        return tuple(r for r in content.resources.values() if r.worldwide)
    return content.resources.select(country=country)


def known_country(content: ss.Catalogue, country: str | None) -> str | None:
    """Return *country* as an ISO code if it is a country's, else ``None``."""
    if not country:
        return None
    try:
        content.resources.select(country=country)
    except ss.InvalidFilterError:
        return None
    return country.upper()


def render_tip(
    accept_language: str | None, country: str | None, catalogue: ss.Catalogue | None = None
) -> str:
    """Render ``tip.html`` as the view does."""
    configure()
    from django.template.loader import render_to_string

    return render_to_string("tip.html", tip_context(accept_language, country, catalogue))


def tip_view(request: Any) -> Any:
    """The Django view: ``path("", tip_view)`` in your URLconf."""
    from django.http import HttpResponse

    return HttpResponse(
        render_tip(request.headers.get("Accept-Language"), request.GET.get("country"))
    )

"""A Flask page with today's tip and where to get help in the reader's country and language.

Run it with ``flask --app examples/flask_app run`` and open ``/?country=GB``.
The country comes from the query string (``?country=PL``); the language from the browser's
``Accept-Language`` header. Neither is trusted: a missing, unknown or malformed country gives
the help that works from anywhere and a notice asking for the country, never another
country's numbers and never an error page; a malformed header gives English.

Jinja2 autoescapes everything: each ``LocalizedText`` renders as an escaped ``<span>`` carrying
its own ``lang`` and ``dir``, so a translation that fell back to English is marked as English,
and text from a content pack can never inject markup.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, render_template_string, request

import sextingsafe as ss

PAGE = """<!doctype html>
<html lang="{{ tip.title.lang }}" dir="{{ tip.title.direction }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ label("tip-of-the-day").text }}</title>
<link rel="stylesheet" href="{{ url_for('stylesheet') }}"></head>
<body>
  <h1>{{ label("tip-of-the-day") }}</h1>
  <article class="tip">
    <h2>{{ tip.title }}</h2>
    <p>{{ tip.body }}</p>
    {% if tip.title.review.value == "unreviewed" %}
      <p><small>{{ label("unreviewed") }}</small></p>
    {% endif %}
  </article>
  <section class="sextingsafe-help">
  <h2 class="sextingsafe-help-title">{{ label("where-to-get-help") }}</h2>
  {% if tip.country_notice %}
    <p class="notice">{{ tip.country_notice }}</p>
    <p>{{ label("worldwide") }}</p>
  {% endif %}
  <p>{{ label("places-to-get-help", count=resources|length) }}</p>
  <ul class="sextingsafe-resources">
  {% for help in resources %}
    <li><strong>{{ help.name }}</strong>: {{ help.description }}
      {% for channel in help.resource.channels if channel.value %}
        <br>{{ label(channel.kind.value) }}: {{ channel.value }}
      {% endfor %}
    </li>
  {% endfor %}
  </ul>
  </section>
</body>
</html>
"""


def page_context(
    content: ss.Catalogue, accept_language: str | None, country: str | None
) -> dict[str, Any]:
    """Return the tip and the help for a request, whatever its header and country say.

    Args:
        content: The catalogue.
        accept_language: The ``Accept-Language`` header, or ``None`` when there is none.
        country: The country the reader asked for, as given (``None`` when not given).
    """
    try:
        locale = content.negotiate(accept_language)
    except ss.InvalidLocaleError:
        locale = content.negotiate(None)  # a malformed header: the default language
    code = known_country(content, country)
    # Without a country, the tip is one that applies everywhere (no country's law), its help is
    # the services anyone can use (never another country's numbers), and it says so.
    tip = content.advice.tip(audience="young-people", jurisdiction=code).localize(
        locale, country=code
    )
    # The help the tip needs; for a tip that needs none, the country's (or anyone's) services.
    resources = list(tip.resources) or [r.localize(locale) for r in services(content, code)]

    def label(name: str, count: int | None = None) -> ss.LocalizedText:
        return content.label(name, locale, count)

    return {"tip": tip, "resources": resources, "country": code, "label": label}


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


def create_app(catalogue: ss.Catalogue | None = None) -> Flask:
    """Return the app; pass your own catalogue (with your packs) or use the bundled one."""
    content = catalogue if catalogue is not None else ss.Catalogue.bundled()
    app = Flask(__name__)

    @app.get("/sextingsafe.css")
    def stylesheet() -> tuple[str, int, dict[str, str]]:
        # The library's stylesheet for its HTML: help lists, notes, right-to-left pages.
        return ss.stylesheet(), 200, {"Content-Type": "text/css; charset=utf-8"}

    @app.get("/")
    def index() -> str:
        try:
            country = request.args.get("country")
        except UnicodeDecodeError:  # a query string that is not UTF-8: as if none were given
            country = None
        context = page_context(content, request.headers.get("Accept-Language"), country)
        return render_template_string(PAGE, **context)

    return app

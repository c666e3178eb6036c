"""A Flask page with today's tip and the help resources for a country, in the reader's language.

Run it with ``flask --app examples/flask_app run`` and open ``/?country=GB``.
Jinja2 autoescapes everything: each ``LocalizedText`` renders as an escaped ``<span>`` carrying
its own ``lang`` and ``dir``, so a translation that fell back to English is marked as English,
and text from a content pack can never inject markup.
"""

from __future__ import annotations

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
        # Never crash on a header: a malformed one falls back to English.
        try:
            locale = content.negotiate(request.headers.get("Accept-Language", "en"))
        except ss.InvalidLocaleError:
            locale = content.negotiate("en")
        country = request.args.get("country", "GB")
        try:
            resources = content.resources.select(country=country)
        except ss.InvalidFilterError:
            resources = content.resources.select(country="GB")
        tip = content.advice.tip(audience="young-people", jurisdiction=country).localize(locale)

        def label(name: str, count: int | None = None) -> ss.LocalizedText:
            return content.label(name, locale, count)

        return render_template_string(
            PAGE, tip=tip, resources=[r.localize(locale) for r in resources], label=label
        )

    return app

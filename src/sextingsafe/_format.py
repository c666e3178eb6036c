"""Safe placeholder substitution, Babel number and date formatting, and HTML escaping."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ._model import Period, placeholders

if TYPE_CHECKING:
    import datetime as dt

    from babel import Locale

    from ._hours import Hours

__all__ = [
    "EMERGENCY",
    "escape",
    "fill_emergency",
    "format_alternatives",
    "format_day",
    "format_hours",
    "html_element",
    "html_text",
    "ltr",
    "render_template",
]

#: The placeholder that advice text uses for the reader's emergency number, filled per country.
EMERGENCY = "{emergency}"


def render_template(
    template: str,
    values: Mapping[str, int | float],
    period: Period | None,
    locale: Locale,
) -> str:
    """Fill a statement template's placeholders with *values* and *period*, formatted for *locale*.

    Only named placeholders are filled (see :func:`~sextingsafe._model.placeholders`);
    the template is never passed to :meth:`str.format`, so it cannot reach attributes or indexes.

    Raises:
        ValueError: The template is malformed or names a value that is missing.
    """
    names = placeholders(template)
    if not names:
        return template.replace("{{", "{").replace("}}", "}")
    rendered = {
        (name, spec): _format_one(name, spec, values, period, locale) for name, spec in names
    }
    out = []
    position = 0
    length = len(template)
    while position < length:
        char = template[position]
        if char in "{}" and template.startswith(char * 2, position):
            out.append(char)
            position += 2
        elif char == "{":
            end = template.index("}", position)
            name, _, spec = template[position + 1 : end].partition(":")
            out.append(rendered[name, spec])
            position = end + 1
        else:
            next_brace = min(
                (i for i in (template.find("{", position), template.find("}", position)) if i >= 0),
                default=length,
            )
            out.append(template[position:next_brace])
            position = next_brace
    return "".join(out)


def _format_one(
    name: str,
    spec: str,
    values: Mapping[str, int | float],
    period: Period | None,
    locale: Locale,
) -> str:
    if name in {"start", "end", "period"}:
        if period is None:
            raise ValueError(f"{{{name}}} needs a period, and there is none")
        from babel.dates import format_date, format_interval

        if name == "period":
            return format_interval(period.start, period.end, skeleton="yMMMd", locale=locale)
        return format_date(getattr(period, name), format="long", locale=locale)
    try:
        value = values[name]
    except KeyError:
        raise ValueError(f"no value named {name!r} for placeholder {{{name}}}") from None
    from babel.numbers import format_decimal, format_percent

    try:
        if spec == "percent":
            return format_percent(value, locale=locale, decimal_quantization=False)
        if spec == "year":
            return format_decimal(value, format="0", locale=locale)
        return format_decimal(value, locale=locale, decimal_quantization=False)
    except ArithmeticError:  # a number beyond Babel's decimal context: show it as Python does
        return str(value)


def format_day(day: dt.date, locale: Locale) -> str:
    """Return *day* as the locale writes a date (``7 gru 2026``, ``Dec 7, 2026``), by Babel."""
    from babel.dates import format_date

    return format_date(day, format="medium", locale=locale)


def format_alternatives(items: Sequence[str], locale: Locale) -> str:
    """Join *items* as alternatives for *locale* ("112 or 999", "112 lub 999")."""
    if len(items) == 1:
        return items[0]
    from babel.lists import format_list

    return format_list(list(items), style="or", locale=locale)


def fill_emergency(text: str, emergency: str) -> str:
    """Replace each ``{emergency}`` in *text* with *emergency*; nothing else is touched.

    Advice text is not a template otherwise: any other brace in it is shown as written.
    """
    return text.replace(EMERGENCY, emergency) if EMERGENCY in text else text


# The same table as html.escape(quote=True), without importing html.entities on a cold start.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """Escape ``&``, ``<``, ``>`` and both quote characters for HTML text and attributes."""
    return text.translate(_ESCAPES)


def html_element(text: str, lang: str, direction: str, tag: str = "span") -> str:
    """Wrap escaped *text* in an element that carries its language and direction.

    In right-to-left text, each phone number, address and Latin-script name is isolated in a
    ``<bdi dir="ltr">``, so it reads in order whatever surrounds it.
    """
    inner = html_text(text, direction)
    return f'<{tag} lang="{escape(lang)}" dir="{escape(direction)}">{inner}</{tag}>'


def html_text(text: str, direction: str) -> str:
    """Return *text* escaped for HTML, its left-to-right runs isolated if it is right to left."""
    if direction != "rtl":
        return escape(text)
    from ._bidi import ltr_segments

    return "".join(ltr(piece) if is_ltr else escape(piece) for piece, is_ltr in ltr_segments(text))


def ltr(value: str) -> str:
    """Return *value* escaped and isolated as left to right: a number, address or Latin name.

    Use it for every contact value in HTML, whatever the page's direction: in a right-to-left
    page, ``(61) 99611-0100`` then reads in order.
    """
    return f'<bdi dir="ltr">{escape(value)}</bdi>'


def format_hours(hours: Hours, locale: Locale | str) -> str:
    """Write *hours* for *locale*, entirely from CLDR data through Babel.

    Always-open hours are CLDR's "24 hours"; weekly periods are the days (CLDR day names, a run
    of days as a range) and the times (12- or 24-hour as the locale's own short time format is),
    then the service's time zone as CLDR names its place, so that a reader elsewhere knows whose
    clock it is. Digits are Latin, as Babel writes every number in this library.
    No translator writes hours.

    >>> from sextingsafe import Hours
    >>> hours = Hours(zone="Europe/London", periods=[
    ...     {"days": "mon-fri", "opens": "08:00", "closes": "22:00"},
    ...     {"days": "sat-sun", "opens": "09:00", "closes": "18:00"}])
    >>> format_hours(hours, "en_GB")
    'Monday–Friday 08:00–22:00 and Saturday–Sunday 09:00–18:00 (United Kingdom Time)'

    Raises:
        InvalidLocaleError: *locale* is malformed.
    """
    from babel.dates import get_day_names, get_timezone_location
    from babel.lists import format_list
    from babel.units import format_unit

    from ._i18n import parse_locale, to_babel

    loc = locale if not isinstance(locale, str) else to_babel(str(parse_locale(locale)))
    if hours.always:
        return format_unit(24, "duration-hour", length="long", locale=loc)
    names = get_day_names("wide", context="stand-alone", locale=loc)
    skeleton = "Hm" if "H" in loc.time_formats["short"].pattern else "hm"
    parts = []
    for period in hours.periods:
        days = format_list(
            [
                names[run[0]] if len(run) == 1 else f"{names[run[0]]}–{names[run[-1]]}"
                for run in _runs(period.days)
            ],
            locale=loc,
        )
        parts.append(f"{days} {_interval(period.opening_time, period.closing_time, skeleton, loc)}")
    assert hours.zone is not None  # periods always have one
    place = get_timezone_location(hours.zone, locale=loc)
    return f"{format_list(parts, locale=loc)} ({place})"


def _interval(start: dt.time, end: dt.time, skeleton: str, locale: Locale) -> str:
    """Format a time interval; a locale whose pattern Babel cannot format gets 24-hour times."""
    from babel.dates import format_interval

    try:
        return format_interval(start, end, skeleton=skeleton, locale=locale)
    except NotImplementedError:
        # Babel cannot yet fill some CLDR fields for times (flexible day periods, 'B', as in
        # zh_Hant and others): the 24-hour skeleton is still the locale's own pattern.
        return format_interval(start, end, skeleton="Hm", locale=locale)


def _runs(days: tuple[int, ...]) -> list[list[int]]:
    """Split days in the order written into runs of consecutive days (Sunday may run to Monday)."""
    runs: list[list[int]] = []
    for day in days:
        if runs and (runs[-1][-1] + 1) % 7 == day:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs

"""Safe placeholder substitution, Babel number and date formatting, and HTML escaping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ._model import Period, placeholders

if TYPE_CHECKING:
    from babel import Locale

    from ._hours import Hours

__all__ = ["escape", "format_hours", "html_element", "render_template"]


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


# The same table as html.escape(quote=True), without importing html.entities on a cold start.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """Escape ``&``, ``<``, ``>`` and both quote characters for HTML text and attributes."""
    return text.translate(_ESCAPES)


def html_element(text: str, lang: str, direction: str, tag: str = "span") -> str:
    """Wrap escaped *text* in an element that carries its language and direction."""
    return f'<{tag} lang="{escape(lang)}" dir="{escape(direction)}">{escape(text)}</{tag}>'


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
    from babel.dates import format_interval, get_day_names, get_timezone_location
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
        times = format_interval(
            period.opening_time, period.closing_time, skeleton=skeleton, locale=loc
        )
        parts.append(f"{days} {times}")
    assert hours.zone is not None  # periods always have one
    place = get_timezone_location(hours.zone, locale=loc)
    return f"{format_list(parts, locale=loc)} ({place})"


def _runs(days: tuple[int, ...]) -> list[list[int]]:
    """Split days in the order written into runs of consecutive days (Sunday may run to Monday)."""
    runs: list[list[int]] = []
    for day in days:
        if runs and (runs[-1][-1] + 1) % 7 == day:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs

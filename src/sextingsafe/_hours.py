"""Opening hours: "24 hours", or weekly periods in a service's IANA time zone.

Hours are data, never text: :func:`sextingsafe._format.format_hours` writes them for a reader's
locale with Babel, and :meth:`Hours.is_open` answers for any moment, across daylight saving.
The time zones come from the system's zone database (:mod:`zoneinfo`); a zone it lacks is an
error when the hours are built, never a wrong answer later.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from attrs import field, frozen

__all__ = ["DAYS", "Hours", "OpeningPeriod", "time_zone"]

#: Day names as content files write them, Monday first (``datetime.weekday()`` order).
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])\Z")
_MINUTES_PER_DAY = 24 * 60


def time_zone(name: str) -> dt.tzinfo:
    """Return the IANA time zone *name* from the system's zone database.

    Raises:
        ValueError: *name* is not a zone name, or the system has no data for it.
    """
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"zone: {name!r} is not in this system's time zone database; expected an IANA name "
            "such as 'Europe/London' (on a system without one, install the tz database)"
        ) from None


def _minutes(value: Any, name: str, *, closing: bool = False) -> int:
    if closing and value == "24:00":
        return _MINUTES_PER_DAY
    match = _TIME.match(value) if isinstance(value, str) else None
    if match is None:
        end = " or '24:00'" if closing else ""
        raise ValueError(
            f"{name} must be a time 'HH:MM' from '00:00' to '23:59'{end}, got {value!r}"
        )
    return int(match.group(1)) * 60 + int(match.group(2))


def _days(value: Any) -> tuple[int, ...]:
    """Parse ``"mon-fri"``, ``"sat,sun"`` or ``"fri-mon"`` (a range may wrap) into day numbers."""
    if isinstance(value, tuple) and all(isinstance(d, int) and 0 <= d <= 6 for d in value):
        days = value
    elif isinstance(value, str) and value.strip():
        found: list[int] = []
        for part in value.split(","):
            first, _, last = part.strip().partition("-")
            try:
                start = DAYS.index(first)
                end = DAYS.index(last) if last else start
            except ValueError:
                raise ValueError(
                    f"days must be day names {', '.join(DAYS)} or ranges such as 'mon-fri', "
                    f"joined by commas, got {value!r}"
                ) from None
            found += [(start + i) % 7 for i in range((end - start) % 7 + 1)]
        days = tuple(found)
    else:
        raise ValueError(f"days must be text such as 'mon-fri' or 'sat,sun', got {value!r}")
    if len(set(days)) != len(days):
        raise ValueError(f"days: a day is given twice in {value!r}")
    return days


def _opens(value: Any) -> int:
    return value if isinstance(value, int) else _minutes(value, "opens")


def _closes(value: Any) -> int:
    return value if isinstance(value, int) else _minutes(value, "closes", closing=True)


@frozen(kw_only=True)
class OpeningPeriod:
    """Opening on some days of the week, from one time to another, in the service's time zone.

    A period that closes at or before the time it opens runs overnight and closes the next day
    (``opens="10:00", closes="04:00"``); ``closes="24:00"`` is midnight at the end of the day.
    """

    #: The days it opens on, ``0`` for Monday to ``6`` for Sunday, in the order written.
    days: tuple[int, ...] = field(converter=_days)
    #: Minutes after midnight it opens (0–1439).
    opens: int = field(converter=_opens)
    #: Minutes after midnight it closes (1–1440); at or before :attr:`opens`, the next day.
    closes: int = field(converter=_closes)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.opens < _MINUTES_PER_DAY or not 0 < self.closes <= _MINUTES_PER_DAY:
            raise ValueError(f"opens/closes out of range: {self.opens}, {self.closes}")
        if self.opens == self.closes:
            raise ValueError(
                "closes: a period that closes when it opens is open all day; "
                "write always = true for 24 hours"
            )

    @property
    def overnight(self) -> bool:
        """True when the period closes the day after it opens."""
        return self.closes <= self.opens

    def includes(self, weekday: int, minute: int) -> bool:
        """Return True when local *weekday* (0 = Monday) at *minute* after midnight is inside."""
        if not self.overnight:
            return weekday in self.days and self.opens <= minute < self.closes
        return (weekday in self.days and minute >= self.opens) or (
            (weekday - 1) % 7 in self.days and minute < self.closes
        )

    @property
    def opening_time(self) -> dt.time:
        """When it opens, as a time of day."""
        return dt.time(self.opens // 60, self.opens % 60)

    @property
    def closing_time(self) -> dt.time:
        """When it closes, as a time of day (midnight for ``24:00``)."""
        closes = self.closes % _MINUTES_PER_DAY
        return dt.time(closes // 60, closes % 60)


def _periods(value: Any) -> tuple[OpeningPeriod, ...]:
    if not isinstance(value, list | tuple):
        raise TypeError(f"periods must be a list of tables, got {value!r}")
    out = []
    for period in value:
        if isinstance(period, OpeningPeriod):
            out.append(period)
        elif isinstance(period, dict):
            try:
                out.append(OpeningPeriod(**period))
            except TypeError as error:
                raise TypeError(f"periods: {error}") from None
        else:
            raise TypeError("periods must hold tables such as { days = 'mon-fri', ... }")
    return tuple(out)


def _zone(_inst: object, _attribute: Any, value: Any) -> None:
    if value is not None:
        if not isinstance(value, str):
            raise TypeError(f"zone must be an IANA time zone name, got {value!r}")
        time_zone(value)


@frozen(kw_only=True)
class Hours:
    """When a channel is open: always (24 hours), or weekly periods in an IANA time zone.

    Unknown hours are not an :class:`Hours`: a channel whose hours are unknown has ``None``.
    """

    #: The service's IANA time zone; needed for periods, optional when always open.
    zone: str | None = field(default=None, validator=_zone)
    #: True when open 24 hours a day, every day.
    always: bool = field(default=False)
    periods: tuple[OpeningPeriod, ...] = field(default=(), converter=_periods)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.always, bool):
            raise TypeError(f"always must be true or false, got {self.always!r}")
        if self.always == bool(self.periods):
            raise ValueError("hours: give always = true or a list of periods, not both or neither")
        if self.periods and self.zone is None:
            raise ValueError("hours: periods need the service's time zone (zone = 'Europe/London')")

    def is_open(self, at: dt.datetime) -> bool:
        """Return True when the service is open at the aware datetime *at*.

        The moment is converted to the service's own zone, so opening times are wall-clock
        times there, whatever daylight saving does.

        Raises:
            TypeError: *at* is not a :class:``datetime`` with a time zone.
        """
        given: object = at  # callers without type checking can pass anything
        if not isinstance(given, dt.datetime) or given.utcoffset() is None:
            raise TypeError(
                f"is_open needs an aware datetime (with tzinfo, e.g. datetime.now(UTC)), got {at!r}"
            )
        if self.always:
            return True
        assert self.zone is not None  # checked on construction
        local = at.astimezone(time_zone(self.zone))
        weekday, minute = local.weekday(), local.hour * 60 + local.minute
        return any(period.includes(weekday, minute) for period in self.periods)

"""Opening hours: is_open across time zones, daylight saving and midnight; Babel formatting."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sextingsafe import Hours, format_hours

UTC = dt.UTC
LONDON = Hours(
    zone="Europe/London",
    periods=[
        {"days": "mon-fri", "opens": "08:00", "closes": "22:00"},
        {"days": "sat-sun", "opens": "09:00", "closes": "18:00"},
    ],
)
#: ISPCC-style text hours: every day from 10:00 to 04:00 the next morning.
OVERNIGHT = Hours(
    zone="Europe/Dublin", periods=[{"days": "mon-sun", "opens": "10:00", "closes": "04:00"}]
)
SYDNEY = Hours(
    zone="Australia/Sydney", periods=[{"days": "mon-fri", "opens": "09:00", "closes": "17:00"}]
)


def at(zone: str, *parts: int) -> dt.datetime:
    """Return an aware datetime on the wall clock of *zone*."""
    return dt.datetime(*parts, tzinfo=ZoneInfo(zone))  # type: ignore[misc]


class TestIsOpen:
    """is_open answers for any aware moment, in the service's own zone."""

    def test_always(self) -> None:
        """Always-open hours are open at any moment, with or without a zone."""
        assert Hours(always=True).is_open(dt.datetime(2026, 12, 25, 3, 0, tzinfo=UTC))

    @pytest.mark.parametrize(
        ("moment", "expected"),
        [
            # Winter: London is UTC+0. Monday 7 December 2026, 21:59 and 22:00 UTC.
            (dt.datetime(2026, 12, 7, 21, 59, tzinfo=UTC), True),
            (dt.datetime(2026, 12, 7, 22, 0, tzinfo=UTC), False),
            # Summer: London is UTC+1: 07:30 UTC is 08:30 there (open), 21:30 is 22:30 (closed).
            (dt.datetime(2026, 7, 6, 7, 30, tzinfo=UTC), True),
            (dt.datetime(2026, 7, 6, 21, 30, tzinfo=UTC), False),
            # Saturday 9:00 opening, weekend hours.
            (dt.datetime(2026, 7, 4, 7, 59, tzinfo=UTC), False),
            (dt.datetime(2026, 7, 4, 8, 0, tzinfo=UTC), True),
        ],
    )
    def test_london_winter_and_summer(self, moment: dt.datetime, expected: bool) -> None:
        """Opening times are London wall-clock times in both GMT and BST."""
        assert expected is LONDON.is_open(moment)

    def test_london_clocks_go_forward(self) -> None:
        """On Sunday 29 March 2026 (clocks forward at 01:00 UTC) 09:00 BST is 08:00 UTC."""
        assert not LONDON.is_open(dt.datetime(2026, 3, 29, 7, 59, tzinfo=UTC))
        assert LONDON.is_open(dt.datetime(2026, 3, 29, 8, 0, tzinfo=UTC))

    def test_london_clocks_go_back(self) -> None:
        """On Sunday 25 October 2026 (clocks back) 09:00 GMT is 09:00 UTC."""
        assert not LONDON.is_open(dt.datetime(2026, 10, 25, 8, 59, tzinfo=UTC))
        assert LONDON.is_open(dt.datetime(2026, 10, 25, 9, 0, tzinfo=UTC))

    def test_sydney_daylight_saving(self) -> None:
        """Sydney is UTC+11 in January and UTC+10 in July: 09:00 there moves in UTC."""
        # Monday 5 January 2026, 09:00 AEDT is Sunday 4 January 22:00 UTC.
        assert not SYDNEY.is_open(dt.datetime(2026, 1, 4, 21, 59, tzinfo=UTC))
        assert SYDNEY.is_open(dt.datetime(2026, 1, 4, 22, 0, tzinfo=UTC))
        # Monday 6 July 2026, 09:00 AEST is Sunday 5 July 23:00 UTC.
        assert not SYDNEY.is_open(dt.datetime(2026, 7, 5, 22, 0, tzinfo=UTC))
        assert SYDNEY.is_open(dt.datetime(2026, 7, 5, 23, 0, tzinfo=UTC))

    def test_sydney_clocks_go_back(self) -> None:
        """Sydney's clocks went back on Sunday 5 April 2026: Monday opens at 23:00 UTC."""
        assert not SYDNEY.is_open(dt.datetime(2026, 4, 5, 22, 30, tzinfo=UTC))
        assert SYDNEY.is_open(dt.datetime(2026, 4, 5, 23, 0, tzinfo=UTC))

    @pytest.mark.parametrize(
        ("moment", "expected"),
        [
            (at("Europe/Dublin", 2026, 12, 7, 9, 59), False),
            (at("Europe/Dublin", 2026, 12, 7, 10, 0), True),
            (at("Europe/Dublin", 2026, 12, 7, 23, 30), True),
            (at("Europe/Dublin", 2026, 12, 8, 3, 59), True),
            (at("Europe/Dublin", 2026, 12, 8, 4, 0), False),
        ],
    )
    def test_overnight(self, moment: dt.datetime, expected: bool) -> None:
        """A period that closes before it opens runs past midnight into the next day."""
        assert expected is OVERNIGHT.is_open(moment)

    def test_overnight_belongs_to_the_day_it_opened(self) -> None:
        """Friday-only overnight hours are open early on Saturday, not early on Friday."""
        hours = Hours(zone="UTC", periods=[{"days": "fri", "opens": "22:00", "closes": "02:00"}])

        assert hours.is_open(dt.datetime(2026, 12, 12, 1, 0, tzinfo=UTC))  # Saturday
        assert not hours.is_open(dt.datetime(2026, 12, 11, 1, 0, tzinfo=UTC))  # Friday

    def test_other_zone_same_moment(self) -> None:
        """The same moment written in another zone gives the same answer."""
        moment = dt.datetime(2026, 7, 6, 7, 30, tzinfo=UTC)

        assert LONDON.is_open(moment) is LONDON.is_open(moment.astimezone(ZoneInfo("Asia/Tokyo")))

    def test_naive_datetime(self) -> None:
        """A naive datetime is a TypeError that says what to pass."""
        with pytest.raises(TypeError, match="aware datetime"):
            LONDON.is_open(dt.datetime(2026, 12, 7, 12, 0))  # noqa: DTZ001


class TestValidation:
    """Bad hours are rejected with a message naming what to write."""

    def test_unknown_zone(self) -> None:
        """A zone missing from the system's database is a clear ValueError."""
        with pytest.raises(ValueError, match="'Mars/Olympus' is not in this system's time zone"):
            Hours(
                zone="Mars/Olympus", periods=[{"days": "mon", "opens": "09:00", "closes": "10:00"}]
            )

    @pytest.mark.parametrize(
        ("period", "message"),
        [
            ({"days": "monday", "opens": "09:00", "closes": "10:00"}, "days must be day names"),
            ({"days": "mon", "opens": "9am", "closes": "10:00"}, "opens must be a time"),
            ({"days": "mon", "opens": "09:00", "closes": "25:00"}, "closes must be a time"),
            ({"days": "mon,mon", "opens": "09:00", "closes": "10:00"}, "a day is given twice"),
            ({"days": "mon", "opens": "09:00", "closes": "09:00"}, "always = true"),
        ],
    )
    def test_bad_periods(self, period: dict[str, str], message: str) -> None:
        """Days, times and empty periods are checked."""
        with pytest.raises(ValueError, match=message):
            Hours(zone="UTC", periods=[period])

    def test_always_or_periods(self) -> None:
        """Hours are always open or have periods, never both or neither; periods need a zone."""
        with pytest.raises(ValueError, match="not both or neither"):
            Hours(zone="UTC")
        with pytest.raises(ValueError, match="need the service's time zone"):
            Hours(periods=[{"days": "mon", "opens": "09:00", "closes": "10:00"}])

    def test_wrapping_range(self) -> None:
        """A day range may wrap past Sunday."""
        hours = Hours(
            zone="UTC", periods=[{"days": "fri-mon", "opens": "09:00", "closes": "10:00"}]
        )

        assert (4, 5, 6, 0) == hours.periods[0].days


class TestFormat:
    """Babel writes hours for each locale: day names, 12- or 24-hour times, the zone's place."""

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "en_GB",
                "Monday–Friday 08:00–22:00 and Saturday–Sunday 09:00–18:00 (United Kingdom Time)",
            ),
            (
                "en_US",
                (
                    "Monday–Friday 8:00\u202fAM\u2009–\u200910:00\u202fPM and "
                    "Saturday–Sunday 9:00\u202fAM\u2009–\u20096:00\u202fPM (United Kingdom Time)"
                ),
            ),
            (
                "fr",
                (
                    "lundi–vendredi 08:00\u2009–\u200922:00 et "
                    "samedi–dimanche 09:00\u2009–\u200918:00 (heure : Royaume-Uni)"
                ),
            ),
            (
                "ar",
                (
                    "الاثنين–الجمعة 8:00 ص\u2009–\u200910:00 م "
                    "والسبت–الأحد 9:00 ص\u2009–\u20096:00 م (توقيت المملكة المتحدة)"
                ),
            ),
            (
                "pl",
                (
                    "poniedziałek–piątek 08:00–22:00 i sobota–niedziela 09:00–18:00 "
                    "(czas: Wielka Brytania)"
                ),
            ),
            (
                "de",
                (
                    "Montag–Freitag 08:00–22:00 Uhr und Samstag–Sonntag 09:00–18:00 Uhr "
                    "(Vereinigtes Königreich (Ortszeit))"
                ),
            ),
        ],
    )
    def test_weekly(self, locale: str, expected: str) -> None:
        """Weekly hours in the locale's own words and clock (24-hour where CLDR says so)."""
        assert expected == format_hours(LONDON, locale)

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [("en", "24 hours"), ("fr", "24\xa0heures"), ("ar", "24 ساعة"), ("pl", "24 godziny")],
    )
    def test_always(self, locale: str, expected: str) -> None:
        """Always-open hours are CLDR's "24 hours"."""
        assert expected == format_hours(Hours(always=True), locale)

    def test_days_running_over_the_weekend(self) -> None:
        """Saturday to Monday is one run of days; Finnish names days in their stand-alone form."""
        hours = Hours(
            zone="Europe/London",
            periods=[{"days": "sat-mon", "opens": "09:00", "closes": "17:00"}],
        )

        assert "Saturday–Monday 9:00\u202fAM\u2009–\u20095:00\u202fPM (United Kingdom Time)" == (
            format_hours(hours, "en")
        )
        assert "lauantai–maanantai 9.00–17.00 (aikavyöhyke: Iso-Britannia)" == (
            format_hours(hours, "fi")
        )

    def test_times_babel_cannot_format(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Where Babel cannot fill a locale's time pattern, the 24-hour one is used instead.

        The Babel used here fills every shipped locale's; some versions could not fill
        flexible day periods (as in zh_Hant), and the fallback stays for them.
        """
        import babel.dates

        real = babel.dates.format_interval

        def older_babel(*args: Any, **kwargs: Any) -> str:
            if kwargs.get("skeleton") != "Hm":
                raise NotImplementedError("flexible day periods")
            return real(*args, **kwargs)

        monkeypatch.setattr(babel.dates, "format_interval", older_babel)
        hours = Hours(
            zone="Europe/London",
            periods=[{"days": "mon", "opens": "09:00", "closes": "17:00"}],
        )

        assert "Monday 09:00\u2009–\u200917:00 (United Kingdom Time)" == format_hours(hours, "en")
        assert "Montag 09:00–17:00 Uhr (Vereinigtes Königreich (Ortszeit))" == format_hours(
            hours, "de"
        )
        assert "星期一 09:00 – 17:00 (英國時間)" == format_hours(hours, "zh_Hant")

    def test_overnight_and_separate_days(self) -> None:
        """Days that are not consecutive are listed; an overnight period shows both times."""
        hours = Hours(
            zone="Europe/Berlin",
            periods=[{"days": "mon,wed-thu", "opens": "22:00", "closes": "02:00"}],
        )

        assert (
            "Montag und Mittwoch–Donnerstag 22:00–02:00 Uhr (Deutschland (Berlin) (Ortszeit))"
            == (format_hours(hours, "de"))
        )

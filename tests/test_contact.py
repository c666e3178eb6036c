"""Channels, removal-tool eligibility, freshness, emergency numbers and the select() filters."""

from __future__ import annotations

import datetime as dt

import pytest

import sextingsafe as ss
from sextingsafe import Channel, ContentNotFoundError, Eligibility, InvalidFilterError

UTC = dt.UTC


class TestChannel:
    """A channel's value is checked for its kind, and links are built from the data."""

    @pytest.mark.parametrize(
        ("kind", "value"),
        [
            ("phone", "0800 WORDS"),
            ("phone", "<script>"),
            ("sms", "SHOUT"),
            ("web", "javascript:alert(1)"),
            ("chat", "data:text/html,x"),
            ("app", "http://example.org"),
            ("email", "mailto:help@example.org"),
        ],
    )
    def test_rejects_values_that_are_not_their_kind(self, kind: str, value: str) -> None:
        """Numbers are digits, pages https://, email an address: nothing else reaches a link."""
        with pytest.raises(ValueError, match="value"):
            Channel(kind=kind, value=value)

    def test_links(self) -> None:
        """tel: and sms: links use the E.164 number where known, else the local digits."""
        assert "tel:+448001111" == Channel(kind="phone", value="0800 1111", e164="+448001111").uri
        assert "tel:116123" == Channel(kind="phone", value="116 123").uri
        assert "sms:85258?body=SHOUT" == Channel(kind="sms", value="85258", keyword="SHOUT").uri
        assert "mailto:jo@samaritans.org" == Channel(kind="email", value="jo@samaritans.org").uri
        assert Channel(kind="chat").uri is None

    def test_e164_and_keyword_checked(self) -> None:
        """E.164 is '+' and digits; only SMS has a keyword."""
        with pytest.raises(ValueError, match="e164"):
            Channel(kind="phone", value="0800 1111", e164="08001111")
        with pytest.raises(ValueError, match="keyword"):
            Channel(kind="phone", value="0800 1111", keyword="TALK")

    def test_unknown_stays_none(self) -> None:
        """Free, anonymous and hours default to None: the sources do not say."""
        channel = Channel(kind="phone", value="116 111")

        assert (None, None, None, None) == (
            channel.free,
            channel.anonymous,
            channel.hours,
            channel.is_open(dt.datetime(2026, 12, 7, tzinfo=UTC)),
        )


class TestEligibility:
    """Removal tools say whose images they can act on."""

    def test_bundled_tools(self) -> None:
        """Report Remove and Take It Down are for images taken under 18, StopNCII at 18 or over."""
        report_remove = ss.resources["report-remove-gb"]
        take_it_down = ss.resources["take-it-down"]
        stopncii = ss.resources["stopncii"]

        assert (True, False) == (
            report_remove.eligible(taken_at_age=15, country="GB"),
            report_remove.eligible(taken_at_age=15, country="PL"),
        )
        assert (True, False) == (
            take_it_down.eligible(taken_at_age=16, country="PL"),
            take_it_down.eligible(taken_at_age=19, country="PL"),
        )
        assert (False, True) == (
            stopncii.eligible(taken_at_age=17),
            stopncii.eligible(taken_at_age=18, country="AU"),
        )

    def test_unknown_age_not_excluded(self) -> None:
        """Without the age at the time, nothing is ruled out by age."""
        assert ss.resources["take-it-down"].eligible()

    def test_limits_stated(self) -> None:
        """Each tool's limits are data, with a translatable label for each."""
        assert ("public-internet-only",) == tuple(
            ss.resources["report-remove-gb"].eligibility.limits  # type: ignore[union-attr]
        )
        for resource in ss.resources.values():
            for limit in resource.eligibility.limits if resource.eligibility else ():
                assert str(ss.label(f"limit-{limit.value}", "en"))

    def test_taken_at_required(self) -> None:
        """Eligibility always states the age when the image was taken."""
        with pytest.raises(TypeError):
            Eligibility(limits=["on-your-device"])  # type: ignore[call-arg]


class TestFreshness:
    """Old evidence is flagged, never hidden; undated evidence is unknown, not stale."""

    def test_nspcc_hours_as_of_2020_are_stale(self) -> None:
        """The NSPCC Helpline's hours, as stated in 2020, are stale on 7 December 2026."""
        assert ("channels[0]", "channels[1]") == ss.resources["nspcc-helpline-gb"].stale(
            dt.date(2026, 12, 7)
        )

    def test_fresh_within_two_years(self) -> None:
        """Evidence younger than two years is not stale."""
        assert () == ss.resources["nspcc-helpline-gb"].stale(dt.date(2021, 6, 1))

    def test_checked_is_not_evidence(self) -> None:
        """A record's check date is separate from the date of its evidence."""
        resource = ss.resources["childline-1098-in"]

        assert (dt.date(2026, 12, 7), dt.date(2023, 7, 26)) == (resource.checked, resource.as_of)


class TestEmergencyNumbers:
    """Emergency numbers follow the country, for every country with help resources."""

    @pytest.mark.parametrize(
        ("country", "number"),
        [("GB", "999"), ("AU", "000"), ("US", "911"), ("NZ", "111"), ("PL", "112"), ("IE", "112")],
    )
    def test_primary(self, country: str, number: str) -> None:
        """The number to call is the country's own."""
        assert number == str(ss.emergency_numbers[country])

    def test_all_countries(self) -> None:
        """Every country a bundled resource serves has emergency numbers."""
        countries = {c for r in ss.resources.values() for c in r.countries}

        assert set() == countries - set(ss.emergency_numbers) - {"PR", "GU", "VI"}

    def test_south_africa_never_101(self) -> None:
        """101 is wrong for South Africa and is never given; 10111 is the police."""
        numbers = [n.number for n in ss.emergency_numbers["ZA"].numbers]

        assert ("10111", False) == (numbers[0], "101" in numbers)

    def test_partial_flagged(self) -> None:
        """A record with a partly confirmed number is partial."""
        assert "partial" == ss.emergency_numbers["NO"].confidence.value

    @pytest.mark.parametrize(("given", "meant"), [("gb", "GB"), ("UK", "GB"), ("au", "AU")])
    def test_wrong_code_names_the_right_one(self, given: str, meant: str) -> None:
        """Lower case and common aliases are errors that name the code to use."""
        with pytest.raises(ContentNotFoundError, match=f"did you mean '{meant}'"):
            ss.emergency_numbers[given]

    def test_unknown(self) -> None:
        """A country without a record is a ContentNotFoundError."""
        with pytest.raises(ContentNotFoundError):
            ss.emergency_numbers["JP"]


class TestSelect:
    """The new resource filters combine with the old ones."""

    def test_need_and_country(self) -> None:
        """Resources meeting a need in a country come first, then worldwide ones."""
        found = [r.id for r in ss.resources.select(country="GB", need="remove-image-under-18")]

        assert ["report-remove-gb", "take-it-down"] == found

    def test_taken_at_age(self) -> None:
        """An image taken at 19 is not for the under-18 tools."""
        found = [r.id for r in ss.resources.select(kind="removal", taken_at_age=19)]

        assert "take-it-down" not in found
        assert "stopncii" in found

    def test_age(self) -> None:
        """A 20-year-old is not served by Report Remove."""
        assert "report-remove-gb" not in [r.id for r in ss.resources.select(country="GB", age=20)]

    def test_open_at(self) -> None:
        """Only resources known to be open are kept: the NSPCC phone line is closed at 23:00."""
        late = dt.datetime(2026, 12, 7, 23, 0, tzinfo=UTC)
        noon = dt.datetime(2026, 12, 7, 12, 0, tzinfo=UTC)

        assert "nspcc-helpline-gb" in [
            r.id for r in ss.resources.select(country="GB", open_at=noon)
        ]
        # The email channel is always open, so the resource stays open.
        assert "nspcc-helpline-gb" in [
            r.id for r in ss.resources.select(country="GB", open_at=late)
        ]

    @pytest.mark.parametrize(
        ("name", "value"),
        [("age", -1), ("age", "15"), ("taken_at_age", True), ("need", "help"), ("open_at", "now")],
    )
    def test_bad_filters(self, name: str, value: object) -> None:
        """A bad filter value is an InvalidFilterError naming the filter."""
        with pytest.raises(InvalidFilterError, match=name):
            ss.resources.select(**{name: value})  # type: ignore[arg-type]

    def test_naive_open_at(self) -> None:
        """open_at must be aware."""
        with pytest.raises(InvalidFilterError, match="open_at"):
            ss.resources.select(open_at=dt.datetime(2026, 12, 7, 12, 0))  # noqa: DTZ001


class TestCrisisLines:
    """Crisis lines meet the crisis need in their own countries, and are always open."""

    @pytest.mark.parametrize(
        ("country", "expected"),
        [
            ("GB", ["childline-gb", "samaritans", "shout-gb"]),
            ("IE", ["childline-ie", "samaritans", "text-50808-ie"]),
            ("US", ["988-lifeline-us"]),
            ("CA", ["kids-help-phone-ca", "988-ca"]),
            ("AU", ["lifeline-au"]),
        ],
    )
    def test_by_country(self, country: str, expected: list[str]) -> None:
        """Each country's crisis lines, and never another country's."""
        found = [r.id for r in ss.resources.select(country=country, need="crisis-support")]

        assert sorted(expected) == sorted(found)

    def test_open_at_night(self) -> None:
        """At 3am in London, the UK's crisis lines are open."""
        night = dt.datetime(2026, 12, 8, 3, 0, tzinfo=UTC)

        assert {"samaritans", "shout-gb"} <= {
            r.id for r in ss.resources.select(country="GB", need="crisis-support", open_at=night)
        }

    def test_text_link(self) -> None:
        """Shout's text link carries its keyword."""
        assert "sms:85258?body=SHOUT" == ss.resources["shout-gb"].channels[0].uri

"""The content model: validated on construction, frozen, hashable, tuples not lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sextingsafe import (
    Advice,
    Audience,
    Channel,
    ChannelKind,
    Confidence,
    Fact,
    FrozenDict,
    Occasion,
    Period,
    Quote,
    Resource,
    ResourceKind,
    Source,
    SourceKind,
    Speaker,
)
from sextingsafe._model import placeholders

DAY = dt.date(2024, 3, 11)


def source(**changes: Any) -> Source:
    """Return a valid source, with *changes* applied."""
    fields: dict[str, Any] = {
        "id": "a-source",
        "publisher": "Publisher",
        "title": "Title",
        "kind": "guidance",
        "published": DAY,
        "url": "https://example.org/page",
    }
    return Source(**(fields | changes))


def speaker(**changes: Any) -> Speaker:
    """Return a valid speaker, with *changes* applied."""
    fields: dict[str, Any] = {"id": "sam", "name": "Sam", "role": "Youth worker"}
    return Speaker(**(fields | changes))


def fact(**changes: Any) -> Fact:
    """Return a valid fact, with *changes* applied."""
    fields: dict[str, Any] = {
        "id": "a-fact",
        "statement": "In {period}, {share:percent} of {count} reports were closed in {year:year}.",
        "values": {"share": 0.148, "count": 12500, "year": 2019},
        "period": Period(start=dt.date(2017, 1, 1), end=dt.date(2019, 8, 19)),
        "place": "Exampleshire",
        "population": "Reports",
        "topics": ["prevalence"],
        "sources": [source()],
        "reviewed": DAY,
    }
    return Fact(**(fields | changes))


def quote(**changes: Any) -> Quote:
    """Return a valid quote, with *changes* applied."""
    fields: dict[str, Any] = {
        "id": "a-quote",
        "text": "Talking helps.",
        "language": "en",
        "speaker": speaker(),
        "date": DAY,
        "sources": [source()],
        "context": "Said at a conference.",
        "reviewed": DAY,
    }
    return Quote(**(fields | changes))


def resource(**changes: Any) -> Resource:
    """Return a valid resource, with *changes* applied."""
    fields: dict[str, Any] = {
        "id": "a-line",
        "name": "A Line",
        "operator": "A Trust",
        "countries": ["GB"],
        "kind": "helpline",
        "audiences": ["young-people"],
        "description": "A helpline.",
        "url": "https://example.org/line",
        "channels": [Channel(kind="phone", value="0000")],
        "sources": [source()],
        "confidence": "verified",
        "checked": DAY,
    }
    return Resource(**(fields | changes))


def advice(**changes: Any) -> Advice:
    """Return a valid advice item, with *changes* applied."""
    fields: dict[str, Any] = {
        "id": "an-advice",
        "audiences": ["young-people"],
        "topics": ["support"],
        "title": "Talk to someone",
        "body": "You can talk to an adult you trust.",
        "sources": [source()],
        "resources": [resource(countries=[])],
        "reviewed": DAY,
    }
    return Advice(**(fields | changes))


def occasion(**changes: Any) -> Occasion:
    """Return a valid occasion (a fixed date each year), with *changes* applied."""
    fields: dict[str, Any] = {
        "id": "an-occasion",
        "name": "Example Day",
        "month": 3,
        "day": 11,
        "lead_days": 7,
        "sources": [source()],
        "reviewed": DAY,
    }
    return Occasion(**(fields | changes))


BUILDERS = {
    "source": source,
    "speaker": speaker,
    "fact": fact,
    "quote": quote,
    "resource": resource,
    "advice": advice,
    "occasion": occasion,
}


class TestSlugs:
    """Ids are kebab-case slugs."""

    @pytest.mark.parametrize("kind", sorted(BUILDERS))
    @pytest.mark.parametrize("good", ["a", "report-remove", "met-2017-2019", "x1-y2"])
    def test_accepts_slugs(self, kind: str, good: str) -> None:
        """Lower-case letters and digits joined by single hyphens make an id."""
        assert good == BUILDERS[kind](id=good).id

    @pytest.mark.parametrize("kind", sorted(BUILDERS))
    @pytest.mark.parametrize(
        "bad", ["", "Report-Remove", "report_remove", "-a", "a-", "a--b", "a b", "é", 5, None]
    )
    def test_rejects_others(self, kind: str, bad: object) -> None:
        """Anything else is rejected with a message naming the field and the value."""
        with pytest.raises(ValueError, match=r"^id must be a kebab-case slug") as info:
            BUILDERS[kind](id=bad)

        assert repr(bad) in str(info.value)


class TestText:
    """Text fields hold non-empty text without surrounding white space."""

    @pytest.mark.parametrize(
        ("kind", "name"),
        [
            ("source", "publisher"),
            ("source", "title"),
            ("speaker", "name"),
            ("speaker", "role"),
            ("fact", "place"),
            ("fact", "population"),
            ("quote", "text"),
            ("quote", "context"),
            ("resource", "name"),
            ("resource", "description"),
            ("advice", "title"),
            ("advice", "body"),
        ],
    )
    @pytest.mark.parametrize("bad", ["", "   ", " padded", "padded\n", 3])
    def test_required_text(self, kind: str, name: str, bad: object) -> None:
        """Empty, blank, padded or non-string text is rejected, naming the field."""
        with pytest.raises(ValueError, match=f"^{name} must"):
            BUILDERS[kind](**{name: bad})

    @pytest.mark.parametrize(
        ("kind", "name"),
        [
            ("source", "note"),
            ("speaker", "organisation"),
            ("fact", "caveat"),
            ("fact", "note"),
            ("quote", "content_note"),
            ("resource", "note"),
            ("advice", "note"),
        ],
    )
    def test_optional_text(self, kind: str, name: str) -> None:
        """Optional text defaults to '' and, when given, must still be clean."""
        assert "" == getattr(BUILDERS[kind](), name)
        assert "Clean." == getattr(BUILDERS[kind](**{name: "Clean."}), name)
        with pytest.raises(ValueError, match=f"^{name} must not start or end with white space"):
            BUILDERS[kind](**{name: "Padded. "})


class TestUrls:
    """Addresses are https, or absent."""

    @pytest.mark.parametrize(
        "good",
        ["https://example.org", "https://example.org/a/b?c=d#e", "https://x.y.example.co.uk"],
    )
    @pytest.mark.parametrize(
        ("kind", "name"), [("source", "url"), ("source", "via"), ("resource", "url")]
    )
    def test_accepts_https(self, kind: str, name: str, good: str) -> None:
        """An https address with a dotted host is accepted as given."""
        assert good == getattr(BUILDERS[kind](**{name: good}), name)

    @pytest.mark.parametrize(
        "bad",
        [
            "http://example.org",
            "ftp://example.org",
            "example.org",
            "https://",
            "https://localhost",
            "https://exa mple.org",
            "https://example.org/\n",
            "javascript:alert(1)",
            "",
        ],
    )
    @pytest.mark.parametrize(
        ("kind", "name"), [("source", "url"), ("source", "via"), ("resource", "url")]
    )
    def test_rejects_others(self, kind: str, name: str, bad: str) -> None:
        """Anything that is not an https address with a host is rejected, naming the field."""
        with pytest.raises(ValueError, match=f"^{name} must be an https:// address"):
            BUILDERS[kind](**{name: bad})

    def test_print_source_has_no_url(self) -> None:
        """A print source has url None."""
        assert source(url=None).url is None


class TestRegions:
    """Countries and jurisdictions are ISO 3166 codes."""

    @pytest.mark.parametrize(
        ("kind", "name"), [("fact", "jurisdictions"), ("advice", "jurisdictions")]
    )
    def test_accepts_codes_as_tuple(self, kind: str, name: str) -> None:
        """Jurisdictions take country and subdivision codes, stored as a tuple."""
        assert ("GB", "GB-SCT", "FR") == getattr(
            BUILDERS[kind](**{name: ["GB", "GB-SCT", "FR"]}), name
        )

    def test_countries_are_countries(self) -> None:
        """A resource's countries are alpha-2 codes: select(country=) could never find GB-SCT."""
        assert ("GB", "FR") == resource(countries=["GB", "FR"]).countries
        with pytest.raises(ValueError, match=r"^countries must hold ISO 3166-1 alpha-2 codes"):
            resource(countries=["GB-SCT"])

    @pytest.mark.parametrize(
        ("kind", "name"),
        [("fact", "jurisdictions"), ("advice", "jurisdictions"), ("resource", "countries")],
    )
    @pytest.mark.parametrize("bad", ["gb", "GBR", "G", "UK-", "GB-", "GB_SCT", "GB-ABCD", 44])
    def test_rejects_others(self, kind: str, name: str, bad: object) -> None:
        """Lower case, three letters, stray separators and non-strings are rejected."""
        with pytest.raises(ValueError, match=f"^{name} must hold ISO 3166"):
            BUILDERS[kind](**{name: [bad]})

    @pytest.mark.parametrize(
        ("kind", "name"), [("advice", "jurisdictions"), ("resource", "countries")]
    )
    def test_a_bare_string_is_not_a_list(self, kind: str, name: str) -> None:
        """'GB' where a list belongs is an error naming the value, not a list of 'G' and 'B'."""
        with pytest.raises(TypeError, match="must be a list, got 'GB'"):
            BUILDERS[kind](**{name: "GB"})

    def test_worldwide(self) -> None:
        """A resource with no countries is worldwide; one with countries is not."""
        assert resource(countries=[]).worldwide
        assert not resource(countries=["GB"]).worldwide


class TestDates:
    """Dates are dates, not datetimes or strings."""

    @pytest.mark.parametrize(
        ("kind", "name"),
        [
            ("source", "published"),
            ("fact", "reviewed"),
            ("quote", "date"),
            ("quote", "reviewed"),
            ("resource", "checked"),
            ("advice", "reviewed"),
        ],
    )
    @pytest.mark.parametrize(
        "bad", ["2024-03-11", dt.datetime(2024, 3, 11, tzinfo=dt.UTC), 20240311]
    )
    def test_rejects_non_dates(self, kind: str, name: str, bad: object) -> None:
        """A string, a datetime or a number is rejected with a TypeError naming the field."""
        with pytest.raises(TypeError, match=f"^{name} must be a date"):
            BUILDERS[kind](**{name: bad})


class TestPeriod:
    """Period is an inclusive span that cannot end before it starts."""

    def test_single_day(self) -> None:
        """A period may start and end on the same day."""
        assert DAY == Period(start=DAY, end=DAY).end

    def test_rejects_reversed(self) -> None:
        """A period that ends before it starts is rejected, quoting both dates."""
        with pytest.raises(
            ValueError, match=r"period ends \(2019-01-01\) before it starts \(2020-01-01\)"
        ):
            Period(start=dt.date(2020, 1, 1), end=dt.date(2019, 1, 1))

    def test_rejects_non_dates(self) -> None:
        """Start and end must be dates."""
        with pytest.raises(TypeError, match=r"^start must be a date"):
            Period(start="2020-01-01", end=DAY)


class TestPlaceholders:
    """placeholders() finds named fields and rejects everything else with a brace."""

    @pytest.mark.parametrize(
        ("template", "expected"),
        [
            ("No placeholders.", ()),
            ("{count} of {total}", (("count", ""), ("total", ""))),
            ("{share:percent} in {year:year}", (("share", "percent"), ("year", "year"))),
            ("{{literal}} and {n}", (("n", ""),)),
            ("{{n}}", ()),
            ("{a_1}{b}", (("a_1", ""), ("b", ""))),
        ],
    )
    def test_finds_named_fields(self, template: str, expected: tuple[tuple[str, str], ...]) -> None:
        """Named fields are returned in order, with their spec; doubled braces are literals."""
        assert expected == placeholders(template)

    @pytest.mark.parametrize(
        "template",
        [
            "{x.__class__}",
            "{x[0]}",
            "{0}",
            "{}",
            "{x!r}",
            "{x:>10}",
            "{X}",
            "{ x }",
            "stray { brace",
            "stray } brace",
            "{x",
            "{1x}",
            "{x.__init__.__globals__}",
        ],
    )
    def test_rejects_format_string_tricks(self, template: str) -> None:
        """Attribute, index, positional, conversion and format-spec fields are all rejected."""
        with pytest.raises(ValueError, match=r"stray|unknown placeholder spec"):
            placeholders(template)

    def test_unknown_spec(self) -> None:
        """An unknown spec is rejected, listing the known ones."""
        with pytest.raises(
            ValueError, match=r"unknown placeholder spec 'money'.*'percent', 'year'"
        ):
            placeholders("{n:money}")

    @given(st.text())
    def test_only_value_error(self, template: str) -> None:
        """Whatever the text, placeholders() returns (name, spec) pairs or raises ValueError."""
        try:
            found = placeholders(template)
        except ValueError:
            return
        assert all(name.isidentifier() and name == name.lower() for name, _ in found)
        assert all(spec in {"", "percent", "year"} for _, spec in found)

    @given(st.text(alphabet=st.characters(blacklist_characters="{}")))
    def test_brace_free_text_has_none(self, template: str) -> None:
        """Text without braces never has placeholders and is never rejected."""
        assert () == placeholders(template)


class TestFact:
    """A fact's statement, values and period agree."""

    def test_valid(self) -> None:
        """A consistent fact keeps its template under `statement_template`."""
        assert "In {period}, {share:percent} of {count} reports were closed in {year:year}." == (
            fact().statement_template
        )

    def test_missing_value(self) -> None:
        """A placeholder without a value is rejected, naming it."""
        with pytest.raises(
            ValueError, match=r"^statement: uses \{total\} but values has no 'total'"
        ):
            fact(statement="{total} reports", values={})

    def test_unused_value(self) -> None:
        """A value the statement does not use is rejected, naming it."""
        with pytest.raises(ValueError, match=r"^values: \['extra'\] are not used in the statement"):
            fact(statement="{count} reports", values={"count": 1, "extra": 2}, period=None)

    @pytest.mark.parametrize("name", ["period", "start", "end"])
    def test_period_placeholder_needs_period(self, name: str) -> None:
        """{period}, {start} and {end} need a period."""
        with pytest.raises(ValueError, match=f"uses {{{name}}} but the fact has no period"):
            fact(statement=f"In {{{name}}}.", values={}, period=None)

    def test_period_placeholder_takes_no_spec(self) -> None:
        """{start:year} is rejected: period placeholders are always full dates."""
        with pytest.raises(ValueError, match=r"\{start\} takes no spec"):
            fact(statement="In {start:year}.", values={})

    @pytest.mark.parametrize("bad", ["12", True, None, [1]])
    def test_values_are_numbers(self, bad: object) -> None:
        """Values must be numbers; booleans and strings are rejected."""
        with pytest.raises(TypeError, match=r"^values: 'count' must be a number"):
            fact(statement="{count} reports", values={"count": bad}, period=None)

    @pytest.mark.parametrize("template", ["{count.__class__} reports", "{0} reports", "{count!r}"])
    def test_rejects_format_injection(self, template: str) -> None:
        """A statement that tries to reach attributes or positions is rejected on construction."""
        with pytest.raises(ValueError, match="stray"):
            fact(statement=template, values={"count": 1}, period=None)

    def test_needs_topics_and_sources(self) -> None:
        """A fact must have at least one topic and at least one source."""
        with pytest.raises(ValueError, match=r"^topics must list at least one entry"):
            fact(topics=[])
        with pytest.raises(ValueError, match=r"^sources must list at least one entry"):
            fact(sources=[])

    def test_unknown_topic(self) -> None:
        """A topic outside the Topic enum is rejected."""
        with pytest.raises(ValueError, match=r"'gossip' is not one of 'before-sending'"):
            fact(topics=["gossip"])


class TestEnums:
    """Enum fields accept their values as strings and store enum members."""

    def test_converted(self) -> None:
        """Strings from TOML become enum members (which still compare equal to the strings)."""
        item = resource(kind="removal", audiences=["adults"], confidence="partial")

        assert (ResourceKind.REMOVAL, (Audience.ADULTS,), Confidence.PARTIAL) == (
            item.kind,
            item.audiences,
            item.confidence,
        )
        assert SourceKind.LAW is source(kind="law").kind
        assert ChannelKind.SMS is Channel(kind="sms").kind

    def test_single_string_is_not_a_list(self) -> None:
        """A topic or audience given as a bare string is an error, never split into characters."""
        with pytest.raises(TypeError, match="must be a list, got 'support'"):
            advice(topics="support")
        with pytest.raises(TypeError, match="must be a list, got 'young-people'"):
            advice(audiences="young-people")

    @pytest.mark.parametrize(
        ("enum", "values"),
        [
            (Audience, {"young-people", "parents-carers", "professionals", "adults"}),
            (ResourceKind, {"helpline", "report", "removal", "information"}),
            (ChannelKind, {"phone", "sms", "chat", "whatsapp", "email", "web", "app"}),
            (Confidence, {"verified", "partial"}),
        ],
    )
    def test_documented_values(self, enum: type[Any], values: set[str]) -> None:
        """The enums carry exactly the documented values."""
        assert values == {member.value for member in enum}

    def test_quote_language(self) -> None:
        """A quote's language is a language tag; a language name is rejected."""
        assert "pt-BR" == quote(language="pt-BR").language
        with pytest.raises(ValueError, match="language"):
            quote(language="English")


class TestOccasion:
    """An occasion has a fixed date each year or a list of announced dates, and a lead time."""

    @pytest.mark.parametrize(
        "changes",
        [
            {"month": None, "day": None},
            {"dates": [dt.date(2024, 2, 6)]},
            {"month": None, "day": None, "dates": []},
        ],
        ids=["neither", "both", "neither-empty-list"],
    )
    def test_one_rule(self, changes: dict[str, Any]) -> None:
        """Exactly one of month-and-day or dates must be given."""
        with pytest.raises(ValueError, match="either month and day, or a list of dates"):
            occasion(**changes)

    def test_month_and_day_together(self) -> None:
        """A month without a day (or the reverse) is rejected."""
        with pytest.raises(TypeError, match="month and day"):
            occasion(day=None)

    def test_real_date(self) -> None:
        """A day that no month has (31 February) is rejected."""
        with pytest.raises(ValueError, match="day"):
            occasion(month=2, day=31)

    def test_dates_are_dates(self) -> None:
        """Listed dates must be dates."""
        with pytest.raises(TypeError, match="must be a date"):
            occasion(month=None, day=None, dates=["2024-02-06"])

    @pytest.mark.parametrize("lead", [-1, 1.5, "7"])
    def test_lead_days(self, lead: object) -> None:
        """The lead time is a whole number of days, not negative."""
        with pytest.raises((TypeError, ValueError)):
            occasion(lead_days=lead)

    def test_date_in(self) -> None:
        """A fixed occasion falls on its month and day; a listed one only in listed years."""
        listed = occasion(month=None, day=None, dates=[dt.date(2024, 2, 6), dt.date(2026, 2, 10)])

        assert dt.date(2030, 3, 11) == occasion().date_in(2030)
        assert dt.date(2026, 2, 10) == listed.date_in(2026)
        assert listed.date_in(2025) is None

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (dt.date(2024, 3, 1), dt.date(2024, 3, 11)),
            (dt.date(2024, 3, 11), dt.date(2024, 3, 11)),
            (dt.date(2024, 3, 12), dt.date(2025, 3, 11)),
            (dt.date(2024, 12, 31), dt.date(2025, 3, 11)),
        ],
    )
    def test_next_date_fixed(self, day: dt.date, expected: dt.date) -> None:
        """The next date is on or after the day, in this year or the next."""
        assert expected == occasion().next_date(day)

    def test_next_date_listed(self) -> None:
        """For listed dates the next is the first listed on or after the day, or None."""
        listed = occasion(month=None, day=None, dates=[dt.date(2024, 2, 6), dt.date(2026, 2, 10)])

        assert dt.date(2026, 2, 10) == listed.next_date(dt.date(2024, 2, 7))
        assert listed.next_date(dt.date(2026, 2, 11)) is None

    def test_next_date_leap_day(self) -> None:
        """An occasion on 29 February next falls in the next leap year."""
        assert dt.date(2028, 2, 29) == occasion(month=2, day=29).next_date(dt.date(2025, 3, 1))

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (dt.date(2024, 3, 3), None),
            (dt.date(2024, 3, 4), dt.date(2024, 3, 11)),
            (dt.date(2024, 3, 11), dt.date(2024, 3, 11)),
            (dt.date(2024, 3, 12), None),
        ],
    )
    def test_active_on(self, day: dt.date, expected: dt.date | None) -> None:
        """An occasion is active from lead_days before its date until the day itself."""
        assert expected == occasion().active_on(day)

    def test_active_across_new_year(self) -> None:
        """The lead time runs across the end of the year."""
        new_year = occasion(month=1, day=2, lead_days=5)

        assert dt.date(2025, 1, 2) == new_year.active_on(dt.date(2024, 12, 29))


class TestFrozen:
    """Items are immutable, hashable values built of tuples."""

    @pytest.mark.parametrize("kind", sorted(BUILDERS))
    def test_cannot_set(self, kind: str) -> None:
        """Setting any attribute raises FrozenInstanceError."""
        item = BUILDERS[kind]()

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            item.id = "other"

    @pytest.mark.parametrize("kind", sorted(BUILDERS))
    def test_hashable_value(self, kind: str) -> None:
        """Two items built from the same data are equal and hash alike; a changed one differs."""
        one, two = BUILDERS[kind](), BUILDERS[kind]()

        assert one == two
        assert hash(one) == hash(two)
        assert {one} == {two}
        assert BUILDERS[kind](id="other") != one

    @pytest.mark.parametrize(
        ("kind", "names"),
        [
            ("fact", ("topics", "sources", "jurisdictions")),
            ("quote", ("sources", "topics")),
            ("resource", ("countries", "audiences", "channels", "sources")),
            ("advice", ("audiences", "topics", "sources", "jurisdictions", "resources")),
        ],
    )
    def test_tuples_not_lists(self, kind: str, names: tuple[str, ...]) -> None:
        """Sequence fields given as lists are stored as tuples."""
        item = BUILDERS[kind]()

        assert all(type(getattr(item, name)) is tuple for name in names)

    def test_keyword_only(self) -> None:
        """Items are built with keywords only, so a field order change cannot swap values."""
        with pytest.raises(TypeError):
            Period(DAY, DAY)

    def test_slotted(self) -> None:
        """Items are slotted: no per-instance __dict__ to grow or mutate."""
        assert not hasattr(fact(), "__dict__")


class TestFrozenDict:
    """FrozenDict is a read-only, hashable mapping."""

    def test_mapping(self) -> None:
        """It reads like the dict it was built from, in the same order."""
        data = FrozenDict({"b": 2, "a": 1})

        assert (["b", "a"], 2, 2, {"b": 2, "a": 1}) == (
            list(data),
            len(data),
            data["b"],
            dict(data),
        )
        assert "a" in data
        assert data.get("z") is None

    def test_immutable(self) -> None:
        """Item assignment, deletion and the dict mutators are not there."""
        data: Any = FrozenDict({"a": 1})

        with pytest.raises(TypeError):
            data["a"] = 2
        with pytest.raises(TypeError):
            del data["a"]
        for name in ("update", "pop", "clear", "setdefault", "popitem"):
            assert not hasattr(data, name)
        with pytest.raises(AttributeError):
            data.extra = 1
        assert {"a": 1} == dict(data)

    def test_copies_its_input(self) -> None:
        """Changing the dict it was built from does not change it."""
        source_dict = {"a": 1}
        data = FrozenDict(source_dict)
        source_dict["a"] = 2

        assert 1 == data["a"]

    def test_hash_and_equality(self) -> None:
        """Equal contents are equal (also to a plain dict) and hash alike, whatever the order."""
        one, two = FrozenDict({"a": 1, "b": 2}), FrozenDict({"b": 2, "a": 1})

        assert one == two
        assert one == {"a": 1, "b": 2}
        assert hash(one) == hash(two)
        assert FrozenDict({"a": 1}) != one

    def test_fact_values_are_frozen(self) -> None:
        """A fact's values become a FrozenDict, so the fact stays hashable."""
        item = fact()

        assert isinstance(item.values, FrozenDict)
        assert isinstance(hash(item), int)


class TestHandBuilt:
    """Items built by hand belong to no catalogue, and say so when asked to localise."""

    @pytest.mark.parametrize(
        ("kind", "call"),
        [
            ("fact", lambda item: item.statement("fr")),
            ("fact", lambda item: item.localize("fr")),
            ("quote", lambda item: item.localize()),
            ("resource", lambda item: item.localize("pl")),
            ("advice", lambda item: item.localize("ar")),
            ("speaker", lambda item: item.localized_field("role", "fr")),
            ("occasion", lambda item: item.localized_field("name", "fr")),
        ],
    )
    def test_lookup_error(self, kind: str, call: Any) -> None:
        """Localising raises LookupError naming the item and telling how to get a catalogue."""
        item = BUILDERS[kind]()

        with pytest.raises(LookupError, match=r"built by hand.*sextingsafe.Catalogue") as info:
            call(item)

        assert repr(item.id) in str(info.value)

    def test_equal_to_loaded(self, example: Any) -> None:
        """A loaded item equals the same data built by hand: the renderer is not a field value.

        Only the loaded one can speak another language.
        """
        loaded = example.facts["example-share"]
        by_hand = attrs.evolve(loaded, renderer=None)

        assert loaded == by_hand
        assert hash(loaded) == hash(by_hand)
        assert "fr" == loaded.statement("fr").locale
        with pytest.raises(LookupError):
            by_hand.statement("fr")

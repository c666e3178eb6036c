"""Catalogue and its collections: mapping access, select(), tip(), negotiate(), locales()."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import babel
import pytest
from babel.numbers import format_decimal

import sextingsafe
from sextingsafe import (
    Advice,
    Catalogue,
    Collection,
    ContentNotFoundError,
    InvalidFilterError,
    InvalidLocaleError,
    PackError,
    PackProblem,
    Review,
)

#: The type of the ``run_together`` fixture in tests/conftest.py.
RunTogether = Callable[[int, Callable[[int], Any]], list[Any]]

ADVICE = (
    "sel-everywhere-yp",
    "sel-gb-yp",
    "sel-sct-parents",
    "sel-nir-yp",
    "sel-fr-yp",
    "sel-everywhere-pro",
    "sel-both",
)
RESOURCES = ("sel-gb-line", "sel-world-removal", "sel-fr-line", "sel-gb-report", "sel-ie-gb-line")
FACTS = ("sel-fact-everywhere", "sel-fact-gb", "sel-fact-sct", "sel-fact-nir")


def ids(items: tuple[Any, ...]) -> tuple[str, ...]:
    """Return the ids of *items*, in order."""
    return tuple(item.id for item in items)


class TestCollection:
    """A collection is a read-only mapping from id to item, in the packs' order."""

    def test_mapping(self, selection: Catalogue) -> None:
        """[], in, len, get and iteration work as on a dict, in file order."""
        advice = selection.advice

        assert isinstance(advice, Mapping)
        assert ADVICE == tuple(advice)
        assert len(ADVICE) == len(advice)
        assert "sel-gb-yp" in advice
        assert "nope" not in advice
        assert "sel-gb-yp" == advice["sel-gb-yp"].id
        assert advice.get("nope") is None
        assert ADVICE == tuple(item.id for item in advice.values())
        assert [(k, v.id) for k, v in advice.items()] == [(i, i) for i in ADVICE]

    def test_stable_order(self, selection_pack: Path) -> None:
        """Two loads of the same packs list items in the same order."""
        one = Catalogue.load(selection_pack, include_bundled=False)
        two = Catalogue.load(selection_pack, include_bundled=False)

        assert list(one.resources) == list(two.resources)
        assert RESOURCES == tuple(one.resources)

    def test_read_only(self, selection: Catalogue) -> None:
        """Items cannot be added, replaced or removed."""
        advice: Any = selection.advice

        with pytest.raises(TypeError):
            advice["x"] = advice["sel-gb-yp"]
        with pytest.raises(TypeError):
            del advice["sel-gb-yp"]
        assert ADVICE == tuple(selection.advice)

    def test_not_found_suggests(self, selection: Catalogue) -> None:
        """An unknown id raises ContentNotFoundError (a KeyError) naming close ids."""
        with pytest.raises(ContentNotFoundError) as info:
            selection.advice["sel-gb-y"]

        assert isinstance(info.value, KeyError)
        assert ("advice", "sel-gb-y") == (info.value.kind, info.value.id)
        assert "sel-gb-yp" == info.value.suggestions[0]
        assert str(info.value).startswith("no advice with id 'sel-gb-y'; did you mean 'sel-gb-yp'")

    def test_not_found_without_suggestions(self, selection: Catalogue) -> None:
        """With nothing close, there are no suggestions."""
        with pytest.raises(ContentNotFoundError) as info:
            selection.facts["zzzzzzzzzzzz"]

        assert () == info.value.suggestions
        assert "no fact with id 'zzzzzzzzzzzz'" == str(info.value)

    @pytest.mark.parametrize("key", [1, None, ("a",), ["unhashable"]])
    def test_odd_keys(self, selection: Catalogue, key: Any) -> None:
        """A key of the wrong type is not there: `in` is False, [] raises ContentNotFoundError."""
        assert key not in selection.advice
        with pytest.raises(ContentNotFoundError):
            selection.advice[key]

    def test_lazy(self) -> None:
        """Nothing is loaded until the collection is first used, and then only once."""
        calls = []

        def load() -> tuple[Any, ...]:
            calls.append(1)
            return ()

        collection: Collection[Any] = Collection("fact", load)

        assert [] == calls
        assert "<Collection of fact: not loaded yet>" == repr(collection)
        assert 0 == len(collection)
        assert "nope" not in collection
        assert [] == list(collection)
        assert [1] == calls
        assert "<Collection of fact: 0 items>" == repr(collection)

    def test_loads_once_under_contention(
        self, selection: Catalogue, run_together: RunTogether
    ) -> None:
        """16 threads using a fresh collection at once load it once and see the same items."""
        calls = []
        items = tuple(selection.advice.values())

        def slow_load() -> tuple[Advice, ...]:
            calls.append(1)
            time.sleep(0.05)
            return items

        collection: Collection[Advice] = Collection("advice", slow_load)
        results = run_together(16, lambda _: tuple(collection))

        assert [1] == calls
        assert {ADVICE} == set(results)

    def test_module_collections_lazy(self) -> None:
        """`import sextingsafe` and touching `sextingsafe.advice` load nothing; using it does."""
        code = (
            "import sextingsafe, sys\n"
            "advice = sextingsafe.advice\n"
            "from sextingsafe import _catalogue\n"
            "print(_catalogue._default is None, repr(advice))\n"
            "len(advice)\n"
            "print(_catalogue._default is None)\n"
        )
        done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )

        assert "True <AdviceCollection of advice: not loaded yet>\nFalse\n" == done.stdout


class TestThreadSafety:
    """A fresh catalogue used from many threads at once gives every thread the same answers."""

    def test_sixteen_threads(self, selection_pack: Path, run_together: RunTogether) -> None:
        """16 threads hitting a fresh Catalogue's collections and translations agree exactly."""
        catalogue = Catalogue.load(selection_pack, include_bundled=False)

        def work(_: int) -> tuple[Any, ...]:
            return (
                tuple(catalogue.advice),
                ids(catalogue.resources.select(country="GB")),
                tuple(str(f.statement("fr")) for f in catalogue.facts.values()),
                tuple(
                    (str(a.localize("ar").title), a.localize("ar").title.review)
                    for a in catalogue.advice.values()
                ),
                tuple(q.localize("fr").translation for q in catalogue.quotes.values()),
                catalogue.locales(),
            )

        results = run_together(16, work)

        assert 1 == len(set(results))
        assert ADVICE == results[0][0]


class TestLoadCollection:
    """Loading pauses the cyclic garbage collector and leaves it as it found it."""

    def test_resumed_after_load(self, make_pack: Callable[..., Path]) -> None:
        """After a load, the collector runs again."""
        Catalogue.load(make_pack(), include_bundled=False)

        assert gc.isenabled()

    def test_resumed_after_rejected_pack(self, make_pack: Callable[..., Path]) -> None:
        """After a rejected pack, the collector runs again."""
        pack = make_pack(edits={"advice.toml": "[[advice]]\nid = 3\n"})

        with pytest.raises(PackError):
            Catalogue.load(pack, include_bundled=False)

        assert gc.isenabled()

    def test_left_off_if_it_was_off(self, make_pack: Callable[..., Path]) -> None:
        """An app that turned the collector off finds it still off."""
        gc.disable()
        try:
            Catalogue.load(make_pack(), include_bundled=False)

            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_concurrent_loads(
        self, make_pack: Callable[..., Path], run_together: RunTogether
    ) -> None:
        """Loads in several threads at once leave the collector running when all are done."""
        pack = make_pack()

        loaded = run_together(4, lambda _: Catalogue.load(pack, include_bundled=False))

        assert 4 == len(loaded)
        assert gc.isenabled()


class TestAdviceSelect:
    """advice.select(): filters combine with AND, results keep the collection's order."""

    @pytest.mark.parametrize(
        ("filters", "expected"),
        [
            ({}, ADVICE),
            (
                {"audience": "young-people"},
                ("sel-everywhere-yp", "sel-gb-yp", "sel-nir-yp", "sel-fr-yp", "sel-both"),
            ),
            ({"topic": "the-law"}, ("sel-gb-yp", "sel-sct-parents", "sel-nir-yp")),
            ({"audience": "young-people", "topic": "the-law"}, ("sel-gb-yp", "sel-nir-yp")),
            ({"resource": "sel-gb-line"}, ("sel-gb-yp",)),
            ({"audience": "professionals", "topic": "sextortion"}, ()),
            (
                {"audience": "young-people", "topic": "the-law", "jurisdiction": "GB-SCT"},
                ("sel-gb-yp",),
            ),
        ],
    )
    def test_filters(
        self, selection: Catalogue, filters: dict[str, str], expected: tuple[str, ...]
    ) -> None:
        """Each filter keeps matching items; several filters keep items matching them all."""
        assert expected == ids(selection.advice.select(**filters))

    @pytest.mark.parametrize(
        ("place", "expected"),
        [
            (
                "GB-SCT",
                (
                    "sel-everywhere-yp",
                    "sel-gb-yp",
                    "sel-sct-parents",
                    "sel-everywhere-pro",
                    "sel-both",
                ),
            ),
            (
                "gb-sct",
                (
                    "sel-everywhere-yp",
                    "sel-gb-yp",
                    "sel-sct-parents",
                    "sel-everywhere-pro",
                    "sel-both",
                ),
            ),
            (
                "GB",
                (
                    "sel-everywhere-yp",
                    "sel-gb-yp",
                    "sel-sct-parents",
                    "sel-nir-yp",
                    "sel-everywhere-pro",
                    "sel-both",
                ),
            ),
            ("FR", ("sel-everywhere-yp", "sel-fr-yp", "sel-everywhere-pro", "sel-both")),
            ("DE", ("sel-everywhere-yp", "sel-everywhere-pro", "sel-both")),
        ],
    )
    def test_jurisdiction(
        self, selection: Catalogue, place: str, expected: tuple[str, ...]
    ) -> None:
        """A place matches advice for everywhere, for its country and for itself or its parts.

        Scotland gets UK-wide and Scottish advice, never Northern Irish or French advice.
        """
        assert expected == ids(selection.advice.select(jurisdiction=place))

    def test_filters_are_intersections(self, selection: Catalogue) -> None:
        """For every pair of filters, selecting with both is the intersection, in order."""
        choices: list[tuple[str, str]] = [
            *(("audience", a) for a in ("young-people", "parents-carers", "professionals")),
            *(("topic", t) for t in ("the-law", "support", "before-sending", "sextortion")),
            *(("jurisdiction", j) for j in ("GB", "GB-SCT", "GB-NIR", "FR")),
            *(("resource", r) for r in RESOURCES),
        ]
        for (name1, value1), (name2, value2) in itertools.combinations(choices, 2):
            if name1 == name2:
                continue
            first = set(ids(selection.advice.select(**{name1: value1})))
            second = set(ids(selection.advice.select(**{name2: value2})))
            expected = tuple(i for i in ADVICE if i in first & second)
            assert expected == ids(selection.advice.select(**{name1: value1, name2: value2}))

    @pytest.mark.parametrize(
        ("filters", "name"),
        [
            ({"audience": "kids"}, "audience"),
            ({"topic": "gossip"}, "topic"),
            ({"jurisdiction": "england"}, "jurisdiction"),
            ({"jurisdiction": "G"}, "jurisdiction"),
            ({"jurisdiction": 44}, "jurisdiction"),
        ],
    )
    def test_invalid(self, selection: Catalogue, filters: dict[str, Any], name: str) -> None:
        """A value outside the documented set raises InvalidFilterError naming the filter."""
        with pytest.raises(InvalidFilterError) as info:
            selection.advice.select(**filters)

        assert isinstance(info.value, ValueError)
        assert name == info.value.name
        assert str(info.value).startswith(f"invalid {name} ")

    def test_invalid_enum_lists_choices(self, selection: Catalogue) -> None:
        """An invalid enum value's error lists every accepted value."""
        with pytest.raises(InvalidFilterError) as info:
            selection.advice.select(audience="kids")

        assert "'young-people', 'parents-carers', 'professionals', 'adults'" in str(info.value)


class TestAdviceTip:
    """advice.tip(): one tip per day, the same all day, rotating through the choices."""

    def test_young_people_without_an_age_never_get_an_adults_item(self) -> None:
        """Over a year of days, a young people's tip is never an item for 18 and over.

        The reader's age is unknown, so the reader may be a child; with age=19 those items
        are chosen.
        """
        advice = sextingsafe.advice
        start = dt.date(2026, 1, 1)
        days = [start + dt.timedelta(days=n) for n in range(366)]
        adults_items = {a.id for a in advice.values() if a.ages and (a.ages.min or 0) >= 18}

        assert adults_items
        assert set() == {advice.tip(on=d).id for d in days} & adults_items
        assert {advice.tip(on=d, age=19).id for d in days} & adults_items

    def test_same_all_day(self, selection: Catalogue) -> None:
        """The tip depends on the day alone: this day's tip, and the next day's, are these."""
        day = dt.date(2024, 2, 14)

        assert ["sel-everywhere-yp", "sel-everywhere-yp", "sel-both"] == [
            selection.advice.tip(on=day).id,
            selection.advice.tip(on=dt.date(2024, 2, 14)).id,
            selection.advice.tip(on=day + dt.timedelta(days=1)).id,
        ]

    def test_rotates(self, selection: Catalogue) -> None:
        """Consecutive days differ, and as many days as choices show every choice once."""
        choices = ids(
            tuple(
                a for a in selection.advice.select(audience="young-people") if not a.jurisdictions
            )
        )
        start = dt.date(2024, 2, 14)
        tips = [
            selection.advice.tip(on=start + dt.timedelta(days=n)).id for n in range(len(choices))
        ]

        assert sorted(choices) == sorted(tips)
        assert all(a != b for a, b in itertools.pairwise(tips))

    def test_filters(self, selection: Catalogue) -> None:
        """Filters narrow the choices, as for select()."""
        tip = selection.advice.tip(
            on=dt.date(2024, 1, 1), audience="parents-carers", jurisdiction="FR"
        )

        assert "sel-both" == tip.id

    def test_unknown_place_gets_universal_advice(self, selection: Catalogue) -> None:
        """Without a jurisdiction the tip applies everywhere: never one country's law."""
        start = dt.date(2024, 1, 1)
        tips = {selection.advice.tip(on=start + dt.timedelta(days=n)) for n in range(60)}

        assert tips
        assert all(not tip.jurisdictions for tip in tips)

    def test_nothing_matches(self, selection: Catalogue) -> None:
        """No matching advice raises ContentNotFoundError naming the filters."""
        with pytest.raises(
            ContentNotFoundError, match=r"audience='professionals', topic='sextortion'"
        ):
            selection.advice.tip(audience="professionals", topic="sextortion")


class TestFactSelect:
    """facts.select() by topic, jurisdiction and source."""

    @pytest.mark.parametrize(
        ("filters", "expected"),
        [
            ({}, FACTS),
            ({"jurisdiction": "GB-SCT"}, ("sel-fact-everywhere", "sel-fact-gb", "sel-fact-sct")),
            ({"jurisdiction": "GB-NIR"}, ("sel-fact-everywhere", "sel-fact-gb", "sel-fact-nir")),
            ({"jurisdiction": "GB"}, FACTS),
            ({"jurisdiction": "FR"}, ("sel-fact-everywhere",)),
            ({"topic": "the-law"}, ("sel-fact-sct", "sel-fact-nir")),
            ({"source": "sel-print"}, ("sel-fact-gb", "sel-fact-sct")),
            ({"topic": "the-law", "jurisdiction": "GB-SCT"}, ("sel-fact-sct",)),
            ({"source": "no-such-source"}, ()),
        ],
    )
    def test_filters(
        self, selection: Catalogue, filters: dict[str, str], expected: tuple[str, ...]
    ) -> None:
        """Facts for a place include those for everywhere and for its country, not its siblings."""
        assert expected == ids(selection.facts.select(**filters))

    def test_invalid_topic(self, selection: Catalogue) -> None:
        """An unknown topic raises InvalidFilterError."""
        with pytest.raises(InvalidFilterError):
            selection.facts.select(topic="gossip")


class TestQuoteSelect:
    """quotes.select() by speaker, topic and source."""

    @pytest.mark.parametrize(
        ("filters", "expected"),
        [
            ({"speaker": "sel-alex"}, ("sel-alex-en", "sel-alex-fr")),
            ({"speaker": "sel-bea"}, ("sel-bea-en",)),
            ({"topic": "the-law"}, ("sel-alex-fr",)),
            ({"source": "sel-print"}, ("sel-bea-en",)),
            ({"speaker": "sel-alex", "topic": "support"}, ("sel-alex-en",)),
        ],
    )
    def test_filters(
        self, selection: Catalogue, filters: dict[str, str], expected: tuple[str, ...]
    ) -> None:
        """Each filter narrows the quotes; together they combine with AND."""
        assert expected == ids(selection.quotes.select(**filters))


class TestResourceSelect:
    """resources.select(): a country's own services first, then worldwide ones."""

    @pytest.mark.parametrize(
        ("filters", "expected"),
        [
            ({}, RESOURCES),
            (
                {"country": "GB"},
                ("sel-gb-line", "sel-gb-report", "sel-ie-gb-line", "sel-world-removal"),
            ),
            (
                {"country": "gb"},
                ("sel-gb-line", "sel-gb-report", "sel-ie-gb-line", "sel-world-removal"),
            ),
            (
                {"country": "GB", "worldwide": False},
                ("sel-gb-line", "sel-gb-report", "sel-ie-gb-line"),
            ),
            ({"country": "IE"}, ("sel-ie-gb-line", "sel-world-removal")),
            ({"country": "DE"}, ("sel-world-removal",)),
            ({"country": "DE", "worldwide": False}, ()),
            ({"kind": "helpline"}, ("sel-gb-line", "sel-fr-line", "sel-ie-gb-line")),
            ({"country": "GB", "kind": "helpline"}, ("sel-gb-line", "sel-ie-gb-line")),
            ({"country": "FR", "kind": "removal"}, ("sel-world-removal",)),
            ({"channel": "phone"}, ("sel-gb-line", "sel-fr-line", "sel-ie-gb-line")),
            ({"channel": "web"}, ("sel-world-removal", "sel-gb-report")),
            ({"audience": "parents-carers"}, ("sel-gb-report", "sel-ie-gb-line")),
            ({"country": "GB", "audience": "young-people", "channel": "chat"}, ("sel-gb-line",)),
        ],
    )
    def test_filters(
        self, selection: Catalogue, filters: dict[str, Any], expected: tuple[str, ...]
    ) -> None:
        """National resources come first, then worldwide ones; other filters apply to both."""
        assert expected == ids(selection.resources.select(**filters))

    @pytest.mark.parametrize(
        "country",
        ["XX", "ZZ", "EU", "UN", "EZ", "QO", "XA", "G", "GBR", "GB-SCT", "", 44, "United Kingdom"],
    )
    def test_invalid_country(self, selection: Catalogue, country: Any) -> None:
        """A malformed code, a subdivision, or a code naming no ISO 3166-1 country is refused."""
        with pytest.raises(InvalidFilterError) as info:
            selection.resources.select(country=country)

        assert "country" == info.value.name

    @pytest.mark.parametrize(
        ("filters", "name"),
        [
            ({"kind": "hotline"}, "kind"),
            ({"channel": "fax"}, "channel"),
            ({"audience": "kids"}, "audience"),
        ],
    )
    def test_invalid_enum(self, selection: Catalogue, filters: dict[str, str], name: str) -> None:
        """Unknown kinds, channels and audiences raise InvalidFilterError naming the filter."""
        with pytest.raises(InvalidFilterError) as info:
            selection.resources.select(**filters)

        assert name == info.value.name


OCCASIONS = """\
[[occasion]]
id = "example-day"
name = "Example Day"
month = 3
day = 11
lead_days = 2
sources = ["example-guidance"]
reviewed = 2026-11-27

[[occasion]]
id = "example-listed"
name = "Example Listed Day"
dates = [2024-06-01, 2025-06-07]
sources = ["example-guidance"]
reviewed = 2026-11-27
"""
TIMELY = """
[[advice]]
id = "example-timely"
audiences = ["young-people"]
topics = ["support"]
title = "A tip for Example Day"
body = "Example Day is a good day to talk."
sources = ["example-guidance"]
occasions = ["example-day"]
reviewed = 2026-11-27
"""


@pytest.fixture
def with_occasions(make_pack: Callable[..., Path]) -> Catalogue:
    """The example pack with two occasions, and an advice item and the fact tagged with one."""
    advice = (Path(__file__).parent / "packs/example/advice.toml").read_text(encoding="utf-8")
    pack = make_pack(
        "example",
        {
            "occasions.toml": OCCASIONS,
            "advice.toml": advice + TIMELY,
            "facts.toml": (
                'topics = ["prevalence"]',
                'topics = ["prevalence"]\noccasions = ["example-listed"]',
            ),
        },
    )
    return Catalogue.load(pack, include_bundled=False)


class TestOccasions:
    """Occasions: campaign moments that tag content and steer the tip of the day."""

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (dt.date(2024, 3, 8), ()),
            (dt.date(2024, 3, 9), ("example-day",)),
            (dt.date(2024, 3, 11), ("example-day",)),
            (dt.date(2024, 3, 12), ()),
            (dt.date(2024, 6, 1), ("example-listed",)),
            (dt.date(2026, 6, 1), ()),
        ],
    )
    def test_on(self, with_occasions: Catalogue, day: dt.date, expected: tuple[str, ...]) -> None:
        """occasions.on(day) gives the occasions on that day or within their lead time."""
        assert expected == ids(with_occasions.occasions.on(day))

    def test_on_needs_a_date(self, with_occasions: Catalogue) -> None:
        """A day that is not a date is a TypeError."""
        with pytest.raises(TypeError, match="date"):
            with_occasions.occasions.on("2024-03-11")  # type: ignore[arg-type]

    def test_select(self, with_occasions: Catalogue) -> None:
        """select(occasion=...) keeps the items tagged with it."""
        assert ("example-timely",) == ids(with_occasions.advice.select(occasion="example-day"))
        assert ("example-share",) == ids(with_occasions.facts.select(occasion="example-listed"))
        assert () == ids(with_occasions.facts.select(occasion="example-day"))

    def test_select_invalid(self, with_occasions: Catalogue) -> None:
        """An occasion that is not an id is an InvalidFilterError."""
        with pytest.raises(InvalidFilterError):
            with_occasions.advice.select(occasion=3)  # type: ignore[arg-type]

    def test_tip_prefers_timely_advice(self, with_occasions: Catalogue) -> None:
        """Near an occasion the tip is the advice tagged with it, every day of the lead time."""
        for day in (dt.date(2024, 3, 9), dt.date(2024, 3, 10), dt.date(2024, 3, 11)):
            assert "example-timely" == with_occasions.advice.tip(on=day).id

    def test_tip_rotates_otherwise(self, with_occasions: Catalogue) -> None:
        """Away from an occasion, the tip rotates through every matching item."""
        days = [dt.date(2024, 4, 1) + dt.timedelta(days=n) for n in range(2)]

        assert {"example-talk", "example-timely"} == {
            with_occasions.advice.tip(on=d).id for d in days
        }

    def test_names_translatable(self, with_occasions: Catalogue) -> None:
        """Occasion names are messages for translators, with context occasion:id:name."""
        assert ("occasion:example-day:name", "Example Day") in with_occasions.messages()
        assert "Example Day" == with_occasions.occasions["example-day"].localized_field(
            "name", "fr"
        )

    def test_unknown_reference(self, make_pack: Callable[..., Path]) -> None:
        """Content tagged with an occasion that does not exist is a PackError on that line."""
        pack = make_pack(
            "example",
            {
                "facts.toml": (
                    'topics = ["prevalence"]',
                    'topics = ["prevalence"]\noccasions = ["nope"]',
                )
            },
        )

        with pytest.raises(PackError) as info:
            Catalogue.load(pack, include_bundled=False)

        assert [("example/facts.toml", 9)] == [(p.path, p.line) for p in info.value.problems]


class TestNegotiate:
    """Catalogue.negotiate() picks a supported locale and returns a babel.Locale."""

    @pytest.mark.parametrize(
        ("preferred", "expected"),
        [
            ("fr-CA,fr;q=0.9,en;q=0.5", "fr"),
            ("de, pl;q=0.3, ar;q=0.6", "ar"),
            ("de, en;q=0.8, fr;q=0.5", "en"),
            ("ar;q=0, pl;q=0.1", "pl"),
            ("pt-BR", "en"),
            (["de", "pl", "fr"], "pl"),
            ([babel.Locale("ar", "EG")], "ar"),
            ("*", "en"),
        ],
    )
    def test_negotiate(self, selection: Catalogue, preferred: Any, expected: str) -> None:
        """q-values order the choices, q=0 excludes, regional tags match their language."""
        result = selection.negotiate(preferred)

        assert isinstance(result, babel.Locale)
        assert babel.Locale.parse(expected) == result

    def test_default(self, selection: Catalogue) -> None:
        """With no match the default is returned, if supported; otherwise English."""
        assert babel.Locale("pl") == selection.negotiate("de, ja", default="pl")
        assert babel.Locale("en") == selection.negotiate("de, ja", default="ja")
        assert babel.Locale("en") == selection.negotiate("")

    def test_repeatable(self, selection: Catalogue) -> None:
        """The same header gives the same answer every time (it is cached)."""
        header = "pl;q=0.5, fr;q=0.9"

        assert selection.negotiate(header) == selection.negotiate(header)
        assert babel.Locale("fr") == selection.negotiate(header)

    @pytest.mark.parametrize("preferred", ["fr;q=x", "english", ["de", "not a locale"], [3]])
    def test_malformed(self, selection: Catalogue, preferred: Any) -> None:
        """A malformed header, or a malformed tag reached in a list, raises InvalidLocaleError."""
        with pytest.raises(InvalidLocaleError):
            selection.negotiate(preferred)


class TestLocales:
    """locales(): every supported locale with coverage and review counts, English first."""

    def test_example(self, example: Catalogue) -> None:
        """Every message counts; the example's French translates 3 (fuzzy excluded), 1 reviewed.

        English is the source: complete, and not counted as reviewed (there is nothing to review).
        """
        total = len(example.messages())
        english, french = example.locales()

        assert ("en", "en", "ltr", total, total, 0, True) == (
            english.locale,
            english.tag,
            english.direction,
            english.total,
            english.translated,
            english.reviewed,
            english.source,
        )
        assert ("fr", "fr", "ltr", total, 3, 1, 1, False) == (
            french.locale,
            french.tag,
            french.direction,
            french.total,
            french.translated,
            french.reviewed,
            french.fuzzy,
            french.source,
        )

    def test_derived(self, example: Catalogue) -> None:
        """The `missing` and `complete` properties follow from the counts."""
        english, french = example.locales()

        assert (0, True, english.total - 3, False) == (
            english.missing,
            english.complete,
            french.missing,
            french.complete,
        )

    def test_selection(self, selection: Catalogue) -> None:
        """Stale and fuzzy translations are not counted; Arabic is right to left."""
        infos = {info.locale: info for info in selection.locales()}

        assert "en" == selection.locales()[0].locale
        assert {"en", "fr", "ar", "pl"} == set(infos)
        assert (6, 2) == (infos["fr"].translated, infos["fr"].reviewed)
        assert (4, 0, "rtl") == (
            infos["ar"].translated,
            infos["ar"].reviewed,
            infos["ar"].direction,
        )
        assert (4, 0) == (infos["pl"].translated, infos["pl"].reviewed)
        assert {len(selection.messages())} == {info.total for info in infos.values()}

    def test_supported_locales(self, selection: Catalogue) -> None:
        """Supported locales are the catalogues' locales and English."""
        assert frozenset({"en", "fr", "ar", "pl"}) == selection.supported_locales()


class TestMessages:
    """messages() lists every translatable text with its gettext context."""

    def test_example(self, example: Catalogue) -> None:
        """Non-empty translatable fields, as (kind:id:field, English), in content order."""
        content = tuple(m for m in example.messages() if not m[0].startswith("ui:"))

        assert (
            (
                "fact:example-share:statement",
                (
                    "In {period}, {share:percent} of {count} example reports were closed in "
                    "{year:year}."
                ),
            ),
            ("fact:example-share:place", "Exampleshire"),
            ("fact:example-share:population", "Example reports"),
            ("quote:example-speaker-talk:text", "Talking helps."),
            ("quote:example-speaker-talk:context", "An example quote for the tests."),
            ("advice:example-talk:title", "Talk to someone you trust"),
            (
                "advice:example-talk:body",
                "You can talk to an adult you trust about anything that worries you.",
            ),
            ("resource:example-line:description", "A fictional helpline used by the tests."),
            ("speaker:example-speaker:role", "Example youth worker"),
        ) == content

    def test_labels_follow_content(self, example: Catalogue) -> None:
        """The interface labels come after the content, as ui:name, plural ones by singular."""
        from sextingsafe._labels import LABELS, PLURAL_LABELS

        labels = example.messages()[9:]

        assert (
            *((f"ui:{name}", text) for name, text in LABELS.items()),
            *((f"ui:{name}", forms[0]) for name, forms in PLURAL_LABELS.items()),
        ) == labels
        assert "Where to get help" == dict(labels)["ui:where-to-get-help"]


class TestLabel:
    """Catalogue.label(): interface labels, translated like the content, with plural forms."""

    def test_english(self, selection: Catalogue) -> None:
        """In English a label is the source text."""
        text = selection.label("where-to-get-help")

        assert ("Where to get help", "en", Review.SOURCE, False) == (
            text,
            text.locale,
            text.review,
            text.is_fallback,
        )

    def test_translated(self, selection: Catalogue) -> None:
        """A translated label is in the locale; fr-CA reads it as a flagged fallback."""
        french = selection.label("where-to-get-help", "fr")
        canadian = selection.label("where-to-get-help", "fr-CA")

        assert ("Où trouver de l'aide", "fr", False) == (french, french.locale, french.is_fallback)
        assert ("Où trouver de l'aide", "fr", True) == (
            canadian,
            canadian.locale,
            canadian.is_fallback,
        )

    def test_reviewed(self, selection: Catalogue) -> None:
        """A label translation with a reviewed-by comment is reviewed, as locales() counts it."""
        assert Review.REVIEWED == selection.label("where-to-get-help", "fr").review

    def test_missing_translation(self, selection: Catalogue) -> None:
        """Without a translation the label is English, flagged as a fallback."""
        text = selection.label("where-to-get-help", "ar")

        assert ("Where to get help", "en", True, "ltr") == (
            text,
            text.locale,
            text.is_fallback,
            text.direction,
        )

    @pytest.mark.parametrize("count", [0, 1, 2, 4, 5, 12, 21, 22, 25, 101, 1234])
    def test_plural_forms(self, selection: Catalogue, count: int) -> None:
        """The plural form is the one the catalogue's Plural-Forms rule picks for the count.

        The count itself is formatted for the locale.
        """
        import gettext

        rule = gettext.c2py("(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)")
        forms = ("źródło", "źródła", "źródeł")

        text = selection.label("sources-count", "pl", count=count)

        assert f"{format_decimal(count, locale='pl')} {forms[rule(count)]}" == text
        assert ("pl", False) == (text.locale, text.is_fallback)

    @pytest.mark.parametrize(
        ("count", "expected"), [(1, "1 source"), (0, "0 sources"), (1234, "1,234 sources")]
    )
    def test_english_plural(self, selection: Catalogue, count: int, expected: str) -> None:
        """English has one form for 1 and another for every other count."""
        assert expected == selection.label("sources-count", "en", count=count)

    def test_plural_fallback(self, selection: Catalogue) -> None:
        """A plural label without a translation is English, formatted as English, flagged."""
        text = selection.label("sources-count", "ar", count=3)

        assert ("3 sources", "en", True) == (text, text.locale, text.is_fallback)

    def test_unknown(self, selection: Catalogue) -> None:
        """An unknown label is ContentNotFoundError with suggestions."""
        with pytest.raises(ContentNotFoundError) as info:
            selection.label("where-to-get-hlp")

        assert "where-to-get-help" in info.value.suggestions

    def test_plural_label_needs_count(self, selection: Catalogue) -> None:
        """A label with a count is not found without one, and one without is not found with."""
        with pytest.raises(ContentNotFoundError):
            selection.label("sources-count")
        with pytest.raises(ContentNotFoundError):
            selection.label("where-to-get-help", count=2)


class TestLoad:
    """Catalogue.load() combines packs, later ones after earlier ones."""

    def test_several_packs(self, example_pack: Path, selection_pack: Path) -> None:
        """Items of every pack are there, earlier packs' first."""
        catalogue = Catalogue.load(example_pack, selection_pack, include_bundled=False)

        assert ("example-talk", *ADVICE) == tuple(catalogue.advice)
        assert {"en", "fr", "ar", "pl"} == catalogue.supported_locales()

    def test_with_bundled(self, example_pack: Path) -> None:
        """By default the bundled content comes first, then the pack's."""
        catalogue = Catalogue.load(example_pack)
        bundled = sextingsafe.Catalogue.load()

        assert (*bundled.advice, "example-talk") == tuple(catalogue.advice)

    def test_override_listed(self, make_pack: Callable[..., Path], example_pack: Path) -> None:
        """A later pack replaces an item whose id its pack.toml lists under overrides."""
        override = make_pack(
            "example",
            {
                "pack.toml": 'name = "local"\noverrides = ["example-talk"]\n',
                "sources.toml": None,
                "facts.toml": None,
                "quotes.toml": None,
                "resources.toml": None,
                "locale/fr/LC_MESSAGES/sextingsafe.po": None,
                "advice.toml": (
                    'title = "Talk to someone you trust"',
                    'title = "Talk to a trusted adult"',
                ),
            },
        )

        catalogue = Catalogue.load(example_pack, override, include_bundled=False)
        title = catalogue.advice["example-talk"].localize("fr").title

        assert ("example-talk",) == tuple(catalogue.advice)
        assert "Talk to a trusted adult" == title
        # The French translation was made for the old English title, so it is not used.
        assert ("en", True) == (title.locale, title.is_fallback)

    def test_override_emergency(self, make_pack: Callable[..., Path]) -> None:
        """A pack replaces a country's emergency numbers by listing the country code."""
        record = (
            '[[emergency]]\ncountry = "GB"\nnumbers = [{ number = "112", uses = ["general"] }]\n'
            'sources = ["nspcc-report-abuse"]\nconfidence = "verified"\nchecked = 2026-12-07\n'
        )
        edits: dict[str, str | None] = dict.fromkeys(
            (
                "sources.toml",
                "facts.toml",
                "quotes.toml",
                "resources.toml",
                "advice.toml",
                "locale/fr/LC_MESSAGES/sextingsafe.po",
            )
        )
        listed = make_pack(
            "example", {**edits, "pack.toml": 'name = "local"\noverrides = ["GB"]\n'}
        )
        unlisted = make_pack("example", {**edits, "pack.toml": 'name = "local"\n'})
        for pack in (listed, unlisted):
            (pack / "emergency.toml").write_text(record, encoding="utf-8")

        numbers = Catalogue.load(listed).emergency_numbers["GB"].numbers
        with pytest.raises(PackError) as info:
            Catalogue.load(unlisted)

        assert ["112"] == [n.number for n in numbers]
        assert (
            PackProblem(
                "local/emergency.toml",
                2,
                "[[emergency]] 'GB': duplicate emergency id 'GB' (first defined in content); a "
                "pack that replaces an item must list its id under 'overrides' in pack.toml",
            ),
        ) == info.value.problems

    def test_later_translations_win(
        self, make_pack: Callable[..., Path], example_pack: Path
    ) -> None:
        """A later pack's translation of a message takes precedence over an earlier pack's."""
        po = (example_pack / "locale/fr/LC_MESSAGES/sextingsafe.po").read_text(encoding="utf-8")
        local = make_pack(
            "example",
            {
                "pack.toml": 'name = "local"\n',
                "sources.toml": None,
                "facts.toml": None,
                "quotes.toml": None,
                "resources.toml": None,
                "advice.toml": None,
                "locale/fr/LC_MESSAGES/sextingsafe.po": po.replace(
                    "Parle à quelqu'un en qui tu as confiance", "Parle à une personne de confiance"
                ),
            },
        )

        catalogue = Catalogue.load(example_pack, local, include_bundled=False)
        local_advice = catalogue.advice["example-talk"].localize("fr")

        assert "Parle à une personne de confiance" == local_advice.title
        assert (
            "Tu peux parler à un adulte de confiance de tout ce qui t'inquiète."
            == local_advice.body
        )

    def test_missing_directory(self, tmp_path: Path) -> None:
        """A path that is not a directory is a PackError naming it."""
        with pytest.raises(PackError) as info:
            Catalogue.load(tmp_path / "nowhere", include_bundled=False)

        assert [str(tmp_path / "nowhere")] == [p.path for p in info.value.problems]

    def test_repr(self, example: Catalogue) -> None:
        """The repr counts the items of each kind."""
        assert "<Catalogue: 1 facts, 1 quotes, 1 advice, 1 resources>" == repr(example)


class TestModuleApi:
    """The module-level API serves the bundled catalogue."""

    def test_collections(self) -> None:
        """sextingsafe.facts and friends are the bundled catalogue's collections, by kind."""
        from sextingsafe._catalogue import default_catalogue

        catalogue = default_catalogue()

        assert isinstance(sextingsafe.facts, sextingsafe.FactCollection)
        assert isinstance(sextingsafe.quotes, sextingsafe.QuoteCollection)
        assert isinstance(sextingsafe.advice, sextingsafe.AdviceCollection)
        assert isinstance(sextingsafe.resources, sextingsafe.ResourceCollection)
        for name in ("facts", "quotes", "advice", "resources", "sources", "speakers"):
            assert list(getattr(catalogue, name)) == list(getattr(sextingsafe, name))

    def test_default_catalogue_is_shared(self) -> None:
        """default_catalogue() loads once and returns the same catalogue every time."""
        from sextingsafe._catalogue import default_catalogue

        assert default_catalogue() is default_catalogue()

    def test_negotiate(self) -> None:
        """sextingsafe.negotiate() returns a babel.Locale the bundled catalogue supports."""
        from sextingsafe._catalogue import default_catalogue

        result = sextingsafe.negotiate("fr-CA,fr;q=0.9,en;q=0.5")

        assert isinstance(result, babel.Locale)
        assert str(result) in default_catalogue().supported_locales()
        assert babel.Locale("en") == sextingsafe.negotiate("xx-YY")

    def test_locales(self) -> None:
        """sextingsafe.locales() starts with English, complete."""
        first = sextingsafe.locales()[0]

        assert ("en", True) == (first.locale, first.complete)

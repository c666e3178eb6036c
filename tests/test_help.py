"""Help for the reader: one resolution of needs by country, age and time, in every output."""

from __future__ import annotations

import datetime as dt
import io
import re
import types
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import sextingsafe as ss
from sextingsafe import Catalogue, InvalidFilterError, Need, Review
from sextingsafe._cli import main
from sextingsafe._export import item_to_dict
from sextingsafe._help import (
    HelpIndex,
    _national_rank,
    known_countries,
    parse_country,
    removal_needs,
    resolve,
    serves_country,
    suggest_region,
)
from sextingsafe._model import AgeRange, Resource, Source

DAY = dt.date(2026, 11, 27)
#: The advice that applies everywhere: what a reader anywhere may be shown.
EVERYWHERE = tuple(a for a in ss.advice.values() if not a.jurisdictions)
#: Every country with a national service in the bundled content.
SERVED = tuple(sorted({c.split("-")[0] for r in ss.resources.values() for c in r.countries}))


def allowed(resource: Resource, country: str | None) -> bool:
    """A service may be shown in *country*: it is usable from anywhere, or is that country's."""
    return not resource.countries or (
        country is not None and country in {c.split("-")[0] for c in resource.countries}
    )


def line(rid: str, countries: list[str], needs: list[str], **more: Any) -> Resource:
    """Return a hand-made resource meeting *needs* in *countries*."""
    return Resource(
        id=rid,
        name=rid.title(),
        operator="Op",
        countries=countries,
        kind=more.pop("kind", "helpline"),
        audiences=more.pop("audiences", ["young-people"]),
        needs=needs,
        description="A service.",
        sources=[Source(id="s", publisher="P", title="T", kind="guidance")],
        confidence="verified",
        checked=DAY,
        **more,
    )


def _listed(resource: Resource) -> str:
    """How the command line lists a resource: name, operator and countries."""
    return f"* {resource.name} ({resource.operator}; {', '.join(resource.countries)})"


class TestParseCountry:
    """Country codes are read in any case; a subdivision is served by its country."""

    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            ("gb", ("GB", None)),
            ("PL", ("PL", None)),
            ("gb-sct", ("GB", "GB-SCT")),
            ("US-CA", ("US", "US-CA")),
        ],
    )
    def test_accepts(self, given: str, expected: tuple[str, str | None]) -> None:
        """ISO 3166-1 alpha-2 codes and ISO 3166-2 subdivisions, in any case."""
        assert expected == parse_country(given)

    @pytest.mark.parametrize("given", ["UK", "EU", "ZZ", "ß", "G", "GBR", "", "gb_sct", 44, None])
    def test_rejects(self, given: object) -> None:
        """Anything else is an InvalidFilterError that quotes the input."""
        with pytest.raises(InvalidFilterError) as caught:
            parse_country(given)

        assert ("country", given) == (caught.value.name, caught.value.value)
        assert repr(given) in str(caught.value)

    @pytest.mark.parametrize(("given", "suggestions"), [("UK", ("GB",)), ("ZZ", ())])
    def test_suggestions(self, given: str, suggestions: tuple[str, ...]) -> None:
        """The error suggests the code meant, and only when there is one."""
        with pytest.raises(InvalidFilterError) as caught:
            parse_country(given)

        assert suggestions == caught.value.suggestions

    def test_knows_every_country(self) -> None:
        """Every ISO country CLDR knows is accepted; groupings such as the EU are not."""
        countries = known_countries()

        assert {"GB", "PL", "US", "AU", "ZA", "SO", "BR"} <= countries
        assert not {"EU", "UN", "ZZ", "QO"} & countries
        assert len(countries) > 240


class TestNationalServices:
    """serves_country(): a service for a whole country, or for part of it, and whose it is.

    Resources in the content name countries; the resolution also accepts a service listed for
    a subdivision (``GB-SCT``), shown to readers there and to readers whose subdivision is
    unknown. The stand-ins below have only the attribute these functions read.
    """

    @staticmethod
    def service(*countries: str) -> Any:
        """A stand-in for a resource in *countries*."""
        return types.SimpleNamespace(countries=countries)

    @pytest.mark.parametrize(
        ("countries", "country", "subdivision", "serves"),
        [
            (("GB",), "GB", None, True),
            (("GB",), "GB", "GB-WLS", True),
            (("GB",), "IE", None, False),
            (("GB",), None, None, False),
            ((), None, None, True),
            (("GB-SCT",), "GB", None, True),
            (("GB-SCT",), "GB", "GB-SCT", True),
            (("GB-SCT",), "GB", "GB-WLS", False),
            (("GB-SCT",), "GBX", None, False),
        ],
    )
    def test_serves(
        self, countries: tuple[str, ...], country: str | None, subdivision: str | None, serves: bool
    ) -> None:
        """A national service only in its own country, a regional one only in its own part."""
        assert serves == serves_country(self.service(*countries), country, subdivision)

    @pytest.mark.parametrize(
        ("countries", "rank"),
        [(("GB",), 0), (("GB-SCT", "GB"), 0), (("GB-SCT",), 1), (("IE",), None)],
    )
    def test_whole_country_first(self, countries: tuple[str, ...], rank: int | None) -> None:
        """A service for the whole country ranks before one for part of it."""
        assert rank == _national_rank(self.service(*countries), "GB", None)

    def test_regional_service_in_the_index(self) -> None:
        """The index offers a service for part of a country to readers there, not elsewhere."""
        scotland = types.SimpleNamespace(countries=("GB-SCT",), needs=(Need.CHILD_HELPLINE,))
        index = HelpIndex([scotland])

        assert ((scotland,), ()) == index.candidates(Need.CHILD_HELPLINE, "GB", "GB-SCT")
        assert ((scotland,), ()) == index.candidates(Need.CHILD_HELPLINE, "GB", None)
        assert ((), ()) == index.candidates(Need.CHILD_HELPLINE, "GB", "GB-WLS")

    def test_regional_service_resolved(self) -> None:
        """resolve() offers a service for part of a country only there, named or not.

        Content cannot list a subdivision yet (resources name countries), so the service is a
        resource whose countries are set after it was made.
        """
        scotland = line("scot-line", ["GB"], ["child-helpline"])
        object.__setattr__(scotland, "countries", ("GB-SCT",))
        index = HelpIndex([scotland])

        def ids(country: str, **more: Any) -> list[list[str]]:
            found = resolve(["child-helpline"], index, country=country, **more)
            return [[r.id for r in group.resources] for group in found.groups]

        assert (True, False) == (index.covers("GB"), index.covers("SCT"))
        assert [["scot-line"]] == ids("GB-SCT")
        assert [[]] == ids("GB-WLS")
        assert [["scot-line"], []] == ids("GB-SCT", named=[scotland])
        assert [[]] == ids("GB-WLS", named=[scotland])
        assert ("GB", "GB-SCT") == (
            resolve([], index, country="gb-sct").country,
            resolve([], index, country="gb-sct").subdivision,
        )

    def test_countries_of_regional_services(self) -> None:
        """The index's countries are countries, whatever part of one a service is for."""
        index = HelpIndex([types.SimpleNamespace(countries=("GB-SCT",), needs=())])

        assert ("GB",) == index.countries()


class TestSuggestRegion:
    """suggest_region(): the code someone meant by a name or a common alias."""

    @pytest.mark.parametrize(
        ("given", "subdivisions", "expected"),
        [
            ("uk", True, "GB"),
            ("  great   britain ", True, "GB"),
            ("Scotland", True, "GB-SCT"),
            ("Scotland", False, "GB"),
            ("france", True, "FR"),
            ("France" + " " * 54, True, "FR"),  # 60 characters: the most it reads
            ("France" + " " * 55, True, None),
            ("Atlantis", True, None),
            (44, True, None),
        ],
    )
    def test_suggests(self, given: object, subdivisions: bool, expected: str | None) -> None:
        """Aliases and English names, with white space tidied; subdivisions only when asked."""
        assert expected == suggest_region(given, subdivisions=subdivisions)


class TestResolve:
    """resolve(): national services first, then worldwide, never another country's."""

    INDEX = HelpIndex(
        [
            line("gb-kids", ["GB"], ["child-helpline"], ages=AgeRange(max=18)),
            line("world-kids", [], ["child-helpline"]),
            line("pl-kids", ["PL"], ["child-helpline"]),
            line("gb-parents", ["GB"], ["parent-helpline"], audiences=["parents-carers"]),
            line("world-under-18", [], ["remove-image-under-18"], kind="removal"),
            line("world-adult", [], ["remove-image-adult"], kind="removal", ages=AgeRange(min=18)),
            line("ie-gb-kids", ["IE", "GB"], ["child-helpline"]),
        ]
    )

    def ids(self, needs: list[str], country: str | None, **more: Any) -> list[list[str]]:
        """The resolved ids, one list per need."""
        found = resolve(needs, self.INDEX, country=country, **more)
        return [[r.id for r in group.resources] for group in found.groups]

    @pytest.mark.parametrize(
        ("country", "expected"),
        [
            ("GB", [["gb-kids", "ie-gb-kids", "world-kids"]]),
            ("GB-SCT", [["gb-kids", "ie-gb-kids", "world-kids"]]),
            ("ie", [["ie-gb-kids", "world-kids"]]),
            ("PL", [["pl-kids", "world-kids"]]),
            ("FR", [["world-kids"]]),
            (None, [["world-kids"]]),
        ],
    )
    def test_by_country(self, country: str | None, expected: list[list[str]]) -> None:
        """The country's services (a subdivision's country's), then worldwide ones."""
        assert expected == self.ids(["child-helpline"], country)

    def test_each_service_once(self) -> None:
        """A service meeting two needs is listed under the first; the needs keep their order."""
        found = resolve(["parent-helpline", "child-helpline"], self.INDEX, country="GB")

        assert [Need.PARENT_HELPLINE, Need.CHILD_HELPLINE] == [g.need for g in found.groups]
        assert [r.id for r in found.resources] == [
            "gb-parents",
            "gb-kids",
            "ie-gb-kids",
            "world-kids",
        ]

    def test_named_first_where_allowed(self) -> None:
        """Services an item is about come first, but only in their own countries."""
        named = [self.INDEX.resources[0]]  # gb-kids

        gb = resolve(["child-helpline"], self.INDEX, country="GB", named=named)
        pl = resolve(["child-helpline"], self.INDEX, country="PL", named=named)

        assert (None, ("gb-kids",)) == (
            gb.groups[0].need,
            tuple(r.id for r in gb.groups[0].resources),
        )
        assert ["pl-kids", "world-kids"] == [r.id for r in pl.resources]

    def test_no_country(self) -> None:
        """With no country: worldwide services only, and the help says the country is unknown."""
        found = resolve(["child-helpline", "parent-helpline"], self.INDEX, country=None)

        assert (None, False) == (found.country, found.country_known)
        assert ["world-kids"] == [r.id for r in found.resources]

    @pytest.mark.parametrize(
        ("country", "covered"),
        [
            ("GB", True),
            ("GB-SCT", True),
            ("IE", True),  # through a service for two countries
            ("PL", True),
            ("FR", False),  # only worldwide services
            ("DE", False),  # its only service is closed
            (None, True),  # unknown is not uncovered: the notice asks for the country
        ],
    )
    def test_country_covered(self, country: str | None, covered: bool) -> None:
        """A known country is covered when a service that is not closed lists it, for any need.

        Whatever the needs asked for: Poland is covered though no parent line is listed there.
        """
        index = HelpIndex(
            [*self.INDEX.resources, line("de-closed", ["DE"], ["child-helpline"], status="closed")]
        )
        found = resolve(["parent-helpline"], index, country=country)

        assert covered is found.country_covered

    def test_age(self) -> None:
        """A service that does not serve the reader's age is left out."""
        assert [["ie-gb-kids", "world-kids"]] == self.ids(["child-helpline"], "GB", age=19)

    @pytest.mark.parametrize(
        ("more", "expected"),
        [
            ({}, [["world-under-18"], ["world-adult"]]),
            ({"taken_at_age": 15}, [["world-under-18"]]),
            ({"taken_at_age": 20}, [["world-adult"]]),
            ({"age": 15}, [["world-under-18"]]),
            ({"age": 30}, [["world-under-18"], ["world-adult"]]),
            ({"age": 30, "taken_at_age": 16}, [["world-under-18"]]),
        ],
    )
    def test_removal_by_age_taken(self, more: dict[str, int], expected: list[list[str]]) -> None:
        """Removal tools follow the age an image was taken at; a child's own age stands in."""
        needs = ["remove-image-under-18", "remove-image-adult"]

        assert expected == self.ids(needs, "GB", **more)

    @pytest.mark.parametrize(
        ("name", "value"),
        [
            ("age", -1),
            ("age", True),
            ("taken_at_age", "15"),
            ("at", dt.datetime(2026, 1, 1)),  # noqa: DTZ001 - naive on purpose
        ],
    )
    def test_bad_circumstances(self, name: str, value: object) -> None:
        """A bad age or a naive time is an InvalidFilterError naming it."""
        with pytest.raises(InvalidFilterError) as caught:
            resolve(["child-helpline"], self.INDEX, country="GB", **{name: value})

        assert name == caught.value.name

    @pytest.mark.parametrize(
        ("country", "taken_at_age", "offered"),
        [("GB", 14, True), ("GB", 16, False), (None, 16, False), (None, None, True)],
    )
    def test_removal_eligibility(
        self, country: str | None, taken_at_age: int | None, offered: bool
    ) -> None:
        """A removal tool is left out when the age an image was taken at rules it out."""
        index = HelpIndex(
            [
                line(
                    "world-under-16",
                    [],
                    ["remove-image-under-18"],
                    kind="removal",
                    eligibility={"taken_at": {"max": 15}},
                )
            ]
        )
        found = resolve(
            ["remove-image-under-18"], index, country=country, taken_at_age=taken_at_age
        )

        assert offered == ("world-under-16" in [r.id for r in found.resources])

    def test_open_services_first(self) -> None:
        """With a time: open services first, then unknown hours, then closed; else order stays."""

        def hours(opens: str, closes: str) -> list[dict[str, Any]]:
            period = {"days": "mon-sun", "opens": opens, "closes": closes}
            zone = {"zone": "Europe/London", "periods": [period]}
            return [{"kind": "phone", "value": "0800 111", "hours": zone}]

        index = HelpIndex(
            [
                line("gb-day", ["GB"], ["child-helpline"], channels=hours("09:00", "17:00")),
                line("gb-unknown", ["GB"], ["child-helpline"]),
                line("gb-evening", ["GB"], ["child-helpline"], channels=hours("18:00", "23:00")),
            ]
        )
        london = ZoneInfo("Europe/London")

        def order(at: dt.datetime | None) -> list[str]:
            return [r.id for r in resolve(["child-helpline"], index, country="GB", at=at).resources]

        assert ["gb-day", "gb-unknown", "gb-evening"] == order(None)
        assert ["gb-evening", "gb-unknown", "gb-day"] == order(
            dt.datetime(2026, 12, 7, 20, tzinfo=london)
        )
        assert ["gb-day", "gb-unknown", "gb-evening"] == order(
            dt.datetime(2026, 12, 7, 10, tzinfo=london)
        )

    def test_table_leaves_out_closed_services(self) -> None:
        """A closed service is in no row of the table, though its country has a row."""
        index = HelpIndex(
            [
                line("gb-closed", ["GB"], ["child-helpline"], status="closed"),
                line("world-kids", [], ["child-helpline"]),
            ]
        )

        assert ("GB",) == index.countries()
        assert {
            "*": {"child-helpline": ["world-kids"]},
            "GB": {"child-helpline": ["world-kids"]},
        } == index.table()

    def test_bad_need(self) -> None:
        """A need outside the vocabulary is an InvalidFilterError naming it and every need."""
        with pytest.raises(InvalidFilterError) as info:
            resolve(["helpline"], self.INDEX, country="GB")

        assert ("need", "helpline") == (info.value.name, info.value.value)
        assert (
            "invalid need 'helpline': expected one of 'child-helpline', 'parent-helpline', "
            "'professional-helpline', 'report-abuse', 'report-csam', 'remove-image-under-18', "
            "'remove-image-adult', 'crisis-support', 'emergency'"
        ) == str(info.value)

    def test_bad_audience_and_time(self) -> None:
        """An audience outside the vocabulary, or a time without its zone, is named in full."""
        naive = dt.datetime(2026, 12, 7, 10)  # noqa: DTZ001 - the mistake under test
        with pytest.raises(InvalidFilterError) as audience:
            resolve(["child-helpline"], self.INDEX, country="GB", audience="parents")
        with pytest.raises(InvalidFilterError) as at:
            resolve(["child-helpline"], self.INDEX, country="GB", at=naive)

        assert (
            "invalid audience 'parents': expected one of 'young-people', 'parents-carers', "
            "'professionals', 'adults'"
        ) == str(audience.value)
        assert (
            "invalid at datetime.datetime(2026, 12, 7, 10, 0): "
            "expected a timezone-aware datetime.datetime"
        ) == str(at.value)
        assert ("at", naive) == (at.value.name, at.value.value)

    def test_adult_reader_keeps_both_removal_tools(self) -> None:
        """A reader of 18 may have an image taken before 18: both kinds of tool stay."""
        found = resolve(
            ["remove-image-under-18", "remove-image-adult"], self.INDEX, country="FR", age=18
        )
        under_18 = resolve(
            ["remove-image-under-18", "remove-image-adult"], self.INDEX, country="FR", age=17
        )

        assert ["world-under-18", "world-adult"] == [r.id for r in found.resources]
        assert ["world-under-18"] == [r.id for r in under_18.resources]

    @pytest.mark.parametrize(
        ("age", "accepted"), [(0, True), (120, True), (-1, False), (121, False)]
    )
    def test_ages_from_0_to_120(self, age: int, accepted: bool) -> None:
        """An age is a whole number of years from 0 to 120, both included."""
        if accepted:
            assert ["world-kids"] == [
                r.id
                for r in resolve(["child-helpline"], self.INDEX, country="FR", age=age).resources
            ]
        else:
            with pytest.raises(InvalidFilterError) as info:
                resolve(["child-helpline"], self.INDEX, country="FR", age=age)
            assert (
                f"invalid age {age}: expected a whole number of years from 0 to 120",
                age,
            ) == (str(info.value), info.value.value)

    @pytest.mark.parametrize(
        ("taken_at_age", "expected"),
        [
            (None, ("child-helpline", "remove-image-under-18", "remove-image-adult")),
            (17, ("child-helpline", "remove-image-under-18")),
            (18, ("child-helpline", "remove-image-adult")),
        ],
    )
    def test_removal_needs(self, taken_at_age: int | None, expected: tuple[str, ...]) -> None:
        """Only removal needs are fitted to the age an image was taken at; 18 is an adult's."""
        needs = ["child-helpline", "remove-image-under-18", "remove-image-adult"]

        assert expected == tuple(
            n.value for n in removal_needs(map(Need, needs), taken_at_age=taken_at_age)
        )

    def test_table(self) -> None:
        """The table has a row per country with a service, and "*" for an unknown country."""
        table = self.INDEX.table()

        assert {"*", "GB", "IE", "PL"} == set(table)
        assert {
            "child-helpline": ["world-kids"],
            "remove-image-under-18": ["world-under-18"],
            "remove-image-adult": ["world-adult"],
        } == table["*"]
        assert ["ie-gb-kids", "world-kids"] == table["IE"]["child-helpline"]
        assert ["gb-parents"] == table["GB"]["parent-helpline"]


class TestAdviceViews:
    """Advice.localize(locale, country=...): the view's help, HTML and notice."""

    def test_country(self, selection: Catalogue) -> None:
        """The view holds the country's services for each need, then worldwide ones."""
        view = selection.advice["sel-both"].localize("pl", country="gb")

        assert ("GB", True) == (view.country, view.country_known)
        assert [None, Need.CHILD_HELPLINE, Need.REMOVE_IMAGE_UNDER_18] == [
            group.need for group in view.help
        ]
        assert ["sel-world-removal", "sel-gb-line"] == [r.id for r in view.resources]
        assert view.country_notice is None
        assert 'data-country="GB"' in view.__html__()

    def test_other_country(self, selection: Catalogue) -> None:
        """A reader in France gets France's line, never Britain's."""
        view = selection.advice["sel-both"].localize("fr", country="FR")

        assert ["sel-world-removal", "sel-fr-line"] == [r.id for r in view.resources]

    def test_unknown_country(self, selection: Catalogue) -> None:
        """Without a country: worldwide services, a notice, and data-country-unknown."""
        view = selection.advice["sel-both"].localize("en")
        html = view.__html__()

        assert (None, False) == (view.country, view.country_known)
        assert ["sel-world-removal"] == [r.id for r in view.resources]
        assert str(view.country_notice).startswith("Only services you can use from anywhere")
        assert "data-country-unknown" in html
        assert '<p class="sextingsafe-country-unknown">' in html

    def test_country_not_covered(self) -> None:
        """A country with no service of its own listed: no help but a notice saying so.

        "You can say no" asks for a child helpline and a report service; none is usable from
        anywhere, so a reader in Japan is shown none, and told why, in their language.
        """
        view = ss.advice["you-can-say-no"].localize("fr", country="JP")
        covered = ss.advice["you-can-say-no"].localize("fr", country="FR")
        html = view.__html__()
        text = io.StringIO()
        assert 0 == main(["show", "you-can-say-no", "-c", "JP", "-l", "fr"], text)
        notice = (
            "Notre liste ne comprend pas encore de services dans votre pays. "
            "Seuls les services accessibles de partout sont affichés."
        )

        assert ("JP", True, False, ()) == (
            view.country,
            view.country_known,
            view.country_covered,
            view.resources,
        )
        assert view.country_notice is not None
        assert (notice, "fr", Review.UNREVIEWED) == (
            str(view.country_notice),
            view.country_notice.locale,
            view.country_notice.review,
        )
        assert 'data-country="JP"' in html
        assert (
            '<section class="sextingsafe-help"><p class="sextingsafe-country-not-covered">'
            f'<span lang="fr" dir="ltr">{notice}</span></p></section>'
        ) in html
        assert f"\n{notice}\n" in text.getvalue()
        assert (True, None) == (covered.country_covered, covered.country_notice)
        assert ["allo-119-fr", "3018-fr"] == [r.id for r in covered.resources]

    def test_country_not_covered_in_json(self) -> None:
        """The JSON form says so too: country_covered false, and the notice as a text object."""
        data = item_to_dict(ss.advice["you-can-say-no"], "ar", country="JP")
        notice = (
            "لا تتضمن قائمتنا بعدُ خدمات في بلدك. تظهر فقط الخدمات التي يمكن استخدامها من أي مكان."
        )

        assert ("JP", False, [[], []]) == (
            data["country"],
            data["country_covered"],
            [group["resources"] for group in data["help"]],
        )
        assert {
            "text": notice,
            "locale": "ar",
            "direction": "rtl",
            "review": "unreviewed",
            "is_fallback": False,
        } == data["country_notice"]
        assert (
            True is item_to_dict(ss.advice["you-can-say-no"], "ar", country="FR")["country_covered"]
        )

    @pytest.mark.parametrize("country", [None, "JP", "GB"])
    def test_no_help_needed(
        self, selection: Catalogue, selection_pack: Path, country: str | None
    ) -> None:
        """Advice with no needs and no services named: no notice, no help, whatever the country.

        Asking for the reader's country, or saying none of its services is listed, would be
        noise under advice that offers no services at all.
        """
        view = selection.advice["sel-sct-parents"].localize("en", country=country)
        text = io.StringIO()
        where = ["-c", country] if country else []
        assert 0 == main(["show", "sel-sct-parents", "--pack", str(selection_pack), *where], text)

        assert ((), (), None) == (view.help, view.resources, view.country_notice)
        assert (
            '<article class="sextingsafe-advice" data-id="sel-sct-parents"><h3>'
            '<span lang="en" dir="ltr">The law in Scotland</span></h3><p>'
            '<span lang="en" dir="ltr">In Scotland, a fictional statute applies.</span></p>'
            "</article>"
        ) == view.__html__()
        assert (
            "The law in Scotland\n\nIn Scotland, a fictional statute applies.\n" + ("  Source: ")
            == text.getvalue()[: text.getvalue().index("  Source: ") + len("  Source: ")]
        )

    def test_bad_country(self, selection: Catalogue) -> None:
        """A code that is no country is an InvalidFilterError naming the input."""
        with pytest.raises(InvalidFilterError, match="'United Kingdom'"):
            selection.advice["sel-both"].localize("en", country="United Kingdom")

    def test_need_groups_in_html(self, selection: Catalogue) -> None:
        """The HTML lists each need's services under its label, with data-need."""
        html = selection.advice["sel-both"].localize("en", country="GB").__html__()

        assert '<div class="sextingsafe-need" data-need="named">' in html
        assert '<div class="sextingsafe-need" data-need="child-helpline">' in html
        assert "Someone to talk to" in html
        # Each service once: the removal tool was listed as the service the item is about.
        assert 'data-need="remove-image-under-18"' not in html


class TestEmergency:
    """{emergency} in advice text is the reader's number, or words for it."""

    def test_unknown_country(self) -> None:
        """With no country, advice says "your local emergency number", never a number."""
        view = ss.advice["if-your-child-is-blackmailed"].localize("en")

        assert view.emergency is not None
        assert ((), "your local emergency number") == (
            view.emergency.numbers,
            str(view.emergency.text),
        )
        assert "call your local emergency number." in str(view.emergency.sentence)

    def test_placeholder_filled(self) -> None:
        """The placeholder is filled in title and body, keeping the text's locale and review."""
        from sextingsafe._localized import LocalizedText
        from sextingsafe._renderer import _filled

        text = LocalizedText("Call {emergency} now.", locale="pl", review=ss.Review.UNREVIEWED)
        filled = _filled(text, "112")

        assert ("Call 112 now.", "pl", ss.Review.UNREVIEWED) == (
            str(filled),
            filled.locale,
            filled.review,
        )

    def test_words_in_the_texts_language(self) -> None:
        """A text that fell back to English gets the English words, not the reader's language.

        Otherwise a Polish reader of an untranslated body would read "call lokalny numer
        alarmowy" in the middle of an English sentence.
        """
        from sextingsafe._catalogue import default_catalogue
        from sextingsafe._help import Help
        from sextingsafe._localized import LocalizedText

        renderer = default_catalogue()._renderer
        fell_back = LocalizedText(
            "Call {emergency}.", locale="en", requested="pl", is_fallback=True
        )
        help_ = Help(country=None, subdivision=None, needs=(), groups=())

        filled = renderer._with_emergency(fell_back, help_)

        assert ("Call your local emergency number.", "en", True) == (
            str(filled),
            filled.locale,
            filled.is_fallback,
        )


class TestWalk:
    """No output sends a reader in one country to another country's national service."""

    @pytest.mark.parametrize("country", sorted(known_countries()))
    def test_every_country_every_item(self, country: str) -> None:
        """Every ISO country x every item that applies everywhere: views and HTML."""
        for advice in EVERYWHERE:
            view = advice.localize("en", country=country)
            shown = [r.resource for r in view.resources]
            html_ids = re.findall(
                r'class="sextingsafe-resource" data-id="([^"]+)"', view.__html__()
            )

            assert [r.id for r in shown] == html_ids, advice.id
            assert [] == [r.id for r in shown if not allowed(r, country)], advice.id

    def test_no_country(self) -> None:
        """With no country: only services usable from anywhere, and the view says so."""
        for advice in EVERYWHERE:
            view = advice.localize("en")

            assert not view.country_known
            assert [] == [r.id for r in view.resources if not r.resource.worldwide], advice.id

    def test_table(self) -> None:
        """The export's table offers each country only its own and worldwide services."""
        table = ss.Catalogue.bundled().help_table()

        assert set(SERVED) <= set(table)
        for country, row in table.items():
            for need, ids in row.items():
                wrong = [
                    i
                    for i in ids
                    if not allowed(ss.resources[i], None if country == "*" else country)
                ]
                assert [] == wrong, (country, need)

    @pytest.mark.parametrize("country", SERVED)
    def test_cli_tip(self, country: str) -> None:
        """`sextingsafe tip --country XX` names no other country's service."""
        foreign = [r for r in ss.resources.values() if not allowed(r, country)]
        for audience in ("young-people", "parents-carers", "professionals"):
            out = io.StringIO()
            assert 0 == main(
                ["tip", "--country", country, "--audience", audience, "--on", "2026-03-01"], out
            )
            text = out.getvalue()

            assert [] == [r.id for r in foreign if _listed(r) in text], (country, audience)


class TestExport:
    """The export carries the help table; JSON-LD mentions the help for its country."""

    def test_table_in_export(self, selection: Catalogue) -> None:
        """The export's `help` is country -> need -> ids, with "*" for an unknown country."""
        data = ss.export(selection, None)

        assert {
            "*": {"remove-image-under-18": ["sel-world-removal"]},
            "FR": {
                "child-helpline": ["sel-fr-line"],
                "remove-image-under-18": ["sel-world-removal"],
            },
            "GB": {
                "child-helpline": ["sel-gb-line"],
                "parent-helpline": ["sel-ie-gb-line"],
                "report-abuse": ["sel-gb-report"],
                "remove-image-under-18": ["sel-world-removal"],
            },
            "IE": {
                "parent-helpline": ["sel-ie-gb-line"],
                "remove-image-under-18": ["sel-world-removal"],
            },
        } == data["help"]

    def test_round_trip(self, selection: Catalogue) -> None:
        """load_export accepts the table it wrote, and rebuilds the same table."""
        data = ss.export(selection, None)

        assert data["help"] == ss.load_export(data).help_table()

    def test_edited_table_rejected(self, selection: Catalogue) -> None:
        """A table that sends a country elsewhere than its resources say is rejected."""
        data = ss.export(selection, None)
        data["help"]["FR"]["child-helpline"] = ["sel-gb-line"]

        with pytest.raises(ss.PackError, match="help: the table does not match"):
            ss.load_export(data)

    def test_jsonld_mentions_the_countrys_help(self, selection: Catalogue) -> None:
        """Each HowToTip mentions the resolved help: France's line in FR, none of Britain's."""
        nodes = {n["@id"]: n for n in ss.export_jsonld(selection, "en", country="FR")["@graph"]}
        unknown = {n["@id"]: n for n in ss.export_jsonld(selection, "en")["@graph"]}

        assert [
            {"@id": "urn:sextingsafe:resource:sel-world-removal"},
            {"@id": "urn:sextingsafe:resource:sel-fr-line"},
        ] == nodes["urn:sextingsafe:advice:sel-both"]["mentions"]
        assert [{"@id": "urn:sextingsafe:resource:sel-world-removal"}] == unknown[
            "urn:sextingsafe:advice:sel-both"
        ]["mentions"]

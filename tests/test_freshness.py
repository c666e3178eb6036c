"""Help for the reader's country, with how fresh each detail is and each tool's limits.

The bundled content is the data: the expected services, numbers, dates and hours below are
the ones its records hold, written out literally.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

import sextingsafe as ss
from sextingsafe._cli import main
from sextingsafe._contact import MAX_EVIDENCE_AGE

#: The day freshness is judged on in these tests.
TODAY = dt.date(2026, 12, 7)


def services(advice_id: str, country: str) -> dict[str | None, list[str]]:
    """The services an English reader in *country* is offered for the item, need by need."""
    view = ss.advice[advice_id].localize("en", country=country, today=TODAY)
    return {g.need.value if g.need else None: [r.id for r in g.resources] for g in view.help}


class TestHelpPerCountry:
    """Items that apply everywhere offer each reader their own country's services."""

    @pytest.mark.parametrize(
        ("country", "expected"),
        [
            (
                "PL",
                {
                    "child-helpline": ["telefon-zaufania-116111-pl", "helpline-800100100-pl"],
                    "report-abuse": [],
                },
            ),
            ("US", {"child-helpline": ["childhelp-us"], "report-abuse": ["cybertipline-us"]}),
            ("AU", {"child-helpline": ["kids-helpline-au"], "report-abuse": []}),
            ("GB", {"child-helpline": ["childline-gb"], "report-abuse": ["ceop-gb"]}),
            ("IE", {"child-helpline": ["childline-ie"], "report-abuse": []}),
        ],
    )
    def test_you_can_say_no(self, country: str, expected: dict[str, list[str]]) -> None:
        """Someone to talk to, and where to report, for the reader's country only."""
        assert expected == services("you-can-say-no", country)

    @pytest.mark.parametrize(
        ("country", "expected"),
        [
            (
                "PL",
                {
                    "crisis-support": [],
                    "child-helpline": ["telefon-zaufania-116111-pl", "helpline-800100100-pl"],
                    "emergency": [],
                },
            ),
            (
                "US",
                {
                    "crisis-support": ["988-lifeline-us"],
                    "child-helpline": ["childhelp-us"],
                    "emergency": [],
                },
            ),
            (
                "AU",
                {
                    "crisis-support": ["lifeline-au"],
                    "child-helpline": ["kids-helpline-au"],
                    "emergency": [],
                },
            ),
            (
                "GB",
                {
                    "crisis-support": ["childline-gb", "samaritans", "shout-gb"],
                    "child-helpline": [],
                    "emergency": [],
                },
            ),
            (
                "IE",
                {
                    "crisis-support": ["samaritans", "text-50808-ie", "childline-ie"],
                    "child-helpline": [],
                    "emergency": [],
                },
            ),
        ],
    )
    def test_if_it_feels_too_much(self, country: str, expected: dict[str, list[str]]) -> None:
        """Crisis support is the country's own line: 988 in the US, Lifeline in Australia.

        A service listed under an earlier need is not listed again (Childline in the UK).
        """
        assert expected == services("if-it-feels-too-much", country)

    @pytest.mark.parametrize(
        ("country", "expected"),
        [
            (
                "PL",
                {
                    "report-abuse": [],
                    "parent-helpline": ["helpline-800100100-pl"],
                    "remove-image-under-18": ["take-it-down"],
                    "emergency": [],
                },
            ),
            (
                "US",
                {
                    "report-abuse": ["cybertipline-us"],
                    "parent-helpline": ["childhelp-us"],
                    "remove-image-under-18": ["take-it-down"],
                    "emergency": [],
                },
            ),
            (
                "AU",
                {
                    "report-abuse": [],
                    "parent-helpline": [],
                    "remove-image-under-18": ["esafety-image-based-abuse-au", "take-it-down"],
                    "emergency": [],
                },
            ),
            (
                "GB",
                {
                    "report-abuse": ["nspcc-helpline-gb", "ceop-gb"],
                    "parent-helpline": [],
                    "remove-image-under-18": ["report-remove-gb", "take-it-down"],
                    "emergency": [],
                },
            ),
            (
                "IE",
                {
                    "report-abuse": [],
                    "parent-helpline": ["ispcc-support-line-ie"],
                    "remove-image-under-18": ["take-it-down"],
                    "emergency": [],
                },
            ),
        ],
    )
    def test_if_your_child_is_blackmailed(
        self, country: str, expected: dict[str, list[str]]
    ) -> None:
        """The country's own removal service first (Report Remove, eSafety), then Take It Down."""
        assert expected == services("if-your-child-is-blackmailed", country)


class TestEmergencyNumbers:
    """The emergency number follows the reader's country, never another's."""

    @pytest.mark.parametrize(
        ("country", "numbers", "text"),
        [
            ("AU", ("000",), "000"),
            ("US", ("911",), "911"),
            ("GB", ("999",), "999"),
            ("IE", ("112", "999"), "112 or 999"),
            ("PL", ("112",), "112"),
            ("ZA", ("10111", "112"), "10111 or 112"),
        ],
    )
    def test_by_country(self, country: str, numbers: tuple[str, ...], text: str) -> None:
        """The view's numbers as dialled, and as the sentence says them."""
        emergency = ss.advice["if-it-feels-too-much"].localize("en", country=country).emergency

        assert emergency is not None
        assert (numbers, text) == (emergency.numbers, str(emergency.text))
        assert f'href="tel:{numbers[0]}"' in emergency.__html__()

    def test_never_101_in_south_africa(self) -> None:
        """South Africa's reader is never told to call 101 (the UK's non-emergency police)."""
        view = ss.advice["if-it-feels-too-much"].localize("en", country="ZA")

        assert view.emergency is not None
        assert "101" not in view.emergency.numbers
        assert not re.search(r"(?<![0-9])101(?![0-9])", view.__html__())


class TestStale:
    """A detail whose newest evidence is older than the limit is flagged, never hidden."""

    def test_limit(self) -> None:
        """The documented limit is two years."""
        assert dt.timedelta(days=730) == MAX_EVIDENCE_AGE

    def test_old_evidence(self) -> None:
        """The NSPCC Helpline's number and email, evidenced in 2020, are stale on TODAY."""
        view = ss.resources["nspcc-helpline-gb"].localize("en", today=TODAY)

        assert ("channels[0]", "channels[1]") == view.stale
        assert [True, True] == [c.stale for c in view.channels]
        assert view.today == TODAY
        assert (
            "Checked against evidence more than two years old: confirm before relying on it"
            == str(view.stale_note)
        )

    def test_fresh_evidence(self) -> None:
        """The same details were not stale in 2021, within two years of their evidence."""
        view = ss.resources["nspcc-helpline-gb"].localize("en", today=dt.date(2021, 6, 1))

        assert ((), None) == (view.stale, view.stale_note)
        assert [False, False] == [c.stale for c in view.channels]

    def test_undated_is_not_stale(self) -> None:
        """Evidence with no date is unknown, not stale: Kids Helpline (Australia) has none."""
        view = ss.resources["kids-helpline-au"].localize("en", today=TODAY)

        assert () == view.stale
        assert [None, None, None] == [c.as_of for c in view.channels]

    def test_dated_by_its_source(self) -> None:
        """Childline (Ireland) is dated by its only source, of 31 December 2021: all stale."""
        resource = ss.resources["childline-ie"]
        view = resource.localize("en", today=TODAY)

        assert [dt.date(2021, 12, 31)] * 4 == [
            resource.as_of,
            *(c.as_of for c in resource.channels),
        ]
        assert ("description", "channels[0]", "channels[1]", "channels[2]") == view.stale
        assert (None, "31 Dec 2021") == (view.undated_note, str(view.channels[0].as_of))

    def test_undated_says_so(self) -> None:
        """With no date of evidence on any detail, the view, HTML and CLI say it is not recorded.

        A reader then sees how fresh the evidence is even when nobody knows: the check date
        alone never stands in for it.
        """
        undated = (
            "The date of the evidence for these details is not recorded: "
            "check before relying on them"
        )
        view = ss.resources["kids-helpline-au"].localize("en", today=TODAY)
        out = io.StringIO()
        assert 0 == main(["show", "kids-helpline-au"], out)

        assert undated == str(view.undated_note)
        assert f'<p class="sextingsafe-undated"><span lang="en" dir="ltr">{undated}</span></p>' in (
            view.__html__()
        )
        assert f"    [{undated}]\n" in out.getvalue()
        assert ss.resources["nspcc-helpline-gb"].localize("en").undated_note is None

    def test_today_from_at(self) -> None:
        """With a time and no day, freshness is judged on the day of the time."""
        at = dt.datetime(2021, 6, 1, 12, tzinfo=dt.UTC)
        view = ss.advice["if-your-child-is-blackmailed"].localize("en", country="GB", at=at)
        nspcc = next(r for r in view.resources if r.id == "nspcc-helpline-gb")

        assert (dt.date(2021, 6, 1), ()) == (nspcc.today, nspcc.stale)

    def test_html(self) -> None:
        """Stale details carry data-stale and the class, and the note asks for a check."""
        html = ss.resources["nspcc-helpline-gb"].localize("en", today=TODAY).__html__()

        assert 'data-confidence="verified" data-stale="true">' in html
        assert (
            '<span class="sextingsafe-channel sextingsafe-stale" data-channel="phone" '
            'data-stale="true"><a href="tel:+448088005000"><bdi dir="ltr">0808 800 5000</bdi></a> '
            '<span class="sextingsafe-as-of"><span lang="en" dir="ltr">as of</span> '
            '<time datetime="2020-01-01" lang="en" dir="ltr">1 Jan 2020</time></span></span>'
        ) in html
        assert '<p class="sextingsafe-stale-note">' in html

    def test_fresh_html(self) -> None:
        """Nothing is flagged while the evidence is recent."""
        html = ss.resources["nspcc-helpline-gb"].localize("en", today=dt.date(2021, 6, 1))
        page = html.__html__()

        assert ("data-stale" in page, "sextingsafe-stale" in page) == (False, False)

    def test_cli(self) -> None:
        """The command line marks each stale detail and says when it is evidenced."""
        out = io.StringIO()
        assert 0 == main(["show", "nspcc-helpline-gb"], out)
        text = out.getvalue()

        assert (
            "    Phone: 0808 800 5000 (as of 1 Jan 2020) [Checked against evidence more than "
            "two years old: confirm before relying on it]\n"
        ) in text
        assert "    Last checked: 7 Dec 2026\n" in text


class TestLinks:
    """Phone and text links are built from the E.164 number, not from the digits shown."""

    def test_tel_from_e164(self) -> None:
        """The NSPCC Helpline's 0808 number links to its E.164 form."""
        html = ss.resources["nspcc-helpline-gb"].localize("en", today=TODAY).__html__()

        assert '<a href="tel:+448088005000"><bdi dir="ltr">0808 800 5000</bdi></a>' in html

    def test_sms_from_e164(self) -> None:
        """Lifeline's text number links as sms: with its E.164 form; its short code as dialled."""
        html = ss.resources["lifeline-au"].localize("en", today=TODAY).__html__()

        assert '<a href="sms:+61477131114"><bdi dir="ltr">0477 13 11 14</bdi></a>' in html
        assert '<a href="tel:131114"><bdi dir="ltr">13 11 14</bdi></a>' in html


class TestBabelFormatted:
    """Hours and "as of" dates are CLDR data, written by Babel in the reader's locale."""

    @pytest.mark.parametrize(
        ("locale", "hours", "as_of"),
        [
            (
                "fr",
                (
                    "lundi–vendredi 08:00\u2009–\u200922:00 et samedi–dimanche "
                    "09:00\u2009–\u200918:00 (heure : Royaume-Uni)"
                ),
                "1 janv. 2020",
            ),
            (
                "ar",
                (
                    "الاثنين–الجمعة 8:00 ص\u2009–\u200910:00 م والسبت–الأحد "
                    "9:00 ص\u2009–\u20096:00 م (توقيت المملكة المتحدة)"
                ),
                "01\u200f/01\u200f/2020",
            ),
            (
                "pl",
                (
                    "poniedziałek–piątek 08:00–22:00 i sobota–niedziela 09:00–18:00 "
                    "(czas: Wielka Brytania)"
                ),
                "1 sty 2020",
            ),
        ],
    )
    def test_hours_and_as_of(self, locale: str, hours: str, as_of: str) -> None:
        """The NSPCC Helpline's phone hours and the date of their evidence, per locale."""
        phone = ss.resources["nspcc-helpline-gb"].localize(locale, today=TODAY).channels[0]

        assert (hours, as_of) == (str(phone.hours), str(phone.as_of))
        assert phone.as_of is not None
        assert (locale, "rtl" if locale == "ar" else "ltr") == (
            phone.as_of.locale,
            phone.as_of.direction,
        )

    @pytest.mark.parametrize(
        ("locale", "hours", "as_of", "checked"),
        [
            ("pl-GB", "24 godziny", "13 cze 2022", "27 lis 2026"),
            ("ar-GB", "24 ساعة", "13\u200f/06\u200f/2022", "27\u200f/11\u200f/2026"),
            ("uk-PL", "24 години", "13 черв. 2022\u202fр.", "27 лист. 2026\u202fр."),
        ],
    )
    def test_region_babel_lacks(self, locale: str, hours: str, as_of: str, checked: str) -> None:
        """A reader's region Babel has no data for (Polish in Britain) gets their language's.

        Hours and dates are the language's own, never English beside a Polish label.
        """
        view = ss.resources["childline-gb"].localize(locale, today=TODAY)
        phone = view.channels[0]
        assert phone.as_of is not None
        assert view.hours is not None
        assert view.checked is not None

        assert (hours, as_of, checked) == (str(view.hours), str(phone.as_of), str(view.checked))
        assert [locale] * 3 == [
            t.locale.replace("_", "-") for t in (view.hours, phone.as_of, view.checked)
        ]

    @pytest.mark.parametrize(
        ("locale", "checked"), [("fr", "7 déc. 2026"), ("ar", "07\u200f/12\u200f/2026")]
    )
    def test_checked(self, locale: str, checked: str) -> None:
        """The day the record was checked, in the reader's own way of writing dates."""
        view = ss.resources["nspcc-helpline-gb"].localize(locale, today=TODAY)

        assert checked == str(view.checked)
        assert f'<time datetime="2026-12-07" lang="{locale}"' in view.__html__()


class TestLimits:
    """A removal tool's limits are stated wherever the tool is offered."""

    @pytest.mark.parametrize(
        ("resource_id", "expected"),
        [
            (
                "take-it-down",
                [
                    "You need to have the image or video on your own device to use it.",
                    "It does not work on end-to-end encrypted services.",
                    "It only works on the apps and sites that take part.",
                    "Do not download or send the image to anyone in order to use it.",
                    "It matches exact copies of the image only.",
                ],
            ),
            (
                "stopncii",
                [
                    "You need to have the image or video on your own device to use it.",
                    "It only works on the apps and sites that take part.",
                    "Write down your case number and PIN: they cannot be recovered.",
                ],
            ),
        ],
    )
    def test_view_and_html(self, resource_id: str, expected: list[str]) -> None:
        """The view lists them in the record's order; the HTML lists them too."""
        view = ss.resources[resource_id].localize("en", today=TODAY)
        html = view.__html__()

        assert expected == [str(limit) for limit in view.limits]
        assert '<ul class="sextingsafe-limits">' in html
        listed = re.findall(r'<li><span lang="en" dir="ltr">([^<]*)</span></li>', html)
        assert [t.replace("&#x27;", "'") for t in listed] == expected

    def test_report_remove(self) -> None:
        """Report Remove's limits, where a UK reader is offered it."""
        view = ss.advice["if-your-child-is-blackmailed"].localize("en", country="GB")
        report_remove = next(r for r in view.resources if r.id == "report-remove-gb")
        limits = report_remove.resource.eligibility.limits  # type: ignore[union-attr]

        assert len(limits) == len(report_remove.limits) > 0
        assert '<ul class="sextingsafe-limits">' in report_remove.__html__()

    def test_cli(self) -> None:
        """The command line lists Take It Down's limits under it."""
        out = io.StringIO()
        assert 0 == main(["show", "take-it-down"], out)

        assert "    - It does not work on end-to-end encrypted services.\n" in out.getvalue()

    def test_helpline_has_none(self) -> None:
        """A helpline has no limits to state."""
        assert () == ss.resources["childline-gb"].localize("en", today=TODAY).limits


class TestPartial:
    """A record whose details are not all confirmed says so in words."""

    def test_partial(self) -> None:
        """Child Helpline 1098 (India) is partial: the view and its HTML carry the note."""
        view = ss.resources["childline-1098-in"].localize("en", today=TODAY)

        assert "Some details of this service are not fully confirmed" == str(view.partial)
        assert '<p class="sextingsafe-partial">' in view.__html__()

    def test_verified(self) -> None:
        """A verified record has no such note."""
        assert ss.resources["childline-gb"].localize("en", today=TODAY).partial is None


class TestExport:
    """The JSON export says which details were stale on the day it names."""

    def test_stale_in_export(self) -> None:
        """Each resource lists its stale details as of the export's stale_on day."""
        data = ss.export(locales=None, today=TODAY)
        records = {r["id"]: r for r in data["resources"]}

        assert "2026-12-07" == data["stale_on"]
        assert ["channels[0]", "channels[1]"] == records["nspcc-helpline-gb"]["stale"]
        assert [] == records["kids-helpline-au"]["stale"]
        assert ("2026-12-07", "2020-01-01", "+448088005000") == (
            records["nspcc-helpline-gb"]["checked"],
            records["nspcc-helpline-gb"]["channels"][0]["as_of"],
            records["nspcc-helpline-gb"]["channels"][0]["e164"],
        )

    def test_round_trip(self) -> None:
        """A loaded export judges freshness again, on any day, with the same dates."""
        loaded = ss.load_export(ss.export(locales=None, today=TODAY))

        assert ("channels[0]", "channels[1]") == loaded.resources["nspcc-helpline-gb"].stale(TODAY)
        assert () == loaded.resources["nspcc-helpline-gb"].stale(dt.date(2021, 6, 1))

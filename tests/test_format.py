"""Safe placeholder substitution, Babel formatting for the locale, and HTML escaping."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

from sextingsafe import Period
from sextingsafe._format import escape, format_alternatives, html_element, render_template

LOCALES = ["en_GB", "fr", "pl", "ar"]
PERIOD = Period(start=dt.date(2017, 1, 1), end=dt.date(2019, 8, 19))
VALUES = {"count": 12500, "share": 0.148, "year": 2019, "big": 1234567.25}


class Spy(dict[str, Any]):
    """A values mapping that records which names were looked up."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Hold *data* and start with no lookups."""
        super().__init__(data)
        self.asked: list[str] = []

    def __getitem__(self, key: str) -> Any:
        """Record the lookup, then look up."""
        self.asked.append(key)
        return super().__getitem__(key)


class TestRenderTemplate:
    """render_template() fills named placeholders, formatted by Babel for the locale."""

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en_GB", ["12,500", "1,234,567.25", "0.5", "7"]),
            ("fr", ["12\u202f500", "1\u202f234\u202f567,25", "0,5", "7"]),
            ("pl", ["12\xa0500", "1\xa0234\xa0567,25", "0,5", "7"]),
            ("ar", ["12,500", "1,234,567.25", "0.5", "7"]),
            ("fa", ["12,500", "1,234,567.25", "0.5", "7"]),
        ],
    )
    def test_number(self, locale: str, expected: list[str]) -> None:
        """{n} is a grouped decimal in the locale's own symbols, never rounded."""
        assert expected == [
            render_template("{n}", {"n": value}, None, Locale.parse(locale))
            for value in (12500, 1234567.25, 0.5, 7)
        ]

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en_GB", "14.8%"),
            ("fr", "14,8\xa0%"),
            ("pl", "14,8%"),
            ("ar", "14.8%"),
            ("fa", "14.8%"),
        ],
    )
    def test_percent(self, locale: str, expected: str) -> None:
        """{n:percent} turns a fraction into the locale's percent format, keeping its decimals.

        A statistic of 14.8 % must not be shown as 15 %.
        """
        assert expected == render_template(
            "{share:percent}", {"share": 0.148}, None, Locale.parse(locale)
        )

    @pytest.mark.parametrize("locale", [*LOCALES, "fa"])
    def test_year(self, locale: str) -> None:
        """{n:year} is the year with no grouping separator, whatever the locale groups with."""
        assert "2019" == render_template("{year:year}", {"year": 2019}, None, Locale.parse(locale))
        assert "12019" == render_template(
            "{year:year}", {"year": 12019}, None, Locale.parse(locale)
        )

    @pytest.mark.parametrize(
        ("locale", "start", "end", "period"),
        [
            ("en_GB", "1 January 2017", "19 August 2019", "1 Jan 2017\u2009–\u200919 Aug 2019"),
            ("fr", "1 janvier 2017", "19 août 2019", "1 janv. 2017\u2009–\u200919 août 2019"),
            ("pl", "1 stycznia 2017", "19 sierpnia 2019", "1 sty 2017–19 sie 2019"),
            ("ar", "1 يناير 2017", "19 أغسطس 2019", "1 يناير 2017 – 19 أغسطس 2019"),
            ("fa", "1 ژانویه 2017", "19 اوت 2019", "1 ژانویه 2017 تا 19 اوت 2019"),
        ],
    )
    def test_period(self, locale: str, start: str, end: str, period: str) -> None:
        """{period} is Babel's date interval; {start} and {end} are long dates."""
        babel_locale = Locale.parse(locale)

        assert f"{start}|{end}" == render_template("{start}|{end}", {}, PERIOD, babel_locale)
        assert period == render_template("{period}", {}, PERIOD, babel_locale)

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en_GB", "14.8% of 12,500 in 2019"),
            ("fr", "14,8\u00a0% of 12\u202f500 in 2019"),
            ("pl", "14,8% of 12\u00a0500 in 2019"),
        ],
    )
    def test_local_conventions(self, locale: str, expected: str) -> None:
        """The result uses the locale's decimal comma, grouping space and percent spacing."""
        assert expected == render_template(
            "{share:percent} of {count} in {year:year}", VALUES, None, Locale.parse(locale)
        )

    def test_month_names(self) -> None:
        """Dates are spelt in the locale's language."""
        fr, pl = Locale.parse("fr"), Locale.parse("pl")

        assert "19 août 2019" == render_template("{end}", {}, PERIOD, fr)
        assert "19 sierpnia 2019" == render_template("{end}", {}, PERIOD, pl)

    @pytest.mark.parametrize(
        ("template", "expected"),
        [
            ("XX{count}", "XX12,500"),  # text before a placeholder is copied, not scanned
            ("{count}XX", "12,500XX"),
            ("{{XX}} {count}", "{XX} 12,500"),
        ],
    )
    def test_text_kept(self, template: str, expected: str) -> None:
        """Only doubled braces are unescaped: any other repeated character stays as written."""
        assert expected == render_template(template, VALUES, None, Locale.parse("en_GB"))

    def test_mixed(self) -> None:
        """Text around placeholders is kept exactly; each placeholder is filled where it stands."""
        assert "In 1 Jan 2017 – 19 Aug 2019, 14.8% of 12,500 were closed in 2019." == (
            render_template(
                "In {period}, {share:percent} of {count} were closed in {year:year}.",
                VALUES,
                PERIOD,
                Locale.parse("en_GB"),
            ).replace("\u2009", " ")
        )

    @pytest.mark.parametrize(
        ("template", "expected"),
        [
            ("{{count}}", "{count}"),
            ("{{{count}}}", "{12,500}"),
            ("a }} b {{ c", "a } b { c"),
            ("no braces", "no braces"),
            ("{{}}", "{}"),
        ],
    )
    def test_escapes(self, template: str, expected: str) -> None:
        """Doubled braces are literal braces, with or without placeholders in the template."""
        assert expected == render_template(template, VALUES, None, Locale.parse("en_GB"))

    @pytest.mark.parametrize(
        "template",
        [
            "{count.__class__}",
            "{count.__class__.__mro__}",
            "{count[0]}",
            "{0}",
            "{}",
            "{count!r}",
            "{count:>10}",
            "{count:,}",
        ],
    )
    def test_never_evaluates(self, template: str) -> None:
        """Attribute, index, positional and format-spec fields raise ValueError; nothing is read."""
        values = Spy({"count": 12500})

        with pytest.raises(ValueError, match=r"stray|unknown placeholder spec"):
            render_template(template, values, None, Locale.parse("en_GB"))

        assert [] == values.asked

    def test_missing_value(self) -> None:
        """A placeholder with no value raises ValueError naming it."""
        with pytest.raises(ValueError, match="no value named 'total'"):
            render_template("{total}", {}, None, Locale.parse("en_GB"))

    def test_missing_period(self) -> None:
        """{period} without a period raises ValueError."""
        with pytest.raises(ValueError, match="needs a period"):
            render_template("{period}", {}, None, Locale.parse("en_GB"))

    @given(
        st.lists(
            st.one_of(
                st.text(alphabet=st.characters(blacklist_characters="{}"), min_size=1),
                st.sampled_from(["{{", "}}", "{count}", "{share:percent}", "{year:year}"]),
            ),
            max_size=12,
        )
    )
    def test_model(self, pieces: list[str]) -> None:
        """A template of text, escapes and placeholders renders each piece in place."""
        locale = Locale.parse("en_GB")
        filled = {
            "{{": "{",
            "}}": "}",
            "{count}": "12,500",
            "{share:percent}": "14.8%",
            "{year:year}": "2019",
        }
        expected = "".join(filled.get(piece, piece) for piece in pieces)

        assert expected == render_template("".join(pieces), VALUES, None, locale)

    @given(st.text())
    def test_any_text(self, template: str) -> None:
        """Any template renders to text or raises ValueError; values are only read by name."""
        values = Spy(VALUES)
        try:
            result = render_template(template, values, PERIOD, Locale.parse("en_GB"))
        except ValueError:
            return
        assert isinstance(result, str)
        assert set(values.asked) <= set(VALUES)


class TestFormatEdges:
    """The formatting of values no other test reaches: floats, huge numbers, doubled letters."""

    def test_year_given_as_a_float(self) -> None:
        """A year stored as 2019.0 still reads 2019."""
        assert "2019" == render_template("{y:year}", {"y": 2019.0}, None, Locale.parse("en"))

    def test_decimals_kept(self) -> None:
        """Neither a count nor a percentage is rounded to the locale's usual decimals."""
        assert "1.234,5678 and 14,825\xa0%" == render_template(
            "{n} and {s:percent}", {"n": 1234.5678, "s": 0.14825}, None, Locale.parse("de")
        )

    def test_beyond_babel(self) -> None:
        """A number beyond Babel's decimal context is shown as Python writes it, not refused."""
        assert "1" + "0" * 40 == render_template("{n}", {"n": 10**40}, None, Locale.parse("en"))

    def test_doubled_letters_are_text(self) -> None:
        """Only doubled braces are escapes: "XXL" stays as written."""
        assert "5 XXL shirts" == render_template(
            "{count} XXL shirts", {"count": 5}, None, Locale.parse("en")
        )

    def test_alternatives(self) -> None:
        """Alternatives are joined with the locale's word for "or"."""
        assert "112 lub 999" == format_alternatives(["112", "999"], Locale.parse("pl"))


class TestEscape:
    """escape() makes text safe inside HTML text and attribute values."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("Tom & Jerry", "Tom &amp; Jerry"),
            ('say "hi"', "say &quot;hi&quot;"),
            ("it's", "it&#x27;s"),
            ("plain", "plain"),
        ],
    )
    def test_escape(self, text: str, expected: str) -> None:
        """&, <, > and both quotes are escaped; other text is unchanged."""
        assert expected == escape(text)

    @given(st.text())
    def test_round_trip(self, text: str) -> None:
        """Unescaping gives the text back, and no markup character survives."""
        escaped = escape(text)

        assert text == html.unescape(escaped)
        assert not set("<>\"'") & set(escaped)


class TestHtmlElement:
    """html_element() wraps escaped text in an element carrying lang and dir."""

    def test_element(self) -> None:
        """The text is escaped inside a span with lang and dir."""
        assert '<span lang="ar" dir="rtl">ا &lt;ب&gt;</span>' == html_element("ا <ب>", "ar", "rtl")

    def test_tag(self) -> None:
        """Another tag can be asked for."""
        assert '<p lang="fr" dir="ltr">x</p>' == html_element("x", "fr", "ltr", tag="p")

    def test_attributes_escaped(self) -> None:
        """The lang and dir values are escaped too, so they cannot break out of their attribute."""
        assert '<span lang="&quot;&gt;x" dir="ltr">y</span>' == html_element("y", '">x', "ltr")

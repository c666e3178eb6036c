"""The locale cases that trip up libraries.

Chinese scripts, Portuguese variants, aliases, scripts and regions without the rest,
right-to-left text, and plural rules per locale.
"""

from __future__ import annotations

import pytest
from babel import Locale
from babel.messages.plurals import get_plural
from babel.numbers import format_decimal

import sextingsafe as ss

ADVICE = "ask-who-should-see-it"
FACT = "met-under-14-suspects-2017-2019"


def used(locale: str) -> tuple[str, bool]:
    """Return the locale an advice title was shown in, and whether that was a fallback."""
    title = ss.advice[ADVICE].localize(locale).title
    return title.locale, title.is_fallback


class TestChinese:
    """Traditional or Simplified Chinese: chosen by script, or by region when there is no script."""

    @pytest.mark.parametrize("tag", ["zh-Hant", "zh-TW", "zh_TW", "zh-HK", "zh-MO", "zh-Hant-TW"])
    def test_traditional(self, tag: str) -> None:
        """Taiwan, Hong Kong and Macao, and the Hant script, read Traditional Chinese."""
        assert "zh_Hant" == used(tag)[0]

    @pytest.mark.parametrize("tag", ["zh-Hans", "zh-CN", "zh_CN", "zh-SG", "zh", "zh-Hans-CN"])
    def test_simplified(self, tag: str) -> None:
        """Mainland China, Singapore, bare zh and the Hans script read Simplified Chinese."""
        assert "zh_Hans" == used(tag)[0]

    def test_the_scripts_differ(self) -> None:
        """The two catalogues are different texts, not one copied."""
        assert str(ss.advice[ADVICE].localize("zh-TW").title) != str(
            ss.advice[ADVICE].localize("zh-CN").title
        )

    def test_negotiated_from_a_header(self) -> None:
        """A Taiwanese browser gets zh_Hant from negotiate()."""
        assert "zh_Hant" == str(ss.negotiate("zh-TW,zh;q=0.9,en;q=0.5"))


class TestPortuguese:
    """Brazilian and European Portuguese are separate catalogues with their own number formats."""

    def test_brazil(self) -> None:
        """pt-BR reads the Brazilian catalogue."""
        assert ("pt_BR", False) == used("pt-BR")

    @pytest.mark.parametrize("tag", ["pt", "pt-PT"])
    def test_portugal(self, tag: str) -> None:
        """Both pt and pt-PT read the European catalogue."""
        assert "pt" == used(tag)[0]

    def test_other_regions_fall_back_to_european(self) -> None:
        """Angolan Portuguese reads pt, flagged as a fallback."""
        assert ("pt", True) == used("pt-AO")

    def test_numbers_formatted_for_each(self) -> None:
        """Each variant formats numbers its own way: 153 350 in Portugal, 153.350 in Brazil."""
        fact = ss.facts["iwf-self-generated-reports-2020"]

        assert format_decimal(153350, locale="pt_PT") in fact.statement("pt")
        assert format_decimal(153350, locale="pt_BR") in fact.statement("pt-BR")


class TestAliasesAndGaps:
    """Locales we have no catalogue for fall back to English, flagged, and never crash."""

    @pytest.mark.parametrize("tag", ["no", "nb", "nb-NO", "no-NO", "nn"])
    def test_norwegian(self, tag: str) -> None:
        """Norwegian (no is an alias of nb) has no catalogue yet: English, flagged."""
        assert ("en", True) == used(tag)

    @pytest.mark.parametrize("tag", ["sr", "sr-Latn", "sr-Cyrl", "sr-Latn-RS", "sr_RS@latin"])
    def test_serbian_scripts(self, tag: str) -> None:
        """Serbian in either script falls back to English, left to right, without error."""
        title = ss.advice[ADVICE].localize(tag).title

        assert ("en", True, "ltr") == (title.locale, title.is_fallback, title.direction)

    @pytest.mark.parametrize("tag", ["es-419", "en-150", "fr-029", "ar-001"])
    def test_region_codes(self, tag: str) -> None:
        """UN M.49 regions (Latin America, Europe, the world) are understood as regions."""
        language = tag.split("-", 1)[0]
        expected = "en" if language == "en" else language

        assert expected == used(tag)[0]

    @pytest.mark.parametrize(
        ("tag", "shown", "direction"),
        [("pa-Guru", "pa", "ltr"), ("uz-Arab", "en", "ltr"), ("zh-Hant", "zh_Hant", "ltr")],
    )
    def test_script_only_tags(self, tag: str, shown: str, direction: str) -> None:
        """A language with only a script parses; the direction is that of the text shown.

        Uzbek in Arabic script has no catalogue, so the text is English, left to right.
        """
        title = ss.advice[ADVICE].localize(tag).title

        assert (shown, direction) == (title.locale, title.direction)
        assert tag.replace("-", "_") == title.requested


class TestRightToLeft:
    """Arabic, Urdu and Persian are right to left, with their numbers and punctuation intact."""

    @pytest.mark.parametrize("locale", ["ar", "ur", "fa"])
    def test_direction_everywhere(self, locale: str) -> None:
        """Every text of an advice item, and its HTML, says rtl."""
        local = ss.advice[ADVICE].localize(locale)

        assert {"rtl"} == {local.title.direction, local.body.direction}
        assert f'lang="{locale}" dir="rtl"' in local.title.__html__()

    @pytest.mark.parametrize("locale", ["ar", "ur", "fa"])
    def test_numbers_are_formatted_for_the_locale(self, locale: str) -> None:
        """The count in a fact statement is Babel's number for the locale, whatever its digits."""
        statement = ss.facts[FACT].statement(locale)

        assert format_decimal(353, locale=locale) in statement
        assert statement.direction == "rtl"

    @pytest.mark.parametrize("locale", ["ar", "ur", "fa"])
    def test_sentences_end_with_punctuation(self, locale: str) -> None:
        """A translated sentence ends with a full stop or question mark of its script."""
        body = str(ss.advice[ADVICE].localize(locale).body).rstrip()

        assert body[-1] in ".؟۔!?"


SHIPPED = [info.locale for info in ss.locales() if not info.source]


class TestPlurals:
    """Each locale's catalogue carries the CLDR plural rule, and counted labels use it."""

    @pytest.mark.parametrize("locale", SHIPPED)
    def test_rule_matches_cldr(self, locale: str) -> None:
        """The Plural-Forms header has as many forms as CLDR says the language has."""
        catalogue = ss.Catalogue.bundled()
        headers = next(iter(catalogue.store.catalogs(locale))).headers
        expected = get_plural(Locale.parse(locale)).num_plurals

        assert f"nplurals={expected}" in headers["plural-forms"].replace(" ", "")

    @pytest.mark.parametrize("locale", SHIPPED)
    @pytest.mark.parametrize("count", [0, 1, 2, 3, 5, 11, 21, 101, 1000])
    def test_counted_label(self, locale: str, count: int) -> None:
        """A counted label is translated for every count, the count formatted for the locale."""
        label = ss.label("places-to-get-help", locale, count=count)
        written_in = {"pt": "pt_PT"}.get(locale, locale)  # the pt catalogue is European Portuguese

        assert not label.is_fallback
        assert format_decimal(count, locale=Locale.parse(written_in)) in str(label)

    def test_forms_differ_where_the_language_needs_them(self) -> None:
        """Polish says 'miejsca' for 2 but 'miejsc' for 5: different forms, chosen by rule."""
        two = str(ss.label("places-to-get-help", "pl", count=2))
        five = str(ss.label("places-to-get-help", "pl", count=5))

        assert two.replace("2", "") != five.replace("5", "")

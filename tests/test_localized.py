"""LocalizedText and the localised views: locale, fallback, direction and review status."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import pickle
from pathlib import Path

import attrs
import jinja2
import markupsafe
import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

import sextingsafe as ss
from sextingsafe import (
    Catalogue,
    InvalidLocaleError,
    LocalizedAdvice,
    LocalizedFact,
    LocalizedQuote,
    LocalizedResource,
    LocalizedText,
    Review,
)
from sextingsafe._i18n import parse_locale

PACKS = Path(__file__).parent / "packs"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


@st.composite
def well_formed_locales(draw: st.DrawFn) -> str:
    """Draw a well-formed locale name, supported or not.

    A language (often one with a catalogue), maybe a script and a region (real or not),
    joined by '-' or '_', in any case.
    """
    language = draw(
        st.one_of(
            st.sampled_from(["en", "fr", "pl", "ar", "de"]),
            st.text(LETTERS, min_size=2, max_size=3),
        )
    )
    script = draw(st.one_of(st.none(), st.sampled_from(["Latn", "Arab", "Cyrl", "Zzzz"])))
    region = draw(
        st.one_of(
            st.none(),
            st.text(LETTERS.upper(), min_size=2, max_size=2),
            st.text("0123456789", min_size=3, max_size=3),
        )
    )
    name = draw(st.sampled_from(["-", "_"])).join(p for p in (language, script, region) if p)
    return name.upper() if draw(st.booleans()) else name


@functools.cache
def selection_catalogue() -> Catalogue:
    """The selection pack, loaded once (Hypothesis tests cannot take function fixtures)."""
    return Catalogue.load(PACKS / "selection", include_bundled=False)


class TestLocalizedText:
    """LocalizedText is a str that knows its locale, direction and review status."""

    def test_is_a_str(self) -> None:
        """It is a str, equal to and hashing as the plain string."""
        text = LocalizedText("Bonjour", locale="fr")

        assert isinstance(text, str)
        assert "Bonjour" == text
        assert hash("Bonjour") == hash(text)
        assert {"Bonjour": 1}[text] == 1
        assert "Bonjour" == str(text)
        assert str is type(str(text))

    def test_attributes(self) -> None:
        """locale, requested, is_fallback, direction, review and lang are as given or derived."""
        text = LocalizedText(
            "Hi", locale="en", requested="pt_BR", is_fallback=True, review=Review.SOURCE
        )

        assert ("en", "pt_BR", True, "ltr", Review.SOURCE, "en") == (
            text.locale,
            text.requested,
            text.is_fallback,
            text.direction,
            text.review,
            text.lang,
        )

    def test_defaults(self) -> None:
        """By default the text is the source, in the locale requested, not a fallback."""
        text = LocalizedText("Hi", locale="en_GB")

        assert ("en_GB", False, Review.SOURCE, "en-GB") == (
            text.requested,
            text.is_fallback,
            text.review,
            text.lang,
        )

    @pytest.mark.parametrize(
        ("locale", "direction"),
        [
            ("ar", "rtl"),
            ("fa", "rtl"),
            ("he", "rtl"),
            ("ur_PK", "rtl"),
            ("fr", "ltr"),
            ("pl", "ltr"),
        ],
    )
    def test_direction_follows_locale(self, locale: str, direction: str) -> None:
        """The direction comes from the locale the text is in."""
        assert direction == LocalizedText("x", locale=locale).direction

    def test_rejects_bad_locale(self) -> None:
        """A malformed locale is refused on construction."""
        with pytest.raises(InvalidLocaleError):
            LocalizedText("x", locale="not a locale")

    def test_immutable(self) -> None:
        """No attribute can be set, changed or deleted."""
        text = LocalizedText("x", locale="fr")

        with pytest.raises(AttributeError, match="immutable"):
            text.locale = "pl"  # type: ignore[misc]
        with pytest.raises(AttributeError, match="immutable"):
            text.anything = 1  # type: ignore[attr-defined]
        with pytest.raises(AttributeError, match="immutable"):
            del text.review
        assert "fr" == text.locale

    def test_html_escapes_and_carries_lang_dir(self) -> None:
        """__html__ escapes the text and wraps it with its BCP 47 lang and its dir."""
        text = LocalizedText('<ب>"1 & 2"</ب>', locale="ar_EG")

        assert '<span lang="ar-EG" dir="rtl">&lt;ب&gt;&quot;1 &amp; 2&quot;&lt;/ب&gt;</span>' == (
            text.__html__()
        )

    def test_html_isolates_left_to_right_runs(self) -> None:
        """In right-to-left HTML, numbers to dial, addresses and Latin names are in <bdi dir=ltr>.

        A bare number (an age) is not: the browser lays it out in order by itself.
        """
        text = LocalizedText(
            "عبر WhatsApp على (61) 99611-0100 أو iwf.org.uk، تحت 18 عامًا", locale="ar"
        )

        assert (
            '<span lang="ar" dir="rtl">عبر <bdi dir="ltr">WhatsApp</bdi> على '
            '<bdi dir="ltr">(61) 99611-0100</bdi> أو <bdi dir="ltr">iwf.org.uk</bdi>، '
            "تحت 18 عامًا</span>"
        ) == text.__html__()

    def test_html_left_to_right_text_unchanged(self) -> None:
        """Left-to-right text gets no isolation: its numbers and names already read in order."""
        text = LocalizedText("Call (61) 99611-0100 on WhatsApp", locale="pt_BR")

        assert '<span lang="pt-BR" dir="ltr">Call (61) 99611-0100 on WhatsApp</span>' == (
            text.__html__()
        )

    def test_markupsafe_and_jinja(self) -> None:
        """MarkupSafe and Jinja2 autoescaping use __html__, so templates get lang and dir."""
        text = LocalizedText("<i>x</i>", locale="fr")
        rendered = jinja2.Environment(autoescape=True).from_string("{{ t }}").render(t=text)

        assert text.__html__() == rendered
        assert text.__html__() == str(markupsafe.escape(text))

    @pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
    def test_pickles(self, protocol: int) -> None:
        """Pickling keeps the text and every attribute (caches, multiprocessing)."""
        text = LocalizedText(
            "x", locale="fr", requested="fr_CA", is_fallback=True, review=Review.UNREVIEWED
        )

        back = pickle.loads(pickle.dumps(text, protocol=protocol))  # noqa: S301 - our own data

        assert type(text) is type(back)
        assert (text, text.locale, text.requested, text.is_fallback, text.review) == (
            back,
            back.locale,
            back.requested,
            back.is_fallback,
            back.review,
        )

    def test_copies(self) -> None:
        """Shallow and deep copies keep the attributes."""
        text = LocalizedText("x", locale="ar", review=Review.REVIEWED)

        for other in (copy.copy(text), copy.deepcopy(text)):
            assert (text, "ar", Review.REVIEWED, "rtl") == (
                other,
                other.locale,
                other.review,
                other.direction,
            )

    def test_repr(self) -> None:
        """The repr shows the text, the locale, the review status and a fallback flag."""
        text = LocalizedText("x", locale="en", requested="pl", is_fallback=True)

        assert "LocalizedText('x', locale='en', source, fallback)" == repr(text)


class TestFallback:
    """A text says whether it is in the locale that was asked for."""

    def test_translated(self, example: Catalogue) -> None:
        """A translated text is in the requested locale and not a fallback."""
        text = example.advice["example-talk"].localize("fr").body

        assert ("fr", "fr", False) == (text.locale, text.requested, text.is_fallback)

    def test_regional_variant_falls_back_to_language(self, example: Catalogue) -> None:
        """fr-CA reads the French translation, flagged as a fallback from fr_CA."""
        text = example.advice["example-talk"].localize("fr-CA").body

        assert ("fr", "fr_CA", True, Review.UNREVIEWED) == (
            text.locale,
            text.requested,
            text.is_fallback,
            text.review,
        )

    @pytest.mark.parametrize("locale", [None, "en", "en-GB", "en_US", "EN-au"])
    def test_english_reader_is_not_a_fallback(self, example: Catalogue, locale: str | None) -> None:
        """Any English reader gets the English source, not flagged as a fallback."""
        text = example.advice["example-talk"].localize(locale).body

        assert ("en", False, Review.SOURCE) == (text.locale, text.is_fallback, text.review)

    @pytest.mark.parametrize("locale", ["pl", "ar", "de", "pt-BR", "zh-TW"])
    def test_missing_translation_is_flagged(self, example: Catalogue, locale: str) -> None:
        """A locale with no translation gets English, flagged as a fallback, left to right."""
        text = example.advice["example-talk"].localize(locale).title

        assert "Talk to someone you trust" == text
        assert ("en", str(parse_locale(locale)), True, "ltr") == (
            text.locale,
            text.requested,
            text.is_fallback,
            text.direction,
        )

    def test_fuzzy_never_used(self, example: Catalogue) -> None:
        """A fuzzy translation is not used: the English source is shown, flagged."""
        text = example.facts["example-share"].localize("fr").place

        assert ("Exampleshire", "en", True) == (text, text.locale, text.is_fallback)

    def test_stale_translation_never_used(self, selection: Catalogue) -> None:
        """A translation of English text that has since changed is not used."""
        text = selection.advice["sel-gb-yp"].localize("fr").title

        assert ("The law in the UK", "en", True) == (text, text.locale, text.is_fallback)

    def test_bad_locale_raises(self, example: Catalogue) -> None:
        """A malformed locale raises InvalidLocaleError rather than guessing."""
        with pytest.raises(InvalidLocaleError):
            example.advice["example-talk"].localize("english please")

    def test_babel_locale_accepted(self, example: Catalogue) -> None:
        """A babel.Locale works wherever a locale string does."""
        assert example.advice["example-talk"].localize("fr").body == (
            example.advice["example-talk"].localize(Locale("fr")).body
        )

    @given(well_formed_locales())
    def test_never_crashes_on_a_valid_locale(self, value: str) -> None:
        """Any well-formed locale, supported or not, real region or not, renders every text."""
        wanted = parse_locale(value)
        catalogue = selection_catalogue()
        for fact in catalogue.facts.values():
            assert isinstance(fact.localize(wanted).statement, LocalizedText)
        for item in catalogue.advice.values():
            assert isinstance(item.localize(wanted).title, LocalizedText)

    @pytest.mark.parametrize("locale", ["en-KK", "fr-XX", "en-419", "fr-150", "pl-AQ"])
    def test_unknown_region(self, selection: Catalogue, locale: str) -> None:
        """A well-formed locale whose region Babel has no data for still gets the statement."""
        text = selection.facts["sel-fact-gb"].statement(locale)

        assert str(parse_locale(locale)) == text.requested


class TestReview:
    """Each text knows whether it is the source, a reviewed or an unreviewed translation."""

    def test_reviewed(self, example: Catalogue) -> None:
        """A translation with a `reviewed-by:` comment is reviewed."""
        assert Review.REVIEWED == example.advice["example-talk"].localize("fr").title.review

    def test_unreviewed(self, example: Catalogue) -> None:
        """A translation without one is unreviewed."""
        assert Review.UNREVIEWED == example.advice["example-talk"].localize("fr").body.review

    def test_source(self, example: Catalogue) -> None:
        """English is the source."""
        assert Review.SOURCE == example.advice["example-talk"].localize("en").title.review


class TestLocalizedFact:
    """A fact's statement is formatted for the locale it is read in."""

    def test_view(self, example: Catalogue) -> None:
        """localize() gives every text field; an absent caveat is None."""
        local = example.facts["example-share"].localize("fr")

        assert isinstance(local, LocalizedFact)
        assert ("example-share", "fr", "en", None) == (
            local.id,
            local.statement.locale,
            local.population.locale,
            local.caveat,
        )
        assert example.facts["example-share"] is local.fact

    def test_statement_equals_localize(self, selection: Catalogue) -> None:
        """statement(locale) is the same text as localize(locale).statement."""
        fact = selection.facts["sel-fact-gb"]

        assert fact.statement("pl") == fact.localize("pl").statement
        assert "A recorded report is not a charge." == fact.localize("pl").caveat

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "fr",
                (
                    "Entre le 1 janvier 2019 et le 31 décembre 2020, la police d'un service "
                    "britannique fictif a enregistré 1\u202f234\u202f567 signalements."
                ),
            ),
            (
                "pl",
                (
                    "Między 1 stycznia 2019 a 31 grudnia 2020 policja w fikcyjnej brytyjskiej "
                    "jednostce zarejestrowała 1\xa0234\xa0567 zgłoszeń."
                ),
            ),
        ],
    )
    def test_translation_formatted_for_its_locale(
        self, selection: Catalogue, locale: str, expected: str
    ) -> None:
        """A translated statement has its numbers and dates formatted by Babel for that locale."""
        assert expected == selection.facts["sel-fact-gb"].statement(locale)

    def test_arabic(self, selection: Catalogue) -> None:
        """An Arabic statement is right to left and formatted for Arabic."""
        text = selection.facts["sel-fact-everywhere"].statement("ar")

        assert ("ar", "rtl", False) == (text.locale, text.direction, text.is_fallback)
        assert "في استطلاع خيالي، قال 86% من 4,200 شاب إنهم لم يرسلوا صورة عارية قط." == text

    def test_fallback_formatted_as_english(self, selection: Catalogue) -> None:
        """English text shown to a reader without a translation is formatted as English."""
        text = selection.facts["sel-fact-everywhere"].statement("fr")

        assert (
            "In a fictional survey, 86% of 4,200 young people said they had never sent a nude."
            == text
        )
        assert ("en", True) == (text.locale, text.is_fallback)

    def test_literal_braces(self, selection: Catalogue) -> None:
        """Doubled braces in a statement and in its translation come out as single braces."""
        assert text_has("{braces}", selection.facts["sel-fact-sct"].statement("en"))
        assert text_has("{accolades}", selection.facts["sel-fact-sct"].statement("fr"))

    def test_cached(self, selection: Catalogue) -> None:
        """A repeated statement is served from the cache: the very same object."""
        fact = selection.facts["sel-fact-gb"]

        assert fact.statement("fr") is fact.statement("fr")


def text_has(part: str, text: str) -> bool:
    """Return whether *text* contains *part* and no doubled braces."""
    return part in text and "{{" not in text and "}}" not in text


class TestLocalizedQuote:
    """A quote's original words are always there; a translation is labelled as one."""

    def test_original_always_present(self, selection: Catalogue) -> None:
        """The original text is in the quote's own language, as the source."""
        local = selection.quotes["sel-alex-en"].localize("fr")

        assert isinstance(local, LocalizedQuote)
        assert ("Nobody should be shamed for asking for help.", "en", Review.SOURCE) == (
            local.text,
            local.text.locale,
            local.text.review,
        )

    def test_translation_when_one_exists(self, selection: Catalogue) -> None:
        """A translation into the requested locale is given beside the original, unreviewed."""
        translation = selection.quotes["sel-alex-en"].localize("fr").translation

        assert translation is not None
        assert (
            "Personne ne devrait avoir honte de demander de l'aide.",
            "fr",
            Review.UNREVIEWED,
        ) == (
            translation,
            translation.locale,
            translation.review,
        )

    @pytest.mark.parametrize(
        ("quote", "locale"), [("sel-alex-en", "pl"), ("sel-bea-en", "fr"), ("sel-alex-fr", "en")]
    )
    def test_no_translation(self, selection: Catalogue, quote: str, locale: str) -> None:
        """Without a translation, translation is None: English is never passed off as one."""
        local = selection.quotes[quote].localize(locale)

        assert local.translation is None
        assert selection.quotes[quote].text == local.text

    def test_own_language(self, selection: Catalogue) -> None:
        """Read in its own language, a quote has no translation, and its text is that language."""
        local = selection.quotes["sel-alex-fr"].localize("fr-CA")

        assert (None, "fr", "ltr") == (local.translation, local.text.locale, local.text.direction)

    def test_text_field_is_in_quote_language(self, selection: Catalogue) -> None:
        """The quote's text read as a field is labelled with the quote's language, not English."""
        text = selection.quotes["sel-alex-fr"].localized_field("text", "pl")

        assert ("fr", "fr") == (text.locale, text.lang)

    def test_other_fields(self, selection: Catalogue) -> None:
        """Role, context and content note are localised; an absent content note is None."""
        with_note = selection.quotes["sel-bea-en"].localize("en")
        without = selection.quotes["sel-alex-en"].localize("en")

        assert ("Fictional young person", "A fictional quote with a content note.") == (
            with_note.role,
            with_note.context,
        )
        assert "Mentions feeling alone." == with_note.content_note
        assert without.content_note is None


class TestLocalizedAdviceAndResource:
    """Advice and resources localise their text and carry their item."""

    def test_advice(self, selection: Catalogue) -> None:
        """Advice gives title and body, and the country's help localised likewise, in order."""
        local = selection.advice["sel-both"].localize("ar", country="GB")

        assert isinstance(local, LocalizedAdvice)
        assert ("sel-both", ("sel-world-removal", "sel-gb-line")) == (
            local.id,
            tuple(r.id for r in local.resources),
        )
        assert all(isinstance(r, LocalizedResource) for r in local.resources)
        assert ("ar", "rtl") == (
            local.resources[0].description.locale,
            local.resources[0].description.direction,
        )
        assert ("en", True) == (
            local.resources[1].description.locale,
            local.resources[1].description.is_fallback,
        )

    def test_arabic_title(self, selection: Catalogue) -> None:
        """An Arabic title is right to left, and its HTML says so."""
        title = selection.advice["sel-everywhere-yp"].localize("ar").title

        assert ("ar", "rtl", Review.UNREVIEWED) == (title.locale, title.direction, title.review)
        assert title.__html__().startswith('<span lang="ar" dir="rtl">')

    def test_resource(self, selection: Catalogue) -> None:
        """A resource keeps its proper name; its hours are formatted by Babel for the locale."""
        local = selection.resources["sel-gb-line"].localize("pl")

        assert (
            "sel-gb-line",
            "GB Line",
            "poniedziałek–niedziela 09:00–21:00 (czas: Wielka Brytania)",
        ) == (
            local.id,
            local.name,
            local.hours,
        )
        assert selection.resources["sel-world-removal"].localize("pl").hours is None

    @pytest.mark.parametrize(
        ("collection", "item_id"),
        [
            ("facts", "sel-fact-gb"),
            ("quotes", "sel-alex-en"),
            ("advice", "sel-both"),
            ("resources", "sel-gb-line"),
        ],
    )
    def test_views_frozen(self, selection: Catalogue, collection: str, item_id: str) -> None:
        """Every localised view is a frozen attrs instance: its fields cannot be replaced."""
        view = getattr(selection, collection)[item_id].localize("fr")
        first = attrs.fields(type(view))[0].name

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(view, first, None)

    def test_shared_data_untouched(self, selection: Catalogue) -> None:
        """Localising never writes back into the shared item."""
        item = selection.advice["sel-everywhere-yp"]
        before = attrs.asdict(item, recurse=False)

        item.localize("ar")
        item.localize("fr")

        assert before == attrs.asdict(item, recurse=False)
        assert "Think about who will see it" == item.title


class TestSourcesHtml:
    """Sources are cited with title, publisher and date; a copy is never linked as the original."""

    def test_copy_not_linked_under_publisher(self) -> None:
        """A source read only at a copy: unlinked title, then a 'read at a copy' link."""
        from sextingsafe import Source
        from sextingsafe._html import _sources_html

        source = Source(
            id="s",
            publisher="NCA",
            title="Warning",
            kind="news",
            published=dt.date(2024, 4, 29),
            via="https://copy.example.org/a",
        )

        assert (
            '<span class="sextingsafe-sources"><cite>Warning</cite> (NCA, '
            '<time datetime="2024-04-29">2024-04-29</time>) (<a class="sextingsafe-via" '
            'href="https://copy.example.org/a">read at a copy</a>)</span>'
        ) == _sources_html((source,))

    def test_original_linked(self) -> None:
        """A source with the publisher's own address links its title there; no date, no date."""
        from sextingsafe import Source
        from sextingsafe._html import _sources_html

        source = Source(
            id="s", publisher="IWF", title="FAQs", kind="guidance", url="https://iwf.org.uk/faqs"
        )

        assert (
            '<span class="sextingsafe-sources"><cite><a href="https://iwf.org.uk/faqs">FAQs</a>'
            "</cite> (IWF)</span>"
        ) == _sources_html((source,))


class TestCorrectionLink:
    """Every help list the library renders as HTML links to the correction page."""

    def test_after_the_help_list(self) -> None:
        """An advice item's HTML ends its help section with the link, in the reader's language."""
        html = ss.advice["if-your-nude-was-shared"].localize("en", country="GB").__html__()

        assert html.endswith(
            '</ul></div><p class="sextingsafe-correction">'
            f'<a href="{ss.CORRECTION_URL}"><span lang="en" dir="ltr">'
            "Report a wrong number or text</span></a></p></section></article>"
        )

    def test_the_page(self) -> None:
        """The address is the documentation page that explains how to report."""
        assert ss.CORRECTION_URL.endswith("/how-to/report-a-correction.html")

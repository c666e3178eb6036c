"""The bundled content and its translations: complete, consistent, and safe to show.

These tests read whatever content is bundled; they assert properties, not particular items.
Every shipped locale is listed explicitly, so a missing catalogue fails rather than skips.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

import sextingsafe
from sextingsafe import Catalogue, Confidence, LocalizedText, Review
from sextingsafe._catalogue import default_catalogue
from sextingsafe._editorial import RISK_TOPICS, points_to_help
from sextingsafe._gettext import review_comment
from sextingsafe._model import placeholders
from sextingsafe._packs import BUNDLED, read_pack

#: The locales the package ships translations for: each must be complete.
SHIPPED = (
    "ar", "bn", "cy", "de", "es", "fa", "fr", "gu", "hi", "it", "lt", "nl",
    "pa", "pl", "pt", "pt_BR", "ro", "so", "ta", "tr", "uk", "ur", "zh_Hans", "zh_Hant",
)  # fmt: skip
RIGHT_TO_LEFT = frozenset({"ar", "fa", "ur"})
#: The source tree's catalogues (CI tests the wheel, from a checkout of the repository).
LOCALE_DIR = Path(__file__).parents[1] / "src" / "sextingsafe" / "locale"
#: Services that the editors' checked list of helplines found only in a secondary, old or single
#: source, by country and the digits of their phone number (or a word of their name where no
#: number was seen). A bundled resource for any of them must be marked partial.
#: A later check moved What's Up (NZ) to verified and India's 1098 to partial.
PARTIAL_IN_RESEARCH = (
    ("IE", "015224300"),
    ("NZ", "0800376633"),
    ("PL", "800100100"),
    ("NO", "116111"),
    ("IN", "1098"),
    ("PK", "1121"),
    ("SO", "116"),
    ("KE", "116"),
    ("TZ", "116"),
    ("TR", "183"),
)


@pytest.fixture(scope="module")
def bundled() -> Catalogue:
    """The bundled catalogue."""
    return default_catalogue()


def po_path(locale: str) -> Path:
    """Return the source catalogue of *locale*."""
    return LOCALE_DIR / locale / "LC_MESSAGES" / "sextingsafe.po"


def read_catalog(locale: str) -> Catalog:
    """Read *locale*'s source catalogue; a missing one fails the test."""
    path = po_path(locale)
    assert path.is_file(), f"{path} is missing: every shipped locale needs its catalogue"
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def entries(locale: str) -> dict[str, Message]:
    """Return *locale*'s translated entries (fuzzy ones too), by message context."""
    return {m.context: m for m in read_catalog(locale) if m.id and m.context}


def singular(message: Message) -> str:
    """Return a message's English singular (a plural message's id is a pair)."""
    return message.id[0] if isinstance(message.id, tuple | list) else message.id


def pairs(message: Message) -> list[tuple[str, str]]:
    """Return (English, translation) pairs: one, or one per plural form (against the plural)."""
    if isinstance(message.string, tuple | list):
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        return [(ids[min(i, 1)] if i else ids[0], form) for i, form in enumerate(message.string)]
    return [(message.id, message.string)]


def translated(message: Message) -> bool:
    """Return whether every form of *message* is translated."""
    return all(form for _, form in pairs(message))


def every_item(catalogue: Catalogue) -> list[Any]:
    """Return every translatable item of *catalogue*."""
    content = catalogue.content
    return [*content.facts, *content.quotes, *content.advice, *content.resources, *content.speakers]


class TestIntegrity:
    """The bundled content is whole and consistent."""

    def test_loads(self, bundled: Catalogue) -> None:
        """The bundled pack loads and has items of every kind."""
        assert all(
            len(getattr(bundled, name)) > 0
            for name in ("facts", "quotes", "advice", "resources", "sources", "speakers")
        )

    def test_ids_unique_within_kind(self) -> None:
        """No id is defined twice for one kind (counting the raw records, before any merging)."""
        raw = read_pack(BUNDLED)
        counts = collections.Counter(
            (r.kind, r.data.get("country" if r.kind == "emergency" else "id")) for r in raw.records
        )

        assert [] == [key for key, count in counts.items() if count > 1]

    def test_ids_unique_across_kinds(self, bundled: Catalogue) -> None:
        """No id names two items of different kinds, so `sextingsafe show ID` is never ambiguous."""
        ids = [
            *bundled.facts,
            *bundled.quotes,
            *bundled.advice,
            *bundled.resources,
            *bundled.sources,
            *bundled.speakers,
        ]

        assert [] == [i for i, count in collections.Counter(ids).items() if count > 1]

    @pytest.mark.parametrize("kind", ["facts", "quotes", "advice", "resources"])
    def test_sourced(self, bundled: Catalogue, kind: str) -> None:
        """Every fact, quote, advice item and resource cites at least one source."""
        assert [] == [item.id for item in getattr(bundled, kind).values() if not item.sources]

    @pytest.mark.parametrize("kind", ["facts", "quotes", "advice", "resources"])
    def test_sources_resolve(self, bundled: Catalogue, kind: str) -> None:
        """Every cited source is the bundled source with that id."""
        for item in getattr(bundled, kind).values():
            for source in item.sources:
                assert bundled.sources[source.id] is source, (item.id, source.id)

    def test_references_resolve(self, bundled: Catalogue) -> None:
        """Every advice item's resources and every quote's speaker are bundled items."""
        for advice in bundled.advice.values():
            for resource in advice.resources:
                assert bundled.resources[resource.id] is resource, (advice.id, resource.id)
        for quote in bundled.quotes.values():
            assert bundled.speakers[quote.speaker.id] is quote.speaker, quote.id

    def test_risk_advice_points_to_help(self, bundled: Catalogue) -> None:
        """Advice on a risk topic (images sent, shared, asked for; threats; the law) names help."""
        missing = [
            advice.id
            for advice in bundled.advice.values()
            if RISK_TOPICS & set(advice.topics) and not points_to_help(advice)
        ]

        assert [] == missing

    def test_resource_countries_reachable(self, bundled: Catalogue) -> None:
        """Every resource is found by resources.select(country=...) for each of its countries."""
        for resource in bundled.resources.values():
            for country in resource.countries:
                assert resource in bundled.resources.select(country=country), (resource.id, country)

    def test_partial_resources_flagged(self, bundled: Catalogue) -> None:
        """A service the research could only partly confirm is bundled with confidence partial."""
        unflagged = []
        for resource in bundled.resources.values():
            phones = {
                re.sub(r"\D", "", channel.value)
                for channel in resource.channels
                if channel.kind.value == "phone" and channel.value
            }
            for country, mark in PARTIAL_IN_RESEARCH:
                matches = mark in phones if mark.isdigit() else mark in resource.name
                if (
                    country in resource.countries
                    and matches
                    and resource.confidence is not Confidence.PARTIAL
                ):
                    unflagged.append(resource.id)

        assert [] == unflagged

    def test_partial_resources_explained(self, bundled: Catalogue) -> None:
        """A partly confirmed resource carries a note saying what is not confirmed."""
        assert [] == [
            r.id
            for r in bundled.resources.values()
            if r.confidence is Confidence.PARTIAL and not r.note
        ]

    def test_every_statement_renders(self, bundled: Catalogue) -> None:
        """Every fact's statement renders in English, all placeholders filled."""
        for fact in bundled.facts.values():
            text = fact.statement("en")
            assert ("en", False) == (text.locale, text.is_fallback)
            assert not re.search(r"\{[a-z_]", text), fact.id

    def test_messages_are_clean(self, bundled: Catalogue) -> None:
        """No translatable English text has surrounding white space."""
        assert [] == [context for context, text in bundled.messages() if text != text.strip()]


def partial_locales() -> list[str]:
    """Return the catalogues in the source tree beyond the shipped ones: new, partly translated."""
    return sorted(p.name for p in LOCALE_DIR.iterdir() if p.is_dir() and p.name not in SHIPPED)


class TestShippedLocales:
    """The package ships the locales it says, each complete; other catalogues may be partial."""

    def test_every_shipped_locale_has_a_catalogue(self) -> None:
        """Each shipped locale has its catalogue in the source tree."""
        present = {p.name for p in LOCALE_DIR.iterdir() if p.is_dir()}

        assert [] == [locale for locale in SHIPPED if locale not in present]

    def test_locales_lists_them_all(self) -> None:
        """sextingsafe.locales() reports English and every shipped locale, all complete."""
        infos = {info.locale: info for info in sextingsafe.locales()}

        assert {"en", *SHIPPED} <= set(infos)
        assert [] == [name for name in ("en", *SHIPPED) if not infos[name].complete]

    def test_partial_locales_pass_the_checks(self, bundled: Catalogue) -> None:
        """A catalogue being started (not shipped yet) may be partial, but what it has is right."""
        from sextingsafe._qa import check_po

        faults = [
            str(fault)
            for locale in partial_locales()
            for fault in check_po(str(po_path(locale)), locale, bundled.messages(), complete=False)
        ]

        assert [] == faults


@pytest.mark.parametrize("locale", SHIPPED)
class TestShippedLocale:
    """Each shipped locale is complete, consistent with the English, and honest about review."""

    def test_listed(self, locale: str) -> None:
        """sextingsafe.locales() lists the locale."""
        assert locale in [info.locale for info in sextingsafe.locales()]

    def test_language_header(self, locale: str) -> None:
        """The catalogue says which language it is in."""
        assert locale == str(read_catalog(locale).locale)

    def test_complete(self, bundled: Catalogue, locale: str) -> None:
        """Every bundled message has a non-fuzzy translation of its current English."""
        found = entries(locale)
        missing = [
            context
            for context, text in bundled.messages()
            if context not in found
            or singular(found[context]) != text
            or found[context].fuzzy
            or not translated(found[context])
        ]

        assert [] == missing

    def test_nothing_orphaned(self, bundled: Catalogue, locale: str) -> None:
        """Every translation belongs to a current message (none left from deleted content)."""
        current = {context for context, _ in bundled.messages()}

        assert [] == sorted(set(entries(locale)) - current)

    def test_no_fuzzy(self, locale: str) -> None:
        """No entry is marked fuzzy."""
        assert [] == [context for context, m in entries(locale).items() if m.fuzzy]

    def test_placeholders_identical(self, locale: str) -> None:
        """Each translation has exactly the placeholders of its English text."""
        wrong = []
        for context, message in entries(locale).items():
            for english, translation in pairs(message):
                if not translation:
                    continue  # untranslated: test_complete reports it
                try:
                    same = sorted(placeholders(translation)) == sorted(placeholders(english))
                except ValueError:
                    same = False
                if not same:
                    wrong.append(context)

        assert [] == wrong

    def test_no_whitespace_drift(self, locale: str) -> None:
        """A translation starts and ends with the same white space as its English (usually none)."""

        def ends(text: str) -> tuple[str, str]:
            return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]

        assert [] == [
            context
            for context, m in entries(locale).items()
            for english, translation in pairs(m)
            if translation and ends(translation) != ends(english)
        ]

    def test_no_review_recorded_yet(self, locale: str) -> None:
        """No bundled translation has been reviewed yet, so none may claim a review."""
        assert [] == [c for c, m in entries(locale).items() if review_comment(m.user_comments)]

    def test_review_status_matches_catalogue(self, bundled: Catalogue, locale: str) -> None:
        """A translation is reviewed exactly when its entry has a reviewed-by comment."""
        found = entries(locale)
        reviewed = {c for c, m in found.items() if review_comment(m.user_comments)}
        for item in every_item(bundled):
            for name in type(item).translatable:
                context = f"{item.item_kind}:{item.id}:{name}"
                if context not in found or not found[context].string:
                    continue
                text = item.localized_field(name, locale)
                expected = Review.REVIEWED if context in reviewed else Review.UNREVIEWED
                assert expected == text.review, context

    def test_renders_without_fallback(self, bundled: Catalogue, locale: str) -> None:
        """Every text of every item renders in the locale itself, not in English."""
        fallbacks = []
        for item in every_item(bundled):
            for name in type(item).translatable:
                if not getattr(item, "statement_template" if name == "statement" else name, ""):
                    continue
                if item.item_kind == "quote" and name == "text":
                    continue  # The original words are shown as they are; see test_quotes.
                text = item.localized_field(name, locale)
                assert isinstance(text, LocalizedText)
                if text.is_fallback or text.locale != locale:
                    fallbacks.append(f"{item.item_kind}:{item.id}:{name}")

        assert [] == fallbacks

    def test_quotes(self, bundled: Catalogue, locale: str) -> None:
        """Every quote not already in the locale's language comes with a translation into it."""
        missing = [
            quote.id
            for quote in bundled.quotes.values()
            if quote.language.split("-")[0] != locale and quote.localize(locale).translation is None
        ]

        assert [] == missing

    def test_advice_views(self, bundled: Catalogue, locale: str) -> None:
        """Localised advice, with its resources, is entirely in the locale and its direction."""
        direction = "rtl" if locale in RIGHT_TO_LEFT else "ltr"
        for advice in bundled.advice.values():
            local = advice.localize(locale)
            texts = [local.title, local.body, *(r.description for r in local.resources)]
            assert {(locale, direction, False)} == {
                (t.locale, t.direction, t.is_fallback) for t in texts
            }, advice.id

    def test_statements_formatted(self, bundled: Catalogue, locale: str) -> None:
        """Every fact statement renders in the locale with all placeholders filled."""
        for fact in bundled.facts.values():
            text = fact.statement(locale)
            assert (locale, False) == (text.locale, text.is_fallback), fact.id
            assert not re.search(r"\{[a-z_]", text), fact.id

    def test_labels(self, bundled: Catalogue, locale: str) -> None:
        """Every interface label, with and without a count, is in the locale itself."""
        from sextingsafe._labels import LABELS, PLURAL_LABELS

        texts = [bundled.label(name, locale) for name in LABELS]
        texts += [bundled.label(name, locale, count=n) for name in PLURAL_LABELS for n in (1, 2, 5)]

        assert [] == [str(t) for t in texts if t.is_fallback or t.locale != locale]

    def test_quality_checks(self, bundled: Catalogue, locale: str) -> None:
        """The catalogue passes the project's own QA (headers, numbers, punctuation, plurals)."""
        from sextingsafe._qa import check_po

        read_catalog(locale)  # a missing catalogue fails here, with its path

        assert [] == [str(f) for f in check_po(str(po_path(locale)), locale, bundled.messages())]


def item_audiences(catalogue: Catalogue) -> dict[str, frozenset[str]]:
    """Return the audiences of every item that has them, by its context prefix ``kind:id``."""
    return {
        f"{item.item_kind}:{item.id}": frozenset(a.value for a in item.audiences)
        for kind in catalogue.content
        for item in kind
        if getattr(item, "audiences", None)
    }


@pytest.mark.parametrize("locale", SHIPPED)
def test_term_base(bundled: Catalogue, locale: str) -> None:
    """Every message uses the locale's approved words for the key terms, per audience.

    The approved words are the glossary's own translations (see docs/how-to/translate.md).
    """
    from sextingsafe._termbase import term_faults, term_rules

    catalog = read_catalog(locale)
    translations = [
        (m.context, singular(m), form)
        for m in catalog
        if m.id and m.context and not m.fuzzy
        for _, form in pairs(m)
        if form
    ]

    faults = term_faults(term_rules(catalog), translations, item_audiences(bundled))

    assert [] == [f"{locale} {context}: {fault}" for context, fault in faults]


class TestArabic:
    """Arabic text runs right to left."""

    def test_direction(self, bundled: Catalogue) -> None:
        """Every Arabic text reports direction 'rtl' and says so in its HTML."""
        for advice in bundled.advice.values():
            title = advice.localize("ar").title
            assert ("ar", "rtl") == (title.locale, title.direction), advice.id
            assert 'dir="rtl"' in title.__html__()

    def test_locale_info(self) -> None:
        """locales() reports Arabic as right to left."""
        (info,) = [i for i in sextingsafe.locales() if i.locale == "ar"]

        assert "rtl" == info.direction

"""Plain-data export: JSON-ready, localised, with full provenance."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sextingsafe import Catalogue, LocalizedText, PackError
from sextingsafe._export import export, item_to_dict, load_export, source_to_dict
from sextingsafe._jsonld import export_jsonld

ITEMS = [
    ("facts", "sel-fact-gb"),
    ("quotes", "sel-alex-en"),
    ("quotes", "sel-bea-en"),
    ("advice", "sel-both"),
    ("resources", "sel-gb-line"),
    ("speakers", "sel-bea"),
]

TYPES = {
    "facts": "fact",
    "quotes": "quote",
    "advice": "advice",
    "resources": "resource",
    "speakers": "speaker",
}


def text_fields(data: Any) -> list[dict[str, Any]]:
    """Return every localised text object nested in *data*."""
    if isinstance(data, dict):
        if {"text", "locale", "direction", "review", "is_fallback"} == set(data):
            return [data]
        return [found for value in data.values() for found in text_fields(value)]
    if isinstance(data, list):
        return [found for value in data for found in text_fields(value)]
    return []


#: The ids of each item's sources, in order.
SOURCES = {
    "sel-fact-gb": ["sel-guidance", "sel-print"],
    "sel-alex-en": ["sel-guidance"],
    "sel-bea-en": ["sel-print"],
    "sel-both": ["sel-guidance", "sel-print"],
    "sel-gb-line": ["sel-guidance"],
}


class TestItemToDict:
    """item_to_dict() gives JSON-serialisable data with sources and localised text."""

    @pytest.mark.parametrize(("collection", "item_id"), ITEMS)
    @pytest.mark.parametrize("locale", [None, "fr", "ar", "pl", "pt-BR"])
    def test_json_round_trip(
        self, selection: Catalogue, collection: str, item_id: str, locale: str | None
    ) -> None:
        """The data survives a strict JSON round trip unchanged (no dates, enums or NaN left)."""
        data = item_to_dict(getattr(selection, collection)[item_id], locale)

        assert data == json.loads(json.dumps(data, allow_nan=False))
        assert (item_id, TYPES[collection]) == (data["id"], data["type"])

    @pytest.mark.parametrize(("collection", "item_id"), ITEMS)
    def test_text_fields_carry_locale(
        self, selection: Catalogue, collection: str, item_id: str
    ) -> None:
        """Every text field carries its BCP 47 locale, direction, review and fallback flag."""
        data = item_to_dict(getattr(selection, collection)[item_id], "ar")
        if data["type"] == "quote":
            # The original words are the source in their own language, never a fallback.
            original = data.pop("text")
            assert ("en", "ltr", "source", False) == (
                original["locale"],
                original["direction"],
                original["review"],
                original["is_fallback"],
            )
        texts = text_fields(data)

        assert texts
        for text in texts:
            assert text["direction"] == ("rtl" if text["locale"] == "ar" else "ltr")
            assert text["review"] in {"source", "reviewed", "unreviewed"}
            assert text["is_fallback"] == (text["locale"] != "ar")

    @pytest.mark.parametrize(("collection", "item_id"), [i for i in ITEMS if i[0] != "speakers"])
    def test_sources(self, selection: Catalogue, collection: str, item_id: str) -> None:
        """Items list their sources in full, in order."""
        item = getattr(selection, collection)[item_id]

        assert [source_to_dict(s) for s in item.sources] == item_to_dict(item)["sources"]
        assert SOURCES[item_id] == [s["id"] for s in item_to_dict(item)["sources"]]

    def test_fact(self, selection: Catalogue) -> None:
        """A fact carries its rendered statement, raw values, period and jurisdictions."""
        data = item_to_dict(selection.facts["sel-fact-gb"], "pl")

        assert "pl" == data["statement"]["locale"]
        assert "Między 1 stycznia 2019 a 31 grudnia 2020" in data["statement"]["text"]
        assert {"count": 1234567} == data["values"]
        assert {"start": "2019-01-01", "end": "2020-12-31"} == data["period"]
        assert ["GB"] == data["jurisdictions"]
        assert "2026-11-27" == data["reviewed"]
        assert data["caveat"]["is_fallback"]

    def test_advice(self, example: Catalogue) -> None:
        """Advice carries its title and body with review status, and the help it needs."""
        data = item_to_dict(example.advice["example-talk"], "fr")

        assert ("reviewed", "unreviewed") == (data["title"]["review"], data["body"]["review"])
        assert ([], ["child-helpline"]) == (data["resources"], data["needs"])
        assert (["young-people"], ["support"]) == (data["audiences"], data["topics"])

    def test_quote(self, selection: Catalogue) -> None:
        """A quote keeps its original words and gives a translation only where one exists."""
        translated = item_to_dict(selection.quotes["sel-alex-en"], "fr")
        untranslated = item_to_dict(selection.quotes["sel-alex-en"], "pl")

        assert ("en", "source") == (translated["text"]["locale"], translated["text"]["review"])
        assert ("fr", "unreviewed") == (
            translated["translation"]["locale"],
            translated["translation"]["review"],
        )
        assert untranslated["translation"] is None
        assert {
            "id": "sel-alex",
            "name": "Alex Example",
            "organisation": "Example Council",
            "pseudonymous": False,
        } == {k: v for k, v in translated["speaker"].items() if k != "role"}

    def test_resource(self, example: Catalogue) -> None:
        """A resource carries its channels, confidence, status and check date."""
        data = item_to_dict(example.resources["example-line"], "fr-CA")

        assert [{"kind": "phone", "value": "0000 000 000"}] == data["channels"]
        assert ("partial", "2026-11-27", ["GB"], "active", None) == (
            data["confidence"],
            data["checked"],
            data["countries"],
            data["status"],
            data["as_of"],
        )
        assert "hours" not in data
        assert ("en", True) == (data["description"]["locale"], data["description"]["is_fallback"])


class TestSourceToDict:
    """source_to_dict() gives a source's full provenance."""

    def test_print_source(self, selection: Catalogue) -> None:
        """A print source has no url, and keeps its author and date."""
        assert {
            "id": "sel-print",
            "publisher": "Example Press",
            "title": "A fictional printed report",
            "kind": "report",
            "published": "2023-02-14",
            "url": None,
            "via": None,
            "author": "A. Writer",
            "note": None,
        } == source_to_dict(selection.sources["sel-print"])


KINDS = (
    "facts",
    "quotes",
    "advice",
    "resources",
    "sources",
    "speakers",
    "occasions",
    "glossary",
    "faq",
    "scripts",
)


def shown(text: LocalizedText | None) -> tuple[object, ...] | None:
    """Return what a reader sees of a text, and what the app is told about it."""
    if text is None:
        return None
    return (str(text), text.locale, text.review, text.is_fallback, text.direction)


class TestExport:
    """export() writes a whole catalogue as JSON-ready data; load_export() reads it back."""

    def test_json_ready(self, selection: Catalogue) -> None:
        """The export survives a strict JSON round trip unchanged."""
        data = export(selection)

        assert data == json.loads(json.dumps(data, allow_nan=False))

    def test_locales(self, selection: Catalogue) -> None:
        """'all' exports every supported locale, English first, with the coverage counts."""
        data = export(selection)
        infos = {info.tag: info for info in selection.locales()}

        assert ["en", "ar", "fr", "pl"] == [entry["tag"] for entry in data["locales"]]
        for entry in data["locales"]:
            info = infos[entry["tag"]]
            assert (info.direction, info.total, info.translated, info.reviewed) == (
                entry["direction"],
                entry["total"],
                entry["translated"],
                entry["reviewed"],
            )

    @pytest.mark.parametrize("locale", ["fr", "fr-CA"])
    def test_one_locale(self, selection: Catalogue, locale: str) -> None:
        """Asking for one locale exports English and that locale (found as for display) only."""
        data = export(selection, locale)
        tags = {
            tag
            for record in data["advice"]
            for value in record.values()
            if isinstance(value, dict) and "en" in value
            for tag in value
        }

        assert ["en", "fr"] == [entry["tag"] for entry in data["locales"]]
        assert {"en", "fr"} == tags

    def test_round_trip_items(self, selection: Catalogue) -> None:
        """load_export() rebuilds every item, equal to the original, in the same order."""
        back = load_export(json.loads(json.dumps(export(selection))))

        for kind in KINDS:
            assert list(getattr(selection, kind).values()) == list(getattr(back, kind).values())

    @pytest.mark.parametrize("locale", ["en", "fr", "fr-CA", "ar", "pl", "de"])
    def test_round_trip_texts(self, selection: Catalogue, locale: str) -> None:
        """Every text reads the same after a round trip: language, review and fallback included."""
        back = load_export(json.loads(json.dumps(export(selection))))

        for kind in ("facts", "quotes", "advice", "resources", "speakers", "occasions"):
            for item in getattr(selection, kind).values():
                twin = getattr(back, kind)[item.id]
                for name in type(item).translatable:
                    if getattr(item, "statement_template" if name == "statement" else name):
                        assert shown(item.localized_field(name, locale)) == shown(
                            twin.localized_field(name, locale)
                        ), (item.id, name)

    def test_round_trip_labels(self, selection: Catalogue) -> None:
        """Interface label translations survive the round trip, plural forms included."""
        back = load_export(json.loads(json.dumps(export(selection))))

        assert ["Où trouver de l'aide", "1 źródło", "3 źródła", "5 źródeł"] == [
            back.label("where-to-get-help", "fr"),
            *(back.label("sources-count", "pl", count=n) for n in (1, 3, 5)),
        ]
        assert shown(selection.label("sources-count", "pl", count=5)) == shown(
            back.label("sources-count", "pl", count=5)
        )

    def test_round_trip_coverage(self, selection: Catalogue) -> None:
        """The rebuilt catalogue reports the same translated and reviewed counts."""
        back = load_export(json.loads(json.dumps(export(selection))))

        assert [(i.locale, i.translated, i.reviewed) for i in selection.locales()] == [
            (i.locale, i.translated, i.reviewed) for i in back.locales()
        ]

    @pytest.mark.parametrize(
        "data", [{}, {"format": "something-else", "version": 1}, {"format": None}]
    )
    def test_load_rejects_other_data(self, data: dict[str, Any]) -> None:
        """Data that is not an export is a PackError."""
        with pytest.raises(PackError):
            load_export(data)


class TestExportJsonld:
    """export_jsonld() writes schema.org JSON-LD in one locale."""

    def test_json_ready_with_context(self, selection: Catalogue) -> None:
        """The document is plain JSON with an inline @context (it expands offline)."""
        data = export_jsonld(selection, "fr")

        assert data == json.loads(json.dumps(data, allow_nan=False))
        assert isinstance(data["@context"], dict)
        assert data["@graph"]

    def test_localised(self, selection: Catalogue) -> None:
        """Translated texts appear in the requested locale."""
        text = json.dumps(export_jsonld(selection, "fr"), ensure_ascii=False)

        assert "Pense à qui va la voir" in text
        assert "urn:sextingsafe:source:sel-guidance" in text

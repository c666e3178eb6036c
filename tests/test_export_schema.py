"""The exports are what they claim: valid against the schema, and expanding to schema.org.

The JSON validates against the shipped schema; the JSON-LD expands offline to schema.org terms.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest
from pyld import jsonld

import sextingsafe as ss
from sextingsafe._export import SCHEMA_PATH
from sextingsafe._jsonld import TERMS


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    """The JSON Schema shipped in the package."""
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


class TestSchema:
    """Every export validates against the schema in the package."""

    def test_schema_is_valid(self, schema: dict[str, Any]) -> None:
        """The schema itself is a valid draft 2020-12 schema."""
        jsonschema.Draft202012Validator.check_schema(schema)

    @pytest.mark.parametrize("locales", ["all", "fr", None, ["ar", "pl"]])
    def test_bundled_export_validates(self, schema: dict[str, Any], locales: Any) -> None:
        """The bundled catalogue's export validates, whichever locales it carries."""
        data = json.loads(json.dumps(ss.export(locales=locales)))
        errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]

        assert [] == errors

    def test_pack_export_validates(self, schema: dict[str, Any], selection: ss.Catalogue) -> None:
        """A pack's export validates too."""
        jsonschema.validate(json.loads(json.dumps(ss.export(selection))), schema)

    def test_schema_catches_a_broken_export(self, schema: dict[str, Any]) -> None:
        """The schema is strict enough to reject a helpline with no sources."""
        data = json.loads(json.dumps(ss.export(locales=None)))
        del data["resources"][0]["sources"]

        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema)

    def test_round_trip_of_the_bundled_catalogue(self) -> None:
        """Export and load back: every bundled item is equal to the original."""
        back = ss.load_export(json.loads(json.dumps(ss.export())))
        bundled = ss.Catalogue.bundled()

        for kind in ("facts", "quotes", "advice", "resources", "sources", "speakers", "occasions"):
            assert list(getattr(bundled, kind).values()) == list(getattr(back, kind).values())


class TestJsonLd:
    """The JSON-LD export expands, with its inline context, to schema.org terms only."""

    @staticmethod
    def _terms(node: Any, found: set[str]) -> set[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@type":
                    found.update(value if isinstance(value, list) else [value])
                elif not key.startswith("@"):
                    found.add(key)
                TestJsonLd._terms(value, found)
        elif isinstance(node, list):
            for value in node:
                TestJsonLd._terms(value, found)
        return found

    @pytest.mark.parametrize("locale", ["en", "ar", "all"])
    def test_expands_to_schema_org(self, locale: str) -> None:
        """Every property and type is schema.org's or one of our documented terms, offline."""
        expanded = jsonld.expand(ss.export_jsonld(locale=locale))
        terms = self._terms(expanded, set())
        ours = {t.removeprefix(TERMS) for t in terms if t.startswith(TERMS)}

        assert {t for t in terms if not t.startswith(("https://schema.org/", TERMS))} == set()
        assert {
            "review",
            "status",
            "checked",
            "confidence",
            "asOf",
            "stale",
            "staleOn",
        } == ours

    def test_review_status(self) -> None:
        """Each item says, per language written, whether its text is reviewed."""
        graph = ss.export_jsonld(locale="pl")["@graph"]
        advice = next(
            n for n in graph if n["@id"] == "urn:sextingsafe:advice:ask-who-should-see-it"
        )
        item = ss.advice["ask-who-should-see-it"]

        assert [{"inLanguage": "pl", "ss:status": "unreviewed"}] == advice["ss:review"]
        assert item.reviewed.isoformat() == advice["lastReviewed"]

    def test_resource_freshness(self) -> None:
        """A resource says which details are stale on the day the document names, and as of when."""
        data = ss.export_jsonld(today=dt.date(2026, 12, 7))
        node = next(
            n for n in data["@graph"] if n["@id"] == "urn:sextingsafe:resource:nspcc-helpline-gb"
        )

        assert "2026-12-07" == data["@graph"][0]["ss:staleOn"]
        assert ["channels[0]", "channels[1]"] == node["ss:stale"]
        assert ("+448088005000", "2020-01-01") == (
            node["contactPoint"][0]["telephone"],
            node["contactPoint"][0]["ss:asOf"],
        )

    def test_resource_checked(self) -> None:
        """A resource carries the day its details were checked and how sure they are."""
        graph = ss.export_jsonld()["@graph"]
        node = next(n for n in graph if n["@id"] == "urn:sextingsafe:resource:childline-gb")
        line = ss.resources["childline-gb"]

        assert (line.checked.isoformat(), line.confidence.value) == (
            node["ss:checked"],
            node["ss:confidence"],
        )

    def test_all_locales(self) -> None:
        """``locale="all"`` writes each text once per language it is translated into."""
        data = ss.export_jsonld(locale="all")
        advice = next(
            n for n in data["@graph"] if n["@id"] == "urn:sextingsafe:advice:ask-who-should-see-it"
        )
        item = ss.advice["ask-who-should-see-it"]
        translated = {
            info.tag for info in ss.locales() if not item.localize(info.tag).title.is_fallback
        }

        assert translated == {value["@language"] for value in advice["name"]}
        assert translated == {entry["inLanguage"] for entry in advice["ss:review"]}
        assert len(ss.locales()) == len(data["@graph"][0]["inLanguage"])

    def test_content_version(self) -> None:
        """A Dataset node names the content version."""
        first = ss.export_jsonld()["@graph"][0]

        assert ("Dataset", ss.content_version) == (first["@type"], first["version"])

    def test_types_used(self) -> None:
        """Facts are Claims, quotes Quotations, advice HowToTips, resources Organizations."""
        types = {node["@type"] for node in ss.export_jsonld()["@graph"]}

        assert {"Claim", "Quotation", "HowToTip", "Organization", "CreativeWork"} <= types

    def test_texts_carry_their_language(self) -> None:
        """A translated text is tagged with its own language; the original quote keeps English."""
        graph = ss.export_jsonld(locale="ar")["@graph"]
        advice = next(
            n for n in graph if n["@id"] == "urn:sextingsafe:advice:ask-who-should-see-it"
        )
        quote = next(
            n for n in graph if n["@id"] == "urn:sextingsafe:quote:marshall-who-do-i-want-to-see"
        )

        assert "ar" == advice["name"]["@language"]
        assert "en" == quote["text"]["@language"]

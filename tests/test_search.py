"""Search the localised text, without case or accents (``_search``)."""

from __future__ import annotations

import io
import json

import pytest

import sextingsafe as ss
from sextingsafe._cli import main
from sextingsafe._search import fold


class TestFold:
    """``fold`` removes case and accents, per locale."""

    @pytest.mark.parametrize(
        ("text", "locale", "expected"),
        [
            ("Zdjęcia ŁÓDŹ", "pl", "zdjecia lodz"),
            ("Straße", "de", "strasse"),
            ("ISPARTA İzmir ılık", "tr", "isparta izmir ilik"),
            ("Ça va, Noël", "fr", "ca va, noel"),
            ("ٱلْعَرَبِيَّة", "ar", "ٱلعربية"),
        ],
    )
    def test_fold(self, text: str, locale: str, expected: str) -> None:
        """Case, accents, Turkish i and Arabic vowel marks all fold away."""
        assert expected == fold(text, locale)


class TestSearch:
    """``search()`` finds items by their words in a locale, best first."""

    def test_english(self) -> None:
        """A service's name finds it first, whatever the case."""
        assert "childline-gb" == ss.search("CHILDLINE")[0].item.id

    def test_without_accents(self) -> None:
        """Polish text is found when typed without its accents."""
        hits = ss.search("zdjecia usuniecie", locale="pl", kinds=["advice"])

        assert "ask-people-to-delete-your-nude" == hits[0].item.id
        assert hits[0].snippet.startswith("Jak poprosić innych o usunięcie")

    def test_every_word_must_match(self) -> None:
        """An item is a hit only when every word is in it."""
        assert () == ss.search("childline zzzqqq")

    def test_empty(self) -> None:
        """No words, no hits."""
        assert () == ss.search("  ?! ")

    def test_title_outranks_body(self) -> None:
        """A word in a title scores more than the same word in a body only."""
        hits = ss.search("delete", kinds=["advice"])
        in_title = [h for h in hits if "title" in h.fields]

        assert in_title
        assert hits[0] in in_title

    def test_kinds(self) -> None:
        """``kinds`` keeps only those kinds."""
        assert {"resource"} == {h.kind for h in ss.search("help", kinds=["resource"])}

    def test_every_kind(self) -> None:
        """Without ``kinds``, every kind is searched."""
        kinds = {h.kind for h in ss.search("nude")}

        assert {"advice", "resource", "fact", "quote", "term", "question", "script"} == kinds

    def test_bad_kind(self) -> None:
        """An unknown kind is an InvalidFilterError naming it."""
        with pytest.raises(ss.InvalidFilterError, match="'tips'"):
            ss.search("help", kinds=["tips"])

    def test_country(self) -> None:
        """With a country, no other country's resources appear."""
        hits = ss.search("helpline", kinds=["resource"], country="PL")

        assert hits
        assert all(not h.item.countries or "PL" in h.item.countries for h in hits)

    def test_audience(self) -> None:
        """With an audience, only what has one: no facts, quotes or glossary terms."""
        hits = ss.search("nude", audience="parents-carers")

        assert {"advice", "resource", "question", "script"} == {h.kind for h in hits}
        assert all(ss.Audience.PARENTS_CARERS in h.item.audiences for h in hits)

    def test_limit(self) -> None:
        """``limit`` keeps the best N."""
        assert ss.search("nude")[:2] == ss.search("nude", limit=2)

    def test_chinese(self) -> None:
        """Text without spaces is matched inside words."""
        title = str(ss.advice["ask-who-should-see-it"].localize("zh-Hans").title)

        hits = ss.search(title[:4], locale="zh-Hans", kinds=["advice"])

        assert "ask-who-should-see-it" in [h.item.id for h in hits]

    def test_bad_locale(self) -> None:
        """A malformed locale raises InvalidLocaleError."""
        with pytest.raises(ss.InvalidLocaleError):
            ss.search("help", locale="!!")


class TestReferenceKinds:
    """Glossary terms, questions people ask and conversation scripts are searched too."""

    def test_term_word_ranks_first(self) -> None:
        """A term whose word is the query comes first, then a term that holds it."""
        hits = ss.search("sextortion", limit=2)

        assert [("term", "sextortion"), ("term", "financially-motivated-sextortion")] == [
            (h.kind, h.item.id) for h in hits
        ]
        assert ("term",) == hits[0].fields
        assert "sextortion" == hits[0].snippet

    def test_polish_term_without_accents(self) -> None:
        """The Polish term is found when typed without its accents ("zdjecie" for "zdjęcie")."""
        hit = ss.search("intymne zdjecie", locale="pl", kinds=["term"])[0]

        assert ("intimate-image", "intymne zdjęcie") == (hit.item.id, hit.snippet)

    def test_french_term_without_accents(self) -> None:
        """A French term is found first in capitals without its accents ("PENALE" for "pénale")."""
        hit = ss.search("AGE RESPONSABILITE PENALE", locale="fr")[0]

        assert ("term", "age-of-criminal-responsibility", "âge de la responsabilité pénale") == (
            hit.kind,
            hit.item.id,
            hit.snippet,
        )

    def test_french_question_without_accents(self) -> None:
        """A French question is found, best first, without its accents ("partage")."""
        hits = ss.search("ennuis partage", locale="fr", kinds=["question"])

        assert "will-i-get-in-trouble-for-reporting" == hits[0].item.id

    def test_script_title(self) -> None:
        """A script is found by its title."""
        hits = ss.search("saying no", kinds=["script"])

        assert [("young-person-saying-no", ("title", "lines"))] == [
            (h.item.id, h.fields) for h in hits
        ]

    def test_script_lines(self) -> None:
        """A script is found by the words of one of its lines."""
        hits = ss.search("I'm not sending that", kinds=["script"])

        assert ["young-person-saying-no"] == [h.item.id for h in hits]
        assert ("lines", "title", "situation") == hits[0].fields

    def test_answer(self) -> None:
        """A question is found by the words of its answer, scoring less than by its question."""
        by_question = ss.search("revenge porn", kinds=["question"])[0]

        assert "is-revenge-porn-the-right-word" == by_question.item.id
        assert "question" == by_question.fields[0]

    def test_country(self) -> None:
        """A question limited to England and Wales is found for GB, not for Poland."""
        assert () == ss.search("criminal record", kinds=["question"], country="PL")
        assert ["will-my-child-get-a-criminal-record"] == [
            h.item.id for h in ss.search("criminal record", kinds=["question"], country="GB")
        ]

    def test_audience(self) -> None:
        """With an audience, questions and scripts for it; glossary terms have no audience."""
        hits = ss.search("nude", audience="parents-carers", kinds=["term", "question", "script"])

        assert {"question", "script"} == {h.kind for h in hits}
        assert all(ss.Audience.PARENTS_CARERS in h.item.audiences for h in hits)


class TestCommand:
    """``sextingsafe search TEXT``."""

    def test_kind_term(self) -> None:
        """--kind term searches the glossary."""
        out = io.StringIO()

        assert 0 == main(["search", "deepfake", "--kind", "term"], stdout=out)
        assert "[term deepfake] deepfake\n" == out.getvalue()

    def test_text(self) -> None:
        """Each hit prints its kind, id and main text."""
        out = io.StringIO()

        assert 0 == main(["search", "childline", "--limit", "1"], stdout=out)
        assert out.getvalue().startswith("[resource childline-gb] Childline")

    def test_json(self) -> None:
        """--format json prints each hit's score, fields and the item as data."""
        out = io.StringIO()

        assert 0 == main(["search", "childline", "-n", "1", "-f", "json"], stdout=out)
        (hit,) = json.loads(out.getvalue())
        assert ("childline-gb", ["name"]) == (hit["id"], hit["fields"][:1])


class TestLimit:
    """``--limit`` on every listing command."""

    @pytest.mark.parametrize(
        "command", ["facts", "quotes", "advice", "resources", "occasions", "locales"]
    )
    def test_limit(self, command: str) -> None:
        """--limit 2 prints two items."""
        out = io.StringIO()

        assert 0 == main([command, "--limit", "2", "--format", "json"], stdout=out)
        assert 2 == len(json.loads(out.getvalue()))

    def test_not_positive(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--limit 0 is a usage error."""
        assert 2 == main(["facts", "--limit", "0"], stdout=io.StringIO())
        assert "expected a whole number of 1 or more, got '0'" in capsys.readouterr().err

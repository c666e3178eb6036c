"""The reference kinds: glossary terms, questions and answers, and conversation scripts."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

import sextingsafe as ss
from sextingsafe import (
    AgeRange,
    Audience,
    Catalogue,
    ContentNotFoundError,
    InvalidFilterError,
    PackError,
    Question,
    Review,
    Script,
    Source,
    Term,
    export,
    export_jsonld,
    load_export,
)
from sextingsafe.babel_extract import extract

PACK = Path(__file__).parent / "packs" / "reference"
SOURCE = Source(id="s", publisher="P", title="T", kind="guidance")
DAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def reference() -> Catalogue:
    """The reference fixture pack alone: two terms, two questions, two scripts, some French."""
    return Catalogue.load(PACK, include_bundled=False)


def script(**changes: object) -> Script:
    """A valid script built by hand, with *changes*."""
    fields: dict[str, object] = {
        "id": "s",
        "audiences": ["young-people"],
        "topics": ["being-asked"],
        "title": "T",
        "situation": "S",
        "lines": ["One.", "Two."],
        "sources": [SOURCE],
        "reviewed": DAY,
    }
    fields.update(changes)
    return Script(**fields)  # type: ignore[arg-type]


class TestTerm:
    """A glossary term validates its avoid list."""

    def test_avoid_words_are_lower_case(self) -> None:
        """An avoid word must be lower case, so the checks can match it in any case."""
        with pytest.raises(ValueError, match="lower-case"):
            Term(
                id="t",
                term="t",
                definition="d",
                avoid=["Revenge porn"],
                sources=[SOURCE],
                reviewed=DAY,
            )

    def test_messages(self) -> None:
        """A term's messages are its word, definition and usage; an empty usage is left out."""
        term = Term(id="t", term="nudes", definition="Images.", sources=[SOURCE], reviewed=DAY)

        assert (("term", "nudes"), ("definition", "Images.")) == term.messages()


class TestScript:
    """A script's lines are messages of their own: line-1, line-2 ..."""

    def test_line_messages(self) -> None:
        """Each line is one message, numbered from 1, after the title and situation."""
        assert (
            ("title", "T"),
            ("situation", "S"),
            ("line-1", "One."),
            ("line-2", "Two."),
        ) == script().messages()

    def test_message_by_name(self) -> None:
        """message('line-2') is the second line."""
        assert "Two." == script().message("line-2")

    @pytest.mark.parametrize("name", ["line-3", "line-0", "lines", "body"])
    def test_no_such_message(self, name: str) -> None:
        """A line past the end, line-0, the list itself or an unknown field is not a message."""
        with pytest.raises(AttributeError):
            script().message(name)

    def test_needs_a_line(self) -> None:
        """A script without lines is rejected."""
        with pytest.raises(ValueError, match="at least one line"):
            script(lines=[])

    def test_at_most_forty_lines(self) -> None:
        """A script has at most 40 lines, so a message name is at most line-40."""
        with pytest.raises(ValueError, match="at most 40"):
            script(lines=[f"Line {n}." for n in range(41)])

    def test_blank_line(self) -> None:
        """A blank line is rejected, naming its number."""
        with pytest.raises(ValueError, match="line 2"):
            script(lines=["One.", "  "])


class TestPack:
    """The kinds load from glossary*.toml, faq*.toml and scripts*.toml."""

    def test_counts(self, reference: Catalogue) -> None:
        """Every record of the fixture pack is loaded, in file order."""
        assert ["ref-image-abuse", "ref-nudes"] == list(reference.glossary)
        assert ["ref-in-trouble", "ref-parent-tell-school"] == list(reference.faq)
        assert ["ref-saying-no", "ref-parent-opening"] == list(reference.scripts)

    def test_references_are_resolved(self, reference: Catalogue) -> None:
        """Sources are resolved to Source objects; ages to an AgeRange."""
        question = reference.faq["ref-in-trouble"]

        assert "ref-guidance" == question.sources[0].id
        assert AgeRange(min=11, max=17) == question.ages

    def test_unknown_source(self, make_pack: object, tmp_path: Path) -> None:
        """A script citing an unknown source is rejected with its file and line."""
        pack = tmp_path / "pack"
        pack.mkdir()
        (pack / "scripts.toml").write_text(
            "[[script]]\n"
            'id = "x"\n'
            'audiences = ["young-people"]\n'
            'topics = ["being-asked"]\n'
            'title = "T"\n'
            'situation = "S"\n'
            'lines = ["L."]\n'
            'sources = ["nowhere"]\n'
            "reviewed = 2026-12-01\n",
            encoding="utf-8",
        )
        with pytest.raises(PackError) as caught:
            Catalogue.load(pack, include_bundled=False)

        assert [
            "pack/scripts.toml:8: [[script]] 'x': unknown source id(s) in sources: 'nowhere'"
        ] == [str(p) for p in caught.value.problems]


class TestSelect:
    """select() filters combine; age keeps items whose range includes it, and those without."""

    def test_age(self, reference: Catalogue) -> None:
        """Age 9 keeps the 8-10 script and the script without ages."""
        assert ["ref-saying-no", "ref-parent-opening"] == [
            s.id for s in reference.scripts.select(age=9)
        ]
        assert ["ref-parent-opening"] == [s.id for s in reference.scripts.select(age=12)]

    def test_age_and_audience(self, reference: Catalogue) -> None:
        """Audience and age combine: young people's questions for a 12-year-old."""
        assert ["ref-in-trouble"] == [
            q.id for q in reference.faq.select(audience="young-people", age=12)
        ]
        assert [] == list(reference.faq.select(audience="young-people", age=9))

    @pytest.mark.parametrize("age", [-1, 121, "12", True, 12.5])
    def test_bad_age(self, reference: Catalogue, age: object) -> None:
        """An age that is not a whole number of years from 0 to 120 is a filter error."""
        with pytest.raises(InvalidFilterError, match="age"):
            reference.faq.select(age=age)  # type: ignore[arg-type]

    def test_jurisdiction(self, reference: Catalogue) -> None:
        """A GB-ENG question matches GB and GB-ENG, not GB-SCT; terms for GB match GB-WLS."""
        assert ["ref-in-trouble", "ref-parent-tell-school"] == [
            q.id for q in reference.faq.select(jurisdiction="GB")
        ]
        assert ["ref-in-trouble"] == [q.id for q in reference.faq.select(jurisdiction="GB-SCT")]
        assert ["ref-image-abuse", "ref-nudes"] == [
            t.id for t in reference.glossary.select(jurisdiction="GB-WLS")
        ]
        assert ["ref-image-abuse"] == [t.id for t in reference.glossary.select(jurisdiction="FR")]

    def test_topic_and_source(self, reference: Catalogue) -> None:
        """Topic and source filters work on every reference kind."""
        assert ["ref-image-abuse"] == [
            t.id for t in reference.glossary.select(topic="image-shared")
        ]
        assert 2 == len(reference.scripts.select(source="ref-guidance"))
        assert [] == list(reference.faq.select(topic="sextortion"))

    def test_lookup(self, reference: Catalogue) -> None:
        """lookup() finds a term by its English word in any case."""
        assert "ref-image-abuse" == reference.glossary.lookup("Image-Based Abuse").id

    def test_lookup_missing(self, reference: Catalogue) -> None:
        """An unknown word raises ContentNotFoundError."""
        with pytest.raises(ContentNotFoundError):
            reference.glossary.lookup("revenge porn")


class TestAdviceAge:
    """Advice filters by age the same way, and so does the tip of the day."""

    def test_bundled_young_people_advice_for_an_age(self) -> None:
        """Every young people's item chosen for 9 has no range or a range that includes 9."""
        chosen = ss.advice.select(audience="young-people", age=9)

        assert all(a.ages is None or a.ages.includes(9) for a in chosen)

    def test_tip_takes_an_age(self) -> None:
        """tip(age=...) picks among the advice for that age."""
        tip = ss.advice.tip(on=DAY, age=15)

        assert tip.ages is None or tip.ages.includes(15)


class TestLocalize:
    """Each message falls back on its own."""

    def test_script_lines(self, reference: Catalogue) -> None:
        """Translated lines are French; the untranslated line is English, flagged."""
        local = reference.scripts["ref-saying-no"].localize("fr")

        assert [
            "« Non, je ne veux pas. »",
            "You don't have to give a reason.",
            "Parle à un adulte de confiance.",
        ] == [str(line) for line in local.lines]
        assert [False, True, False] == [line.is_fallback for line in local.lines]
        assert Review.UNREVIEWED is local.lines[0].review

    def test_term(self, reference: Catalogue) -> None:
        """A term's word is translated; its untranslated definition falls back."""
        local = reference.glossary["ref-image-abuse"].localize("fr")

        assert "abus fondé sur l'image" == local.term
        assert local.definition.is_fallback
        assert 'Say "image-based abuse", not "revenge porn".' == local.usage

    def test_term_without_usage(self, reference: Catalogue) -> None:
        """A term without usage guidance has usage None."""
        assert reference.glossary["ref-nudes"].localize("fr").usage is None

    def test_question(self, reference: Catalogue) -> None:
        """A question and its answer localise separately."""
        local = reference.faq["ref-in-trouble"].localize("fr")

        assert ("Vais-je avoir des ennuis ?", True) == (
            str(local.question),
            local.answer.is_fallback,
        )

    def test_localized_field_by_line(self, reference: Catalogue) -> None:
        """localized_field('line-3') returns one line."""
        assert "Parle à un adulte de confiance." == reference.scripts[
            "ref-saying-no"
        ].localized_field("line-3", "fr")

    def test_built_by_hand(self) -> None:
        """An item built by hand has no catalogue, and says so."""
        with pytest.raises(LookupError, match="belongs to no catalogue"):
            script().localize("fr")


class TestHtml:
    """The views' HTML is escaped and marked up for their kind."""

    def test_question_escaped(self, reference: Catalogue) -> None:
        """Markup in an answer is escaped."""
        html = reference.faq["ref-parent-tell-school"].localize("en").__html__()

        assert "&lt;and&gt;" in html
        assert "<and>" not in html
        assert html.startswith(
            '<details class="sextingsafe-question" data-id="ref-parent-tell-school"><summary>'
        )

    def test_script_is_an_ordered_list(self, reference: Catalogue) -> None:
        """A script's lines are the items of an <ol>, each with its own lang."""
        html = reference.scripts["ref-saying-no"].localize("fr").__html__()

        assert 3 == html.count("<li>")
        assert (
            '<li><span lang="en" dir="ltr">You don&#x27;t have to give a reason.</span></li>'
            in html
        )

    def test_term_is_a_definition(self, reference: Catalogue) -> None:
        """A term is a <dt> and a <dd>."""
        html = reference.glossary["ref-nudes"].localize("en").__html__()

        assert '<dt><span lang="en" dir="ltr">nudes</span></dt><dd>' in html


class TestExport:
    """The kinds are exported with their translations and read back unchanged."""

    def test_lines_are_a_list_of_texts(self, reference: Catalogue) -> None:
        """An exported script's lines are a list of locale maps, reviews named by line."""
        record = export(reference)["scripts"][0]

        assert [
            {"en": '"No, I don\'t want to."', "fr": "« Non, je ne veux pas. »"},
            {"en": "You don't have to give a reason."},
            {"en": "Tell an adult you trust.", "fr": "Parle à un adulte de confiance."},
        ] == record["lines"]
        assert {"title": "unreviewed", "line-1": "unreviewed", "line-3": "unreviewed"} == record[
            "review"
        ]["fr"]

    def test_round_trip(self, reference: Catalogue) -> None:
        """load_export() rebuilds equal items, and the same French texts."""
        back = load_export(json.loads(json.dumps(export(reference))))

        for kind in ("glossary", "faq", "scripts"):
            assert list(getattr(reference, kind).values()) == list(getattr(back, kind).values())
        assert [str(line) for line in reference.scripts["ref-saying-no"].localize("fr").lines] == [
            str(line) for line in back.scripts["ref-saying-no"].localize("fr").lines
        ]

    def test_item_to_dict(self, reference: Catalogue) -> None:
        """A single script as plain data has one text object per line."""
        from sextingsafe._export import item_to_dict

        data = item_to_dict(reference.scripts["ref-saying-no"], "fr")

        assert ["fr", "en", "fr"] == [line["locale"] for line in data["lines"]]
        assert "script" == data["type"]

    def test_messages(self, reference: Catalogue) -> None:
        """The catalogue's messages include every line, named kind:id:line-N."""
        contexts = [context for context, _text in reference.messages()]

        assert "script:ref-saying-no:line-3" in contexts
        assert "script:ref-saying-no:lines" not in contexts
        assert "term:ref-nudes:usage" not in contexts


class TestJsonLd:
    """Terms are DefinedTerms, questions an FAQPage, scripts HowTos."""

    def test_types(self, reference: Catalogue) -> None:
        """Each kind has its schema.org type, and the sets that hold them."""
        types = [node["@type"] for node in export_jsonld(reference)["@graph"]]

        assert 1 == types.count("DefinedTermSet")
        assert 2 == types.count("DefinedTerm")
        assert 1 == types.count("FAQPage")
        assert 2 == types.count("Question")
        assert 2 == types.count("HowTo")

    def test_script_steps(self, reference: Catalogue) -> None:
        """A script's lines are numbered HowToSteps in their own language."""
        graph = export_jsonld(reference, "fr")["@graph"]
        howto = next(n for n in graph if n["@id"] == "urn:sextingsafe:script:ref-saying-no")

        assert [(1, "fr"), (2, "en"), (3, "fr")] == [
            (step["position"], step["text"]["@language"]) for step in howto["step"]
        ]

    def test_answer(self, reference: Catalogue) -> None:
        """A question carries its accepted answer."""
        graph = export_jsonld(reference)["@graph"]
        question = next(n for n in graph if n["@id"] == "urn:sextingsafe:question:ref-in-trouble")

        assert "Answer" == question["acceptedAnswer"]["@type"]


class TestExtract:
    """pybabel extraction yields one message per line."""

    def test_lines(self) -> None:
        """Each line is a message with context script:id:line-N, at the line of `lines`."""
        found = list(extract(io.BytesIO((PACK / "scripts.toml").read_bytes()), {}, [], {}))
        contexts = [(line, context) for line, _fn, (context, _text), _c in found]

        assert (7, "script:ref-saying-no:line-2") in contexts
        assert (5, "script:ref-saying-no:title") in contexts
        assert 8 == len(found)


class TestBundled:
    """The public names for the bundled reference content."""

    def test_collections(self) -> None:
        """ss.glossary, ss.faq and ss.scripts are typed collections of their kinds."""
        assert all(isinstance(t, Term) for t in ss.glossary.values())
        assert all(isinstance(q, Question) for q in ss.faq.values())
        assert all(isinstance(s, Script) for s in ss.scripts.values())

    def test_audience_enum(self) -> None:
        """Scripts say who speaks with the Audience enumeration."""
        assert all(isinstance(a, Audience) for s in ss.scripts.values() for a in s.audiences)


def run(*argv: str) -> tuple[int, str]:
    """Run the command with *argv*; return the exit status and what it wrote to stdout."""
    from sextingsafe._cli import main

    out = io.StringIO()
    status = main(list(argv), stdout=out)
    return status, out.getvalue()


class TestCommandLine:
    """`glossary`, `faq` and `scripts` list the kinds; `show` finds them; `--age` filters."""

    def test_scripts_numbered(self) -> None:
        """A script prints its title, situation and numbered lines, then its sources."""
        status, out = run("show", "ref-saying-no", "--pack", str(PACK))

        assert 0 == status
        assert out.startswith(
            "Saying no\n\nSomeone asks you for a nude.\n\n"
            "  1. \"No, I don't want to.\"\n  2. You don't have to give a reason.\n"
            "  3. Tell an adult you trust.\n"
        )

    def test_partly_translated(self) -> None:
        """A script with some lines in French says, in French, that some text is in English."""
        status, out = run("show", "ref-saying-no", "--pack", str(PACK), "--locale", "fr")

        assert 0 == status
        assert "  1. « Non, je ne veux pas. »\n" in out
        assert f"  ({ss.label('not-translated', 'fr')})" in out
        assert 1 == out.count("Example guidance on words and conversations")

    def test_faq_age(self) -> None:
        """--age 9 leaves out the question for 11 to 17 year olds."""
        _status, out = run("faq", "--pack", str(PACK), "--age", "9", "--format", "json")

        assert "ref-in-trouble" not in [q["id"] for q in json.loads(out)]

    def test_glossary_json(self) -> None:
        """The glossary as JSON carries each term's avoid list."""
        status, out = run("glossary", "--pack", str(PACK), "--format", "json")
        terms = {t["id"]: t for t in json.loads(out)}

        assert 0 == status
        assert ["revenge porn"] == terms["ref-image-abuse"]["avoid"]

    def test_bad_age(self) -> None:
        """An age out of range is an invalid filter: exit status 1."""
        assert 1 == run("scripts", "--age", "130")[0]

    def test_advice_age(self) -> None:
        """Advice --age 8 lists only advice that suits an 8-year-old."""
        status, out = run("advice", "--age", "8", "--format", "json")

        assert 0 == status
        assert all(
            a["ages"] is None or a["ages"].get("min", 0) <= 8 <= a["ages"].get("max", 120)
            for a in json.loads(out)
        )

    def test_validate_warns(self) -> None:
        """Validate shows the editorial checks as warnings on a pack's own items."""
        status, out = run("validate", str(PACK))

        assert 0 == status
        assert (
            "warning: [[script]] 'ref-saying-no': is about a risk but names no help "
            "(needs or resources) (risk-has-help)"
        ) in out


class TestHelp:
    """Questions and scripts show the help for their needs, resolved as advice resolves it."""

    def test_country_services_only(self) -> None:
        """For a reader in Poland, no service limited to another country is shown."""
        view = ss.faq["will-i-get-in-trouble-for-reporting"].localize("pl", "PL")

        assert "PL" == view.country
        assert [] == [r.id for r in view.resources if r.resource.countries not in ((), ("PL",))]

    def test_same_as_advice_resolution(self) -> None:
        """A script's help is what help_for() gives for the script and country."""
        script = ss.scripts["young-person-being-threatened"]
        view = script.localize("en", "GB")

        assert [r.id for r in ss.help_for(script, "GB").resources] == [r.id for r in view.resources]

    def test_young_people_see_services_for_them(self) -> None:
        """A young person's script offers no service for adults only, such as the NSPCC's line.

        Given as bare needs, the same needs include it: the item's audience is what limits it.
        """
        script = ss.scripts["young-person-being-threatened"]

        for_them = [r.id for r in script.localize("en", "GB").resources]
        for_anyone = [r.id for r in ss.help_for(script.needs, "GB").resources]

        assert "nspcc-helpline-gb" not in for_them
        assert "nspcc-helpline-gb" in for_anyone

    def test_unknown_country(self) -> None:
        """Without a country, the view asks for one and shows only services usable anywhere."""
        view = ss.scripts["young-person-being-threatened"].localize("en")

        assert view.country is None
        assert view.country_notice is not None
        assert all(not r.resource.countries for r in view.resources)

    def test_html_has_the_country(self) -> None:
        """The HTML says which country the help is for."""
        html = ss.faq["will-i-get-in-trouble-for-reporting"].localize("en", "GB").__html__()

        assert 'data-country="GB"' in html

    def test_json_help(self) -> None:
        """`faq --country GB --format json` carries the help for each answer."""
        status, out = run("faq", "--country", "GB", "--format", "json")
        found = {q["id"]: q for q in json.loads(out)}

        assert 0 == status
        assert "GB" == found["will-i-get-in-trouble-for-reporting"]["country"]
        assert "help" in found["will-i-get-in-trouble-for-reporting"]

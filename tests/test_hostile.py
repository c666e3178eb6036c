"""Hostile packs, catalogues and exports: rejected whole with every problem listed, or inert.

A hostile pack is either rejected, every problem with its file and line, or loads and renders
as inert text; a crash, a hang or a half-loaded catalogue is a bug.
Packs are loaded beside the bundled one, as an app would load them, and the bundled content
must be exactly as it was afterwards (checked after each test, and after each class against a
fresh load).

The example pack's ``facts.toml`` has ``statement`` on line 3 and ``values`` on 4; its French
catalogue has the statement's ``msgstr`` on line 20 and the ``Plural-Forms`` header on line 7.
"""

from __future__ import annotations

import html
import io
import json
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import sextingsafe
from sextingsafe import (
    Catalogue,
    LocalizedAdvice,
    LocalizedFact,
    LocalizedQuote,
    LocalizedResource,
    LocalizedText,
    PackError,
    PackProblem,
    export,
    export_jsonld,
    load_export,
)
from sextingsafe._cli import main
from sextingsafe._labels import PLURAL_LABELS
from sextingsafe._packs import MAX_FILE_BYTES

MakePack = Callable[..., Path]
PACKS = Path(__file__).parent / "packs"
PO = "locale/fr/LC_MESSAGES/sextingsafe.po"
MO = "locale/fr/LC_MESSAGES/sextingsafe.mo"
#: The example fact's statement line.
STATEMENT = (
    'statement = "In {period}, {share:percent} of {count} example reports were closed in '
    '{year:year}."'
)
#: The bundled collections an app reads.
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
#: Locales the bundled texts are checked in: the source, a LTR and a RTL translation.
CHECKED_LOCALES = ("en", "fr", "ar")
#: A plural message for the interface label with a count, to append to the example catalogue.
PLURAL_LABEL = (
    '\nmsgctxt "ui:places-to-get-help"\n'
    'msgid "{count} place to get help"\n'
    'msgid_plural "{count} places to get help"\n'
    'msgstr[0] "{count} lieu"\n'
    'msgstr[1] "{count} lieux"\n'
)


def rejected(*paths: Path) -> tuple[PackProblem, ...]:
    """Load *paths* beside the bundled pack, which must fail; return the problems."""
    with pytest.raises(PackError) as info:
        Catalogue.load(*paths, include_bundled=True)
    return info.value.problems


def outcome(*paths: Path) -> Catalogue | tuple[PackProblem, ...]:
    """Load *paths* beside the bundled pack; return the catalogue, or the problems."""
    try:
        return Catalogue.load(*paths, include_bundled=True)
    except PackError as error:
        return error.problems


def where(problems: tuple[PackProblem, ...]) -> list[tuple[str, int]]:
    """Return each problem's (path, line)."""
    return [(p.path, p.line) for p in problems]


def text_of(pack: Path, relative: str) -> str:
    """Return a fixture pack file's text."""
    return (pack / relative).read_text(encoding="utf-8")


def bundled_state() -> tuple[Any, ...]:
    """What an app sees of the bundled content: every item, and some texts in some locales."""
    items = tuple(tuple(getattr(sextingsafe, kind).values()) for kind in KINDS)
    advice = next(iter(sextingsafe.advice.values()))
    fact = next(iter(sextingsafe.facts.values()))
    resource = next(iter(sextingsafe.resources.values()))
    texts = tuple(
        (
            shown(advice.localize(locale).title),
            shown(advice.localize(locale).body),
            shown(fact.statement(locale)),
            shown(resource.localize(locale).description),
            shown(sextingsafe.label("places-to-get-help", locale, count=3)),
        )
        for locale in CHECKED_LOCALES
    )
    return items, texts


def shown(text: LocalizedText) -> tuple[str, str, str, bool, str]:
    """Everything an app shows of a text."""
    return str(text), text.locale, text.direction, text.is_fallback, text.review.value


@pytest.fixture(scope="module")
def bundled_before() -> tuple[Any, ...]:
    """The bundled content as the first test of this module found it."""
    return bundled_state()


@pytest.fixture(autouse=True)
def _bundled_untouched(bundled_before: tuple[Any, ...]) -> Iterator[None]:
    """After each test, the bundled content an app sees is exactly as it was."""
    yield
    assert bundled_before == bundled_state()


@pytest.fixture(autouse=True, scope="class")
def _fresh_load_equals_bundled() -> Iterator[None]:
    """After each class, a fresh load of the bundled pack equals what the process holds."""
    yield
    fresh = Catalogue.load()
    for kind in KINDS:
        assert tuple(getattr(sextingsafe, kind).values()) == tuple(getattr(fresh, kind).values())
    for advice in fresh.advice.values():
        shipped = sextingsafe.advice[advice.id]
        for locale in CHECKED_LOCALES:
            assert shown(shipped.localize(locale).title) == shown(advice.localize(locale).title)


def every_text(view: object) -> Iterator[LocalizedText]:
    """Yield every LocalizedText in a localised view, nested views included."""
    if isinstance(view, LocalizedText):
        yield view
    elif isinstance(view, LocalizedFact):
        yield from (t for t in (view.statement, view.place, view.population, view.caveat) if t)
    elif isinstance(view, LocalizedQuote):
        fields = (view.text, view.translation, view.role, view.context, view.content_note)
        yield from (t for t in fields if t)
    elif isinstance(view, LocalizedResource):
        yield from (t for t in (view.description, view.hours) if t)
    elif isinstance(view, LocalizedAdvice):
        yield view.title
        yield view.body
        for resource in view.resources:
            yield from every_text(resource)


def assert_inert_html(text: LocalizedText) -> None:
    """The text's HTML is one span with lang and dir, the text inside escaped, nothing else."""
    markup = text.__html__()
    opening = f'<span lang="{text.lang}" dir="{text.direction}">'

    assert markup.startswith(opening)
    assert markup.endswith("</span>")
    inner = markup[len(opening) : -len("</span>")]
    assert not set("<>\"'") & set(inner), markup
    assert str(text) == html.unescape(inner)


@pytest.fixture(scope="module")
def problems() -> tuple[PackProblem, ...]:
    """The committed hostile-rejected pack's problems, loaded beside the bundled pack."""
    return rejected(PACKS / "hostile-rejected")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    """The committed hostile-markup pack, loaded beside the bundled pack."""
    return Catalogue.load(PACKS / "hostile-markup", include_bundled=True)


class TestRejectedPack:
    """The committed hostile-rejected pack: injections and malformed records, all reported."""

    PACK = PACKS / "hostile-rejected"
    FR = "hostile-rejected/locale/fr/LC_MESSAGES/sextingsafe.po"
    EXPECTED = (
        ("hostile-rejected/facts.toml", 3, "stray '{' at position 0 in '{count.__class__.__mro__}"),
        ("hostile-rejected/facts.toml", 13, "stray '{' at position 0 in '{count[0]}"),
        ("hostile-rejected/facts.toml", 23, "stray '{' at position 0 in '{count!r}"),
        ("hostile-rejected/facts.toml", 33, "stray '{' at position 0 in '{count:>10}"),
        ("hostile-rejected/facts.toml", 43, "stray '{' at position 16"),
        ("hostile-rejected/facts.toml", 53, "stray '}' at position 16"),
        ("hostile-rejected/facts.toml", 64, "values: 'count' must be a number"),
        ("hostile-rejected/advice.toml", 4, "topics: [[['support']]] is not one of"),
        ("hostile-rejected/advice.toml", 14, "title must be non-empty text"),
        ("hostile-rejected/advice-again.toml", 2, "duplicate advice id 'hostile-twice'"),
        ("hostile-rejected/resources.toml", 4, "bad TOML"),
        (FR, 11, "placeholders ({total}) differ from the message's ({count})"),
        (FR, 15, "stray '{' at position 0 in '{count.__class__.__mro__} signalements'"),
        (FR, 19, "placeholders (none) differ"),
        (FR, 23, "placeholders ({count}, {count}) differ"),
        (FR, 27, "placeholders ({share}) differ from the message's ({share:percent})"),
        (FR, 41, "stray '{' at position 0 in '{count[0]} lieu'"),
        ("hostile-rejected/locale/pl/LC_MESSAGES/sextingsafe.po", 10, "more translations than"),
    )

    def test_every_problem_once(self, problems: tuple[PackProblem, ...]) -> None:
        """Every problem is reported, each exactly once, and nothing else is.

        The fuzzy entry with an injected placeholder (line 36 of the French catalogue) is not
        among them: a fuzzy translation is never shown, so it is never checked either.
        """
        assert sorted((path, line) for path, line, _ in self.EXPECTED) == sorted(where(problems))

    @pytest.mark.parametrize(("path", "line", "fragment"), EXPECTED)
    def test_problem(
        self, problems: tuple[PackProblem, ...], path: str, line: int, fragment: str
    ) -> None:
        """Each problem names its file and line and quotes what is wrong."""
        messages = [p.message for p in problems if (p.path, p.line) == (path, line)]

        assert 1 == len(messages), where(problems)
        assert fragment in messages[0]

    def test_nothing_of_it_loads(self) -> None:
        """The valid records in the pack (its source) do not load on their own: all or nothing."""
        with pytest.raises(PackError):
            Catalogue.load(self.PACK, include_bundled=True)

        assert "hostile-guidance" not in sextingsafe.sources
        assert "hostile-twice" not in sextingsafe.advice


class TestMarkupPack:
    """The committed hostile-markup pack: markup in every text field loads, and stays text."""

    PACK = PACKS / "hostile-markup"

    @pytest.mark.parametrize("locale", ["en", "fr", "ar"])
    def test_texts_are_data(self, catalogue: Catalogue, locale: str) -> None:
        """Each localised text is the pack's text (or translation), character for character."""
        advice = catalogue.advice["hostile-advice"]
        view = advice.localize(locale)

        if locale == "fr":
            assert view.title.startswith('<script>alert("titre")</script> Parle & « confiance »')
            assert view.body.endswith("à quelqu’un {body} %(body)s &amp;")
        else:
            assert advice.title == view.title
            assert advice.body == view.body
        assert (
            catalogue.quotes["hostile-quote"].text
            == catalogue.quotes["hostile-quote"].localize(locale).text
        )

    @pytest.mark.parametrize("locale", ["en", "fr", "ar"])
    def test_statement_substitutes_only_placeholders(
        self, catalogue: Catalogue, locale: str
    ) -> None:
        """Only {name} placeholders are filled; markup, %-formats and {{escapes}} stay text."""
        statement = catalogue.facts["hostile-fact"].statement(locale)

        assert statement.startswith('<script>alert("12')
        assert statement.endswith(", %(count)s {count.__class__}")

    @pytest.mark.parametrize("locale", ["en", "fr", "ar"])
    def test_html_escapes_every_text(self, catalogue: Catalogue, locale: str) -> None:
        """__html__() of every text of every item escapes it whole, inside one span."""
        texts = [
            text
            for kind in ("facts", "quotes", "advice", "resources")
            for item in getattr(catalogue, kind).values()
            if item.id.startswith("hostile-")
            for text in every_text(item.localize(locale))
        ]
        texts.append(catalogue.occasions["hostile-day"].localized_field("name", locale))
        texts.append(catalogue.label("where-to-get-help", locale))
        texts += [catalogue.label("places-to-get-help", locale, count=n) for n in (1, 2)]

        assert len(texts) >= 14
        for text in texts:
            assert_inert_html(text)

    def test_templates_escape_once(self, catalogue: Catalogue) -> None:
        """Jinja2 with autoescape and MarkupSafe show the texts escaped, exactly once."""
        title = catalogue.advice["hostile-advice"].localize("fr").title
        env = jinja2.Environment(autoescape=True)

        rendered = env.from_string("<h1>{{ t }}</h1>{{ t ~ '' }}").render(t=title)

        assert "<script>" not in rendered
        assert rendered.startswith(f"<h1>{title.__html__()}</h1>")
        assert str(markupsafe.escape(title)) == title.__html__()

    @pytest.mark.parametrize("locales", ["all", "fr"])
    def test_json_export_is_valid_and_keeps_the_text(
        self, catalogue: Catalogue, locales: str
    ) -> None:
        """The JSON export is strict JSON, and the markup comes back as the same text."""
        data = json.loads(json.dumps(export(catalogue, locales), allow_nan=False))

        (advice,) = (a for a in data["advice"] if a["id"] == "hostile-advice")
        assert catalogue.advice["hostile-advice"].title == advice["title"]["en"]
        assert advice["title"]["fr"].startswith('<script>alert("titre")</script>')
        (source,) = (s for s in data["sources"] if s["id"] == "hostile-source")
        assert catalogue.sources["hostile-source"].author == source["author"]

    def test_json_ld_is_valid_and_keeps_the_text(self, catalogue: Catalogue) -> None:
        """The JSON-LD export is strict JSON, and the markup comes back as the same text."""
        data = json.loads(json.dumps(export_jsonld(catalogue, "fr"), allow_nan=False))

        (node,) = (n for n in data["@graph"] if n["@id"] == "urn:sextingsafe:advice:hostile-advice")
        assert (
            str(catalogue.advice["hostile-advice"].localize("fr").title) == node["name"]["@value"]
        )

    def test_round_trips_through_the_export(self, catalogue: Catalogue) -> None:
        """Loading the export back gives the same hostile texts, still as text."""
        back = load_export(json.loads(json.dumps(export(catalogue, "fr"))))

        assert catalogue.advice["hostile-advice"] == back.advice["hostile-advice"]
        assert str(catalogue.facts["hostile-fact"].statement("fr")) == str(
            back.facts["hostile-fact"].statement("fr")
        )

    def test_cli_prints_text_and_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The command line prints the texts as they are, and its JSON is valid."""
        out = io.StringIO()
        status = main(["show", "hostile-advice", "--pack", str(self.PACK), "-l", "fr"], out)
        as_json = io.StringIO()
        json_status = main(
            ["show", "hostile-advice", "--pack", str(self.PACK), "-f", "json"], as_json
        )

        assert (0, 0) == (status, json_status)
        assert out.getvalue().startswith('<script>alert("titre")</script> Parle')
        data = json.loads(as_json.getvalue())
        assert data[0]["title"]["text"].startswith('<script>alert("title")</script>')
        assert "Traceback" not in capsys.readouterr().err


class TestTemplateInjection:
    """Only named placeholders in fact statements are ever filled; everything else is text."""

    @pytest.mark.parametrize(
        ("template", "expected"),
        [
            ("{count} %(count)s %s %d %%", "12,500 %(count)s %s %d %%"),
            ("{count} {{count.__class__.__mro__}}", "12,500 {count.__class__.__mro__}"),
            ("{count} {{0}} {{x[0]}} }}{{", "12,500 {0} {x[0]} }{"),
            ("{count} ${{count}} #{{count}}", "12,500 ${count} #{count}"),
        ],
        ids=["percent-formats", "escaped-attribute", "escaped-index", "other-template-syntax"],
    )
    def test_inert_in_a_statement(self, make_pack: MakePack, template: str, expected: str) -> None:
        """Other formatting syntaxes, and escaped braces, come out as literal text."""
        statement = "In {period}, {share:percent} were closed in {year:year}: " + template
        pack = make_pack("example", {"facts.toml": (STATEMENT, f'statement = "{statement}"')})

        text = Catalogue.load(pack, include_bundled=True).facts["example-share"].statement("en")

        assert text.endswith(": " + expected)

    @pytest.mark.parametrize(
        "text",
        ["{x.__class__.__mro__}", "{0}", "{x[0]}", "%(x)s", "{", "}", "{{}"],
        ids=["attribute", "positional", "index", "percent", "open", "close", "unbalanced"],
    )
    def test_inert_in_other_fields(self, make_pack: MakePack, text: str) -> None:
        """Text fields other than statements are never formatted: braces are just characters."""
        title = f"Talk to someone you trust {text}"
        pack = make_pack("example", {"advice.toml": ("Talk to someone you trust", title)})

        catalogue = Catalogue.load(pack, include_bundled=True)

        for locale in CHECKED_LOCALES:
            assert title == catalogue.advice["example-talk"].localize(locale).title

    @pytest.mark.parametrize(
        "replacement",
        ["{count.__class__.__mro__}", "{count[0]}", "{count!r}", "%(count)s", "{count} }"],
        ids=["attribute", "index", "conversion", "percent", "unbalanced"],
    )
    def test_translation_injection_rejected(self, make_pack: MakePack, replacement: str) -> None:
        """A translated statement that adds, drops or dresses up a placeholder is rejected."""
        pack = make_pack("example", {PO: ("des {count}", f"des {replacement}")})

        assert [(f"example/{PO}", 20)] == where(rejected(pack))

    def test_fault_in_a_later_plural_form(self, make_pack: MakePack) -> None:
        """A fault in the second plural form is reported on that form's line, not the first's."""
        plural = PLURAL_LABEL.replace('msgstr[1] "{count} lieux"', 'msgstr[1] "{count[0]} lieux"')
        pack = make_pack("example", {PO: text_of(PACKS / "example", PO) + plural})

        assert [(f"example/{PO}", 31)] == where(rejected(pack))

    def test_translation_may_reorder(self, make_pack: MakePack) -> None:
        """A translation may put the same placeholders in another order (word order differs)."""
        pack = make_pack(
            "example",
            {
                PO: (
                    "Entre {period}, {share:percent} des {count} signalements",
                    "{count} signalements entre {period}, dont {share:percent}",
                )
            },
        )

        text = Catalogue.load(pack, include_bundled=True).facts["example-share"].statement("fr")

        assert text.startswith("12\u202f500 signalements entre ")
        assert "14,8\xa0%" in text

    def test_translation_may_keep_other_syntax(self, make_pack: MakePack) -> None:
        """A %-format or an escaped brace in a translated statement is shown as it is."""
        pack = make_pack(
            "example", {PO: ("ont été clos en", "%(count)s {{count.__class__}} ont été clos en")}
        )

        text = Catalogue.load(pack, include_bundled=True).facts["example-share"].statement("fr")

        assert "%(count)s {count.__class__} ont été clos en 2019." in text

    def test_translation_of_text_with_literal_braces(self, make_pack: MakePack) -> None:
        """A field that is never formatted may contain braces, and so may its translation.

        An advice title is never formatted, so "{0}" in it is text, in English and in French.
        """
        title = "Talk to {0} you trust"
        pack = make_pack(
            "example",
            {
                "advice.toml": ("Talk to someone you trust", title),
                PO: (
                    'msgid "Talk to someone you trust"\nmsgstr "Parle à quelqu\'un en qui',
                    f'msgid "{title}"\nmsgstr "Parle à {{0}} en qui',
                ),
            },
        )

        catalogue = Catalogue.load(pack, include_bundled=True)

        assert (
            "Parle à {0} en qui tu as confiance"
            == catalogue.advice["example-talk"].localize("fr").title
        )


class TestEncodings:
    """Byte-level oddities: each is reported on its line, or read as the text it is."""

    def test_invalid_utf8_in_several_files(self, make_pack: MakePack) -> None:
        """Bytes that are not UTF-8, in several files at once, are each reported on their line."""
        example = PACKS / "example"
        advice = (example / "advice.toml").read_bytes().replace(b'trust"', b'tr\xc3ust"')
        facts = (example / "facts.toml").read_bytes().replace(b"Exampleshire", b"Ex\xedmpleshire")
        pack = make_pack("example", {"advice.toml": advice, "facts.toml": facts})

        assert [("example/advice.toml", 5), ("example/facts.toml", 6)] == sorted(
            where(rejected(pack))
        )

    def test_utf16(self, make_pack: MakePack) -> None:
        """A file saved as UTF-16 is reported as not UTF-8, not decoded as something else."""
        text = text_of(PACKS / "example", "advice.toml")
        pack = make_pack("example", {"advice.toml": text.encode("utf-16")})

        problems = rejected(pack)

        assert [("example/advice.toml", 1)] == where(problems)
        assert "not valid UTF-8" in problems[0].message

    def test_bom_and_crlf(self, make_pack: MakePack) -> None:
        """A byte order mark and Windows line ends are read as the same content."""
        example = PACKS / "example"
        edits: dict[str, bytes] = {
            name: b"\xef\xbb\xbf" + (example / name).read_bytes().replace(b"\n", b"\r\n")
            for name in ("advice.toml", "facts.toml", "resources.toml", "sources.toml")
        }
        plain = Catalogue.load(example, include_bundled=True)

        catalogue = Catalogue.load(make_pack("example", edits), include_bundled=True)

        assert tuple(plain.advice.values()) == tuple(catalogue.advice.values())
        assert tuple(plain.facts.values()) == tuple(catalogue.facts.values())
        assert "\r" not in catalogue.advice["example-talk"].body

    def test_crlf_lines_counted(self, make_pack: MakePack) -> None:
        """A problem in a file with Windows line ends is reported on its own line."""
        text = text_of(PACKS / "example", "advice.toml").replace("title =", 'colour = "x"\ntitle =')
        pack = make_pack("example", {"advice.toml": text.replace("\n", "\r\n").encode()})

        assert [("example/advice.toml", 5)] == where(rejected(pack))

    def test_lone_carriage_return(self, make_pack: MakePack) -> None:
        """A bare CR inside a string is a TOML error on its line."""
        pack = make_pack("example", {"advice.toml": ("someone you", "someone\ryou")})

        assert [("example/advice.toml", 5)] == where(rejected(pack))

    def test_nul_byte(self, make_pack: MakePack) -> None:
        """A NUL byte is a TOML error on its line, not a truncated string."""
        pack = make_pack("example", {"advice.toml": ("someone you", "someone\0you")})

        assert [("example/advice.toml", 5)] == where(rejected(pack))

    # U+0085 (NEXT LINE) is also a C1 control character, which text fields refuse outright.
    @pytest.mark.parametrize("separator", ["\u2028", "\u2029"], ids=["line-sep", "paragraph-sep"])
    def test_unicode_line_separators_keep_lines(self, make_pack: MakePack, separator: str) -> None:
        """Unicode line separators inside a string do not shift the lines problems are on.

        TOML (and tomllib's own line numbers) count only a line feed as a line end.
        """
        pack = make_pack(
            "example",
            {"advice.toml": ("Talk to someone", f'Talk{separator}to someone"\ncolour = "x')},
        )

        assert [("example/advice.toml", 6)] == where(rejected(pack))

    def test_triple_quotes_inside_a_string_keep_lines(self, make_pack: MakePack) -> None:
        """Three quote characters inside a one-line string do not hide the lines after it."""
        advice = text_of(PACKS / "example", "advice.toml")
        second = advice.replace("example-talk", "example-second").replace(
            "reviewed = 2026-11-27", 'reviewed = 2026-11-27\ncolour = "x"'
        )
        pack = make_pack(
            "example",
            {"advice.toml": advice.replace("someone you", "someone ''' you") + "\n" + second},
        )

        assert [("example/advice.toml", 20)] == where(rejected(pack))

    def test_catalogue_with_crlf(self, make_pack: MakePack) -> None:
        """A catalogue with Windows line ends is read, and its translations are used."""
        po = text_of(PACKS / "example", PO).replace("\n", "\r\n")
        pack = make_pack("example", {PO: po.encode()})

        title = Catalogue.load(pack, include_bundled=True).advice["example-talk"].localize("fr")

        assert "Parle à quelqu'un en qui tu as confiance" == title.title

    def test_catalogue_with_bom(self, make_pack: MakePack) -> None:
        """A catalogue with a byte order mark is rejected on line 1, or read as without one."""
        po = text_of(PACKS / "example", PO)
        pack = make_pack("example", {PO: b"\xef\xbb\xbf" + po.encode()})

        result = outcome(pack)

        if isinstance(result, Catalogue):
            title = result.advice["example-talk"].localize("fr").title
            assert "Parle à quelqu'un en qui tu as confiance" == title
        else:
            assert [(f"example/{PO}", 1)] == where(result)

    def test_catalogue_not_utf8(self, make_pack: MakePack) -> None:
        """A catalogue with bytes that are not UTF-8 is rejected, naming it."""
        po = text_of(PACKS / "example", PO).encode().replace(b"Parle \xc3\xa0", b"Parle \xe0")
        pack = make_pack("example", {PO: po})

        assert [f"example/{PO}"] == [p.path for p in rejected(pack)]

    def test_catalogue_unknown_charset(self, make_pack: MakePack) -> None:
        """A catalogue declaring a character set that does not exist is rejected, naming it."""
        pack = make_pack("example", {PO: ("charset=UTF-8", "charset=NO-SUCH-CHARSET")})

        assert [f"example/{PO}"] == [p.path for p in rejected(pack)]


def sparse(path: Path, size: int) -> None:
    """Make *path* a file of *size* bytes without writing them (a sparse file of zeros)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.truncate(size)


class TestSizeLimits:
    """No file over the size limit is read, whatever it is."""

    @pytest.mark.parametrize("name", ["advice-extra.toml", PO, MO])
    def test_just_over_the_limit(self, make_pack: MakePack, name: str) -> None:
        """A file one byte over the limit is refused by its size, naming the file and the limit."""
        pack = make_pack("example", {PO: None} if name == MO else {})
        sparse(pack / name, MAX_FILE_BYTES + 1)

        problems = rejected(pack)

        (problem,) = (p for p in problems if p.path.endswith(name))
        assert f"the limit is {MAX_FILE_BYTES}" in problem.message
        assert 0 == problem.line


def nested(depth: int, leaf: str = '"support"', table: bool = False) -> str:
    """Return a TOML value nested *depth* arrays (or inline tables) deep."""
    if table:
        return "{ a = " * depth + leaf + " }" * depth
    return "[" * depth + leaf + "]" * depth


class TestNesting:
    """Deeply nested values are reported as the wrong type, never a RecursionError."""

    DEPTH = 5_000

    @pytest.mark.parametrize(
        ("case", "table"),
        [
            (("advice.toml", "topics", '["support"]', 4), False),
            (("advice.toml", "title", '"Talk to someone you trust"', 5), True),
            (("facts.toml", "values", "{ share = 0.148, count = 12500, year = 2019 }", 4), True),
            (
                ("resources.toml", "channels", '[{ kind = "phone", value = "0000 000 000" }]', 10),
                False,
            ),
        ],
        ids=["arrays-in-topics", "tables-in-title", "tables-in-values", "arrays-in-channels"],
    )
    def test_deep_value(
        self, make_pack: MakePack, case: tuple[str, str, str, int], table: bool
    ) -> None:
        """A value nested thousands deep is a problem on its key's line, never a RecursionError."""
        file, key, old, line = case
        deep = nested(self.DEPTH, table=table)
        pack = make_pack("example", {file: (f"{key} = {old}", f"{key} = {deep}")})

        problems = rejected(pack)

        assert [(f"example/{file}", line)] == where(problems)

    def test_deep_overrides(self, make_pack: MakePack) -> None:
        """A deeply nested overrides list in pack.toml is a problem in pack.toml.

        The file cannot be parsed, so the pack is named after its directory.
        """
        pack = make_pack(
            "example", {"pack.toml": f'name = "example"\noverrides = {nested(self.DEPTH)}\n'}
        )

        assert [f"{pack.name}/pack.toml"] == [p.path for p in rejected(pack)]


class TestDuplicates:
    """A key, an id or a message given twice is an error, never a silent choice of one."""

    def test_duplicate_inline_key(self, make_pack: MakePack) -> None:
        """A key repeated inside an inline table is a TOML error on its line."""
        pack = make_pack("example", {"facts.toml": ("count = 12500", "count = 12500, count = 1")})

        problems = rejected(pack)

        assert [("example/facts.toml", 4)] == where(problems)
        assert "bad TOML" in problems[0].message

    def test_duplicate_dotted_key(self, make_pack: MakePack) -> None:
        """A dotted key that redefines a string is a TOML error on its line."""
        pack = make_pack(
            "example",
            {"advice.toml": ("reviewed = 2026-11-27", 'reviewed = 2026-11-27\ntitle.x = "y"')},
        )

        assert [("example/advice.toml", 10)] == where(rejected(pack))

    def test_duplicate_message(self, make_pack: MakePack) -> None:
        """A message translated twice in one catalogue is rejected on the repeat's line.

        gettext's msgfmt refuses duplicates; silently keeping one would let a harmless-looking
        second entry hide the one that is shown (or the other way round).
        """
        duplicate = (
            '\nmsgctxt "advice:example-talk:title"\n'
            'msgid "Talk to someone you trust"\n'
            'msgstr "Parle à un inconnu"\n'
        )
        pack = make_pack("example", {PO: text_of(PACKS / "example", PO) + duplicate})

        problems = rejected(pack)

        assert [f"example/{PO}"] == [p.path for p in problems]
        assert problems[0].line in {27, 28, 29}


class TestPaths:
    """A pack reads only regular files inside its own directory."""

    @pytest.mark.parametrize(
        ("link", "target"),
        [("locale", ""), ("locale/fr", "fr"), ("locale/fr/LC_MESSAGES", "fr/LC_MESSAGES")],
        ids=["locale", "locale-fr", "lc-messages"],
    )
    def test_linked_locale_directory(
        self, make_pack: MakePack, tmp_path: Path, link: str, target: str
    ) -> None:
        """A locale directory that is a symlink leading out of the pack is refused."""
        outside = tmp_path / "outside"
        (outside / "fr/LC_MESSAGES").mkdir(parents=True)
        (outside / "fr/LC_MESSAGES/sextingsafe.po").write_text(
            text_of(PACKS / "example", PO), encoding="utf-8"
        )
        pack = make_pack("example")
        shutil.rmtree(pack / link)
        os.symlink(outside / target, pack / link)

        problems = rejected(pack)

        assert [f"example/{link}"] == [p.path for p in problems]
        assert "symbolic link" in problems[0].message

    @pytest.mark.parametrize("name", ["advice.toml", "pack.toml", PO])
    def test_directory_instead_of_file(self, make_pack: MakePack, name: str) -> None:
        """A directory where a file should be is a problem naming it, not an IsADirectoryError."""
        pack = make_pack("example", {name: None})
        (pack / name).mkdir()

        problems = rejected(pack)

        assert [name] == [p.path.split("/", 1)[1] for p in problems if p.path.endswith(name)]

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX-only")
    def test_named_pipe_is_not_read(self, make_pack: MakePack) -> None:
        """A named pipe among the content files is refused at once, never read (it would block)."""
        pack = make_pack("example", {"advice.toml": None})
        os.mkfifo(pack / "advice.toml")
        code = (
            "import sys, sextingsafe\n"
            "try:\n"
            "    sextingsafe.Catalogue.load(sys.argv[1], include_bundled=False)\n"
            "except sextingsafe.PackError as error:\n"
            "    print([p.path for p in error.problems])\n"
        )

        try:
            done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
                [sys.executable, "-c", code, str(pack)],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            )
        except subprocess.TimeoutExpired:
            pytest.fail("loading a pack with a named pipe in it blocked")

        assert "['example/advice.toml']\n" == done.stdout, done.stderr

    @pytest.mark.parametrize(
        ("name", "message"),
        [
            ("xx", "'xx' is not a locale Babel knows"),
            ("not a locale", "'not a locale' is not a locale Babel knows"),
            (
                "fr_FR.UTF-8",
                "directory names must be locale names such as 'fr' or 'pt_BR', not 'fr_FR.UTF-8'",
            ),
            ("EN", "directory names must be locale names such as 'fr' or 'pt_BR', not 'EN'"),
        ],
    )
    def test_locale_directory_names(self, make_pack: MakePack, name: str, message: str) -> None:
        """A locale directory that is not a locale name Babel knows is refused, naming it."""
        pack = make_pack(
            "example", {f"locale/{name}/LC_MESSAGES/sextingsafe.po": text_of(PACKS / "example", PO)}
        )

        problems = rejected(pack)

        assert [(f"example/locale/{name}", 0, message)] == [
            (p.path, p.line, p.message) for p in problems
        ]


def display_failure(catalogue: Catalogue) -> str:
    """Describe how showing the plural label in French fails, for an assertion message."""
    for count in range(12):
        try:
            catalogue.label("places-to-get-help", "fr", count=count)
        except Exception as error:  # noqa: BLE001 - any error is what the message reports
            return f"loaded, then label(count={count}) raised {error!r}"
    return "loaded, and every count showed a label"


#: Plural-Forms expressions that gettext cannot evaluate for every count.
BAD_PLURALS = {
    "division-by-zero": "(n / 0)",
    "modulo-by-zero": "(n % 0)",
    "negative-index": "(n - 10)",
    "negative-only": "(n == 0 ? n - 1 : 0)",
    "past-a-thousand": "(n == 1000 ? 2 : 0)",
    "unbalanced": "(n > 1",
    "power": "n ** n",
    "python-call": "__import__('os').getpid()",
    "too-deep": "(" * 300 + "n" + ")" * 300,
}


class TestPluralForms:
    """A catalogue's plural rules are checked when it loads, not when a count is shown."""

    @pytest.mark.parametrize("expression", BAD_PLURALS.values(), ids=BAD_PLURALS.keys())
    def test_bad_plural_expression(self, make_pack: MakePack, expression: str) -> None:
        """A Plural-Forms expression that fails for some count is rejected on its header line."""
        po = text_of(PACKS / "example", PO).replace("plural=(n > 1);", f"plural={expression};")

        result = outcome(make_pack("example", {PO: po + PLURAL_LABEL}))

        assert not isinstance(result, Catalogue), display_failure(result)
        assert [(f"example/{PO}", 7)] == where(result)

    def test_bad_plural_expression_compiled(self, make_pack: MakePack) -> None:
        """A compiled catalogue with such an expression is rejected too."""
        po = text_of(PACKS / "example", PO).replace("plural=(n > 1);", "plural=(n / 0);")
        catalog = read_po(io.BytesIO((po + PLURAL_LABEL).encode()))
        compiled = io.BytesIO()
        write_mo(compiled, catalog)

        result = outcome(make_pack("example", {PO: None, MO: compiled.getvalue()}))

        assert not isinstance(result, Catalogue), display_failure(result)
        assert [f"example/{MO}"] == [p.path for p in result]

    def test_too_few_forms(self, make_pack: MakePack) -> None:
        """A plural translation missing a form is refused on its line, never shown."""
        po = text_of(PACKS / "example", PO) + PLURAL_LABEL.replace(
            'msgstr[1] "{count} lieux"\n', ""
        )

        problems = rejected(make_pack("example", {PO: po}))

        assert [
            (
                f"example/{PO}",
                28,
                (
                    "not a valid .po file: fewer translations than the 2 plural forms the "
                    "Plural-Forms header declares (1)"
                ),
            )
        ] == [(p.path, p.line, p.message) for p in problems]

    def test_no_plural_header(self, make_pack: MakePack) -> None:
        """A catalogue with plural translations but no Plural-Forms header is rejected.

        GNU msgfmt --check refuses it too: without the header, nothing says which form is which.
        """
        header = '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n'
        po = text_of(PACKS / "example", PO).replace(header, "")
        assert "Plural-Forms" not in po

        problems = rejected(make_pack("example", {PO: po + PLURAL_LABEL}))

        assert [(f"example/{PO}", 27)] == where(problems)
        assert "needs a Plural-Forms header" in problems[0].message

    def test_compiled_catalogue_injection(self, make_pack: MakePack) -> None:
        """A compiled catalogue whose translation injects a placeholder is rejected, naming it."""
        po = text_of(PACKS / "example", PO).replace("des {count}", "des {count.__class__}")
        compiled = io.BytesIO()
        write_mo(compiled, read_po(io.BytesIO(po.encode())))
        pack = make_pack("example", {PO: None, MO: compiled.getvalue()})

        problems = rejected(pack)

        assert [f"example/{MO}"] == [p.path for p in problems]
        assert "fact:example-share:statement" in problems[0].message

    @pytest.mark.parametrize(
        ("header", "replacement", "line", "message"),
        [
            (
                "nplurals=2;",
                "nplurals=two;",
                7,
                (
                    "not a valid .po file: Plural-Forms 'nplurals=two; plural=(n > 1);' is not "
                    "'nplurals=N; plural=EXPR;'"
                ),
            ),
            (
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Type: text/plain; charset=",
                2,
                "not a valid .po file: the catalogue must be UTF-8; its header says ''",
            ),
        ],
        ids=["nplurals", "empty-charset"],
    )
    def test_bad_header(
        self, make_pack: MakePack, header: str, replacement: str, line: int, message: str
    ) -> None:
        """A malformed header is a problem naming the catalogue and the line, not a crash."""
        pack = make_pack("example", {PO: (header, replacement)})

        problems = rejected(pack)

        assert [(f"example/{PO}", line, message)] == [(p.path, p.line, p.message) for p in problems]

    def test_language_header_is_not_trusted(self, make_pack: MakePack) -> None:
        """The catalogue's locale is its directory's name: a bad Language header changes nothing."""
        pack = make_pack("example", {PO: ("Language: fr", "Language: fr-!!")})

        catalogue = Catalogue.load(pack, include_bundled=True)

        title = catalogue.advice["example-talk"].localize("fr").title
        assert ("Parle à quelqu'un en qui tu as confiance", "fr") == (str(title), title.locale)

    def test_corrupt_compiled_catalogue(self, make_pack: MakePack) -> None:
        """A .mo file whose tables point far outside it is a problem, not a struct.error."""
        header = struct.pack("<7I", 0x950412DE, 0, 0xFFFFFFF, 0xFFFFFF00, 0xFFFFFF00, 0, 0)
        pack = make_pack("example", {PO: None, MO: header + b"\0" * 64})

        assert [f"example/{MO}"] == [p.path for p in rejected(pack)]


class TestValues:
    """A statistic must be a number every locale can show; anything else is a content error."""

    @pytest.mark.parametrize(
        "value", ["nan", "inf", "-inf", "1e30", "99999999999999999999999999999"]
    )
    def test_unshowable_number(self, make_pack: MakePack, value: str) -> None:
        """Non-finite and absurdly large values are rejected on the values line.

        Babel cannot format numbers of 10**27 and more (decimal.InvalidOperation), and
        "NaN" or "∞" are never a statistic; strict JSON has neither.
        """
        pack = make_pack("example", {"facts.toml": ("count = 12500", f"count = {value}")})

        problems = rejected(pack)

        assert [("example/facts.toml", 4)] == where(problems)
        assert "count" in problems[0].message

    @pytest.mark.parametrize(
        ("file", "old", "new"),
        [
            ("sources.toml", 'kind = "guidance"', 'kind = "guidance"\nauthor = ["A", "B"]'),
            ("sources.toml", 'kind = "guidance"', 'kind = "guidance"\nauthor = { name = "A" }'),
            ("resources.toml", 'value = "0000 000 000"', "value = [0, 0]"),
            ("resources.toml", 'value = "0000 000 000"', "value = { number = 0 }"),
            ("resources.toml", 'value = "0000 000 000"', "value = 999"),
        ],
        ids=["author-list", "author-table", "channel-list", "channel-table", "channel-number"],
    )
    def test_wrong_type_without_validator(
        self, make_pack: MakePack, file: str, old: str, new: str
    ) -> None:
        """Fields that must be text reject lists, tables and numbers (items stay hashable)."""
        pack = make_pack("example", {file: (old, new)})

        problems = rejected(pack)

        assert [f"example/{file}"] == [p.path for p in problems]

    @pytest.mark.parametrize(
        "url",
        [
            'https://example.org/"><script>alert(1)</script>',
            "https://example.org/<img>",
            "https://example.org/a\\b",
            "https://example.org/`x`",
            "https://example.org/\u202etxt.exe",
        ],
        ids=["quote-and-tag", "angle-brackets", "backslash", "backtick", "bidi-override"],
    )
    def test_url_with_markup(self, make_pack: MakePack, url: str) -> None:
        """An address with characters a URL cannot contain is rejected on its line."""
        escaped = url.replace("\\", "\\\\").replace('"', '\\"')
        pack = make_pack("example", {"resources.toml": ("https://example.org/line", escaped)})

        assert [("example/resources.toml", 9)] == where(rejected(pack))


class TestControlCharacters:
    """Nothing from a pack reaches a terminal as a control sequence."""

    @pytest.mark.parametrize(
        "escape",
        ["\\u001b[2J", "\\u0000", "\\u009b31m", "\\u0007"],
        ids=["esc", "nul", "csi", "bel"],
    )
    def test_in_text(
        self, make_pack: MakePack, escape: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A control character in a text field is rejected, or never printed by the CLI."""
        pack = make_pack(
            "example", {"advice.toml": ("Talk to someone", f"Talk{escape} to someone")}
        )
        out = io.StringIO()

        status = main(["show", "example-talk", "--pack", str(pack)], out)

        printed = out.getvalue() + capsys.readouterr().err
        assert status in {0, 1}
        assert not [
            c for c in printed if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0
        ]

    def test_in_a_file_name(self, make_pack: MakePack) -> None:
        """`validate` reports a file whose name holds an escape sequence without printing it raw."""
        pack = make_pack("example", {"\x1b[2J\x1b]0;pwned\x07.toml": "x = 1\n"})
        out = io.StringIO()

        status = main(["validate", str(pack)], out)

        assert 1 == status
        assert "\x1b" not in out.getvalue()
        assert "\x07" not in out.getvalue()


def export_of(pack: Path) -> dict[str, Any]:
    """The JSON export of a pack alone, as another app would read it."""
    data: dict[str, Any] = json.loads(
        json.dumps(export(Catalogue.load(pack, include_bundled=False), "fr"))
    )
    return data


#: Marks a key to delete in :func:`edited`.
DELETE = object()
#: The plural label's English forms and a French translation of them.
PLURAL_FORMS = list(PLURAL_LABELS["places-to-get-help"])
FRENCH_FORMS = ["{count} lieu", "{count} lieux"]


def edited(data: dict[str, Any], edits: dict[tuple[Any, ...], Any]) -> dict[str, Any]:
    """Apply edits (a path of keys and indexes -> a new value, or DELETE) to export data."""
    for path, value in edits.items():
        target = data
        for step in path[:-1]:
            target = target[step]
        if value is DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value
    return data


class TestHostileExport:
    """load_export() reads data from elsewhere: anything malformed is a PackError."""

    @pytest.mark.parametrize(
        ("edits", "message"),
        [
            pytest.param({("advice",): 3}, "not a valid export: TypeError", id="list-is-a-number"),
            pytest.param(
                {("advice",): [3]}, "not a valid export: AttributeError", id="record-is-a-number"
            ),
            pytest.param(
                {("advice", 0, "id"): DELETE}, "not a valid export: KeyError: 'id'", id="no-id"
            ),
            pytest.param(
                {("advice", 0, "reviewed"): "yesterday"},
                "not a valid export: ValueError",
                id="bad-date",
            ),
            pytest.param(
                {("advice", 0, "reviewed"): 20261127},
                "not a valid export: TypeError",
                id="number-date",
            ),
            pytest.param(
                {("advice", 0, "title", "zz-!!"): "x"},
                "not a valid export: InvalidLocaleError: invalid locale 'zz-!!'",
                id="bad-locale-tag",
            ),
            pytest.param(
                {("facts", 0, "period"): "2017"},
                "not a valid export: AttributeError",
                id="period-is-text",
            ),
            pytest.param(
                {("resources", 0, "channels"): [3]},
                "not a valid export: TypeError",
                id="channel-is-a-number",
            ),
            pytest.param(
                {("labels",): 3}, "not a valid export: AttributeError", id="labels-is-a-number"
            ),
            pytest.param(
                {
                    ("labels", "places-to-get-help"): {"en": PLURAL_FORMS, "fr": FRENCH_FORMS},
                    ("locales", 1, "plural_forms"): "nplurals=2; plural=(n / 0);",
                },
                "fr: Plural-Forms rule '(n / 0)' cannot be used",
                id="plural-division-by-zero",
            ),
            pytest.param(
                {("labels", "places-to-get-help"): {"en": PLURAL_FORMS, "fr": ["{0}", "{0}"]}},
                "fr ui:places-to-get-help: bad placeholder in the translation",
                id="label-injection",
            ),
            pytest.param(
                {("facts", 0, "statement", "fr"): "{count.__class__}"},
                "fr fact:example-share:statement: bad placeholder in the translation",
                id="statement-injection",
            ),
        ],
    )
    def test_malformed(
        self, example_pack: Path, edits: dict[tuple[Any, ...], Any], message: str
    ) -> None:
        """Each malformed export is one PackError problem saying what is wrong with it."""
        data = edited(export_of(example_pack), edits)

        with pytest.raises(PackError) as info:
            load_export(data)

        assert [("export", 0)] == where(info.value.problems)
        assert info.value.problems[0].message.startswith(message), info.value.problems[0]

    @pytest.mark.parametrize("data", [None, [], "export", 3], ids=["none", "list", "text", "int"])
    def test_not_a_mapping(self, data: Any) -> None:
        """Data that is not even a mapping is a PackError, like any other non-export."""
        with pytest.raises(PackError):
            load_export(data)


class TestCommandLine:
    """The command line turns every hostile input into a message and exit status 1."""

    def test_validate_checks_translations(
        self, make_pack: MakePack, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`validate` reports a bad translation, as loading the pack would."""
        pack = make_pack("example", {PO: ("des {count}", "des {count.__class__}")})
        out = io.StringIO()

        status = main(["validate", str(pack)], out)

        assert 1 == status
        assert f"example/{PO}:20:" in out.getvalue()

    def test_validate_deep_nesting(
        self, make_pack: MakePack, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`validate` reports a deeply nested value as a problem, without a traceback."""
        pack = make_pack(
            "example", {"advice.toml": ('topics = ["support"]', f"topics = {nested(5_000)}")}
        )
        out = io.StringIO()

        status = main(["validate", str(pack)], out)

        assert 1 == status
        assert "example/advice.toml" in out.getvalue()

    def test_export_to_unwritable_path(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`export -o` into a directory that does not exist is an error message, exit status 1."""
        target = tmp_path / "no-such-directory" / "export.json"

        status = main(["export", "--locale", "en", "-o", str(target)], io.StringIO())

        err = capsys.readouterr().err
        assert 1 == status
        assert str(target) in err
        assert "Traceback" not in err

    def test_rejected_pack(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Using the committed hostile-rejected pack is exit status 1, every problem listed."""
        status = main(["advice", "--pack", str(PACKS / "hostile-rejected")], io.StringIO())

        err = capsys.readouterr().err
        assert 1 == status
        assert f"was rejected: {len(TestRejectedPack.EXPECTED)} problems\n" in err
        assert "Traceback" not in err

"""A pack's catalogues checked in full: each problem and warning with its file, line and words.

These call the checks the loader and ``validate`` use on the example pack, changed one way at a
time: a compiled catalogue alone, one beside its ``.po``, several locales, some unreadable.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sextingsafe import Catalogue, PackProblem
from sextingsafe._packs import check_catalogues, read_pack, translation_warnings

from .conftest import MakePack
from .test_hostile_catalogues import mo_file

PO = "locale/fr/LC_MESSAGES/sextingsafe.po"
MO = "locale/fr/LC_MESSAGES/sextingsafe.mo"
HEADER = b"Content-Type: text/plain; charset=UTF-8\n"
PLURALS = HEADER + b"Plural-Forms: nplurals=2; plural=(n > 1);\n"
BAD_RULE = HEADER + b"Plural-Forms: nplurals=2; plural=(n + 5);\n"
TITLE = b"advice:example-talk:title\x04Talk to someone you trust"
BODY = (
    b"advice:example-talk:body\x04"
    b"You can talk to an adult you trust about anything that worries you."
)
STATEMENT = (
    b"fact:example-share:statement\x04"
    b"In {period}, {share:percent} of {count} example reports were closed in {year:year}."
)
STATEMENT_FR = (
    "Entre {period}, {share:percent} des {count} signalements d'exemple ont été clos en "
    "{year:year}."
).encode()
BODY_FR = "Tu peux parler à un adulte de confiance de tout ce qui t'inquiète.".encode()
COUNT = b"ui:sources-count\x04{count} source\x00{count} sources"
PLACEHOLDERS = (
    "fact:example-share:statement: the translation's placeholders ({}) differ from the "
    "message's ({{count}}, {{period}}, {{share:percent}}, {{year:year}}); keep each of the "
    "message's placeholders, once, as written"
)
RULE = "Plural-Forms rule picks a form that does not exist (of 2) for n=0"


def problems(pack: Path) -> list[PackProblem]:
    """Return check_catalogues() for *pack*."""
    return check_catalogues(read_pack(pack))


class TestCompiledAlone:
    """A pack with only a ``.mo``: each problem on line 0, naming the message where there is one."""

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (
                b"not a mo file at all, not at all",
                "not a valid .mo file: not a .mo file: bad magic number",
            ),
            (mo_file([(b"", BAD_RULE)]), RULE),
            (
                mo_file([(b"", HEADER), (COUNT, b"{count} source\x00{count} sources")]),
                "ui:sources-count: a plural translation needs a Plural-Forms header",
            ),
            # A bad rule is the problem: not also the plural translation that would use it.
            (mo_file([(b"", BAD_RULE), (COUNT, b"{count} source\x00{count} sources")]), RULE),
            (mo_file([(b"", PLURALS), (STATEMENT, b"Aucun.")]), PLACEHOLDERS.format("none")),
            (
                mo_file([(b"", PLURALS), (STATEMENT, b"{count} {year}.")]),
                PLACEHOLDERS.format("{count}, {year}"),
            ),
            (
                # A control character anywhere: every message is looked at, but placeholders
                # only in those that get formatted ({oops} in a title is plain text).
                mo_file([(b"", PLURALS), (TITLE, b"{oops} Parle"), (BODY, b"Tu\x1b peux.")]),
                "advice:example-talk:body: the translation contains the control character '\\x1b'",
            ),
        ],
    )
    def test_problem(self, make_pack: MakePack, data: bytes, message: str) -> None:
        """One problem, in full."""
        pack = make_pack("example", {PO: None, MO: data})

        assert [PackProblem(MO, 0, message)] == problems(pack)

    def test_clean(self, make_pack: MakePack) -> None:
        """A compiled catalogue with the message's placeholders and a plural rule passes."""
        data = mo_file(
            [
                (b"", PLURALS),
                (STATEMENT, STATEMENT_FR),
                (COUNT, b"{count} source\x00{count} sources"),
            ]
        )

        assert [] == problems(make_pack("example", {PO: None, MO: data}))


class TestCompiledBesideItsSource:
    """A ``.mo`` beside a ``.po`` must say what the ``.po`` says."""

    @pytest.mark.parametrize(
        ("entries", "count", "first"),
        [
            # The body is missing from the .mo and the title differs: both count, missing first.
            ([(TITLE, b"Autre chose"), (STATEMENT, STATEMENT_FR)], 2, "advice:example-talk:body"),
            (
                [(TITLE, b"Autre chose"), (BODY, BODY_FR), (STATEMENT, STATEMENT_FR)],
                1,
                "advice:example-talk:title",
            ),
        ],
    )
    def test_disagreement(
        self, make_pack: MakePack, entries: list[tuple[bytes, bytes]], count: int, first: str
    ) -> None:
        """The count of messages that differ and the first, by context."""
        pack = make_pack("example", {MO: mo_file([(b"", PLURALS), *entries])})

        assert [
            PackProblem(
                MO,
                0,
                f"disagrees with the sextingsafe.po beside it in {count} message(s), first "
                f"{first!r}; compile it again from the .po, or remove it",
            )
        ] == problems(pack)

    def test_agreement(self, make_pack: MakePack) -> None:
        """A .mo compiled from the .po beside it passes."""
        entries = [(TITLE, "Parle à quelqu'un en qui tu as confiance".encode()), (BODY, BODY_FR)]
        pack = make_pack(
            "example", {MO: mo_file([(b"", PLURALS), *entries, (STATEMENT, STATEMENT_FR)])}
        )

        assert [] == problems(pack)


class TestTranslationWarnings:
    """translation_warnings(): every translation nothing will show, in every readable catalogue."""

    @pytest.fixture(scope="class")
    @classmethod
    def messages(cls, example_pack: Path) -> dict[str, str]:
        """The example pack's messages, context to English."""
        return dict(Catalogue.load(example_pack, include_bundled=False).messages())

    def test_each_catalogue(self, make_pack: MakePack, messages: dict[str, str]) -> None:
        """Past a bad directory and an unreadable catalogue, each locale's warnings, in order.

        A compiled catalogue has no lines; an entry without a context is never shown; fuzzy
        and untranslated entries are not translations, so they are not warned about.
        """
        french = (Path(__file__).parent / "packs" / "example" / PO).read_text(encoding="utf-8")
        extra = (
            '\nmsgid "no context"\nmsgstr "sans contexte"\n'
            '\n#, fuzzy\nmsgctxt "advice:gone:title"\nmsgid "Gone"\nmsgstr "Parti"\n'
            '\nmsgctxt "advice:gone:body"\nmsgid "Gone"\nmsgstr ""\n'
        )
        italian = french.replace("Language: fr", "Language: it").replace(
            'msgid "Talk to someone you trust"', 'msgid "Talk to someone"'
        )
        pack = make_pack(
            "example",
            {
                PO: french + extra,
                "locale/aa_ZZ_bad/LC_MESSAGES/sextingsafe.po": "x",
                "locale/de/LC_MESSAGES/sextingsafe.mo": mo_file(
                    [(b"", PLURALS), (b"advice:gone:title\x04Gone", b"Weg")]
                ),
                "locale/es/LC_MESSAGES/sextingsafe.po": 'msgid "x"\nnonsense\n',
                "locale/it/LC_MESSAGES/sextingsafe.po": italian,
            },
        )

        assert [
            PackProblem(
                "locale/de/LC_MESSAGES/sextingsafe.mo",
                0,
                "translates 'advice:gone:title', which no item has; it is never shown",
            ),
            PackProblem(PO, 27, "translates '', which no item has; it is never shown"),
            PackProblem(
                "locale/it/LC_MESSAGES/sextingsafe.po",
                11,
                "translates an older English text of 'advice:example-talk:title'; it is not "
                "shown until it is translated again",
            ),
        ] == translation_warnings(read_pack(pack), messages)

    def test_empty_locale_directory(self, make_pack: MakePack, messages: dict[str, str]) -> None:
        """A locale directory with no catalogue in it has nothing to warn about."""
        pack = make_pack("example")
        (pack / "locale" / "de" / "LC_MESSAGES").mkdir(parents=True)

        assert [] == translation_warnings(read_pack(pack), messages)

    def test_no_catalogues(self, make_pack: MakePack, messages: dict[str, str]) -> None:
        """A pack without a locale directory, or with a linked one, has no such warnings."""
        bare = make_pack("example")
        shutil.rmtree(bare / "locale")
        linked = make_pack("example")
        shutil.rmtree(linked / "locale")
        os.symlink(Path(__file__).parent / "packs" / "example" / "locale", linked / "locale")

        assert [] == translation_warnings(read_pack(bare), messages)
        assert [] == translation_warnings(read_pack(linked), messages)


FRENCH = (Path(__file__).parent / "packs" / "example" / PO).read_text(encoding="utf-8")
FR_STATEMENT = (
    "msgstr \"Entre {period}, {share:percent} des {count} signalements d'exemple ont été clos "
    'en {year:year}."'
)


def french(*edits: tuple[str, str], more: str = "") -> str:
    """The example's French catalogue with each (old, new) edit made once, and *more* after."""
    text = FRENCH
    for old, new in edits:
        assert 1 == text.count(old), old
        text = text.replace(old, new)
    return text + more


class TestSourceCatalogues:
    """Each problem of a ``.po`` file or of the directories it is in, in full."""

    def test_directory_names(self, make_pack: MakePack) -> None:
        """Each locale directory must be a directory named for a locale Babel knows."""
        pack = make_pack(
            "example",
            {
                "locale/fr-FR/LC_MESSAGES/sextingsafe.po": FRENCH,
                "locale/english/x": "",
                "locale/xx/LC_MESSAGES/sextingsafe.po": FRENCH,
                "locale/de": "a file",
                "locale/pl/LC_MESSAGES": "a file",
            },
        )

        assert [
            PackProblem("locale/de", 0, "not a directory"),
            PackProblem("locale/english", 0, "'english' is not a locale Babel knows"),
            PackProblem(
                "locale/fr-FR",
                0,
                "directory names must be locale names such as 'fr' or 'pt_BR', not 'fr-FR'",
            ),
            PackProblem("locale/pl/LC_MESSAGES", 0, "not a directory"),
            PackProblem("locale/xx", 0, "'xx' is not a locale Babel knows"),
        ] == problems(pack)

    @pytest.mark.parametrize(
        ("target", "link", "where"),
        [
            ("locale", "locale", "locale"),
            ("locale/fr/LC_MESSAGES", "locale/pl/LC_MESSAGES", "locale/pl/LC_MESSAGES"),
            (PO, "locale/pl/LC_MESSAGES/sextingsafe.po", "locale/pl/LC_MESSAGES/sextingsafe.po"),
        ],
    )
    def test_links(self, make_pack: MakePack, target: str, link: str, where: str) -> None:
        """A link anywhere on the way to a catalogue is refused, at the link."""
        pack = make_pack("example", {"locale/pl/x": ""})
        elsewhere = Path(__file__).parent / "packs" / "example" / target
        if link == "locale":
            shutil.rmtree(pack / "locale")
        else:
            (pack / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(elsewhere, pack / link)

        assert [
            PackProblem(where, 0, "symbolic links are not followed in content packs")
        ] == problems(pack)

    @pytest.mark.parametrize(
        ("text", "line", "message"),
        [
            (
                french((FR_STATEMENT, 'msgstr "Entre {period}, {share} des {count}."')),
                20,
                (
                    "the translation's placeholders ({count}, {period}, {share}) differ from the "
                    "message's ({count}, {period}, {share:percent}, {year:year}); keep each of the "
                    "message's placeholders, once, as written"
                ),
            ),
            (
                french((FR_STATEMENT, 'msgstr "Entre {period} {count.__class__}."')),
                20,
                (
                    "bad placeholder in the translation: stray '{' at position 15 in "
                    "'Entre {period} {count.__class__}.': placeholders are {name} or {name:spec}; "
                    "write {{ or }} for a literal brace"
                ),
            ),
            (
                french(('msgstr "Tu peux parler', 'msgstr "Appelle {emergency} ou tu peux parler')),
                16,
                (
                    "the translation has {emergency} 1 time(s), the message 0: keep it as it is, "
                    "for the reader's emergency number"
                ),
            ),
            (
                french(
                    more='\nmsgctxt "advice:x:note"\nmsgid "Call {emergency}."\nmsgstr "Le 112."\n'
                ),
                29,
                (
                    "the translation has {emergency} 0 time(s), the message 1: keep it as it is, "
                    "for the reader's emergency number"
                ),
            ),
            (
                french(more='\nmsgctxt "fact:x:caveat"\nmsgid "x"\nmsgstr "y\\x1b"\n'),
                29,
                "the translation contains the control character '\\x1b'",
            ),
            (
                french(
                    more='\nmsgctxt "ui:sources-count"\nmsgid "{count} source"\n'
                    'msgid_plural "{count} sources"\nmsgstr[0] "{count} source"\n'
                    'msgstr[1] "des sources"\n'
                ),
                31,
                (
                    "the translation's placeholders (none) differ from the message's ({count}); "
                    "keep each of the message's placeholders, once, as written"
                ),
            ),
            (
                french(more='\nmsgid "x"\nnonsense\n'),
                28,
                "not a valid .po file: unknown keyword 'nonsense'",
            ),
            (
                french(("nplurals=2; plural=(n > 1);", "nplurals=2; plural=(n + 5);")),
                7,
                "Plural-Forms rule picks a form that does not exist (of 2) for n=0",
            ),
        ],
    )
    def test_problem(self, make_pack: MakePack, text: str, line: int, message: str) -> None:
        """Each kind of problem, on the line of the translation (or header) that has it."""
        assert [PackProblem(PO, line, message)] == problems(make_pack("example", {PO: text}))

    def test_fuzzy_and_untranslated(self, make_pack: MakePack) -> None:
        """Fuzzy and empty translations are not shown, so they are not checked."""
        text = french(
            (
                'msgctxt "fact:example-share:statement"',
                '#, fuzzy\nmsgctxt "fact:example-share:statement"',
            ),
            (FR_STATEMENT, 'msgstr "{nope}"'),
            more='\nmsgctxt "fact:example-share:caveat"\nmsgid "{a}"\nmsgstr ""\n',
        )

        assert [] == problems(make_pack("example", {PO: text}))

    def test_no_plural_header(self, make_pack: MakePack) -> None:
        """A catalogue without plural messages needs no Plural-Forms header."""
        text = french(('"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n', ""))

        assert [] == problems(make_pack("example", {PO: text}))

    def test_each_plural_form(self, make_pack: MakePack) -> None:
        """An empty plural form is not checked, and the forms after it still are."""
        text = french(
            more='\nmsgctxt "ui:sources-count"\nmsgid "{count} source"\n'
            'msgid_plural "{count} sources"\nmsgstr[0] ""\nmsgstr[1] "des sources"\n'
        )

        assert [
            PackProblem(
                PO,
                31,
                "the translation's placeholders (none) differ from the message's ({count}); "
                "keep each of the message's placeholders, once, as written",
            )
        ] == problems(make_pack("example", {PO: text}))

    def test_both_files_reported(self, make_pack: MakePack) -> None:
        """A linked .po does not stop the .mo beside it from being checked."""
        pack = make_pack("example", {PO: None, MO: b"not a mo file at all, not at all"})
        os.symlink(Path(__file__).parent / "packs" / "example" / PO, pack / PO)

        assert [
            PackProblem(PO, 0, "symbolic links are not followed in content packs"),
            PackProblem(MO, 0, "not a valid .mo file: not a .mo file: bad magic number"),
        ] == problems(pack)

"""The `sextingsafe` extraction method for `pybabel extract`."""

from __future__ import annotations

import io
import re
import shlex
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract, extract_from_file
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from sextingsafe import Catalogue
from sextingsafe._catalogue import default_catalogue

EXAMPLE = Path(__file__).parent / "packs" / "example"
ROOT = Path(__file__).parents[1]
GUIDE = ROOT / "docs" / "how-to" / "translate.md"
TEMPLATE = ROOT / "src" / "sextingsafe" / "locale" / "sextingsafe.pot"
STATEMENT = "In {period}, {share:percent} of {count} example reports were closed in {year:year}."


def messages(path: Path) -> list[tuple[int, str, str, list[str]]]:
    """Extract *path* with the registered `sextingsafe` method: (line, context, text, comments)."""
    return [
        (line, context, message, comments)
        for line, message, comments, context in extract_from_file("sextingsafe", str(path))
    ]


class TestExtract:
    """The extractor yields one message per translatable field, with context kind:id:field."""

    def test_facts(self) -> None:
        """A fact's statement, place and population, on their own lines, with hints."""
        assert [
            (
                3,
                "fact:example-share:statement",
                STATEMENT,
                [
                    "fact example-share: statement",
                    (
                        "Keep every {placeholder} exactly as it is; numbers and dates are filled "
                        "in and formatted for your locale."
                    ),
                    "Placeholders: {period}, {share:percent}, {count}, {year:year}",
                ],
            ),
            (6, "fact:example-share:place", "Exampleshire", ["fact example-share: place"]),
            (
                7,
                "fact:example-share:population",
                "Example reports",
                ["fact example-share: population"],
            ),
        ] == messages(EXAMPLE / "facts.toml")

    def test_quotes(self) -> None:
        """Speakers' roles and quotes' text and context; a quote's text says how to translate it."""
        found = messages(EXAMPLE / "quotes.toml")

        assert [
            (4, "speaker:example-speaker:role", "Example youth worker"),
            (11, "quote:example-speaker-talk:text", "Talking helps."),
            (14, "quote:example-speaker-talk:context", "An example quote for the tests."),
        ] == [(line, context, text) for line, context, text, _ in found]
        assert "faithfully" in found[1][3][1]

    @pytest.mark.parametrize(
        ("file", "expected"),
        [
            (
                "advice.toml",
                [
                    (5, "advice:example-talk:title", "Talk to someone you trust"),
                    (
                        6,
                        "advice:example-talk:body",
                        "You can talk to an adult you trust about anything that worries you.",
                    ),
                ],
            ),
            (
                "resources.toml",
                [
                    (
                        8,
                        "resource:example-line:description",
                        "A fictional helpline used by the tests.",
                    )
                ],
            ),
            ("sources.toml", []),
        ],
    )
    def test_other_kinds(self, file: str, expected: list[tuple[int, str, str]]) -> None:
        """Advice titles and bodies, resource descriptions; sources have nothing to translate."""
        assert expected == [
            (line, context, text) for line, context, text, _ in messages(EXAMPLE / file)
        ]

    def test_empty_optional_fields_skipped(self, tmp_path: Path) -> None:
        """Optional fields that are absent or empty (hours, caveat, content note) give none."""
        (tmp_path / "facts.toml").write_text(
            '[[fact]]\nid = "f"\nstatement = "S."\nplace = "P"\npopulation = "Q"\ncaveat = ""\n',
            encoding="utf-8",
        )

        assert ["fact:f:statement", "fact:f:place", "fact:f:population"] == [
            context for _, context, _, _ in messages(tmp_path / "facts.toml")
        ]

    def test_through_extract(self) -> None:
        """Babel's extract() with the method name reads a file object the same way."""
        data = (EXAMPLE / "advice.toml").read_bytes()

        found = list(extract("sextingsafe", io.BytesIO(data)))

        assert [("advice:example-talk:title", 5), ("advice:example-talk:body", 6)] == [
            (context, line) for line, _, _, context in found
        ]

    def test_same_as_catalogue(self) -> None:
        """Extracting a pack's files gives exactly the messages its catalogue says it has."""
        extracted = {
            (context, text)
            for file in sorted(EXAMPLE.glob("*.toml"))
            for _, context, text, _ in messages(file)
        }

        catalogue = Catalogue.load(EXAMPLE, include_bundled=False)
        content = {m for m in catalogue.messages() if not m[0].startswith("ui:")}

        assert content == extracted


class TestPybabel:
    """`pybabel extract -F babel.cfg` over the repository reads the content and the labels."""

    def test_matches_bundled_messages(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The template pybabel writes has the (context, English) pairs of the bundled catalogue."""
        output = tmp_path / "sextingsafe.pot"
        monkeypatch.chdir(ROOT)

        CommandLineInterface().run(
            ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(output), "."]
        )
        with output.open("rb") as handle:
            template = read_po(handle)

        # Plural labels are (singular, plural) pairs in the template; messages() gives singulars.
        extracted = {
            (m.context, m.id[0] if isinstance(m.id, tuple | list) else m.id)
            for m in template
            if m.id
        }
        assert set(default_catalogue().messages()) == extracted
        assert len(default_catalogue().messages()) == len(extracted)


def documented(command: str) -> list[list[str]]:
    """Return each `$ pybabel COMMAND ...` line of the translators' guide, split like a shell."""
    guide = GUIDE.read_text(encoding="utf-8")
    lines = re.findall(rf"^\$ (pybabel {command} .*)$", guide, re.MULTILINE)
    return [shlex.split(line) for line in lines]


class TestDocumentedCommands:
    """The commands in docs/how-to/translate.md work as written, from a copy of the repository."""

    @staticmethod
    def _checkout(tmp_path: Path) -> Path:
        """Copy what extraction reads (mapping, content, labels, catalogues) to a fresh tree."""
        root = tmp_path / "checkout"
        shutil.copytree(ROOT / "src" / "sextingsafe" / "content", root / "src/sextingsafe/content")
        shutil.copytree(ROOT / "src" / "sextingsafe" / "locale", root / "src/sextingsafe/locale")
        shutil.copy(ROOT / "src" / "sextingsafe" / "_labels.py", root / "src/sextingsafe")
        shutil.copy(ROOT / "babel.cfg", root)
        return root

    def test_the_guide_has_the_commands(self) -> None:
        """The guide gives one extract command for the bundled template, the same each time."""
        bundled = [c for c in documented("extract") if "babel.cfg" in c]

        assert 2 == len(bundled)
        assert bundled[0] == bundled[1]

    def test_extract_reproduces_the_template(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The documented `pybabel extract` rewrites the committed template byte for byte.

        If this fails after a content change, run the command and commit the template.
        """
        (command,) = {tuple(c) for c in documented("extract") if "babel.cfg" in c}
        root = self._checkout(tmp_path)
        (root / "src/sextingsafe/locale/sextingsafe.pot").unlink()
        monkeypatch.chdir(root)

        CommandLineInterface().run(["pybabel", "-q", *command[1:]])

        assert (
            TEMPLATE.read_bytes() == (root / "src/sextingsafe/locale/sextingsafe.pot").read_bytes()
        )

    def test_update_keeps_headers_and_translations(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The documented `pybabel update` changes no header and no translation of a catalogue."""
        (command,) = [c for c in documented("update") if "src/sextingsafe/locale" in " ".join(c)]
        root = self._checkout(tmp_path)
        monkeypatch.chdir(root)

        CommandLineInterface().run(["pybabel", "-q", *command[1:]])

        with TEMPLATE.open("rb") as handle:
            current = {(m.context, m.id) for m in read_po(handle) if m.id}
        for before in sorted((ROOT / "src" / "sextingsafe" / "locale").glob("*/LC_MESSAGES/*.po")):
            after = root / before.relative_to(ROOT)
            locale = before.parent.parent.name

            def header(path: Path) -> str:
                return path.read_text(encoding="utf-8").partition("\n\n")[0]

            def kept(path: Path) -> set[tuple[object, ...]]:
                with path.open("rb") as handle:
                    catalog = read_po(handle)
                return {
                    (m.context, m.id, m.string, m.fuzzy)
                    for m in catalog
                    if m.id and m.string and (m.context, m.id) in current
                }

            assert header(before) == header(after), locale
            assert kept(before) <= kept(after), locale

    def test_init_makes_a_partial_locale(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The documented `pybabel init` starts an empty catalogue with its plural forms."""
        (command,) = [c for c in documented("init") if "src/sextingsafe/locale" in " ".join(c)]
        root = self._checkout(tmp_path)
        monkeypatch.chdir(root)

        CommandLineInterface().run(["pybabel", "-q", *command[1:]])

        language = command[command.index("-l") + 1]
        path = root / "src" / "sextingsafe" / "locale" / language / "LC_MESSAGES" / "sextingsafe.po"
        with path.open("rb") as handle:
            catalog = read_po(handle)
        assert (language, 2) == (str(catalog.locale), catalog.num_plurals)
        assert [] == [m.context for m in catalog if m.id and m.string and any(m.string)]

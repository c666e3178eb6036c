"""Broken and hostile catalogues and packs: each rejected with one clear problem, or inert.

Every case here was once accepted, crashed, or exhausted memory. A broken ``.po`` file is
refused as GNU ``msgfmt --check`` would refuse it, with its file and line; nothing in a pack
reaches a terminal raw or forges a line of ``validate`` output.

The example pack's French catalogue (``tests/packs/example/locale/fr``) has its header on
lines 1-7 (``Plural-Forms`` on 7) and the advice title's ``msgstr`` on line 12.
"""

from __future__ import annotations

import io
import json
import os
import re
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

import sextingsafe
from sextingsafe import Catalogue, PackError, PackProblem
from sextingsafe._cli import main
from sextingsafe._pofile import PoSyntaxError, read_po

MakePack = Callable[..., Path]
PACKS = Path(__file__).parent / "packs"
PO = "locale/fr/LC_MESSAGES/sextingsafe.po"
MO = "locale/fr/LC_MESSAGES/sextingsafe.mo"
PO_PATH = f"example/{PO}"
TITLE = 'msgstr "Parle à quelqu\'un en qui tu as confiance"'


def problems_of(pack: Path) -> tuple[PackProblem, ...]:
    """Load *pack* beside the bundled pack, which must fail; return the problems."""
    with pytest.raises(PackError) as info:
        Catalogue.load(pack)
    return info.value.problems


def validate(*argv: str) -> tuple[int, str]:
    """Run ``sextingsafe validate`` with *argv*; return its status and output."""
    out = io.StringIO()
    status = main(["validate", *argv], out)
    return status, out.getvalue()


def mo_file(entries: list[tuple[bytes, bytes]]) -> bytes:
    """Return a little-endian ``.mo`` file holding *entries* (msgid, msgstr), laid out plainly."""
    count = len(entries)
    ids_at = 28
    strs_at = ids_at + 8 * count
    data_at = strs_at + 8 * count
    ids, strs, blob = [], [], b""
    for msgid, msgstr in entries:
        ids.append((len(msgid), data_at + len(blob)))
        blob += msgid + b"\0"
        strs.append((len(msgstr), data_at + len(blob)))
        blob += msgstr + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, ids_at, strs_at, 0, 0)
    tables = b"".join(struct.pack("<2I", *pair) for pair in ids + strs)
    return header + tables + blob


#: Broken catalogues: (the edit to the example's French .po, the line, the message fragment).
BROKEN = {
    "unterminated": (
        (TITLE, 'msgstr "Przyjdź do naszego punkt'),
        12,
        "unterminated string",
    ),
    "second-msgstr": ((TITLE, TITLE + '\nmsgstr "Parle à un inconnu"'), 13, "a second msgstr"),
    "bad-escape": ((TITLE, 'msgstr "Parle \\q"'), 12, "invalid escape sequence '\\\\q'"),
    "text-after-string": ((TITLE, TITLE + " extra"), 12, "unexpected text after the string"),
    "unknown-keyword": ((TITLE, TITLE + '\nmsgfoo "x"'), 13, "unknown keyword 'msgfoo'"),
    "keyword-without-string": ((TITLE, "msgstr"), 12, "msgstr without a string"),
    "msgid-without-msgstr": ((TITLE, ""), 11, "msgid without msgstr"),
    "orphan-string": ((TITLE, TITLE + '\n\n"stray"'), 14, "a string that continues no keyword"),
    "bad-header-line": (
        ('"MIME-Version: 1.0\\n"', '"MIME-Version 1.0\\n"'),
        2,
        "is not 'Name: value'",
    ),
    "charset": (("charset=UTF-8", "charset=ISO-8859-1"), 2, "must be UTF-8"),
    "two-plural-rules": (
        ("plural=(n > 1);", "plural=(n > 1); plural=(n + 5);"),
        7,
        "is not 'nplurals=N; plural=EXPR;'",
    ),
    "huge-nplurals": (("nplurals=2;", "nplurals=1000000000000;"), 7, "expected 1 to 20"),
    "escape-character": ((TITLE, 'msgstr "Parle \\033[2J à quelqu\'un"'), 12, "'\\x1b'"),
    "bell": ((TITLE, 'msgstr "Parle \\a"'), 12, "'\\x07'"),
    "carriage-return": ((TITLE, 'msgstr "Parle\\rà quelqu\'un"'), 12, "'\\r'"),
    "duplicate-multi-line": (
        (
            TITLE,
            TITLE + '\n\nmsgctxt "advice:example-talk:title"\nmsgid ""\n"Talk to someone "\n'
            '"you trust"\nmsgstr "Parle à un inconnu"',
        ),
        15,
        "already given on line 11",
    ),
}


class TestBrokenCatalogues:
    """A .po file that msgfmt --check refuses is refused too, with one line and one message."""

    @pytest.mark.parametrize(("edit", "line", "fragment"), BROKEN.values(), ids=BROKEN.keys())
    def test_rejected(
        self, make_pack: MakePack, edit: tuple[str, str], line: int, fragment: str
    ) -> None:
        """The pack is rejected with exactly one problem, on the catalogue's faulty line."""
        problems = problems_of(make_pack("example", {PO: edit}))

        assert [(PO_PATH, line)] == [(p.path, p.line) for p in problems]
        assert fragment in problems[0].message

    @pytest.mark.parametrize(("edit", "line", "fragment"), BROKEN.values(), ids=BROKEN.keys())
    def test_validate_refuses(
        self, make_pack: MakePack, edit: tuple[str, str], line: int, fragment: str
    ) -> None:
        """Validate exits 1 naming the file and line once; no escape character reaches it."""
        status, out = validate(str(make_pack("example", {PO: edit})))

        assert 1 == status
        assert f"{PO_PATH}:{line}: " in out
        assert fragment in out
        assert re.search(r" on \d+$", out, re.MULTILINE) is None  # one line number, not two
        assert "\x1b" not in out
        assert "\x07" not in out

    def test_long_plural_expression_is_not_quoted_whole(self, make_pack: MakePack) -> None:
        """A 1 MB plural expression is refused by its length, in a message of one short line."""
        edit = ("plural=(n > 1);", "plural=" + "n" * 1_000_000 + ";")

        (problem,) = problems_of(make_pack("example", {PO: edit}))

        assert "the limit is 500" in problem.message
        assert len(str(problem)) < 300

    def test_byte_order_mark(self, make_pack: MakePack) -> None:
        """A catalogue that starts with a byte order mark is read as without one."""
        text = (PACKS / "example" / PO).read_bytes()
        pack = make_pack("example", {PO: b"\xef\xbb\xbf" + text})

        advice = Catalogue.load(pack).advice["example-talk"].localize("fr")

        assert "Parle à quelqu'un en qui tu as confiance" == advice.title

    def test_duplicate_does_not_pass_on_its_review(self) -> None:
        """A repeated message is refused: a reviewed copy never vouches for an unreviewed one."""
        text = (
            b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            b'msgctxt "a:b:c"\nmsgid "Hi"\nmsgstr "Unreviewed"\n\n'
            b'# reviewed-by: Someone, 2026-01-01\nmsgctxt "a:b:c"\nmsgid ""\n"Hi"\nmsgstr "Ok"\n'
        )

        with pytest.raises(PoSyntaxError) as info:
            read_po(text)

        assert 10 == info.value.line

    def test_every_bundled_catalogue_is_strict(self) -> None:
        """The bundled .po files pass the strict reader (they are compiled with Babel's)."""
        source = Path(__file__).parents[1] / "src" / "sextingsafe" / "locale"
        files = sorted(source.glob("*/LC_MESSAGES/sextingsafe.po"))
        assert len(files) == len(sextingsafe.locales()) - 1  # every locale but English

        for path in files:
            parsed = read_po(path.read_bytes())
            assert parsed.plural is not None, path


class TestUnusedTranslations:
    """A translation nothing will show is a validate warning naming it, and is dropped."""

    def test_unknown_id_and_field(self, make_pack: MakePack) -> None:
        """Translations for an id and a field the content lacks are each named in a warning."""
        extra = (
            '\nmsgctxt "advice:no-such-advice:title"\nmsgid "Hello"\nmsgstr "Bonjour"\n'
            '\nmsgctxt "advice:example-talk:colour"\nmsgid "Blue"\nmsgstr "Bleu"\n'
        )
        pack = make_pack("example", {PO: (TITLE, TITLE + "\n" + extra)})

        status, out = validate(str(pack))

        assert 0 == status
        warnings = [line for line in out.splitlines() if line.startswith("warning: ")]
        assert [
            (
                f"warning: {PO_PATH}:15: translates 'advice:no-such-advice:title', which no item "
                "has; it is never shown"
            ),
            (
                f"warning: {PO_PATH}:19: translates 'advice:example-talk:colour', which no item "
                "has; it is never shown"
            ),
        ] == warnings

    def test_stale_translation(self, make_pack: MakePack) -> None:
        """A translation of English text that has since changed is a warning, and not shown."""
        pack = make_pack(
            "example",
            {"advice.toml": ('title = "Talk to someone you trust"', 'title = "Talk to someone"')},
        )

        status, out = validate(str(pack))

        assert 0 == status
        assert (
            f"warning: {PO_PATH}:11: translates an older English text of "
            "'advice:example-talk:title'; it is not shown until it is translated again"
        ) in out.splitlines()
        assert "Talk to someone" == Catalogue.load(pack).advice["example-talk"].localize("fr").title

    def test_json_for_ci(self, make_pack: MakePack) -> None:
        """--format json reports each pack with its problems and warnings, and an overall ok."""
        broken = make_pack("example", {PO: (TITLE, 'msgstr "unterminated')})

        status, out = validate(str(PACKS / "example"), str(broken), "--format", "json")
        report = json.loads(out)

        assert 1 == status
        assert report["ok"] is False
        assert [[], [PO_PATH]] == [[p["file"] for p in r["problems"]] for r in report["packs"]]
        assert {"file": PO_PATH, "line": 12} == {
            k: report["packs"][1]["problems"][0][k] for k in ("file", "line")
        }


class TestCompiledCatalogues:
    """A .mo file is bounded in what it decodes, strict in its header, and agrees with its .po."""

    def test_entries_sharing_one_huge_string(self, make_pack: MakePack) -> None:
        """20,000 entries pointing at one 2 MiB string are refused before anything is decoded."""
        huge = b"x" * (2 * 1024 * 1024)
        data = bytearray(
            mo_file([(b"", b"Content-Type: text/plain; charset=UTF-8\n"), (b"a", huge)])
        )
        count = 20_000
        struct.pack_into("<I", data, 8, count)
        ids_at, strs_at = len(data), len(data) + 8 * count
        data[12:20] = struct.pack("<2I", ids_at, strs_at)
        string_at = len(data) - len(huge) - 1
        data += struct.pack("<2I", 1, 0) * count + struct.pack("<2I", len(huge), string_at) * count

        (problem,) = problems_of(make_pack("example", {PO: None, MO: bytes(data)}))

        assert f"example/{MO}" == problem.path
        assert "more than the file's" in problem.message

    def test_two_plural_rules(self, make_pack: MakePack) -> None:
        """A compiled header with two plural= rules is refused, not checked and used apart."""
        header = (
            b"Content-Type: text/plain; charset=UTF-8\n"
            b"Plural-Forms: nplurals=2; plural=(n > 1); plural=(n + 5);\n"
        )
        data = mo_file([(b"", header)])

        (problem,) = problems_of(make_pack("example", {PO: None, MO: data}))

        assert "is not 'nplurals=N; plural=EXPR;'" in problem.message

    def test_disagrees_with_its_po(self, make_pack: MakePack) -> None:
        """A .mo beside a .po that says something else is an error naming the .mo."""
        header = (
            b"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n > 1);\n"
        )
        data = mo_file(
            [
                (b"", header),
                (b"advice:example-talk:title\x04Talk to someone you trust", b"Autre chose"),
            ]
        )

        (problem,) = problems_of(make_pack("example", {MO: data}))

        assert (f"example/{MO}", 0) == (problem.path, problem.line)
        assert "disagrees with the sextingsafe.po beside it" in problem.message

    def test_control_character_in_compiled_translation(self, make_pack: MakePack) -> None:
        """An escape character in a compiled translation is refused, naming its message."""
        data = mo_file(
            [
                (b"", b"Content-Type: text/plain; charset=UTF-8\n"),
                (b"advice:example-talk:title\x04Talk to someone you trust", b"\x1b[31mRed"),
            ]
        )

        (problem,) = problems_of(make_pack("example", {PO: None, MO: data}))

        assert (
            "advice:example-talk:title: the translation contains the control character '\\x1b'"
            == problem.message
        )


class TestHostilePacks:
    """Hostile TOML and pack.toml: bounded, reported, and never forging output."""

    def test_deep_dotted_key(self, make_pack: MakePack) -> None:
        """A 10,000-deep dotted key is refused as too deep, not a RecursionError."""
        key = "title" + ".a" * 10_000
        pack = make_pack(
            "example",
            {"advice.toml": ('title = "Talk to someone you trust"', f'{key} = "x"')},
        )

        (problem,) = problems_of(pack)

        assert ("example/advice.toml", "a value is nested too deeply") == (
            problem.path,
            problem.message,
        )
        assert problem.line > 0

    def test_newline_in_the_pack_name(self, make_pack: MakePack) -> None:
        """A pack name with a newline is refused, and cannot forge a line of validate output."""
        name = 'name = "x\\nevil/advice.toml:1: forged"\n'
        pack = make_pack("example", {"pack.toml": name})

        status, out = validate(str(pack))

        assert 1 == status
        assert not any(line.startswith("evil/") for line in out.splitlines())
        assert "pack.toml:1: name must be up to 64 letters" in out

    @pytest.mark.parametrize("kind", ["dangling", "loop"])
    def test_linked_pack_toml(self, make_pack: MakePack, kind: str) -> None:
        """A dangling or looping pack.toml link is reported, not taken for a missing file."""
        pack = make_pack("example", {"pack.toml": None})
        link = pack / "pack.toml"
        os.symlink(pack / "nowhere.toml" if kind == "dangling" else link, link)

        problems = problems_of(pack)

        assert [("example-0/pack.toml", 0)] == [(p.path, p.line) for p in problems]
        assert "symbolic links are not followed" in problems[0].message

    def test_invalid_overrides(self, make_pack: MakePack) -> None:
        """Entries in overrides that are not ids are refused."""
        pack = make_pack(
            "example", {"pack.toml": 'name = "example"\noverrides = ["Not An Id", "ok-id"]\n'}
        )

        (problem,) = problems_of(pack)

        assert ("example/pack.toml", 2) == (problem.path, problem.line)
        assert "got 'Not An Id'" in problem.message

    def test_unmatched_overrides(self, make_pack: MakePack) -> None:
        """An override that matches nothing is a validate warning: it has no effect."""
        pack = make_pack("example", {"pack.toml": 'name = "example"\noverrides = ["no-such-id"]\n'})

        status, out = validate(str(pack))

        assert 0 == status
        assert (
            "warning: example/pack.toml: overrides lists 'no-such-id', but no earlier pack "
            "defines it; the entry has no effect"
        ) in out.splitlines()

    def test_emergency_override(self, make_pack: MakePack) -> None:
        """An override of a bundled country's emergency numbers has effect: no warning."""
        pack = make_pack("example", {"pack.toml": 'name = "example"\noverrides = ["IE"]\n'})
        (pack / "emergency.toml").write_text(
            '[[emergency]]\ncountry = "IE"\nnumbers = [{ number = "112", uses = ["general"] }]\n'
            'sources = ["example-guidance"]\nconfidence = "verified"\nchecked = 2026-12-07\n',
            encoding="utf-8",
        )

        status, out = validate(str(pack))

        assert (0, []) == (status, [line for line in out.splitlines() if "overrides" in line])

    def test_unknown_pack_key(self, make_pack: MakePack) -> None:
        """A key pack.toml does not know is an error on its line."""
        pack = make_pack("example", {"pack.toml": 'name = "example"\nnmae = "typo"\n'})

        (problem,) = problems_of(pack)

        assert ("example/pack.toml", 2) == (problem.path, problem.line)
        assert "unknown key 'nmae'" in problem.message

    def test_several_packs(self, make_pack: MakePack) -> None:
        """Validate checks each pack given, and fails when any one fails."""
        broken = make_pack("example", {PO: (TITLE, "msgstr")})

        status, out = validate(str(PACKS / "example"), str(broken))

        lines = out.splitlines()
        assert 1 == status
        assert lines[0].startswith(f"{PACKS / 'example'}: OK (6 records; ")
        assert f"1 problem(s) in {broken}" == lines[-1]


class TestLinks:
    """Nothing from a pack becomes a link unless it is an https:// address."""

    CHANNEL = '{ kind = "phone", value = "0000 000 000" }'

    @pytest.mark.parametrize(
        ("kind", "value", "expected"),
        [
            (
                "phone",
                "javascript:alert(1)",
                (
                    "a phone number has digits, spaces, '+', '(', ')' and '-' only, "
                    "got 'javascript:alert(1)'"
                ),
            ),
            (
                "phone",
                "data:text/html,<script>alert(1)</script>",
                (
                    "a phone number has digits, spaces, '+', '(', ')' and '-' only, "
                    "got 'data:text/html,<script>alert(1)</script>'"
                ),
            ),
            (
                "chat",
                "javascript:alert(1)",
                "a chat channel's value must be an https:// address, got 'javascript:alert(1)'",
            ),
            (
                "chat",
                "data:text/html,<script>alert(1)</script>",
                (
                    "a chat channel's value must be an https:// address, "
                    "got 'data:text/html,<script>alert(1)</script>'"
                ),
            ),
            (
                "web",
                "JavaScript:alert(1)",
                "a web channel's value must be an https:// address, got 'JavaScript:alert(1)'",
            ),
            (
                "web",
                "data:text/html;base64,PHNjcmlwdD4=",
                (
                    "a web channel's value must be an https:// address, "
                    "got 'data:text/html;base64,PHNjcmlwdD4='"
                ),
            ),
            (
                "app",
                "javascript:alert(1)",
                "an app channel's value must be an https:// address, got 'javascript:alert(1)'",
            ),
            (
                "app",
                "data:,hello",
                "an app channel's value must be an https:// address, got 'data:,hello'",
            ),
        ],
    )
    def test_script_channel_rejected(
        self, make_pack: MakePack, kind: str, value: str, expected: str
    ) -> None:
        """A javascript: or data: channel value is rejected with its file, line and kind."""
        channel = f'{{ kind = "{kind}", value = {json.dumps(value)} }}'
        pack = make_pack(edits={"resources.toml": (self.CHANNEL, channel)})

        assert (
            PackProblem(
                "example/resources.toml",
                10,
                f"[[resource]] 'example-line': channels: value: {expected}",
            ),
        ) == problems_of(pack)

    @pytest.mark.parametrize(
        "value",
        [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "http://example.org",
            "childline",
            "https://example.org/\x1b[2J",
        ],
    )
    def test_not_written_as_a_url(self, value: str) -> None:
        """The JSON-LD export writes only https:// addresses as schema.org url."""
        from sextingsafe._jsonld import web_url

        assert web_url(value) is None

    def test_https_is_written(self) -> None:
        """An https:// address is kept as it is."""
        from sextingsafe._jsonld import web_url

        assert "https://www.childline.org.uk/" == web_url("https://www.childline.org.uk/")

    def test_bundled_export_links_only_https(self) -> None:
        """Every url in the bundled JSON-LD export starts with https://."""
        urls: list[str] = []

        def collect(node: object) -> None:
            if isinstance(node, dict):
                urls.extend(v for k, v in node.items() if k == "url")
                for value in node.values():
                    collect(value)
            elif isinstance(node, list):
                for value in node:
                    collect(value)

        collect(sextingsafe.export_jsonld())

        assert urls
        assert [u for u in urls if not u.startswith("https://")] == []

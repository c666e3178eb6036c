"""Content packs: a pack with any problem is rejected whole, each problem with file and line.

The example pack's files are small and fixed, so the line numbers below can be read off them:
``facts.toml`` has ``statement`` on line 3, ``values`` 4, ``period`` 5, ``place`` 6, ``sources`` 9,
``reviewed`` 10; ``advice.toml`` has ``audiences`` on 3, ``title`` 5, ``sources`` 7,
``resources`` 8, ``reviewed`` 9; ``resources.toml`` has ``countries`` on 5, ``kind`` 6,
``url`` 9, ``channels`` 10; ``quotes.toml`` has the speaker's ``pseudonymous`` on 5 and the
quote's ``language`` on 10.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest

from sextingsafe import Catalogue, PackError, PackProblem
from sextingsafe._build import build, compile_pack
from sextingsafe._packs import (
    COMPILED,
    _decode_date,
    _encode_date,
    _too_deep,
    discover,
    read_pack,
)

MakePack = Callable[..., Path]
PO = "locale/fr/LC_MESSAGES/sextingsafe.po"
#: The example advice's body line.
EXAMPLE_BODY = 'body = """You can talk to an adult you trust about anything that worries you."""'


def problems_of(path: Path, *more: Path, include_bundled: bool = False) -> tuple[PackProblem, ...]:
    """Load the packs, which must fail, and return the problems."""
    with pytest.raises(PackError) as info:
        Catalogue.load(path, *more, include_bundled=include_bundled)
    return info.value.problems


def where(problems: tuple[PackProblem, ...]) -> list[tuple[str, int]]:
    """Return each problem's (path, line)."""
    return [(p.path, p.line) for p in problems]


@pytest.fixture(scope="module")
def problems() -> tuple[PackProblem, ...]:
    """The committed broken pack's problems."""
    return problems_of(Path(__file__).parent / "packs" / "broken")


class TestBrokenPack:
    """The committed broken pack: one problem on each of many lines, all reported at once."""

    EXPECTED = (
        ("broken/pack.toml", 2, "not valid UTF-8"),
        ("broken/extra.toml", 0, "unknown content file"),
        ("broken/quotes.toml", 4, "bad TOML"),
        ("broken/sources.toml", 7, "url must be an https:// address"),
        ("broken/sources.toml", 17, "duplicate source id 'good-source'"),
        ("broken/resources.toml", 8, "unknown key 'phone'"),
        ("broken/facts.toml", 3, "stray '{'"),
        ("broken/facts.toml", 13, "statement: uses {total} but values has no 'total'"),
        ("broken/facts.toml", 27, "unknown source id(s) in sources: 'no-such-source'"),
        ("broken/advice.toml", 1, "missing required key 'title'"),
        ("broken/advice.toml", 17, "reviewed must be a date"),
        ("broken/advice.toml", 26, "unknown resource id(s) in resources: 'no-such-line'"),
    )

    def test_every_problem_once(self, problems: tuple[PackProblem, ...]) -> None:
        """Every problem is reported, each exactly once, and nothing else is."""
        assert sorted((p, line) for p, line, _ in self.EXPECTED) == sorted(where(problems))

    @pytest.mark.parametrize(("path", "line", "fragment"), EXPECTED)
    def test_problem(
        self, problems: tuple[PackProblem, ...], path: str, line: int, fragment: str
    ) -> None:
        """Each problem names its file and line, and says what is wrong."""
        messages = [p.message for p in problems if (p.path, p.line) == (path, line)]

        assert 1 == len(messages), where(problems)
        assert fragment in messages[0]

    def test_message_names_the_record(self, problems: tuple[PackProblem, ...]) -> None:
        """A problem in a record names the record's table and id."""
        (message,) = (
            p.message for p in problems if p.path == "broken/facts.toml" and "{total}" in p.message
        )

        assert message.startswith("[[fact]] 'broken-mismatch': ")

    def test_error_text_lists_all(self) -> None:
        """The PackError's text counts the problems and shows each as path:line: message."""
        with pytest.raises(PackError) as info:
            Catalogue.load(Path(__file__).parent / "packs" / "broken", include_bundled=False)

        text = str(info.value)
        assert text.startswith(
            f"content pack 'broken' was rejected: {len(self.EXPECTED)} problems\n"
        )
        assert "\n  broken/facts.toml:13: [[fact]] 'broken-mismatch': statement: uses" in text


class TestSingleProblems:
    """Each kind of mistake in an otherwise good pack, with the file and line it is on."""

    @pytest.mark.parametrize(
        ("file", "change", "expected"),
        [
            pytest.param(
                "facts.toml",
                ('place = "Exampleshire"', 'place = "Exampleshire'),
                ("facts.toml", 6, "bad TOML"),
                id="bad-toml",
            ),
            pytest.param(
                "advice.toml",
                ("title =", 'colour = "red"\ntitle ='),
                ("advice.toml", 5, "unknown key 'colour'"),
                id="unknown-key",
            ),
            pytest.param(
                "advice.toml",
                ('title = "Talk to someone you trust"\n', ""),
                ("advice.toml", 1, "missing required key 'title'"),
                id="missing-key",
            ),
            pytest.param(
                "facts.toml",
                ('sources = ["example-guidance"]', 'sources = ["nope"]'),
                ("facts.toml", 9, "unknown source id(s) in sources: 'nope'"),
                id="unknown-source",
            ),
            pytest.param(
                "facts.toml",
                ("{count}", "{total}"),
                ("facts.toml", 3, "statement: uses {total} but values has no 'total'"),
                id="placeholder-without-value",
            ),
            pytest.param(
                "facts.toml",
                ("year = 2019 }", "year = 2019, extra = 1 }"),
                ("facts.toml", 4, "values: ['extra'] are not used in the statement"),
                id="value-without-placeholder",
            ),
            pytest.param(
                "facts.toml",
                ("{count}", "{count.__class__}"),
                ("facts.toml", 3, "stray '{'"),
                id="attribute-injection",
            ),
            pytest.param(
                "facts.toml",
                ("{count}", "{0}"),
                ("facts.toml", 3, "stray '{'"),
                id="positional-injection",
            ),
            pytest.param(
                "facts.toml",
                ("{count}", "{count:money}"),
                ("facts.toml", 3, "unknown placeholder spec 'money'"),
                id="unknown-spec",
            ),
            pytest.param(
                "facts.toml",
                ("end = 2019-08-19", "end = 2016-08-19"),
                ("facts.toml", 5, "period ends (2016-08-19) before it starts (2017-01-01)"),
                id="reversed-period",
            ),
            pytest.param(
                "advice.toml",
                ("reviewed = 2026-11-27", 'reviewed = "yesterday"'),
                ("advice.toml", 9, "reviewed must be a date"),
                id="string-for-date",
            ),
            pytest.param(
                "advice.toml",
                ("reviewed = 2026-11-27", "reviewed = 2026-11-27T10:00:00"),
                ("advice.toml", 9, "reviewed must be a date"),
                id="datetime-for-date",
            ),
            pytest.param(
                "advice.toml",
                ('title = "Talk to someone you trust"', 'title = ""'),
                ("advice.toml", 5, "title must be non-empty text"),
                id="empty-text",
            ),
            pytest.param(
                "advice.toml",
                ('id = "example-talk"', 'id = "Example Talk"'),
                ("advice.toml", 2, "id must be a kebab-case slug"),
                id="bad-slug",
            ),
            pytest.param(
                "facts.toml",
                ('sources = ["example-guidance"]', 'sources = "example-guidance"'),
                ("facts.toml", 9, "sources must be a list of ids"),
                id="string-for-list",
            ),
            pytest.param(
                "advice.toml",
                ('audiences = ["young-people"]', "audiences = 3"),
                ("advice.toml", 3, "audiences"),
                id="number-for-list",
            ),
            pytest.param(
                "advice.toml",
                ('audiences = ["young-people"]', 'audiences = ["kids"]'),
                ("advice.toml", 3, "'kids'"),
                id="unknown-audience",
            ),
            pytest.param(
                "resources.toml",
                ('kind = "helpline"', "kind = 3"),
                ("resources.toml", 6, "kind"),
                id="number-for-enum",
            ),
            pytest.param(
                "resources.toml",
                ('url = "https://example.org/line"', 'url = "http://example.org/line"'),
                ("resources.toml", 9, "url must be an https:// address"),
                id="http-url",
            ),
            pytest.param(
                "resources.toml",
                ('countries = ["GB"]', 'countries = ["gb"]'),
                ("resources.toml", 5, "countries must hold ISO 3166"),
                id="lower-case-country",
            ),
            pytest.param(
                "resources.toml",
                ('kind = "phone"', 'kind = "pigeon"'),
                ("resources.toml", 10, "'pigeon'"),
                id="unknown-channel",
            ),
            pytest.param(
                "quotes.toml",
                ("pseudonymous = true", 'pseudonymous = "yes"'),
                ("quotes.toml", 5, "pseudonymous must be"),
                id="string-for-bool",
            ),
            pytest.param(
                "quotes.toml",
                ('language = "en"', 'language = "English"'),
                ("quotes.toml", 10, "language must be"),
                id="language-name",
            ),
            pytest.param(
                "advice.toml",
                ("[[advice]]", "[[advise]]"),
                ("advice.toml", 1, "unknown table 'advise'"),
                id="unknown-table",
            ),
            pytest.param(
                "pack.toml",
                ('name = "example"', 'name = "example"\noverrides = "example-talk"'),
                ("pack.toml", 3, "overrides must be a list of ids"),
                id="overrides-not-a-list",
            ),
        ],
    )
    def test_problem(
        self,
        make_pack: MakePack,
        file: str,
        change: tuple[str, str],
        expected: tuple[str, int, str],
    ) -> None:
        """The pack is rejected; the problem names the file, the line and what is wrong."""
        path, line, fragment = expected

        problems = problems_of(make_pack("example", {file: change}))

        found = [p for p in problems if (p.path, p.line) == (f"example/{path}", line)]
        assert 1 == len(found), problems
        assert fragment in found[0].message

    @pytest.mark.parametrize(
        ("file", "change"),
        [
            ("resources.toml", ('kind = "helpline"', 'kind = "hotline"')),
            ("resources.toml", ('url = "https://example.org/line"', 'url = "http://x.org"')),
        ],
    )
    def test_no_knock_on_problems(
        self, make_pack: MakePack, file: str, change: tuple[str, str]
    ) -> None:
        """An invalid item is reported once, not again as an unknown id where it is referred to."""
        problems = problems_of(make_pack("example", {file: change}))

        assert ["example/resources.toml"] == [p.path for p in problems]

    def test_every_problem_of_one_record(self, make_pack: MakePack) -> None:
        """Two independent mistakes in one record are both reported."""
        problems = problems_of(
            make_pack(
                "example",
                {
                    "advice.toml": ('sources = ["example-guidance"]', 'sources = ["nope"]'),
                    "resources.toml": ('url = "https://example.org/line"', 'url = "http://x.org"'),
                    "facts.toml": ('place = "Exampleshire"', 'place = ""'),
                },
            )
        )

        assert {
            ("example/advice.toml", 7),
            ("example/resources.toml", 9),
            ("example/facts.toml", 6),
        } <= set(where(problems))

    def test_two_mistakes_in_one_record(self, make_pack: MakePack) -> None:
        """A record with a bad reference and a bad field gets both problems listed."""
        problems = problems_of(
            make_pack(
                "example",
                {
                    "facts.toml": (
                        'sources = ["example-guidance"]\nreviewed = 2026-11-27',
                        'sources = ["nope"]\nreviewed = "soon"',
                    )
                },
            )
        )

        assert [("example/facts.toml", 9), ("example/facts.toml", 10)] == sorted(where(problems))

    def test_invalid_utf8(self, make_pack: MakePack) -> None:
        """Bytes that are not UTF-8 are reported on their line."""
        text = (Path(__file__).parent / "packs/example/advice.toml").read_bytes()
        pack = make_pack("example", {"advice.toml": text.replace(b'trust"', b'tr\xffust"')})

        assert [("example/advice.toml", 5)] == where(problems_of(pack))

    def test_utf8_bom_accepted(self, make_pack: MakePack) -> None:
        """A UTF-8 byte order mark (as some Windows editors write) is accepted."""
        text = (Path(__file__).parent / "packs/example/advice.toml").read_bytes()
        pack = make_pack("example", {"advice.toml": b"\xef\xbb\xbf" + text})

        assert ("example-talk",) == tuple(Catalogue.load(pack, include_bundled=False).advice)

    def test_unknown_file(self, make_pack: MakePack) -> None:
        """A .toml file that is not a content file is reported (a typo would be lost otherwise)."""
        pack = make_pack("example", {"advise.toml": "x = 1\n"})

        assert [("example/advise.toml", 0)] == where(problems_of(pack))

    def test_multi_line_strings_keep_lines(self, make_pack: MakePack) -> None:
        """Lines after a multi-line string, even one holding a table header, are counted right."""
        pack = make_pack(
            "example",
            {
                "advice.toml": (
                    EXAMPLE_BODY,
                    'body = """You can talk\nto an adult\n[[advice]]\nyou trust."""\ncolour = "x"',
                )
            },
        )

        assert [("example/advice.toml", 10)] == where(problems_of(pack))

    def test_oversized_file(self, make_pack: MakePack, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file over the size limit is refused without being parsed."""
        import sextingsafe._packs

        monkeypatch.setattr(sextingsafe._packs, "MAX_FILE_BYTES", 100)
        problems = problems_of(make_pack("example"))

        assert {"example/facts.toml", "example/advice.toml", "example/resources.toml"} <= {
            p.path for p in problems if "the limit is 100" in p.message
        }

    def test_rejected_whole(self, make_pack: MakePack, example_pack: Path) -> None:
        """One bad pack among good ones rejects the whole load; only the bad pack is blamed."""
        bad = make_pack(
            "example",
            {
                "pack.toml": 'name = "example-local"\n',
                "sources.toml": None,
                "quotes.toml": None,
                "resources.toml": None,
                "facts.toml": None,
                PO: None,
                "advice.toml": ('id = "example-talk"', 'id = "example-other"\ncolour = 1'),
            },
        )

        with pytest.raises(PackError) as info:
            Catalogue.load(example_pack, bad, include_bundled=False)

        assert "example-local" == info.value.pack
        assert ["example-local/advice.toml"] == [p.path for p in info.value.problems]


class TestSymlinks:
    """Symbolic links in a pack are not followed."""

    @pytest.mark.parametrize("name", ["facts.toml", "pack.toml"])
    def test_linked_content_file(self, make_pack: MakePack, example_pack: Path, name: str) -> None:
        """A content file that is a symlink is refused, even when it points at a good file."""
        pack = make_pack("example")
        (pack / name).unlink()
        os.symlink(example_pack / name, pack / name)

        problems = problems_of(pack)

        assert [(f"{pack.name if name == 'pack.toml' else 'example'}/{name}", 0)] == where(problems)
        assert "symbolic links are not followed" in problems[0].message

    def test_linked_catalogue(self, make_pack: MakePack, example_pack: Path) -> None:
        """A translation catalogue that is a symlink is refused too."""
        pack = make_pack("example")
        (pack / PO).unlink()
        os.symlink(example_pack / PO, pack / PO)

        problems = problems_of(pack)

        assert [f"example/{PO}"] == [p.path for p in problems]


class TestCatalogues:
    """A pack's translations are checked when it loads, like its content."""

    @pytest.mark.parametrize(
        "replacement",
        ["{count.__class__}", "{0}", "{total}", "{count:money}", "{count"],
        ids=["attribute", "positional", "unknown-name", "unknown-spec", "stray-brace"],
    )
    def test_placeholder_mismatch(self, make_pack: MakePack, replacement: str) -> None:
        """A translation whose placeholders differ from the English is a problem on its line."""
        pack = make_pack("example", {PO: ("des {count}", f"des {replacement}")})

        problems = problems_of(pack)

        assert [(f"example/{PO}", 20)] == where(problems)

    def test_missing_placeholder(self, make_pack: MakePack) -> None:
        """A translation that drops a placeholder is a problem too: a number would be lost."""
        pack = make_pack("example", {PO: ("des {count} signalements", "des signalements")})

        assert [(f"example/{PO}", 20)] == where(problems_of(pack))

    @pytest.mark.parametrize(
        ("change", "line"),
        [
            # The unterminated string is reported on its own line.
            (('msgstr "Tu peux', 'msgstr "Tu peux\nmsgid'), 16),
            (("\n#, fuzzy", "\nthis is not po\n#, fuzzy"), 22),
        ],
        ids=["unterminated", "garbage"],
    )
    def test_malformed_po(self, make_pack: MakePack, change: tuple[str, str], line: int) -> None:
        """A .po file that does not parse is a problem at load time, not a crash at display time."""
        pack = make_pack("example", {PO: change})

        problems = problems_of(pack)

        assert [(f"example/{PO}", line)] == where(problems)

    def test_malformed_mo(self, make_pack: MakePack) -> None:
        """A .mo file that is not one is a problem at load time."""
        pack = make_pack(
            "example", {PO: None, "locale/fr/LC_MESSAGES/sextingsafe.mo": b"not a catalogue" * 4}
        )

        problems = problems_of(pack)

        assert ["example/locale/fr/LC_MESSAGES/sextingsafe.mo"] == [p.path for p in problems]

    def test_good_catalogue_loads(self, example_pack: Path) -> None:
        """The example pack's catalogue, fuzzy entry and all, is accepted."""
        assert {"en", "fr"} == Catalogue.load(
            example_pack, include_bundled=False
        ).supported_locales()


class TestOverrides:
    """A later pack may replace an item only if its pack.toml lists the id under overrides."""

    ONLY_ADVICE: ClassVar[dict[str, Any]] = {
        "sources.toml": None,
        "quotes.toml": None,
        "resources.toml": None,
        "facts.toml": None,
        PO: None,
        "advice.toml": ('title = "Talk to someone you trust"', 'title = "Talk to a trusted adult"'),
    }

    def test_without_overrides(self, make_pack: MakePack, example_pack: Path) -> None:
        """Without `overrides`, a repeated id is a duplicate, naming the first pack."""
        local = make_pack("example", {**self.ONLY_ADVICE, "pack.toml": 'name = "local"\n'})

        problems = problems_of(example_pack, local)

        assert [("local/advice.toml", 2)] == where(problems)
        assert (
            "duplicate advice id 'example-talk' (first defined in example)" in problems[0].message
        )
        assert "overrides" in problems[0].message

    def test_with_overrides(self, make_pack: MakePack, example_pack: Path) -> None:
        """With `overrides`, the later item replaces the earlier one."""
        local = make_pack(
            "example",
            {**self.ONLY_ADVICE, "pack.toml": 'name = "local"\noverrides = ["example-talk"]\n'},
        )

        catalogue = Catalogue.load(example_pack, local, include_bundled=False)

        assert "Talk to a trusted adult" == catalogue.advice["example-talk"].title
        assert 1 == len(catalogue.advice)

    def test_not_within_one_pack(self, make_pack: MakePack) -> None:
        """A pack cannot override its own items: a repeated id in one pack is always a duplicate."""
        advice = (Path(__file__).parent / "packs/example/advice.toml").read_text(encoding="utf-8")
        pack = make_pack(
            "example",
            {
                "pack.toml": 'name = "example"\noverrides = ["example-talk"]\n',
                "advice.toml": advice + "\n" + advice,
            },
        )

        assert [("example/advice.toml", 12)] == where(problems_of(pack))

    def test_duplicate_in_one_pack(self, make_pack: MakePack) -> None:
        """A repeated id in one file is reported on the repeat's id line."""
        sources = (Path(__file__).parent / "packs/example/sources.toml").read_text(encoding="utf-8")
        pack = make_pack("example", {"sources.toml": sources + "\n" + sources})

        problems = problems_of(pack)

        assert [("example/sources.toml", 11)] == where(problems)
        assert "duplicate source id 'example-guidance'" in problems[0].message


class TestReadPack:
    """read_pack() reads a directory's files into records."""

    def test_records(self, example_pack: Path) -> None:
        """Each record knows its kind, file and line; pack.toml gives the name."""
        raw = read_pack(example_pack)

        assert "example" == raw.name
        assert () == raw.problems
        assert [
            ("source", "sources.toml", 1),
            ("speaker", "quotes.toml", 1),
            ("quote", "quotes.toml", 7),
            ("resource", "resources.toml", 1),
            ("fact", "facts.toml", 1),
            ("advice", "advice.toml", 1),
        ] == sorted(
            ((r.kind, r.path, r.line) for r in raw.records),
            key=lambda r: ["source", "speaker", "quote", "resource", "fact", "advice"].index(r[0]),
        )

    def test_name_defaults_to_directory(self, make_pack: MakePack) -> None:
        """Without pack.toml the pack is named after its directory."""
        pack = make_pack("example", {"pack.toml": None}, name="my-pack")

        assert "my-pack" == read_pack(pack).name

    def test_not_a_directory(self, tmp_path: Path) -> None:
        """A path that is not a directory raises PackError at once."""
        (tmp_path / "file.toml").write_text("", encoding="utf-8")

        with pytest.raises(PackError, match="not a directory"):
            read_pack(tmp_path / "file.toml")

    def test_empty_directory(self, tmp_path: Path) -> None:
        """An empty directory is an empty, valid pack."""
        content = build([read_pack(tmp_path)], None)

        assert ((), (), ()) == (content.facts, content.advice, content.resources)

    def test_split_files_main_first(self, make_pack: MakePack) -> None:
        """A kind may be split over files; the main file's items come first, then the others'."""
        advice = (Path(__file__).parent / "packs/example/advice.toml").read_text(encoding="utf-8")
        pack = make_pack(
            "example",
            {"advice-extra.toml": advice.replace('id = "example-talk"', 'id = "example-extra"')},
        )

        assert ("example-talk", "example-extra") == tuple(
            Catalogue.load(pack, include_bundled=False).advice
        )


def at_depth(depth: int, innermost: object) -> dict[str, object]:
    """Return parsed data whose *innermost* container is *depth* levels below the file's table."""
    value = innermost
    for _ in range(depth - 1):
        value = [value]
    return {"advice": value}


class TestDepthGuard:
    """Parsed data nested deeper than 100 tables and arrays is refused, and no shallower."""

    @pytest.mark.parametrize(
        ("depth", "innermost", "expected"),
        [
            (100, ["text"], False),
            (101, ["text"], True),
            (100, {"key": "text"}, False),
            (101, {"key": "text"}, True),
            (100, [], False),
            (101, [], True),
        ],
    )
    def test_bounds(self, depth: int, innermost: object, expected: bool) -> None:
        """A list of strings, an empty list and a table each count as one level."""
        assert expected is _too_deep(at_depth(depth, innermost))


class TestCompiledPack:
    """compile_pack() writes a pack's records as JSON; read_pack() reads them back the same.

    The wheel ships the bundled pack compiled this way, so this is the path every installed
    copy takes on first use.
    """

    def test_round_trip(self, make_pack: MakePack, example_pack: Path) -> None:
        """A compiled pack reads back as the same records, and loads as the same items."""
        compiled = make_pack("example")
        (compiled / COMPILED).write_text(compile_pack(example_pack), encoding="utf-8")

        assert read_pack(example_pack).records == read_pack(compiled).records
        from_toml = Catalogue.load(example_pack, include_bundled=False)
        from_json = Catalogue.load(compiled, include_bundled=False)
        for kind in ("facts", "quotes", "advice", "resources", "sources", "speakers"):
            assert list(getattr(from_toml, kind).values()) == list(
                getattr(from_json, kind).values()
            )

    def test_reads_the_json(self, make_pack: MakePack, example_pack: Path) -> None:
        """With compiled=True the records come from the JSON alone: the same as from the TOML.

        The TOML files are removed, so nothing can be read from them. Lines are left out of
        the JSON (a compiled pack was valid when it was compiled), so they read as 0.
        """
        compiled = make_pack("example")
        (compiled / COMPILED).write_text(compile_pack(example_pack), encoding="utf-8")
        from_toml = read_pack(example_pack).records
        for toml in compiled.glob("*.toml"):
            toml.unlink()

        from_json = read_pack(compiled, compiled=True)

        assert [(r.kind, r.path, r.data) for r in from_toml] == [
            (r.kind, r.path, r.data) for r in from_json.records
        ]
        assert {("advice", "advice.toml", 0, 0)} == {
            (r.kind, r.path, r.line, r.line_of("title"))
            for r in from_json.records
            if r.kind == "advice"
        }
        assert ("example", str(compiled), frozenset(), ()) == (
            from_json.name,
            from_json.root,
            from_json.overrides,
            from_json.problems,
        )

    def test_dates(self) -> None:
        """A date is written as {"$date": ...} and read back; nothing else is taken for one."""
        day = dt.date(2026, 12, 7)

        assert {"$date": "2026-12-07"} == _encode_date(day)
        assert day == _decode_date({"$date": "2026-12-07"})
        for other in ({"$date": 20261207}, {"id": "x"}, {"$date": "2026-12-07", "id": "x"}):
            assert other == _decode_date(other)
        with pytest.raises(TypeError, match=r"^cannot compile \{1\} to JSON$"):
            _encode_date({1})

    def test_refuses_bad_pack(self, make_pack: MakePack) -> None:
        """A pack with a problem is not compiled."""
        with pytest.raises(PackError):
            compile_pack(make_pack("example", {"facts.toml": ("{count}", "{total}")}))


class TestDiscover:
    """discover() finds packs installed under the `sextingsafe.packs` entry point group."""

    class Entry:
        """A stand-in for importlib.metadata.EntryPoint."""

        def __init__(self, name: str, target: object) -> None:
            """Name the entry point and what it loads."""
            self.name, self.value, self._target = name, f"{name}:pack", target

        def load(self) -> object:
            """Return the target, as EntryPoint.load would."""
            return self._target

    def test_targets(self, monkeypatch: pytest.MonkeyPatch, example_pack: Path) -> None:
        """An entry point may name a path, a callable returning one, or a module."""
        import types

        module = types.ModuleType("pack_module")
        module.__file__ = str(example_pack / "__init__.py")
        entries = [
            self.Entry("path", example_pack),
            self.Entry("callable", lambda: str(example_pack)),
            self.Entry("module", module),
        ]
        monkeypatch.setattr(
            "importlib.metadata.entry_points",
            lambda group: entries if group == "sextingsafe.packs" else [],
        )

        assert (str(example_pack),) * 3 == discover()

    def test_bad_target(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An entry point that is not a pack raises PackError naming it."""
        monkeypatch.setattr(
            "importlib.metadata.entry_points", lambda group: [self.Entry("bad", 42)]
        )

        with pytest.raises(PackError) as caught:
            discover()

        assert "bad" == caught.value.pack
        assert (PackProblem("bad:pack", 0, "entry point is not a pack directory"),) == (
            caught.value.problems
        )

    def test_load_with_entry_points(
        self, monkeypatch: pytest.MonkeyPatch, example_pack: Path
    ) -> None:
        """Catalogue.load(entry_points=True) loads the discovered packs."""
        monkeypatch.setattr(
            "importlib.metadata.entry_points", lambda group: [self.Entry("example", example_pack)]
        )

        catalogue = Catalogue.load(include_bundled=False, entry_points=True)

        assert ("example-talk",) == tuple(catalogue.advice)


class TestTranslationsForBundledItems:
    """A pack can translate bundled items: into a new language, or over a bundled translation."""

    @staticmethod
    def _pack(tmp_path: Path, locale: str, title: str) -> Path:
        pack = tmp_path / f"translations-{locale}"
        folder = pack / "locale" / locale / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (pack / "pack.toml").write_text('name = "our-translations"\n', encoding="utf-8")
        (folder / "sextingsafe.po").write_text(
            "\n".join(
                [
                    'msgid ""',
                    'msgstr ""',
                    f'"Language: {locale}\\n"',
                    '"Content-Type: text/plain; charset=UTF-8\\n"',
                    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
                    "",
                    'msgctxt "advice:ask-who-should-see-it:title"',
                    'msgid "Ask yourself who you want to see it"',
                    f'msgstr "{title}"',
                    "",
                ]
            ),
            encoding="utf-8",
        )
        return pack

    def test_a_new_language(self, tmp_path: Path) -> None:
        """A pack that only holds Swedish translations adds Swedish for those texts."""
        catalogue = Catalogue.load(
            self._pack(tmp_path, "sv", "Fråga dig själv vem du vill ska se den")
        )
        title = catalogue.advice["ask-who-should-see-it"].localize("sv").title

        assert "sv" in catalogue.supported_locales()
        assert ("Fråga dig själv vem du vill ska se den", "sv", False) == (
            str(title),
            title.locale,
            title.is_fallback,
        )

    def test_over_a_bundled_translation(self, tmp_path: Path) -> None:
        """A pack's translation of a bundled text takes precedence over the bundled one."""
        catalogue = Catalogue.load(self._pack(tmp_path, "fr", "Notre traduction à nous"))

        assert (
            "Notre traduction à nous"
            == catalogue.advice["ask-who-should-see-it"].localize("fr").title
        )
        assert (
            "Notre traduction à nous"
            != Catalogue.bundled().advice["ask-who-should-see-it"].localize("fr").title
        )

"""A pack's content files: which are read, in what order, and each problem in full on its line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sextingsafe import PackError, PackProblem
from sextingsafe._packs import MAX_FILE_BYTES, read_pack

from .conftest import MakePack

UNKNOWN_FILE = (
    "unknown content file; expected a name like sources.toml, occasions.toml, quotes.toml, "
    "resources.toml, facts.toml, advice.toml, glossary.toml, faq.toml, scripts.toml, "
    "emergency.toml (or 'advice-topic.toml')"
)


@pytest.mark.parametrize(
    ("files", "problems"),
    [
        ({"notes.toml": "a = 1\n"}, [PackProblem("notes.toml", 0, UNKNOWN_FILE)]),
        (
            {"facts-extra.toml": '# extra\n[[advice]]\nid = "x"\n'},
            [PackProblem("facts-extra.toml", 2, "unknown table 'advice'; expected [[fact]]")],
        ),
        (
            {"quotes-extra.toml": '[[advice]]\nid = "x"\n'},
            [
                PackProblem(
                    "quotes-extra.toml",
                    1,
                    "unknown table 'advice'; expected [[speaker]] or [[quote]]",
                )
            ],
        ),
        (
            {"facts-extra.toml": "# extra\n\nfact = 1\n"},
            [PackProblem("facts-extra.toml", 3, "'fact' must be an array of tables: [[fact]]")],
        ),
        (
            {"facts-extra.toml": "# extra\nfact = [1, 2]\n"},
            [PackProblem("facts-extra.toml", 2, "each [[fact]] must be a table")] * 2,
        ),
        (
            {"facts-extra.toml": b"# ok\n# \xff bad\n"},
            [PackProblem("facts-extra.toml", 2, "not valid UTF-8: invalid start byte")],
        ),
        (
            {"facts-extra.toml": "[[fact]]\nid = \n"},
            [PackProblem("facts-extra.toml", 2, "bad TOML: Invalid value (at line 2, column 6)")],
        ),
        (
            {"facts-extra.toml": "# fine\na = " + "[" * 150 + "]" * 150 + "\n"},
            [PackProblem("facts-extra.toml", 2, "a value is nested too deeply")],
        ),
        (
            {"facts-extra.toml": '# extra\n\na = "unterminated'},
            [
                PackProblem(
                    "facts-extra.toml", 3, "bad TOML: Unterminated string (at end of document)"
                )
            ],
        ),
        (
            # Deep enough for tomllib itself to give up (a RecursionError).
            {"facts-extra.toml": "# extra\na = " + "[" * 5000 + "]" * 5000 + "\n"},
            [PackProblem("facts-extra.toml", 2, "a value is nested too deeply")],
        ),
        ({"facts-extra.toml": "\ufeff# a byte order mark is allowed\n"}, []),
    ],
)
def test_problems(
    make_pack: MakePack, files: dict[str, str | bytes], problems: list[PackProblem]
) -> None:
    """Each file's problem, with its line where the file has one."""
    assert problems == list(read_pack(make_pack("example", files)).problems)


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("facts-extra.toml", '[[advice]]\nid = "x"\n\n[[fact]]\nid = "after"\n', "fact"),
        ("quotes-extra.toml", 'quote = 1\n\n[[speaker]]\nid = "after"\n', "speaker"),
    ],
)
def test_good_tables_after_a_bad_one(make_pack: MakePack, name: str, text: str, kind: str) -> None:
    """A wrong table is one problem, and the file's later tables are still read."""
    raw = read_pack(make_pack("example", {name: text}))

    assert 1 == len(raw.problems)
    assert [(kind, "after")] == [(r.kind, r.data["id"]) for r in raw.records if r.path == name]


def test_not_a_directory(tmp_path: Path) -> None:
    """A path that is not a directory is a PackError saying what a pack is."""
    path = tmp_path / "pack.zip"
    path.write_bytes(b"")

    with pytest.raises(PackError) as caught:
        read_pack(path)

    assert (
        str(path),
        (PackProblem(str(path), 0, "not a directory; a content pack is a directory"),),
    ) == (
        caught.value.pack,
        caught.value.problems,
    )


def test_without_pack_toml(make_pack: MakePack) -> None:
    """Without pack.toml a pack is named for its directory and overrides nothing."""
    raw = read_pack(make_pack("example", {"pack.toml": None}, name="my-pack"))

    assert ("my-pack", frozenset(), ()) == (raw.name, raw.overrides, raw.problems)


def test_unreadable_ids(make_pack: MakePack) -> None:
    """The ids in a file that cannot be parsed are noted, so references to them are not errors."""
    raw = read_pack(make_pack("example", {"advice-more.toml": '[[advice]]\nid = "gone"\nx =\n'}))

    assert frozenset({("advice", "gone")}) == raw.unreadable


def test_files_that_are_not_read(make_pack: MakePack) -> None:
    """A link, a directory and a file over the size limit are each refused, unread."""
    pack = make_pack("example")
    os.symlink(pack / "facts.toml", pack / "facts-link.toml")
    (pack / "facts-dir.toml").mkdir()
    (pack / "facts-huge.toml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))

    assert [
        PackProblem("facts-dir.toml", 0, "not a regular file"),
        PackProblem(
            "facts-huge.toml",
            0,
            f"file is {MAX_FILE_BYTES + 1} bytes; the limit is {MAX_FILE_BYTES}",
        ),
        PackProblem("facts-link.toml", 0, "symbolic links are not followed in content packs"),
    ] == list(read_pack(pack).problems)


def test_a_file_at_the_limit_is_read(make_pack: MakePack) -> None:
    """A file of exactly the size limit is read."""
    raw = read_pack(make_pack("example", {"facts-extra.toml": b"#" * MAX_FILE_BYTES}))

    assert () == raw.problems


def test_main_file_first(make_pack: MakePack) -> None:
    """A kind's main file is read before its others, whatever their names sort as."""
    extra = (
        '[[advice]]\nid = "aaa-first-by-name"\naudiences = ["parents-carers"]\n'
        'topics = ["support"]\ntitle = "T"\nbody = "B."\nsources = ["example-guidance"]\n'
        "reviewed = 2026-11-27\n"
    )
    raw = read_pack(make_pack("example", {"advice-aaa.toml": extra}))

    assert [("advice.toml", "example-talk"), ("advice-aaa.toml", "aaa-first-by-name")] == [
        (r.path, r.data["id"]) for r in raw.records if r.kind == "advice"
    ]


def test_a_valid_pack_is_not_indexed(monkeypatch: pytest.MonkeyPatch, example_pack: Path) -> None:
    """Lines are found only for a problem: reading a valid pack never indexes its text."""
    from sextingsafe import _packs

    def indexed(text: str) -> None:
        raise AssertionError("a valid pack's lines were indexed")

    monkeypatch.setattr(_packs, "_line_index", indexed)

    assert () == read_pack(example_pack).problems

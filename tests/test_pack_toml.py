"""pack.toml: a pack's name and the ids it overrides, each problem in full on its line."""

from __future__ import annotations

import pytest

from sextingsafe import PackProblem
from sextingsafe._packs import read_pack

from .conftest import MakePack

NAME_RULE = "name must be up to 64 letters, digits, spaces, '.', '_' or '-', got "


@pytest.mark.parametrize(
    ("text", "name", "overrides", "problems"),
    [
        ('name = "My pack 2.0_b-c"\n', "My pack 2.0_b-c", [], []),
        ('name = "' + "a" * 64 + '"\n', "a" * 64, [], []),
        ('overrides = ["ok-id"]\n', "pack", ["ok-id"], []),  # no name: the directory's
        (
            'name = "x\\nevil/advice.toml:1: forged"\n',
            "pack",
            [],
            [PackProblem("pack.toml", 1, NAME_RULE + "'x\\nevil/advice.toml:1: forged'")],
        ),
        ("name = 5\n", "pack", [], [PackProblem("pack.toml", 1, NAME_RULE + "'5'")]),
        (
            'name = "' + "a" * 65 + '"\n',
            "pack",
            [],
            [PackProblem("pack.toml", 1, NAME_RULE + "'" + "a" * 40 + "'… (65 characters)")],
        ),
        (
            'name = "p"\noverrides = "x"\n',
            "p",
            [],
            [PackProblem("pack.toml", 2, "overrides must be a list of ids, got 'x'")],
        ),
        (
            'name = "p"\noverrides = ["a", 3]\n',
            "p",
            [],
            [PackProblem("pack.toml", 2, "overrides must be a list of ids, got \"['a', 3]\"")],
        ),
        (
            'name = "p"\n\noverrides = ["Not An Id", "ok-id", "Bad_2", "-x", "x-", "a--b", "Z"]\n',
            "p",
            ["-x", "Bad_2", "Not An Id", "Z", "a--b", "ok-id", "x-"],
            [
                PackProblem(
                    "pack.toml",
                    3,
                    "overrides must hold item ids such as 'report-remove', or country codes "
                    "such as 'GB' for emergency numbers, got 'Not An Id', 'Bad_2', '-x', 'x-', "
                    "'a--b'",
                )
            ],
        ),
        # An emergency record's id is its country code.
        ('name = "p"\noverrides = ["GB", "report-remove"]\n', "p", ["GB", "report-remove"], []),
        (
            'name = "p"\noverrides = ["GBR", "Gb", "G", "gb"]\n',
            "p",
            ["G", "GBR", "Gb", "gb"],
            [
                PackProblem(
                    "pack.toml",
                    2,
                    "overrides must hold item ids such as 'report-remove', or country codes "
                    "such as 'GB' for emergency numbers, got 'GBR', 'Gb', 'G'",
                )
            ],
        ),
        # Keys, values and ids are quoted cut to 40 characters: these have 41.
        (
            'name = "p"\n' + "k" * 41 + " = 1\n",
            "p",
            [],
            [
                PackProblem(
                    "pack.toml",
                    2,
                    "unknown key '"
                    + "k" * 40
                    + "'… (41 characters); expected one of name, overrides",
                )
            ],
        ),
        (
            'name = "p"\noverrides = "' + "o" * 41 + '"\n',
            "p",
            [],
            [
                PackProblem(
                    "pack.toml",
                    2,
                    "overrides must be a list of ids, got '" + "o" * 40 + "'… (41 characters)",
                )
            ],
        ),
        (
            'name = "p"\noverrides = ["' + "X" * 41 + '"]\n',
            "p",
            ["X" * 41],
            [
                PackProblem(
                    "pack.toml",
                    2,
                    "overrides must hold item ids such as 'report-remove', or country codes "
                    "such as 'GB' for emergency numbers, got '" + "X" * 40 + "'… (41 characters)",
                )
            ],
        ),
        (
            'nmae = "typo"\nname = "p"\naaa = 1\n',
            "p",
            [],
            [
                PackProblem("pack.toml", 3, "unknown key 'aaa'; expected one of name, overrides"),
                PackProblem("pack.toml", 1, "unknown key 'nmae'; expected one of name, overrides"),
            ],
        ),
    ],
)
def test_pack_toml(
    make_pack: MakePack,
    text: str,
    name: str,
    overrides: list[str],
    problems: list[PackProblem],
) -> None:
    """The name (the directory's where pack.toml gives none or a bad one), overrides, problems.

    A bad name is quoted, clipped to 40 characters: it starts every problem line, so it must
    not carry a newline (which would forge another line) or run on.
    """
    raw = read_pack(make_pack("example", {"pack.toml": text}, name="pack"))

    assert (name, overrides, problems) == (
        raw.name,
        sorted(raw.overrides),
        list(raw.problems),
    )

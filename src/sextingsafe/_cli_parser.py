"""The ``sextingsafe`` command's grammar: its commands, options, help texts and exit statuses.

:mod:`sextingsafe._cli` parses with :func:`build_parser` and runs the command.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from typing import Any, NoReturn

from . import _cli_apps, _cli_reference
from ._model import Audience, ChannelKind, ResourceKind, Topic
from ._version import __version__

__all__ = ["EXIT_NOT_FOUND", "EXIT_OK", "EXIT_USAGE", "build_parser"]

#: The exit statuses: done, not found or invalid, a usage error.
EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, pointing at ``--help``."""

    def error(self, message: str) -> NoReturn:
        """Print *message* on one line, without the usage, and exit with status 2."""
        # Only the first line: argparse quotes user input in its messages.
        first = message.splitlines()[0] if message else "invalid arguments"
        self.exit(EXIT_USAGE, f"{self.prog}: error: {first} (see '{self.prog} --help')\n")


def _date(text: str) -> dt.date:
    """Read a YYYY-MM-DD day for --on."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        reason = str(error).removeprefix("Invalid isoformat string: ")
        shown = text if len(text) <= 30 else text[:30] + "…"
        detail = "" if reason.startswith("'") else f" ({reason})"
        raise argparse.ArgumentTypeError(
            f"{shown!r} is not a day written YYYY-MM-DD{detail}"
        ) from None


class _VersionAction(argparse.Action):
    """``--version``: the code's version and the content's, read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "show the code and content versions and exit")
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        from ._content_version import content_version

        print(f"{parser.prog} {__version__} (content {content_version()})")
        parser.exit()


def _values(metavar: str, values: Any) -> dict[str, Any]:
    """An option's metavar and help listing its values (the library checks them)."""
    return {"metavar": metavar, "help": "one of: " + ", ".join(v.value for v in values)}


def build_parser() -> argparse.ArgumentParser:  # noqa: PLR0915 - one statement per option
    common = _Parser(add_help=False)
    common.add_argument(
        "--locale", "-l", help="BCP 47 or POSIX locale, e.g. pl, pt-BR, ar (default: en)"
    )
    common.add_argument(
        "--format", "-f", choices=("text", "json"), default="text", help="output format"
    )
    common.add_argument(
        "--pack",
        action="append",
        default=[],
        metavar="PATH",
        help="also load this content pack (repeatable)",
    )
    listing = _Parser(add_help=False)
    listing.add_argument(
        "--limit", "-n", type=_cli_apps.positive, metavar="N", help="show at most N items"
    )
    # Filter values are checked by the library, so that a typo gets "did you mean" (status 1).
    topics, audiences = _values("TOPIC", Topic), _values("AUDIENCE", Audience)

    parser: argparse.ArgumentParser = _Parser(
        prog="sextingsafe",
        description="Sourced, localised awareness content about young people sharing nude images.",
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    tip = sub.add_parser("tip", parents=[common], help="the tip of the day, with where to get help")
    tip.add_argument("--on", type=_date, metavar="YYYY-MM-DD", help="the day (default: today)")
    tip.add_argument("--audience", default="young-people", **audiences)
    tip.add_argument("--topic", **topics)
    _help_options(tip)

    facts = sub.add_parser("facts", parents=[common, listing], help="statistics with their sources")
    facts.add_argument("--topic", **topics)
    facts.add_argument("--jurisdiction", help="ISO 3166 code, e.g. GB or GB-SCT")

    quotes = sub.add_parser(
        "quotes", parents=[common, listing], help="quotes with speaker and source"
    )
    quotes.add_argument("--speaker", help="speaker id, e.g. zena-marshall")
    quotes.add_argument("--topic", **topics)

    advice = sub.add_parser(
        "advice", parents=[common, listing], help="advice by audience and topic"
    )
    advice.add_argument("--audience", **audiences)
    advice.add_argument("--topic", **topics)
    advice.add_argument("--jurisdiction", help="ISO 3166 code, e.g. GB or GB-SCT")
    _help_options(advice)
    _cli_reference.add_commands(sub, common, topics, audiences, _help_options)

    resources = sub.add_parser(
        "resources", parents=[common, listing], help="helplines and report/removal services"
    )
    resources.add_argument("--country", "-c", help="ISO 3166-1 country code, e.g. GB")
    resources.add_argument(
        "--kind", metavar="KIND", help="one of: " + ", ".join(k.value for k in ResourceKind)
    )
    resources.add_argument("--audience", **audiences)
    resources.add_argument(
        "--channel", metavar="CHANNEL", help="one of: " + ", ".join(c.value for c in ChannelKind)
    )

    occasions = sub.add_parser(
        "occasions", parents=[common, listing], help="campaign moments and their dates"
    )
    occasions.add_argument(
        "--on",
        type=_date,
        metavar="YYYY-MM-DD",
        help="only the occasions near this day",
    )

    show = sub.add_parser("show", parents=[common], help="one item, by id")
    show.add_argument("id")
    _help_options(show)

    sub.add_parser(
        "locales", parents=[common, listing], help="supported locales, with coverage and reviews"
    )

    export = sub.add_parser("export", help="all content as JSON or JSON-LD, for other languages")
    export.add_argument("--format", "-f", choices=("json", "jsonld"), default="json")
    export.add_argument(
        "--locale",
        "-l",
        default=None,
        help="'all' or one locale (JSON default: all; JSON-LD default: en)",
    )
    export.add_argument(
        "--pack", action="append", default=[], metavar="PATH", help="also load this pack"
    )
    export.add_argument(
        "--output", "-o", metavar="FILE", help="write here instead of standard output"
    )
    export.add_argument(
        "--country",
        "-c",
        help="JSON-LD: the reader's ISO country code; each advice item mentions the help for it "
        "(JSON carries a help table for every country)",
    )
    export.add_argument(
        "--split",
        metavar="DIR",
        help="write index.json and one bundle per locale into DIR (JSON only)",
    )
    _cli_apps.add_search(sub, common)
    _cli_apps.add_diff(sub)

    validate = sub.add_parser("validate", help="check content packs and list every problem")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a content pack directory")
    validate.add_argument(
        "--format", "-f", choices=("text", "json"), default="text", help="output format"
    )
    _describe(sub)
    return parser


#: Each command's description and examples, shown by ``sextingsafe COMMAND --help``.
_HELP: dict[str, tuple[str, tuple[str, ...]]] = {
    "tip": (
        (
            "Print the tip of the day for young people (the same all day), then where to get help "
            "in the country given."
        ),
        (
            "sextingsafe tip --country GB",
            "sextingsafe tip --locale pl --country PL --on 2026-02-14",
        ),
    ),
    "facts": (
        "Print statistics, each with its period, place and sources.",
        ("sextingsafe facts --topic police-response", "sextingsafe facts --jurisdiction GB-SCT"),
    ),
    "quotes": (
        (
            "Print quotes in their original words, with speaker, date and sources, and a marked "
            "translation where there is one."
        ),
        ("sextingsafe quotes --speaker zena-marshall", "sextingsafe quotes --locale fr"),
    ),
    "advice": (
        "Print advice for an audience, a topic or a place.",
        (
            "sextingsafe advice --audience parents-carers",
            "sextingsafe advice --topic before-sending --jurisdiction GB --locale ar",
        ),
    ),
    "resources": (
        (
            "Print helplines and report and removal services: a country's own first, then the ones "
            "anyone can use."
        ),
        (
            "sextingsafe resources --country GB",
            "sextingsafe resources --kind removal --format json",
        ),
    ),
    "occasions": (
        "Print campaign moments (Safer Internet Day ...) with their next date.",
        ("sextingsafe occasions", "sextingsafe occasions --on 2026-02-10"),
    ),
    "show": (
        "Print one fact, quote, advice item or resource by its id.",
        ("sextingsafe show childline-gb", "sextingsafe show ask-who-should-see-it --locale pl"),
    ),
    "locales": (
        "Print the supported locales with how much is translated, reviewed, missing and fuzzy.",
        ("sextingsafe locales", "sextingsafe locales --pack ./my-pack --format json"),
    ),
    "export": (
        (
            "Write all content as JSON (every locale, for apps in other languages) "
            "or as schema.org JSON-LD."
        ),
        ("sextingsafe export -o content.json", "sextingsafe export --format jsonld --locale fr"),
    ),
    "search": (
        (
            "Find facts, quotes, advice and resources by their words, in the locale given; "
            "the best matches first."
        ),
        ("sextingsafe search nudes", "sextingsafe search --locale pl --kind advice zdjęcie"),
    ),
    "validate": (
        (
            "Check content packs beside the bundled content, TOML and translation catalogues "
            "alike; print every problem as PACK/FILE:LINE: message. Exit status 1 if any pack "
            "has one."
        ),
        ("sextingsafe validate ./my-pack", "sextingsafe validate ./pack-a ./pack-b --format json"),
    ),
}


#: Examples of the commands that describe themselves.
_EXAMPLES: dict[str, tuple[str, ...]] = {
    "diff": ("sextingsafe diff old.json installed", "sextingsafe diff ./v1 ./v2 --format markdown"),
}


def _describe(sub: Any) -> None:
    """Give each command's ``--help`` a description and examples."""
    for name, command in sub.choices.items():
        if name in _EXAMPLES:
            command.epilog = "examples:\n" + "\n".join(f"  {e}" for e in _EXAMPLES[name])
            command.formatter_class = argparse.RawDescriptionHelpFormatter
        if name not in _HELP:
            continue
        description, examples = _HELP[name]
        command.description = description
        command.epilog = "examples:\n" + "\n".join(f"  {e}" for e in examples)
        command.formatter_class = argparse.RawDescriptionHelpFormatter


def _help_options(parser: argparse.ArgumentParser) -> None:
    """The reader's circumstances, for advice: which help to show, resolved as the API does."""
    parser.add_argument(
        "--country",
        "-c",
        help="the reader's ISO country code, e.g. GB or PL: help is that country's, then "
        "worldwide (default: unknown, so worldwide services only)",
    )
    parser.add_argument(
        "--age",
        type=int,
        help="the reader's age: the advice that suits it (advice without ages suits all), "
        "and services for it only",
    )
    parser.add_argument(
        "--taken-at-age",
        type=int,
        metavar="AGE",
        help="the age of the person in an image when it was taken: the removal tools for it",
    )
    parser.add_argument(
        "--at",
        type=_aware_time,
        metavar="YYYY-MM-DDTHH:MM+HH:MM",
        help="list services open at this time first ('now' for the current time)",
    )


def _aware_time(value: str) -> dt.datetime:
    if value == "now":
        return dt.datetime.now(dt.UTC)
    found = dt.datetime.fromisoformat(value)
    if found.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{value!r} has no UTC offset, e.g. +01:00 or Z")
    return found

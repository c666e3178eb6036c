"""The ``sextingsafe`` command: print localised content, check packs."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from . import _cli_apps, _cli_reference
from ._bidi import isolate
from ._build import build
from ._catalogue import Catalogue, default_catalogue
from ._collections import Collection
from ._errors import (
    ContentNotFoundError,
    InvalidFilterError,
    InvalidLocaleError,
    PackError,
    PackProblem,
)
from ._export import item_to_dict
from ._format import format_day
from ._help import parse_country
from ._i18n import WRITTEN_IN, direction, parse_locale, to_babel
from ._localized import LocalizedAdvice, LocalizedQuestion, LocalizedScript, LocalizedText
from ._model import (
    Advice,
    Audience,
    ChannelKind,
    Fact,
    Need,
    Occasion,
    Quote,
    Resource,
    ResourceKind,
    Review,
    Topic,
)
from ._packs import PackContent, check_catalogues, read_pack, translation_warnings
from ._reference import Question, Script, Term
from ._version import __version__

__all__ = ["main"]

_Reference = Term | Question | Script

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


def _parser() -> argparse.ArgumentParser:  # noqa: PLR0915 - one statement per option
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


def _reader(args: argparse.Namespace) -> dict[str, Any]:
    """The country, age and time the advice's help is resolved for."""
    return {
        "country": getattr(args, "country", None),
        "age": getattr(args, "age", None),
        "taken_at_age": getattr(args, "taken_at_age", None),
        "at": getattr(args, "at", None),
    }


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 not found or invalid, 2 usage).

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` by default.
        stdout: Where to write; standard output by default.
    """
    out = stdout if stdout is not None else sys.stdout
    try:
        with contextlib.redirect_stdout(out):  # --help and --version print to stdout
            args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        return _run(args, out)
    except (ContentNotFoundError, InvalidFilterError, InvalidLocaleError, PackError) as error:
        print(f"sextingsafe: error: {error}", file=sys.stderr)
        return EXIT_NOT_FOUND
    except BrokenPipeError:
        # The reader went away (`sextingsafe facts | head`): not an error worth a traceback.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "validate":
        return _validate(args.paths, args.format, out)
    if args.command == "diff":
        return _cli_apps.run_diff(args, out)
    catalogue = Catalogue.load(*args.pack) if args.pack else default_catalogue()
    if args.command == "export":
        return _export_command(catalogue, args, out)
    if args.command == "search":
        return _cli_apps.run_search(catalogue, args, out)
    locale = args.locale
    items: Sequence[Any]
    reader = _reader(args)
    if args.command == "tip":
        # The country first: a bad code is then reported as a country, not a jurisdiction.
        if args.country is not None:
            parse_country(args.country)
        tip = catalogue.advice.tip(
            on=args.on,
            audience=args.audience,
            topic=args.topic,
            jurisdiction=args.country,
            age=args.age,
        )
        if args.format == "json":
            return _json(item_to_dict(tip, locale, **reader), out)
        day = args.on if args.on is not None else dt.date.today()  # noqa: DTZ011
        for occasion in tip.occasions:
            when = occasion.active_on(day)
            if when is not None:
                voice = _Voice(locale, catalogue)
                name = occasion.localized_field("name", locale)
                voice.say(out, f"({name}, {voice.day(when)})\n")
        _print_advice(tip, locale, out, catalogue, reader)
        _cli_apps.print_correction(catalogue, locale, out)
        return EXIT_OK
    if args.command == "facts":
        items = catalogue.facts.select(topic=args.topic, jurisdiction=args.jurisdiction)
    elif args.command == "quotes":
        if args.speaker is not None:
            catalogue.speakers[args.speaker]  # an unknown speaker: not found, with suggestions
        items = catalogue.quotes.select(speaker=args.speaker, topic=args.topic)
    elif args.command == "advice":
        items = catalogue.advice.select(
            audience=args.audience, topic=args.topic, jurisdiction=args.jurisdiction, age=args.age
        )
    elif args.command in _cli_reference.COMMANDS:
        items = _cli_reference.select(catalogue, args)
    elif args.command == "resources":
        items = catalogue.resources.select(
            country=args.country, kind=args.kind, audience=args.audience, channel=args.channel
        )
    elif args.command == "occasions":
        return _occasions(catalogue, args, out)
    elif args.command == "show":
        items = [_find(catalogue, args.id)]
    else:
        return _locales(catalogue, args.format, out, args.limit)
    items = items[: getattr(args, "limit", None)]
    if args.format == "json":
        return _json([item_to_dict(item, locale, **reader) for item in items], out)
    for number, item in enumerate(items):
        if number:
            print(file=out)
        _print_item(item, locale, out, catalogue, reader)
    return EXIT_OK


def _find(catalogue: Catalogue, item_id: str) -> Fact | Quote | Advice | Resource | _Reference:
    collections: tuple[Collection[Any], ...] = (
        catalogue.facts,
        catalogue.quotes,
        catalogue.advice,
        catalogue.resources,
        catalogue.glossary,
        catalogue.faq,
        catalogue.scripts,
    )
    for collection in collections:
        if item_id in collection:
            found: Fact | Quote | Advice | Resource | _Reference = collection[item_id]
            return found
    import difflib

    every = [item for collection in collections for item in collection]
    raise ContentNotFoundError(
        "item", item_id, difflib.get_close_matches(item_id, every, n=3, cutoff=0.6)
    )


def _json(data: object, out: TextIO) -> int:
    json.dump(data, out, ensure_ascii=False, indent=2)
    print(file=out)
    return EXIT_OK


class _Voice:
    """What the reader sees around the content: labels, dates and notes in their language.

    Text for a right-to-left reader has its numbers, addresses and Latin names isolated.
    """

    def __init__(self, locale: str | None, catalogue: Catalogue | None = None) -> None:
        self.locale = locale
        self.catalogue = catalogue if catalogue is not None else default_catalogue()
        self.wanted = parse_locale(locale)
        self.rtl = direction(self.wanted) == "rtl"

    def label(self, name: str) -> str:
        """Return the interface label *name* in the reader's language."""
        return str(self.catalogue.label(name, self.locale))

    def day(self, day: dt.date) -> str:
        """Return *day* written as the reader's locale writes dates."""
        used = parse_locale(self.catalogue.label("sources", self.locale).locale)
        # The reader's own region when they gave one (pt-BR, en-US), else the variety the
        # catalogue is written in (British English, European Portuguese).
        own = [str(self.wanted)] if self.wanted.territory else []
        for name in (*own, WRITTEN_IN.get(str(used), str(used)), "en_GB"):
            try:
                return format_day(day, to_babel(name))
            except LookupError:  # a region Babel has no data for: try the next
                continue
        return day.isoformat()

    def say(self, out: TextIO, *parts: object) -> None:
        """Print *parts* as one line, isolated for a right-to-left reader."""
        line = " ".join(str(part) for part in parts)
        print(isolate(line, "rtl") if self.rtl else line, file=out)

    def frame(self, out: TextIO, texts: Sequence[LocalizedText | None]) -> None:
        """Say, in the reader's language, when texts are unreviewed or fell back to English."""
        shown = [t for t in texts if t is not None]
        if any(t.review is Review.UNREVIEWED for t in shown):
            self.say(out, f"  ({self.label('unreviewed')})")
        # A region served by its language (pl-PL reading pl) is not a fallback to the reader.
        if any(
            parse_locale(t.locale).language != parse_locale(t.requested).language for t in shown
        ):
            self.say(out, f"  ({self.label('not-translated')})")


def _sources(
    item: Fact | Quote | Advice | Resource | Occasion | _Reference, out: TextIO, voice: _Voice
) -> None:
    for source in item.sources:
        where = source.url or ("" if source.via else voice.label("in-print"))
        if source.via:
            where = f"{where} ({voice.label('read-at-a-copy')}: {source.via})".lstrip()
        date = voice.day(source.published) if source.published else voice.label("undated")
        cited = f'{source.publisher}, "{source.title}" ({date}) {where}'.rstrip()
        voice.say(out, f"  {voice.label('source')}: {cited}")


def _print_item(
    item: Fact | Quote | Advice | Resource | _Reference,
    locale: str | None,
    out: TextIO,
    catalogue: Catalogue,
    reader: dict[str, Any],
) -> None:
    voice = _Voice(locale, catalogue)
    texts: list[LocalizedText | None]
    if isinstance(item, Term | Question | Script):
        shown = _cli_reference.print_reference(item, locale, lambda line: voice.say(out, line))
        texts = list(shown)
        if isinstance(item, Question | Script) and item.needs:
            _print_help(item.localize(locale, **reader), locale, out, catalogue)
    elif isinstance(item, Fact):
        fact = item.localize(locale)
        voice.say(out, f"[{item.id}]", fact.statement)
        if fact.caveat:
            voice.say(out, f"  {voice.label('caveat')}: {fact.caveat}")
        texts = [fact.statement, fact.caveat]
    elif isinstance(item, Quote):
        quote = item.localize(locale)
        voice.say(out, f"[{item.id}]")
        if quote.content_note:
            voice.say(out, f"  {voice.label('content-note')}: {quote.content_note}")
        voice.say(out, f'  "{quote.text}"')
        if quote.translation:
            voice.say(out, f'  {voice.label("translation")}: "{quote.translation}"')
        speaker = item.speaker
        name = speaker.name
        if speaker.pseudonymous:
            name = f"{speaker.name} ({voice.label('pseudonym')})"
        voice.say(out, f"  — {name}, {quote.role}, {voice.day(item.date)}")
        texts = [quote.translation, quote.role, quote.content_note]
    elif isinstance(item, Advice):
        _print_advice(item, locale, out, catalogue, reader)
        _sources(item, out, voice)
        return
    else:
        resource = item.localize(locale)
        _print_resource(item, locale, out, catalogue)
        texts = [resource.description]
    _sources(item, out, voice)
    voice.frame(out, texts)


def _print_advice(
    item: Advice,
    locale: str | None,
    out: TextIO,
    catalogue: Catalogue,
    reader: dict[str, Any],
) -> None:
    """Print the advice, then the help for the reader, as the API resolves it."""
    voice = _Voice(locale, catalogue)
    advice = item.localize(locale, **reader)
    voice.say(out, f"{advice.title}\n\n{advice.body}")
    voice.frame(out, [advice.title, advice.body])
    _print_help(advice, locale, out, catalogue)


def _print_help(
    view: LocalizedAdvice | LocalizedQuestion | LocalizedScript,
    locale: str | None,
    out: TextIO,
    catalogue: Catalogue,
) -> None:
    """Print where to get help: the view's services for the reader's country, by need."""
    voice = _Voice(locale, catalogue)
    count = catalogue.label("places-to-get-help", locale, count=len(view.resources))
    voice.say(out, f"\n{count}:")
    if view.country_notice is not None:
        voice.say(out, f"\n{view.country_notice}")
    if view.emergency is not None and Need.EMERGENCY in view.needs:
        voice.say(out, f"\n{view.emergency.sentence}")
    for group in view.help:
        if group.resources:
            voice.say(out, f"\n{group.label}:")
        for resource in group.resources:
            _print_resource(resource.resource, locale, out, catalogue)


def _print_resource(
    item: Resource, locale: str | None, out: TextIO, catalogue: Catalogue | None = None
) -> None:
    """Print a resource: how to reach it and how fresh each detail is, hours, limits, checked.

    A stale detail is marked with the note asking the reader to check it.
    """
    voice = _Voice(locale, catalogue)
    label = voice.label
    resource = item.localize(locale)
    where = ", ".join(item.countries) or label("worldwide")
    flag = f" [{label('partial')}]" if item.confidence.value == "partial" else ""
    voice.say(out, f"* {item.name} ({item.operator}; {where}){flag}: {resource.description}")
    stale = f" [{resource.stale_note}]" if resource.stale_note is not None else ""
    for channel in resource.channels:
        if channel.channel.value:
            as_of = f" ({label('as-of')} {channel.as_of})" if channel.as_of is not None else ""
            marker = stale if channel.stale else ""
            voice.say(out, f"    {channel.label}: {channel.channel.value}{as_of}{marker}")
    if item.url and item.url not in {c.value for c in item.channels}:
        voice.say(out, f"    {label('web')}: {item.url}")
    if resource.hours:
        dates = {c.as_of for c in resource.channels if c.hours is not None}
        as_of = (
            f" ({label('as-of')} {next(iter(dates))})"
            if len(dates) == 1 and None not in dates
            else ""
        )
        voice.say(out, f"    {label('hours')}: {resource.hours}{as_of}")
    for limit in resource.limits:
        voice.say(out, f"    - {limit}")
    if resource.checked is not None:
        voice.say(out, f"    {label('last-checked')}: {resource.checked}")
    if resource.undated_note is not None:
        voice.say(out, f"    [{resource.undated_note}]")
    if "description" in resource.stale:
        voice.say(out, f"   {stale}")


def _occasions(catalogue: Catalogue, args: argparse.Namespace, out: TextIO) -> int:
    found = catalogue.occasions.on(args.on) if args.on else tuple(catalogue.occasions.values())
    found = found[: args.limit]
    day = args.on or dt.date.today()  # noqa: DTZ011
    if args.format == "json":
        return _json([item_to_dict(o, args.locale) for o in found], out)
    voice = _Voice(args.locale, catalogue)
    for occasion in found:
        date = occasion.next_date(day)
        when = voice.day(date) if date else voice.label("next-date-unknown")
        name = occasion.localized_field("name", args.locale)
        voice.say(out, f"[{occasion.id}] {name}: {when}")
        _sources(occasion, out, voice)
        voice.frame(out, [name])
    return EXIT_OK


def _export_command(catalogue: Catalogue, args: argparse.Namespace, out: TextIO) -> int:
    if args.split is not None:
        if args.format != "json" or args.locale is not None or args.output is not None:
            print(
                "sextingsafe: error: --split writes every locale as JSON: "
                "it takes no --format jsonld, --locale or --output",
                file=sys.stderr,
            )
            return EXIT_USAGE
        return _cli_apps.write_split(catalogue, args.split)
    if args.format == "jsonld":
        from ._jsonld import export_jsonld

        data = export_jsonld(catalogue, args.locale, args.country)
    else:
        from ._export import export

        data = export(catalogue, args.locale if args.locale is not None else "all")
    if args.output is None:
        return _json(data, out)
    try:
        with open(args.output, "w", encoding="utf-8") as handle:
            _json(data, handle)
    except OSError as error:
        print(
            f"sextingsafe: error: cannot write {args.output!r}: {error.strerror}", file=sys.stderr
        )
        return EXIT_NOT_FOUND
    return EXIT_OK


def _locales(catalogue: Catalogue, fmt: str, out: TextIO, limit: int | None) -> int:
    infos = catalogue.locales()[:limit]
    if fmt == "json":
        return _json(
            [
                {
                    "locale": i.tag,
                    "source": i.source,
                    "direction": i.direction,
                    "total": i.total,
                    "translated": i.translated,
                    "reviewed": i.reviewed,
                    "missing": i.missing,
                    "fuzzy": i.fuzzy,
                    "complete": i.complete,
                }
                for i in infos
            ],
            out,
        )
    header = (
        f"{'locale':<10} {'dir':<4} {'translated':>10} {'reviewed':>9} {'missing':>8} {'fuzzy':>6}"
    )
    print(header, file=out)
    for i in infos:
        if i.source:
            note = "  (source language)"
        else:
            # Percent of the messages, rounded down, so that "partial" never reads as 100 %.
            note = "  complete" if i.complete else f"  partial ({100 * i.translated // i.total} %)"
        print(
            f"{i.tag:<10} {i.direction:<4} {i.translated:>10} {i.reviewed:>9} {i.missing:>8} "
            f"{i.fuzzy:>6}{note}",
            file=out,
        )
    return EXIT_OK


def _validate(paths: Sequence[str], fmt: str, out: TextIO) -> int:
    reports = [_validate_one(path) for path in paths]
    ok = all(not report["problems"] for report in reports)
    if fmt == "json":
        _json({"ok": ok, "packs": reports}, out)
        return EXIT_OK if ok else EXIT_NOT_FOUND
    for report in reports:
        path = _printable(report["pack"])
        for problem in report["problems"]:
            print(_problem_line(problem), file=out)
        for warning in report["warnings"]:
            print(f"warning: {_problem_line(warning)}", file=out)
        if report["problems"]:
            print(f"{len(report['problems'])} problem(s) in {path}", file=out)
        else:
            print(
                f"{path}: OK ({report['records']} records; {report['advice']} advice items "
                "with the bundled pack)",
                file=out,
            )
    return EXIT_OK if ok else EXIT_NOT_FOUND


def _problem_line(problem: dict[str, Any]) -> str:
    if not problem["file"]:
        return _printable(problem["message"])
    return str(PackProblem(problem["file"], problem["line"], problem["message"]))


def _problem_dict(problem: PackProblem) -> dict[str, Any]:
    return {"file": problem.path, "line": problem.line, "message": problem.message}


def _validate_one(path: str) -> dict[str, Any]:
    """Check one pack beside the bundled one: its problems, and warnings about its content."""
    report: dict[str, Any] = {"pack": path, "problems": [], "warnings": []}
    try:
        raw = read_pack(path)
    except PackError as error:
        report["problems"] = [_problem_dict(p) for p in error.problems]
        return report
    raw = raw._replace(problems=(*raw.problems, *check_catalogues(raw)))
    same = os.path.realpath(path) == os.path.realpath(_bundled_dir())
    earlier = [] if same else [read_pack(_bundled_dir(), compiled=True)]
    try:
        content = build([*earlier, raw], None)
    except PackError as error:
        report["problems"] = [_problem_dict(p) for p in error.problems]
        return report
    ids = {r.item_id for r in raw.records}
    warnings = [
        PackProblem(f"{raw.name}/{p.path}", p.line, p.message)
        for p in translation_warnings(raw, dict(_messages(content)))
    ]
    known = {r.item_id for pack in earlier for r in pack.records}
    for item_id in sorted(raw.overrides):
        if item_id not in known or item_id not in ids:
            where = "no earlier pack defines it" if item_id not in known else "this pack does not"
            message = f"overrides lists {item_id!r}, but {where}; the entry has no effect"
            warnings.append(PackProblem(f"{raw.name}/pack.toml", 0, message))
    warnings += [
        PackProblem("", 0, message) for message in _editorial_warnings(content, ids, _today())
    ]
    report["warnings"] = [_problem_dict(w) for w in warnings]
    report["records"] = len(raw.records)
    report["advice"] = len(content.advice)
    return report


def _messages(content: PackContent) -> tuple[tuple[str, str], ...]:
    from ._gettext import CatalogStore

    return Catalogue(content, CatalogStore(())).messages()


def _printable(text: str) -> str:
    return str(PackProblem(text, 0, "")).removesuffix(": ")


def _today() -> dt.date:
    """Today's date: the clock review dates are measured against (tests set their own)."""
    return dt.date.today()  # noqa: DTZ011 - a calendar date where the command runs


def _editorial_warnings(
    content: PackContent, ids: set[object], today: dt.date | None = None
) -> list[str]:
    """The editorial checks, as warnings: the pack is valid, but its wording may not be safe.

    Items not checked against their sources for longer than the review period (counted back
    from *today*, the real date by default) are warnings too: a release re-reviews them.
    """
    from ._editorial import REVIEW_PERIOD, check_items, review_overdue

    found = []
    for kind, items in (
        ("fact", content.facts),
        ("quote", content.quotes),
        ("advice", content.advice),
        ("occasion", content.occasions),
        ("resource", content.resources),
        ("term", content.terms),
        ("question", content.questions),
        ("script", content.scripts),
    ):
        for item in items:
            field = "checked" if kind == "resource" else "reviewed"
            checked = getattr(item, field, None)
            if item.id in ids and checked is not None and review_overdue(checked, today):
                found.append(
                    f"[[{kind}]] {item.id!r}: {field} {checked.isoformat()}, more than "
                    f"{REVIEW_PERIOD.days} days ago; check it against its sources again"
                )
    found += [f"{finding} ({finding.check})" for finding in check_items(content, ids)]
    return found


def _bundled_dir() -> str:
    from ._packs import BUNDLED

    return BUNDLED

"""The ``sextingsafe`` command: print localised content, check packs.

The grammar is in :mod:`sextingsafe._cli_parser`, the printing in :mod:`sextingsafe._cli_print`,
``validate`` in :mod:`sextingsafe._cli_validate`; this module runs a parsed command.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from . import _cli_apps, _cli_reference
from ._catalogue import Catalogue, default_catalogue
from ._cli_parser import EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE, build_parser
from ._cli_print import Voice, print_advice, print_item, print_sources, write_json
from ._cli_validate import run_validate
from ._collections import Collection
from ._errors import ContentNotFoundError, InvalidFilterError, InvalidLocaleError, PackError
from ._export import item_to_dict
from ._help import parse_country
from ._model import Advice, Fact, Quote, Resource
from ._reference import Question, Script, Term

__all__ = ["main"]

_Reference = Term | Question | Script


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
            args = build_parser().parse_args(argv)
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
        return run_validate(args.paths, args.format, out)
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
                voice = Voice(locale, catalogue)
                name = occasion.localized_field("name", locale)
                voice.say(out, f"({name}, {voice.day(when)})\n")
        print_advice(tip, locale, out, catalogue, reader)
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
        print_item(item, locale, out, catalogue, reader)
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
    write_json(data, out)
    return EXIT_OK


def _occasions(catalogue: Catalogue, args: argparse.Namespace, out: TextIO) -> int:
    found = catalogue.occasions.on(args.on) if args.on else tuple(catalogue.occasions.values())
    found = found[: args.limit]
    day = args.on or dt.date.today()  # noqa: DTZ011
    if args.format == "json":
        return _json([item_to_dict(o, args.locale) for o in found], out)
    voice = Voice(args.locale, catalogue)
    for occasion in found:
        date = occasion.next_date(day)
        when = voice.day(date) if date else voice.label("next-date-unknown")
        name = occasion.localized_field("name", args.locale)
        voice.say(out, f"[{occasion.id}] {name}: {when}")
        print_sources(occasion, out, voice)
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

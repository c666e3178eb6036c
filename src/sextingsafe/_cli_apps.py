"""The commands for apps that update, search and publish content: diff, search, export --split.

:mod:`sextingsafe._cli` registers them and dispatches here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, TextIO

from ._catalogue import Catalogue
from ._model import Audience

__all__ = [
    "add_diff",
    "add_search",
    "positive",
    "print_correction",
    "run_diff",
    "run_search",
    "write_split",
]

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


def add_diff(sub: Any) -> None:
    """Register ``diff OLD NEW``."""
    parser = sub.add_parser(
        "diff",
        help="what changed between two exports, bundle directories, packs or 'installed'",
        description=(
            "Compare two releases of the content item by item and field by field; phone "
            "numbers, links, hours and eligibility first. Exit 0 when identical, 1 when "
            "different, 2 on trouble."
        ),
    )
    parser.add_argument("old", help="an export .json, a --split directory, a pack, or 'installed'")
    parser.add_argument("new", help="the same kinds of thing as OLD")
    parser.add_argument(
        "--format", "-f", choices=("text", "json", "markdown"), default="text", help="output format"
    )


def add_search(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register ``search TEXT``."""
    from ._search import KINDS

    parser = sub.add_parser(
        "search",
        parents=[common],
        help="find items by their words, in a locale",
        description=(
            "Find advice, help resources, facts, quotes, glossary terms, questions people ask "
            "and conversation scripts whose text in the locale holds every word, best first."
        ),
    )
    parser.add_argument("text", help="the words to look for (any case, with or without accents)")
    parser.add_argument(
        "--kind", action="append", choices=KINDS, help="only these kinds (repeatable)"
    )
    parser.add_argument("--audience", choices=[a.value for a in Audience])
    parser.add_argument("--country", "-c", help="only what applies in this ISO country, e.g. GB")
    parser.add_argument(
        "--limit", "-n", type=positive, default=10, metavar="N", help="at most N (default 10)"
    )


def positive(value: str) -> int:
    """Parse a ``--limit``: a whole number of 1 or more."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {value!r}")
    return number


def run_diff(args: argparse.Namespace, out: TextIO) -> int:
    """Print the diff; return 0 when identical, 1 when different, 2 when a side cannot be read."""
    from ._diff import diff, load_side
    from ._errors import PackError

    try:
        found = diff(load_side(args.old), load_side(args.new))
    except PackError as error:
        print(f"sextingsafe: error: {error}", file=sys.stderr)
        return EXIT_TROUBLE
    if args.format == "json":
        json.dump(found.to_dict(), out, ensure_ascii=False, indent=2)
        print(file=out)
    elif args.format == "markdown":
        out.write(found.to_markdown())
    else:
        out.write(found.to_text())
    return EXIT_DIFFERENT if found else EXIT_SAME


def run_search(catalogue: Catalogue, args: argparse.Namespace, out: TextIO) -> int:
    """Print the best matches, best first."""
    from ._export import item_to_dict
    from ._search import search

    hits = search(
        args.text,
        locale=args.locale,
        kinds=args.kind,
        audience=args.audience,
        country=args.country,
        limit=args.limit,
        catalogue=catalogue,
    )
    if args.format == "json":
        data = [
            {"score": h.score, "fields": list(h.fields), **item_to_dict(h.item, args.locale)}
            for h in hits
        ]
        json.dump(data, out, ensure_ascii=False, indent=2)
        print(file=out)
        return 0
    for hit in hits:
        print(f"[{hit.kind} {hit.item.id}] {hit.snippet}", file=out)
    return 0


def print_correction(catalogue: Catalogue, locale: str | None, out: TextIO) -> None:
    """Print where to report a wrong number or text, after a list of help."""
    from ._html import CORRECTION_URL

    print(f"\n{catalogue.label('report-a-correction', locale)}: {CORRECTION_URL}", file=out)


def write_split(catalogue: Catalogue, directory: str) -> int:
    """Write the per-locale bundles into *directory* (created if need be)."""
    from ._bundles import dumps, export_bundles

    try:
        os.makedirs(directory, exist_ok=True)
        for name, data in export_bundles(catalogue).items():
            with open(os.path.join(directory, name), "w", encoding="utf-8") as handle:
                handle.write(dumps(data))
    except OSError as error:
        print(f"sextingsafe: error: cannot write {directory!r}: {error.strerror}", file=sys.stderr)
        return 1
    return 0

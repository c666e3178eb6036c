"""Back-translation checks of safety-critical messages: list them for a reader, record the check.

A back-translation check: a reader who did not write the translation translates it back into
English, without looking at the original, and compares; every difference in meaning is fixed.
Safety-critical messages are those about the law, reporting, removal, sextortion, crisis and
helplines: every message of an item on one of those topics, every help resource's text, and
the interface labels about help.

Usage (from the repository root, with the package installed in the active environment)::

    python tools/back_translation.py list pl > pl-safety.json
    python tools/back_translation.py record pl 2026-12-07

``list`` prints ``[{context, translation}]`` (give the reader this, without the English) and,
with ``--with-english``, the English too (for the comparison afterwards). ``record`` writes the
lines ``# X-Back-Translation-Check: DATE, safety-critical messages`` and
``# X-Back-Translation-Scope: law, reporting, ...`` into the catalogue's header comment.
It records a check, not a review: every translation stays ``unreviewed``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from _po import is_translated, load, save, singular
from untranslated import items_by_context

SAFETY_TOPICS = frozenset(
    {
        "the-law",
        "police-response",
        "reporting-and-removal",
        "removal-tools",
        "sextortion",
        "crisis-support",
        "image-shared",
        "shared-someone-elses",
    }
)
SCOPE = "law, reporting, removal, sextortion, crisis, helplines"
HEADER = "X-Back-Translation-Check"
SCOPE_HEADER = "X-Back-Translation-Scope"
_HELP_LABELS = re.compile(r"^ui:(.*help.*|emergency.*|crisis.*|need-.*|kind-.*|partial|hours)$")


def is_safety_critical(context: str, items: dict[tuple[str, str], Any]) -> bool:
    """Return whether the message in *context* is safety-critical."""
    kind, _, rest = context.partition(":")
    if kind in {"resource", "need"} or _HELP_LABELS.match(context):
        return True
    item = items.get((kind, rest.partition(":")[0]))
    topics = {t.value for t in getattr(item, "topics", ())}
    return bool(topics & SAFETY_TOPICS)


def list_messages(locale: str, with_english: bool) -> int:
    """Print the safety-critical translated messages of *locale* as JSON."""
    catalog = load(locale)
    items = items_by_context()
    out = []
    for message in catalog:
        if not message.id or not message.context or not is_translated(message):
            continue
        if not is_safety_critical(message.context, items):
            continue
        entry: dict[str, Any] = {"context": message.context}
        string = message.string
        entry["translation"] = list(string) if isinstance(string, tuple | list) else string
        if with_english:
            entry["english"] = singular(message)
        out.append(entry)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()
    print(f"{locale}: {len(out)} safety-critical message(s)", file=sys.stderr)
    return 0


def record(locale: str, date: str) -> int:
    """Write the back-translation header into *locale*'s catalogue."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        print(f"the date must be YYYY-MM-DD, not {date!r}", file=sys.stderr)
        return 2
    catalog = load(locale)
    value = f"{date}, safety-critical messages"
    # In the header's comment, which pybabel update keeps (it rewrites the header fields and
    # drops any it does not know, such as an X- field); two short lines, so none is wrapped.
    lines = [
        line
        for line in catalog.header_comment.splitlines()
        if not line.startswith((f"# {HEADER}:", f"# {SCOPE_HEADER}:"))
    ]
    while lines and lines[-1].strip() == "#":
        lines.pop()
    catalog.header_comment = "\n".join(
        [*lines, f"# {HEADER}: {value}", f"# {SCOPE_HEADER}: {SCOPE}", "#"]
    )
    save(locale, catalog)
    print(f"{locale}: {HEADER}: {value}", file=sys.stderr)
    return 0


def main() -> int:
    """Run the subcommand."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list", help="print the safety-critical messages as JSON")
    listing.add_argument("locale")
    listing.add_argument("--with-english", action="store_true")
    recording = sub.add_parser("record", help="record the check in the catalogue's header")
    recording.add_argument("locale")
    recording.add_argument("date", help="YYYY-MM-DD")
    args = parser.parse_args()
    if args.command == "list":
        return list_messages(args.locale, args.with_english)
    return record(args.locale, args.date)


if __name__ == "__main__":
    sys.exit(main())

"""Write translations from a JSON file (as tools/untranslated.py prints it) into a catalogue.

Usage (from the repository root, with the package installed in the active environment)::

    python tools/fill.py pl pl-todo.json

Each entry needs ``context`` and ``msgstr`` (a string, or a list of every plural form); the
``english`` of the entry must still be the message's English, so a translation of text that
has changed since is refused. Every translation is checked as the test suite checks it
(placeholders, numbers, phone numbers in Latin digits, final punctuation, white space); one
with a fault is not written, and its faults are listed. What is written is marked as
translated: the ``fuzzy`` flag and Babel's old guess are removed, and so are the obsolete
entries (``#~``) no untranslated message needs any more. Nothing is marked reviewed.
Entries with an empty ``msgstr`` are skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from _po import is_translated, load, save, singular


def main() -> int:
    """Write the translations; exit 1 if any entry was refused."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("locale", help="the catalogue's name, e.g. pl, pt_BR, zh_Hans")
    parser.add_argument("file", help="the JSON file: a list of {context, english, msgstr}")
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="also replace translations that are already there (corrections)",
    )
    args = parser.parse_args()

    from sextingsafe._qa import check_message, check_plural_form

    with open(args.file, encoding="utf-8") as handle:
        entries: list[dict[str, Any]] = json.load(handle)
    catalog = load(args.locale)
    by_context = {m.context: m for m in catalog if m.id and m.context}
    written = refused = skipped = 0
    for entry in entries:
        context, msgstr = entry.get("context"), entry.get("msgstr")
        message = by_context.get(context)
        problems: list[str] = []
        if message is None:
            problems.append("no such message in the catalogue (run pybabel update?)")
        elif "english" in entry and entry["english"] != singular(message):
            problems.append("the English has changed since this was translated")
        elif (
            not msgstr
            or (isinstance(msgstr, list) and not any(msgstr))
            or (is_translated(message) and not args.overwrite)
        ):
            skipped += 1
            continue
        elif isinstance(message.id, tuple | list):
            if not isinstance(msgstr, list) or len(msgstr) != catalog.num_plurals:
                problems.append(f"needs a list of {catalog.num_plurals} plural forms")
            else:
                problems += [
                    str(f)
                    for form in msgstr
                    for f in check_plural_form(args.locale, context, message.id[1], form)
                ]
        elif not isinstance(msgstr, str):
            problems.append("needs a string")
        else:
            problems += [str(f) for f in check_message(args.locale, context, message.id, msgstr)]
        if problems:
            refused += 1
            for problem in problems:
                print(f"refused {context}: {problem}", file=sys.stderr)
            continue
        assert message is not None
        message.string = tuple(msgstr) if isinstance(msgstr, list) else msgstr
        message.flags.discard("fuzzy")
        message.previous_id = []
        # A changed translation is no longer what a reviewer vouched for.
        message.user_comments = [
            c for c in message.user_comments if not c.strip().lower().startswith("reviewed-by:")
        ]
        written += 1
    # Old translations kept for messages whose English changed have served once those messages
    # are translated again, and those for messages the content no longer has serve no one.
    current = {m.context: m for m in catalog if m.id and m.context}
    for key, old in list(catalog.obsolete.items()):
        if old.context not in current or is_translated(current[old.context]):
            del catalog.obsolete[key]
    save(args.locale, catalog)
    left = sum(1 for m in catalog if m.id and m.context and not is_translated(m))
    print(
        f"{args.locale}: wrote {written}, refused {refused}, skipped {skipped}; "
        f"{left} message(s) still to translate",
        file=sys.stderr,
    )
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())

"""List a locale's messages that need a translator, as JSON, for tools/fill.py to write back.

Usage (from the repository root, with the package installed in the active environment)::

    python tools/untranslated.py pl > pl-todo.json
    python tools/untranslated.py pl --limit 40 --prefix advice: > pl-advice.json

Each entry has the message context, the English (and its plural), the old translation of a
message whose English changed (``guess``, with the English it was made for in
``guess_was_for``: start from it, never copy it blindly), the register to write in
(from the audiences of the item the message belongs to), the extractor's notes (which
placeholders to keep), and the locale's approved key terms from the glossary that the English
uses. Fill in ``msgstr`` (a list of ``nplurals`` forms for a plural message) and pass the file
to ``tools/fill.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from _po import is_translated, load, singular

REGISTER = {
    "young-people": "informal: talk to a young person (tu/du/ty; the familiar 'you'); say "
    "'nudes' or 'nude images' with the term base's word",
    "parents-carers": "plain and polite: a parent or carer (the polite 'you' where the language "
    "has one)",
    "professionals": "formal: a teacher, social worker or police officer (the formal 'you')",
}


def items_by_context() -> dict[tuple[str, str], Any]:
    """Map (kind, id) to the bundled item, for every kind the catalogue has."""
    import sextingsafe

    catalogue = sextingsafe.Catalogue.bundled()
    found: dict[tuple[str, str], Any] = {}
    for name in dir(catalogue):
        collection = getattr(catalogue, name, None)
        values = getattr(collection, "values", None)
        if name.startswith("_") or not callable(values):
            continue
        try:
            for item in values():
                kind = getattr(item, "item_kind", None)
                if kind is not None:
                    found[kind, item.id] = item
        except TypeError:
            continue
    return found


def register(context: str, items: dict[tuple[str, str], Any]) -> str:
    """Say which register a message is written in, from its item's audiences."""
    kind, _, rest = context.partition(":")
    item_id = rest.partition(":")[0]
    item = items.get((kind, item_id))
    audiences = [a.value for a in getattr(item, "audiences", ())]
    if kind == "ui":
        return "neutral: an interface label, shown to every reader (short, no 'you' if possible)"
    if not audiences:
        return "neutral: shown to every reader; where a 'you' is needed, use the young-people one"
    if "young-people" in audiences:
        return REGISTER["young-people"]
    return REGISTER[audiences[0]]


def main() -> int:
    """Print the JSON list of messages to translate."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("locale", help="the catalogue's name, e.g. pl, pt_BR, zh_Hans")
    parser.add_argument("--prefix", default="", help="only contexts starting with this")
    parser.add_argument("--limit", type=int, default=0, help="at most this many messages")
    args = parser.parse_args()

    catalog = load(args.locale)
    items = items_by_context()
    from sextingsafe._termbase import KEY_TERMS, term_rules

    rules = term_rules(catalog)
    # pybabel update --no-fuzzy-matching keeps the translation of English that has since changed
    # as an obsolete entry with the same context: the best starting point for the new English.
    old = {m.context: m for m in catalog.obsolete.values() if m.context and m.string}
    todo = []
    for message in catalog:
        if not message.id or not message.context or is_translated(message):
            continue
        if not message.context.startswith(args.prefix):
            continue
        english = singular(message)
        entry: dict[str, Any] = {"context": message.context, "english": english}
        if isinstance(message.id, tuple | list):
            entry["english_plural"] = message.id[1]
            entry["nplurals"] = catalog.num_plurals
            entry["msgstr"] = [""] * catalog.num_plurals
        else:
            entry["msgstr"] = ""
        if message.fuzzy and message.string:
            entry["guess"] = message.string
            if message.previous_id:
                entry["guess_was_for"] = message.previous_id[0]
        elif message.context in old:
            before = old[message.context]
            entry["guess"] = before.string
            entry["guess_was_for"] = singular(before)
        entry["register"] = register(message.context, items)
        entry["notes"] = [c for c in message.auto_comments if not c.startswith("Keep every")]
        kind, _, rest = message.context.partition(":")
        item = items.get((kind, rest.partition(":")[0]))
        readers = {a.value for a in getattr(item, "audiences", ())}
        matching = [
            rule
            for rule in rules
            if re.search(KEY_TERMS.get(rule.key, re.escape(rule.key)), english, re.IGNORECASE)
        ]
        # The rules for this item's readers, else those for everyone (as the check applies them).
        scoped = [r for r in matching if r.audiences & readers]
        used = [
            {"term": rule.key, "approved": list(rule.forms)}
            for rule in (
                scoped
                + [
                    r
                    for r in matching
                    if "*" in r.audiences and r.key not in {s.key for s in scoped}
                ]
            )
        ]
        if used:
            entry["terms"] = used
        todo.append(entry)
        if args.limit and len(todo) >= args.limit:
            break
    json.dump(todo, sys.stdout, ensure_ascii=False, indent=1)
    print()
    print(f"{args.locale}: {len(todo)} message(s) to translate", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The term base: each locale's approved words for the glossary's key terms, and a check.

The approved words live in the catalogue itself, on the glossary's own messages
(``term:<id>:term``): the translation of a term is approved for it, and a translator comment on
that entry can name more forms (inflections) or the approved words for a key word inside the
term, for all readers or for some audiences only (only the terms in :data:`KEY_TERMS` are
held to their approved words, and any key a translator names in a comment)::

    # forms: imagen íntima | imágenes íntimas
    # nudes [young-people]: nudes
    # nudes [parents-carers, professionals]: desnudos
    msgctxt "term:sharing-nudes-and-semi-nudes:term"

A form is matched as the start of a word, ignoring case, so a stem (``zdjęci``) covers every
ending (in scripts without letter case, anywhere in the text). The check then holds every
translated message whose English uses a key term to one of its approved forms, for the
audience of the message's item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

__all__ = ["KEY_TERMS", "TermRule", "term_faults", "term_rules"]

#: The key terms held to one approved translation: English key -> the English it matches.
KEY_TERMS = {
    "nudes": r"(?<![-\w])nudes?\b(?!-)",
    "semi-nudes": r"\bsemi-nudes?\b",
    "intimate image": r"\bintimate (?:image|photo|video)s?\b",
    "sextortion": r"\bsextortion\b",
}
_COMMENT = re.compile(
    r"^\s*(?P<key>[^:\[\]]+?)\s*(?:\[(?P<audiences>[^\]]*)\])?\s*:\s*(?P<forms>.+)$"
)
_EVERYONE = "*"


class TermRule(NamedTuple):
    """The approved forms of one key term in one locale, for some audiences (``*``: all)."""

    key: str
    audiences: frozenset[str]
    forms: tuple[str, ...]
    #: The glossary message that records the rule.
    context: str


def term_rules(catalog: Any) -> list[TermRule]:
    """Read the approved forms from the glossary's messages of a Babel catalogue."""
    rules = []
    for message in catalog:
        context = message.context or ""
        if not (context.startswith("term:") and context.endswith(":term")):
            continue
        if not message.string or message.fuzzy:
            continue
        english = str(message.id).lower()
        forms = [str(message.string)]
        for comment in message.user_comments:
            match = _COMMENT.match(comment)
            if match is None or match["key"].lower().startswith("reviewed-by"):
                continue
            found = tuple(f.strip() for f in match["forms"].split("|") if f.strip())
            audiences = frozenset(
                a.strip() for a in (match["audiences"] or _EVERYONE).split(",") if a.strip()
            )
            key = match["key"].strip().lower()
            if key == "forms":
                forms += found
            else:
                rules.append(TermRule(key, audiences, found, context))
        own = next((k for k, pattern in KEY_TERMS.items() if re.fullmatch(pattern, english)), None)
        if own is not None:
            rules.append(TermRule(own, frozenset({_EVERYONE}), tuple(forms), context))
    return rules


def _has_form(text: str, form: str) -> bool:
    """Return whether *form* begins a word of *text*, in any case.

    A form is a prefix, so a stem covers every ending. It must begin a word in scripts with
    letter case (Latin, Cyrillic, Greek: "nue" is not in "continue"); in the others (Arabic,
    the Indic scripts, Chinese), where words join or are not spaced, it may stand anywhere.
    """
    haystack, needle = text.casefold(), form.casefold()
    start = haystack.find(needle)
    while start >= 0:
        before = haystack[start - 1] if start else " "
        if not (before.isalpha() and before.upper() != before.lower()):
            return True
        start = haystack.find(needle, start + 1)
    return False


def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(KEY_TERMS.get(key, rf"\b{re.escape(key)}\b"), re.IGNORECASE)


def term_faults(
    rules: Iterable[TermRule],
    translations: Iterable[tuple[str, str, str]],
    audiences: Mapping[str, frozenset[str]],
) -> list[tuple[str, str]]:
    """Return ``(context, fault)`` for each message that does not use its approved term.

    Args:
        rules: The locale's rules, from :func:`term_rules`.
        translations: ``(context, English, translation)`` of every translated message.
        audiences: The audiences of each item, by the context's ``kind:id`` prefix; an item
            without audiences (a label, a resource) is held to the rules for everyone.
    """
    by_key: dict[str, list[TermRule]] = {}
    for rule in rules:
        by_key.setdefault(rule.key, []).append(rule)
    faults = []
    for context, english, translation in translations:
        if context.startswith("term:") and not context.endswith(":definition"):
            continue  # the term itself, and its usage notes, which discuss words as words
        item = context.rsplit(":", 1)[0]
        readers = audiences.get(item, frozenset())
        for key, candidates in by_key.items():
            if not _pattern(key).search(english):
                continue
            scoped = [r for r in candidates if r.audiences & readers]
            applicable = scoped or [r for r in candidates if _EVERYONE in r.audiences]
            if not applicable:
                continue
            forms = [f for r in applicable for f in r.forms]
            if not any(_has_form(translation, form) for form in forms):
                who = ", ".join(sorted(readers)) or "every reader"
                fault = (
                    f"uses none of the approved words for {key!r} for {who} "
                    f"({' | '.join(forms)}; see {applicable[0].context})"
                )
                faults.append((context, fault))
    return faults

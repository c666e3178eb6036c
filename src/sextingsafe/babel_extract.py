"""A ``pybabel extract`` method for sextingsafe content files.

Registered as the ``sextingsafe`` extraction method, so a mapping file such as::

    [sextingsafe: src/sextingsafe/content/**.toml]

makes ``pybabel extract`` write one message per translatable field,
with ``msgctxt`` set to ``kind:id:field``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from ._model import Advice, Fact, Occasion, Quote, Resource, Speaker, placeholders
from ._packs import _line_index
from ._reference import Question, Script, Term

__all__ = ["extract"]

_TRANSLATABLE: Mapping[str, tuple[str, ...]] = {
    cls.item_kind: cls.translatable
    for cls in (Fact, Quote, Advice, Resource, Speaker, Occasion, Term, Question, Script)
}
#: Translatable lists: each entry is a message of its own, named ``line-1``, ``line-2`` ...
_LISTED = {"lines": "line"}
_HINTS = {
    ("quote", "text"): "A quotation: translate it faithfully. It is shown as a labelled "
    "translation beside the original words, never instead of them.",
    ("fact", "statement"): "Keep every {placeholder} exactly as it is; numbers and dates are "
    "filled in and formatted for your locale.",
    ("term", "term"): "The approved word for this in your language, as your country's "
    "child-protection bodies use it: it goes into the term base.",
}


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],  # noqa: ARG001
    comment_tags: Collection[str],  # noqa: ARG001
    options: Mapping[str, Any],  # noqa: ARG001
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Yield ``(lineno, "pgettext", (context, message), comments)`` for each translatable field.

    Args:
        fileobj: The content file, opened in binary mode.
        keywords: Ignored; content files have no keywords.
        comment_tags: Ignored; hints for translators are generated.
        options: Ignored.
    """
    text = fileobj.read().decode("utf-8-sig")
    data = tomllib.loads(text)
    positions: dict[str, list[tuple[int, dict[str, int]]]] = {}
    for table, line, keys in _line_index(text):
        positions.setdefault(table, []).append((line, keys))
    for kind, records in data.items():
        fields = _TRANSLATABLE.get(kind)
        if fields is None or not isinstance(records, list):
            continue
        for number, record in enumerate(records):
            line, keys = (
                positions.get(kind, [])[number]
                if number < len(positions.get(kind, []))
                else (0, {})
            )
            for key, name, value in _messages(record, fields):
                comments = [f"{kind} {record.get('id')}: {name}"]
                hint = _HINTS.get((kind, name))
                if hint:
                    comments.append(hint)
                if kind == "fact" and name == "statement":
                    names = ", ".join(
                        f"{{{n}:{s}}}" if s else f"{{{n}}}" for n, s in placeholders(value)
                    )
                    comments.append(f"Placeholders: {names}")
                yield (
                    keys.get(key, line),
                    "pgettext",
                    (f"{kind}:{record['id']}:{name}", value),
                    comments,
                )


def _messages(record: Mapping[str, Any], fields: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """Yield ``(key, message name, text)`` for each translatable message of *record*."""
    for key in fields:
        value = record.get(key)
        if key in _LISTED and isinstance(value, list):
            for number, entry in enumerate(value, start=1):
                if isinstance(entry, str) and entry:
                    yield key, f"{_LISTED[key]}-{number}", entry
        elif isinstance(value, str) and value:
            yield key, key, value

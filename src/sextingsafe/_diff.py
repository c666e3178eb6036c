"""What changed between two releases of the content: items and fields added, removed, changed.

The diff compares two :func:`~sextingsafe.export` documents, so it covers whatever an export
holds (items, translations, review status, labels, locale coverage, tables) without knowing
each field. Changes to what a reader acts on (phone numbers, links, hours, eligibility and the
dates details were checked) are *critical* and listed first.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs
from attrs import frozen

from ._catalogue import Catalogue
from ._errors import PackError, PackProblem
from ._model import FrozenDict

__all__ = ["CRITICAL_FIELDS", "ContentChange", "ContentDiff", "diff", "load_side"]

#: Field names whose change a reader acts on: a number to call, a link to open, when a
#: service answers, who it serves, and how fresh the evidence is.
CRITICAL_FIELDS = frozenset(
    {
        "value",
        "e164",
        "url",
        "hours",
        "eligibility",
        "ages",
        "countries",
        "as_of",
        "checked",
        "verified",
        "status",
        "confidence",
    }
)
#: Export keys that describe the document, not the content.
_META = frozenset({"format", "version", "generator", "content_version"})
#: Derived from other fields (a fact's statement rendered per locale): diffing it repeats them.
_DERIVED = frozenset({"rendered"})
_KINDS = {
    "sources": "source",
    "occasions": "occasion",
    "speakers": "speaker",
    "resources": "resource",
    "facts": "fact",
    "quotes": "quote",
    "advice": "advice",
}


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return FrozenDict({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


@frozen(kw_only=True)
class ContentChange:
    """One difference between two exports.

    Attributes:
        kind: ``"fact"``, ``"quote"``, ``"advice"``, ``"resource"``, ``"source"``, ``"speaker"``,
            ``"occasion"``, ``"label"``, ``"locale"``; for another list of items in the export,
            its key in the singular (``"term"``, ``"question"``, ``"script"``); otherwise the
            name of the export table.
        id: The item's id, the label's name or the locale's tag (empty for a whole table).
        action: ``"added"``, ``"removed"`` or ``"changed"``.
        field: The changed field's path (``"channels[0].value"``, ``"title.pl"``); ``None``
            for an added or removed item.
        old: The old value (``None`` when added), as JSON data made immutable: objects
            become :class:`FrozenDict`, arrays tuples.
        new: The new value (``None`` when removed), likewise.
        critical: Whether a reader acts on it: a phone number or other channel ``value``,
            ``e164``, ``url``, ``hours``, ``eligibility``, ``ages``, ``countries``, ``as_of``,
            ``checked``, ``verified``, ``status`` or ``confidence`` anywhere in the field's
            path; a help resource added or removed is critical too.
    """

    kind: str
    id: str
    action: str
    field: str | None = None
    old: Any = attrs.field(default=None, converter=_freeze)
    new: Any = attrs.field(default=None, converter=_freeze)
    critical: bool = False

    def __repr__(self) -> str:
        where = f", field={self.field!r}" if self.field else ""
        return f"ContentChange({self.action} {self.kind} {self.id!r}{where})"


@frozen(kw_only=True)
class ContentDiff:
    """The changes between two exports, critical ones first; false when there are none.

    Attributes:
        old_version: The old export's content version (``None`` when it has none).
        new_version: The new export's content version.
        changes: Every change: critical ones first, then by kind, id and field.
        locales: The locale tags the two exports hold, so that a field path ending in one
            (``title.pl``) is known as a translation.
    """

    old_version: str | None
    new_version: str | None
    changes: tuple[ContentChange, ...]
    locales: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        """True when anything changed."""
        return bool(self.changes)

    def __repr__(self) -> str:
        return f"ContentDiff({self.old_version} -> {self.new_version}, {self.summary()})"

    def count(self, action: str) -> int:
        """Return how many items were ``"added"`` or ``"removed"``, or fields ``"changed"``."""
        return sum(1 for c in self.changes if c.action == action)

    def summary(self) -> str:
        """Return ``"2 added, 0 removed, 5 changed"``."""
        return ", ".join(f"{self.count(a)} {a}" for a in ("added", "removed", "changed"))

    def to_dict(self) -> dict[str, Any]:
        """Return the diff as JSON-ready data."""
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "identical": not self.changes,
            "added": self.count("added"),
            "removed": self.count("removed"),
            "changed": self.count("changed"),
            "changes": [
                {
                    "kind": c.kind,
                    "id": c.id,
                    "action": c.action,
                    "field": c.field,
                    "old": _thaw(c.old),
                    "new": _thaw(c.new),
                    "critical": c.critical,
                }
                for c in self.changes
            ],
        }

    def to_text(self, width: int = 70) -> str:
        """Return the diff as text for a terminal, critical changes first.

        Args:
            width: Values longer than this are shortened with an ellipsis.
        """
        lines = [f"Content {self.old_version} -> {self.new_version}: {self.summary()}"]
        sections: tuple[tuple[str, Callable[[ContentChange], bool]], ...] = (
            ("Numbers, links, hours and eligibility", lambda c: c.critical),
            ("Added", lambda c: not c.critical and c.action == "added"),
            ("Removed", lambda c: not c.critical and c.action == "removed"),
            ("Changed", lambda c: not c.critical and c.action == "changed"),
        )
        for title, wanted in sections:
            chosen = [c for c in self.changes if wanted(c)]
            if chosen:
                lines += ["", f"{title}:"]
                lines += [f"  {_line(c, width)}" for c in chosen]
        return "\n".join(lines) + "\n"

    def to_markdown(self, title: str | None = None) -> str:
        """Return a "Content changes" section for a changelog, readable however large the diff.

        A table counts items added, removed and changed per kind. Then come the changes a
        reader acts on, one line per item and field with the old and new value; a field's
        translations that changed in several locales share one line naming the locales. Then
        the ids of the items added and removed, per kind (every removed id, since removing one
        is a breaking change; added ids when there are at most 20 of a kind). Last, the other
        changed fields per kind, counted, with the ids of up to 10 changed items.

        Args:
            title: The heading; ``"Content changes (OLD → NEW)"`` with the two content
                versions by default.
        """
        heading = title or f"Content changes ({self.old_version} → {self.new_version})"
        lines = [f"#### {heading}", ""]
        if not self.changes:
            return "\n".join([*lines, "No content changes.", ""])
        added: dict[str, list[str]] = {}
        removed: dict[str, list[str]] = {}
        changed: dict[str, dict[str, list[ContentChange]]] = {}
        for c in self.changes:
            if c.field is None:
                (added if c.action == "added" else removed).setdefault(c.kind, []).append(c.id)
            else:
                changed.setdefault(c.kind, {}).setdefault(c.id, []).append(c)
        kinds = sorted(added.keys() | removed.keys() | changed.keys(), key=_kind_order)
        lines += ["| Kind | Added | Removed | Changed |", "| --- | ---: | ---: | ---: |"]
        lines += [
            f"| {k} | {len(added.get(k, ()))} | {len(removed.get(k, ()))} "
            f"| {len(changed.get(k, ()))} |"
            for k in kinds
        ]
        critical = self._critical_lines()
        if critical:
            lines += ["", "**Numbers, links, hours and eligibility**", "", *critical]
        for name, found, most in (("Added", added, 20), ("Removed", removed, None)):
            if found:
                lines += ["", f"**{name}**", ""]
                lines += [_ids(k, found[k], most) for k in kinds if k in found]
        summaries = [(k, *_fields(changed[k], self._locales)) for k in kinds if k in changed]
        other = [(k, items, fields) for k, items, fields in summaries if items]
        if other:
            lines += ["", "**Changed**", ""]
            for kind, items, fields in other:
                ids = f" ({', '.join(f'`{i}`' for i in items)})" if len(items) <= 10 else ""
                count = f"{len(items)} item" + ("s" if len(items) != 1 else "")
                lines.append(f"- {kind}, {count}{ids}: {fields}")
        return "\n".join(lines) + "\n"

    @property
    def _locales(self) -> frozenset[str]:
        return frozenset(self.locales)

    def _critical_lines(self) -> list[str]:
        # In order of the changes; a field's translations gather on the line of the first, and
        # a change made the same way to many items (a field renamed) on one line for them all.
        critical = [c for c in self.changes if c.critical]
        split = {id(c): _split_locale(c.field, self._locales) for c in critical}
        common: dict[tuple[str, str, str], set[str]] = {}
        for c in critical:
            common.setdefault(_pattern(c, split[id(c)][0]), set()).add(c.id)
        entries: list[str | tuple[str, ...]] = []
        grouped: dict[tuple[str, ...], list[str]] = {}
        for c in critical:
            base, locale = split[id(c)]
            pattern = _pattern(c, base)
            if len(common[pattern]) > _MANY:
                key: tuple[str, ...] = pattern
                line = None
            elif locale in {None, "en"}:
                key, line = (), f"- {_line(c, 60, markdown=True)}"
            else:
                key, line = (c.kind, c.id, base, c.action), None
            if line is not None:
                entries.append(line)
            elif key not in grouped:
                entries.append(key)
            grouped.setdefault(key, []).append(str(locale))
        return [
            _grouped_line(e, grouped[e], common) if isinstance(e, tuple) else e for e in entries
        ]


#: A change made the same way to more items than this is one line for them all.
_MANY = 5


def _pattern(change: ContentChange, base: str) -> tuple[str, str, str]:
    return (change.kind, re.sub(r"\[\d+\]", "[]", base), change.action)


def _grouped_line(
    key: tuple[str, ...], locales: list[str], common: dict[tuple[str, str, str], set[str]]
) -> str:
    if len(key) == 3:  # (kind, field, action): the same change to many items
        kind, field, action = key
        count = len(common[(kind, field, action)])
        if not field:  # whole items, such as the new crisis lines among the resources
            return f"- {kind}: {count} items {action}"
        return f"- {kind}: `{field}` {action} in {count} items"
    kind, item, base, action = key
    return f"- {kind} `{item}`: `{base}` {action} in {_locale_list(locales)}"


_ORDER = ("resource", "advice", "fact", "quote", "term", "question", "script")


def _kind_order(kind: str) -> tuple[int, str]:
    return (_ORDER.index(kind) if kind in _ORDER else len(_ORDER), kind)


def _ids(kind: str, ids: list[str], most: int | None) -> str:
    if most is not None and len(ids) > most:
        return f"- {kind} ({len(ids)}): the full diff lists them"
    if ids == [""]:  # a whole table, such as the help table, has no id
        return f"- the `{kind}` table"
    return f"- {kind} ({len(ids)}): " + ", ".join(f"`{i}`" for i in ids)


def _split_locale(path: str | None, locales: frozenset[str]) -> tuple[str, str | None]:
    """Split ``title.pl`` into ``("title", "pl")``; ``review.pl.body`` gives ``"review.body"``.

    A path with no locale in it has none; a label's path is its locale alone, its base ``"text"``.
    """
    parts = (path or "").split(".")
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] in locales:
            rest = parts[:index] + parts[index + 1 :]
            return ".".join(rest) or "text", parts[index]
    return path or "", None


def _locale_list(locales: list[str]) -> str:
    names = sorted(set(locales))
    noun = "locale" if len(names) == 1 else "locales"
    # A long list says no more than its length: every language, or nearly.
    return f"{len(names)} {noun}" + (f": {', '.join(names)}" if len(names) <= 8 else "")


def _fields(
    items: dict[str, list[ContentChange]], locales: frozenset[str]
) -> tuple[list[str], str]:
    """Return the ids with a non-critical change and a summary of their changed fields."""
    counts: dict[str, int] = {}
    translated: dict[str, set[str]] = {}
    ids: list[str] = []
    for item, changes in items.items():
        chosen = [c for c in changes if not c.critical]
        if chosen:
            ids.append(item)
        for c in chosen:
            base, locale = _split_locale(c.field, locales)
            base = re.sub(r"\[\d+\]", "[]", base)
            if locale in {None, "en"}:
                counts[base] = counts.get(base, 0) + 1
                translated.setdefault(base, set())
            else:
                counts.setdefault(base, 0)
                translated.setdefault(base, set()).add(str(locale))
    parts = []
    for base, count in counts.items():
        said = [str(count)] if count else []
        if translated[base]:
            said.append("translations in " + _locale_list(sorted(translated[base])))
        parts.append(f"`{base}` ({'; '.join(said)})")
    return ids, ", ".join(parts)


def _short(value: Any, width: int) -> str:
    plain = _thaw(value)
    text = json.dumps(plain, ensure_ascii=False) if not isinstance(plain, str) else repr(plain)
    return text if len(text) <= width else text[: width - 1] + "…"


def _line(change: ContentChange, width: int, *, markdown: bool = False) -> str:
    name = f"{change.kind} `{change.id}`" if markdown else f"{change.kind} {change.id}"
    if change.field is None:
        return f"{change.action} {name}"
    field = f"`{change.field}`" if markdown else change.field
    if change.action == "added":
        return f"{name}: {field} added: {_short(change.new, width)}"
    if change.action == "removed":
        return f"{name}: {field} removed (was {_short(change.old, width)})"
    return f"{name}: {field}: {_short(change.old, width)} -> {_short(change.new, width)}"


def _critical(path: str) -> bool:
    for part in path.replace("]", "").replace("[", ".").split("."):
        if part in CRITICAL_FIELDS:
            return True
    return False


def _walk(path: str, old: Any, new: Any) -> Iterator[tuple[str, str, Any, Any]]:
    """Yield (action, path, old, new) for every leaf that differs."""
    if old == new:
        return
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key in [*old, *(k for k in new if k not in old)]:
            if key in _DERIVED:
                continue
            sub = f"{path}.{key}" if path else str(key)
            if key not in new:
                yield "removed", sub, old[key], None
            elif key not in old:
                yield "added", sub, None, new[key]
            else:
                yield from _walk(sub, old[key], new[key])
        return
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and any(isinstance(v, Mapping) for v in (*old, *new))
    ):
        for index in range(max(len(old), len(new))):
            sub = f"{path}[{index}]"
            if index >= len(new):
                yield "removed", sub, old[index], None
            elif index >= len(old):
                yield "added", sub, None, new[index]
            else:
                yield from _walk(sub, old[index], new[index])
        return
    yield "changed", path, old, new


def _keyed(entries: Any, key: str) -> dict[str, Any]:
    if isinstance(entries, Mapping):
        return dict(entries)
    return {str(e.get(key)): e for e in entries or () if isinstance(e, Mapping)}


def _compare(kind: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[ContentChange]:
    for item in sorted(old.keys() | new.keys()):
        if item not in new:
            yield ContentChange(
                kind=kind, id=item, action="removed", old=old[item], critical=_help(kind)
            )
        elif item not in old:
            yield ContentChange(
                kind=kind, id=item, action="added", new=new[item], critical=_help(kind)
            )
        else:
            for action, path, before, after in _walk("", old[item], new[item]):
                yield ContentChange(
                    kind=kind,
                    id=item,
                    action="changed" if action == "changed" else action,
                    field=path,
                    old=before,
                    new=after,
                    critical=_critical(path),
                )


def _items(value: Any, other: Any = None) -> bool:
    """Whether *value* is a list of items with ids (a kind the diff need not know by name).

    A kind missing from one side (a list of *other* items there) counts as an empty list.
    """
    if value is None and other is not None:
        return _items(other)
    return isinstance(value, list) and all(isinstance(v, Mapping) and "id" in v for v in value)


def _kind(key: str) -> str:
    return _KINDS.get(key) or (key.removesuffix("s"))


def _help(kind: str) -> bool:
    return kind == "resource"


def diff(old: Mapping[str, Any] | Catalogue, new: Mapping[str, Any] | Catalogue) -> ContentDiff:
    """Compare two exports (or catalogues, exported first) item by item and field by field.

    Items are matched by id; a field's path names list positions and locales
    (``"channels[0].value"``, ``"title.pl"``). A field that appears or disappears inside an
    item is reported as ``added`` or ``removed`` with its path.

    >>> import copy
    >>> import sextingsafe as ss
    >>> data = ss.export(locales=None)
    >>> changed = copy.deepcopy(data)
    >>> changed["resources"][0]["url"] = "https://example.org/"
    >>> ss.diff(data, data)
    ContentDiff(... -> ..., 0 added, 0 removed, 0 changed)
    >>> ss.diff(data, changed).changes[0].critical
    True

    Raises:
        PackError: A side is not an export.
    """
    if isinstance(old, Catalogue) or isinstance(new, Catalogue):
        from ._export import export

        old = export(old) if isinstance(old, Catalogue) else old
        new = export(new) if isinstance(new, Catalogue) else new
    for side, data in (("old", old), ("new", new)):
        given: Any = data  # anything can arrive from a file: check before trusting the type
        if not isinstance(given, Mapping) or given.get("format") != "sextingsafe-export":
            problem = PackProblem(side, 0, "not a sextingsafe-export document")
            raise PackError(side, [problem])
    changes: list[ContentChange] = []
    for key in [*old, *(k for k in new if k not in old)]:
        if key in _META:
            continue
        before, after = old.get(key), new.get(key)
        if key in _KINDS or (_items(before, after) and _items(after, before)):
            changes += _compare(_kind(key), _keyed(before, "id"), _keyed(after, "id"))
        elif key == "locales":
            changes += _compare("locale", _keyed(before, "tag"), _keyed(after, "tag"))
        elif key in {"labels", "label_review"}:
            changes += _compare("label", dict(before or {}), dict(after or {}))
        elif isinstance(before, Mapping) and isinstance(after, Mapping):
            changes += _compare(key, dict(before), dict(after))
        else:
            changes += _compare(key, {"": before} if before else {}, {"": after} if after else {})
    changes.sort(key=lambda c: not c.critical)  # stable: in export order within each group
    return ContentDiff(
        old_version=old.get("content_version"),
        new_version=new.get("content_version"),
        changes=tuple(changes),
        locales=tuple(sorted(_tags(old) | _tags(new))),
    )


def _tags(export: Mapping[str, Any]) -> set[str]:
    return {str(e["tag"]) for e in export.get("locales") or () if isinstance(e, Mapping)}


def load_side(spec: str) -> Mapping[str, Any] | Catalogue:
    """Return one side of a diff from the command line.

    Args:
        spec: ``installed`` for the bundled content of this installation; a JSON export file;
            a directory of per-locale bundles (with ``index.json``); or a content pack
            directory (loaded alone, without the bundled content).

    Raises:
        PackError: The file or directory cannot be read as an export, bundles or a pack.
    """
    if spec == "installed":
        return Catalogue.bundled()
    if os.path.isdir(spec):
        index = os.path.join(spec, "index.json")
        if os.path.isfile(index):
            return _merge_bundles(spec, _read_json(index))
        return Catalogue.load(spec, include_bundled=False)
    return _read_json(spec)


def _read_json(path: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            data: dict[str, Any] = json.load(handle)
    except (OSError, ValueError) as error:
        raise PackError(path, [PackProblem(path, 0, f"cannot read an export: {error}")]) from None
    return data


def _merge_bundles(directory: str, index: Mapping[str, Any]) -> dict[str, Any]:
    """Rebuild one export from per-locale bundles: each item's texts from every bundle."""
    merged: dict[str, Any] | None = None
    for entry in index.get("locales", []):
        part = _read_json(os.path.join(directory, str(entry["file"])))
        if merged is None:
            merged = part
            continue
        merged["locales"] += [e for e in part["locales"] if e["tag"] != "en"]
        for key in ("labels", "label_review"):
            for name, texts in part.get(key, {}).items():
                merged.setdefault(key, {}).setdefault(name, {}).update(texts)
        for key, value in part.items():
            if key == "locales" or not _items(value):
                continue
            mine = _keyed(merged.get(key), "id")
            for item in value:
                _merge_item(mine.setdefault(item["id"], item), item)
    if merged is None:
        raise PackError(directory, [PackProblem(directory, 0, "index.json lists no bundles")])
    for table in index.get("tables", []):
        merged[str(table["name"])] = _read_json(os.path.join(directory, str(table["file"])))
    return merged


def _merge_item(into: dict[str, Any], item: Mapping[str, Any]) -> None:
    # Texts and review status are maps by locale (in lists, too: a script's lines): each
    # bundle adds its locale's entries to the same item.
    _merge_value(into, item)


def _merge_value(into: Any, value: Any) -> Any:
    if isinstance(into, dict) and isinstance(value, Mapping):
        for key, inner in value.items():
            into[key] = _merge_value(into[key], inner) if key in into else inner
        return into
    if isinstance(into, list) and isinstance(value, list) and len(into) == len(value):
        return [_merge_value(a, b) for a, b in zip(into, value, strict=True)]
    return into

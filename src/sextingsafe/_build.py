"""Building a pack's records into validated, cross-referenced items, listing every problem."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from ._errors import PackError, PackProblem
from ._model import (
    Advice,
    AgeRange,
    Channel,
    Eligibility,
    EmergencyNumber,
    EmergencyService,
    Fact,
    Occasion,
    Period,
    Quote,
    Renderer,
    Resource,
    Source,
    Speaker,
)
from ._packs import KINDS, PackContent, RawPack, _encode_date, _Record, read_pack
from ._pofile import clip
from ._reference import Question, Script, Term

__all__ = ["build", "collection_paused", "compile_pack"]

_CLASSES: Mapping[str, type] = {
    "source": Source,
    "occasion": Occasion,
    "speaker": Speaker,
    "resource": Resource,
    "fact": Fact,
    "quote": Quote,
    "advice": Advice,
    "term": Term,
    "question": Question,
    "script": Script,
    "emergency": EmergencyService,
}
#: The largest content file accepted; real ones are a few hundred KiB at most.


_PAUSE_LOCK = threading.Lock()
_pauses = 0
_resume = False


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a pack loads; nothing else changes.

    A load makes hundreds of thousands of containers that all stay alive, and each automatic
    collection would walk every one made so far: at 10,000 items that was a fifth of the load.
    Loads in several threads pause it once; it resumes after the last, and only if it ran before.
    """
    global _pauses, _resume  # noqa: PLW0603  # one process-wide switch, under the lock
    with _PAUSE_LOCK:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


def compile_pack(path: str | os.PathLike[str]) -> str:
    """Return a pack's records as JSON, for :func:`read_pack` to load quickly.

    Raises:
        PackError: The pack has a problem; a pack is only compiled when it is valid.
    """
    raw = read_pack(path)
    build([raw], None)
    return json.dumps(
        {
            "name": raw.name,
            "overrides": sorted(raw.overrides),
            # Lines are left out: a compiled pack was valid when it was compiled.
            "records": [[r.kind, r.data, r.path] for r in raw.records],
        },
        default=_encode_date,
        ensure_ascii=False,
        sort_keys=True,
    )


_KEYS: dict[type, tuple[set[str], set[str]]] = {}


def _expected_keys(cls: type) -> tuple[set[str], set[str]]:
    if cls in _KEYS:
        return _KEYS[cls]
    names, required = set(), set()
    for attribute in attrs.fields(cls):
        if attribute.name == "renderer":
            continue
        names.add(attribute.alias)
        if attribute.default is attrs.NOTHING:
            required.add(attribute.alias)
    _KEYS[cls] = names, required
    return names, required


def build(packs: Sequence[RawPack], renderer: Renderer | None) -> PackContent:
    """Validate and cross-reference the records of *packs*, later packs after earlier ones.

    Every field of every record is checked, so the error lists every problem, each with its file
    and line; a record that fails is not reported again where others refer to it.
    An id may appear in a later pack only if that pack lists it under ``overrides``.

    Raises:
        PackError: Any record of any pack is invalid; every problem is listed.
    """
    problems = [p for pack in packs for p in _prefixed(pack, pack.problems)]
    built: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    failed: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for pack in packs:
        for kind, item_id in pack.unreadable:
            failed[kind].add(item_id)
    origin: dict[tuple[str, str], str] = {}
    # Each pack's records by kind, in one pass: kinds are built in order, as references need.
    by_kind = [_by_kind(pack.records) for pack in packs]
    for kind in KINDS:
        for pack, records in zip(packs, by_kind, strict=True):
            table = built[kind]
            for record in records.get(kind, ()):
                item = _quick(record, built, renderer)
                if item is not None and item.id not in table:
                    table[item.id] = item
                    origin[kind, item.id] = pack.name
                    continue
                builder = _RecordBuilder(pack, record, problems)
                if item is None:
                    item = builder.build(built, failed, renderer)
                if item is not None:
                    builder.store(item, table, origin)
    if problems:
        names = [p.name for p in packs if any(q.path.startswith(p.name + "/") for q in problems)]
        raise PackError(", ".join(names) or packs[0].name, problems)
    return PackContent(
        sources=tuple(built["source"].values()),
        occasions=tuple(built["occasion"].values()),
        speakers=tuple(built["speaker"].values()),
        resources=tuple(built["resource"].values()),
        facts=tuple(built["fact"].values()),
        quotes=tuple(built["quote"].values()),
        advice=tuple(built["advice"].values()),
        terms=tuple(built["term"].values()),
        questions=tuple(built["question"].values()),
        scripts=tuple(built["script"].values()),
        emergency=tuple(built["emergency"].values()),
    )


def _by_kind(records: Iterable[_Record]) -> dict[str, list[_Record]]:
    grouped: dict[str, list[_Record]] = {}
    for record in records:
        grouped.setdefault(record.kind, []).append(record)
    return grouped


def _prefixed(pack: RawPack, problems: Iterable[PackProblem]) -> list[PackProblem]:
    return [PackProblem(f"{pack.name}/{p.path}", p.line, p.message) for p in problems]


def _describe(key: str, error: Exception) -> str:
    # attrs' own validators raise TypeError(message, attribute, ...): keep just the message.
    message = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
    return message if message.startswith((key + " ", key + ":")) else f"{key}: {message}"


#: Reference fields: key, kind referred to, and whether it holds one id or a list.
_REFERENCES = {
    "source": (),
    "occasion": (("sources", "source", False),),
    "speaker": (),
    "resource": (("sources", "source", False),),
    "fact": (("sources", "source", False), ("occasions", "occasion", False)),
    "quote": (
        ("sources", "source", False),
        ("occasions", "occasion", False),
        ("speaker", "speaker", True),
    ),
    "advice": (
        ("sources", "source", False),
        ("occasions", "occasion", False),
        ("resources", "resource", False),
    ),
    "term": (("sources", "source", False),),
    "question": (("sources", "source", False),),
    "script": (("sources", "source", False),),
    "emergency": (("sources", "source", False),),
}


#: Kinds that are never localised, so their items hold no renderer.
_UNRENDERED = frozenset({Source, EmergencyService})

#: Keys whose values are tables built into their own attrs classes.
_NESTED: Mapping[str, tuple[str, ...]] = {
    "fact": ("period",),
    "resource": ("channels", "ages", "eligibility"),
    "emergency": ("numbers",),
    "advice": ("ages",),
    "question": ("ages",),
    "script": ("ages",),
}


class _RecordBuilder:
    """Checks one record field by field, collecting every problem, then builds the item."""

    __slots__ = ("cls", "id", "pack", "problems", "record", "reported")

    def __init__(self, pack: RawPack, record: _Record, problems: list[PackProblem]) -> None:
        self.pack = pack
        self.record = record
        self.problems = problems
        self.cls = _CLASSES[record.kind]
        item_id = record.item_id
        self.id = item_id if isinstance(item_id, str) else None
        # Fields already reported (bad references, nested tables): not checked again.
        self.reported: set[str] = set()

    @property
    def label(self) -> str:
        kind = self.record.kind
        return f"[[{kind}]] {self.id!r}" if self.id else f"[[{kind}]]"

    def problem(self, key: str | None, message: str) -> None:
        line = self.record.line_of(key) if key else self.record.line
        self.problems.append(
            PackProblem(f"{self.pack.name}/{self.record.path}", line, f"{self.label}: {message}")
        )

    def build(
        self,
        built: Mapping[str, Mapping[str, Any]],
        failed: dict[str, set[str]],
        renderer: Renderer | None,
    ) -> Any:
        names, required = _expected_keys(self.cls)
        given = self.record.data
        ok = True
        if given.keys() <= names and required <= given.keys():
            data = dict(given)  # the common case: every key known, none missing
        else:
            data = {k: v for k, v in given.items() if k in names}
            for key in sorted(given.keys() - names):
                message = f"unknown key {clip(key, 40)}; expected one of {', '.join(sorted(names))}"
                self.problem(key, message)
                ok = False
            for key in sorted(required - given.keys()):
                self.problem(None, f"missing required key {key!r}")
                ok = False
        ok = self._references(data, built, failed) and ok
        ok = self._nested(data) and ok
        if ok:
            if renderer is not None and self.cls not in _UNRENDERED:
                data["renderer"] = renderer
            try:
                # The constructor validates every field; only when it fails is each field
                # checked on its own, so that every problem is reported with its line.
                return self.cls(**data)
            except (TypeError, ValueError) as error:
                data.pop("renderer", None)
                if self._fields(data):
                    # Each field is fine alone: a check across fields failed (placeholders
                    # against values), and its message starts with the key it concerns.
                    message = str(error)
                    key = message.split(":", 1)[0]
                    named = key if key in names else None
                    self.problem(named, _describe(key, error) if named else message)
        else:
            self._fields(data)
        if self.id is not None:
            failed[self.record.kind].add(self.id)
        return None

    def store(self, item: Any, table: dict[str, Any], origin: dict[tuple[str, str], str]) -> None:
        kind = self.record.kind
        if item.id in table:
            first = origin[kind, item.id]
            if first == self.pack.name or item.id not in self.pack.overrides:
                self.problem(
                    self.record.id_key,
                    f"duplicate {kind} id {item.id!r} (first defined in {first}); a pack that "
                    "replaces an item must list its id under 'overrides' in pack.toml",
                )
                return
            del table[item.id]
        table[item.id] = item
        origin[kind, item.id] = self.pack.name

    def _references(
        self,
        data: dict[str, Any],
        built: Mapping[str, Mapping[str, Any]],
        failed: dict[str, set[str]],
    ) -> bool:
        ok = True
        for key, kind, single in _REFERENCES[self.record.kind]:
            if key not in data:
                continue
            value = data[key]
            ids = [value] if single else value
            table = built[kind]
            if type(ids) is list:
                # The common case, every id known: one lookup each, no other pass.
                try:
                    resolved = [table[i] for i in ids]
                except (KeyError, TypeError):
                    pass
                else:
                    data[key] = resolved[0] if single else tuple(resolved)
                    continue
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                self.problem(
                    key, f"{key} must be {'an id' if single else 'a list of ids'}, got {value!r}"
                )
                self.reported.add(key)
                ok = False
                continue
            missing = [i for i in ids if i not in table]
            unknown = [i for i in missing if i not in failed[kind]]
            if unknown:
                self.problem(key, f"unknown {kind} id(s) in {key}: {', '.join(map(repr, unknown))}")
            # A reference to a record that failed was reported with that record.
            ok = False
            self.reported.add(key)
        return ok

    def _nested(self, data: dict[str, Any]) -> bool:
        ok = True
        for key in _NESTED.get(self.record.kind, ()):
            if key not in data:
                continue
            try:
                data[key] = _nested_value(key, data[key])
            except (TypeError, ValueError) as error:
                self.problem(key, _describe(key, error))
                self.reported.add(key)
                ok = False
        return ok

    def _fields(self, data: dict[str, Any]) -> bool:
        ok = True
        for attribute in attrs.fields(self.cls):
            key = attribute.alias
            if key not in data or key in self.reported or attribute.name == "renderer":
                continue
            try:
                value = data[key]
                if attribute.converter is not None:
                    value = attribute.converter(value)
                if attribute.validator is not None:
                    attribute.validator(None, attribute, value)
            except (TypeError, ValueError) as error:
                self.problem(key, _describe(key, error))
                ok = False
        return ok


def _nested_value(key: str, value: object) -> Any:
    """Build a nested table (or list of tables) into its attrs class."""
    if key == "period":
        return _sub(Period, value, key)
    if key == "ages":
        return _sub(AgeRange, value, key)
    if key == "eligibility":
        return _sub(Eligibility, value, key)
    if key == "numbers":
        return tuple(_sub(EmergencyNumber, n, key) for n in _list_of_tables(value, key))
    return tuple(_sub(Channel, c, key) for c in _list_of_tables(value, key))


def _quick(record: _Record, built: Mapping[str, Mapping[str, Any]], renderer: Any) -> Any:
    """Build a record with every key known, none missing and every reference found, or fail.

    The common case in one call, with nothing to report; a record that is not quite right
    returns ``None`` and goes to :class:`_RecordBuilder`, which checks it field by field and
    reports every problem (the constructors are pure, so trying first changes nothing).
    """
    kind, given = record.kind, record.data
    cls = _CLASSES[kind]
    names, required = _KEYS.get(cls) or _expected_keys(cls)
    if not (given.keys() <= names and required <= given.keys()):
        return None
    data = dict(given)
    try:
        for key, referred, single in _REFERENCES[kind]:
            if key in data:
                value, table = data[key], built[referred]
                if single:
                    data[key] = table[value]
                elif type(value) is list:
                    data[key] = tuple([table[i] for i in value])
                else:
                    return None
        for key in _NESTED.get(kind, ()):
            if key in data:
                data[key] = _nested_value(key, data[key])
        if renderer is not None and cls not in _UNRENDERED:
            data["renderer"] = renderer
        return cls(**data)
    except (KeyError, TypeError, ValueError):
        return None


def _list_of_tables(value: object, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"{key}: must be a list of inline tables, got {value!r}")
    return value


def _sub(cls: type, value: object, key: str) -> Any:
    if not isinstance(value, dict):
        raise TypeError(f"{key} must be an inline table, got {value!r}")
    try:
        return cls(**value)
    except TypeError as error:
        raise TypeError(f"{key}: {error}") from None

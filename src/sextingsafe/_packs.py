"""Content packs: reading TOML files, validating every record, and reporting every problem."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from ._errors import PackError, PackProblem
from ._model import (
    Advice,
    Channel,
    Fact,
    Occasion,
    Period,
    Quote,
    Renderer,
    Resource,
    Source,
    Speaker,
    placeholders,
)

__all__ = ["BUNDLED", "KINDS", "PackContent", "RawPack", "build", "discover", "read_pack"]

#: The bundled pack's directory.
BUNDLED = os.path.join(os.path.dirname(__file__), "content")
#: Content file name prefixes and the record tables such files may hold. A file is named
#: ``<prefix>.toml`` or ``<prefix>-<anything>.toml`` (``resources-helplines.toml``).
FILES: Mapping[str, tuple[str, ...]] = {
    "sources": ("source",),
    "occasions": ("occasion",),
    "quotes": ("speaker", "quote"),
    "resources": ("resource",),
    "facts": ("fact",),
    "advice": ("advice",),
}
_CONTENT_FILE = re.compile(
    r"(sources|occasions|quotes|resources|facts|advice)(?:-[a-z0-9-]+)?\.toml\Z"
)
KINDS = ("source", "occasion", "speaker", "resource", "fact", "quote", "advice")
_CLASSES: Mapping[str, type] = {
    "source": Source,
    "occasion": Occasion,
    "speaker": Speaker,
    "resource": Resource,
    "fact": Fact,
    "quote": Quote,
    "advice": Advice,
}
#: The largest content file accepted; real ones are a few hundred KiB at most.
MAX_FILE_BYTES = 8 * 1024 * 1024
_HEADER = re.compile(r"\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
_KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
_TOML_LINE = re.compile(r"\(at line (\d+)")


class _Record(NamedTuple):
    kind: str
    data: Mapping[str, Any]
    path: str
    line: int
    key_lines: Mapping[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class RawPack(NamedTuple):
    """A pack's records, parsed but not yet validated against each other."""

    name: str
    root: str
    records: tuple[_Record, ...]
    overrides: frozenset[str]
    problems: tuple[PackProblem, ...]

    @property
    def locale_dir(self) -> str:
        """Where the pack's gettext catalogues live."""
        return os.path.join(self.root, "locale")


class PackContent(NamedTuple):
    """Every item of one or more packs, validated and cross-referenced, in file order."""

    sources: tuple[Source, ...]
    occasions: tuple[Occasion, ...]
    speakers: tuple[Speaker, ...]
    resources: tuple[Resource, ...]
    facts: tuple[Fact, ...]
    quotes: tuple[Quote, ...]
    advice: tuple[Advice, ...]


def _line_index(text: str) -> list[tuple[str, int, dict[str, int]]]:
    """Find each ``[[table]]`` header and the lines of its keys (tomllib gives no positions)."""
    tables: list[tuple[str, int, dict[str, int]]] = []
    in_multiline = False
    for number, line in enumerate(text.splitlines(), start=1):
        quotes = line.count('"""') + line.count("'''")
        if in_multiline:
            in_multiline = quotes % 2 == 0
            continue
        header = _HEADER.match(line)
        if header:
            tables.append((header.group(1), number, {}))
        else:
            key = _KEY.match(line)
            if key and tables:
                tables[-1][2].setdefault(key.group(1), number)
        in_multiline = quotes % 2 == 1
    return tables


def _key_line(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        match = _KEY.match(line)
        if match and match.group(1) == key:
            return number
    return 0


def _read_file(path: str, shown: str, problems: list[PackProblem]) -> str | None:
    if os.path.islink(path):
        problems.append(PackProblem(shown, 0, "symbolic links are not followed in content packs"))
        return None
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        problems.append(
            PackProblem(shown, 0, f"file is {size} bytes; the limit is {MAX_FILE_BYTES}")
        )
        return None
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(PackProblem(shown, line, f"not valid UTF-8: {error.reason}"))
        return None


def _parse_toml(text: str, shown: str, problems: list[PackProblem]) -> dict[str, Any] | None:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        problems.append(
            PackProblem(shown, int(match.group(1)) if match else 0, f"bad TOML: {error}")
        )
        return None


#: A pack's TOML files compiled to JSON at build time (the bundled pack in a wheel).
COMPILED = "_compiled.json"


def read_pack(path: str | os.PathLike[str], *, compiled: bool = False) -> RawPack:
    """Read a pack directory's TOML files into records, noting every syntax problem.

    With *compiled*, a pack compiled by :func:`compile_pack` (the bundled pack in a wheel) is read
    from its JSON instead: the same records, without parsing TOML on a cold start. Other packs
    are always read from their TOML, so a stale or planted JSON file is never used.

    Raises:
        PackError: *path* is not a directory.
    """
    root = os.fspath(path)
    compiled_path = os.path.join(root, COMPILED)
    if compiled and os.path.exists(compiled_path):
        return _read_compiled(root, compiled_path)
    name = os.path.basename(os.path.normpath(root)) or root
    if not os.path.isdir(root):
        raise PackError(
            root, [PackProblem(root, 0, "not a directory; a content pack is a directory")]
        )
    problems: list[PackProblem] = []
    records: list[_Record] = []
    overrides: frozenset[str] = frozenset()
    meta_path = os.path.join(root, "pack.toml")
    if os.path.exists(meta_path):
        text = _read_file(meta_path, "pack.toml", problems)
        meta = _parse_toml(text, "pack.toml", problems) if text is not None else None
        if meta is not None:
            name = str(meta.get("name", name))
            listed = meta.get("overrides", [])
            if not isinstance(listed, list) or not all(isinstance(i, str) for i in listed):
                line = _key_line(text or "", "overrides")
                message = f"overrides must be a list of ids, got {listed!r}"
                problems.append(PackProblem("pack.toml", line, message))
            else:
                overrides = frozenset(listed)
    # The main file of each kind first (resources.toml before resources-helplines.toml), so
    # that a kind's own order is what its main file says.
    for filename in sorted(os.listdir(root), key=_file_order):
        if not filename.endswith(".toml") or filename == "pack.toml":
            continue
        match = _CONTENT_FILE.match(filename)
        if match is None:
            problems.append(
                PackProblem(
                    filename,
                    0,
                    "unknown content file; expected a name like "
                    + ", ".join(f"{prefix}.toml" for prefix in FILES)
                    + " (or 'advice-topic.toml')",
                )
            )
            continue
        tables = FILES[match.group(1)]
        full = os.path.join(root, filename)
        text = _read_file(full, filename, problems)
        data = _parse_toml(text, filename, problems) if text is not None else None
        if text is None or data is None:
            continue
        records.extend(_records(filename, tables, text, data, problems))
    return RawPack(name, root, tuple(records), overrides, tuple(problems))


def check_catalogues(raw: RawPack) -> list[PackProblem]:
    """Check a pack's gettext catalogues before anything is shown from them.

    They must parse, and every translation must keep its message's placeholders, so that
    nothing can fail, or inject anything, when it is displayed.
    """
    problems: list[PackProblem] = []
    if not os.path.isdir(raw.locale_dir):
        return problems
    for locale in sorted(os.listdir(raw.locale_dir)):
        folder = os.path.join(raw.locale_dir, locale, "LC_MESSAGES")
        for ext in (".po", ".mo"):
            path = os.path.join(folder, "sextingsafe" + ext)
            shown = f"{raw.name}/locale/{locale}/LC_MESSAGES/sextingsafe{ext}"
            if os.path.islink(path):
                problems.append(
                    PackProblem(shown, 0, "symbolic links are not followed in content packs")
                )
            elif os.path.exists(path):
                check = _check_po if ext == ".po" else _check_mo
                problems += [PackProblem(shown, line, message) for line, message in check(path)]
    return problems


def _placeholder_fault(msgid: str, msgstr: str) -> str | None:
    try:
        wanted, got = sorted(placeholders(msgid)), sorted(placeholders(msgstr))
    except ValueError as error:
        return f"bad placeholder in the translation: {error}"
    if wanted != got:
        return f"the translation's placeholders {got} differ from the message's {wanted}"
    return None


def _check_po(path: str) -> list[tuple[int, str]]:
    from babel.messages.pofile import PoFileError, read_po

    try:
        with open(path, "rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except PoFileError as error:
        return [(error.lineno + 1, f"not a valid .po file: {error}")]  # Babel counts from 0
    except (UnicodeDecodeError, ValueError) as error:
        return [(0, f"not a valid .po file: {error}")]
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().splitlines()
    found = []
    for message in catalog:
        if not message.id or message.fuzzy or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        for msgstr in strings:
            fault = _placeholder_fault(ids[-1], msgstr) if msgstr else None
            if fault:
                found.append((_msgstr_line(lines, message.lineno or 1), fault))
    return found


def _msgstr_line(lines: list[str], start: int) -> int:
    # Babel gives the line of msgctxt/msgid; the fault is in the msgstr that follows.
    return next(
        (n for n in range(start, len(lines) + 1) if lines[n - 1].startswith("msgstr")), start
    )


def _check_mo(path: str) -> list[tuple[int, str]]:
    from ._gettext import MessageCatalog

    with open(path, "rb") as handle:
        data = handle.read()
    try:
        catalog = MessageCatalog.from_mo("check", data)
    except (ValueError, UnicodeDecodeError) as error:
        return [(0, f"not a valid .mo file: {error}")]
    found = []
    for context, msgid, translation in sorted(catalog.entries()):
        strings = translation if isinstance(translation, tuple) else (translation,)
        for msgstr in strings:
            fault = _placeholder_fault(msgid, msgstr)
            if fault:
                found.append((0, f"{context}: {fault}"))
    return found


def compile_pack(path: str | os.PathLike[str]) -> str:
    """Return a pack's records as JSON, for :func:`read_pack` to load quickly.

    Raises:
        PackError: The pack has a problem; a pack is only compiled when it is valid.
    """
    import json

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


def _encode_date(value: object) -> dict[str, str]:
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot compile {value!r} to JSON")


def _decode_date(value: dict[str, Any]) -> Any:
    date = value.get("$date")
    return dt.date.fromisoformat(date) if isinstance(date, str) and len(value) == 1 else value


def _read_compiled(root: str, path: str) -> RawPack:
    import json

    with open(path, encoding="utf-8") as handle:
        data = json.load(handle, object_hook=_decode_date)
    records = tuple(_Record(kind, record, path, 0, {}) for kind, record, path in data["records"])
    return RawPack(data["name"], root, records, frozenset(data["overrides"]), ())


def _file_order(name: str) -> tuple[str, bool, str]:
    prefix = name.split("-", maxsplit=1)[0].split(".", maxsplit=1)[0]
    return prefix, name != f"{prefix}.toml", name


def _records(
    filename: str,
    tables: tuple[str, ...],
    text: str,
    data: Mapping[str, Any],
    problems: list[PackProblem],
) -> list[_Record]:
    index = _line_index(text)
    seen: dict[str, int] = {}
    out = []
    for key, value in data.items():
        if key not in tables:
            problems.append(
                PackProblem(
                    filename,
                    0,
                    f"unknown table {key!r}; expected " + " or ".join(f"[[{t}]]" for t in tables),
                )
            )
            continue
        if not isinstance(value, list):
            problems.append(
                PackProblem(filename, 0, f"{key!r} must be an array of tables: [[{key}]]")
            )
            continue
        positions = [(line, keys) for table, line, keys in index if table == key]
        for number, record in enumerate(value):
            line, keys = positions[number] if number < len(positions) else (0, {})
            seen[key] = number
            if not isinstance(record, dict):
                problems.append(PackProblem(filename, line, f"each [[{key}]] must be a table"))
                continue
            out.append(_Record(key, record, filename, line, keys))
    return out


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
    origin: dict[tuple[str, str], str] = {}
    for kind in KINDS:
        for pack in packs:
            for record in (r for r in pack.records if r.kind == kind):
                builder = _RecordBuilder(pack, record, problems)
                item = builder.build(built, failed, renderer)
                if item is not None:
                    builder.store(item, built[kind], origin)
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
    )


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
}


class _RecordBuilder:
    """Checks one record field by field, collecting every problem, then builds the item."""

    def __init__(self, pack: RawPack, record: _Record, problems: list[PackProblem]) -> None:
        self.pack = pack
        self.record = record
        self.problems = problems
        self.cls = _CLASSES[record.kind]
        item_id = record.data.get("id")
        self.id = item_id if isinstance(item_id, str) else None
        self.label = f"[[{record.kind}]] {item_id!r}" if self.id else f"[[{record.kind}]]"
        # Fields already reported (bad references, nested tables): not checked again.
        self.reported: set[str] = set()

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
        data = {k: v for k, v in self.record.data.items() if k in names}
        ok = True
        for key in sorted(set(self.record.data) - names):
            self.problem(key, f"unknown key {key!r}; expected one of {', '.join(sorted(names))}")
            ok = False
        for key in sorted(required - set(self.record.data)):
            self.problem(None, f"missing required key {key!r}")
            ok = False
        ok = self._references(data, built, failed) and ok
        ok = self._nested(data) and ok
        if ok:
            if renderer is not None and self.cls is not Source:
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
                    "id",
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
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                self.problem(
                    key, f"{key} must be {'an id' if single else 'a list of ids'}, got {value!r}"
                )
                self.reported.add(key)
                ok = False
                continue
            missing = [i for i in ids if i not in built[kind]]
            unknown = [i for i in missing if i not in failed[kind]]
            if unknown:
                self.problem(key, f"unknown {kind} id(s) in {key}: {', '.join(map(repr, unknown))}")
            if missing:
                ok = False  # a reference to a record that failed was reported with that record
                self.reported.add(key)
                continue
            resolved = [built[kind][i] for i in ids]
            data[key] = resolved[0] if single else tuple(resolved)
        return ok

    def _nested(self, data: dict[str, Any]) -> bool:
        key = {"fact": "period", "resource": "channels"}.get(self.record.kind)
        if key is None or key not in data:
            return True
        try:
            if key == "period":
                data[key] = _sub(Period, data[key], key)
            else:
                data[key] = tuple(_sub(Channel, c, key) for c in _list_of_tables(data[key]))
        except (TypeError, ValueError) as error:
            self.problem(key, _describe(key, error))
            self.reported.add(key)
            return False
        return True

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


def _list_of_tables(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"channels: must be a list of inline tables, got {value!r}")
    return value


def _sub(cls: type, value: object, key: str) -> Any:
    if not isinstance(value, dict):
        raise TypeError(f"{key} must be an inline table, got {value!r}")
    try:
        return cls(**value)
    except TypeError as error:
        raise TypeError(f"{key}: {error}") from None


def discover() -> tuple[str, ...]:
    """Return the directories of packs installed under the ``sextingsafe.packs`` entry point group.

    An entry point names a module (its directory is the pack), a path, or a callable returning one.
    """
    from importlib.metadata import entry_points

    found = []
    for entry in entry_points(group="sextingsafe.packs"):
        target = entry.load()
        if callable(target):
            target = target()
        if isinstance(target, str | os.PathLike):
            found.append(os.fspath(target))
        elif getattr(target, "__file__", None):
            found.append(os.path.dirname(target.__file__))
        else:
            raise PackError(
                entry.name, [PackProblem(entry.value, 0, "entry point is not a pack directory")]
            )
    return tuple(found)

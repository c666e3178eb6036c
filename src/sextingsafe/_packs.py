"""Content packs: reading TOML files, validating every record, and reporting every problem."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from ._errors import PackError, PackProblem
from ._model import (
    Advice,
    Fact,
    Occasion,
    Quote,
    Resource,
    Source,
    Speaker,
    placeholders,
)

__all__ = [
    "BUNDLED",
    "COMPILED",
    "KINDS",
    "PackContent",
    "RawPack",
    "check_catalogues",
    "discover",
    "read_pack",
]

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

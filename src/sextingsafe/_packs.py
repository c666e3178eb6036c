"""Content packs: reading TOML files, validating every record, and reporting every problem."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
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
    #: ``(kind, id)`` of records in files that could not be parsed: already reported, so a
    #: reference to one is not reported again.
    unreadable: frozenset[tuple[str, str]] = frozenset()

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


def _string_state(line: str, state: str) -> tuple[str, bool]:
    """Scan one TOML line for strings.

    Returns the multi-line string state after the line, and whether the line began outside
    any string (so that a header or a key on it is real).
    """
    starts_outside = state == ""
    position = 0
    while position < len(line):
        if state:
            end = line.find(state, position)
            if end < 0:
                return state, starts_outside
            position, state = end + 3, ""
            continue
        char = line[position]
        if char == "#":
            break
        if line.startswith(('"""', "'''"), position):
            state, position = line[position : position + 3], position + 3
        elif char == '"':
            position += 1
            while position < len(line) and line[position] != '"':
                position += 2 if line[position] == "\\" else 1
            position += 1
        elif char == "'":
            end = line.find("'", position + 1)
            position = len(line) if end < 0 else end + 1
        else:
            position += 1
    return state, starts_outside


def _line_index(text: str) -> list[tuple[str, int, dict[str, int]]]:
    """Find each ``[[table]]`` header and the lines of its keys (tomllib gives no positions)."""
    tables: list[tuple[str, int, dict[str, int]]] = []
    state = ""
    # TOML ends lines with "\n" only; str.splitlines() would also split on U+2028 and friends.
    for number, line in enumerate(text.split("\n"), start=1):
        state, outside = _string_state(line, state)
        if not outside:
            continue
        header = _HEADER.match(line)
        if header:
            tables.append((header.group(1), number, {}))
        else:
            key = _KEY.match(line)
            if key and tables:
                tables[-1][2].setdefault(key.group(1), number)
    return tables


def _key_line(text: str, key: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        match = _KEY.match(line)
        if match and match.group(1) == key:
            return number
    return 0


def _file_problem(path: str) -> str | None:
    """Say why *path* may not be read: a link, not a regular file, or too large."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return "symbolic links are not followed in content packs"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > MAX_FILE_BYTES:
        return f"file is {info.st_size} bytes; the limit is {MAX_FILE_BYTES}"
    return None


def _read_file(path: str, shown: str, problems: list[PackProblem]) -> str | None:
    problem = _file_problem(path)
    if problem is not None:
        problems.append(PackProblem(shown, 0, problem))
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
    except RecursionError:
        problems.append(PackProblem(shown, _deepest_line(text), "a value is nested too deeply"))
        return None
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        problems.append(
            PackProblem(shown, int(match.group(1)) if match else 0, f"bad TOML: {error}")
        )
        return None


_MAX_DEPTH = 100


def _deepest_line(text: str) -> int:
    """Return the first line whose brackets nest deeper than any real pack needs."""
    for number, line in enumerate(text.split("\n"), start=1):
        depth = deepest = 0
        for char in line:
            depth += (char in "[{") - (char in "]}")
            deepest = max(deepest, depth)
        if deepest > _MAX_DEPTH:
            return number
    return 0


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
    unreadable: set[tuple[str, str]] = set()
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
            ids = re.findall(r'(?m)^\s*id\s*=\s*"([^"\n]*)"', text or "")
            unreadable.update((table, item_id) for table in tables for item_id in ids)
            continue
        records.extend(_records(filename, tables, text, data, problems))
    return RawPack(name, root, tuple(records), overrides, tuple(problems), frozenset(unreadable))


def check_catalogues(raw: RawPack) -> list[PackProblem]:
    """Check a pack's gettext catalogues before anything is shown from them.

    Each must be a regular file within the limit, in a directory named for a locale Babel knows
    (no links anywhere on the way), parse, have a plural rule that always picks an existing form,
    hold each message once, and keep the placeholders of every message that gets formatted, so
    that nothing can fail, or inject anything, when it is displayed.
    Paths are relative to the pack, as in the pack's own problems.
    """
    problems: list[PackProblem] = []
    root = raw.locale_dir
    if os.path.islink(root):
        return [PackProblem("locale", 0, "symbolic links are not followed in content packs")]
    if not os.path.isdir(root):
        return problems
    for locale in sorted(os.listdir(root)):
        shown_dir = f"locale/{locale}"
        fault = _locale_dir_fault(root, locale)
        if fault:
            where, message = fault
            problems.append(PackProblem(f"{shown_dir}{where}", 0, message))
            continue
        folder = os.path.join(root, locale, "LC_MESSAGES")
        for ext in (".po", ".mo"):
            path = os.path.join(folder, "sextingsafe" + ext)
            shown = f"{shown_dir}/LC_MESSAGES/sextingsafe{ext}"
            if not os.path.lexists(path):
                continue
            file_fault = _file_problem(path)
            if file_fault is not None:
                problems.append(PackProblem(shown, 0, file_fault))
                continue
            check = _check_po if ext == ".po" else _check_mo
            problems += [PackProblem(shown, line, message) for line, message in check(path)]
    return problems


def _locale_dir_fault(root: str, locale: str) -> tuple[str, str] | None:
    """Return where under ``locale/<name>`` a directory is wrong, and what is wrong."""
    from ._errors import InvalidLocaleError
    from ._i18n import parse_locale, to_babel

    for where in ("", "/LC_MESSAGES"):
        path = os.path.join(root, locale + where)
        if os.path.islink(path):
            return where, "symbolic links are not followed in content packs"
        if os.path.lexists(path) and not os.path.isdir(path):
            return where, "not a directory"
    try:
        if str(parse_locale(locale)) != locale:
            return (
                "",
                f"directory names must be locale names such as 'fr' or 'pt_BR', not {locale!r}",
            )
        to_babel(locale)
    except (InvalidLocaleError, LookupError):
        return "", f"{locale!r} is not a locale Babel knows"
    return None


def _formatted(context: str, msgid: object) -> bool:
    # Only fact statements and counted labels are formatted; braces elsewhere are plain text.
    return context.endswith(":statement") or isinstance(msgid, tuple | list)


def _placeholder_fault(msgid: str, msgstr: str) -> str | None:
    try:
        wanted, got = sorted(placeholders(msgid)), sorted(placeholders(msgstr))
    except ValueError as error:
        return f"bad placeholder in the translation: {error}"
    if wanted != got:
        return f"the translation's placeholders {got} differ from the message's {wanted}"
    return None


def _emergency_fault(msgid: str, msgstr: str) -> str | None:
    """Text that is not otherwise formatted must still keep ``{emergency}``, filled per country."""
    from ._format import EMERGENCY

    wanted, got = msgid.count(EMERGENCY), msgstr.count(EMERGENCY)
    if wanted != got:
        return (
            f"the translation has {EMERGENCY} {got} time(s), the message {wanted}: keep it as "
            "it is, for the reader's emergency number"
        )
    return None


def _plural_fault(header: str) -> str | None:
    """Check a Plural-Forms header: its rule must pick an existing form for every count."""
    import gettext

    match = re.search(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]+)", header or "")
    if match is None:
        return None if not header else f"Plural-Forms {header!r} is not nplurals=N; plural=EXPR"
    count = int(match.group(1))
    try:
        rule = gettext.c2py(match.group(2).strip())
        bad = next((n for n in range(1001) if not 0 <= rule(n) < count), None)
    except (ValueError, ArithmeticError, RecursionError, TypeError) as error:
        return f"Plural-Forms rule {match.group(2).strip()!r} cannot be used: {error}"
    if bad is not None:
        return f"Plural-Forms rule picks a form that does not exist (of {count}) for n={bad}"
    return None


def _check_po(path: str) -> list[tuple[int, str]]:
    from babel.messages.pofile import PoFileError, read_po

    try:
        with open(path, "rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except PoFileError as error:
        return [(error.lineno + 1, f"not a valid .po file: {error}")]  # Babel counts from 0
    except (UnicodeDecodeError, ValueError, LookupError) as error:
        return [(0, f"not a valid .po file: {error}")]
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().split("\n")
    found = []
    headers = dict(catalog.mime_headers)
    fault = _plural_fault(headers.get("Plural-Forms", ""))
    if fault:
        found.append((next((n for n, t in enumerate(lines, 1) if "Plural-Forms" in t), 0), fault))
    found += _duplicates(lines)
    for message in catalog:
        if not message.id or message.fuzzy or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if not _formatted(message.context or "", message.id):
            fault = _emergency_fault(ids[-1], strings[0])
            if fault:
                found.append((_msgstr_line(lines, message.lineno or 1), fault))
            continue
        for index, msgstr in enumerate(strings):
            fault = _placeholder_fault(ids[-1], msgstr) if msgstr else None
            if fault:
                form = f"msgstr[{index}]" if len(strings) > 1 else "msgstr"
                found.append((_msgstr_line(lines, message.lineno or 1, form), fault))
    return found


def _duplicates(lines: list[str]) -> list[tuple[int, str]]:
    # Babel keeps the first of two entries with the same context and id: say so instead.
    seen: dict[tuple[str, str], int] = {}
    found = []
    context = ""
    for number, line in enumerate(lines, start=1):
        if line.startswith("msgctxt "):
            context = line
        elif line.startswith("msgid ") and line != 'msgid ""':
            key = (context, line)
            if key in seen:
                found.append((number, f"this message is already given on line {seen[key]}"))
            else:
                seen[key] = number
            context = ""
    return found


def _msgstr_line(lines: list[str], start: int, form: str = "msgstr") -> int:
    # Babel gives the line of msgctxt/msgid; the fault is in the msgstr that follows.
    return next(
        (n for n in range(start, len(lines) + 1) if lines[n - 1].startswith(form + " ")), start
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
    fault = _plural_fault(catalog.headers.get("plural-forms", ""))
    if fault:
        found.append((0, fault))
    for context, msgid, translation in sorted(catalog.entries()):
        strings = translation if isinstance(translation, tuple) else (translation,)
        if not _formatted(context, translation if isinstance(translation, tuple) else msgid):
            fault = _emergency_fault(msgid, strings[0])
            if fault:
                found.append((0, f"{context}: {fault}"))
            continue
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

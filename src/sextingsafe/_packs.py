"""Content packs: reading TOML files, validating every record, and reporting every problem."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import stat
from collections.abc import Mapping
from typing import Any, NamedTuple

from ._errors import PackError, PackProblem
from ._model import (
    Advice,
    EmergencyService,
    Fact,
    Occasion,
    Quote,
    Resource,
    Source,
    Speaker,
    placeholders,
)
from ._reference import Question, Script, Term

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
    "glossary": ("term",),
    "faq": ("question",),
    "scripts": ("script",),
    "emergency": ("emergency",),
}
_CONTENT_FILE = re.compile(
    r"(sources|occasions|quotes|resources|facts|advice|glossary|faq|scripts|emergency)"
    r"(?:-[a-z0-9-]+)?\.toml\Z"
)
KINDS = (
    "source",
    "occasion",
    "speaker",
    "resource",
    "fact",
    "quote",
    "advice",
    "term",
    "question",
    "script",
    "emergency",
)
MAX_FILE_BYTES = 8 * 1024 * 1024
_HEADER = re.compile(r"\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
_KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
_TOML_LINE = re.compile(r"\(at line (\d+)")


class _Lines:
    """Where one file's ``[[table]]`` headers and keys are, found on first use.

    tomllib gives no positions; finding them costs a second pass over the text, and only a
    problem needs them, so a valid pack never pays for it.
    """

    __slots__ = ("_index", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._index: dict[str, list[tuple[int, dict[str, int]]]] | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Lines) and self._text == other._text

    def __hash__(self) -> int:
        return hash(self._text)

    def position(self, table: str, number: int) -> tuple[int, Mapping[str, int]]:
        """Return the line of the *number*-th ``[[table]]`` header and the lines of its keys."""
        if self._index is None:
            index: dict[str, list[tuple[int, dict[str, int]]]] = {}
            for name, line, keys in _line_index(self._text):
                index.setdefault(name, []).append((line, keys))
            self._index = index
        found = self._index.get(table, [])
        return found[number] if number < len(found) else (0, {})


class _Record(NamedTuple):
    kind: str
    data: Mapping[str, Any]
    path: str
    #: The record's line where it is known without the file (an export's record number).
    fixed_line: int = 0
    lines: _Lines | None = None
    #: The record's place among its file's tables of its kind.
    number: int = 0

    @property
    def line(self) -> int:
        """The line of the record's ``[[table]]`` header (0 where unknown)."""
        if self.lines is None:
            return self.fixed_line
        return self.lines.position(self.kind, self.number)[0]

    def line_of(self, key: str) -> int:
        """The line of the record's *key*, or of the record where the key is not on a line."""
        if self.lines is None:
            return self.fixed_line
        line, keys = self.lines.position(self.kind, self.number)
        return keys.get(key, line)

    @property
    def id_key(self) -> str:
        """The key holding the record's id: ``country`` for an emergency record, else ``id``."""
        return "country" if self.kind == "emergency" else "id"

    @property
    def item_id(self) -> object:
        """The record's id, as written (unchecked)."""
        return self.data.get(self.id_key)


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
    terms: tuple[Term, ...] = ()
    questions: tuple[Question, ...] = ()
    scripts: tuple[Script, ...] = ()
    emergency: tuple[EmergencyService, ...] = ()


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
        data = tomllib.loads(text)
    except RecursionError:
        problems.append(PackProblem(shown, _deepest_line(text), "a value is nested too deeply"))
        return None
    except tomllib.TOMLDecodeError as error:
        # tomllib says "(at line N, column M)", or "(at end of document)": the last line.
        match = _TOML_LINE.search(str(error))
        line = int(match.group(1)) if match else text.count("\n") + 1
        problems.append(PackProblem(shown, line, f"bad TOML: {error}"))
        return None
    if _too_deep(data):
        # Dotted keys (a.b.c = 1) nest without brackets: nothing later may repr() such a value.
        problems.append(PackProblem(shown, _deepest_line(text), "a value is nested too deeply"))
        return None
    return data


_MAX_DEPTH = 100


def _too_deep(data: object) -> bool:
    """Return whether tables and arrays in *data* nest deeper than any real pack needs."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    pop, push = stack.pop, stack.append
    while stack:
        value, depth = pop()
        if depth > _MAX_DEPTH:
            return True
        depth += 1
        # Only containers are followed: the strings and dates of a record cost one test each,
        # and no tuple is made for them (this runs over every value of every record loaded).
        for child in value.values() if type(value) is dict else value:
            kind = type(child)
            if kind is list:
                if depth > _MAX_DEPTH:
                    return True
                # A list of strings or dates (the common case) is cleared here, not pushed.
                for grandchild in child:
                    inner = type(grandchild)
                    if inner is dict or inner is list:
                        push((child, depth))
                        break
            elif kind is dict:
                push((child, depth))
    return False


def _deepest_line(text: str) -> int:
    """Return the first line whose brackets nest deeper than any real pack needs."""
    for number, line in enumerate(text.split("\n"), start=1):
        depth = deepest = 0
        for char in line:
            depth += (char in "[{.") - (char in "]}")
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
    # lexists: a dangling or looping link is reported, not taken for a missing file.
    if os.path.lexists(meta_path):
        text = _read_file(meta_path, "pack.toml", problems)
        meta = _parse_toml(text, "pack.toml", problems) if text is not None else None
        if meta is not None:
            name, overrides = _pack_meta(meta, text or "", name, problems)
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


_PACK_KEYS = frozenset({"name", "overrides"})
_PACK_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._ -]{0,63}\Z")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
#: An emergency record's id is its country's code.
_COUNTRY = re.compile(r"[A-Z]{2}\Z")


def _pack_meta(
    meta: Mapping[str, Any], text: str, name: str, problems: list[PackProblem]
) -> tuple[str, frozenset[str]]:
    """Read ``pack.toml``: the pack's name and the ids it overrides, each checked."""
    from ._pofile import clip

    for key in sorted(set(meta) - _PACK_KEYS):
        message = f"unknown key {clip(key, 40)}; expected one of {', '.join(sorted(_PACK_KEYS))}"
        problems.append(PackProblem("pack.toml", _key_line(text, key), message))
    given = meta.get("name", name)
    if not isinstance(given, str) or not _PACK_NAME.match(given):
        # The name starts every problem line: a newline in it would forge more of them.
        message = (
            "name must be up to 64 letters, digits, spaces, '.', '_' or '-', "
            f"got {clip(str(given), 40)}"
        )
        problems.append(PackProblem("pack.toml", _key_line(text, "name"), message))
    else:
        name = given
    listed = meta.get("overrides", [])
    if not isinstance(listed, list) or not all(isinstance(i, str) for i in listed):
        message = f"overrides must be a list of ids, got {clip(str(listed), 40)}"
        problems.append(PackProblem("pack.toml", _key_line(text, "overrides"), message))
        return name, frozenset()
    bad = [i for i in listed if not (_SLUG.match(i) or _COUNTRY.match(i))]
    if bad:
        message = (
            "overrides must hold item ids such as 'report-remove', or country codes such as 'GB' "
            "for emergency numbers, got " + ", ".join(clip(i, 40) for i in bad[:5])
        )
        problems.append(PackProblem("pack.toml", _key_line(text, "overrides"), message))
    return name, frozenset(listed)


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
            found = [PackProblem(shown, line, message) for line, message in check(path)]
            problems += found
            po = os.path.join(folder, "sextingsafe.po")
            if ext == ".mo" and not found and os.path.lexists(po) and _file_problem(po) is None:
                disagreement = _disagreement(po, path)
                if disagreement:
                    problems.append(PackProblem(shown, 0, disagreement))
    return problems


def translation_warnings(raw: RawPack, messages: Mapping[str, str]) -> list[PackProblem]:
    """List the translations in *raw*'s catalogues that nothing will ever show.

    A translation for a context no item has (an unknown id or field), or for English text that
    has since changed, is dropped when the pack loads; ``validate`` warns about each.
    Catalogues that fail :func:`check_catalogues` are skipped: that already reported them.

    Args:
        raw: The pack.
        messages: Every translatable message of the content the pack loads with, context to
            English text (for plural messages, the singular).
    """
    from ._gettext import MessageCatalog
    from ._pofile import PoSyntaxError, clip, read_po

    found: list[PackProblem] = []
    root = raw.locale_dir
    if os.path.islink(root) or not os.path.isdir(root):
        return found
    for locale in sorted(os.listdir(root)):
        if _locale_dir_fault(root, locale):
            continue
        folder = os.path.join(root, locale, "LC_MESSAGES")
        po, mo = (os.path.join(folder, "sextingsafe" + ext) for ext in (".po", ".mo"))
        entries: list[tuple[str, str, int]] = []
        try:
            if os.path.lexists(po) and _file_problem(po) is None:
                shown = f"locale/{locale}/LC_MESSAGES/sextingsafe.po"
                with open(po, "rb") as handle:
                    parsed = read_po(handle.read())
                entries = [
                    (e.context or "", e.msgid, e.line)
                    for e in parsed.entries
                    if e.msgid and e.translated and not e.fuzzy
                ]
            elif os.path.lexists(mo) and _file_problem(mo) is None:
                shown = f"locale/{locale}/LC_MESSAGES/sextingsafe.mo"
                with open(mo, "rb") as handle:
                    catalog = MessageCatalog.from_mo(locale, handle.read())
                entries = [(c, m, 0) for c, m, _ in catalog.entries()]
        except (PoSyntaxError, ValueError, UnicodeDecodeError):
            continue
        for context, msgid, line in entries:
            if context not in messages:
                message = f"translates {clip(context)}, which no item has; it is never shown"
            elif messages[context] != msgid:
                message = (
                    f"translates an older English text of {clip(context)}; "
                    "it is not shown until it is translated again"
                )
            else:
                continue
            found.append(PackProblem(shown, line, message))
    return found


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


def _formatted(context: str, plural: bool) -> bool:
    # Only fact statements and counted labels are formatted; braces elsewhere are plain text.
    return plural or context.endswith(":statement")


def _placeholder_fault(msgid: str, msgstr: str) -> str | None:
    try:
        wanted, got = sorted(placeholders(msgid)), sorted(placeholders(msgstr))
    except ValueError as error:
        return f"bad placeholder in the translation: {error}"
    if wanted != got:
        return (
            f"the translation's placeholders ({_words(got)}) differ from the message's "
            f"({_words(wanted)}); keep each of the message's placeholders, once, as written"
        )
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


def _words(found: list[tuple[str, str]]) -> str:
    # Placeholders as a translator writes them, not as Python tuples.
    if not found:
        return "none"
    return ", ".join(f"{{{name}:{spec}}}" if spec else f"{{{name}}}" for name, spec in found)


# Packs share a handful of headers, and trying a rule on 1,001 counts is a millisecond each time.
@functools.lru_cache(maxsize=64)
def _plural_fault(header: str) -> str | None:
    """Check a Plural-Forms header: its rule must pick an existing form for every count."""
    import gettext

    from ._pofile import clip, parse_plural_forms

    if not header:
        return None
    try:
        count, expression = parse_plural_forms(header)
    except ValueError as error:
        return str(error)
    try:
        rule = gettext.c2py(expression)
        bad = next((n for n in range(1001) if not 0 <= rule(n) < count), None)
    except (ValueError, ArithmeticError, RecursionError, TypeError) as error:
        return f"Plural-Forms rule {clip(expression)} cannot be used: {clip(str(error))}"
    if bad is not None:
        return f"Plural-Forms rule picks a form that does not exist (of {count}) for n={bad}"
    return None


def _text_fault(text: str) -> str | None:
    from ._pofile import control_character

    char = control_character(text)
    return None if char is None else f"the translation contains the control character {char!r}"


def _check_po(path: str) -> list[tuple[int, str]]:
    from ._pofile import PoSyntaxError, read_po

    with open(path, "rb") as handle:
        data = handle.read()
    try:
        parsed = read_po(data)
    except PoSyntaxError as error:
        return [(error.line, f"not a valid .po file: {error.message}")]
    found = []
    fault = _plural_fault(parsed.headers.get("plural-forms", ""))
    if fault:
        found.append((parsed.plural_line, fault))
    for entry in parsed.entries:
        if entry.fuzzy:
            continue
        formatted = _formatted(entry.context or "", entry.msgid_plural is not None)
        for index, msgstr in enumerate(entry.strings):
            if not msgstr:
                continue
            fault = _text_fault(msgstr)
            if fault is None and formatted:
                fault = _placeholder_fault(entry.msgid_plural or entry.msgid, msgstr)
            elif fault is None:
                fault = _emergency_fault(entry.msgid, msgstr)
            if fault:
                found.append((entry.string_lines[index], fault))
    return found


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
    # One search over every text first: a valid catalogue is then checked in linear time,
    # looking again only at the messages that get formatted (statements and plurals).
    suspect = _text_fault(catalog.every_text()) is not None
    plural_header = bool(catalog.headers.get("plural-forms"))
    for context, msgid, translation in catalog.entries(None if suspect else ":statement"):
        plural = type(translation) is tuple
        if plural and not fault and not plural_header:
            found.append((0, f"{context}: a plural translation needs a Plural-Forms header"))
        # Without a suspect text, entries() yields only these, the messages that get formatted.
        formatted = plural or context.endswith(":statement")
        for msgstr in translation if isinstance(translation, tuple) else (translation,):
            problem = _text_fault(msgstr)
            if problem is None and formatted:
                problem = _placeholder_fault(msgid, msgstr)
            if problem:
                found.append((0, f"{context}: {problem}"))
    return sorted(found)


def _disagreement(po_path: str, mo_path: str) -> str | None:
    """Say how a ``.mo`` differs from the ``.po`` beside it, if it does."""
    from ._gettext import MessageCatalog
    from ._pofile import clip

    try:
        po = MessageCatalog.from_po("check", po_path)
        with open(mo_path, "rb") as handle:
            mo = MessageCatalog.from_mo("check", handle.read())
    except (ValueError, UnicodeDecodeError):
        return None  # already reported
    ours = {(c, m): t for c, m, t in po.entries()}
    theirs = {(c, m): t for c, m, t in mo.entries()}
    differ = sorted(k[0] for k in ours.keys() ^ theirs.keys())
    differ += sorted(k[0] for k in ours.keys() & theirs.keys() if ours[k] != theirs[k])
    if not differ:
        return None
    return (
        f"disagrees with the sextingsafe.po beside it in {len(differ)} message(s), first "
        f"{clip(differ[0])}; compile it again from the .po, or remove it"
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
    records = tuple(_Record(kind, record, path) for kind, record, path in data["records"])
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
    lines = _Lines(text)
    out = []

    def line(key: str) -> int:
        # The first [[key]] header's line, or the line that sets the key (key = [...]); found
        # only for a problem, so that a valid file is never indexed.
        return lines.position(key, 0)[0] or _key_line(text, key)

    for key, value in data.items():
        if key not in tables:
            expected = " or ".join(f"[[{t}]]" for t in tables)
            message = f"unknown table {key!r}; expected {expected}"
            problems.append(PackProblem(filename, line(key), message))
            continue
        if not isinstance(value, list):
            message = f"{key!r} must be an array of tables: [[{key}]]"
            problems.append(PackProblem(filename, line(key), message))
            continue
        for number, record in enumerate(value):
            if not isinstance(record, dict):
                # Only an inline array (key = [1, 2]) can hold something else: no header.
                message = f"each [[{key}]] must be a table"
                problems.append(PackProblem(filename, line(key), message))
                continue
            out.append(_Record(key, record, filename, lines=lines, number=number))
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

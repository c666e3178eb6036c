"""A strict reader of gettext ``.po`` files and ``Plural-Forms`` headers, as ``msgfmt --check``.

Babel's reader forgives what GNU ``msgfmt`` rejects: an unterminated string is cut short, a
second ``msgstr`` is ignored, a bad escape is kept as it is. A pack's catalogue is untrusted
input shown to children, so any syntax error rejects the file, with its line, and nothing in it
is used. The header is read and checked before any message is kept, so a hostile
``nplurals`` cannot make anything allocate.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "MAX_PLURALS",
    "MAX_PLURAL_EXPRESSION",
    "PoEntry",
    "PoFile",
    "PoSyntaxError",
    "clip",
    "control_character",
    "parse_plural_forms",
    "read_po",
]

#: The most plural forms a catalogue may declare; no language has more than six.
MAX_PLURALS = 20
#: The longest plural expression accepted; real ones are under 200 characters.
MAX_PLURAL_EXPRESSION = 500

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[([0-9]+)\])?)(?=[\s\"]|\Z)")
_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "?": "?",
    "'": "'",
}
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"[0-9A-Fa-f]+")
# C0 and C1 control characters other than tab and newline: a terminal acts on them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PLURAL_FORMS = re.compile(
    r"\s*nplurals\s*=\s*([0-9]+)\s*;\s*plural\s*=\s*([^;]*?)\s*;?\s*\Z", re.ASCII
)


class PoSyntaxError(ValueError):
    """A ``.po`` file breaks the gettext syntax; *line* is 1-based (0: the whole file)."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}" if line else message)


class PoEntry(NamedTuple):
    """One message of a ``.po`` file, its strings unescaped."""

    context: str | None
    msgid: str
    msgid_plural: str | None
    #: The translation: one string, or one per plural form.
    strings: tuple[str, ...]
    fuzzy: bool
    #: Who reviewed it, from a translator comment ``# reviewed-by: Name, YYYY-MM-DD``.
    reviewer: str | None
    #: The line of its ``msgid``.
    line: int
    #: The line of each ``msgstr``.
    string_lines: tuple[int, ...]

    @property
    def translated(self) -> bool:
        """True when every form of the translation is non-empty."""
        return all(self.strings)


class PoFile(NamedTuple):
    """A parsed ``.po`` file: its header and its messages, in file order."""

    #: Header fields, lower-case names.
    headers: dict[str, str]
    #: ``(nplurals, expression)`` from a valid ``Plural-Forms`` header, or ``None``.
    plural: tuple[int, str] | None
    #: The line of the ``Plural-Forms`` header (0 without one).
    plural_line: int
    entries: tuple[PoEntry, ...]


def clip(text: str, limit: int = 60) -> str:
    """Return *text* quoted, cut to *limit* characters, for an error message."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"… ({len(text)} characters)"


def control_character(text: str) -> str | None:
    """Return the first control character in *text* (other than tab and newline), if any."""
    found = _CONTROL.search(text)
    return found.group(0) if found else None


def parse_plural_forms(header: str) -> tuple[int, str]:
    """Parse a ``Plural-Forms`` header: exactly ``nplurals=N; plural=EXPR;``.

    Raises:
        ValueError: It is not of that form, declares too many forms, or its expression is
            too long. The message quotes no more than the start of the header.
    """
    match = _PLURAL_FORMS.match(header)
    if match is None or not match.group(2):
        raise ValueError(f"Plural-Forms {clip(header)} is not 'nplurals=N; plural=EXPR;'")
    digits, expression = match.groups()
    if len(digits) > 3 or not 1 <= int(digits) <= MAX_PLURALS:
        raise ValueError(
            f"Plural-Forms declares {clip(digits, 20)} forms; expected 1 to {MAX_PLURALS}"
        )
    if len(expression) > MAX_PLURAL_EXPRESSION:
        raise ValueError(
            f"Plural-Forms expression is {len(expression)} characters long; "
            f"the limit is {MAX_PLURAL_EXPRESSION}"
        )
    return int(digits), expression


def _unquote(text: str, number: int) -> str:
    """Return the value of one quoted string, which *text* must be, escapes resolved."""
    if not text.startswith('"'):
        raise PoSyntaxError(number, f"expected a quoted string, found {clip(text, 30)}")
    out: list[str] = []
    position = 1
    length = len(text)
    while True:
        end = position
        while end < length and text[end] not in '"\\':
            end += 1
        out.append(text[position:end])
        if end >= length:
            raise PoSyntaxError(number, "unterminated string: no closing quote on this line")
        if text[end] == '"':
            rest = text[end + 1 :].strip()
            if rest:
                raise PoSyntaxError(number, f"unexpected text after the string: {clip(rest, 30)}")
            return "".join(out)
        # A backslash: one escape sequence.
        if end + 1 >= length:
            raise PoSyntaxError(number, "unterminated string: it ends with a backslash")
        char = text[end + 1]
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
            position = end + 2
        elif char == "x" and (hexa := _HEX.match(text, end + 2)):
            value = int(hexa.group(0)[-2:], 16)
            out.append(chr(value))
            position = hexa.end()
        elif octal := _OCTAL.match(text, end + 1):
            out.append(chr(int(octal.group(0), 8)))
            position = octal.end()
        else:
            raise PoSyntaxError(number, f"invalid escape sequence {clip(chr(92) + char, 10)}")


class _Builder:
    """Collects the keywords of one entry, checking their order."""

    __slots__ = (
        "comments",
        "context",
        "context_line",
        "flags",
        "line",
        "msgid",
        "msgid_plural",
        "open",
        "string_lines",
        "strings",
    )

    def __init__(self) -> None:
        self.comments: list[str] = []
        self.flags: set[str] = set()
        self.context: list[str] | None = None
        self.msgid: list[str] | None = None
        self.msgid_plural: list[str] | None = None
        self.strings: list[list[str]] = []
        self.string_lines: list[int] = []
        self.line = 0
        self.context_line = 0
        # The value that continuation lines extend.
        self.open: list[str] | None = None

    @property
    def started(self) -> bool:
        return self.line != 0 or self.context_line != 0

    def entry(self) -> PoEntry:
        reviewer = None
        for comment in self.comments:
            match = _REVIEWED.match(comment)
            if match:
                reviewer = match.group(1).strip()
                break
        return PoEntry(
            context="".join(self.context) if self.context is not None else None,
            msgid="".join(self.msgid or ()),
            msgid_plural="".join(self.msgid_plural) if self.msgid_plural is not None else None,
            strings=tuple("".join(parts) for parts in self.strings),
            fuzzy="fuzzy" in self.flags,
            reviewer=reviewer,
            line=self.line,
            string_lines=tuple(self.string_lines),
        )


_REVIEWED = re.compile(r"^\s*reviewed-by:\s*(\S.*)$", re.IGNORECASE)


def _lines(data: bytes) -> list[str]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a byte order mark, as some editors write: harmless, so ignored
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PoSyntaxError(line, f"not valid UTF-8: {error.reason}") from None
    lines = text.split("\n")
    return [line.removesuffix("\r") for line in lines]


def read_po(data: bytes) -> PoFile:
    """Parse a ``.po`` file strictly.

    Raises:
        PoSyntaxError: The first syntax error, with its line: a bad or unterminated string,
            a keyword out of order or repeated, an unknown keyword, text that is not UTF-8,
            a malformed header or ``Plural-Forms``, a duplicate message, or plural
            translations whose forms do not match the header.
    """
    parser = _Parser()
    lines = _lines(data)
    for number, line in enumerate(lines, start=1):
        parser.line(number, line.strip())
    parser.finish()
    return _checked(parser.entries, lines)


class _Parser:
    """Reads a catalogue line by line into entries, checking the order of keywords."""

    __slots__ = ("current", "entries")

    def __init__(self) -> None:
        self.entries: list[PoEntry] = []
        self.current = _Builder()

    def finish(self) -> None:
        current = self.current
        if current.started:
            if current.msgid is None:
                raise PoSyntaxError(current.context_line, "msgctxt without msgid")
            if not current.strings:
                raise PoSyntaxError(current.line, "msgid without msgstr")
            self.entries.append(current.entry())
        self.current = _Builder()

    def _next_entry(self, number: int, what: str) -> None:
        """Finish a complete entry before *what* starts a new one; refuse an incomplete one."""
        current = self.current
        if current.strings:
            self.finish()
        elif current.msgid is not None:
            raise PoSyntaxError(current.line, "msgid without msgstr")
        elif current.started:
            raise PoSyntaxError(number, f"{what} between msgctxt and msgid")

    def line(self, number: int, stripped: str) -> None:
        current = self.current
        if not stripped:
            current.open = None
        elif stripped.startswith("#~"):
            pass  # an obsolete entry: ignored, as msgfmt does
        elif stripped.startswith("#"):
            self._next_entry(number, "a comment")
            self._comment(stripped)
        elif stripped.startswith('"'):
            if current.open is None:
                raise PoSyntaxError(number, "a string that continues no keyword")
            current.open.append(_unquote(stripped, number))
        else:
            self._keyword(number, stripped)

    def _comment(self, stripped: str) -> None:
        marker = stripped[1:2]
        if marker == ",":
            self.current.flags.update(flag.strip() for flag in stripped[2:].split(","))
        elif marker not in {":", ".", "|"}:
            self.current.comments.append(stripped[1:])
        self.current.open = None

    def _keyword(self, number: int, stripped: str) -> None:
        match = _KEYWORD.match(stripped)
        if match is None:
            word = stripped.split(maxsplit=1)[0]
            raise PoSyntaxError(number, f"unknown keyword {clip(word, 30)}")
        keyword, index = match.group(1), match.group(2)
        rest = stripped[match.end() :].strip()
        if not rest:
            raise PoSyntaxError(number, f"{keyword} without a string")
        value = [_unquote(rest, number)]
        if keyword == "msgctxt":
            self._next_entry(number, "a second msgctxt")
            self.current.context, self.current.context_line = value, number
        elif keyword == "msgid":
            if self.current.strings:
                self.finish()
            if self.current.msgid is not None:
                raise PoSyntaxError(self.current.line, "msgid without msgstr")
            self.current.msgid, self.current.line = value, number
        elif keyword == "msgid_plural":
            current = self.current
            if current.msgid is None or current.strings or current.msgid_plural is not None:
                raise PoSyntaxError(number, "msgid_plural must follow a msgid, once")
            current.msgid_plural = value
        else:
            self._msgstr(number, keyword, index, value)
        self.current.open = value

    def _msgstr(self, number: int, keyword: str, index: str | None, value: list[str]) -> None:
        current = self.current
        if current.msgid is None:
            raise PoSyntaxError(number, f"{keyword} without a msgid")
        if index is None:
            if current.msgid_plural is not None:
                raise PoSyntaxError(number, "a plural message needs msgstr[0], msgstr[1], ...")
            if current.strings:
                raise PoSyntaxError(number, "a second msgstr for the same msgid")
        elif current.msgid_plural is None:
            raise PoSyntaxError(number, f"{keyword} without a msgid_plural")
        elif len(index) > 3 or int(index) != len(current.strings):
            raise PoSyntaxError(
                number, f"{keyword} out of order; expected msgstr[{len(current.strings)}]"
            )
        current.strings.append(value)
        current.string_lines.append(number)


def _checked(entries: list[PoEntry], lines: list[str]) -> PoFile:
    headers: dict[str, str] = {}
    plural: tuple[int, str] | None = None
    plural_line = 0
    seen: dict[tuple[str | None, str], int] = {}
    kept = []
    for entry in entries:
        key = (entry.context, entry.msgid)
        if key in seen:
            raise PoSyntaxError(entry.line, f"this message is already given on line {seen[key]}")
        seen[key] = entry.line
        if entry.context is None and entry.msgid == "":
            # The header, read before any message is kept.
            headers, plural, plural_line = _header(entry, lines)
            continue
        kept.append(entry)
    for entry in kept:
        if entry.msgid_plural is None:
            continue
        if plural is None:
            raise PoSyntaxError(
                entry.line, "a plural translation needs a Plural-Forms header in the catalogue"
            )
        if len(entry.strings) != plural[0]:
            more = "more" if len(entry.strings) > plural[0] else "fewer"
            raise PoSyntaxError(
                entry.line,
                f"{more} translations than the {plural[0]} plural forms the Plural-Forms "
                f"header declares ({len(entry.strings)})",
            )
    return PoFile(headers, plural, plural_line, tuple(kept))


def _header(entry: PoEntry, lines: list[str]) -> tuple[dict[str, str], tuple[int, str] | None, int]:
    if entry.msgid_plural is not None:
        raise PoSyntaxError(entry.line, "the header entry cannot have plural forms")
    headers: dict[str, str] = {}
    line = entry.string_lines[0]
    plural_line = 0
    for field in entry.strings[0].split("\n"):
        if not field.strip():
            continue
        name, colon, value = field.partition(":")
        if not colon or not name.strip() or " " in name.strip():
            raise PoSyntaxError(line, f"header line {clip(field, 40)} is not 'Name: value'")
        key = name.strip().lower()
        if key in headers:
            raise PoSyntaxError(line, f"the header {name.strip()!r} is given twice")
        headers[key] = value.strip()
        if key == "plural-forms":
            # The physical line that holds it, for the error: the header's own lines follow.
            plural_line = next(
                (n for n in range(line, len(lines) + 1) if "plural-forms" in lines[n - 1].lower()),
                line,
            )
    charset = re.search(r"charset\s*=\s*([^\s;]*)", headers.get("content-type", ""))
    if charset is not None and charset.group(1).lower().replace("_", "-") != "utf-8":
        raise PoSyntaxError(
            line, f"the catalogue must be UTF-8; its header says {clip(charset.group(1), 30)}"
        )
    plural = None
    if "plural-forms" in headers:
        try:
            plural = parse_plural_forms(headers["plural-forms"])
        except ValueError as error:
            raise PoSyntaxError(plural_line or line, str(error)) from None
    return headers, plural, plural_line

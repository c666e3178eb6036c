"""Gettext catalogues keyed by message context, and the store that loads each locale once."""

from __future__ import annotations

import os
import re
import struct
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import add
from typing import TYPE_CHECKING

from ._i18n import DEFAULT
from ._model import Review

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "FUZZY_PREFIX",
    "REVIEW_PREFIX",
    "CatalogStore",
    "MessageCatalog",
    "review_comment",
]

#: Prefix of the synthetic message contexts that record a human review in a compiled catalogue.
REVIEW_PREFIX = "review:"
#: Prefix of the synthetic contexts that record, in a compiled catalogue, a fuzzy (unused) entry.
FUZZY_PREFIX = "fuzzy:"
_REVIEW_COMMENT = re.compile(r"^\s*reviewed-by:\s*(\S.*)$", re.IGNORECASE)


class MessageCatalog:
    """One locale's translations of one pack, looked up by message context (``kind:id:field``).

    Built from a compiled ``.mo`` file, or from a ``.po`` file for packs that ship only those.
    Entries are kept as gettext keys them (context, EOT, msgid), so a lookup is one dict hit
    and reading a catalogue does no work per message. Fuzzy entries are never used.
    """

    __slots__ = ("_fuzzy", "_plural", "_plurals", "_raw", "headers", "locale")

    def __init__(
        self,
        locale: str,
        raw: Mapping[str, str],
        plurals: Mapping[str, tuple[str, tuple[str, ...]]],
        headers: Mapping[str, str],
    ) -> None:
        self.locale = locale
        # Singular translations and the synthetic review:/fuzzy: records, by gettext key.
        self._raw = dict(raw)
        # Plural translations: context -> (singular msgid, forms).
        self._plurals = dict(plurals)
        self.headers = dict(headers)
        self._plural: Callable[[int], int] | None = None
        self._fuzzy: frozenset[str] | None = None

    @classmethod
    def from_entries(
        cls,
        locale: str,
        entries: Mapping[str, tuple[str, str | tuple[str, ...]]],
        reviews: Mapping[str, tuple[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
        fuzzy: Iterable[tuple[str, str]] = (),
    ) -> MessageCatalog:
        """Build a catalogue from ``context -> (msgid, translation)``; plurals as tuples.

        Args:
            locale: The locale's name.
            entries: The translations.
            reviews: ``context -> (msgid, reviewer)`` for reviewed translations.
            headers: The catalogue's headers, lower-case names.
            fuzzy: ``(context, msgid)`` of the entries marked fuzzy (counted, never used).
        """
        raw: dict[str, str] = {}
        plurals: dict[str, tuple[str, tuple[str, ...]]] = {}
        for context, (msgid, msgstr) in entries.items():
            if isinstance(msgstr, tuple):
                plurals[context] = (msgid, msgstr)
            else:
                raw[f"{context}\x04{msgid}"] = msgstr
        for context, (msgid, reviewer) in (reviews or {}).items():
            raw[f"{REVIEW_PREFIX}{context}\x04{msgid}"] = reviewer
        for context, msgid in fuzzy:
            raw[f"{FUZZY_PREFIX}{context}\x04{msgid}"] = "fuzzy"
        return cls(locale, raw, plurals, headers or {})

    def __len__(self) -> int:
        return len(self.contexts())

    def entries(
        self, ending: str | None = None
    ) -> Iterator[tuple[str, str, str | tuple[str, ...]]]:
        """Yield ``(context, msgid, translation)`` for every usable translation.

        Args:
            ending: Yield only the singular translations whose context ends with this (such as
                ``":statement"``), and every plural one.
        """
        keys: Iterable[str] = self._raw
        if ending is not None:
            # One substring test per message, in a comprehension: the few that match are split.
            marker = ending + "\x04"
            keys = [key for key in keys if marker in key]
        for key in keys:
            context, _, msgid = key.partition("\x04")
            if context.startswith((REVIEW_PREFIX, FUZZY_PREFIX)):
                continue
            if ending is None or context.endswith(ending):
                yield context, msgid, self._raw[key]
        for context, (msgid, forms) in self._plurals.items():
            yield context, msgid, forms

    def every_text(self) -> str:
        """Return every string the catalogue holds, one after another, separated by newlines.

        Review and fuzzy records are included, so a search that finds nothing in it clears every
        translation at once.
        """
        forms = [form for _, plural in self._plurals.values() for form in plural]
        return "\n".join([*self._raw.values(), *forms])

    def contexts(self) -> frozenset[str]:
        """Return the message contexts this catalogue translates."""
        return frozenset(context for context, _, _ in self.entries())

    @property
    def fuzzy(self) -> frozenset[str]:
        """The contexts of entries a translator marked fuzzy; they are never used."""
        # Computed once: counting coverage asks this for every untranslated message.
        if self._fuzzy is None:
            self._fuzzy = frozenset(
                key[len(FUZZY_PREFIX) :].partition("\x04")[0]
                for key in self._raw
                if key.startswith(FUZZY_PREFIX)
            )
        return self._fuzzy

    def _review(self, context: str, msgid: str) -> Review:
        reviewed = f"{REVIEW_PREFIX}{context}\x04{msgid}" in self._raw
        return Review.REVIEWED if reviewed else Review.UNREVIEWED

    def lookup(self, context: str, msgid: str) -> tuple[str, Review] | None:
        """Return the translation of *msgid* in *context* and its review status.

        A translation made for different English text (the source was edited since) is not returned.
        """
        value = self._raw.get(f"{context}\x04{msgid}")
        if value is None:
            return None
        return value, self._review(context, msgid)

    def status(self, context: str, msgid: str) -> Review | None:
        """Return the review status of the translation of *msgid*, singular or plural, if any."""
        if f"{context}\x04{msgid}" in self._raw:
            return self._review(context, msgid)
        plural = self._plurals.get(context)
        if plural is not None and plural[0] == msgid:
            return self._review(context, msgid)
        return None

    def reviewer(self, context: str) -> str | None:
        """Return who reviewed the message in *context*, as the catalogue records it."""
        prefix = f"{REVIEW_PREFIX}{context}\x04"
        return next((value for key, value in self._raw.items() if key.startswith(prefix)), None)

    def plural_forms(self, context: str, msgid: str) -> tuple[str, ...] | None:
        """Return every plural form of a translation of *msgid*, or ``None``."""
        plural = self._plurals.get(context)
        return plural[1] if plural is not None and plural[0] == msgid else None

    def lookup_plural(self, context: str, msgid: str, count: int) -> str | None:
        """Return the plural form of a translation for *count*, or ``None``."""
        forms = self.plural_forms(context, msgid)
        if forms is None:
            return None
        try:
            if self._plural is None:
                import gettext

                expression = _plural_expression(self.headers.get("plural-forms", ""))
                self._plural = gettext.c2py(expression)
            index = self._plural(count)
        except (ArithmeticError, RecursionError, TypeError, ValueError):
            return None
        return forms[index] if 0 <= index < len(forms) else None

    @classmethod
    def from_mo(cls, locale: str, data: bytes) -> MessageCatalog:
        """Parse a compiled gettext catalogue.

        Raises:
            ValueError: *data* is not a valid ``.mo`` file.
        """
        # Every message into one dict at C speed; the header and the few plurals then leave it.
        raw = dict(_read_mo(data))
        header = raw.pop("", None)
        plurals: dict[str, tuple[str, tuple[str, ...]]] = {}
        for key in [key for key in raw if "\x00" in key]:
            value = raw.pop(key)
            context, _, ids = key.partition("\x04")
            plurals[context] = (ids.split("\x00")[0], tuple(value.split("\x00")))
        return cls(locale, raw, plurals, _parse_headers(header) if header is not None else {})

    @classmethod
    def from_po(cls, locale: str, path: str) -> MessageCatalog:
        """Read a ``.po`` file strictly; fuzzy and empty translations are left out.

        Raises:
            PoSyntaxError: The file breaks the gettext syntax (a :class:`ValueError`).
        """
        from ._pofile import read_po  # only packs that ship .po files need the reader

        with open(path, "rb") as handle:
            parsed = read_po(handle.read())
        entries: dict[str, tuple[str, str | tuple[str, ...]]] = {}
        reviews: dict[str, tuple[str, str]] = {}
        fuzzy = []
        for entry in parsed.entries:
            if not entry.msgid or not entry.context:
                continue
            if entry.fuzzy:
                fuzzy.append((entry.context, entry.msgid))
                continue
            if not entry.translated:
                continue
            plural = entry.msgid_plural is not None
            entries[entry.context] = (entry.msgid, entry.strings if plural else entry.strings[0])
            if entry.reviewer:
                reviews[entry.context] = (entry.msgid, entry.reviewer)
        return cls.from_entries(locale, entries, reviews, parsed.headers, fuzzy)


def review_comment(comments: Iterable[str]) -> str | None:
    """Return the reviewer recorded in a translator comment ``# reviewed-by: Name, YYYY-MM-DD``."""
    for comment in comments:
        match = _REVIEW_COMMENT.match(comment)
        if match:
            return match.group(1).strip()
    return None


def _plural_expression(header: str) -> str:
    # The same strict reading as the check a pack's catalogue passed when it loaded.
    if not header:
        return "(n != 1)"
    from ._pofile import parse_plural_forms

    return parse_plural_forms(header)[1]


def _parse_headers(text: str) -> dict[str, str]:
    headers = {}
    for line in text.splitlines():
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return headers


_MO_MAGIC = {0x950412DE: "<", 0xDE120495: ">"}


def _read_mo(data: bytes) -> list[tuple[str, str]]:
    if len(data) < 28:
        raise ValueError("not a .mo file: shorter than its header")
    order = _MO_MAGIC.get(struct.unpack("<I", data[:4])[0])
    if order is None:
        raise ValueError("not a .mo file: bad magic number")
    _magic, version, count, ids_at, strs_at = struct.unpack(order + "5I", data[:20])
    if version >> 16 not in {0, 1}:
        raise ValueError(f"unsupported .mo file format revision {version >> 16}")
    if count > len(data) // 16:
        raise ValueError(f"corrupt .mo file: {count} messages cannot fit in {len(data)} bytes")
    try:
        # Both tables in one call each: (length, offset) pairs for every message.
        ids = struct.unpack_from(f"{order}{2 * count}I", data, ids_at)
        strs = struct.unpack_from(f"{order}{2 * count}I", data, strs_at)
    except struct.error:
        raise ValueError("corrupt .mo file: its tables lie outside the file") from None
    size = len(data)
    id_lens, id_ats, str_lens, str_ats = ids[0::2], ids[1::2], strs[0::2], strs[1::2]
    # Strings in a real .mo file do not overlap, so together they are no longer than the
    # file. Entries that all point at one large string would decode to far more.
    total = sum(id_lens) + sum(str_lens)
    if total > size:
        raise ValueError(
            f"corrupt .mo file: its strings add up to {total} bytes, more than the file's {size}"
        )
    # Every end checked at once, then one comprehension decodes: a pack's catalogues are read
    # when it loads, tens of thousands of messages each.
    if count and (max(map(add, id_lens, id_ats)) > size or max(map(add, str_lens, str_ats)) > size):
        raise ValueError("corrupt .mo file: a string lies outside the file")
    return [
        (data[i_at : i_at + i_len].decode("utf-8"), data[s_at : s_at + s_len].decode("utf-8"))
        for i_len, i_at, s_len, s_at in zip(id_lens, id_ats, str_lens, str_ats, strict=True)
    ]


class CatalogStore:
    """Loads each locale's catalogue for a set of locale directories once, under a lock."""

    __slots__ = ("_catalogs", "_dirs", "_lock", "_preloaded", "_supported", "domain")

    def __init__(
        self,
        locale_dirs: Sequence[str],
        domain: str = "sextingsafe",
        preloaded: Mapping[str, MessageCatalog] | None = None,
    ) -> None:
        self._dirs = tuple(locale_dirs)
        self.domain = domain
        self._lock = threading.Lock()
        # Catalogues given in memory (a loaded export) come before any found in directories.
        self._preloaded = dict(preloaded or {})
        self._catalogs: dict[str, tuple[MessageCatalog, ...]] = {}
        self._supported: frozenset[str] | None = None

    def supported(self) -> frozenset[str]:
        """Return the locale names that have a catalogue in any directory, plus English."""
        if self._supported is None:
            names = {str(DEFAULT), *self._preloaded}
            for directory in self._dirs:
                if os.path.isdir(directory):
                    for name in os.listdir(directory):
                        base = os.path.join(directory, name, "LC_MESSAGES", self.domain)
                        if os.path.exists(base + ".mo") or os.path.exists(base + ".po"):
                            names.add(name)
            self._supported = frozenset(names)
        return self._supported

    def loaded_locales(self) -> tuple[str, ...]:
        """Return the locales whose catalogues have been read so far, in the order read."""
        return tuple(self._catalogs)

    def catalogs(self, name: str) -> tuple[MessageCatalog, ...]:
        """Return *name*'s catalogues, highest precedence first (empty for English)."""
        try:
            return self._catalogs[name]
        except KeyError:
            pass
        with self._lock:
            if name not in self._catalogs:
                self._catalogs[name] = tuple(self._load(name))
            return self._catalogs[name]

    def _load(self, name: str) -> list[MessageCatalog]:
        found = [self._preloaded[name]] if name in self._preloaded else []
        # Later directories (packs loaded after the bundled one) take precedence.
        for directory in reversed(self._dirs):
            base = os.path.join(directory, name, "LC_MESSAGES", self.domain)
            # The .po is the source a translator edits (and where reviews are recorded); a .mo
            # beside it may be stale. The wheel ships only .mo files, so it reads those.
            if os.path.exists(base + ".po"):
                found.append(MessageCatalog.from_po(name, base + ".po"))
            elif os.path.exists(base + ".mo"):
                with open(base + ".mo", "rb") as handle:
                    found.append(MessageCatalog.from_mo(name, handle.read()))
        return found

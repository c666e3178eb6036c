"""Shared helpers of the translator tools: where the catalogues are, and reading and writing them.

The tools work on the source tree's catalogues (``src/sextingsafe/locale``) and write them
back exactly as ``pybabel update`` does (wrapped at 100 columns), so a diff shows only the
messages that changed.
"""

from __future__ import annotations

import io
import os
import sys
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCALE_DIR = os.path.join(ROOT, "src", "sextingsafe", "locale")
WIDTH = 100


def po_path(locale: str) -> str:
    """Return the path of *locale*'s catalogue; exit with a message when there is none."""
    path = os.path.join(LOCALE_DIR, locale, "LC_MESSAGES", "sextingsafe.po")
    if not os.path.isfile(path):
        known = sorted(
            name for name in os.listdir(LOCALE_DIR) if os.path.isdir(os.path.join(LOCALE_DIR, name))
        )
        sys.exit(f"no catalogue for {locale!r} at {path}; the locales are: {' '.join(known)}")
    return path


def load(locale: str) -> Catalog:
    """Read *locale*'s catalogue."""
    with open(po_path(locale), "rb") as handle:
        return read_po(handle, abort_invalid=True)


def save(locale: str, catalog: Catalog) -> None:
    """Write *catalog* back to *locale*'s file, as ``pybabel update -w 100`` writes it."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH)
    with open(po_path(locale), "wb") as handle:
        handle.write(buffer.getvalue())


def singular(message: Message) -> str:
    """Return a message's English singular (a plural message's id is a pair)."""
    ident: Any = message.id
    return str(ident[0] if isinstance(ident, tuple | list) else ident)


def is_translated(message: Message) -> bool:
    """Return whether every form of *message* is translated and it is not fuzzy."""
    if message.fuzzy:
        return False
    if isinstance(message.string, tuple | list):
        return bool(message.string) and all(message.string)
    return bool(message.string)

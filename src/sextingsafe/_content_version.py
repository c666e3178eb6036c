"""The content version: which release of the bundled content and translations this is.

The code has a version (``sextingsafe.__version__``); the content has its own, because a
corrected phone number or a new translation ships without a code change. The scheme is
calendar-based, ``YYYY.MM.DD`` for the UTC day the content last changed, with ``.N`` added for
the second and later changes on one day (``2026.12.07``, ``2026.12.07.1``).

The version is recorded in ``content-version.toml`` beside this module, with a SHA-256 hash of
every file in ``content/`` and every ``.po`` catalogue under ``locale/``. A test recomputes the
hash from the repository, so a content or translation change without a new version fails.
After changing either, run from the repository root::

    python -m sextingsafe._content_version --update

which writes a new version and hash when (and only when) the content changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sys
from collections.abc import Sequence

__all__ = ["RECORD_PATH", "ContentRecord", "content_hash", "content_version", "read_record"]

#: The file that records the content version and the hash of the content it names.
RECORD_PATH = os.path.join(os.path.dirname(__file__), "content-version.toml")
_VERSION = re.compile(r"\d{4}\.\d{2}\.\d{2}(?:\.[1-9]\d*)?\Z")
_LINE = re.compile(r'^(version|sha256)\s*=\s*"([^"]*)"\s*$', re.MULTILINE)


class ContentRecord(tuple[str, str]):
    """The recorded content version and the SHA-256 hash of the content it names."""

    __slots__ = ()

    @property
    def version(self) -> str:
        """The content version, ``YYYY.MM.DD`` or ``YYYY.MM.DD.N``."""
        return self[0]

    @property
    def sha256(self) -> str:
        """The hexadecimal SHA-256 hash of the content files and catalogues."""
        return self[1]


def read_record(path: str = RECORD_PATH) -> ContentRecord:
    """Read a content version record.

    Raises:
        ValueError: The file does not hold a well-formed version and hash.
    """
    with open(path, encoding="utf-8") as handle:
        found = dict(_LINE.findall(handle.read()))
    version, digest = found.get("version", ""), found.get("sha256", "")
    if not _VERSION.match(version) or not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise ValueError(f"{path}: expected version = 'YYYY.MM.DD[.N]' and a sha256 hash")
    return ContentRecord((version, digest))


_cached: str | None = None


def content_version() -> str:
    """Return the version of the bundled content (read once, on first use)."""
    global _cached  # noqa: PLW0603
    if _cached is None:
        _cached = read_record().version
    return _cached


def _files(package: str) -> list[str]:
    content = os.path.join(package, "content")
    found = [os.path.join(content, name) for name in os.listdir(content)]
    locale = os.path.join(package, "locale")
    for name in os.listdir(locale):
        messages = os.path.join(locale, name, "LC_MESSAGES")
        if os.path.isdir(messages):
            found += [os.path.join(messages, f) for f in os.listdir(messages) if f.endswith(".po")]
    return sorted(f for f in found if os.path.isfile(f))


def content_hash(package: str) -> str:
    """Return the SHA-256 hash of the content files and ``.po`` catalogues under *package*.

    Args:
        package: The package's source directory, ``src/sextingsafe`` in the repository (the
            installed wheel carries compiled catalogues only).

    Line endings are normalised, so a checkout on Windows hashes the same.
    """
    digest = hashlib.sha256()
    for path in _files(package):
        name = os.path.relpath(path, package).replace(os.sep, "/")
        with open(path, "rb") as handle:
            data = handle.read().replace(b"\r\n", b"\n")
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def next_version(current: str, today: dt.date) -> str:
    """Return the version after *current* for a change made on *today*."""
    day = today.strftime("%Y.%m.%d")
    if not current.startswith(day):
        return day
    parts = current.split(".")
    return f"{day}.{int(parts[3]) + 1 if len(parts) == 4 else 1}"


def update(package: str, today: dt.date | None = None) -> tuple[str, bool]:
    """Record a new version for *package*'s content if its hash changed.

    Returns:
        The version now recorded, and whether it changed.
    """
    record_path = os.path.join(package, "content-version.toml")
    record = read_record(record_path)
    digest = content_hash(package)
    if digest == record.sha256:
        return record.version, False
    version = next_version(record.version, today or dt.datetime.now(dt.UTC).date())
    with open(record_path, encoding="utf-8") as handle:
        text = handle.read()
    text = _LINE.sub(lambda m: f'{m[1]} = "{version if m[1] == "version" else digest}"', text)
    with open(record_path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return version, True


def main(argv: Sequence[str] | None = None) -> int:
    """Check (default) or ``--update`` the content version of the repository's sources.

    Exit status 0 when the record matches (or was updated), 1 when it is out of date.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    updating = "--update" in args
    roots = [a for a in args if a != "--update"] or [os.path.join("src", "sextingsafe")]
    package = roots[0]
    if updating:
        version, changed = update(package)
        print(f"content version {version}" + (" (updated)" if changed else " (unchanged)"))  # noqa: T201
        return 0
    record = read_record(os.path.join(package, "content-version.toml"))
    if content_hash(package) != record.sha256:
        print(  # noqa: T201
            f"content version {record.version} is out of date: run "
            "python -m sextingsafe._content_version --update"
        )
        return 1
    print(f"content version {record.version} (up to date)")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

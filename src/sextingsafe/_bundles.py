"""Per-locale bundles: the export split into an index and one small export per locale.

An app that shows one language loads that language's bundle, not every translation. Each
bundle is a complete :func:`~sextingsafe.export` for English (the source language) and one
locale, so it validates against the same schema and :func:`~sextingsafe.load_export` reads it.
The tables of the export that do not depend on the locale (such as the country table) are
also written on their own, for apps that want only them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ._catalogue import Catalogue
from ._export import content_version_of, export
from ._i18n import DEFAULT, parse_locale
from ._version import __version__

__all__ = ["BUNDLES_FORMAT", "INDEX", "dumps", "export_bundles"]

BUNDLES_FORMAT = "sextingsafe-bundles"
#: The index's file name.
INDEX = "index.json"
#: Top-level export keys that describe the document.
_META = frozenset({"format", "version", "generator", "content_version", "locales", "stale_on"})


def dumps(data: Any) -> str:
    """Return *data* as compact JSON text (UTF-8 characters kept), as the bundles are written."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _items(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) and "id" in v for v in value)


def export_bundles(catalogue: Catalogue | None = None) -> dict[str, Any]:
    """Return the catalogue split into per-locale bundles, as file names mapped to JSON data.

    ``index.json`` lists the content version and, for each locale, its bundle's file name
    (``pl.json``), size in bytes and SHA-256 hash of its compact UTF-8 JSON text; each bundle
    is an :func:`~sextingsafe.export` of English and that locale. A table that is the same in
    every locale (not a list of items) also gets a file of its own, listed under ``tables``.
    Nothing is written: the
    ``sextingsafe export --split DIR`` command writes the files.

    >>> bundles = export_bundles()
    >>> bundles["index.json"]["locales"][1]["file"]
    'ar.json'
    >>> [locale["tag"] for locale in bundles["pl.json"]["locales"]]
    ['en', 'pl']
    """
    from ._catalogue import default_catalogue

    catalogue = catalogue if catalogue is not None else default_catalogue()
    supported = sorted(catalogue.supported_locales(), key=lambda n: (n != str(DEFAULT), n))
    files: dict[str, Any] = {}
    entries = []
    shared: dict[str, Any] = {}
    for name in supported:
        data = export(catalogue, None if name == str(DEFAULT) else [name])
        tag = parse_locale(name).tag
        filename = f"{tag}.json"
        for key, value in data.items():
            if key not in _META and not _items(value):
                shared.setdefault(key, []).append(value)
        files[filename] = data
        text = dumps(data).encode("utf-8")
        info = next(i for i in data["locales"] if i["tag"] == tag)
        entries.append(
            {
                "tag": tag,
                "direction": info["direction"],
                "file": filename,
                "bytes": len(text),
                "sha256": hashlib.sha256(text).hexdigest(),
                "translated": info["translated"],
                "reviewed": info["reviewed"],
                "total": info["total"],
            }
        )
    tables = []
    for key, values in sorted(shared.items()):
        value = values[0]
        if any(other != value for other in values):
            continue  # texts per locale (labels): in each bundle only
        filename = f"{key}.json"
        files[filename] = value
        text = dumps(value).encode("utf-8")
        tables.append(
            {
                "name": key,
                "file": filename,
                "bytes": len(text),
                "sha256": hashlib.sha256(text).hexdigest(),
            }
        )
    files[INDEX] = {
        "format": BUNDLES_FORMAT,
        "version": 1,
        "generator": f"sextingsafe {__version__}",
        "content_version": content_version_of(catalogue),
        "locales": entries,
        "tables": tables,
    }
    return dict(sorted(files.items()))

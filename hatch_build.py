"""Hatch build hook: compile the committed ``.po`` catalogues into ``.mo`` files in the wheel.

The bundled content is validated (a bad pack fails the build) and compiled to JSON, so that
a cold start does not parse TOML. A translation marked with a translator comment
``# reviewed-by: Name, YYYY-MM-DD`` is also recorded in the ``.mo`` under the context
``review:<context>``, so the library can report that review at run time.
Fuzzy entries are left out, as gettext does.
"""

from __future__ import annotations

import glob
import os
import re
import tempfile
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_REVIEWED = re.compile(r"^\s*reviewed-by:\s*(\S.*)$", re.IGNORECASE)


class CompileCatalogs(BuildHookInterface):  # type: ignore[type-arg]
    """Compile ``src/sextingsafe/locale/*/LC_MESSAGES/*.po`` for the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:  # noqa: ARG002
        """Write each ``.mo`` to a temporary folder and include it in the wheel."""
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        out = tempfile.mkdtemp(prefix="sextingsafe-build-")
        self._compile_content(out, build_data)
        pattern = os.path.join(
            self.root, "src", "sextingsafe", "locale", "*", "LC_MESSAGES", "*.po"
        )
        for po_path in sorted(glob.glob(pattern)):
            locale = po_path.split(os.sep)[-3]
            with open(po_path, "rb") as handle:
                catalog = read_po(handle, abort_invalid=True)
            for message in list(catalog):
                singular = message.id if isinstance(message.id, str) else message.id[0]
                reviewer = next(
                    (
                        m.group(1).strip()
                        for c in message.user_comments
                        if (m := _REVIEWED.match(c))
                    ),
                    None,
                )
                if reviewer and message.context and message.string and not message.fuzzy:
                    catalog.add(singular, reviewer, context="review:" + message.context)
                if message.fuzzy and message.context and message.id:
                    # write_mo leaves fuzzy entries out; record them so `locales` can count them.
                    catalog.add(singular, "fuzzy", context="fuzzy:" + message.context)
            mo_path = os.path.join(out, f"{locale}.mo")
            with open(mo_path, "wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
            target = f"sextingsafe/locale/{locale}/LC_MESSAGES/{os.path.basename(po_path)[:-3]}.mo"
            build_data["force_include"][mo_path] = target

    def _compile_content(self, out: str, build_data: dict[str, Any]) -> None:
        """Validate the bundled pack (a bad pack fails the build) and ship it as JSON too."""
        import sys

        sys.path.insert(0, os.path.join(self.root, "src"))
        try:
            from sextingsafe._build import compile_pack
            from sextingsafe._packs import BUNDLED, COMPILED
        finally:
            sys.path.pop(0)
        path = os.path.join(out, COMPILED)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(compile_pack(BUNDLED))
        build_data["force_include"][path] = f"sextingsafe/content/{COMPILED}"

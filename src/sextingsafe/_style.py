"""The stylesheet for the HTML the library renders, shipped in the package."""

from __future__ import annotations

import os

__all__ = ["STYLESHEET_PATH", "stylesheet"]

#: The stylesheet's path inside the installed package, for servers that serve files.
STYLESHEET_PATH = os.path.join(os.path.dirname(__file__), "static", "sextingsafe.css")


def stylesheet() -> str:
    """Return the CSS for the HTML that items, views and the Sphinx extension render.

    It styles items, help lists, sources, and the notes for unreviewed, fallback and partly
    confirmed text; it uses logical properties only, so right-to-left pages mirror, wraps on
    narrow phone screens, and every text colour meets WCAG AA contrast (4.5:1). Colours are
    custom properties (``--sextingsafe-text``, ``--sextingsafe-link``, ...) to theme it.

    >>> "--sextingsafe-link" in stylesheet()
    True
    """
    with open(STYLESHEET_PATH, encoding="utf-8") as handle:
        return handle.read()

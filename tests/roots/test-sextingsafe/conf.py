"""A project that shows the bundled content: the directives, their locales, and the roles."""

from __future__ import annotations

extensions = ["sextingsafe.sphinxext"]

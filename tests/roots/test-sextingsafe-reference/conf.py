"""A project that shows the reference pack's glossary, questions and scripts, and coverage."""

from __future__ import annotations

extensions = ["sextingsafe.sphinxext"]
sextingsafe_packs = ["pack"]  # relative to this file (a copy of tests/packs/reference)
sextingsafe_include_bundled = False

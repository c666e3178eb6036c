"""A project that shows only its own pack, whose text tries to be markup (it must stay text)."""

from __future__ import annotations

extensions = ["sextingsafe.sphinxext"]
sextingsafe_packs = ["pack"]  # relative to this file
sextingsafe_include_bundled = False

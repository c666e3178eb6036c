"""Every kind of bad input a directive or a role can get: each must be a warning, not a crash."""

from __future__ import annotations

extensions = ["sextingsafe.sphinxext"]

"""The package version: the one place it is written (read by hatchling at build time)."""

from __future__ import annotations

__version__ = "0.1.0.dev0"

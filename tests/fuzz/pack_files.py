"""The pack files the pack fuzz target can replace, in the order its first input byte picks them."""

from __future__ import annotations

FILES = (
    "advice.toml",
    "facts.toml",
    "resources.toml",
    "sources.toml",
    "quotes.toml",
    "occasions.toml",
    "pack.toml",
    "locale/fr/LC_MESSAGES/sextingsafe.po",
    "locale/fr/LC_MESSAGES/sextingsafe.mo",
)

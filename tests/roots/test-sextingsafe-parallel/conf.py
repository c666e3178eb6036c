"""Enough documents to be read in parallel, each showing an item and linking to another's.

Sphinx reads in parallel only above five documents; this project has eight.
"""

from __future__ import annotations

extensions = ["sextingsafe.sphinxext"]

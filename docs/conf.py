"""Sphinx configuration for the sextingsafe documentation.

Build it the way CI does, from the repository root::

    sphinx-build -n -W --keep-going -b html docs docs/_build/html
    sphinx-build -n -W --keep-going -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import sextingsafe

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# -- Project -----------------------------------------------------------------------------------

project = "sextingsafe"
author = "The sextingsafe contributors"
copyright = "the sextingsafe contributors"
release = sextingsafe.__version__
version = ".".join(release.split(".")[:2])

# -- General -----------------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    # Our own extension renders the catalogue pages (docs/catalogue/) and dog-foods itself.
    "sextingsafe.sphinxext",
]
# No intersphinx: CI builds offline, so no inventory is fetched from the internet.

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"

# Every cross-reference must resolve (the builds run with -n -W).
nitpicky = True
nitpick_ignore = [
    # External types in annotations. The builds run offline, so there is no intersphinx inventory
    # to link them to.
    ("py:class", "Locale"),  # babel.Locale, imported for type checking only
    ("py:class", "datetime.date"),
    ("py:class", "datetime.datetime"),
    ("py:class", "datetime.time"),
    ("py:class", "dt.date"),
    ("py:class", "dt.datetime"),
    ("py:class", "os.PathLike"),
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Mapping"),
]

# -- MyST --------------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# -- autodoc and napoleon ----------------------------------------------------------------------

autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# -- doctest -----------------------------------------------------------------------------------

# The example pack from the test suite: its content never changes, unlike the bundled content,
# so examples that show exact output use it. Its path is absolute, so the doctests pass
# whichever directory sphinx-build is started from.
_HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE_PACK = os.path.join(os.path.dirname(_HERE), "tests", "packs", "example")

doctest_global_setup = f"""
import sextingsafe
import sextingsafe as ss
EXAMPLE_PACK = {EXAMPLE_PACK!r}
"""

# -- HTML --------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"sextingsafe {release}"
html_static_path: list[str] = []


# -- Hooks -------------------------------------------------------------------------------------

# An autodoc-process-signature handler is called with
# (app, what, name, obj, options, signature, return_annotation) and returns the last two.
Signature = tuple[str | None, str | None]


def _hide_renderer(_app: Sphinx, what: str, *args: Any) -> Signature:
    """Leave ``renderer`` out of the model classes' signatures.

    Every item has a keyword-only ``renderer`` that its catalogue supplies when it loads the item;
    it is not something a reader passes, so showing it would only mislead.
    """
    *_, signature, return_annotation = args
    if what == "class" and signature and "renderer" in signature:
        signature = signature.replace(", renderer=None)", ")")
    return signature, return_annotation


def _no_class_return_type(app: Sphinx, what: str, name: str, *args: Any) -> Signature:
    """Drop the "Return type" that a ``__new__`` annotation would add under a class.

    Connected with a later priority than autodoc's own handler, so the annotation is recorded
    by then; where autodoc keeps it depends on the Sphinx version.
    """
    *_, signature, return_annotation = args
    if what == "class":
        document = getattr(app.env, "current_document", None)
        recorded = (
            document.autodoc_annotations
            if document is not None and hasattr(document, "autodoc_annotations")
            else app.env.temp_data.get("annotations", {})
        )
        recorded.get(name, {}).pop("return", None)
    return signature, return_annotation


def _no_inline_attribute_type(_app: Sphinx, what: str, *args: Any) -> None:
    """Undo napoleon reading ``text: more text`` in an attribute's comment as ``type: text``.

    Napoleon takes the first line of an attribute's docstring as ``type: description`` and moves
    the "type" to a ``:type:`` line at the end. Ours never give a type there (the annotations do),
    so such a line is prose cut at a colon: put it back. Connected after napoleon's own handler.
    """
    lines = args[-1]
    if (
        what in {"attribute", "data", "property"}
        and len(lines) >= 3
        and lines[-1].startswith(":type: ")
        and not lines[-2]
    ):
        prose = lines[-1].removeprefix(":type: ")
        del lines[-2:]
        lines[0] = f"{prose}: {lines[0]}"


# The catalogue has a page per shipped locale: one whose catalogue is complete. The pages are
# written when the build starts, from the installed package, so a locale that becomes complete
# gets its page without anyone writing one (they are not kept in git).
LOCALE_PAGES = os.path.join(_HERE, "catalogue", "locales")
LOCALE_PAGE = """\
.. Written by docs/conf.py when the build starts; edit the template there, not this file.
   The search covers the English catalogue; searching the same items in every language would
   only multiply the results (and the index).

:nosearch:

{title}
{underline}

The whole catalogue in {name}{direction}.
Each item says so when its translation has not yet been reviewed by a person,
and when a text is shown in English because it is not translated yet.
Each links to its full entry in the English catalogue, with its sources, notes and dates.

.. sextingsafe:catalogue::
   :locale: {locale}
   :brief:
"""


def _write_locale_pages(_app: Sphinx) -> None:
    """Write ``catalogue/locales/<locale>.rst`` for each complete locale; remove stale ones.

    A page is rewritten only when its text changes, so incremental builds stay incremental.
    """
    pages = {}
    for info in sextingsafe.locales():
        if info.source or not info.complete:
            continue
        name = sextingsafe.negotiate([info.tag]).get_display_name("en") or info.tag
        title = f"{name} ({info.tag})"
        pages[f"{info.locale}.rst"] = LOCALE_PAGE.format(
            title=title,
            underline="=" * len(title),
            name=name,
            direction=", which is written right to left" if info.direction == "rtl" else "",
            locale=info.locale,
        )
    os.makedirs(LOCALE_PAGES, exist_ok=True)
    for filename in os.listdir(LOCALE_PAGES):
        if filename.endswith(".rst") and filename not in pages:
            os.remove(os.path.join(LOCALE_PAGES, filename))
    for filename, text in pages.items():
        path = os.path.join(LOCALE_PAGES, filename)
        if not os.path.exists(path) or _read(path) != text:
            with open(path, "w", encoding="utf-8") as file:
                file.write(text)


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as file:
        return file.read()


def setup(app: Sphinx) -> None:
    """Connect the hooks above."""
    app.connect("builder-inited", _write_locale_pages)
    app.connect("autodoc-process-signature", _hide_renderer)
    app.connect("autodoc-process-signature", _no_class_return_type, priority=900)
    app.connect("autodoc-process-docstring", _no_inline_attribute_type, priority=600)

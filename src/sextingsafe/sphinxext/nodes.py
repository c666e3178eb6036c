"""Docutils nodes that carry a language and a text direction, for :mod:`sextingsafe.sphinxext`.

Each subclasses a standard node, so builders other than HTML (LaTeX, text, man, ...) handle
them as that node: Sphinx's translators look visitors up along the class's MRO.
The HTML writer gets its own visitors, which add ``lang`` and ``dir`` to the element.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["langblock", "langquote", "langspan", "pending_item", "register"]


class _Lang:
    """Mixin: the HTML element name; ``lang`` and ``dir`` are ordinary node attributes."""

    html_tag: ClassVar[str]


# docutils names its node classes in lower case; the HTML visitors are looked up by that name.
class langblock(_Lang, nodes.container):  # type: ignore[misc]  # noqa: N801
    """A block of content in one language: ``<div lang=".." dir="..">`` in HTML."""

    html_tag = "div"


class langquote(_Lang, nodes.block_quote):  # type: ignore[misc]  # noqa: N801
    """Words quoted in their own language: ``<blockquote lang=".." dir="..">`` in HTML."""

    html_tag = "blockquote"


class langspan(_Lang, nodes.inline):  # type: ignore[misc]  # noqa: N801
    """A phrase in another language than its surroundings: ``<span lang=".." dir="..">``."""

    html_tag = "span"


class pending_item(nodes.General, nodes.Element):  # type: ignore[misc]  # noqa: N801
    """Where a directive shows an item: replaced by the item's nodes when the page is written.

    Its attributes say what to show: ``kind``, ``item`` (the id), ``locale``, ``brief``,
    ``country`` (the reader's, or empty) and ``ids``. Rendering late keeps the items out of the
    many passes over each document while it is read, and lets links to other items resolve
    against the whole project.
    """


def _skip(_translator: Any, _node: Any) -> None:
    raise nodes.SkipNode


def _visit_html(translator: Any, node: Any) -> None:
    # starttag() escapes every attribute value and adds the node's ids and classes.
    attributes = {name: node[name] for name in ("lang", "dir") if node.get(name) is not None}
    suffix = "" if isinstance(node, nodes.Inline) else "\n"
    translator.body.append(translator.starttag(node, node.html_tag, suffix, **attributes))


def _depart_html(translator: Any, node: Any) -> None:
    suffix = "" if isinstance(node, nodes.Inline) else "\n"
    translator.body.append(f"</{node.html_tag}>{suffix}")


def register(app: Sphinx) -> None:
    """Register the nodes, with HTML visitors (every HTML-format builder uses them)."""
    for node in (langblock, langquote, langspan):
        app.add_node(node, html=(_visit_html, _depart_html))
    # Every writing builder replaces it first; a builder that never resolves a document (such as
    # doctest) never writes it.
    skip = (_skip, None)
    app.add_node(pending_item, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)

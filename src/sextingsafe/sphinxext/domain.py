"""The ``sextingsafe`` Sphinx domain: its directives, roles and cross-reference targets.

A target is an item shown in full by a directive, for one locale: ``(kind, id, locale)``.
The roles link to the item in the project's default locale (``sextingsafe_locale``), else in any
other; ``id@locale`` asks for one locale. Internal links from an advice item to its resources
prefer the locale they were rendered in, and fall back to the resource's website, silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from sextingsafe import InvalidLocaleError

from .coverage import CoverageDirective
from .directives import (
    KINDS,
    CatalogueDirective,
    ItemDirective,
    ListDirective,
    LocalesDirective,
    ResourcesDirective,
    catalogue,
)

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

__all__ = ["SextingsafeDomain"]

logger = logging.getLogger(__name__)

#: ``(kind, id, locale)`` to ``(docname, anchor, display text)``.
Objects = dict[tuple[str, str, str], tuple[str, str, str]]


class SextingsafeDomain(Domain):
    """Directives that show sextingsafe content, and roles that link to it."""

    name = "sextingsafe"
    label = "sextingsafe"
    object_types: ClassVar[dict[str, ObjType]] = {kind: ObjType(kind, kind) for kind in KINDS}
    directives: ClassVar[dict[str, Any]] = {
        "item": ItemDirective,
        "list": ListDirective,
        "resources": ResourcesDirective,
        "catalogue": CatalogueDirective,
        "locales": LocalesDirective,
        "coverage": CoverageDirective,
    }
    roles: ClassVar[dict[str, Any]] = {
        kind: XRefRole(innernodeclass=nodes.inline, warn_dangling=True) for kind in KINDS
    }
    dangling_warnings: ClassVar[dict[str, str]] = {
        kind: f"no {kind} with id %(target)r is shown in this project" for kind in KINDS
    }
    initial_data: ClassVar[dict[str, Any]] = {"objects": {}}
    data_version = 1

    @property
    def objects(self) -> Objects:
        """Every target in the project."""
        found: Objects = self.data.setdefault("objects", {})
        return found

    def note_object(
        self, key: tuple[str, str, str], anchor: str, display: str, node: nodes.Node
    ) -> None:
        """Record that the item *key* (``(kind, id, locale)``) is shown at *anchor* here."""
        if key in self.objects:
            kind, item_id, locale = key
            other = self.objects[key][0]
            logger.warning(
                "duplicate target for %s %r in locale %s, also shown in %s; "
                "add :no-index: to one of them",
                kind, item_id, locale, other,
                location=node, type="sextingsafe", subtype="duplicate",
            )  # fmt: skip
        self.objects[key] = (self.env.docname, anchor, display)

    def clear_doc(self, docname: str) -> None:
        """Forget the targets in *docname* (it is about to be read again)."""
        for key, (found, _, _) in list(self.objects.items()):
            if found == docname:
                del self.objects[key]

    def merge_domaindata(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take the targets that a parallel reader found in *docnames*."""
        for key, value in otherdata["objects"].items():
            if value[0] in docnames:
                self.objects[key] = value

    def _locale(self, name: str | None) -> str:
        """Return *name* as the targets record it (``"pt_BR"``); ``None`` is the default."""
        config = self.env.config
        return catalogue(config).label("sources", name or config.sextingsafe_locale).requested

    def _find(
        self, kind: str, target: str, locale: str | None
    ) -> tuple[str, tuple[str, str, str]] | None:
        item_id, at, wanted = target.partition("@")
        if at:
            try:
                candidates = [self._locale(wanted)]
            except InvalidLocaleError:
                return None
        else:
            candidates = [name for name in (locale, self._locale(None)) if name]
        for name in candidates:
            found = self.objects.get((kind, item_id, name))
            if found is not None:
                return kind, found
        if at:
            return None
        # Not in the locale asked for nor the default: the first other locale it is shown in.
        others = sorted(key for key in self.objects if key[:2] == (kind, item_id))
        return (kind, self.objects[others[0]]) if others else None

    def resolve_xref(  # noqa: PLR0913, PLR0917 - Sphinx's signature
        self,
        env: BuildEnvironment,  # noqa: ARG002
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        """Link a role to the item it names."""
        found = self._find(typ, target, None)
        return None if found is None else self._link(fromdocname, builder, found, node, contnode)

    def link(
        self,
        builder: Builder,
        fromdocname: str,
        query: tuple[str, str, str | None],
        contnode: nodes.Node,
    ) -> nodes.Element | None:
        """Link from one item to another: *query* is ``(kind, id or "id@locale", locale)``.

        The item in *locale* is preferred, then in the default locale, then in any.
        """
        kind, target, locale = query
        found = self._find(kind, target, locale)
        if found is None:
            return None
        docname, anchor, _ = found[1]
        return make_refnode(builder, fromdocname, docname, anchor, contnode, f"{kind} {target}")

    def resolve_any_xref(  # noqa: PLR0913, PLR0917 - Sphinx's signature
        self,
        env: BuildEnvironment,  # noqa: ARG002
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Resolve ``:any:`` to the item of whatever kind has the id."""
        results = []
        for kind in KINDS:
            found = self._find(kind, target, None)
            if found is not None:
                ref = self._link(fromdocname, builder, found, node, contnode)
                results.append((f"sextingsafe:{kind}", ref))
        return results

    def _link(
        self,
        fromdocname: str,
        builder: Builder,
        found: tuple[str, tuple[str, str, str]],
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference:
        kind, (docname, anchor, display) = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(display, display, classes=contnode["classes"])
        title = f"{kind} {node['reftarget']}"
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """List the targets for the search index and ``objects.inv``.

        Targets in the default locale are listed by id; the others as ``id@locale``,
        which the roles accept too, and are left out of the search.
        """
        default = self._locale(None)
        for (kind, item_id, locale), (docname, anchor, display) in self.objects.items():
            if locale == default:
                yield item_id, display, kind, docname, anchor, 1
            else:
                yield f"{item_id}@{locale}", display, kind, docname, anchor, -1

"""The directives of :mod:`sextingsafe.sphinxext`, and the catalogue they show."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

import sextingsafe
from sextingsafe import Catalogue, InvalidFilterError, InvalidLocaleError
from sextingsafe._help import parse_country

from .nodes import langspan, pending_item
from .render import ContentItem, ItemRenderer

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sextingsafe import Collection

__all__ = [
    "FILTERS",
    "GROUPS",
    "KINDS",
    "CatalogueDirective",
    "ItemDirective",
    "ListDirective",
    "LocalesDirective",
    "ResourcesDirective",
    "catalogue",
    "expand",
]

logger = logging.getLogger(__name__)

#: The item kinds, and the name of each one's collection on a :class:`~sextingsafe.Catalogue`.
KINDS = {
    "fact": "facts",
    "quote": "quotes",
    "advice": "advice",
    "resource": "resources",
    "term": "glossary",
    "question": "faq",
    "script": "scripts",
}
#: The ``select()`` filters of each collection, as ``sextingsafe:list`` options.
FILTERS = {
    "facts": ("topic", "jurisdiction", "source", "occasion"),
    "quotes": ("speaker", "topic", "source"),
    "advice": ("audience", "topic", "jurisdiction", "resource", "occasion", "age"),
    "resources": ("country", "kind", "audience", "channel"),
    "glossary": ("topic", "jurisdiction", "source"),
    "faq": ("audience", "topic", "jurisdiction", "age", "source"),
    "scripts": ("audience", "topic", "jurisdiction", "age", "source"),
}
#: What each collection can be grouped by, as ``:group-by:`` values.
GROUPS = {
    "facts": ("topic",),
    "quotes": ("speaker", "topic"),
    "advice": ("audience", "topic"),
    "resources": ("country", "kind", "audience"),
    "glossary": ("topic",),
    "faq": ("audience", "topic"),
    "scripts": ("audience", "topic"),
}
# Filters whose value is an id: an unknown one is a typo, not merely an empty selection.
_ID_FILTERS = {
    "speaker": "speakers",
    "source": "sources",
    "resource": "resources",
    "occasion": "occasions",
}

# One catalogue per set of packs, per process: loaded once, never written to, so sharing it
# between documents (and inheriting it in parallel readers) is safe.
_catalogues: dict[tuple[tuple[str, ...], bool], tuple[Catalogue, tuple[str, ...]]] = {}
_lock = threading.Lock()


def _load(config: Config) -> tuple[Catalogue, tuple[str, ...]]:
    """Return the catalogue for *config*'s packs, and the files it was read from.

    Raises:
        PackError: A pack has problems.
    """
    key = (tuple(config.sextingsafe_packs), bool(config.sextingsafe_include_bundled))
    with _lock:
        found = _catalogues.get(key)
        if found is None:
            catalogue = Catalogue.load(*key[0], include_bundled=key[1])
            # Documents that show content are read again when a file it came from changes:
            # a pack edited, or the package upgraded.
            folders = list(key[0])
            if key[1]:
                package = os.path.dirname(sextingsafe.__file__)
                folders += [os.path.join(package, "content"), os.path.join(package, "locale")]
            files = tuple(
                os.path.join(top, name)
                for folder in folders
                for top, _, names in os.walk(folder)
                for name in sorted(names)
                if name.endswith((".toml", ".po", ".mo"))
            )
            found = _catalogues[key] = (catalogue, files)
    return found


def catalogue(config: Config) -> Catalogue:
    """Return the catalogue that *config* describes (``sextingsafe_packs`` and bundled content)."""
    return _load(config)[0]


class _ContentDirective(SphinxDirective):
    """What the directives share: the locale, the catalogue, warnings and targets."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "locale": directives.unchanged_required,
        "country": directives.unchanged_required,
        "no-index": directives.flag,
        "brief": directives.flag,
    }

    def warn(self, message: str, subtype: str) -> list[nodes.Node]:
        """Report *message* as a warning at this directive; show nothing."""
        logger.warning(
            "%s: %s", self.name, message, location=self.get_location(),
            type="sextingsafe", subtype=subtype,
        )  # fmt: skip
        return []

    def renderer(self) -> ItemRenderer | None:
        """Return a renderer for the requested locale, or warn and return ``None``."""
        cat, files = _load(self.config)
        for path in files:
            self.env.note_dependency(path)
        default = self.config.sextingsafe_locale or None
        locale = self.options.get("locale") or default
        country = self.options.get("country") or self.config.sextingsafe_country or None
        try:
            if country is not None:
                code, subdivision = parse_country(country)
                country = subdivision or code
            return ItemRenderer(
                cat,
                locale,
                page_lang=_page_lang(self.config),
                brief="brief" in self.options,
                default_locale=default,
                country=country,
            )
        except InvalidLocaleError as error:
            self.warn(str(error), "locale")
            return None
        except InvalidFilterError as error:
            self.warn(str(error), "country")
            return None

    def anchor(self, item: ContentItem, locale: str) -> str:
        """Return a new id, unique in the document, for *item*'s block in *locale*.

        It is ``kind-id``, or ``kind-id-locale`` when the page already shows the item.
        """
        ids = self.state.document.ids
        node_id: str = nodes.make_id(f"{item.item_kind}-{item.id}")
        if node_id in ids:
            node_id = nodes.make_id(f"{node_id}-{locale}")
        if node_id in ids:
            node_id = make_id(self.env, self.state.document, item.item_kind, item.id)
        # Reserve it now: make_id() avoids the ids the document has noted.
        ids[node_id] = nodes.Element()
        return node_id

    def show(self, renderer: ItemRenderer, item: ContentItem, anchor: str) -> nodes.Node:
        """Place *item* at *anchor* (see :func:`expand`); make it a cross-reference target."""
        node = pending_item(
            kind=item.item_kind,
            item=item.id,
            locale=renderer.locale or "",
            brief=renderer.brief,
            country=renderer.reader_country or "",
            ids=[anchor],
        )
        self.set_source_info(node)
        self.state.document.ids[anchor] = node
        if "no-index" not in self.options:
            domain = self.env.get_domain("sextingsafe")
            display = item.id if item.item_kind in {"fact", "quote"} else renderer.display(item)
            key = (item.item_kind, item.id, renderer.requested)
            domain.note_object(key, anchor, str(display), node)  # type: ignore[attr-defined]
        return node

    def items(
        self,
        renderer: ItemRenderer,
        items: tuple[ContentItem, ...],
        dims: tuple[str, ...] = (),
        prefix: str = "",
        *,
        sections: bool = True,
    ) -> list[nodes.Node]:
        """Show *items*; with *dims*, in groups, each item in full in its first group.

        In its other groups an item has a pointer to where it is shown. Groups are sections, or
        with *sections* false, a rubric (a heading outside the table of contents) each.
        """
        anchors = {item.id: self.anchor(item, renderer.requested) for item in items}
        homes = {item.id: tuple(_keys(dim, item)[0] for dim in dims) for item in items}

        def level(members: list[ContentItem], path: tuple[str, ...]) -> list[nodes.Node]:
            if len(path) == len(dims):
                return [
                    self.show(renderer, item, anchors[item.id])
                    if homes[item.id] == path
                    else renderer.see(item, anchors[item.id])
                    for item in members
                ]
            dim = dims[len(path)]
            groups: dict[str, list[ContentItem]] = {}
            for item in members:
                for key in _keys(dim, item):
                    groups.setdefault(key, []).append(item)
            result: list[nodes.Node] = []
            for key in sorted(groups, key=lambda k: _order(renderer, dim, k, groups[k][0])):
                section_id = make_id(
                    self.env, self.state.document, prefix or "sextingsafe", "-".join((*path, key))
                )
                heading = renderer.phrase(
                    _heading(renderer, dim, key, groups[key][0]), renderer.page_lang
                )
                if sections:
                    section = nodes.section("", nodes.title("", "", heading), ids=[section_id])
                    self.state.document.ids[section_id] = section
                    section += level(groups[key], (*path, key))
                    result.append(section)
                else:
                    rubric = nodes.rubric("", "", heading, ids=[section_id])
                    self.state.document.ids[section_id] = rubric
                    result += [rubric, *level(groups[key], (*path, key))]
            return result

        return level(list(items), ())


def _page_lang(config: Config) -> str:
    return str(config.language or "en").replace("_", "-")


def _keys(dim: str, item: Any) -> list[str]:
    if dim == "speaker":
        return [item.speaker.id]
    if dim == "country":
        return list(item.countries) or ["worldwide"]
    if dim == "kind":
        return [item.kind.value]
    values = item.audiences if dim == "audience" else item.topics
    return [value.value for value in values] or ["other"]


def _order(renderer: ItemRenderer, dim: str, key: str, item: Any) -> tuple[int, str]:
    if dim == "country":
        return (key == "worldwide", str(_heading(renderer, dim, key, item)))
    if dim == "speaker":
        return (0, "")  # sorted() is stable: speakers stay in the catalogue's order
    members = {"audience": sextingsafe.Audience, "topic": sextingsafe.Topic}
    values = [m.value for m in members.get(dim, sextingsafe.ResourceKind)]
    return (values.index(key) if key in values else len(values), key)


def _heading(renderer: ItemRenderer, dim: str, key: str, item: Any) -> str:
    if dim == "speaker":
        return str(item.speaker.name)
    if dim == "country":
        return renderer.label("worldwide") if key == "worldwide" else renderer.country(key)
    if key == "other":
        return renderer.label("other")
    return renderer.term(dim, key)


class ItemDirective(_ContentDirective):
    """``.. sextingsafe:item:: <id>``: one fact, quote, advice item or resource, in full."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **_ContentDirective.option_spec,
        "kind": lambda value: directives.choice(value, tuple(KINDS)),
    }

    def run(self) -> list[nodes.Node]:
        """Render the item, or warn that there is no such item and render nothing."""
        renderer = self.renderer()
        if renderer is None:
            return []
        item_id = self.arguments[0]
        kinds = [self.options["kind"]] if "kind" in self.options else list(KINDS)
        found: list[ContentItem] = []
        suggestions: list[str] = []
        for kind in kinds:
            collection: Collection[Any] = getattr(renderer.catalogue, KINDS[kind])
            try:
                found.append(collection[item_id])
            except sextingsafe.ContentNotFoundError as error:
                suggestions += error.suggestions
        names = kinds[0] if len(kinds) == 1 else "item"
        if not found:
            hint = (
                "; did you mean " + ", ".join(map(repr, suggestions)) + "?" if suggestions else ""
            )
            return self.warn(f"no {names} with id {item_id!r}{hint}", "not-found")
        if len(found) > 1:
            which = ", ".join(item.item_kind for item in found)
            return self.warn(
                f"{item_id!r} names more than one item ({which}): add :kind:", "ambiguous"
            )
        return [self.show(renderer, found[0], self.anchor(found[0], renderer.requested))]


def _filter_options() -> dict[str, Callable[[str], Any]]:
    names = sorted({name for group in FILTERS.values() for name in group})
    return dict.fromkeys(names, directives.unchanged_required)


class ListDirective(_ContentDirective):
    """``.. sextingsafe:list:: facts|quotes|advice|resources``: the items matching the filters."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **_ContentDirective.option_spec,
        **_filter_options(),
        "no-worldwide": directives.flag,
        "group-by": directives.unchanged_required,
    }

    def collection_name(self) -> str:
        """Return the collection to select from."""
        return str(self.arguments[0])

    def filters(self) -> dict[str, Any]:
        """Return the ``select()`` arguments the options give."""
        found: dict[str, Any] = {
            name: self.options[name] for name in _filter_options() if name in self.options
        }
        if "no-worldwide" in self.options:
            found["worldwide"] = False
        if "age" in found and str(found["age"]).isdigit():
            found["age"] = int(found["age"])
        return found

    def run(self) -> list[nodes.Node]:
        """Render the matching items, or warn about a bad option and render nothing."""
        what = self.collection_name()
        if what not in FILTERS:
            return self.warn(
                f"unknown collection {what!r}: expected one of {', '.join(FILTERS)}", "usage"
            )
        renderer = self.renderer()
        if renderer is None:
            return []
        filters = self.filters()
        allowed = {*FILTERS[what], *(("worldwide",) if what == "resources" else ())}
        wrong = sorted(set(filters) - allowed)
        if wrong:
            option = "no-worldwide" if wrong[0] == "worldwide" else wrong[0]
            expected = ", ".join(f":{f}:" for f in FILTERS[what])
            return self.warn(
                f":{option}: does not filter {what} (its filters: {expected})", "usage"
            )
        for name, value in filters.items():
            kind = _ID_FILTERS.get(name)
            if kind is not None and value not in getattr(renderer.catalogue, kind):
                return self.warn(f"invalid {name} {value!r}: there is no such {name} id", "filter")
        dims = tuple(self.options.get("group-by", "").replace(",", " ").split())
        for dim in dims:
            if dim not in GROUPS[what]:
                expected = ", ".join(GROUPS[what])
                return self.warn(
                    f"cannot group {what} by {dim!r} (choose from {expected})", "usage"
                )
        try:
            found = getattr(renderer.catalogue, what).select(**filters)
        except InvalidFilterError as error:
            return self.warn(str(error), "filter")
        return self.items(renderer, found, dims, prefix=what)


class ResourcesDirective(ListDirective):
    """``.. sextingsafe:resources:: <country>``: the help resources for one country."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **_ContentDirective.option_spec,
        **dict.fromkeys(FILTERS["resources"], directives.unchanged_required),
        "no-worldwide": directives.flag,
    }

    def collection_name(self) -> str:
        """Return ``"resources"``: the argument is the country."""
        return "resources"

    def filters(self) -> dict[str, Any]:
        """Return the options' filters, with the country from the argument."""
        return {**super().filters(), "country": self.arguments[0]}

    def run(self) -> list[nodes.Node]:
        """Render the country's help, then the link to report a wrong number or text."""
        found = super().run()
        renderer = self.renderer()
        if renderer is not None and found:
            found.append(renderer.correction(renderer.page_lang))
        return found


class CatalogueDirective(_ContentDirective):
    """``.. sextingsafe:catalogue::``: every item, in sections by kind, as the catalogue pages."""

    #: Each section: its id, its title (in the page's language), what it holds and its groups.
    SECTIONS = (
        ("facts", "Facts", ()),
        ("quotes", "Quotes", ()),
        ("advice", "Advice", ("audience",)),
        ("resources", "Help resources", ("country",)),
        ("glossary", "Glossary", ()),
        ("faq", "Questions and answers", ("audience",)),
        ("scripts", "Conversation scripts", ("audience",)),
    )

    def run(self) -> list[nodes.Node]:
        """Render every item of the catalogue in the requested locale."""
        renderer = self.renderer()
        if renderer is None:
            return []
        result: list[nodes.Node] = []
        for what, title, dims in self.SECTIONS:
            items = tuple(getattr(renderer.catalogue, what).values())
            if not items:
                continue
            section_id = make_id(self.env, self.state.document, "sextingsafe", what)
            section = nodes.section("", nodes.title("", title), ids=[section_id])
            self.state.document.ids[section_id] = section
            # Groups as rubrics: sections would put hundreds of headings in the site's
            # navigation, which Sphinx copies into every page.
            section += self.items(renderer, items, dims, prefix=what, sections=False)
            result.append(section)
        return result


class LocalesDirective(_ContentDirective):
    """``.. sextingsafe:locales::``: the locales, with how much is translated and reviewed."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {}

    def run(self) -> list[nodes.Node]:
        """Render one line per locale: its names, direction and coverage."""
        cat = _load(self.config)[0]
        lines = nodes.bullet_list(classes=["sextingsafe-locales"])
        for info in cat.locales():
            locale = cat.negotiate([info.tag])
            english = locale.get_display_name("en") or info.tag
            native = langspan(
                "", locale.get_display_name() or info.tag, lang=info.tag, dir=info.direction
            )
            if info.source:
                state = f"the source language ({info.total} texts)"
            else:
                coverage = "complete" if info.complete else "partial"
                state = (
                    f"{coverage}, {info.translated} of {info.total} texts translated, "
                    f"{info.reviewed} reviewed by a person"
                )
            direction = "right to left" if info.direction == "rtl" else "left to right"
            lines += nodes.list_item(
                "",
                nodes.paragraph(
                    "",
                    "",
                    nodes.strong("", english),
                    nodes.Text(" — "),
                    native,
                    nodes.Text(" ("),
                    nodes.literal("", info.tag),
                    nodes.Text(f", {direction}): {state}."),
                ),
            )
        return [lines]


def expand(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each :class:`pending_item` with the item's nodes (``doctree-resolved``).

    By now every document has been read, so links between items resolve here, directly.
    """
    placed = list(doctree.findall(pending_item))
    if not placed:
        return
    cat = catalogue(app.config)
    domain = app.env.get_domain("sextingsafe")
    renderers: dict[tuple[str, bool, str], ItemRenderer] = {}
    for node in placed:
        key = (node["locale"], bool(node["brief"]), node.get("country", ""))
        renderer = renderers.get(key)
        if renderer is None:
            renderer = renderers[key] = ItemRenderer(
                cat,
                node["locale"] or None,
                page_lang=_page_lang(app.config),
                brief=key[1],
                default_locale=app.config.sextingsafe_locale or None,
                country=key[2] or None,
            )
            renderer.link = functools.partial(domain.link, app.builder, docname)  # type: ignore[attr-defined]
        try:
            item = getattr(cat, KINDS[node["kind"]])[node["item"]]
        except sextingsafe.ContentNotFoundError as error:
            # Read by an earlier build, from content that has changed since without a file
            # Sphinx knows of (sphinx-build -E reads everything again).
            logger.warning("%s", error, location=node, type="sextingsafe", subtype="not-found")
            node.parent.remove(node)
            continue
        node.replace_self(renderer.render(item, node["ids"][0]))

"""Immutability: every public object is frozen, hashable and safe to share.

Nothing an app is handed lets one part of it change what another part of it sees.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path

import attrs
import pytest

import sextingsafe
from sextingsafe import (
    Catalogue,
    ContentNotFoundError,
    FrozenDict,
    PackProblem,
)

PACKS = Path(__file__).parent / "packs"
KINDS = (
    "facts",
    "quotes",
    "advice",
    "resources",
    "sources",
    "speakers",
    "occasions",
    "glossary",
    "faq",
    "scripts",
    "emergency_numbers",
)
LOCALES = ("en", "fr", "ar", "pl")
#: The attribute that links an item to its catalogue's renderer: shared machinery, not content.
RENDERER = "renderer"


def public_classes() -> dict[str, type]:
    """Every public class, by name."""
    return {
        name: value
        for name in sextingsafe.__all__
        if isinstance(value := getattr(sextingsafe, name), type)
    }


def reachable() -> Iterator[object]:
    """Every public value an app can reach from the bundled content, in every view."""
    for kind in KINDS:
        for item in getattr(sextingsafe, kind).values():
            yield item
            for locale in LOCALES:
                if hasattr(item, "localize"):
                    yield item.localize(locale)
                else:
                    for name in getattr(type(item), "translatable", ()):
                        yield item.localized_field(name, locale)
    yield from sextingsafe.locales()
    yield sextingsafe.label("places-to-get-help", "ar", count=3)
    for country in ("GB", "AU", None):
        yield sextingsafe.help_for(["child-helpline", "emergency"], country)
        for advice in sextingsafe.advice.values():
            yield advice.localize("pl", country)
    yield from sextingsafe.search("help", "pl")
    old = sextingsafe.export(locales=None)
    yield sextingsafe.diff(old, {**old, "facts": old["facts"][1:]})


def walk(value: object, path: str = "") -> Iterator[tuple[str, object]]:
    """Yield ``(path, value)`` for *value* and everything inside it, the renderer excepted."""
    yield path, value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.name != RENDERER:
                yield from walk(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple | frozenset):
        for number, inner in enumerate(value):
            yield from walk(inner, f"{path}[{number}]")
    elif isinstance(value, FrozenDict):
        for key, inner in value.items():
            yield from walk(inner, f"{path}[{key!r}]")


@pytest.fixture(scope="module")
def samples() -> dict[type, list[object]]:
    """Every object reachable from the bundled content, by class."""
    found: dict[type, list[object]] = {}
    for value in reachable():
        for _path, inner in walk(value):
            found.setdefault(type(inner), []).append(inner)
    return found


ATTRS_CLASSES = sorted(name for name, cls in public_classes().items() if attrs.has(cls))
#: Types an immutable object may hold, besides frozen attrs instances.
IMMUTABLE = (str, int, float, bool, type(None), dt.date, enum.Enum, tuple, frozenset, FrozenDict)


class TestFrozen:
    """Every public attrs class is frozen, slotted and hashable."""

    @pytest.mark.parametrize("name", ATTRS_CLASSES)
    def test_every_field_is_frozen(self, samples: dict[type, list[object]], name: str) -> None:
        """Setting or deleting any field, or adding one, raises FrozenInstanceError."""
        cls = public_classes()[name]
        assert samples.get(cls), f"no {name} is reachable from the bundled content"
        sample = samples[cls][0]

        for field in attrs.fields(cls):
            before = getattr(sample, field.name)
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(sample, field.name, None)
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                delattr(sample, field.name)
            assert before is getattr(sample, field.name)
        with pytest.raises((attrs.exceptions.FrozenInstanceError, AttributeError)):
            sample.extra = 1  # type: ignore[attr-defined]
        assert not hasattr(sample, "__dict__")

    @pytest.mark.parametrize("name", ATTRS_CLASSES)
    def test_hashable(self, samples: dict[type, list[object]], name: str) -> None:
        """Every instance hashes, and equal instances hash alike."""
        instances = samples[public_classes()[name]]

        for instance in instances:
            assert hash(instance) == hash(attrs.evolve(instance))  # type: ignore[misc]

    def test_tuples_not_lists(self, samples: dict[type, list[object]]) -> None:
        """Nothing reachable holds a list, dict, set or other mutable container."""
        mutable = [
            f"{type(value).__name__} at {path}"
            for root in reachable()
            for path, value in walk(root)
            if not (isinstance(value, IMMUTABLE) or attrs.has(type(value)))
        ]

        assert [] == mutable[:10]

    def test_every_reachable_value_hashes(self) -> None:
        """Every value reachable from the bundled content, in every view, can be hashed."""
        unhashable = []
        for root in reachable():
            try:
                hash(root)
            except TypeError as error:
                unhashable.append(f"{type(root).__name__}: {error}")

        assert [] == unhashable[:10]


class TestLocalizedText:
    """LocalizedText is a str whose locale, direction and review status cannot change."""

    @pytest.mark.parametrize(
        "name", ["locale", "requested", "is_fallback", "direction", "review", "extra"]
    )
    def test_attributes_cannot_be_set(self, name: str) -> None:
        """Setting or deleting any attribute raises AttributeError; the text is unchanged."""
        text = next(iter(sextingsafe.advice.values())).localize("ar").title
        before = (str(text), text.locale, text.direction, text.review, text.is_fallback)

        with pytest.raises(AttributeError):
            setattr(text, name, "en")
        with pytest.raises(AttributeError):
            delattr(text, name)
        assert before == (str(text), text.locale, text.direction, text.review, text.is_fallback)
        assert not hasattr(text, "__dict__")

    def test_cached_text_is_one_object(self) -> None:
        """The same text asked for twice is the same immutable object, and equal to a fresh one."""
        fact = next(iter(sextingsafe.facts.values()))
        advice = next(iter(sextingsafe.advice.values()))

        assert fact.statement("pl") is fact.statement("pl")
        assert advice.localize("fr").title is advice.localize("fr").title
        fresh = Catalogue.load().facts[fact.id].statement("pl")
        assert (fresh, fresh.locale, fresh.review) == (
            fact.statement("pl"),
            fact.statement("pl").locale,
            fact.statement("pl").review,
        )

    def test_html_is_immutable(self) -> None:
        """The HTML of a text is an immutable str too."""
        markup = next(iter(sextingsafe.advice.values())).localize("fr").title.__html__()

        with pytest.raises(AttributeError):
            markup.extra = 1  # type: ignore[attr-defined]
        assert markup is markup.__html__()


class TestCollections:
    """Collections are read-only Mappings: no item can be added, replaced or removed."""

    @pytest.mark.parametrize("kind", KINDS)
    def test_read_only_mapping(self, kind: str) -> None:
        """A Mapping, not a MutableMapping, without any method that writes."""
        collection = getattr(sextingsafe, kind)
        item_id = next(iter(collection))

        assert isinstance(collection, Mapping)
        assert not isinstance(collection, MutableMapping)
        for method in ("__setitem__", "__delitem__", "pop", "popitem", "clear", "update"):
            assert not hasattr(collection, method), method
        with pytest.raises(TypeError):
            collection[item_id] = collection[item_id]
        with pytest.raises(TypeError):
            del collection[item_id]
        with pytest.raises(AttributeError):
            collection.select = None
        assert item_id in collection

    @pytest.mark.parametrize("kind", ["facts", "quotes", "advice", "resources"])
    def test_select_returns_tuples(self, kind: str) -> None:
        """select() returns a tuple, so a caller cannot change another caller's result."""
        collection = getattr(sextingsafe, kind)

        assert isinstance(collection.select(), tuple)
        assert collection.select() == tuple(collection.values())

    def test_frozen_dict(self) -> None:
        """FrozenDict cannot be written to, and a copy of it is independent of it."""
        values = next(f.values for f in sextingsafe.facts.values() if f.values)
        before = dict(values)
        key = next(iter(values))

        with pytest.raises(TypeError):
            values[key] = 0  # type: ignore[index]
        with pytest.raises(TypeError):
            del values[key]  # type: ignore[attr-defined]
        for method in ("update", "pop", "clear", "setdefault"):
            assert not hasattr(values, method), method
        with pytest.raises(AttributeError):
            values.extra = 1  # type: ignore[attr-defined]
        assert before == dict(values)
        assert hash(values) == hash(FrozenDict(before))

    def test_frozen_dict_copies_its_input(self) -> None:
        """A FrozenDict keeps its own copy: changing the dict it was made from changes nothing."""
        source = {"count": 12500, "share": 0.148}
        frozen = FrozenDict(source)
        hashed = hash(frozen)

        source["count"] = 0
        del source["share"]

        assert {"count": 12500, "share": 0.148} == dict(frozen)
        assert hashed == hash(frozen)


class TestOtherPublicObjects:
    """The other public objects apps keep around are immutable too."""

    def test_pack_problem(self) -> None:
        """A PackProblem's path, line and message cannot change (it hashes by them)."""
        problem = PackProblem("pack/advice.toml", 3, "bad")
        before = hash(problem)

        for name, value in (("path", "other.toml"), ("line", 4), ("message", "fine")):
            with pytest.raises(AttributeError):
                setattr(problem, name, value)
        assert before == hash(problem)
        assert ("pack/advice.toml", 3, "bad") == (problem.path, problem.line, problem.message)

    def test_error_details_are_tuples(self) -> None:
        """An error's suggestions and problems are tuples."""
        with pytest.raises(ContentNotFoundError) as info:
            sextingsafe.advice["ask-who-should-see-i"]

        assert isinstance(info.value.suggestions, tuple)

    def test_catalogue_attributes(self) -> None:
        """A catalogue's collections and content cannot be replaced by one part of an app."""
        catalogue = Catalogue.load()
        names = [*KINDS, "content", "store"]
        replaced = []

        for name in names:
            before = getattr(catalogue, name)
            try:
                setattr(catalogue, name, None)
            except AttributeError:
                continue
            replaced.append(name)
            setattr(catalogue, name, before)

        assert [] == replaced


#: Headers whose negotiated locale is checked.
HEADERS = ("fr-CA,fr;q=0.9", "ar", "pt-BR", "pl;q=0.5,en;q=0.4")


def seen() -> dict[str, str]:
    """Everything a part of an app sees of the bundled content, each part as JSON text."""
    advice = next(iter(sextingsafe.advice.values()))
    fact = next(iter(sextingsafe.facts.values()))
    parts: dict[str, object] = {
        "export": sextingsafe.export(None, None),
        "jsonld": sextingsafe.export_jsonld(None, "fr"),
        "negotiated": [str(sextingsafe.negotiate(h)) for h in HEADERS],
        "locales": [attrs.asdict(i) for i in sextingsafe.locales()],
        "texts": [
            [str(t), t.locale, t.review.value, t.__html__()]
            for locale in LOCALES
            for t in (advice.localize(locale).title, fact.statement(locale))
        ],
        "selected": [a.id for a in sextingsafe.advice.select(audience="young-people")],
        "values": {f.id: dict(f.values) for f in sextingsafe.facts.values()},
    }
    return {name: json.dumps(part, default=str, sort_keys=True) for name, part in parts.items()}


def change_export() -> Callable[[], None]:
    """Change everything in an export's data."""
    data = sextingsafe.export(None, None)
    data["advice"][0]["title"]["en"] = "changed"
    data["advice"].clear()
    data["labels"].clear()
    data["locales"][0]["tag"] = "xx"
    return lambda: None


def change_jsonld() -> Callable[[], None]:
    """Change everything in a JSON-LD document, its context included."""
    data = sextingsafe.export_jsonld(None, "fr")
    context = data["@context"]
    before = dict(context)
    context["@vocab"] = "https://evil.example/"
    data["@graph"].clear()

    def undo() -> None:
        context.clear()
        context.update(before)

    return undo


def change_negotiated_locale() -> Callable[[], None]:
    """Change the babel.Locale that negotiate() returned (it is read-only: the change fails)."""
    locale = sextingsafe.negotiate("fr-CA,fr;q=0.9")
    before = locale.territory
    try:
        locale.territory = "CA"
    except AttributeError:
        return lambda: None

    def undo() -> None:
        locale.territory = before

    return undo


def change_items() -> Callable[[], None]:
    """Try to set fields of items and texts; every attempt must fail."""
    advice = next(iter(sextingsafe.advice.values()))
    text = advice.localize("fr").title
    for target, name in ((advice, "title"), (advice, "sources"), (text, "locale")):
        with pytest.raises(AttributeError):
            setattr(target, name, "changed")
    return lambda: None


CHANGES = {
    "export": change_export,
    "jsonld": change_jsonld,
    "negotiated-locale": change_negotiated_locale,
    "items": change_items,
}


class TestIsolation:
    """What one part of an app does with the values it is handed, no other part sees."""

    @pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
    def test_other_parts_see_nothing(self, change: Callable[[], Callable[[], None]]) -> None:
        """After one part changes what it was given, another part sees exactly what it saw."""
        before = seen()

        undo = change()
        try:
            after = seen()
        finally:
            undo()  # leave the process as it was, whatever the outcome

        assert [] == [part for part in before if before[part] != after[part]]

    def test_export_twice(self) -> None:
        """Two exports are independent: changing the first leaves the second as it was."""
        first = sextingsafe.export(None, None)
        expected = json.dumps(first, sort_keys=True)
        first["advice"][0]["title"]["en"] = "changed"
        first["sources"].clear()

        second = sextingsafe.export(None, None)

        assert expected == json.dumps(second, sort_keys=True)

    def test_loaded_export_keeps_no_reference(self) -> None:
        """A catalogue loaded from export data is unchanged when that data changes afterwards."""
        data = sextingsafe.export(Catalogue.load(PACKS / "example", include_bundled=False), "fr")
        catalogue = sextingsafe.load_export(data)
        fact = data["facts"][0]

        data["advice"][0]["title"]["en"] = "changed"
        fact["values"]["count"] = 0
        fact["statement"]["fr"] = "changé {count}"
        data["advice"].clear()
        data["labels"].clear()

        assert "Talk to someone you trust" == catalogue.advice["example-talk"].localize("en").title
        assert {"count": 12500, "share": 0.148, "year": 2019} == dict(
            catalogue.facts["example-share"].values
        )
        assert (
            "Entre 1 janv. 2017\u2009–\u200919 août 2019, 14,8\xa0% des 12\u202f500 "
            "signalements d'exemple ont été clos en 2019."
        ) == catalogue.facts["example-share"].statement("fr")

    def test_other_catalogue_leaves_bundled_alone(self) -> None:
        """Loading and using another catalogue (with a hostile pack) changes nothing bundled."""
        before = seen()
        catalogue = Catalogue.load(PACKS / "hostile-markup")
        catalogue.advice["hostile-advice"].localize("fr")
        catalogue.negotiate("fr-CA")

        assert before == seen()
        assert set(sextingsafe.advice) < set(catalogue.advice)
        assert catalogue.advice is not sextingsafe.advice

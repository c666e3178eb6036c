"""Properties of every public entry point: any input gives a result or a documented error.

The documented errors are the :class:`sextingsafe.SextingsafeError` subclasses, each with a
message that quotes the input (its ``repr``), and :class:`TypeError` where a wrong Python type
is documented.
Anything else coming out (``KeyError``, ``LookupError``, ``decimal.InvalidOperation``,
``RecursionError``, ...) is a bug, and so is a traceback from the command line.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import json
import os
import re
import string
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from babel import Locale
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import sextingsafe
from sextingsafe import (
    Catalogue,
    ContentNotFoundError,
    InvalidFilterError,
    InvalidLocaleError,
    LocalizedText,
    PackError,
    SextingsafeError,
)
from sextingsafe._cli import main

PACKS = Path(__file__).parent / "packs"
#: Bounded, so that the whole module runs in seconds.
#: The health checks the loaded profile suppresses (tests/conftest.py), kept where a test adds one.
PROFILE_SUPPRESSED = tuple(settings.default.suppress_health_check)
QUICK = settings(max_examples=60, deadline=None)
THOROUGH = settings(max_examples=200, deadline=None)

# Text that looks like locales and headers, with the characters that case-fold into ASCII.
TAG_ALPHABET = st.sampled_from(
    list(string.ascii_letters + string.digits + "_-.@;=,* ") + list("ſİıKßﬀ\u0130\x00\u202e")
)
TRICKY = st.sampled_from(
    [
        "",
        " ",
        "*",
        "C",
        "POSIX",
        "und",
        "root",
        "i-klingon",
        "x-private",
        "en-US-u-ca-buddhist",
        "EN_gb.UTF-8@euro",
        "zh-Hant-TW",
        "sr-Latn",
        "ar-001",
        "en-ZZ",
        "xx-YY",
        "ß",
        "ſ",
        "İ",
        "fr\x00",
        "x" * 1000,
        "fr;q=0.5",
        "{0}",
        "%(x)s",
        "<script>",
        "../../etc",
    ]
)
LETTERS = string.ascii_lowercase


@st.composite
def well_formed(draw: st.DrawFn) -> str:
    """A well-formed locale, supported or not, in BCP 47 or POSIX form, in any case."""
    language = draw(
        st.one_of(
            st.sampled_from(["en", "fr", "ar", "pl", "pt"]),
            st.text(LETTERS, min_size=2, max_size=3),
        )
    )
    script = draw(st.one_of(st.none(), st.sampled_from(["Latn", "Arab", "Hant", "Zzzz"])))
    region = draw(
        st.one_of(
            st.none(),
            st.text(LETTERS.upper(), min_size=2, max_size=2),
            st.text(string.digits, min_size=3, max_size=3),
        )
    )
    name = draw(st.sampled_from("-_")).join(p for p in (language, script, region) if p)
    return name.swapcase() if draw(st.booleans()) else name


#: Any text an app might pass on from a request, a config file or a user.
ANY_TEXT = st.one_of(st.text(), st.text(TAG_ALPHABET, max_size=30), well_formed(), TRICKY)


@st.composite
def headers(draw: st.DrawFn) -> str:
    """An Accept-Language header: entries with optional q-values, well-formed or not."""
    entries = draw(
        st.lists(
            st.tuples(
                ANY_TEXT,
                st.one_of(
                    st.none(),
                    st.sampled_from(["0", "1", "0.5", "0.001", "1.000", "2", "-1", "abc", ""]),
                    st.text(TAG_ALPHABET, max_size=6),
                ),
            ),
            max_size=5,
        )
    )
    return ",".join(tag if q is None else f"{tag};q={q}" for tag, q in entries)


def attempt(call: Callable[[], Any], *errors: type[Exception]) -> tuple[Any, Exception | None]:
    """Return ``(result, None)``, or ``(None, error)`` for one of the *errors* expected."""
    try:
        return call(), None
    except errors as error:
        return None, error


def quotes_input(error: SextingsafeError, value: object) -> None:
    """The error's message quotes *value* as given."""
    assert repr(value) in str(error), (value, str(error))


def bundled() -> Catalogue:
    """The bundled catalogue, as the module-level functions use it."""
    from sextingsafe._catalogue import default_catalogue

    return default_catalogue()


def first(kind: str) -> Any:
    """The first bundled item of a kind."""
    return next(iter(getattr(sextingsafe, kind).values()))


class TestNegotiate:
    """negotiate() returns a supported locale, or InvalidLocaleError quoting the input."""

    @THOROUGH
    @given(headers())
    @example("fr, 12")
    @example("fr;q=2")
    @example("*;q=0.5, ß")
    def test_any_header(self, header: str) -> None:
        """Any header gives a supported babel.Locale, or an error quoting it or its entry."""
        result, error = attempt(lambda: sextingsafe.negotiate(header), InvalidLocaleError)

        if isinstance(error, InvalidLocaleError):
            assert isinstance(error, ValueError)
            quotes_input(error, error.value)
            assert isinstance(error.value, str)
            assert error.value in header
            return
        assert isinstance(result, Locale)
        assert str(result) in bundled().supported_locales()

    @QUICK
    @given(st.lists(ANY_TEXT, max_size=4))
    def test_any_tags(self, tags: list[str]) -> None:
        """Any list of tags gives a supported locale, or an error quoting the malformed tag."""
        result, error = attempt(lambda: sextingsafe.negotiate(tags), InvalidLocaleError)

        if isinstance(error, InvalidLocaleError):
            quotes_input(error, error.value)
            assert error.value in tags
            return
        assert str(result) in bundled().supported_locales()

    @QUICK
    @given(ANY_TEXT)
    def test_any_default(self, default: str) -> None:
        """Any default gives a supported locale when nothing matches, or an error quoting it."""
        result, error = attempt(
            lambda: sextingsafe.negotiate("tlh", default=default), InvalidLocaleError
        )

        if isinstance(error, InvalidLocaleError):
            assert default == error.value
            quotes_input(error, default)
            return
        assert str(result) in bundled().supported_locales()

    @QUICK
    @given(headers())
    def test_same_answer_twice(self, header: str) -> None:
        """Asking twice (the second answer comes from a cache) gives the same locale."""
        once, error = attempt(lambda: str(sextingsafe.negotiate(header)), InvalidLocaleError)

        assert error is not None or once == str(sextingsafe.negotiate(header))

    @pytest.mark.parametrize(
        "header", [None, 3, 2.5, b"fr", object()], ids=["none", "int", "float", "bytes", "object"]
    )
    def test_not_text(self, header: Any) -> None:
        """A header that is not text (a missing header is None) is the default or an error.

        It is never a bare TypeError: like every locale argument, a wrong type is an
        InvalidLocaleError quoting it.
        """
        result, error = attempt(lambda: sextingsafe.negotiate(header), InvalidLocaleError)

        if isinstance(error, InvalidLocaleError):
            quotes_input(error, error.value)
        else:
            assert "en" == str(result)


@functools.cache
def localisers() -> dict[str, Callable[[Any], object]]:
    """Every public call that takes a locale, with a bundled item where it needs one."""
    example = Catalogue.load(PACKS / "example", include_bundled=False)
    fact, quote, advice = first("facts"), first("quotes"), first("advice")
    resource, occasion = first("resources"), first("occasions")
    return {
        "Fact.statement": fact.statement,
        "Fact.localize": fact.localize,
        "Quote.localize": quote.localize,
        "Advice.localize": advice.localize,
        "Resource.localize": resource.localize,
        "Speaker.localized_field": lambda locale: quote.speaker.localized_field("role", locale),
        "Occasion.localized_field": lambda locale: occasion.localized_field("name", locale),
        "label": lambda locale: sextingsafe.label("where-to-get-help", locale),
        "label-count": lambda locale: sextingsafe.label("places-to-get-help", locale, count=2),
        "Catalogue.translation": lambda locale: bundled().translation(advice, "title", locale),
        "LocalizedText": lambda locale: LocalizedText("Text", locale=locale),
        "export": lambda locale: export_strict(sextingsafe.export(example, locale)),
        "export_jsonld": lambda locale: export_strict(sextingsafe.export_jsonld(example, locale)),
    }


#: The names of the calls :func:`localisers` returns (they are built on first use).
LOCALISER_NAMES = (
    "Fact.statement",
    "Fact.localize",
    "Quote.localize",
    "Advice.localize",
    "Resource.localize",
    "Speaker.localized_field",
    "Occasion.localized_field",
    "label",
    "label-count",
    "Catalogue.translation",
    "LocalizedText",
    "export",
    "export_jsonld",
)


def export_strict(data: object) -> object:
    """Serialise as strict JSON, which must work, and read it back."""
    return json.loads(json.dumps(data, allow_nan=False))


def texts_in(value: object) -> Iterator[LocalizedText]:
    """Yield the LocalizedText fields of a result (a text or a localised view)."""
    if isinstance(value, LocalizedText):
        yield value
    elif hasattr(value, "__attrs_attrs__"):
        for name in value.__attrs_attrs__:  # type: ignore[attr-defined]
            yield from texts_in(getattr(value, name.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from texts_in(item)


class TestLocaleArguments:
    """Every call that takes a locale: a localised result, or InvalidLocaleError quoting it."""

    @pytest.mark.parametrize("name", LOCALISER_NAMES)
    @QUICK
    @given(locale=ANY_TEXT)
    def test_any_text(self, name: str, locale: str) -> None:
        """A result for a well-formed locale; an InvalidLocaleError quoting anything else."""
        result, error = attempt(lambda: localisers()[name](locale), InvalidLocaleError)

        if isinstance(error, InvalidLocaleError):
            assert locale == error.value
            quotes_input(error, locale)
            return
        supported = bundled().supported_locales()
        for text in texts_in(result):
            assert text.direction in {"ltr", "rtl"}
            assert text.is_fallback or text.locale in supported or text.review.value == "source"


COLLECTIONS = ("facts", "quotes", "advice", "resources", "sources", "speakers", "occasions")


class TestIds:
    """Looking up any id gives the item, or ContentNotFoundError (a KeyError) quoting it."""

    @pytest.mark.parametrize("name", COLLECTIONS)
    @QUICK
    @given(item_id=ANY_TEXT)
    def test_any_id(self, name: str, item_id: str) -> None:
        """[] gives the item with that id, or an error quoting it; `in` and get() agree."""
        collection = getattr(sextingsafe, name)
        item, error = attempt(lambda: collection[item_id], ContentNotFoundError)

        if isinstance(error, ContentNotFoundError):
            assert isinstance(error, KeyError)
            assert item_id == error.id
            quotes_input(error, item_id)
            assert item_id not in collection
            assert collection.get(item_id) is None
            return
        assert item_id == item.id
        assert item_id in collection

    @pytest.mark.parametrize(
        "item_id",
        [None, 3, ("a",), ["a"], {"a": 1}, b"x"],
        ids=["none", "int", "tuple", "list", "dict", "bytes"],
    )
    def test_not_text(self, item_id: Any) -> None:
        """An id that is not text is not in any collection, and [] says which id it was."""
        for collection in (getattr(sextingsafe, name) for name in COLLECTIONS):
            assert item_id not in collection
            with pytest.raises(ContentNotFoundError) as info:
                collection[item_id]
            assert repr(item_id) in str(info.value)

    @QUICK
    @given(ANY_TEXT, st.one_of(st.none(), st.integers(-3, 3)))
    def test_any_label(self, name: str, count: int | None) -> None:
        """label() gives text, or ContentNotFoundError quoting the name."""
        text, error = attempt(
            lambda: sextingsafe.label(name, "fr", count=count), ContentNotFoundError
        )

        if isinstance(error, ContentNotFoundError):
            quotes_input(error, name)
        else:
            assert isinstance(text, LocalizedText)


#: Each collection's select() filters.
FILTERS = [
    ("facts", "topic"),
    ("facts", "jurisdiction"),
    ("facts", "source"),
    ("facts", "occasion"),
    ("quotes", "speaker"),
    ("quotes", "topic"),
    ("quotes", "source"),
    ("advice", "audience"),
    ("advice", "topic"),
    ("advice", "jurisdiction"),
    ("advice", "resource"),
    ("advice", "occasion"),
    ("resources", "country"),
    ("resources", "kind"),
    ("resources", "audience"),
    ("resources", "channel"),
]
PLACE_FILTERS = {"jurisdiction", "country"}
PLACES = st.one_of(
    ANY_TEXT,
    st.text(string.ascii_letters + "-", max_size=6),
    st.sampled_from(["gb", "GB-SCT", "gb-sct", "US", "ZZ", "EU", "UK", "XK", "ß", "ﬀ", "ſs"]),
)


class TestFilters:
    """select() with any filter value gives matching items, or InvalidFilterError quoting it."""

    @pytest.mark.parametrize(("kind", "name"), FILTERS, ids=[f"{k}-{n}" for k, n in FILTERS])
    @QUICK
    @given(value=PLACES)
    @example(value="ß")
    def test_any_value(self, kind: str, name: str, value: str) -> None:
        """A tuple of the collection's items, or an InvalidFilterError (a ValueError) quoting it.

        A place is accepted only as an ASCII ISO 3166 code in some case: "ß" must not be read
        as "SS" (South Sudan), nor "ﬀ" as "FF".
        """
        collection = getattr(sextingsafe, kind)
        found, error = attempt(lambda: collection.select(**{name: value}), InvalidFilterError)

        if isinstance(error, InvalidFilterError):
            assert isinstance(error, ValueError)
            assert (name, value) == (error.name, error.value)
            quotes_input(error, value)
            return
        assert isinstance(found, tuple)
        assert all(collection[item.id] is item for item in found)
        if name in PLACE_FILTERS:
            assert value.isascii(), f"{value!r} was accepted as {value.upper()!r}"

    @QUICK
    @given(audience=PLACES, topic=PLACES, jurisdiction=PLACES)
    @example(audience="professionals", topic="sextortion", jurisdiction="AQ")
    def test_tip(self, audience: str, topic: str, jurisdiction: str) -> None:
        """tip() gives an advice item, or an error quoting the filter that matched nothing."""
        tip, error = attempt(
            lambda: sextingsafe.advice.tip(
                on=dt.date(2026, 2, 14), audience=audience, topic=topic, jurisdiction=jurisdiction
            ),
            InvalidFilterError,
            ContentNotFoundError,
        )

        if isinstance(error, InvalidFilterError):
            quotes_input(error, error.value)
            assert error.value in {audience, topic, jurisdiction}
        elif isinstance(error, ContentNotFoundError):
            for value in (audience, topic, jurisdiction):
                quotes_input(error, value)
        else:
            assert tip.id in sextingsafe.advice

    NOT_DATES = st.one_of(
        st.text(max_size=12), st.integers(), st.floats(), st.none(), st.just(dt.time(12))
    )

    @QUICK
    @given(NOT_DATES)
    def test_occasions_on_needs_a_date(self, day: object) -> None:
        """OccasionCollection.on() with anything but a date is a TypeError quoting it."""
        with pytest.raises(TypeError) as info:
            sextingsafe.occasions.on(day)  # type: ignore[arg-type]

        assert repr(day) in str(info.value)

    @QUICK
    @given(NOT_DATES.filter(lambda day: day is not None))
    @example("2026-02-14")
    def test_tip_on_needs_a_date(self, day: object) -> None:
        """tip(on=...) with anything but a date is a TypeError quoting it, as for on()."""
        with pytest.raises(TypeError) as info:
            sextingsafe.advice.tip(on=day)  # type: ignore[arg-type]

        assert repr(day) in str(info.value)

    @THOROUGH
    @given(st.dates())
    def test_any_date(self, day: dt.date) -> None:
        """Every date, from year 1 to 9999, gives occasions and a tip of the day."""
        occasions = sextingsafe.occasions.on(day)

        assert all(o.active_on(day) for o in occasions)
        assert sextingsafe.advice.tip(on=day).id in sextingsafe.advice


class TestCounts:
    """Labels with a count show any whole number in every locale."""

    @QUICK
    @given(st.integers(), st.sampled_from(["en", "fr", "ar", "pl", "cy", "ur"]))
    @example(10**30, "en")
    @example(-(10**27), "pl")
    def test_any_count(self, count: int, locale: str) -> None:
        """Any int is shown (formatted for the locale), never a decimal.InvalidOperation."""
        text = sextingsafe.label("places-to-get-help", locale, count=count)

        assert isinstance(text, LocalizedText)
        assert text.strip()


class TestHtml:
    """__html__() escapes any text whole, inside one span with lang and dir."""

    @THOROUGH
    @given(st.text(), st.sampled_from(["en", "fr", "ar", "ur", "pt-BR", "zh-Hant"]))
    @example("</span><script>alert('x')</script>", "ar")
    @example("&amp; &lt; \" ' ` =", "en")
    def test_any_text(self, text: str, locale: str) -> None:
        """Nothing in the text can open, close or quote anything: it comes back unescaped."""
        value = LocalizedText(text, locale=locale)
        opening = f'<span lang="{value.lang}" dir="{value.direction}">'

        markup = value.__html__()

        assert markup.startswith(opening)
        assert markup.endswith("</span>")
        inner = markup[len(opening) : -len("</span>")]
        # Right-to-left text isolates its Latin runs in the renderer's own <bdi dir="ltr">.
        inner = re.sub(r'<bdi dir="ltr">|</bdi>', "", inner)
        assert not set("<>\"'") & set(inner)
        assert text == html.unescape(inner)
        assert markup == markup.__html__()  # marked safe: never escaped twice


def toml_string(text: str) -> str:
    """Return *text* as a TOML basic string, every character TOML restricts escaped."""
    out = []
    for char in text:
        if char in '"\\' or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


EXAMPLE_TITLE = 'title = "Talk to someone you trust"'


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory for the generated packs."""
    return tmp_path_factory.mktemp("generated-packs")


class TestContentText:
    """Any text in a pack loads as that text, or the pack is rejected naming the field."""

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[*PROFILE_SUPPRESSED, HealthCheck.too_slow],
    )
    @given(st.text(max_size=60))
    @example("<script>alert('x')</script> {0} %(x)s")
    @example("\u202eevil\u202c")
    def test_any_title(self, workdir: Path, title: str) -> None:
        """The title comes back as the same text in every view, in HTML and in strict JSON."""
        pack = generated_pack(
            workdir, {"advice.toml": (EXAMPLE_TITLE, f"title = {toml_string(title)}")}
        )

        catalogue, error = attempt(lambda: Catalogue.load(pack, include_bundled=False), PackError)

        if isinstance(error, PackError):
            assert [("example/advice.toml", 5)] == [(p.path, p.line) for p in error.problems]
            assert "title" in error.problems[0].message
            return
        local = catalogue.advice["example-talk"].localize("ar")
        assert title == local.title
        assert html.unescape(local.title.__html__()).endswith(f">{title}</span>")
        data = export_strict(sextingsafe.export(catalogue, "fr"))
        assert title == data["advice"][0]["title"]["en"]  # type: ignore[index]
        graph = export_strict(sextingsafe.export_jsonld(catalogue, "en"))["@graph"]  # type: ignore[index]
        (node,) = (n for n in graph if n["@id"] == "urn:sextingsafe:advice:example-talk")
        assert title == node["name"]["@value"]


_made = iter(range(1_000_000))


def generated_pack(workdir: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """Copy the example pack into *workdir* with *edits* (old, new) applied."""
    import shutil

    target = workdir / f"example-{next(_made)}"
    shutil.copytree(PACKS / "example", target)
    for relative, (old, new) in edits.items():
        path = target / relative
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return target


class TestPackPaths:
    """Catalogue.load() of any path that is not a pack is a PackError quoting it."""

    @QUICK
    @given(ANY_TEXT)
    def test_any_missing_path(self, path: str) -> None:
        """A path that does not exist is rejected at once, the error quoting the path."""
        assume(not os.path.exists(path))

        with pytest.raises(PackError) as info:
            Catalogue.load(path, include_bundled=False)

        quotes_input(info.value, path)


JSON = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=10),
        TRICKY,
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def paths_in(data: object, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Yield the path of every value in JSON data, the root excepted."""
    items: Any = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        yield (*prefix, key)
        yield from paths_in(value, (*prefix, key))


@pytest.fixture(scope="module")
def document() -> str:
    """The example pack's export, with French, as JSON text."""
    catalogue = Catalogue.load(PACKS / "example", include_bundled=False)
    return json.dumps(sextingsafe.export(catalogue, "fr"))


class TestLoadExport:
    """load_export() of damaged export data is a PackError or a working catalogue."""

    @settings(max_examples=60, deadline=None)
    @given(st.data())
    def test_damaged(self, document: str, data: st.DataObject) -> None:
        """One value anywhere replaced by any JSON: a PackError, or everything still renders."""
        export = json.loads(document)
        path = data.draw(st.sampled_from(list(paths_in(export))))
        target = export
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = data.draw(JSON)

        try:
            catalogue = sextingsafe.load_export(export)
        except PackError:
            return
        for item in catalogue.advice.values():
            item.localize("fr")
        for fact in catalogue.facts.values():
            fact.statement("fr")
        for count in range(3):
            catalogue.label("places-to-get-help", "fr", count=count)


COMMANDS = ["tip", "facts", "quotes", "advice", "resources", "occasions", "show", "locales"]
DATES = st.one_of(st.dates().map(dt.date.isoformat), st.text(max_size=12))
OPTIONS = {
    "--locale": st.one_of(ANY_TEXT, st.sampled_from(["ar", "pl", "pt-BR", "all"])),
    "-l": ANY_TEXT,
    "--format": st.one_of(st.sampled_from(["text", "json", "jsonld"]), st.text(max_size=6)),
    "--audience": st.one_of(st.sampled_from(["young-people", "parents-carers"]), ANY_TEXT),
    "--topic": st.one_of(st.sampled_from(["sextortion", "the-law"]), ANY_TEXT),
    "--country": PLACES,
    "-c": PLACES,
    "--jurisdiction": PLACES,
    "--speaker": ANY_TEXT,
    "--kind": st.one_of(st.sampled_from(["helpline", "report"]), ANY_TEXT),
    "--channel": st.one_of(st.sampled_from(["phone", "web"]), ANY_TEXT),
    "--on": DATES,
}


@st.composite
def argvs(draw: st.DrawFn) -> list[str]:
    """A command line: a command (or any word), options with any values, maybe stray words."""
    argv = [draw(st.one_of(st.sampled_from(COMMANDS), ANY_TEXT))]
    if argv[0] == "show":
        argv.append(draw(st.one_of(ANY_TEXT, st.sampled_from(list(sextingsafe.advice)))))
    for option in draw(st.lists(st.sampled_from(sorted(OPTIONS)), max_size=4)):
        argv += [option, draw(OPTIONS[option])]
    if draw(st.booleans()):
        argv.append(draw(st.sampled_from(["--help", "--version", "-h", "--", "-", "--nope"])))
    return argv


@st.composite
def export_argvs(draw: st.DrawFn) -> list[str]:
    """An export command line for one locale (all locales take too long to repeat)."""
    fmt = draw(st.sampled_from(["json", "jsonld"]))
    return ["export", "--format", fmt, "--locale", draw(st.one_of(ANY_TEXT, st.just("ar")))]


class TestCommandLine:
    """The command line exits 0, 1 or 2 for any arguments, and never with a traceback."""

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[*PROFILE_SUPPRESSED, HealthCheck.function_scoped_fixture],
    )
    @given(argv=st.one_of(argvs(), export_argvs(), st.lists(ANY_TEXT, max_size=4)))
    @example(argv=["tip", "--country", "ß"])
    @example(argv=["resources", "-c", "gb-sct"])
    @example(argv=["occasions", "--on", "9999-12-31"])
    @example(argv=["tip", "--on", "0001-01-01", "-l", "ar"])
    def test_any_arguments(
        self,
        argv: list[str],
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
    ) -> None:
        """Exit status 0, 1 or 2; a failure is one message on stderr, never a traceback."""
        monkeypatch.chdir(tmp_path)  # nothing is written, and nothing in the checkout is read
        out = io.StringIO()

        status = main(argv, stdout=out)

        err = capsys.readouterr().err
        assert status in {0, 1, 2}
        assert "Traceback" not in err
        if status == 1:
            assert err.startswith("sextingsafe: error: ")


class TestCaches:
    """Caches keyed by request input stay within their bounds, however varied the input."""

    def test_distinct_locales(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Rendering in hundreds of distinct well-formed locales keeps every cache bounded.

        The bounds are lowered for the test; a cache without one grows with every locale.
        """
        from sextingsafe import _i18n, _renderer

        monkeypatch.setattr(_renderer, "_CACHE_MAX", 64)
        monkeypatch.setattr(_i18n, "_PARSE_CACHE_MAX", 64)
        catalogue = Catalogue.load(PACKS / "example", include_bundled=False)
        fact = catalogue.facts["example-share"]

        for first in LETTERS[:20]:
            for second in LETTERS[:20]:
                fact.statement(f"q{first}{second}-ZA")

        renderer = catalogue._renderer
        sizes = {
            name: len(value)
            for name in type(renderer).__slots__
            if isinstance(value := getattr(renderer, name), dict)
        }
        sizes["parsed locales"] = len(_i18n._parsed)
        assert {name: size for name, size in sizes.items() if size > 64} == {}

    def test_distinct_headers(self) -> None:
        """Negotiating thousands of distinct headers keeps the negotiation cache bounded."""
        catalogue = Catalogue.load(PACKS / "example", include_bundled=False)

        for number in range(5000):
            language = "q" + LETTERS[number % 26] + LETTERS[number // 26 % 26]
            catalogue.negotiate(f"fr;q=0.{number % 1000:03d}, {language}")

        assert len(catalogue._negotiated) <= 4096

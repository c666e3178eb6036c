"""Locales: parsing, the fallback chain, direction, negotiation and gettext catalogues."""

from __future__ import annotations

import gettext
import io
import pickle
import re
import sys
from pathlib import Path

import babel
import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

import sextingsafe
from sextingsafe import InvalidLocaleError, Review
from sextingsafe._gettext import MessageCatalog, review_comment
from sextingsafe._i18n import (
    LocaleId,
    _parse,
    direction,
    fallback_chain,
    negotiate_ids,
    parse_locale,
    to_babel,
)

EXAMPLE_PO = Path(__file__).parent / "packs" / "example" / "locale" / "fr" / "LC_MESSAGES"
EXAMPLE_PO /= "sextingsafe.po"
#: A LocaleId printed POSIX-style: ASCII, canonical case.
CANONICAL = re.compile(r"[a-z]{2,3}(_[A-Z][a-z]{3})?(_(?:[A-Z]{2}|[0-9]{3}))?\Z")
#: Characters that locale tags and headers are made of, plus some that case-fold into ASCII.
TAG_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-.@;=,* q019ſİıK")
)


class TestParseLocale:
    """parse_locale() accepts every way an app names a locale, and nothing malformed."""

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("pt-BR", LocaleId("pt", None, "BR")),
            ("pt_BR", LocaleId("pt", None, "BR")),
            ("pt_BR.UTF-8", LocaleId("pt", None, "BR")),
            ("PT-br", LocaleId("pt", None, "BR")),
            ("pt-br", LocaleId("pt", None, "BR")),
            ("sr_RS@latin", LocaleId("sr", None, "RS")),
            ("zh-hant-tw", LocaleId("zh", "Hant", "TW")),
            ("zh_Hant_TW", LocaleId("zh", "Hant", "TW")),
            ("ar", LocaleId("ar")),
            ("AR", LocaleId("ar")),
            ("es-419", LocaleId("es", None, "419")),
            ("en-GB-oxendict", LocaleId("en", None, "GB")),
            ("de_DE.ISO8859-1@euro", LocaleId("de", None, "DE")),
            ("fil", LocaleId("fil")),
            ("  fr  ", LocaleId("fr")),
            ("C", LocaleId("en")),
            ("POSIX", LocaleId("en")),
            ("C.UTF-8", LocaleId("en")),
            (None, LocaleId("en")),
        ],
    )
    def test_accepts(self, value: str | None, expected: LocaleId) -> None:
        """BCP 47 tags, POSIX names with encoding and modifier, any case; None is English."""
        assert expected == parse_locale(value)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [("iw", "he"), ("no", "nb"), ("in", "id"), ("ji", "yi"), ("tl", "fil")],
    )
    def test_aliases(self, value: str, expected: str) -> None:
        """Deprecated language codes are read as their current ones."""
        assert LocaleId(expected) == parse_locale(value)

    @pytest.mark.parametrize(
        "value",
        [
            babel.Locale("pt", "BR"),
            babel.Locale.parse("zh_Hant_TW"),
            babel.Locale.parse("sr_Latn"),
            babel.Locale("ar"),
        ],
        ids=str,
    )
    def test_babel_locale(self, value: babel.Locale) -> None:
        """A babel.Locale is read field by field."""
        assert LocaleId(value.language, value.script, value.territory) == parse_locale(value)

    def test_locale_id_passes_through(self) -> None:
        """A LocaleId is returned as it is."""
        value = LocaleId("pt", None, "BR")

        assert value is parse_locale(value)

    @pytest.mark.parametrize(
        "value",
        [
            "",
            " ",
            "e",
            "english",
            "en--GB",
            "en_",
            "en GB",
            "x-klingon",
            "fr-CA-x-foo",
            "12",
            "en-GB-",
            "ſr",
            "İt",
            "\u212aa",
        ],
    )
    def test_rejects_malformed(self, value: str) -> None:
        """Malformed text raises InvalidLocaleError, which quotes the input and is a ValueError."""
        with pytest.raises(InvalidLocaleError) as info:
            parse_locale(value)

        assert isinstance(info.value, ValueError)
        assert f"invalid locale {value!r}" in str(info.value)
        assert value == info.value.value

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (
                "pt BR",
                (
                    "invalid locale 'pt BR': expected a BCP 47 tag ('pt-BR', 'zh-Hant') "
                    "or a POSIX name ('pt_BR.UTF-8')"
                ),
            ),
            (3, "invalid locale 3: expected a str such as 'pt-BR' or 'pt_BR', or a babel.Locale"),
        ],
    )
    def test_messages(self, value: object, message: str) -> None:
        """The message quotes the input and says what a locale is written as."""
        with pytest.raises(InvalidLocaleError) as info:
            _parse(value)

        assert (message, value) == (str(info.value), info.value.value)

    def test_cache_bound(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The parsed-locale cache never holds more than its bound: it starts again when full."""
        from sextingsafe import _i18n

        monkeypatch.setattr(_i18n, "_parsed", {})
        monkeypatch.setattr(_i18n, "_PARSE_CACHE_MAX", 3)
        sizes = []
        for tag in ("fr", "de", "pl", "lt"):
            parse_locale(tag)
            sizes.append(len(_i18n._parsed))

        assert [1, 2, 3, 1] == sizes

    def test_non_string_before_babel_is_imported(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A non-string is refused the same way while Babel is not (or not yet) imported."""
        monkeypatch.delitem(sys.modules, "babel.core")

        with pytest.raises(InvalidLocaleError, match="expected a str"):
            _parse(3)

    @pytest.mark.parametrize("value", [3, 3.5, b"fr", ["fr"], object()])
    def test_rejects_non_strings(self, value: object) -> None:
        """Anything that is not text or a babel.Locale is an InvalidLocaleError, not a TypeError."""
        with pytest.raises(InvalidLocaleError, match="expected a str"):
            parse_locale(value)  # type: ignore[arg-type]

    @given(st.one_of(st.text(), st.text(alphabet=TAG_ALPHABET, max_size=24)))
    def test_any_text(self, value: str) -> None:
        """Any text gives a canonical ASCII LocaleId or InvalidLocaleError, and nothing else."""
        result: LocaleId | InvalidLocaleError
        try:
            result = parse_locale(value)
        except InvalidLocaleError as error:
            result = error
        if isinstance(result, InvalidLocaleError):
            assert value == result.value
        else:
            assert isinstance(result, LocaleId)
            assert CANONICAL.match(str(result)), result

    @given(st.text(alphabet=TAG_ALPHABET, max_size=24))
    def test_canonical_is_stable(self, value: str) -> None:
        """Parsing the canonical form of a parsed locale gives the same locale back."""
        try:
            result = parse_locale(value)
        except InvalidLocaleError:
            return
        assert result == parse_locale(str(result))
        assert result == parse_locale(result.tag)


class TestLocaleId:
    """LocaleId prints POSIX-style and has a BCP 47 tag."""

    @pytest.mark.parametrize(
        ("value", "posix", "tag"),
        [
            (LocaleId("pt", None, "BR"), "pt_BR", "pt-BR"),
            (LocaleId("zh", "Hant", None), "zh_Hant", "zh-Hant"),
            (LocaleId("zh", "Hant", "TW"), "zh_Hant_TW", "zh-Hant-TW"),
            (LocaleId("ar"), "ar", "ar"),
        ],
    )
    def test_forms(self, value: LocaleId, posix: str, tag: str) -> None:
        """str() is the catalogue directory name; .tag is the HTML lang value."""
        assert (posix, tag) == (str(value), value.tag)


class TestFallbackChain:
    """fallback_chain() goes from most to least specific and ends in English."""

    @pytest.mark.parametrize(
        ("locale", "supported", "expected"),
        [
            ("pt_BR", {"pt_BR", "pt", "en"}, ("pt_BR", "pt", "en")),
            ("pt_BR", {"pt", "en"}, ("pt", "en")),
            ("pt_BR", {"pt_BR"}, ("pt_BR", "en")),
            ("pt", {"pt_BR", "en"}, ("en",)),
            ("fr_CA", {"fr", "pl", "ar", "en"}, ("fr", "en")),
            ("de", {"fr", "en"}, ("en",)),
            ("en_GB", {"en"}, ("en",)),
            ("en", set(), ("en",)),
            (
                "zh_TW",
                {"zh_Hant_TW", "zh_Hant", "zh_TW", "zh", "en"},
                ("zh_Hant_TW", "zh_Hant", "zh_TW", "zh", "en"),
            ),
            ("zh_TW", {"zh_Hans", "zh_Hant", "zh", "en"}, ("zh_Hant", "zh", "en")),
            ("zh_HK", {"zh_Hans", "zh_Hant", "en"}, ("zh_Hant", "en")),
            ("zh_CN", {"zh_Hans", "zh_Hant", "en"}, ("zh_Hans", "en")),
            ("zh", {"zh_Hans", "zh_Hant", "en"}, ("zh_Hans", "en")),
            ("sr_Latn_RS", {"sr_Latn", "sr", "en"}, ("sr_Latn", "sr", "en")),
            # Punjabi: the bare catalogue is Gurmukhi, which readers in Shahmukhi cannot read.
            ("pa", {"pa", "en"}, ("pa", "en")),
            ("pa_IN", {"pa", "en"}, ("pa", "en")),
            ("pa_Guru", {"pa", "en"}, ("pa", "en")),
            ("pa_PK", {"pa", "ur", "en"}, ("en",)),
            ("pa_Arab", {"pa", "en"}, ("en",)),
            ("pa_PK", {"pa_Arab", "pa", "en"}, ("pa_Arab", "en")),
            ("pa_PK", {"pa_Arab_PK", "pa_PK", "pa", "en"}, ("pa_Arab_PK", "pa_PK", "en")),
            ("pa_IN", {"pa_Guru_IN", "pa_IN", "pa", "en"}, ("pa_Guru_IN", "pa_IN", "pa", "en")),
        ],
    )
    def test_chain(self, locale: str, supported: set[str], expected: tuple[str, ...]) -> None:
        """Only supported locales appear, most specific first; English always closes the chain."""
        assert expected == fallback_chain(parse_locale(locale), supported)

    def test_shahmukhi_reader(self) -> None:
        """A Punjabi reader in Pakistan gets their next language, and text never in Gurmukhi."""
        bundled = sextingsafe.advice["you-can-say-no"]

        assert "ur" == str(sextingsafe.negotiate("pa-PK, ur;q=0.8, en;q=0.5"))
        assert "pa" == str(sextingsafe.negotiate("pa-IN, en;q=0.5"))
        assert ("en", True, "You can always say no") == (
            bundled.localize("pa-PK").title.locale,
            bundled.localize("pa-PK").title.is_fallback,
            str(bundled.localize("pa-PK").title),
        )


class TestDirection:
    """direction() says which way a locale's script runs."""

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("ar", "rtl"),
            ("ar_EG", "rtl"),
            ("fa", "rtl"),
            ("ur", "rtl"),
            ("he", "rtl"),
            ("iw", "rtl"),
            ("yi", "rtl"),
            ("ps", "rtl"),
            ("ckb", "rtl"),
            ("pa_Arab", "rtl"),
            ("az-Arab", "rtl"),
            ("ar-Latn", "ltr"),
            ("en", "ltr"),
            ("fr", "ltr"),
            ("pl", "ltr"),
            ("zh_Hant", "ltr"),
            ("sd_Deva", "ltr"),
            ("ks_Deva", "ltr"),
            ("syr", "rtl"),
            ("nqo", "rtl"),
        ],
    )
    def test_direction(self, locale: str, expected: str) -> None:
        """RTL for Arabic, Hebrew and RTL-script locales; a Latin or Devanagari script wins."""
        assert expected == direction(parse_locale(locale))

    def test_agrees_with_cldr(self) -> None:
        """For every locale Babel knows, the direction is CLDR's character order."""
        from babel.localedata import locale_identifiers

        wrong = {}
        for name in locale_identifiers():
            expected = (
                "rtl" if babel.Locale.parse(name).character_order == "right-to-left" else "ltr"
            )
            actual = direction(parse_locale(name))
            if expected != actual:
                wrong[name] = actual

        assert {} == wrong


class TestNegotiateIds:
    """negotiate_ids() honours q-values and falls back along the chain."""

    SUPPORTED = frozenset({"en", "fr", "pl", "ar"})

    @pytest.mark.parametrize(
        ("preferred", "expected"),
        [
            ("fr-CA,fr;q=0.9,en;q=0.5", "fr"),
            ("de, pl;q=0.4, fr;q=0.5", "fr"),
            ("de;q=1, en;q=0.1, ar;q=0.5", "ar"),
            ("pl;q=0.5, ar;q=0.5", "pl"),
            ("ar;q=0.5, pl;q=0.5", "ar"),
            ("pl;q=0, fr;q=0.1", "fr"),
            ("pl;Q=0.7 , fr ; q=0.6", "pl"),
            ("en-US, fr", "en"),
            ("*", "en"),
            ("de, *;q=0.5, fr;q=0.4", "en"),
            ("pl;q=1.000, fr;q=0.999", "pl"),
            ("fr,", "fr"),
        ],
    )
    def test_header(self, preferred: str, expected: str) -> None:
        """Higher q first, then earlier position; q=0 is never chosen; '*' means the default."""
        found = negotiate_ids(preferred, self.SUPPORTED)

        assert found is not None
        assert expected == found[1]

    def test_reports_the_entry_that_matched(self) -> None:
        """The result names the preferred entry that matched, parsed, beside the locale chosen."""
        assert (LocaleId("fr", None, "CA"), "fr") == negotiate_ids("de, fr-CA", self.SUPPORTED)

    @pytest.mark.parametrize("preferred", ["de", "de, ja;q=0.8", "fr;q=0", "", " , ", []])
    def test_nothing_matches(self, preferred: str | list[str]) -> None:
        """Without a usable match (q=0 excluded) the result is None."""
        assert negotiate_ids(preferred, self.SUPPORTED) is None

    def test_sequence(self) -> None:
        """A sequence is taken in order, and may hold babel.Locale objects."""
        assert "pl" == negotiate_ids(["de", babel.Locale("pl"), "fr"], self.SUPPORTED)[1]  # type: ignore[index]

    @pytest.mark.parametrize(
        "preferred",
        ["fr;q=2", "fr;q=abc", "fr;q=", "fr;level=1", "fr;q=-1", "fr;q=0.1234", "en GB", "12, fr"],
    )
    def test_malformed_header(self, preferred: str) -> None:
        """A malformed header raises InvalidLocaleError."""
        with pytest.raises(InvalidLocaleError):
            negotiate_ids(preferred, self.SUPPORTED)

    @given(st.one_of(st.text(), st.text(alphabet=TAG_ALPHABET, max_size=40)))
    def test_any_header(self, header: str) -> None:
        """Any text as a header gives a supported locale, None, or InvalidLocaleError."""
        try:
            found = negotiate_ids(header, self.SUPPORTED)
        except InvalidLocaleError:
            return
        assert found is None or (isinstance(found[0], LocaleId) and found[1] in self.SUPPORTED)


def example_catalog() -> Catalog:
    """Read the example pack's French catalogue with Babel."""
    with EXAMPLE_PO.open("rb") as handle:
        return read_po(handle, locale="fr")


def compile_mo(catalog: Catalog, *, record_reviews: bool = False) -> bytes:
    """Compile *catalog* with Babel's write_mo, as the build hook does."""
    if record_reviews:
        for message in list(catalog):
            reviewer = review_comment(message.user_comments)
            if reviewer and message.context and not message.fuzzy:
                catalog.add(message.id, reviewer, context="review:" + message.context)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


class TestMessageCatalog:
    """MessageCatalog reads compiled and source catalogues alike, by message context."""

    TITLE = ("advice:example-talk:title", "Talk to someone you trust")
    BODY = (
        "advice:example-talk:body",
        "You can talk to an adult you trust about anything that worries you.",
    )
    FUZZY = ("fact:example-share:place", "Exampleshire")

    def test_from_po(self) -> None:
        """Reviewed and unreviewed entries are found; the fuzzy one never is."""
        catalog = MessageCatalog.from_po("fr", str(EXAMPLE_PO))

        assert ("Parle à quelqu'un en qui tu as confiance", Review.REVIEWED) == catalog.lookup(
            *self.TITLE
        )
        assert (
            "Tu peux parler à un adulte de confiance de tout ce qui t'inquiète.",
            Review.UNREVIEWED,
        ) == catalog.lookup(*self.BODY)
        assert catalog.lookup(*self.FUZZY) is None
        assert "Test Reviewer, 2026-11-27" == catalog.reviewer(self.TITLE[0])
        assert catalog.reviewer(self.BODY[0]) is None

    def test_mo_round_trip(self) -> None:
        """A .mo compiled by Babel, reviews recorded as 'review:<ctxt>', reads as the .po does."""
        from_po = MessageCatalog.from_po("fr", str(EXAMPLE_PO))
        from_mo = MessageCatalog.from_mo("fr", compile_mo(example_catalog(), record_reviews=True))

        assert from_po.contexts() == from_mo.contexts()
        assert len(from_po) == len(from_mo)
        for context, message in ((m.context, m.id) for m in example_catalog() if m.context):
            assert from_po.lookup(context, message) == from_mo.lookup(context, message)
            assert from_po.reviewer(context) == from_mo.reviewer(context)
        assert "review:advice:example-talk:title" not in from_mo.contexts()

    def test_mo_without_review_records(self) -> None:
        """Without review records in the .mo (a plain `pybabel compile`), nothing is reviewed."""
        catalog = MessageCatalog.from_mo("fr", compile_mo(example_catalog()))

        assert Review.UNREVIEWED == catalog.lookup(*self.TITLE)[1]  # type: ignore[index]

    def test_mo_agrees_with_gettext(self) -> None:
        """Every context the .mo translates gives what Python's gettext gives for it."""
        data = compile_mo(example_catalog())
        ours = MessageCatalog.from_mo("fr", data)
        theirs = gettext.GNUTranslations(io.BytesIO(data))

        for message in example_catalog():
            if message.context:
                found = ours.lookup(message.context, message.id)
                assert theirs.pgettext(message.context, message.id) == (
                    found[0] if found else message.id
                )

    def test_entries_ending(self) -> None:
        """``entries(ending)`` gives the singular entries whose context ends so, and plurals."""
        catalog = Catalog(locale="fr")
        catalog.add("{n} a", "{n} b", context="fact:x:statement")
        catalog.add("Title", "Titre", context="advice:x:title")
        catalog.add("{n} a", "reviewer", context="review:fact:x:statement")
        catalog.add(("{n} file", "{n} files"), ("{n} f", "{n} fs"), context="fact:y:count")
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        ours = MessageCatalog.from_mo("fr", buffer.getvalue())

        assert [
            ("fact:x:statement", "{n} a", "{n} b"),
            ("fact:y:count", "{n} file", ("{n} f", "{n} fs")),
        ] == list(ours.entries(":statement"))
        assert 3 == len(list(ours.entries()))

    def test_every_text(self) -> None:
        """``every_text`` holds every translation, plural form and record, one per line."""
        catalog = Catalog(locale="fr")
        catalog.add("Title", "Titre", context="advice:x:title")
        catalog.add(("{n} file", "{n} files"), ("{n} f", "{n} fs"), context="fact:y:count")
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        ours = MessageCatalog.from_mo("fr", buffer.getvalue())

        assert ["Titre", "{n} f", "{n} fs"] == ours.every_text().split("\n")

    def test_headers(self) -> None:
        """Catalogue headers are read, with lower-case names."""
        catalog = MessageCatalog.from_mo("fr", compile_mo(example_catalog()))

        assert "nplurals=2; plural=(n > 1);" == catalog.headers["plural-forms"]

    def test_edited_english_orphans_nothing(self) -> None:
        """A translation of different English text (the source was edited since) is not used."""
        catalog = MessageCatalog.from_po("fr", str(EXAMPLE_PO))

        assert catalog.lookup(self.TITLE[0], "Talk to someone you trust!") is None
        assert catalog.lookup("advice:nope:title", self.TITLE[1]) is None

    @pytest.mark.parametrize("locale", ["pl", "ar", "fr", "en"])
    def test_plural_forms_agree_with_gettext(self, locale: str) -> None:
        """Plural lookup picks the form GNU gettext picks under the locale's CLDR plural rule."""
        catalog = Catalog(locale=locale)
        forms = catalog.num_plurals
        strings = tuple(f"form {index}" for index in range(forms))
        catalog.add(("{n} file", "{n} files"), strings, context="fact:x:statement")
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        ours = MessageCatalog.from_mo(locale, buffer.getvalue())
        theirs = gettext.GNUTranslations(io.BytesIO(buffer.getvalue()))

        for count in [*range(30), 101, 102, 111, 1000, 1001]:
            expected = theirs.npgettext("fact:x:statement", "{n} file", "{n} files", count)
            assert expected == ours.lookup_plural("fact:x:statement", "{n} file", count)
        assert ours.lookup("fact:x:statement", "{n} file") is None
        assert ours.lookup_plural("fact:x:statement", "{n} other", 1) is None

    @pytest.mark.parametrize(
        "data", [b"", b"\xde\x12\x04\x95", b"not a catalogue at all, but long enough"]
    )
    def test_rejects_non_mo(self, data: bytes) -> None:
        """Data that is not a .mo file raises ValueError."""
        with pytest.raises(ValueError, match=r"\.mo file"):
            MessageCatalog.from_mo("fr", data)

    def test_rejects_truncated_mo(self) -> None:
        """A .mo whose strings lie past its end raises ValueError."""
        data = compile_mo(example_catalog())

        with pytest.raises(ValueError, match="corrupt"):
            MessageCatalog.from_mo("fr", data[: len(data) // 2])


class TestReviewComment:
    """review_comment() reads `# reviewed-by: Name, date` translator comments."""

    @pytest.mark.parametrize(
        ("comments", "expected"),
        [
            (["reviewed-by: Ana Kowalska, 2026-11-27"], "Ana Kowalska, 2026-11-27"),
            (["note", " Reviewed-By:  Ana  "], "Ana"),
            (["reviewed by Ana"], None),
            (["reviewed-by:"], None),
            ([], None),
        ],
    )
    def test_reads(self, comments: list[str], expected: str | None) -> None:
        """The first well-formed comment names the reviewer; anything else names nobody."""
        assert expected == review_comment(comments)


class TestSharedBabelLocales:
    """to_babel(): one cached babel.Locale per name, shared by every caller, so read-only."""

    def test_identity(self) -> None:
        """The locale is the name's: language, script and territory, and it reads as a Locale."""
        brazil, hant = to_babel("pt_BR"), to_babel("zh_Hant")

        assert ("pt", None, "BR") == (brazil.language, brazil.script, brazil.territory)
        assert ("zh", "Hant", None) == (hant.language, hant.script, hant.territory)
        assert ("Locale('pt', territory='BR')", "Locale") == (repr(brazil), type(brazil).__name__)
        assert brazil is to_babel("pt_BR")

    def test_read_only(self) -> None:
        """Setting an attribute of the shared locale fails, naming it."""
        with pytest.raises(AttributeError) as caught:
            to_babel("pt_BR").territory = "PT"

        assert "this Locale is shared and read-only; cannot set 'territory'" == str(caught.value)
        assert "BR" == to_babel("pt_BR").territory

    def test_a_copy_is_ordinary(self) -> None:
        """A pickled or copied locale is a plain babel.Locale, equal to it, that can be changed."""
        copy = pickle.loads(pickle.dumps(to_babel("pt_BR")))  # noqa: S301 - our own bytes

        assert (babel.Locale, babel.Locale("pt", "BR")) == (type(copy), copy)
        copy.territory = "PT"
        assert "pt_PT" == str(copy)

    def test_unknown(self) -> None:
        """A name Babel has no data for is a LookupError saying so."""
        with pytest.raises(LookupError) as caught:
            to_babel("en_KK")

        assert "Babel has no locale data for 'en_KK': unknown locale 'en_KK'" == str(caught.value)


class TestAcceptLanguage:
    """negotiate_ids() reads an Accept-Language header's entries and their q values."""

    @pytest.mark.parametrize(
        ("header", "chosen"),
        [
            ("fr;q=1, pl", "fr"),  # no q is q=1: the order decides
            ("fr;q=0.5, , pl", "pl"),  # an empty entry is skipped, not the end
            ("xx, *", "en"),  # anything: English, the source language
            ("fr;q=0, pl;q=0.1", "pl"),  # q=0 means not wanted
        ],
    )
    def test_chosen(self, header: str, chosen: str) -> None:
        """The best entry by quality, then by order, among the supported locales."""
        found = negotiate_ids(header, ["fr", "pl"])

        assert found is not None
        assert chosen == found[1]

    def test_bad_parameter(self) -> None:
        """A parameter other than q is an error naming the header and the parameter."""
        with pytest.raises(InvalidLocaleError) as caught:
            negotiate_ids("fr;level=1", ["fr"])

        assert "invalid locale 'fr;level=1': bad parameter 'level=1'; expected q=0 to q=1" == str(
            caught.value
        )

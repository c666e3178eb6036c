"""Catalogue QA: each fault in a translation names its locale, its message and the problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sextingsafe import Catalogue
from sextingsafe._qa import (
    CatalogueFault,
    _plural_mismatch,
    check_message,
    check_plural_form,
    check_po,
)

SELECTION = Path(__file__).parent / "packs" / "selection"


def po(locale: str) -> str:
    """Return the path of the selection pack's catalogue for *locale*."""
    return str(SELECTION / "locale" / locale / "LC_MESSAGES" / "sextingsafe.po")


class TestCheckMessage:
    """check_message() compares one translation with its English."""

    @pytest.mark.parametrize(
        ("source", "translation"),
        [
            ("Talk to someone.", "Parle à quelqu'un."),
            ("{count} children in {year:year}.", "{year:year} : {count} enfants."),
            ("Aged 18 or over?", "هل عمرك ١٨ عامًا أو أكثر؟"),
            ("Where to get help", "Où trouver de l'aide"),
            ('He said "stop."', "Il a dit « stop. »"),
            ('"I am glad you told me."', "「我很高興你告訴我。」"),
            ('"I\'m glad you told me."', "「我很高興你告訴我。」"),
            ('"I\'m glad you told me."', "„Ich bin froh, dass du es mir gesagt hast.“"),
            ('"Did they say yes?"', "‚Haben sie Ja gesagt?‘"),
            ('"Stop."', "« Arrête. »"),
            ('"Stop."', "Arrête."),
            (" Talk.", " Parle."),
            ('Say "Stop." ', "Dis « Arrête. » "),
            ("Follow us on X", "Suis-nous sur X"),
        ],
    )
    def test_clean(self, source: str, translation: str) -> None:
        """Same placeholders, same numbers (in any digits), matching final marks: no fault."""
        assert [] == check_message("fr", "c", source, translation)

    @pytest.mark.parametrize(
        ("source", "translation", "fault"),
        [
            ("{count} children.", "{total} enfants.", "placeholders"),
            ("{count} children.", "enfants.", "placeholders"),
            ("{count} children.", "{count.__class__} enfants.", "malformed placeholder"),
            ("{share:percent} of them.", "{share} d'entre eux.", "placeholders"),
            ("{year} reports.", "Rapports de {year:year}.", "placeholders"),
            ("Aged 13 to 17.", "De 13 à 18 ans.", "numbers"),
            ("Talk to someone.", "Parle à quelqu'un", "ends with '.'"),
            ("Where to get help", "Où trouver de l'aide.", "no final full stop"),
            ("Talk.", " Parle.", "white space"),
        ],
    )
    def test_faults(self, source: str, translation: str, fault: str) -> None:
        """Each kind of drift is one fault naming the locale, the context and the problem."""
        faults = check_message("fr", "advice:x:body", source, translation)

        assert [("fr", "advice:x:body", True)] == [
            (f.locale, f.context, fault in f.fault) for f in faults
        ]

    @pytest.mark.parametrize(
        ("source", "translation", "fault"),
        [
            (
                "{count} children.",
                "{total} enfants.",
                "placeholders [{total}] differ from the source's [{count}]",
            ),
            ("Aged 12.", "Âgé de 1 2.", "numbers ['1', '2'] differ from the source's ['12']"),
            (
                "Aged 13 to 17.",
                "De 13 à 18 ans.",
                "numbers ['13', '18'] differ from the source's ['13', '17']",
            ),
            (
                "Talk to someone.",
                "Parle à quelqu'un",
                "the source ends with '.' but the translation ends with 'n'",
            ),
            (
                "Where to get help",
                "Où trouver de l'aide.",
                "the source has no final full stop but the translation ends with '.'",
            ),
            ("Talk. ", "Parle.", "leading or trailing white space differs from the source"),
            (
                "{count} children in {year:year}.",
                "{count} enfants.",
                "placeholders [{count}] differ from the source's [{count}, {year:year}]",
            ),
            (
                "Find us on X.",
                "Retrouve-nous sur X",
                "the source ends with '.' but the translation ends with 'X'",
            ),
            (
                "« Stop. »",
                "« Arrête »",
                "the source ends with '.' but the translation ends with 'e'",
            ),
        ],
    )
    def test_fault_text(self, source: str, translation: str, fault: str) -> None:
        """The fault says exactly what differs, with the values on both sides."""
        assert [CatalogueFault("pl", "ui:x", fault)] == check_message(
            "pl", "ui:x", source, translation
        )

    def test_str(self) -> None:
        """A fault reads `locale context: problem`, or `locale: problem` for a whole catalogue."""
        assert "pl ui:x: untranslated" == str(CatalogueFault("pl", "ui:x", "untranslated"))
        assert "pl: bad header" == str(CatalogueFault("pl", "", "bad header"))


class TestNumbers:
    """Numbers to dial stay as written, in Latin digits; times follow the locale's clock."""

    @pytest.mark.parametrize(
        ("locale", "source", "translation"),
        [
            ("fa", "Call 116 111.", "با 116 111 تماس بگیرید."),
            ("ur", "WhatsApp (61) 99611-0100.", "واٹس ایپ (61) 99611-0100۔"),
            ("fr", "Every day, 2pm to 8pm", "Tous les jours, de 14 h à 20 h"),
            ("de", "Monday, 10am to 12 noon", "Montag, 10:00 bis 12:00 Uhr"),
            ("ar", "Every day, 9am to 11pm", "كل يوم، من 9 صباحًا حتى 11 مساءً"),
            ("fr", "14.9% of them", "14,9 % d'entre eux"),
            ("pl", "Report at report.iwf.org.uk.", "Zgłoś na report.iwf.org.uk."),
            ("zh_Hans", "Call Triple Zero (000).", "请拨打Triple Zero（000）。"),
            ("bn", "The Act 2021 covers under-18s.", "আইন (Act 2021) 18 বছরের কম বয়সীদের কথা বলে।"),
            ("de", "Call +44 (0)20 7825 2500.", "Ruf +44 (0)20 7825 2500 an."),
        ],
    )
    def test_clean(self, locale: str, source: str, translation: str) -> None:
        """Numbers copied exactly, a 24-hour clock, a 12-hour one where the locale uses it."""
        assert [] == check_message(locale, "c", source, translation)

    @pytest.mark.parametrize(
        ("locale", "source", "translation", "fault"),
        [
            (
                "fa",
                "Call (61) 99611-0100.",
                "با (۶۱) ۹۹۶۱۱-۰۱۰۰ تماس بگیرید.",
                (
                    "the number to dial '(۶۱) ۹۹۶۱۱-۰۱۰۰' must be written in Latin digits, "
                    "as '(61) 99611-0100'"
                ),
            ),
            (
                "hi",
                "Call 1098.",
                "१०९८ पर कॉल करें।",
                "the number to dial '१०९८' must be written in Latin digits, as '1098'",
            ),
            (
                "pl",
                "Call 0800 1111.",
                "Zadzwoń pod 0800 1112.",
                "the number '0800 1111' must appear exactly as in the source",
            ),
            (
                "fr",
                "Every day, 2pm to 8pm",
                "Tous les jours, de 14 h à 8 h du soir",
                "8 reads as 8:00 in the morning on the 24-hour clock of fr; write 20 for 8pm",
            ),
            (
                "de",
                "See childline.org.uk.",
                "Siehe childline.de.",
                "the address 'childline.org.uk' must appear exactly as in the source",
            ),
        ],
    )
    def test_faults(self, locale: str, source: str, translation: str, fault: str) -> None:
        """A number in native digits, a changed number or address, a 12-hour time: one fault."""
        assert [fault] == [f.fault for f in check_message(locale, "c", source, translation)]


class TestCheckPluralForm:
    """check_plural_form() holds each plural form to the source's placeholders."""

    def test_keeps_count(self) -> None:
        """A form with {count} is fine; one without it is a fault."""
        assert [] == check_plural_form("pl", "ui:x", "{count} sources", "{count} źródeł")
        assert ["ui:x"] == [
            f.context for f in check_plural_form("pl", "ui:x", "{count} sources", "źródeł")
        ]

    def test_malformed_form(self) -> None:
        """A form with a placeholder that is not a plain name is one fault naming it."""
        assert [
            CatalogueFault(
                "pl",
                "ui:x",
                "malformed placeholder: stray '{' at position 0 in '{count.__class__} źródeł': "
                "placeholders are {name} or {name:spec}; write {{ or }} for a literal brace",
            )
        ] == check_plural_form("pl", "ui:x", "{count} sources", "{count.__class__} źródeł")

    def test_keeps_the_format(self) -> None:
        """A form that keeps the name but drops or changes the format is a fault, quoting it."""
        assert [
            "plural form '{count} sources' must keep [{count:percent}]",
        ] == [
            f.fault
            for f in check_plural_form("pl", "ui:x", "{count:percent} sources", "{count} sources")
        ]


class TestCheckPo:
    """check_po() checks a whole catalogue against the current English."""

    @pytest.fixture(scope="class")
    @classmethod
    def messages(cls) -> tuple[tuple[str, str], ...]:
        """The selection pack's messages."""
        return Catalogue.load(SELECTION, include_bundled=False).messages()

    def test_clean_catalogue(self, messages: tuple[tuple[str, str], ...]) -> None:
        """A partial but correct catalogue has no faults when completeness is not required."""
        assert [] == check_po(po("ar"), "ar", messages, complete=False)

    def test_plural_entry(self, messages: tuple[tuple[str, str], ...]) -> None:
        """A correct plural entry (msgid and msgid_plural, every form with {count}) is no fault."""
        assert [] == check_po(po("pl"), "pl", messages, complete=False)

    def test_stale_and_fuzzy(self, messages: tuple[tuple[str, str], ...]) -> None:
        """A translation of older English and a fuzzy entry are each reported."""
        faults = check_po(po("fr"), "fr", messages, complete=False)

        assert [
            CatalogueFault(
                "fr",
                "advice:sel-gb-yp:title",
                "translated from older English text (run pybabel update)",
            ),
            CatalogueFault("fr", "advice:sel-gb-yp:body", "fuzzy: a translator must check it"),
        ] == faults

    def test_complete(self, messages: tuple[tuple[str, str], ...]) -> None:
        """When completeness is required, every message without an entry is reported."""
        faults = check_po(po("ar"), "ar", messages, complete=True)
        missing = {f.context for f in faults if f.fault == "missing from the catalogue"}

        assert len(messages) - 4 == len(missing)
        assert "advice:sel-gb-yp:title" in missing

    def test_obsolete(self, messages: tuple[tuple[str, str], ...]) -> None:
        """An entry for a message the content no longer has is reported."""
        fewer = tuple(m for m in messages if m[0] != "advice:sel-everywhere-yp:title")

        faults = check_po(po("ar"), "ar", fewer, complete=False)

        assert [
            CatalogueFault(
                "ar", "advice:sel-everywhere-yp:title", "obsolete: no such message in the content"
            )
        ] == faults

    def test_headers(self, tmp_path: Path, messages: tuple[tuple[str, str], ...]) -> None:
        """A wrong Language header and a Plural-Forms header unlike CLDR's are reported."""
        text = (
            Path(po("ar"))
            .read_text(encoding="utf-8")
            .replace('"Language: ar\\n"', '"Language: fa\\n"')
        )
        path = tmp_path / "ar.po"
        path.write_text(text.replace("nplurals=6", "nplurals=2"), encoding="utf-8")

        faults = [
            f.fault for f in check_po(str(path), "ar", messages, complete=False) if not f.context
        ]

        assert 2 == len(faults), faults
        assert "Language header is 'fa', expected 'ar'" in faults
        assert any("nplurals=6" in f for f in faults)

    def test_plural_rule(self, tmp_path: Path, messages: tuple[tuple[str, str], ...]) -> None:
        """A Plural-Forms rule with the right count of forms but CLDR's wrong rule is reported.

        European Portuguese (`pt`) says "0 places", plural; Brazilian Portuguese singular.
        """
        text = Path(po("fr")).read_text(encoding="utf-8")
        header = text[text.index('"Plural-Forms') : text.index("\n", text.index('"Plural-Forms'))]
        millions = "n != 0 && n % 1000000 == 0 ? 1 : 2"
        brazilian = f'"Plural-Forms: nplurals=3; plural=(n == 0 || n == 1) ? 0 : {millions};\\n"'
        european = f'"Plural-Forms: nplurals=3; plural=(n == 1 ? 0 : {millions});\\n"'
        text = text.replace('"Language: fr\\n"', '"Language: pt\\n"')
        path = tmp_path / "pt.po"

        def header_faults(plural: str) -> list[str]:
            path.write_text(text.replace(header, plural), encoding="utf-8")
            faults = check_po(str(path), "pt", messages, complete=False)
            return [f.fault for f in faults if not f.context]

        assert [] == header_faults(european)
        (fault,) = header_faults(brazilian)
        assert "picks form 0 for 0 (CLDR: form 2)" in fault
        assert "CLDR's rule for pt_PT" in fault

    def test_every_plural_form(self, tmp_path: Path, messages: tuple[tuple[str, str], ...]) -> None:
        """Each plural form is held to the placeholders, not only the first: the third here."""
        path = tmp_path / "pl.po"
        text = Path(po("pl")).read_text(encoding="utf-8")
        path.write_text(
            text.replace('msgstr[2] "{count} źródeł"', 'msgstr[2] "wiele źródeł"'), encoding="utf-8"
        )

        faults = check_po(str(path), "pl", messages, complete=False)

        assert [("ui:sources-count", "plural form 'wiele źródeł' must keep [{count}]")] == [
            (f.context, f.fault) for f in faults
        ]

    def test_charset(self, tmp_path: Path, messages: tuple[tuple[str, str], ...]) -> None:
        """A catalogue must declare UTF-8: one in Latin-2 (read correctly) is still a fault.

        (Babel reads a catalogue that declares no charset as UTF-8, so that one passes.)
        """
        path = tmp_path / "pl.po"
        text = Path(po("pl")).read_text(encoding="utf-8")
        path.write_text(text.replace("charset=UTF-8", "charset=ISO-8859-2"), encoding="iso-8859-2")

        faults = check_po(str(path), "pl", messages, complete=False)

        assert [CatalogueFault("pl", "", "Content-Type must declare charset=UTF-8")] == faults

    def test_every_fault_in_order(
        self, tmp_path: Path, messages: tuple[tuple[str, str], ...]
    ) -> None:
        """Each message's fault is reported, in the content's order; none stops the others.

        Completeness is required by default; an entry without a context is not content.
        """
        text = Path(po("pl")).read_text(encoding="utf-8")
        for old, new in (
            ("zarejestrowała {count} zgłoszeń.", ""),
            ('msgctxt "fact:sel-fact-everywhere', '#, fuzzy\nmsgctxt "fact:sel-fact-everywhere'),
            ('msgstr "Pomyśl, kto to zobaczy"', 'msgstr "Pomyśl, kto to zobaczy."'),
            ('msgstr[1] "{count} źródła"', 'msgstr[1] ""'),
            ('msgstr[2] "{count} źródeł"', 'msgstr[2] "źródeł"'),
        ):
            assert 1 == text.count(old), old
            text = text.replace(old, new)
        text = text.replace(
            'msgstr "Między {start} a {end} policja w fikcyjnej brytyjskiej jednostce ', 'msgstr "'
        )
        path = tmp_path / "pl.po"
        path.write_text(text + '\nmsgid "no context"\nmsgstr "bez kontekstu"\n', encoding="utf-8")
        wanted = (
            "fact:sel-fact-everywhere:statement",
            "fact:sel-fact-gb:statement",
            "fact:sel-fact-gb:caveat",
            "advice:sel-everywhere-yp:title",
            "ui:sources-count",
        )

        faults = check_po(str(path), "pl", [m for m in messages if m[0] in wanted])

        assert [
            CatalogueFault(
                "pl", "fact:sel-fact-everywhere:statement", "fuzzy: a translator must check it"
            ),
            CatalogueFault("pl", "fact:sel-fact-gb:statement", "untranslated"),
            CatalogueFault("pl", "fact:sel-fact-gb:caveat", "missing from the catalogue"),
            CatalogueFault(
                "pl",
                "advice:sel-everywhere-yp:title",
                "the source has no final full stop but the translation ends with '.'",
            ),
            CatalogueFault("pl", "ui:sources-count", "a plural form is untranslated"),
            CatalogueFault("pl", "ui:sources-count", "plural form 'źródeł' must keep [{count}]"),
        ] == faults

    def test_language_header_forms(
        self, tmp_path: Path, messages: tuple[tuple[str, str], ...]
    ) -> None:
        """A Language header pt-BR matches the directory pt_BR; a missing header is a fault."""
        text = Path(po("pl")).read_text(encoding="utf-8")
        tagged, missing = tmp_path / "pt_BR.po", tmp_path / "pl.po"
        rule = "plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"  # CLDR's pt
        tagged.write_text(
            re.sub(r"plural=\(.*\);", rule, text.replace("Language: pl", "Language: pt-BR")),
            encoding="utf-8",
        )
        missing.write_text(text.replace('"Language: pl\\n"\n', ""), encoding="utf-8")

        assert [] == check_po(str(tagged), "pt_BR", messages, complete=False)
        assert [CatalogueFault("pl", "", "Language header is '', expected 'pl'")] == check_po(
            str(missing), "pl", messages, complete=False
        )

    def test_unreadable(self, tmp_path: Path, messages: tuple[tuple[str, str], ...]) -> None:
        """A catalogue that does not parse is one fault, not an exception."""
        path = tmp_path / "bad.po"
        path.write_text('msgid "x"\nnonsense\n', encoding="utf-8")

        faults = check_po(str(path), "fr", messages)

        assert [
            CatalogueFault("fr", "", "unreadable catalogue: Unknown or misformatted keyword on 1")
        ] == faults

    def test_no_language_or_plural_header(
        self, tmp_path: Path, messages: tuple[tuple[str, str], ...]
    ) -> None:
        """A catalogue without Language and Plural-Forms headers gets a fault for each."""
        text = Path(po("pl")).read_text(encoding="utf-8")
        text = re.sub(r'"(Language|Plural-Forms): .*\n', "", text[: text.index("msgctxt")])
        path = tmp_path / "pl.po"
        path.write_text(text, encoding="utf-8")

        assert [
            CatalogueFault("pl", "", "Language header is '', expected 'pl'"),
            CatalogueFault("pl", "", "Plural-Forms '' should have nplurals=3 (CLDR)"),
        ] == check_po(str(path), "pl", messages, complete=False)

    def test_unknown_locale(self, tmp_path: Path, messages: tuple[tuple[str, str], ...]) -> None:
        """A locale CLDR does not know is one fault for the catalogue, not an exception."""
        text = Path(po("pl")).read_text(encoding="utf-8")
        path = tmp_path / "xx.po"
        path.write_text(text.replace('"Language: pl\\n"', '"Language: xx\\n"'), encoding="utf-8")

        assert [CatalogueFault("xx", "", "unknown locale: unknown locale 'xx'")] == check_po(
            str(path), "xx", messages, complete=False
        )

    @pytest.mark.parametrize(
        ("plural", "fault"),
        [
            (
                "nplurals=2; plural=(n != 1);",
                "Plural-Forms 'nplurals=2; plural=(n != 1);' should have nplurals=3 (CLDR)",
            ),
            (
                "nplurals=3; plural=(n ==;",
                (
                    "Plural-Forms 'nplurals=3; plural=(n ==;' has an expression gettext "
                    "cannot read, but CLDR's rule"
                ),
            ),
            (
                "nplurals=3; plural=(n==1 ? 0 : 2);",
                (
                    "Plural-Forms 'nplurals=3; plural=(n==1 ? 0 : 2);' picks form 2 for 2 "
                    "(CLDR: form 1), but CLDR's rule"
                ),
            ),
        ],
    )
    def test_plural_header_faults(
        self, tmp_path: Path, messages: tuple[tuple[str, str], ...], plural: str, fault: str
    ) -> None:
        """Each way a Plural-Forms header can be wrong is one fault saying which, in full."""
        text = Path(po("pl")).read_text(encoding="utf-8")
        text = text[: text.index('msgctxt "ui:sources-count"')]  # Babel refuses 3 forms for 2
        text = re.sub(r'"Plural-Forms: .*\n', f'"Plural-Forms: {plural}\\\\n"\n', text)
        path = tmp_path / "pl.po"
        path.write_text(text, encoding="utf-8")
        rule = (
            " for pl is plural=n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
            "(n % 100 < 12 || n % 100 > 14) ? 1 : 2"
        )

        assert [
            CatalogueFault("pl", "", fault + (rule if "CLDR's rule" in fault else ""))
        ] == check_po(str(path), "pl", messages, complete=False)

    def test_forms_follow_the_plural_english(
        self, tmp_path: Path, messages: tuple[tuple[str, str], ...]
    ) -> None:
        """Plural forms are held to msgid_plural's placeholders, not the singular's."""
        text = (
            Path(po("pl"))
            .read_text(encoding="utf-8")
            .replace(
                'msgid_plural "{count} sources"', 'msgid_plural "{count} sources since {year}"'
            )
        )
        path = tmp_path / "pl.po"
        path.write_text(text, encoding="utf-8")

        assert [
            CatalogueFault(
                "pl",
                "ui:sources-count",
                f"plural form {form!r} must keep [{{count}}, {{year}}]",
            )
            for form in ("{count} źródło", "{count} źródła", "{count} źródeł")
        ] == check_po(str(path), "pl", messages, complete=False)


class TestPluralMismatch:
    """_plural_mismatch() says how a header's plural rule differs from CLDR's."""

    @pytest.mark.parametrize(
        ("header", "wrong"),
        [
            # Babel writes a default expression into the headers it reads, so check_po never
            # passes a header without one; the rule is still checked on its own.
            ("nplurals=2;", "has no plural expression"),
            ("nplurals=2; plural=n ==;", "has an expression gettext cannot read"),
            ("nplurals=2; plural=(n > 1);", "picks form 0 for 0 (CLDR: form 1)"),
            ("nplurals=2; plural=(n != 1);", None),
        ],
    )
    def test_says_how(self, header: str, wrong: str | None) -> None:
        """No expression, an unreadable one, and the first count where they differ."""
        assert wrong == _plural_mismatch(header, "(n != 1)")

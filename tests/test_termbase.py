"""The term base: approved words for key terms, read from the glossary's messages, and checked."""

from __future__ import annotations

from babel.messages.catalog import Catalog

from sextingsafe._termbase import TermRule, term_faults, term_rules


def glossary(*entries: tuple[str, str, str, list[str]]) -> Catalog:
    """Return a Spanish catalogue holding glossary messages (context, English, translation)."""
    catalog = Catalog(locale="es")
    for context, english, translation, comments in entries:
        catalog.add(english, translation, context=context, user_comments=comments)
    return catalog


NUDES = (
    "term:sharing-nudes-and-semi-nudes:term",
    "sharing nudes and semi-nudes",
    "compartir desnudos y semidesnudos",
    ["nudes [young-people]: nudes | desnudos", "nudes [parents-carers, professionals]: desnudos"],
)
INTIMATE = (
    "term:intimate-image:term",
    "intimate image",
    "imagen íntima",
    ["forms: imágenes íntimas"],
)
AUDIENCES = {
    "advice:teen-tip": frozenset({"young-people"}),
    "advice:parent-tip": frozenset({"parents-carers"}),
}


class TestTermRules:
    """term_rules() reads the approved forms from the glossary's entries and comments."""

    def test_rules(self) -> None:
        """A key term's own translation and its forms; key words inside a term, per audience."""
        rules = term_rules(glossary(NUDES, INTIMATE))

        assert [
            TermRule(
                "nudes",
                frozenset({"young-people"}),
                ("nudes", "desnudos"),
                "term:sharing-nudes-and-semi-nudes:term",
            ),
            TermRule(
                "nudes",
                frozenset({"parents-carers", "professionals"}),
                ("desnudos",),
                "term:sharing-nudes-and-semi-nudes:term",
            ),
            TermRule(
                "intimate image",
                frozenset({"*"}),
                ("imagen íntima", "imágenes íntimas"),
                "term:intimate-image:term",
            ),
        ] == rules

    def test_untranslated_term(self) -> None:
        """A glossary entry not yet translated approves nothing."""
        assert [] == term_rules(glossary(("term:x:term", "sextortion", "", [])))


class TestTermFaults:
    """term_faults() names each message that does not use its approved word."""

    def test_per_audience(self) -> None:
        """Young people's text may say "nudes"; a parent's must use the adults' word."""
        rules = term_rules(glossary(NUDES, INTIMATE))
        translations = [
            (
                "advice:teen-tip:body",
                "Never share nudes of others.",
                "No compartas nudes de otros.",
            ),
            ("advice:parent-tip:body", "Talk about nudes calmly.", "Hable de los nudes con calma."),
            ("advice:parent-tip:title", "Nudes", "Fotos desnudas"),
        ]

        faults = term_faults(rules, translations, AUDIENCES)

        assert ["advice:parent-tip:body", "advice:parent-tip:title"] == [c for c, _ in faults]
        assert "approved words for 'nudes' for parents-carers (desnudos;" in faults[0][1]

    def test_forms_and_case(self) -> None:
        """Any listed form counts, in any case; a merged term ("nudes" as "intimate") does not."""
        rules = term_rules(glossary(NUDES, INTIMATE))
        translations = [
            ("advice:parent-tip:body", "An intimate image.", "Imágenes íntimas."),
            ("advice:teen-tip:body", "Nude images.", "Imágenes íntimas."),
        ]

        faults = term_faults(rules, translations, AUDIENCES)

        assert ["advice:teen-tip:body"] == [c for c, _ in faults]

    def test_semi_nude_is_not_nude(self) -> None:
        """The key "semi-nudes" is its own: it does not require the word for "nudes"."""
        rules = term_rules(glossary(NUDES))
        translations = [("advice:teen-tip:body", "Semi-nudes too.", "También semidesnudos.")]

        assert [] == term_faults(rules, translations, AUDIENCES)


class TestWordStart:
    """A form must begin a word where the script has letter case; elsewhere it may be inside."""

    def test_cased_scripts(self) -> None:
        """French "nue" is not found inside "continue"; a stem still covers its endings."""
        rules = [TermRule("nudes", frozenset({"*"}), ("nue", "zdjęci"), "term:x:term")]
        translations = [
            ("advice:a:body", "A nude.", "Il continue."),
            ("advice:b:body", "A nude.", "Nagie zdjęcia."),
        ]

        assert ["advice:a:body"] == [c for c, _ in term_faults(rules, translations, {})]

    def test_uncased_scripts(self) -> None:
        """Arabic and Chinese forms are found inside words (العارية, 的裸照)."""
        rules = [TermRule("nudes", frozenset({"*"}), ("عاري", "裸"), "term:x:term")]
        translations = [
            ("advice:a:body", "A nude.", "الصورة العارية"),
            ("advice:b:body", "A nude.", "别人的裸照"),
        ]

        assert [] == term_faults(rules, translations, {})

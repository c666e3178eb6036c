"""Editorial checks: the rules themselves, and the bundled content held to them."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest

from sextingsafe import AgeRange, Audience, Topic, _editorial
from sextingsafe._catalogue import default_catalogue
from sextingsafe._editorial import (
    REVIEW_PERIOD,
    RISK_TOPICS,
    RULES,
    YOUNG_PEOPLE_MAX_GRADE,
    ItemFinding,
    _check_item,
    _syllables,
    avoided_words,
    check_wording,
    first_sentence,
    points_to_help,
    reading_grade,
    review_overdue,
)

TEENS = AgeRange(min=11, max=17)
PASSAGES = Path(__file__).parent / "data" / "quote-passages.toml"


def _normalise(text: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return " ".join(text.translate(table).split())


class TestCheckWording:
    """check_wording() finds scare, shame and blame wording, and lets safe wording through."""

    @pytest.mark.parametrize(
        ("text", "match", "reason"),
        [
            ("It was silly to send it.", "silly", "Calls a young person's choice foolish"),
            ("You should be ashamed.", "ashamed", "Shame language"),
            ("This will ruin your life.", "ruin your life", "Scare tactic: catastrophising"),
            ("You will never be able to get it back.", "never be able to", "Scare tactic and"),
            ("It's your own fault.", "your own fault", "Victim-blaming: it is never"),
            ("You were asking for it.", "You were asking for it", "Victim-blaming: whoever"),
            ("They are asking for it.", "They are asking for it", "Victim-blaming: whoever"),
            ("She was asking for it.", "She was asking for it", "Victim-blaming: whoever"),
            ("He brought it on himself.", "brought it on himself", "Victim-blaming: whoever"),
            ("You brought it on yourself.", "brought it on yourself", "Victim-blaming: whoever"),
            ("They brought it on themselves.", "brought it on themselves", "Victim-blaming:"),
            ("Predators are everywhere online.", "Predators are everywhere", "Scare tactic: fear"),
            ("You will be arrested.", "You will be arrested", "Scare tactic and inaccurate"),
        ],
    )
    def test_flags_harmful_wording(self, text: str, match: str, reason: str) -> None:
        """Each phrasing breaks the one documented rule it is listed with, on those words."""
        findings = check_wording(text)

        assert ([(match, True)] if match else []) == [
            (f.match, f.rule.reason.startswith(reason)) for f in findings
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "It's not your fault.",
            "It isn't your fault, and help is available.",
            "It is never your fault.",
            "Never blame yourself: the person who shared it is in the wrong.",
            "Report Remove can help get it taken down.",
        ],
    )
    def test_lets_safe_wording_through(self, text: str) -> None:
        """Reassurance that names blame in order to lift it is not flagged."""
        assert [] == check_wording(text)

    def test_sexting_only_flagged_for_young_people(self) -> None:
        """'sexting' is the search term: fine for adults, 'nudes' is what we say to young people."""
        assert [] == check_wording("Talking to your child about sexting")
        assert check_wording("Sexting is risky", for_young_people=True)

    def test_every_rule_has_a_reason(self) -> None:
        """The docs list each rule with its reason, so none may be blank."""
        assert all(rule.reason.strip() for rule in RULES)


class TestReadingGrade:
    """reading_grade() is a Flesch-Kincaid grade: longer sentences and words score higher."""

    def test_simple_text_scores_low(self) -> None:
        """Short sentences of short words are below grade 3."""
        assert reading_grade("You can say no. Tell an adult you trust.") < 3

    def test_complex_text_scores_high(self) -> None:
        """A long sentence of long words is far above the young-people threshold."""
        text = (
            "Consensual youth-produced sexual imagery incidents necessitate proportionate "
            "safeguarding interventions coordinated by designated safeguarding leads."
        )
        assert reading_grade(text) > 15

    @pytest.mark.parametrize(
        ("word", "syllables"),
        [
            ("make", 1),  # a silent final e
            ("imagine", 3),
            ("table", 2),  # -le is a syllable
            ("agree", 2),  # -ee is a syllable
            ("the", 1),  # never fewer than one
            ("hello", 2),
            ("rhythm", 1),
            ("someone’s", 2),  # counted without the possessive, typographic apostrophe or not
            ("someone's", 2),
        ],
    )
    def test_syllables(self, word: str, syllables: int) -> None:
        """Syllables are vowel groups, less a silent final e; words within the text show it."""
        assert syllables == _syllables(word)

    @pytest.mark.parametrize(
        ("text", "grade"),
        [
            # 9 words, 2 sentences, 10 syllables: 0.39 × 4.5 + 11.8 × 10 / 9 − 15.59
            ("You can say no. Tell an adult you trust.", -0.723889),
            # 7 words, 1 sentence, 9 syllables
            ("Talk to someone you trust about it.", 2.311429),
            # 5 words, 3 sentences, 10 syllables
            ("Imagine a table. Agree? Hello!", 8.66),
        ],
    )
    def test_grade(self, text: str, grade: float) -> None:
        """The grade is the Flesch-Kincaid formula over words, sentences and syllables."""
        assert grade == round(reading_grade(text), 6)

    def test_empty_text_is_zero(self) -> None:
        """No words means nothing to read."""
        assert 0.0 == reading_grade("")


class TestReviewOverdue:
    """review_overdue() compares against the documented review period."""

    def test_boundaries(self) -> None:
        """An item is overdue one day after the review period, not on its last day."""
        checked = dt.date(2026, 1, 1)
        assert not review_overdue(checked, dt.date(2027, 1, 1))
        assert review_overdue(checked, dt.date(2027, 1, 2))
        assert not review_overdue(checked, checked)

    def test_period_is_a_year(self) -> None:
        """The review period is 365 days."""
        assert dt.timedelta(days=365) == REVIEW_PERIOD

    def test_real_clock_by_default(self) -> None:
        """Without *today*, the real date is the clock: a check from 2000 is overdue now."""
        assert review_overdue(dt.date(2000, 1, 1))
        assert not review_overdue(dt.date.today())  # noqa: DTZ011 - the function's own clock


class TestBundledContent:
    """The bundled English content meets the editorial rules."""

    def test_displayed_text_passes_the_wording_rules(self) -> None:
        """No title, body, statement, caveat, description or context breaks a wording rule."""
        catalogue = default_catalogue()
        problems = []
        for item in catalogue.advice.values():
            young = Audience.YOUNG_PEOPLE in item.audiences
            for text in (item.title, item.body):
                problems += [
                    (item.id, f.match) for f in check_wording(text, for_young_people=young)
                ]
        for fact in catalogue.facts.values():
            for text in (fact.statement_template, fact.population, fact.caveat):
                problems += [(fact.id, f.match) for f in check_wording(text)]
        for resource in catalogue.resources.values():
            problems += [(resource.id, f.match) for f in check_wording(resource.description)]
        for quote in catalogue.quotes.values():
            problems += [(quote.id, f.match) for f in check_wording(quote.context)]
        assert [] == problems

    def test_quotes_with_harmful_words_carry_a_content_note(self) -> None:
        """Verbatim words may contain a slur only behind a content note."""
        missing = [
            q.id
            for q in default_catalogue().quotes.values()
            if check_wording(q.text) and not q.content_note
        ]
        assert [] == missing

    def test_young_people_text_is_easy_to_read(self) -> None:
        """Every young-people advice body scores at most the documented grade."""
        hard = {
            a.id: round(reading_grade(a.body), 1)
            for a in default_catalogue().advice.values()
            if Audience.YOUNG_PEOPLE in a.audiences
            and reading_grade(a.body) > YOUNG_PEOPLE_MAX_GRADE
        }
        assert {} == hard

    def test_every_risk_item_points_to_help(self) -> None:
        """Advice about a risk lists at least one help resource."""
        bare = [
            a.id
            for a in default_catalogue().advice.values()
            if RISK_TOPICS & set(a.topics) and not points_to_help(a)
        ]
        assert [] == bare

    def test_reviews_are_kept_together(self) -> None:
        """No item was checked more than the review period before the newest check.

        The clock is the content's own newest review date, so this test never fails by itself
        on a later day: items that grow old while the rest is re-reviewed fail it, and
        ``sextingsafe validate`` warns about stale content before a release (see
        docs/contributing.md).
        """
        catalogue = default_catalogue()
        items = [
            *catalogue.facts.values(),
            *catalogue.quotes.values(),
            *catalogue.advice.values(),
            *catalogue.occasions.values(),
        ]
        dates = {i.id: i.reviewed for i in items} | {
            r.id: r.checked for r in catalogue.resources.values()
        }
        newest = max(dates.values())

        assert {} == {k: v for k, v in dates.items() if review_overdue(v, today=newest)}

    def test_quotes_match_their_sources_word_for_word(self) -> None:
        """Every quote appears verbatim in a recorded passage of each source it cites."""
        passages: dict[str, list[str]] = {}
        with PASSAGES.open("rb") as handle:
            for passage in tomllib.load(handle)["passage"]:
                passages.setdefault(passage["source"], []).append(_normalise(passage["text"]))
        mismatched = [
            (quote.id, source.id)
            for quote in default_catalogue().quotes.values()
            for source in quote.sources
            if not any(_normalise(quote.text) in text for text in passages.get(source.id, []))
        ]
        assert [] == mismatched


class TestDocumented:
    """The docs list every wording rule with its reason, and the thresholds the tests use."""

    PAGE = Path(__file__).parents[1] / "docs" / "explanation" / "editorial-checks.md"

    def test_every_rule_reason_is_on_the_page(self) -> None:
        """Each rule's reason appears, word for word, on the editorial-checks page."""
        text = self.PAGE.read_text(encoding="utf-8")

        assert [] == [rule.reason for rule in RULES if rule.reason not in text]

    def test_thresholds_are_on_the_page(self) -> None:
        """The page states the grade limit and the review period the tests enforce."""
        text = self.PAGE.read_text(encoding="utf-8")

        assert f"grade {YOUNG_PEOPLE_MAX_GRADE:g}" in text
        assert f"{REVIEW_PERIOD.days} days" in text


class TestItemChecks:
    """check_items() holds advice, questions and scripts to the documented item checks."""

    @staticmethod
    def _findings(make_pack: Any, files: dict[str, str]) -> list[tuple[str, str]]:
        from sextingsafe._build import build
        from sextingsafe._editorial import check_items
        from sextingsafe._packs import read_pack

        pack = make_pack("reference", files)
        content = build([read_pack(pack)], None)
        return [(f.id, f.check) for f in check_items(content)]

    @staticmethod
    def _question(
        answer: str, *, ages: str = "{ min = 11, max = 17 }", who: str = "young-people"
    ) -> str:
        return (
            "[[question]]\n"
            'id = "q"\n'
            f'audiences = ["{who}"]\n'
            'topics = ["support"]\n'
            'question = "What now?"\n'
            f'answer = "{answer}"\n'
            f"ages = {ages}\n"
            'sources = ["ref-guidance"]\n'
            "reviewed = 2026-12-01\n"
        )

    def test_fixture_pack(self, make_pack: Any) -> None:
        """The reference pack fails only where it lacks help for a risk topic."""
        assert [("ref-saying-no", "risk-has-help")] == self._findings(make_pack, {})

    @pytest.mark.parametrize(
        ("answer", "check"),
        [
            (
                "It's illegal to share a nude of anyone under 18. Tell an adult you trust.",
                "young-people-lead",
            ),
            ("Someone may try to blackmail you.", "risk-has-action"),
            ("It is revenge porn. Tell an adult you trust.", "terminology"),
            ("You should have asked first.", "victim-blaming"),
            ("Why did you send it?", "victim-blaming"),
        ],
    )
    def test_each_check(self, make_pack: Any, answer: str, check: str) -> None:
        """Each kind of wording fails its own check."""
        assert ("q", check) in self._findings(make_pack, {"faq.toml": self._question(answer)})

    @pytest.mark.parametrize(
        "answer",
        [
            "Don't take their phone away as a punishment. Listen first.",
            "Never ask why did you send it. Stay calm.",
            "The person who shared it is in the wrong. Tell an adult you trust.",
        ],
    )
    def test_advice_against_a_behaviour_passes(self, make_pack: Any, answer: str) -> None:
        """Advice not to blame, written as such, is not itself flagged."""
        assert [] == self._findings(
            make_pack,
            {
                "faq.toml": self._question(answer, who="parents-carers", ages="{ min = 11 }"),
                "scripts.toml": "",
            },
        )

    def test_words_to_avoid_with_an_audience(self, make_pack: Any) -> None:
        """A word the glossary avoids only with young people is a finding only for them."""
        answer = "Sexting can go wrong. Tell an adult you trust."
        parents = self._question(answer, who="parents-carers", ages="{ min = 11 }")

        assert ("q", "terminology") in self._findings(
            make_pack, {"faq.toml": self._question(answer)}
        )
        assert [] == self._findings(make_pack, {"faq.toml": parents, "scripts.toml": ""})

    def test_children(self, make_pack: Any) -> None:
        """For under-11s, the police in the first sentence and long words both fail."""
        answer = (
            "The police help children. Unfortunately, sophisticated communication "
            "technologies occasionally facilitate inappropriate interactions. Tell a grown-up."
        )
        found = self._findings(
            make_pack, {"faq.toml": self._question(answer, ages="{ min = 8, max = 10 }")}
        )

        assert {("q", "children-first-sentence"), ("q", "children-reading-grade")} <= set(found)

    def test_proper_name_is_not_terminology(self, make_pack: Any) -> None:
        """'Revenge Porn Helpline' is a service's name, not our wording."""
        answer = "If you are 18 or over, the Revenge Porn Helpline can help."

        assert [] == self._findings(
            make_pack,
            {
                "faq.toml": self._question(answer, who="adults", ages="{ min = 18 }"),
                "scripts.toml": "",
            },
        )

    def test_bundled_content_passes(self) -> None:
        """Every bundled advice item, question and script passes every item check."""
        from sextingsafe._editorial import check_items

        assert [] == [str(f) for f in check_items(default_catalogue().content)]


class TestChecksDocumented:
    """The explanation page lists every item check and every refused behaviour."""

    def test_every_check_is_on_the_page(self) -> None:
        """Each check's name appears in docs/explanation/editorial-checks.md."""
        from sextingsafe._editorial import CHECKS

        page = (
            Path(__file__).parents[1] / "docs" / "explanation" / "editorial-checks.md"
        ).read_text(encoding="utf-8")

        assert [] == [c.name for c in CHECKS if f"`{c.name}`" not in page]

    def test_every_behaviour_reason_is_on_the_page(self) -> None:
        """Each refused behaviour's reason appears on the page word for word."""
        from sextingsafe._editorial import BEHAVIOURS

        page = (
            Path(__file__).parents[1] / "docs" / "explanation" / "editorial-checks.md"
        ).read_text(encoding="utf-8")

        assert [] == [b.reason for b in BEHAVIOURS if b.reason not in page]


class TestItemFindingsInFull:
    """Each item check's finding, written out: kind, id, check and message.

    The items are a bundled question with its wording changed, checked against one word to
    avoid, so that each case exercises one check.
    """

    @staticmethod
    def _check(
        *,
        answer: str,
        question: str = "What now?",
        who: Audience = Audience.YOUNG_PEOPLE,
        topics: tuple[Topic, ...] = (Topic.SUPPORT,),
        ages: AgeRange | None = TEENS,
    ) -> list[ItemFinding]:
        item = attrs.evolve(
            default_catalogue().content.questions[0],
            id="q",
            question=question,
            answer=answer,
            audiences=(who,),
            topics=topics,
            ages=ages,
        )
        return _check_item(item, ["sexting"])

    @staticmethod
    def _finding(check: str, message: str) -> ItemFinding:
        return ItemFinding("question", "q", check, message)

    def test_risk_without_action(self) -> None:
        """A risk with nothing to do about it, for young people even on a law topic."""
        expected = [
            self._finding("risk-has-action", "names a risk but says nothing to do about it")
        ]

        assert expected == self._check(answer="Someone may try to blackmail you.")
        assert expected == self._check(
            answer="Someone may try to blackmail you.", topics=(Topic.THE_LAW,)
        )
        assert expected == self._check(
            answer="Someone may try to blackmail you.", who=Audience.PARENTS_CARERS, ages=None
        )

    def test_a_statement_of_law_for_adults(self) -> None:
        """For adults, an item on the law may state a risk without an action."""
        assert [] == self._check(
            answer="Someone may try to blackmail you.",
            who=Audience.PARENTS_CARERS,
            topics=(Topic.THE_LAW,),
            ages=None,
        )

    def test_leading_with_the_law(self) -> None:
        """The first sentence of a young people's item is quoted in the finding."""
        assert [
            self._finding(
                "young-people-lead",
                'leads with the law: "It\'s illegal to share a nude of anyone under 18."',
            )
        ] == self._check(
            answer="It's illegal to share a nude of anyone under 18. Tell an adult you trust."
        )

    def test_terminology_blaming_and_wording(self) -> None:
        """A word to avoid, blaming wording, and a young-people-only rule, each in full."""
        assert [
            self._finding("terminology", "uses 'sexting', which the glossary says to avoid"),
            self._finding(
                "victim-blaming",
                "'You should have': Blames the young person for sending: whoever shares or "
                "threatens is in the wrong.",
            ),
            self._finding(
                "wording",
                '\'sexting\': With young people say "nudes" or "nude images" (UKCIS); '
                '"sexting" is the search term.',
            ),
        ] == self._check(question="Is sexting OK?", answer="You should have asked first.")

    def test_children(self) -> None:
        """For under-11s: the police first, and the reading grade with its limit."""
        answer = (
            "The police help children. Unfortunately, sophisticated communication "
            "technologies occasionally facilitate inappropriate interactions. Tell a grown-up."
        )
        assert [
            self._finding(
                "children-first-sentence",
                "mentions crime or the police first: 'The police help children.'",
            ),
            self._finding(
                "children-reading-grade",
                "reading grade 21.2 is above 5 for children under 11; "
                "use shorter sentences and words",
            ),
        ] == self._check(answer=answer, ages=AgeRange(min=8, max=10))

    def test_young_people_reading_grade(self) -> None:
        """Over 11, the young people's limit applies, with its own message."""
        answer = (
            "Unfortunately, sophisticated communication technologies occasionally facilitate "
            "inappropriate interactions. Talk to someone you trust."
        )
        assert [
            self._finding(
                "reading-grade",
                "reading grade 26.0 is above 7 for young people; use shorter sentences and words",
            )
        ] == self._check(answer=answer)

    @pytest.mark.parametrize(
        ("ages", "limit"), [(AgeRange(min=8, max=10), 5.0), (AgeRange(min=11, max=17), 7.0)]
    )
    def test_a_grade_at_the_limit_passes(
        self, monkeypatch: pytest.MonkeyPatch, ages: AgeRange, limit: float
    ) -> None:
        """The limits are the highest grades allowed: exactly at one is not a finding."""
        monkeypatch.setattr(_editorial, "reading_grade", lambda text: limit)

        assert [] == self._check(answer="Tell a grown-up you trust.", ages=ages)

    def test_named_services_are_help(self) -> None:
        """Advice on a risk that names a service, and no need, points to help."""
        item = next(a for a in default_catalogue().content.advice if a.resources)
        assert RISK_TOPICS & set(item.topics)

        assert [] == _check_item(attrs.evolve(item, needs=()), [])
        assert [
            ItemFinding(
                "advice",
                item.id,
                "risk-has-help",
                "is about a risk but names no help (needs or resources)",
            )
        ] == _check_item(attrs.evolve(item, needs=(), resources=()), [])


class TestTextHelpers:
    """The small text functions the item checks use."""

    @pytest.mark.parametrize(
        ("text", "first"),
        [
            ("Stop. Think.", "Stop."),
            ("  Is it real?  Ask.", "Is it real?"),
            ("Talk to someone you trust ", "Talk to someone you trust"),
        ],
    )
    def test_first_sentence(self, text: str, first: str) -> None:
        """Up to the first full stop, question or exclamation mark; all of it without one."""
        assert first == first_sentence(text)

    def test_avoided_words_ignore_case(self) -> None:
        """A word to avoid is found in any case, but not inside a name or quotation marks."""
        assert ["revenge porn"] == avoided_words("Revenge porn is abuse.", ["revenge porn"])
        assert [] == avoided_words(
            'Call the Revenge Porn Helpline. Don\'t say "revenge porn".', ["revenge porn"]
        )

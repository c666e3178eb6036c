"""Editorial checks for content: safe-messaging wording, reading level, review dates.

They run over the bundled content as tests, and ``sextingsafe validate`` runs them over a pack.
Each rule carries the reason for it, so the docs can list them (see the safe-messaging page).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable
from typing import TYPE_CHECKING, NamedTuple

from ._enums import Audience, Topic
from ._model import Advice
from ._reference import Question, Script

if TYPE_CHECKING:
    from ._packs import PackContent

__all__ = [
    "BEHAVIOURS",
    "CHECKS",
    "CHILDREN_MAX_GRADE",
    "REVIEW_PERIOD",
    "RISK_TOPICS",
    "RULES",
    "YOUNG_PEOPLE_MAX_GRADE",
    "Behaviour",
    "Check",
    "Finding",
    "ItemFinding",
    "Rule",
    "avoided_words",
    "check_items",
    "check_wording",
    "first_sentence",
    "points_to_help",
    "reading_grade",
    "refused_behaviours",
    "review_overdue",
]

#: Topics where a young person may need help now: advice on them must say what help it needs.
RISK_TOPICS = frozenset(
    {
        Topic.BEING_ASKED,
        Topic.SENT_AN_IMAGE,
        Topic.RECEIVED_AN_IMAGE,
        Topic.IMAGE_SHARED,
        Topic.SEXTORTION,
        Topic.REPORTING_AND_REMOVAL,
        Topic.THE_LAW,
        Topic.AI_IMAGES,
        Topic.UNWANTED_IMAGES,
        Topic.HELPING_A_FRIEND,
        Topic.REMOVAL_TOOLS,
        Topic.CRISIS_SUPPORT,
        Topic.SHARED_SOMEONE_ELSES,
    }
)
#: How long an item may go without being checked against its sources again.
REVIEW_PERIOD = dt.timedelta(days=365)
#: The highest Flesch-Kincaid grade allowed for text written for young people (about age 12–13).
YOUNG_PEOPLE_MAX_GRADE = 7.0


class Rule(NamedTuple):
    """A phrase that safe-messaging guidance tells us not to use, and why."""

    #: A regular expression, matched case-insensitively on word boundaries.
    pattern: str
    #: Why the wording is harmful, and what to say instead.
    reason: str


class Finding(NamedTuple):
    """One place where a text breaks a rule."""

    rule: Rule
    #: The words that matched.
    match: str


#: Wording that scares, shames or blames. Sources: CEOP and the PSHE Association's key principles
#: of effective prevention education ("a positive approach, avoiding scare tactics"), UKCIS
#: guidance (do not blame or shame young people), and Think Before You Share / eSafety
#: ("never blame yourself"; image-based abuse "is not your fault").
RULES: tuple[Rule, ...] = (
    Rule(
        r"sl[au]ts?|slags?|whores?|sluts?",
        "A slur: it shames. Only a verbatim quote may contain one, behind a content note.",
    ),
    Rule(
        r"stupid|silly|foolish|naive|dumb",
        "Calls a young person's choice foolish: shaming stops them asking for help.",
    ),
    Rule(
        r"shame(?:ful)?|ashamed|disgrac\w*",
        "Shame language: fear and shame stop victims from reporting.",
    ),
    Rule(
        r"(?:you|they|he|she) (?:was|were|is|are) asking for it"
        r"|brought it on (?:your|them|him|her)sel(?:f|ves)",
        "Victim-blaming: whoever shares an image without consent is in the wrong.",
    ),
    Rule(
        r"(?<!not )(?<!n't )(?<!never )your (?:own )?fault"
        r"|only (?:yourself|themselves) to blame|should have known better",
        "Victim-blaming: it is never the fault of the person in the image.",
    ),
    Rule(
        r"ruin(?:s|ed)? your (?:life|future)"
        r"|(?:regret|haunt) (?:it |you )?(?:for(?:ever)?|the rest of your life)",
        "Scare tactic: catastrophising; say what can be done instead (help and removal exist).",
    ),
    Rule(
        r"never be able to|can never (?:be )?(?:get|take)n? (?:it )?back"
        r"|gone forever|there forever|forever online",
        "Scare tactic and untrue: removal services exist (Report Remove, Take It Down, StopNCII).",
    ),
    Rule(
        r"predators? (?:are )?everywhere|paedophiles? (?:are )?everywhere",
        "Scare tactic: fear-based messages do not protect and stop young people reporting.",
    ),
    Rule(
        r"criminal record (?:for life|forever)|you will be (?:arrested|prosecuted|charged)",
        "Scare tactic and inaccurate: most consensual peer cases are not prosecuted (Outcome 21).",
    ),
    Rule(
        r"sexting",
        'With young people say "nudes" or "nude images" (UKCIS); "sexting" is the search term.',
    ),
)
_COMPILED = tuple((rule, re.compile(rf"\b(?:{rule.pattern})\b", re.IGNORECASE)) for rule in RULES)
#: Rules that apply only to text for young people.
YOUNG_PEOPLE_ONLY = frozenset({RULES[-1]})


def check_wording(text: str, *, for_young_people: bool = False) -> list[Finding]:
    """Return every rule that *text* breaks, with the words that matched."""
    findings: list[Finding] = []
    for rule, pattern in _COMPILED:
        if rule in YOUNG_PEOPLE_ONLY and not for_young_people:
            continue
        findings.extend(Finding(rule, match.group(0)) for match in pattern.finditer(text))
    return findings


_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def _syllables(word: str) -> int:
    word = word.lower().replace("’", "'").split("'")[0]
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def reading_grade(text: str) -> float:
    """Return the Flesch-Kincaid grade level of English *text*.

    ``0.39 × words per sentence + 11.8 × syllables per word − 15.59``, with syllables counted
    by vowel groups (a standard approximation). Grade 7 is about age 12–13.
    """
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(len(_SENTENCE_END.findall(text.strip() + " ")), 1)
    syllables = sum(_syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59


def review_overdue(reviewed: dt.date, today: dt.date | None = None) -> bool:
    """Return True when an item checked on *reviewed* is past the review period."""
    now = today if today is not None else dt.date.today()  # noqa: DTZ011
    return now - reviewed > REVIEW_PERIOD


# --- Checks over whole items (advice, questions, scripts), by audience and age ---------------

#: Children's text (an item whose ages reach below 11) must read at this grade or below.
CHILDREN_MAX_GRADE = 5.0
#: The age under which an item counts as written for children.
CHILDREN_UNDER = 11

#: Words that state a risk: an item that uses one must also say what to do.
RISK_WORDS = re.compile(
    r"\b(?:illegal|crimes?|criminals?|offen[cs]es?|against the law|blackmail\w*|threat\w*"
    r"|extort\w*|abuse[ds]?|abusing|groom\w*|dangers?|dangerous|risks?|risky|harm\w*|scams?"
    r"|scammers?|pressured?|pressuring|can be saved|screenshot\w*"
    r"|without (?:their|your) consent)\b",
    re.IGNORECASE,
)
#: Words that give an action: telling, asking, reporting, blocking, getting help.
ACTION_WORDS = re.compile(
    r"\b(?:tell|talk|ask|report|block|call|text|contact|use|get help|help|save|keep|stop"
    r"|say no|delete|speak|visit|remove|support|reassure|listen|don't|do not|never|refer\w*"
    r"|follow|check|decide|choose|respond|you can|it's ok)\b",
    re.IGNORECASE,
)
#: Topics of reference items for adults that state the law or what police do: such an item
#: describes a risk without being a risk message, so it need not carry an action.
LAW_TOPICS = frozenset({Topic.THE_LAW, Topic.POLICE_RESPONSE})
#: Words that lead with the law: not the first thing a young person reads.
ILLEGALITY = re.compile(
    r"\b(?:illegal|unlawful|crimes?|criminal|offen[cs]es?|against the law|prosecut\w*"
    r"|arrest\w*|charged)\b",
    re.IGNORECASE,
)
#: Words about crime and the police: not in the first sentence for children under 11.
CRIME_OR_POLICE = re.compile(
    r"\b(?:illegal|unlawful|crimes?|criminal|offen[cs]es?|against the law|police|prosecut\w*"
    r"|arrest\w*)\b",
    re.IGNORECASE,
)
#: Proper names that contain an avoided word; they are names, not our wording.
PROPER_NAMES = ("Revenge Porn Helpline",)
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
#: What a preceding word must be for a refused behaviour to be advice against it.
_NEGATION = re.compile(
    r"(?:\b(?:don't|do not|never|not|avoid|without|instead of|rather than)\b[^.!?;:]*)\Z",
    re.IGNORECASE,
)


class Behaviour(NamedTuple):
    """A response to a young person that UKCIS guidance calls victim-blaming."""

    #: A regular expression, matched case-insensitively on word boundaries.
    pattern: str
    #: Why it harms, from the guidance.
    reason: str


#: Victim-blaming responses (UKCIS, *Sharing nudes and semi-nudes*: do not blame or shame;
#: NSPCC and CEOP: stay calm, don't accuse; Devon & Cornwall Police: keep devices as they are
#: until you have advice). A match is allowed when the words before it in the same clause say
#: not to (``don't take their phone away``, ``never ask why did you``).
BEHAVIOURS: tuple[Behaviour, ...] = (
    Behaviour(
        r"(?:you|they|he|she) should(?:n't| not)? have"
        r"|you shouldn't have sent",
        "Blames the young person for sending: whoever shares or threatens is in the wrong.",
    ),
    Behaviour(
        r"why did you|why would you|what were you thinking",
        "Questions that blame: ask what happened and who has the image, not why they sent it.",
    ),
    Behaviour(
        r"(?:take|taking|took|confiscat\w*) (?:away )?(?:their|your|the child's|his|her) "
        r"(?:phone|device|mobile)(?: away)?|confiscat\w+",
        "Taking the device away punishes the victim and stops them telling you next time.",
    ),
    Behaviour(
        r"(?:teach|teaching|give|giving) (?:them|him|her|you|your child) a lesson"
        r"|lectur(?:e|es|ing)",
        "A lesson straight after a disclosure: first listen, reassure and get help.",
    ),
)
_BEHAVIOURS = tuple((b, re.compile(rf"\b(?:{b.pattern})\b", re.IGNORECASE)) for b in BEHAVIOURS)


class Check(NamedTuple):
    """One check over whole items, with its reason and source, as the docs list it."""

    name: str
    rule: str
    reason: str


#: The checks :func:`check_items` runs; ``docs/explanation/editorial-checks.md`` lists each.
CHECKS: tuple[Check, ...] = (
    Check(
        "risk-has-help",
        "An item on a risk topic names the help it needs (needs or resources).",
        "Safe messaging: every message about a risk points to help.",
    ),
    Check(
        "risk-has-action",
        "An item whose text names a risk also says what to do, in the same item "
        "(adults' statements of the law are exempt).",
        "CEOP and PSHE Association key principles: a positive approach; a risk on its own "
        "frightens without helping.",
    ),
    Check(
        "terminology",
        "Our own text does not use a word that a glossary term lists under avoid.",
        "Luxembourg Guidelines (say child sexual abuse material); eSafety (say image-based "
        "abuse); UKCIS (say nudes with young people).",
    ),
    Check(
        "young-people-lead",
        "A young people's item does not lead with the law: its first sentence names no crime.",
        "UKCIS and CEOP: lead with reassurance and help; fear stops young people asking for help.",
    ),
    Check(
        "children-first-sentence",
        "A young people's item whose ages reach below 11 does not mention crime or the police in "
        "its first sentence.",
        "CEOP's materials for under-11s lead with telling a trusted adult.",
    ),
    Check(
        "victim-blaming",
        "No victim-blaming response: 'should have', 'why did you', taking the device away, "
        "a lesson straight after a disclosure.",
        "UKCIS: do not blame or shame; NSPCC: stay calm and don't accuse.",
    ),
    Check(
        "children-reading-grade",
        f"A young people's item whose ages reach below 11 reads at grade {CHILDREN_MAX_GRADE:g} "
        "or below.",
        "Plain words and short sentences for primary-age readers.",
    ),
    Check(
        "reading-grade",
        f"A young people's item reads at grade {YOUNG_PEOPLE_MAX_GRADE:g} or below.",
        "Young people read at about age 12 to 13.",
    ),
    Check("wording", "No scare, shame or blame wording (see the wording table).", "As RULES."),
)


class ItemFinding(NamedTuple):
    """One check that one item fails."""

    kind: str
    id: str
    check: str
    message: str

    def __str__(self) -> str:
        return f"[[{self.kind}]] {self.id!r}: {self.message}"


def first_sentence(text: str) -> str:
    """Return the first sentence of *text* (up to the first ``.``, ``!`` or ``?``)."""
    match = _SENTENCE_END.search(text)
    return text[: match.end()].strip() if match else text.strip()


def refused_behaviours(text: str) -> list[tuple[Behaviour, str]]:
    """Return each victim-blaming behaviour in *text* that is not advice against it."""
    return [
        (behaviour, match.group(0))
        for behaviour, pattern in _BEHAVIOURS
        for match in pattern.finditer(text)
        if not _NEGATION.search(text[: match.start()])
    ]


def avoided_words(text: str, avoid: Iterable[str]) -> list[str]:
    """Return the words of *avoid* that *text* uses.

    Proper names that contain one (:data:`PROPER_NAMES`) and words in quotation marks (a word
    mentioned, not used) do not count.
    """
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    # A word in quotation marks is mentioned, not used: 'Why not say "revenge porn"?'
    text = _QUOTED.sub("", text)
    return [word for word in avoid if re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)]


def check_items(content: PackContent, ids: Container[object] | None = None) -> list[ItemFinding]:
    """Run :data:`CHECKS` over the advice, questions and scripts of *content*.

    Args:
        content: Validated content; its glossary terms give the words to avoid.
        ids: Only items with these ids are checked (a pack's own, beside the bundled pack);
            every item when ``None``.
    """
    avoid_all: set[str] = set()
    avoid_by: dict[Audience, set[str]] = {}
    for term in content.terms:
        if not term.avoid_with:
            avoid_all.update(term.avoid)
        for audience in term.avoid_with:
            avoid_by.setdefault(audience, set()).update(term.avoid)
    findings: list[ItemFinding] = []
    items: list[Advice | Question | Script] = [
        *content.advice,
        *content.questions,
        *content.scripts,
    ]
    for item in items:
        if ids is not None and item.id not in ids:
            continue
        avoid = set(avoid_all)
        for audience in item.audiences:
            avoid |= avoid_by.get(audience, set())
        findings += _check_item(item, sorted(avoid))
    return findings


def _texts(item: Advice | Question | Script) -> tuple[str, str]:
    """Return the item's title and its body: what a reader reads first, and all of it."""
    if isinstance(item, Advice):
        return item.title, item.body
    if isinstance(item, Question):
        return item.question, item.answer
    return item.title, " ".join((item.situation, *item.lines))


def _check_item(item: Advice | Question | Script, avoid: list[str]) -> list[ItemFinding]:
    kind = item.item_kind
    found: list[ItemFinding] = []

    def fail(check: str, message: str) -> None:
        found.append(ItemFinding(kind, item.id, check, message))

    title, body = _texts(item)
    text = f"{title}. {body}"
    young = Audience.YOUNG_PEOPLE in item.audiences
    # The ages of an item for adults are the child's, not the reader's: only children's own
    # text is held to the children's checks.
    children = (
        young
        and item.ages is not None
        and (item.ages.min is None or item.ages.min < CHILDREN_UNDER)
    )
    resources = getattr(item, "resources", ())
    if RISK_TOPICS & set(item.topics) and not (item.needs or resources):
        fail("risk-has-help", "is about a risk but names no help (needs or resources)")
    statement_of_law = not young and LAW_TOPICS & set(item.topics)
    if RISK_WORDS.search(text) and not ACTION_WORDS.search(text) and not statement_of_law:
        fail("risk-has-action", "names a risk but says nothing to do about it")
    for word in avoided_words(text, avoid):
        fail("terminology", f"uses {word!r}, which the glossary says to avoid")
    lead = first_sentence(body)
    if young and ILLEGALITY.search(lead):
        fail("young-people-lead", f"leads with the law: {lead!r}")
    if children and CRIME_OR_POLICE.search(lead):
        fail("children-first-sentence", f"mentions crime or the police first: {lead!r}")
    for behaviour, words in refused_behaviours(text):
        fail("victim-blaming", f"{words!r}: {behaviour.reason}")
    grade = reading_grade(body)
    if children and grade > CHILDREN_MAX_GRADE:
        fail(
            "children-reading-grade",
            f"reading grade {grade:.1f} is above {CHILDREN_MAX_GRADE:g} for children under "
            f"{CHILDREN_UNDER}; use shorter sentences and words",
        )
    elif young and grade > YOUNG_PEOPLE_MAX_GRADE:
        fail(
            "reading-grade",
            f"reading grade {grade:.1f} is above {YOUNG_PEOPLE_MAX_GRADE:g} for young people; "
            "use shorter sentences and words",
        )
    for part in (title, body):
        found += [
            ItemFinding(kind, item.id, "wording", f"{f.match!r}: {f.rule.reason}")
            for f in check_wording(part, for_young_people=young)
        ]
    return found


def points_to_help(advice: Advice) -> bool:
    """Return True when *advice* names a need (resolved per country) or a service it is about."""
    return bool(advice.needs or advice.resources)

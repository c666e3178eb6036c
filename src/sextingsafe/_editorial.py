"""Editorial checks for content: safe-messaging wording, reading level, review dates.

They run over the bundled content as tests, and ``sextingsafe validate`` runs them over a pack.
Each rule carries the reason for it, so the docs can list them (see the safe-messaging page).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, NamedTuple

from ._enums import Topic

if TYPE_CHECKING:
    from ._model import Advice

__all__ = [
    "REVIEW_PERIOD",
    "RISK_TOPICS",
    "RULES",
    "YOUNG_PEOPLE_MAX_GRADE",
    "Finding",
    "Rule",
    "check_wording",
    "points_to_help",
    "reading_grade",
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


def points_to_help(advice: Advice) -> bool:
    """Return True when *advice* names a need (resolved per country) or a service it is about."""
    return bool(advice.needs or advice.resources)

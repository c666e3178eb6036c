"""Numbers in translations: what may be rewritten for the reader, and what must stay as it is.

A number to dial or type (a phone number, a short code, a link) is copied exactly, in Latin
digits: a reader who sees ٠٨٠٠ cannot type it, and a retyped digit sends a child to the wrong
service. A time of day is written in the locale's own clock ("14 h", "14 Uhr", "14:00" for
2pm), and never as a bare 12-hour hour on a 24-hour clock ("2 h" reads as 2 a.m. in French).
Every other number (an age, a year) must have the source's value, in any digits.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

__all__ = ["number_faults"]

# A run of digits (in any script) joined by the separators phone numbers use.
# Brackets only as a whole group, "(61) 99611-0100" or "+44 (0)20": a bracket that closes a
# phrase ("2021) 18") does not join two numbers.
_DIAL_RUN = re.compile(r"\+?(?:\(\d+\)[ -]?)?\d(?:[\d \-]|\(\d+\))*\d|\+?\d")
_YEARS = re.compile(r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?|\d{4}-\d\d-\d\d")
_LINK = re.compile(
    r"https?://[^\s<>\"'»)]+[^\s<>\"'»).,;:!?]"
    r"|(?<![\w@.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[a-z]{2,}(?![\w-])(?!\.\w)"
    r"(?:/[^\s<>\"'»)]*[\w/])?",
    re.ASCII,
)
_TIME = re.compile(
    r"\b(\d{1,2})(?:[:.](\d\d))?\s*(a\.?m\.?|p\.?m\.?|noon|midday|midnight)(?![a-z])",
    re.IGNORECASE | re.ASCII,
)
_NUMBER = re.compile(r"\d+")


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)


def dial_runs(text: str) -> list[str]:
    """Return the phone numbers and codes in *text*: digit runs a reader would dial or type.

    A run is one when it starts with ``+``, or has at least three digits and is not a year,
    a range of years or an ISO date. A bare age or hour (one or two digits) is not.
    """
    runs = []
    for match in _DIAL_RUN.finditer(text):
        run = match.group().strip(" -")
        if run.count("(") != run.count(")"):
            run = run.strip("()").strip()
        if run.startswith("(") and run.endswith(")") and run.count("(") == 1:
            # A number in brackets, "Triple Zero (000)": the brackets are the sentence's
            # punctuation, which a language may write its own way (（000）).
            run = run[1:-1].strip()
        digits = sum(c.isdigit() for c in run)
        if digits >= 3 and (run.startswith("+") or not _YEARS.fullmatch(_ascii_digits(run))):
            runs.append(run)
    return runs


def links(text: str) -> list[str]:
    """Return the web addresses and domain names in *text* (``childline.org.uk``)."""
    return [m.group() for m in _LINK.finditer(text)]


@cache
def _clock24(locale: str) -> bool:
    """Return whether *locale* writes times on a 24-hour clock (CLDR's short time format)."""
    from babel import Locale, UnknownLocaleError

    from ._i18n import WRITTEN_IN

    try:
        pattern = Locale.parse(WRITTEN_IN.get(locale, locale)).time_formats["short"].pattern
    except (UnknownLocaleError, ValueError, KeyError):
        return False
    return "H" in pattern or "k" in pattern


def _times(source: str) -> list[tuple[int, int, int]]:
    """Return ``(hour as written, hour on a 24-hour clock, minutes)`` per time in *source*."""
    found = []
    for match in _TIME.finditer(source):
        hour, minutes, mark = int(match.group(1)), int(match.group(2) or 0), match.group(3).lower()
        if mark in {"noon", "midday"}:
            hour24 = 12
        elif mark == "midnight":
            hour24 = 0
        elif mark.startswith("p"):
            hour24 = hour % 12 + 12
        else:
            hour24 = hour % 12
        found.append((hour, hour24, minutes))
    return found


def _numbers(text: str) -> Counter[str]:
    # Compare numbers whatever digits they are written in (١٨ is 18), without leading zeros.
    return Counter(str(int(n)) for n in _NUMBER.findall(_ascii_digits(text)))


def _without(text: str, runs: list[str]) -> str:
    for run in runs:
        text = text.replace(run, " ", 1)
    return text


def number_faults(locale: str, source: str, translation: str) -> list[str]:
    """Return what is wrong with the numbers of *translation*, one sentence per fault."""
    faults = [
        f"the number to dial {run!r} must be written in Latin digits, as {_ascii_digits(run)!r}"
        for run in dial_runs(translation)
        if not run.isascii()
    ]
    faults += [
        f"the number {run!r} must appear exactly as in the source"
        for run in dial_runs(source)
        if _ascii_digits(run) not in _ascii_digits(translation)
    ]
    faults += [
        f"the address {link!r} must appear exactly as in the source"
        for link in links(source)
        if link.lower() not in translation.lower()
    ]
    # Numbers to dial are checked above, as a whole; the rest compare by value.
    wanted = _numbers(_without(source, dial_runs(source)))
    got = _numbers(_without(translation, dial_runs(translation)))
    times = _times(source)
    for hour, _, minutes in times:
        wanted[str(hour)] -= 1
        if minutes:
            wanted[str(minutes)] -= 1
    for hour, hour24, minutes in times:
        allowed = [str(hour24)] if _clock24(locale) else [str(hour24), str(hour)]
        if hour24 == 0:
            allowed.append("24")
        taken = next((h for h in allowed if got[h] > wanted[h]), None)
        if taken is None:
            if hour != hour24 and got[str(hour)] > wanted[str(hour)]:
                faults.append(
                    f"{hour} reads as {hour}:00 in the morning on the 24-hour clock of "
                    f"{locale}; write {hour24} for {hour}pm"
                )
                got[str(hour)] -= 1
                continue
            faults.append(f"the time {hour24:02d}:{minutes:02d} is missing or changed")
            continue
        got[taken] -= 1
        if got[str(minutes)] > wanted[str(minutes)]:
            got[str(minutes)] -= 1
    wanted, got = +wanted, +got
    if wanted != got:
        faults.append(
            f"numbers {sorted(got.elements(), key=int)} differ from the source's "
            f"{sorted(wanted.elements(), key=int)}"
        )
    return faults

"""Left-to-right runs inside right-to-left text: phone numbers, addresses and Latin-script names.

In Arabic, Persian or Urdu text, the Unicode bidirectional algorithm lays out each run of
digits on its own, so ``(61) 99611-0100`` shows as ``99611-0100 (61)``, and a name such as
"Take It Down" can swap places with the number beside it. Every output isolates such runs:
HTML with ``<bdi dir="ltr">``, plain text with LEFT-TO-RIGHT ISOLATE (U+2066) and POP
DIRECTIONAL ISOLATE (U+2069), the Sphinx pages with a ``dir="ltr"`` span. No catalogue needs
hand-placed direction marks.
"""

from __future__ import annotations

import re

__all__ = ["LRI", "PDI", "isolate", "ltr_segments"]

#: LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE: a run between them is laid out on its own.
LRI, PDI = "\u2066", "\u2069"

_LATIN = "A-Za-z\u00c0-\u024f"
# A run that starts with a Latin letter, a digit, "+" or "(", goes on through Latin letters,
# digits and the punctuation of names, numbers and addresses, and ends on a letter, a digit,
# a closing bracket or a slash.
_RUN = re.compile(
    rf"[+(]?[0-9{_LATIN}](?:[0-9{_LATIN} .,'’&/:@_+()#=?%-]*[0-9{_LATIN})/])?",
)
_LETTER = re.compile(rf"[{_LATIN}]")
_DIGIT = re.compile(r"[0-9]")


def _needs_isolating(run: str) -> bool:
    # A name or address (any Latin letter), or a number to dial (three digits or more with
    # a separator, or starting with + or a bracket). A bare number (an age, a year) is laid
    # out correctly on its own.
    if _LETTER.search(run):
        return True
    digits = len(_DIGIT.findall(run))
    return digits >= 3 and (run[0] in "+(" or not run.isdigit())


def ltr_segments(text: str) -> list[tuple[str, bool]]:
    """Split *text* into ``(piece, is_ltr_run)`` pairs, in order; joined, they are *text*.

    Only the runs to isolate are marked: Latin-script words and names, web addresses and
    numbers to dial. A run keeps its brackets balanced: an unmatched closing bracket stays out.
    """
    segments: list[tuple[str, bool]] = []
    position = 0
    for match in _RUN.finditer(text):
        run = match.group()
        start, end = match.start(), match.end()
        while run.endswith(")") and run.count(")") > run.count("("):
            run, end = run[:-1], end - 1
        run = run.rstrip(" .,'’&:@_+(#=?%-")
        end = start + len(run)
        if not run or not _needs_isolating(run):
            continue
        if start > position:
            segments.append((text[position:start], False))
        segments.append((run, True))
        position = end
    if position < len(text):
        segments.append((text[position:], False))
    return segments


def isolate(text: str, direction: str) -> str:
    """Return *text* with each left-to-right run isolated for plain-text output.

    Text that is not right to left is returned unchanged.
    """
    if direction != "rtl":
        return text
    return "".join(f"{LRI}{piece}{PDI}" if ltr else piece for piece, ltr in ltr_segments(text))

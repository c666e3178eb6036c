"""The command line's ``glossary``, ``faq`` and ``scripts`` commands, and how it prints them."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._reference import Question, Script, Term

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from ._catalogue import Catalogue
    from ._localized import LocalizedText

__all__ = ["COMMANDS", "add_commands", "print_reference", "select"]

#: The commands this module adds.
COMMANDS = ("glossary", "faq", "scripts")


def add_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    topics: Mapping[str, Any],
    audiences: Mapping[str, Any],
    reader_options: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add the ``glossary``, ``faq`` and ``scripts`` commands to *sub*.

    *topics* and *audiences* are the options' settings, as on ``advice``: a metavar and help
    listing the values, not argparse choices, so that the library checks a value and a typo gets
    one line with the nearest values (status 1), not a usage message (status 2).
    *reader_options* adds the reader's country, age and time, as on ``advice``: the age picks
    the content, and all of them the help shown with it.
    """
    glossary = sub.add_parser(
        "glossary", parents=[common], help="the words we use, and the words to avoid"
    )
    glossary.add_argument("--topic", **topics)
    glossary.add_argument("--jurisdiction", help="ISO 3166 code, e.g. GB or GB-SCT")
    faq = sub.add_parser("faq", parents=[common], help="questions people ask, with answers")
    scripts = sub.add_parser(
        "scripts", parents=[common], help="what to say in a hard conversation, step by step"
    )
    for parser, who in ((faq, "who asks"), (scripts, "who speaks")):
        parser.add_argument("--audience", **{**audiences, "help": f"{who}: {audiences['help']}"})
        parser.add_argument("--topic", **topics)
        parser.add_argument("--jurisdiction", help="ISO 3166 code, e.g. GB or GB-SCT")
        reader_options(parser)


def select(catalogue: Catalogue, args: argparse.Namespace) -> Sequence[Term | Question | Script]:
    """Return the items a ``glossary``, ``faq`` or ``scripts`` command asks for.

    Raises:
        InvalidFilterError: A filter value is outside its documented set.
    """
    if args.command == "glossary":
        return catalogue.glossary.select(topic=args.topic, jurisdiction=args.jurisdiction)
    collection = catalogue.faq if args.command == "faq" else catalogue.scripts
    return collection.select(
        audience=args.audience, topic=args.topic, jurisdiction=args.jurisdiction, age=args.age
    )


def print_reference(
    item: Term | Question | Script, locale: str | None, say: Callable[[str], None]
) -> list[LocalizedText]:
    """Print a term, a question or a script in *locale*, one line at a time through *say*.

    Returns the texts shown, for the caller to say when they are unreviewed or fell back.
    """
    if isinstance(item, Term):
        term = item.localize(locale)
        say(f"{term.term}: {term.definition}")
        if term.usage is not None:
            say(f"  {term.usage}")
        return [term.term, term.definition, *([term.usage] if term.usage else [])]
    if isinstance(item, Question):
        question = item.localize(locale)
        say(f"{question.question}\n\n{question.answer}")
        return [question.question, question.answer]
    script = item.localize(locale)
    say(f"{script.title}\n\n{script.situation}\n")
    for number, line in enumerate(script.lines, start=1):
        say(f"  {number}. {line}")
    return [script.title, script.situation, *script.lines]

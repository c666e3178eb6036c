"""The exception classes: one base, each also the stdlib type an app would expect."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "ContentNotFoundError",
    "InvalidFilterError",
    "InvalidLocaleError",
    "PackError",
    "PackProblem",
    "SextingsafeError",
]


class SextingsafeError(Exception):
    """Base class of every error that sextingsafe raises on purpose."""


class ContentNotFoundError(SextingsafeError, KeyError):
    """No item of this kind has the requested id.

    Args:
        kind: The kind of item looked for (``"fact"``, ``"advice"``, ...).
        id: The id that was asked for.
        suggestions: The closest existing ids, best first.
    """

    def __init__(
        self,
        kind: str,
        id: str,  # noqa: A002
        suggestions: Sequence[str] = (),
        message: str | None = None,
    ) -> None:
        self.kind = kind
        self.id = id
        self.suggestions = tuple(suggestions)
        self._message = message
        if message is None:
            message = f"no {kind} with id {id!r}"
            if self.suggestions:
                message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError.__str__ would repr() the whole message, adding quotes.
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.kind, self.id, self.suggestions, self._message))


class InvalidLocaleError(SextingsafeError, ValueError):
    """A locale identifier or an Accept-Language header is malformed.

    A well-formed locale that sextingsafe has no translation for is *not* an error:
    it falls back to a supported locale and the result says so.

    Args:
        value: The input, as given.
        reason: What was expected instead.
    """

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(f"invalid locale {value!r}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.value, self.reason))


class InvalidFilterError(SextingsafeError, ValueError):
    """A ``select()`` filter has a value outside its documented set.

    Args:
        name: The filter's name, such as ``"topic"``.
        value: The value given.
        expected: A description of the accepted values.
        suggestions: The values meant most likely, best first (``"GB"`` for ``"UK"``).
    """

    def __init__(
        self, name: str, value: object, expected: str, suggestions: Sequence[str] = ()
    ) -> None:
        self.name = name
        self.value = value
        self.expected = expected
        self.suggestions = tuple(suggestions)
        message = f"invalid {name} {value!r}: expected {expected}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.name, self.value, self.expected, self.suggestions))


def _printable(text: str) -> str:
    # One problem is one line: a newline from a pack would forge another FILE:LINE line.
    return "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text)


class PackProblem:
    """One problem found in a content pack: where it is and what is wrong.

    Args:
        path: The file, relative to the pack where possible.
        line: The 1-based line, or 0 when the problem concerns the whole file.
        message: What is wrong and what was expected.
    """

    __slots__ = ("line", "message", "path")
    path: str
    line: int
    message: str

    def __init__(self, path: str, line: int, message: str) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "message", message)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"PackProblem is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"PackProblem is immutable; cannot delete {name!r}")

    def __str__(self) -> str:
        # File names and messages come from the pack: escape what a terminal would act on.
        path, message = _printable(self.path), _printable(self.message)
        return f"{path}:{self.line}: {message}" if self.line else f"{path}: {message}"

    def __repr__(self) -> str:
        return f"PackProblem({self.path!r}, {self.line!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PackProblem):
            return NotImplemented
        return (self.path, self.line, self.message) == (other.path, other.line, other.message)

    def __hash__(self) -> int:
        return hash((self.path, self.line, self.message))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.line, self.message))


class PackError(SextingsafeError, ValueError):
    """A content pack was rejected whole; :attr:`problems` lists every problem found.

    Args:
        pack: The pack's path or name.
        problems: Every problem, each with its file and line.
    """

    def __init__(self, pack: str, problems: Iterable[PackProblem]) -> None:
        self.pack = pack
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"content pack {pack!r} was rejected: {count} {noun}\n{lines}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.pack, self.problems))


# Shown as `sextingsafe.ContentNotFoundError` in tracebacks and reprs, where apps import them from.
for _cls in (
    ContentNotFoundError,
    InvalidFilterError,
    InvalidLocaleError,
    PackError,
    PackProblem,
    SextingsafeError,
):
    _cls.__module__ = "sextingsafe"
del _cls

"""The exception classes: one base, each also the stdlib type an app would catch."""

from __future__ import annotations

import pickle

import pytest

from sextingsafe import (
    ContentNotFoundError,
    InvalidFilterError,
    InvalidLocaleError,
    PackError,
    PackProblem,
    SextingsafeError,
)


class TestHierarchy:
    """Every error is a SextingsafeError and also the builtin an app would expect."""

    @pytest.mark.parametrize(
        ("cls", "builtin"),
        [
            (ContentNotFoundError, KeyError),
            (InvalidLocaleError, ValueError),
            (InvalidFilterError, ValueError),
            (PackError, ValueError),
        ],
    )
    def test_subclasses(self, cls: type[Exception], builtin: type[Exception]) -> None:
        """Each error derives from both SextingsafeError and its builtin counterpart."""
        assert issubclass(cls, SextingsafeError)
        assert issubclass(cls, builtin)

    def test_base_is_an_exception(self) -> None:
        """SextingsafeError is an Exception, so `except Exception` still catches everything."""
        assert issubclass(SextingsafeError, Exception)

    @pytest.mark.parametrize(
        "error",
        [
            ContentNotFoundError("advice", "x", ["y"]),
            InvalidLocaleError("en GB", "expected a tag"),
            InvalidFilterError("topic", "gossip", "one of 'support'"),
            PackError("p", [PackProblem("p/a.toml", 1, "bad")]),
        ],
        ids=lambda e: type(e).__name__,
    )
    def test_survives_pickling(self, error: SextingsafeError) -> None:
        """An error crosses a process boundary (multiprocessing, concurrent.futures) intact.

        Exceptions are pickled as ``cls(*args)``; one whose ``__init__`` takes other
        arguments than its ``args`` cannot be unpickled, and a worker's error is lost.
        """
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own data

        assert type(error) is type(copy)
        assert str(error) == str(copy)
        assert vars(error) == vars(copy)


class TestContentNotFoundError:
    """ContentNotFoundError names the id and the nearest ids."""

    def test_message_with_suggestions(self) -> None:
        """The message names the kind, the id and every suggestion, without KeyError's quotes."""
        error = ContentNotFoundError("advice", "you-can-say-n", ["you-can-say-no", "say-no"])

        assert "no advice with id 'you-can-say-n'; did you mean 'you-can-say-no', 'say-no'?" == str(
            error
        )
        assert ("advice", "you-can-say-n", ("you-can-say-no", "say-no")) == (
            error.kind,
            error.id,
            error.suggestions,
        )

    def test_message_without_suggestions(self) -> None:
        """With nothing close, the message just names the kind and the id."""
        assert "no fact with id 'x'" == str(ContentNotFoundError("fact", "x"))

    def test_caught_as_key_error(self) -> None:
        """Code written for a dict (`except KeyError`) catches it."""
        with pytest.raises(KeyError):
            raise ContentNotFoundError("quote", "nope")


class TestInvalidLocaleError:
    """InvalidLocaleError quotes the input."""

    def test_quotes_input(self) -> None:
        """The message quotes the value as given (repr) and says what was expected."""
        error = InvalidLocaleError("en GB", "expected a tag")

        assert "invalid locale 'en GB': expected a tag" == str(error)
        assert ("en GB", "expected a tag") == (error.value, error.reason)


class TestInvalidFilterError:
    """InvalidFilterError names the filter, the value and what is accepted."""

    def test_message(self) -> None:
        """The message carries the filter's name, the bad value and the accepted values."""
        error = InvalidFilterError("topic", "gossip", "one of 'support'")

        assert "invalid topic 'gossip': expected one of 'support'" == str(error)
        assert ("topic", "gossip", "one of 'support'") == (error.name, error.value, error.expected)


class TestPackProblem:
    """PackProblem: where a problem is and what it is."""

    def test_str_with_line(self) -> None:
        """A problem on a line reads `path:line: message`, like a compiler's."""
        assert "p/facts.toml:3: bad" == str(PackProblem("p/facts.toml", 3, "bad"))

    def test_str_without_line(self) -> None:
        """A problem with the whole file (line 0) reads `path: message`."""
        assert "p/extra.toml: unknown" == str(PackProblem("p/extra.toml", 0, "unknown"))

    def test_value_semantics(self) -> None:
        """Problems with the same path, line and message are equal and hash alike."""
        one, two = PackProblem("a", 1, "m"), PackProblem("a", 1, "m")

        assert one == two
        assert hash(one) == hash(two)
        assert PackProblem("a", 2, "m") != one
        assert "PackProblem('a', 1, 'm')" == repr(one)


class TestPackError:
    """PackError lists every problem."""

    def test_lists_every_problem(self) -> None:
        """The message counts the problems and shows each one on its own line."""
        problems = [PackProblem("p/a.toml", 1, "first"), PackProblem("p/b.toml", 0, "second")]
        error = PackError("p", problems)

        assert tuple(problems) == error.problems
        assert (
            "content pack 'p' was rejected: 2 problems\n  p/a.toml:1: first\n  p/b.toml: second"
            == str(error)
        )

    def test_singular(self) -> None:
        """One problem is counted as '1 problem'."""
        error = PackError("p", [PackProblem("p/a.toml", 1, "only")])

        assert str(error).startswith("content pack 'p' was rejected: 1 problem\n")

"""Where a pack's problems are: the line finder that tomllib does not give us.

A problem names its file and line, so the scanner must tell a ``[[table]]`` header or a key from
the same characters inside a string, across TOML's four kinds of string.
"""

from __future__ import annotations

import pytest

from sextingsafe._packs import _deepest_line, _key_line, _Lines, _Record, _string_state

TRIPLE, LITERAL_TRIPLE = '"""', "'''"


class TestStringState:
    """_string_state(): the multi-line string left open, and whether the line began outside one."""

    @pytest.mark.parametrize(
        ("line", "state", "expected"),
        [
            ('a = "x # y" # c """', "", ("", True)),  # quotes in a comment do not count
            ('a = """start', "", (TRIPLE, True)),
            ('"""', "", (TRIPLE, True)),
            ("a = '''x", "", (LITERAL_TRIPLE, True)),
            ('a = """"""', "", ("", True)),  # opened and closed on one line
            ('"""', TRIPLE, ("", False)),  # closed at the very start of a line
            ("x\"\"\"'''", TRIPLE, (LITERAL_TRIPLE, False)),  # closed, then another opened
            ('a""" b = """', TRIPLE, (TRIPLE, False)),
            ("", LITERAL_TRIPLE, (LITERAL_TRIPLE, False)),
            # Basic strings: an escaped quote does not end one; a backslash escapes one character.
            ("a = \"\\\"'''\"", "", ("", True)),
            ("a = \"\\\\\" '''", "", (LITERAL_TRIPLE, True)),
            ("a = \"abc\" '''", "", (LITERAL_TRIPLE, True)),
            ("a = \"x\"'''", "", (LITERAL_TRIPLE, True)),
            ("a = \"\"'''", "", (LITERAL_TRIPLE, True)),
            ('a = "abc', "", ("", True)),  # unterminated: ends with the line
            # Literal strings: no escapes, and nothing inside them counts.
            ('a = \'x"""\'', "", ("", True)),
            ("a = 'x' '''", "", (LITERAL_TRIPLE, True)),
            ("a = '' '''", "", (LITERAL_TRIPLE, True)),
            ('a = \'x\'"""', "", (TRIPLE, True)),
            ("a = 'abc", "", ("", True)),
        ],
    )
    def test_state(self, line: str, state: str, expected: tuple[str, bool]) -> None:
        """Each kind of string is skipped exactly to its end."""
        assert expected == _string_state(line, state)


class TestPositions:
    """_Lines, _Record and _key_line: a record's header and key lines, 0 where unknown."""

    TEXT = '[[advice]]\nid = "a"\ntitle = "T"\n\n[[advice]]\nid = "b"\n'

    def test_position(self) -> None:
        """Each header's line with its keys' lines; (0, {}) past the last or for another table."""
        lines = _Lines(self.TEXT)

        assert (1, {"id": 2, "title": 3}) == lines.position("advice", 0)
        assert (5, {"id": 6}) == lines.position("advice", 1)
        assert (0, {}) == lines.position("advice", 2)
        assert (0, {}) == lines.position("advice", 3)
        assert (0, {}) == lines.position("fact", 0)

    def test_equality(self) -> None:
        """Two indexes of one text are equal; an index is not its text."""
        assert _Lines(self.TEXT) == _Lines(self.TEXT)
        assert _Lines(self.TEXT) != _Lines("")
        assert _Lines(self.TEXT) != self.TEXT

    def test_line_of(self) -> None:
        """A key's own line, or the record's header where the key is not written."""
        record = _Record("advice", {}, "advice.toml", 0, _Lines(self.TEXT), 1)

        assert (5, 6, 5) == (record.line, record.line_of("id"), record.line_of("title"))
        assert 7 == _Record("advice", {}, "export.json", fixed_line=7).line_of("id")

    def test_key_line(self) -> None:
        """The first line setting a key, 0 where none does."""
        assert 3 == _key_line(self.TEXT, "title")
        assert 0 == _key_line(self.TEXT, "name")


class TestDeepestLine:
    """_deepest_line(): the line to report for a value nested too deeply."""

    @pytest.mark.parametrize(
        ("text", "line"),
        [
            ("a = 1\nb = " + "[" * 101, 2),
            ("b = " + "[" * 100, 0),  # 100 levels are allowed
            ("a = [" + "[1], " * 120 + "]", 0),  # many brackets, never deep
            ("a = {" + "b." * 101 + "c = 1}", 1),  # dotted keys nest too
            ('a = "' + "X" * 150 + '"', 0),
            ("XXXXX = " + "[" * 101, 1),
        ],
    )
    def test_line(self, text: str, line: int) -> None:
        """The first line deeper than the limit, or 0."""
        assert line == _deepest_line(text)

"""Validators and converters for the content model's fields.

Each names the field it checks and says what was expected, so that a pack author reading a
problem knows what to write instead.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any, TypeVar

from ._enums import Audience, ChannelKind, Confidence, Need, ResourceKind, SourceKind, Topic

E = TypeVar("E", bound=enum.Enum)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# URL characters only (RFC 3986, with % escapes): no quotes, angle brackets or bidi controls.
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
_HTTPS = re.compile(rf"https://[A-Za-z0-9.-]+\.[A-Za-z]{{2,}}(?::[0-9]+)?(?:[/?#]{_URL_CHARS}*)?\Z")
# C0 and C1 control characters other than tab and newline: they reach terminals raw.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_REGION = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?\Z")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")


def _slug(_inst: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not _SLUG.match(value):
        raise ValueError(
            f"{attribute.name} must be a kebab-case slug like 'report-remove', got {value!r}"
        )


def _text(_inst: object, attribute: Any, value: Any) -> None:
    stripped = value.strip() if isinstance(value, str) else ""
    if not stripped:
        raise ValueError(f"{attribute.name} must be non-empty text, got {value!r}")
    if value != stripped:
        raise ValueError(f"{attribute.name} must not start or end with white space, got {value!r}")
    control = _CONTROL.search(value)
    if control:
        raise ValueError(f"{attribute.name} contains the control character {control.group(0)!r}")


def _optional_string(inst: object, attribute: Any, value: Any) -> None:
    if value is not None:
        _text(inst, attribute, value)


def _optional_text(inst: object, attribute: Any, value: str) -> None:
    if value:
        _text(inst, attribute, value)


def _https(_inst: object, attribute: Any, value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not _HTTPS.match(value)):
        raise ValueError(f"{attribute.name} must be an https:// address or absent, got {value!r}")


def _regions(_inst: object, attribute: Any, value: Any) -> None:
    for code in value:
        if not isinstance(code, str) or not _REGION.match(code):
            raise ValueError(
                f"{attribute.name} must hold ISO 3166 codes such as 'GB' or 'GB-SCT', got {code!r}"
            )


def _countries(_inst: object, attribute: Any, value: Any) -> None:
    for code in value:
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}", code):
            raise ValueError(
                f"{attribute.name} must hold ISO 3166-1 alpha-2 codes such as 'GB', got {code!r}"
            )


def _boolean(_inst: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be true or false, got {value!r}")


def _language(_inst: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        raise ValueError(
            f"{attribute.name} must be a language tag such as 'en' or 'pt-BR', got {value!r}"
        )


def _days(_inst: object, attribute: Any, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(
            f"{attribute.name} must be a whole number of days, 0 or more, got {value!r}"
        )


def _nonempty(_inst: object, attribute: Any, value: tuple[object, ...]) -> None:
    if not value:
        raise ValueError(f"{attribute.name} must list at least one entry")


def _as_tuple(value: Any) -> tuple[Any, ...]:
    # Exact types first: this runs for every list of every record loaded.
    kind = type(value)
    if kind is tuple:
        return value  # type: ignore[no-any-return]
    if kind is list or isinstance(value, list | tuple):
        return tuple(value)
    raise TypeError(f"must be a list, got {value!r}")


def _members(enum_type: type[E], value: Any) -> tuple[E, ...]:
    # One comprehension over the value map: this runs for every list of every record loaded.
    members: Any = enum_type._value2member_map_
    if type(value) is list or isinstance(value, list | tuple):
        try:
            return tuple([members[item] for item in value])
        except (KeyError, TypeError):
            pass  # the slow path below names the bad value
    return tuple(_one_of(enum_type, item) for item in _as_tuple(value))


def _topics(value: Any) -> tuple[Topic, ...]:
    return _members(Topic, value)


def _audiences(value: Any) -> tuple[Audience, ...]:
    return _members(Audience, value)


def _needs(value: Any) -> tuple[Need, ...]:
    return _members(Need, value)


def _age(_inst: object, attribute: Any, value: Any) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 120
    ):
        raise ValueError(
            f"{attribute.name} must be a whole number of years from 0 to 120, or absent, "
            f"got {value!r}"
        )


def _one_of(enum_type: type[E], value: Any) -> E:
    # The enum's own value map: calling the enum costs ten times as much, per value, per load.
    try:
        member: E = enum_type._value2member_map_[value]  # type: ignore[assignment]
    except (KeyError, TypeError):
        expected = ", ".join(repr(m.value) for m in enum_type)
        raise ValueError(f"{value!r} is not one of {expected}") from None
    return member


def _source_kind(value: Any) -> SourceKind:
    return _one_of(SourceKind, value)


def _channel_kind(value: Any) -> ChannelKind:
    return _one_of(ChannelKind, value)


def _resource_kind(value: Any) -> ResourceKind:
    return _one_of(ResourceKind, value)


def _confidence(value: Any) -> Confidence:
    return _one_of(Confidence, value)


def _date(_inst: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise TypeError(f"{attribute.name} must be a date (YYYY-MM-DD), got {value!r}")

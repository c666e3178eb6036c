"""How to reach a resource and who may use it: channels, age ranges and removal-tool eligibility.

Every detail is data: a phone number is checked as a phone number and links are built from it,
hours are :class:`~sextingsafe._hours.Hours`, and each channel records the date of the newest
evidence for it (``as_of``), so that old evidence can be flagged. Unknown stays ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from attrs import field, frozen, validators

from ._enums import ChannelKind, Limit
from ._fields import _age, _as_tuple, _channel_kind, _date, _language, _members, _optional_string
from ._hours import Hours

__all__ = ["MAX_EVIDENCE_AGE", "AgeRange", "Channel", "Eligibility"]

#: How old the newest evidence for a detail may be before the detail is flagged stale: two years.
#: Helplines change numbers and hours rarely, but they do; evidence older than this needs a check.
MAX_EVIDENCE_AGE = dt.timedelta(days=730)

_PHONE = re.compile(r"\+?\(?[0-9](?:[0-9 ()-]*[0-9])?\Z")
_E164 = re.compile(r"\+[1-9][0-9]{6,14}\Z")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\Z")
_KEYWORD = re.compile(r"[A-Za-z0-9]{1,20}\Z")
_WEB_KINDS = frozenset({ChannelKind.CHAT, ChannelKind.WEB, ChannelKind.APP})
_NUMBER_KINDS = frozenset({ChannelKind.PHONE, ChannelKind.SMS, ChannelKind.WHATSAPP})


@frozen(kw_only=True)
class AgeRange:
    """An inclusive range of ages in years; either end may be open (``None``)."""

    min: int | None = field(default=None, validator=_age)
    max: int | None = field(default=None, validator=_age)

    def __attrs_post_init__(self) -> None:
        if self.min is None and self.max is None:
            raise ValueError("ages: give min, max or both")
        if self.min is not None and self.max is not None and self.max < self.min:
            raise ValueError(f"ages: max ({self.max}) is below min ({self.min})")

    def includes(self, age: int) -> bool:
        """Return True when *age* (in whole years) is within the range."""
        return (self.min is None or age >= self.min) and (self.max is None or age <= self.max)

    def __str__(self) -> str:
        if self.max is None:
            return f"{self.min}+"
        if self.min is None:
            return f"up to {self.max}"
        return f"{self.min}–{self.max}"


def _age_range(_inst: object, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, AgeRange):
        raise TypeError(f"{attribute.name} must be a table such as {{ min = 11, max = 17 }}")


def _hours(value: Any) -> Hours | None:
    if value is None or isinstance(value, Hours):
        return value
    if not isinstance(value, dict):
        raise TypeError(f"hours must be a table such as {{ always = true }}, got {value!r}")
    try:
        return Hours(**value)
    except TypeError as error:
        raise TypeError(f"hours: {error}") from None


def _optional_bool(_inst: object, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be true, false or absent (unknown), got {value!r}")


def _languages(_inst: object, attribute: Any, value: tuple[Any, ...]) -> None:
    for tag in value:
        _language(_inst, attribute, tag)


@frozen(kw_only=True)
class Channel:
    """One way to reach a resource, with what the sources say about it.

    :attr:`value` is absent where the sources give no address (a chat reached from the website).
    ``None`` in :attr:`hours`, :attr:`free` and :attr:`anonymous` means the sources do not say.
    """

    kind: ChannelKind = field(converter=_channel_kind)
    #: The number, short code, address or https:// page, checked for its kind.
    value: str | None = field(default=None, validator=_optional_string)
    #: For SMS: the word to send (``"SHOUT"``), where one is needed.
    keyword: str | None = field(default=None, validator=_optional_string)
    #: The number in E.164 form (``"+448001111"``), where it has one; short codes have none.
    e164: str | None = field(default=None, validator=_optional_string)
    #: BCP 47 tags of the languages the service answers in, where the sources say.
    languages: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_languages)
    hours: Hours | None = field(default=None, converter=_hours)
    free: bool | None = field(default=None, validator=_optional_bool)
    anonymous: bool | None = field(default=None, validator=_optional_bool)
    #: The date of the newest source supporting the value and hours; ``None`` if none is dated.
    as_of: dt.date | None = field(default=None, validator=validators.optional(_date))

    def __attrs_post_init__(self) -> None:
        value, kind = self.value, self.kind
        if value is not None:
            if kind in _NUMBER_KINDS and not _PHONE.match(value):
                raise ValueError(
                    f"value: a {kind.value} number has digits, spaces, '+', '(', ')' and '-' "
                    f"only, got {value!r}"
                )
            if kind is ChannelKind.EMAIL and not _EMAIL.match(value):
                raise ValueError(f"value: expected an email address, got {value!r}")
            if kind in _WEB_KINDS:
                from ._fields import _https

                try:
                    _https(self, _Named("value"), value)
                except ValueError:
                    # Named by kind, as numbers are: the author sees which channel is wrong.
                    article = "an" if kind.value[0] in "aeiou" else "a"
                    raise ValueError(
                        f"value: {article} {kind.value} channel's value must be an https:// "
                        f"address, got {value!r}"
                    ) from None
        if self.keyword is not None:
            if kind is not ChannelKind.SMS:
                raise ValueError(f"keyword: only an sms channel has a keyword, not {kind.value}")
            if not _KEYWORD.match(self.keyword):
                raise ValueError(f"keyword: expected letters and digits, got {self.keyword!r}")
        if self.e164 is not None:
            if kind not in _NUMBER_KINDS:
                raise ValueError(
                    f"e164: only a phone, sms or whatsapp channel has one, not {kind.value}"
                )
            if not _E164.match(self.e164):
                raise ValueError(f"e164: expected '+' and 7 to 15 digits, got {self.e164!r}")

    @property
    def dial(self) -> str | None:
        """The digits to dial or text: the E.164 number, else the local number without spaces."""
        if self.e164 is not None:
            return self.e164
        if self.value is None or self.kind not in _NUMBER_KINDS:
            return None
        return "".join(c for c in self.value if c.isdigit() or c == "+")

    @property
    def uri(self) -> str | None:
        """A link for the channel, or ``None`` when there is nothing to link to.

        ``tel:``, ``sms:`` (with the keyword as the body), ``mailto:``, a WhatsApp
        ``https://wa.me/`` link (E.164 only) or the https:// page.
        """
        kind, dial = self.kind, self.dial
        if kind is ChannelKind.PHONE and dial:
            return f"tel:{dial}"
        if kind is ChannelKind.SMS and dial:
            return f"sms:{dial}" + (f"?body={self.keyword}" if self.keyword else "")
        if kind is ChannelKind.WHATSAPP and self.e164:
            return f"https://wa.me/{self.e164[1:]}"
        if kind is ChannelKind.EMAIL and self.value:
            return f"mailto:{self.value}"
        if kind in _WEB_KINDS:
            return self.value
        return None

    def is_open(self, at: dt.datetime) -> bool | None:
        """Return whether the channel is open at the aware datetime *at*; ``None`` if unknown.

        Raises:
            TypeError: *at* is naive.
        """
        return None if self.hours is None else self.hours.is_open(at)

    def stale(self, on: dt.date) -> bool:
        """Return True when the channel's newest evidence is older than the limit on *on*.

        The limit is ``MAX_EVIDENCE_AGE`` (two years). Undated evidence is not stale: it is unknown.
        """
        return self.as_of is not None and on - self.as_of > MAX_EVIDENCE_AGE


class _Named:
    """Stands in for an attrs attribute in a validator's message."""

    def __init__(self, name: str) -> None:
        self.name = name


def _limits(value: Any) -> tuple[Limit, ...]:
    return _members(Limit, value)


def _taken_at(value: Any) -> AgeRange:
    if isinstance(value, AgeRange):
        return value
    if not isinstance(value, dict):
        raise TypeError(f"taken_at must be a table such as {{ max = 17 }}, got {value!r}")
    return AgeRange(**value)


@frozen(kw_only=True)
class Eligibility:
    """Who a removal tool can help, as data the code checks, and the limits to state with it.

    Where the tool may be used is the resource's ``countries``; the reader's own age is its
    ``ages``. This adds the age of the person in the image when it was taken, and the limits.
    """

    #: The age, when the image was taken, of the person in it (``{ max = 17 }``: under 18).
    taken_at: AgeRange = field(converter=_taken_at)
    #: What the tool cannot do; each is shown wherever the tool is offered.
    limits: tuple[Limit, ...] = field(default=(), converter=_limits)

    def allows(self, taken_at_age: int | None) -> bool:
        """Return True unless *taken_at_age* (when known) is outside :attr:`taken_at`."""
        return taken_at_age is None or self.taken_at.includes(taken_at_age)

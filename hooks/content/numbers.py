"""The figures in a sentence, and whether the words it cites hold them.

An option's answer may state a health number only if a finding it cites says it: "58 in 100"
must rest on a quote with 58 (58%, 58 per cent, 58 in 100), "5 to 7 sessions" on one with 5 and 7.
What counts as a number in a sentence the site writes:

- digits, with or without thousands commas or decimals: 7, 8,171, 10.26, 28.6% (the sign goes);
- the words two to twenty, the tens to ninety (with their units: "Forty-two" is 42), hundred
  and thousand;
- not 0 and 1, nor "one": they are the site's "a" ("1 in 5", "in one trial") and ratios' tops;
- not the scale of a rate or a score: the 100 of "in 100", "in every 100" and "out of 100", and
  the whole of "0 to 10" and "0 to 100" (a scale, not a result);
- not what a tel: or sms: link shows (a phone number), nor link addresses;
- not a number joined to letters or hyphens: names such as NG59, CG113, 4-7-8 or SSRIs.

A sentence's number matches a quote's number that is equal to it, or that rounds to it at the
sentence's precision (28.6% is "29 in 100", 10.26 points "10 points"). A year (1900 to 2099)
also matches the year in the cited source's citation ("A 2020 review").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# "Forty-two" is 42; otherwise each number word on its own.
_WORD = re.compile(rf"\b((?:{_TENS})[- ](?:{_UNITS})|" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# In a sentence we write: not part of a name (NG59, 4-7-8), not a decimal's second half.
_SENTENCE_NUMBER = re.compile(rf"(?<![\w.,\-\u2212\u2013])({_DIGITS})(?![\w\-]|[.,]\d)")
# In a quote: any figure at all, so a sentence is never refused for the way a source writes it.
_QUOTE_NUMBER = re.compile(rf"({_DIGITS})")
_PHONE_LINK = re.compile(r"\[[^\]]*\]\(\s*<?(?:tel|sms):[^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SCALE = re.compile(r"\b0 to 100?\b")
_RATE_BASE = re.compile(r"\b(in every|in|out of)\s+100\b", re.IGNORECASE)
_YEARS = (1900, 2099)


def _value(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def sentence_numbers(text: str) -> list[str]:
    """The figures a sentence states, as written ("8,171", "five"), in order."""
    text = _PHONE_LINK.sub(" ", text)
    text = _LINK.sub(lambda match: match.group(1), text)
    text = _SCALE.sub(" ", text)
    text = _RATE_BASE.sub(lambda match: match.group(1), text)
    found: list[tuple[int, str]] = []
    for match in _SENTENCE_NUMBER.finditer(text):
        if _value(match.group(1)) not in (0, 1):
            found.append((match.start(), match.group(1)))
    found.extend((match.start(), match.group(1)) for match in _WORD.finditer(text))
    return [shown for _, shown in sorted(found)]


def quote_numbers(text: str) -> set[Decimal]:
    """Every figure in a source's words, digits or words."""
    values = {_value(found) for found in _QUOTE_NUMBER.findall(text)}
    values.update(_word_value(word) for word in _WORD.findall(text))
    return values


def _word_value(word: str) -> Decimal:
    """ "Forty-two" -> 42, "five" -> 5."""
    parts = re.split(r"[- ]", word.lower())
    units = {"one": 1, **_WORDS}
    return Decimal(sum(units[part] for part in parts))


def as_value(shown: str) -> Decimal:
    """A figure as written in a sentence ("8,171", "Five", "forty-two") as a number."""
    return _word_value(shown) if _WORD.fullmatch(shown) else _value(shown)


def _rounds_to(candidate: Decimal, stated: Decimal) -> bool:
    """28.6 rounds to 29, 10.26 to 10: a figure the sentence gives to fewer places than the quote."""
    exponent = stated.as_tuple().exponent
    places = max(-exponent, 0) if isinstance(exponent, int) else 0
    return candidate.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == stated


def is_supported(shown: str, quotes: Iterable[str], citations: Iterable[str] = ()) -> bool:
    """Whether the figure `shown` is in one of the `quotes`, or is a year in one of the `citations`."""
    stated = as_value(shown)
    values = set().union(*(quote_numbers(quote) for quote in quotes))
    if any(_rounds_to(value, stated) for value in values):
        return True
    if _YEARS[0] <= stated <= _YEARS[1] and stated == stated.to_integral_value():
        return any(re.search(rf"\b{int(stated)}\b", citation) for citation in citations)
    return False


def unsupported_numbers(text: str, quotes: Iterable[str], citations: Iterable[str] = ()) -> list[str]:
    """The figures of `text` that none of the `quotes` holds, as written, in order."""
    quotes, citations = list(quotes), list(citations)
    return [shown for shown in sentence_numbers(text) if not is_supported(shown, quotes, citations)]

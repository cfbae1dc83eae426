"""Calendar arithmetic for anchoring partial dates to a publication date.

`direction` is "past" (news reports what happened: the nearest past, the anchor day included),
"future" (the sentence speaks in the future tense) or "either" (no tense: the nearest one).
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _cal.monthrange(year, month)[1]


def _pick(candidates: list[date], anchor: date, direction: str) -> date | None:
    if not candidates:
        return None
    if direction == "past":
        past = [c for c in candidates if c <= anchor]
        return max(past) if past else min(candidates)
    if direction == "future":
        future = [c for c in candidates if c >= anchor]
        return min(future) if future else max(candidates)
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))


def day_month(anchor: date, month: int, day: int, direction: str) -> date | None:
    """A day and month without a year: the occurrence nearest to the anchor in `direction`."""
    candidates = [date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if valid_day(y, month, day)]
    return _pick(candidates, anchor, direction)


def month_only(anchor: date, month: int, direction: str) -> tuple[int, int]:
    candidates = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    month_anchor = anchor.replace(day=1)
    chosen = _pick(candidates, month_anchor, direction)
    assert chosen is not None
    return chosen.year, chosen.month


def weekday(anchor: date, target: int, direction: str, week_shift: int | None = None) -> date:
    """A weekday (0 = Monday). With `week_shift` (-1 last, 0 this, +1 next) the ISO week decides."""
    if week_shift is not None:
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=week_shift)
        return monday + timedelta(days=target)
    back = anchor - timedelta(days=(anchor.weekday() - target) % 7)
    ahead = anchor + timedelta(days=(target - anchor.weekday()) % 7)
    chosen = _pick([back, ahead], anchor, direction)
    assert chosen is not None
    return chosen


def season(anchor: date, code: str, direction: str) -> str:
    """A season without a year; winter is labelled by the year of its January."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        months = SEASON_MONTHS[code]
        first = date(year - 1, 12, 1) if code == "WI" else date(year, months[0], 1)
        last_month_year = year
        last = date(last_month_year, months[-1], _cal.monthrange(last_month_year, months[-1])[1])
        if first <= anchor <= last:
            return f"{year}-{code}"
        candidates.append((first, last, year))
    if direction == "future":
        upcoming = [c for c in candidates if c[0] > anchor]
        return f"{min(upcoming)[2]}-{code}"
    past = [c for c in candidates if c[1] < anchor]
    return f"{max(past)[2]}-{code}"


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def shifted(anchor: date, unit: str, n: float) -> str:
    """The anchor moved by n units, written at the unit's granularity (TIMEX3 style)."""
    if unit == "D":
        return (anchor + timedelta(days=round(n))).isoformat()
    if unit == "W":
        return iso_week(anchor + timedelta(weeks=round(n)))
    if unit == "M":
        y, m = add_months(anchor.year, anchor.month, round(n))
        return f"{y:04d}-{m:02d}"
    if unit == "Y":
        return f"{anchor.year + round(n):04d}"
    if unit == "DE":
        return f"{(anchor.year + round(10 * n)) // 10:03d}"
    if unit == "CE":
        return f"{(anchor.year + round(100 * n)) // 100:02d}"
    raise ValueError(f"unknown unit {unit!r}")


def two_digit_year(yy: int, anchor: date) -> int:
    return 2000 + yy if yy <= anchor.year % 100 else 1900 + yy


ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "х": 10, "і": 1}


def roman_to_int(text: str) -> int | None:
    values = [ROMAN.get(ch) for ch in text.lower()]
    if not values or None in values:
        return None
    total = 0
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return total

"""Find temporal expressions and normalise them to TIMEX3 values anchored to the publication date.

See docs/timex.md for the value conventions. The entry point is `find_timexes`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from khronika.extraction.dates import calendar as cal
from khronika.extraction.dates.grammar import Grammar, grammar_for
from khronika.extraction.dates.lexicon import fold
from khronika.model import Timex

Direction = Callable[[int, int], str]  # character span -> "past" | "future" | "either"

SUPPORTED = ("uk", "ru", "en")


@dataclass
class Found:
    start: int
    end: int
    value: str
    type: str = "DATE"
    mod: str | None = None
    grain: str = "D"  # D day, M month, Y year, W week, T clock time, P part of day, X other
    time_part: str | None = None  # "15:00" or "MO" for times that may attach to a date
    priority: int = 0


class _Resolver:
    """Turns one regex match into a value, given the anchor date and the tense around it."""

    def __init__(self, grammar: Grammar, text: str, anchor: date, direction: Direction):
        self.g = grammar
        self.text = text
        self.lex = grammar.lex
        self.anchor = anchor
        self.direction = direction
        self.shifts = self.lex.shifts()
        self.number_words = self.lex.mapping("number_words")
        self.few = set(self.lex.words("few_words"))

    # --- helpers -------------------------------------------------------------------------
    def year_of(self, m: re.Match[str]) -> int | None:
        raw = m.groupdict().get("year")
        if not raw:
            shift = m.groupdict().get("yshift")
            return self.anchor.year + self.shifts[_norm(shift)] if shift else None
        if raw.startswith("'"):
            return cal.two_digit_year(int(raw[1:]), self.anchor)
        return int(raw)

    def mod_of(self, m: re.Match[str]) -> str | None:
        raw = m.groupdict().get("mod")
        return self.lex.grouped("mods").get(_norm(raw)) if raw else None

    def count(self, raw: str | None) -> float | None:
        if raw is None:
            return 1
        raw = _norm(raw)
        if raw.isdigit():
            return int(raw)
        if raw in self.few:
            return None
        return self.number_words.get(raw, 1)

    # --- rules ---------------------------------------------------------------------------
    def iso(self, m, pos):
        y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
        if not cal.valid_day(y, mo, d):
            return None
        value = f"{y:04d}-{mo:02d}-{d:02d}"
        if m["hh"]:
            return Found(0, 0, f"{value}T{m['hh']}:{m['mi']}", "TIME", grain="T")
        return Found(0, 0, value)

    def numeric(self, m, pos):
        a, b, y = int(m["a"]), int(m["b"]), m["y"]
        year = int(y) if len(y) == 4 else cal.two_digit_year(int(y), self.anchor)
        day, month = (b, a) if self.g.lang == "en" and m["sep"] == "/" and a <= 12 else (a, b)
        if not cal.valid_day(year, month, day) or not 1800 <= year <= 2100:
            return None
        return Found(0, 0, f"{year:04d}-{month:02d}-{day:02d}")

    def year_range(self, m, pos):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if not y1 < y2 <= y1 + 100:
            return None
        return Found(0, 0, f"{y1}/{y2}", grain="Y")

    def day_range(self, m, pos):
        month = self.lex.months[_norm(m["mon"])]
        d1, d2 = int(m["d1"]), int(m["d2"])
        if d1 >= d2:
            return None
        year = self.year_of(m)
        first = self._day_month(month, d1, year, pos)
        last = self._day_month(month, d2, year or (first.year if first else None), pos)
        if not first or not last:
            return None
        return Found(0, 0, f"{first.isoformat()}/{last.isoformat()}")

    def en_month_range(self, m, pos):
        return self.day_range(m, pos)

    def _day_month(self, month: int, day: int, year: int | None, pos: int) -> date | None:
        if year is not None:
            return date(year, month, day) if cal.valid_day(year, month, day) else None
        return cal.day_month(self.anchor, month, day, self.direction(*pos))

    def day_month(self, m, pos):
        raw_day = _norm(m["d"])
        day = int(raw_day) if raw_day.isdigit() else self.lex.mapping("day_ordinals").get(raw_day)
        if day is None:
            return None
        found = self._day_month(self.lex.months[_norm(m["mon"])], day, self.year_of(m), pos)
        return Found(0, 0, found.isoformat(), mod=self.mod_of(m)) if found else None

    def en_month_day(self, m, pos):
        return self.day_month(m, pos)

    def month_year(self, m, pos):
        year = self.year_of(m)
        month = self.lex.months[_norm(m["mon"])]
        return Found(0, 0, f"{year:04d}-{month:02d}", mod=self.mod_of(m), grain="M")

    month_shift = month_year

    def month(self, m, pos):
        if not (m["prep"] or m["mod"]):
            return None
        if self.g.lang == "en" and not self.text[m.start("mon")].isupper():
            return None
        y, mo = cal.month_only(self.anchor, self.lex.months[_norm(m["mon"])], self.direction(*pos))
        return Found(0, 0, f"{y:04d}-{mo:02d}", mod=self.mod_of(m), grain="M")

    def season(self, m, pos):
        code = self.lex.grouped("seasons")[_norm(m["season"])]
        year = self.year_of(m)
        if m["sshift"]:
            year = self.anchor.year + self.shifts[_norm(m["sshift"])]
        if year is not None:
            return Found(0, 0, f"{year}-{code}", mod=self.mod_of(m), grain="X")
        adverbs = {fold(w) for w in self.lex.raw.get("season_adverbs", [])}
        if _norm(m["season"]) not in adverbs and not m["mod"]:
            return None
        return Found(0, 0, cal.season(self.anchor, code, self.direction(*pos)), mod=self.mod_of(m), grain="X")

    def year(self, m, pos):
        raw = m["year"]
        if m.start() > 0 and self.text[m.start() - 1] in "-–/№#":
            return None  # `Євро-2012`, `№2014`
        text = m.group("t")
        explicit = bool(re.search(r"\D\s*\S", text[len(raw):])) if raw else False  # a year word or suffix
        year = self.year_of(m)
        if year is None or not 1000 <= year <= 2100:
            return None
        if not explicit and not m["prep"] and not m["mod"] and not 1900 <= year <= 2099:
            return None
        return Found(0, 0, f"{year:04d}", mod=self.mod_of(m), grain="Y", priority=0 if explicit else -1)

    def decade(self, m, pos):
        digits = m["dec"].lstrip("'")
        if len(digits) == 4:
            value = digits[:3]
        else:
            century = 19 if 2000 + int(digits) > self.anchor.year else 20
            if m["dcent"]:
                number = cal.roman_to_int(m["dcent"])
                century = number - 1 if number else century
            value = f"{century}{digits[0]}"
        return Found(0, 0, value, mod=self.mod_of(m), grain="X")

    def century(self, m, pos):
        raw = m["cent"]
        if not raw.isdigit() and len(raw) == 1 and raw not in "vx":
            return None  # a lone `і`/`i` before `ст.` is a conjunction or a list item, not a numeral
        number = int(raw) if raw.isdigit() else cal.roman_to_int(raw)
        if not number or not 1 <= number <= 22:
            return None
        return Found(0, 0, f"{number - 1:02d}", mod=self.mod_of(m), grain="X")

    def relday(self, m, pos):
        offset = self.lex.mapping("relative_days")[_norm(m["rel"])]
        day = cal.shifted(self.anchor, "D", offset)
        if m["pod"]:
            code = self._pod_code(m["pod"])
            return Found(0, 0, f"{day}T{code}", "TIME", grain="P", time_part=code)
        return Found(0, 0, day)

    def _pod_code(self, raw: str) -> str:
        table = {**self.lex.grouped("hour_day_parts"), **self.lex.grouped("parts_of_day")}
        return table[_norm(raw)]

    def relyear(self, m, pos):
        return Found(0, 0, f"{self.anchor.year + self.lex.mapping('relative_years')[_norm(m['relyear'])]:04d}",
                     grain="Y")

    def weekday(self, m, pos):
        if not (m["prep"] or m["wshift"]):
            return None
        target = self.lex.weekdays[_norm(m["wd"])]
        week_shift = self.shifts.get(_norm(m["wshift"])) if m["wshift"] else None
        day = cal.weekday(self.anchor, target, self.direction(*pos), week_shift).isoformat()
        if m["pod"]:
            code = self._pod_code(m["pod"])
            return Found(0, 0, f"{day}T{code}", "TIME", grain="P", time_part=code)
        return Found(0, 0, day)

    def shift_unit(self, m, pos):
        unit = self.lex.units[_norm(m["unit"])]
        return Found(0, 0, cal.shifted(self.anchor, unit, self.shifts[_norm(m["shift"])]),
                     mod=self.mod_of(m), grain=unit if unit in "DWMY" else "X")

    def bare_unit(self, m, pos):
        unit = self.lex.units[_norm(m["unit"])]
        if unit not in ("W", "M", "Y"):
            return None
        return Found(0, 0, cal.shifted(self.anchor, unit, 0), mod=self.mod_of(m), grain=unit)

    def ago(self, m, pos, sign: int = -1):
        if m["halfu"]:
            months = {"P6M": 6, "P18M": 18, "P50Y": 600}.get(self.lex.mapping("half_unit_words")[_norm(m["halfu"])])
            unit, n = "M", months
        else:
            unit, n = self.lex.units[_norm(m["unit"])], self.count(m["num"])
        if n is None:
            return Found(0, 0, "PAST_REF" if sign < 0 else "FUTURE_REF", grain="X")
        if unit == "M" and n and n >= 24 and n % 12 == 0:
            unit, n = "Y", n / 12
        return Found(0, 0, cal.shifted(self.anchor, unit, sign * n), grain=unit if unit in "DWMY" else "X")

    def after(self, m, pos):
        if self.g.lang == "en" and not m["num"]:
            return None  # "in years" is not a date
        return self.ago(m, pos, sign=+1)

    def duration(self, m, pos):
        unit = self.lex.units[_norm(m["unit"])]
        n = self.count(m["num"])
        if unit not in "DWMY" or not n or n != int(n):
            return None
        return Found(0, 0, f"P{int(n)}{unit}", "DURATION", grain="X")

    def ref(self, m, pos):
        word = _norm(m["ref"])
        if word in self.lex.words("past_ref"):
            return Found(0, 0, "PAST_REF", grain="X")
        if word in self.lex.words("future_ref"):
            return Found(0, 0, "FUTURE_REF", grain="X")
        return Found(0, 0, "PRESENT_REF", grain="X")

    def set(self, m, pos):
        return Found(0, 0, self.lex.mapping("set_words")[_norm(m["set"])], "SET", grain="X")

    def _clock(self, hour: int, minute: int, hpod: str | None) -> Found | None:
        if hpod:
            code = self._pod_code(hpod)
            if code in ("AF", "EV") and hour < 12:
                hour += 12
            elif code == "NI" and hour == 12:
                hour = 0
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            return None
        part = f"{hour:02d}:{minute:02d}"
        return Found(0, 0, f"{self.anchor.isoformat()}T{part}", "TIME", grain="T", time_part=part)

    def clock(self, m, pos):
        if m["sep"] == "." and not (m["prep"] or m["hpod"]):
            return None  # "15.30" alone is more often a number than a time
        return self._clock(int(m["hh"]), int(m["mi"]), m["hpod"])

    def hour_word(self, m, pos):
        if not (m["prep"] or m["hpod"] or re.search(r"\s\S", m.group("t"))):
            return None
        return self._clock(self.lex.mapping("hour_ordinals")[_norm(m["hord"])], 0, m["hpod"])

    def hour_digits(self, m, pos):
        if not m["prep"] and not m["hpod2"] and not m["hpod"]:
            return None
        return self._clock(int(m["hh"]), 0, m["hpod"] or m["hpod2"])

    def pod(self, m, pos):
        code = self._pod_code(m["pod"])
        return Found(0, 0, f"{self.anchor.isoformat()}T{code}", "TIME", grain="P", time_part=code)


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", fold(text or "")).strip()


def _matches(folded: str, grammar: Grammar, resolver: _Resolver) -> list[Found]:
    found: list[Found] = []
    for rule in grammar.rules:
        handler = getattr(resolver, rule.name)
        for m in rule.regex.finditer(folded):
            span = m.span("t") if "t" in rule.regex.groupindex and m.group("t") else m.span()
            item = handler(m, span)
            if item is not None:
                found.append(replace(item, start=span[0], end=span[1], priority=rule.priority + item.priority))
    return found


def _select(found: list[Found]) -> list[Found]:
    """Keep the longest non-overlapping matches (ties go to the higher-priority rule)."""
    chosen: list[Found] = []
    for item in sorted(found, key=lambda f: (-(f.end - f.start), -f.priority, f.start)):
        if all(item.end <= c.start or item.start >= c.end for c in chosen):
            chosen.append(item)
    return sorted(chosen, key=lambda f: f.start)


_JOIN_TIME = re.compile(r"\s*,?\s*(?:о|об|в|во|at|около|близько)?\s*$")
_JOIN_POD = re.compile(r"\s*,?\s*$")


def _merge(items: list[Found], folded: str, grammar: Grammar) -> list[Found]:
    """Join a day with the clock time or part of day next to it, and `з X по Y` into an interval."""
    range_to = re.compile(rf"\s*(?:[-–—]|{_alt(grammar.lex.words('range_to'))})\s*$")
    range_from = re.compile(rf"(?:^|\s)({_alt(grammar.lex.words('range_from'))})\s+$")
    out: list[Found] = []
    for item in items:
        prev = out[-1] if out else None
        gap = folded[prev.end:item.start] if prev else ""
        if prev and _is_day(prev) and item.time_part and _JOIN_TIME.fullmatch(gap):
            out[-1] = Found(prev.start, item.end, f"{prev.value}T{item.time_part}", "TIME", grain="T")
            continue
        if prev and _is_day(item) and prev.grain in "TP" and prev.time_part and _JOIN_POD.fullmatch(gap):
            out[-1] = Found(prev.start, item.end, f"{item.value}T{prev.time_part}", "TIME", grain="T")
            continue
        if prev and _can_span(prev, item) and range_to.fullmatch(gap):
            head = folded[max(0, prev.start - 12):prev.start]
            opener = range_from.search(head)
            if opener or gap.strip() in ("-", "–", "—"):
                start = prev.start - len(head) + opener.start(1) if opener else prev.start
                out[-1] = Found(start, item.end, f"{prev.value}/{item.value}", grain=prev.grain)
                continue
        out.append(item)
    return out


def _can_span(first: Found, second: Found) -> bool:
    return (first.type == second.type == "DATE" and first.grain == second.grain and first.mod is None
            and "/" not in first.value and "/" not in second.value and first.value < second.value)


def _is_day(item: Found) -> bool:
    return item.type == "DATE" and item.grain == "D" and "/" not in item.value and item.mod is None


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def direction_for(doc, lang: str) -> Direction:
    """The tense finder for a parsed text, with the language's scheduling verbs (`призначили на`)."""
    from khronika.language.tense import direction_finder

    if lang not in SUPPORTED:
        return direction_finder(doc)
    lex = grammar_for(lang).lex
    return direction_finder(doc, set(lex.words("scheduling_verbs")), set(lex.words("scheduling_preps")))


def find_timexes(text: str, lang: str, anchor: date, direction: Direction | None = None) -> list[Timex]:
    """All temporal expressions of `text` with values anchored to `anchor`.

    `direction(start, end)` tells the tense around a character span; without it every partial
    date is read as the nearest past one (the usual case in news).
    """
    if lang not in SUPPORTED or not text:
        return []
    grammar = grammar_for(lang)
    folded = fold(text)
    resolver = _Resolver(grammar, text, anchor, direction or (lambda _start, _end: "past"))
    items = _merge(_select(_matches(folded, grammar, resolver)), folded, grammar)
    return [Timex(f.start, f.end, text[f.start:f.end], f.value, f.type, f.mod) for f in items]

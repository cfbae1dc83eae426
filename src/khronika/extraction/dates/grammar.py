"""Regular-expression grammar of temporal expressions, compiled from a language's lexicon.

Each rule is a named regex over *folded* text (lowercase, one apostrophe). The group `t`, when
present, is the span to report; text matched outside it (a leading preposition) is context only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from khronika.extraction.dates.lexicon import DateLexicon, fold, load_lexicon

B = r"(?<![\w'])"  # a word starts here
E = r"(?![\w'])"  # a word ends here
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"


def alt(words) -> str:
    """An alternation of literal words, longest first so that `року` wins over `р`."""
    unique = sorted({w for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique) + ")"


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    priority: int  # breaks ties between overlapping matches of equal length


@dataclass(frozen=True)
class Grammar:
    lang: str
    lex: DateLexicon
    rules: tuple[Rule, ...]
    pieces: dict[str, str]


@cache
def grammar_for(lang: str) -> Grammar:
    lex = load_lexicon(lang)
    p = _pieces(lex)
    rules = [Rule(name, re.compile(rx), prio) for name, rx, prio in _rule_sources(lang, p)]
    return Grammar(lang, lex, tuple(rules), p)


def _pieces(lex: DateLexicon) -> dict[str, str]:
    unit_forms = lex.units
    year_units = [f for f, c in unit_forms.items() if c == "Y"]
    p = {
        "MON": alt(lex.months),
        "WD": alt(lex.weekdays),
        "UNIT": alt(unit_forms),
        "YUNIT": alt(year_units),
        "YW": alt(lex.words("year_words")) if lex.words("year_words") else "(?!x)x",
        "YSUF": alt(lex.words("year_ordinal_suffixes")) if lex.words("year_ordinal_suffixes") else "(?!x)x",
        "SHIFT": alt(lex.shifts()),
        "MODS": alt(lex.grouped("mods")),
        "SEASON": alt(lex.grouped("seasons")),
        "RELDAY": alt(lex.mapping("relative_days")),
        "RELYEAR": alt(lex.mapping("relative_years")) if lex.mapping("relative_years") else "(?!x)x",
        "POD": alt(lex.grouped("parts_of_day")),
        "HPOD": alt(lex.grouped("hour_day_parts")),
        "AGO": alt(lex.words("ago_words")),
        "AFTER": alt(lex.words("after_words")),
        "NUMW": alt(lex.mapping("number_words")),
        "FEW": alt(lex.words("few_words")),
        "HALFU": alt(lex.mapping("half_unit_words")),
        "CENTW": alt(lex.words("century_words")),
        "DECSUF": alt(lex.words("decade_suffixes")),
        "FROM": alt(lex.words("range_from")),
        "TO": alt(lex.words("range_to")),
        "TPREP": alt(lex.words("time_preps")),
        "HOURW": alt(lex.words("hour_words")),
        "HORD": alt(lex.mapping("hour_ordinals")) if lex.mapping("hour_ordinals") else "(?!x)x",
        "DORD": alt(lex.mapping("day_ordinals")) if lex.mapping("day_ordinals") else "(?!x)x",
        "REF": alt(lex.words("present_ref") + lex.words("past_ref") + lex.words("future_ref")),
        "SET": alt(lex.mapping("set_words")),
    }
    p["MODOPT"] = rf"(?:(?P<mod>{p['MODS']})\s+)?"
    p["YEARP"] = rf"(?P<year>{YEAR}|'\d\d)(?:\s?{p['YSUF']}{E})?(?:\s*{p['YW']}(?!\w))?"
    return p


def _rule_sources(lang: str, p: dict[str, str]) -> list[tuple[str, str, int]]:
    mon, yearp, modopt = p["MON"], p["YEARP"], p["MODOPT"]
    shift_year = rf"(?P<yshift>{p['SHIFT']})\s+{p['YUNIT']}"
    rules = [
        ("iso", rf"{B}(?P<y>\d{{4}})-(?P<mo>\d\d)-(?P<d>\d\d)(?:[t ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?{E}", 9),
        ("numeric", rf"{B}(?P<t>(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d\d)"
                    rf"(?:\s*{p['YW']}(?!\w))?){E}", 9),
        ("year_range", rf"{B}(?P<y1>{YEAR})\s*[-–—]\s*(?P<y2>{YEAR})(?:\s*{p['YW']}(?!\w))?", 7),
        ("day_range", rf"{B}(?:(?P<from>{p['FROM']})\s+)?(?P<d1>{DAY})\s*(?:[-–—]|\s{p['TO']}\s)\s*"
                      rf"(?P<d2>{DAY})\s+(?P<mon>{mon})(?:\s*,?\s*{yearp})?{E}", 8),
        ("day_month", rf"{B}{modopt}(?P<d>{DAY}|{p['DORD']})(?:-?(?:го|е|ого|th|st|nd|rd))?\s+(?:of\s+)?"
                      rf"(?P<mon>{mon})(?:\s*,?\s*{yearp}|\s+{shift_year})?{E}", 8),
        ("month_year", rf"{B}{modopt}(?P<mon>{mon})\s+(?:of\s+)?{yearp}{E}", 7),
        ("month_shift", rf"{B}{modopt}(?P<mon>{mon})\s+{shift_year}{E}", 7),
        ("month", rf"{B}(?:(?P<prep>{alt(p_words(lang, 'month_context_preps'))})\s+)?(?P<t>{modopt}(?P<mon>{mon})){E}", 5),
        ("season", rf"{B}(?P<t>{modopt}(?:the\s+)?(?:(?P<sshift>{p['SHIFT']})\s+)?(?P<season>{p['SEASON']})"
                   rf"(?:\s+(?:of\s+)?{yearp}|\s+{shift_year})?){E}", 6),
        ("year", rf"{B}(?:(?P<prep>{alt(p_words(lang, 'year_context_preps'))})\s+)?(?P<t>{modopt}{yearp}){E}", 4),
        ("decade", rf"{B}(?P<t>{modopt}(?:the\s+)?(?P<dec>\d{{3}}0|\d0|'\d0)\s?{p['DECSUF']}"
                   rf"(?:\s+(?P<dcent>[ivxlхі]+)\s*{p['CENTW']})?){E}", 6),
        ("century", rf"{B}(?P<t>{modopt}(?:the\s+)?(?P<cent>[ivxlхі]+|\d{{1,2}})(?:-?(?:го|й|му|ого|st|nd|rd|th))?"
                    rf"\s*{p['CENTW']}(?!\w))", 6),
        ("relday", rf"{B}(?P<rel>{p['RELDAY']})(?:\s+(?P<pod>{p['POD']}|{p['HPOD']}))?{E}", 6),
        ("relyear", rf"{B}(?P<relyear>{p['RELYEAR']}){E}", 6),
        ("weekday", rf"{B}(?:(?P<prep>{alt(p_words(lang, 'weekday_context'))})\s+)?(?P<t>(?:(?P<wshift>{p['SHIFT']})\s+)?"
                    rf"(?P<wd>{p['WD']})(?:\s+(?P<pod>{p['POD']}))?){E}", 6),
        ("shift_unit", rf"{B}(?P<t>{modopt}(?P<shift>{p['SHIFT']})\s+(?P<unit>{p['UNIT']})){E}", 6),
        ("bare_unit", rf"{B}(?P<t>(?P<mod>{p['MODS']})\s+(?P<unit>{p['UNIT']})){E}", 3),
        ("ago", rf"{B}(?P<t>(?:(?P<num>\d+|{p['NUMW']}|{p['FEW']})\s+)?(?:(?P<unit>{p['UNIT']})|(?P<halfu>{p['HALFU']}))"
                rf"\s+(?P<ago>{p['AGO']})){E}", 7),
        ("after", rf"{B}(?P<t>(?P<after>{p['AFTER']})\s+(?:(?P<num>\d+|{p['NUMW']}|{p['FEW']})\s+)?"
                  rf"(?:(?P<unit>{p['UNIT']})|(?P<halfu>{p['HALFU']}))){E}", 5),
        ("duration", rf"{B}(?P<t>(?P<num>\d+|{p['NUMW']})\s+(?P<unit>{p['UNIT']})){E}", 3),
        ("ref", rf"{B}(?P<ref>{p['REF']}){E}", 2),
        ("set", rf"{B}(?P<set>{p['SET']}){E}", 2),
        ("clock", rf"{B}(?:(?P<prep>{p['TPREP']})\s+)?(?P<t>(?P<hh>[01]?\d|2[0-3])(?:(?P<sep>[:.])|\s(?P<spaced>:)\s)(?P<mi>[0-5]\d)"
                  rf"(?:\s*{p['HOURW']}(?!\w))?(?:\s*(?P<hpod>{p['HPOD']})(?!\w))?)(?![\w.,]\d)", 5),
        ("hour_word", rf"{B}(?:(?P<prep>{p['TPREP']})\s+)?(?P<t>(?P<hord>{p['HORD']})(?:\s+{p['HOURW']}(?!\w))?"
                      rf"(?:\s+(?P<hpod>{p['HPOD']})(?!\w))?){E}", 4),
        ("hour_digits", rf"{B}(?:(?P<prep>{p['TPREP']})\s+)?(?P<t>(?P<hh>[01]?\d|2[0-3])\s*(?:(?P<hw>{p['HOURW']})(?!\w)"
                        rf"(?:\s*(?P<hpod>{p['HPOD']})(?!\w))?|(?P<hpod2>{p['HPOD']})(?!\w)))", 4),
        ("pod", rf"{B}(?P<pod>{p['POD']}){E}", 3),
    ]
    if lang == "en":
        rules += [
            ("en_month_day", rf"{B}{modopt}(?P<mon>{mon})\s+(?P<d>{DAY})(?:st|nd|rd|th)?(?:,?\s+(?P<year>{YEAR}))?{E}", 8),
            ("en_month_range", rf"{B}(?:(?P<from>{p['FROM']})\s+)?(?P<mon>{mon})\s+(?P<d1>{DAY})(?:st|nd|rd|th)?"
                               rf"\s*(?:[-–—]|\s{p['TO']}\s)\s*(?P<d2>{DAY})(?:st|nd|rd|th)?(?:,?\s+(?P<year>{YEAR}))?{E}", 9),
        ]
    return rules


def p_words(lang: str, key: str) -> list[str]:
    return [fold(w) for w in load_lexicon(lang).raw.get(key, [])]

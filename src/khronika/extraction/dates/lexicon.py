"""Load the per-language temporal lexicons (`khronika/data/dates/*.json`) and expand inflection.

Month, weekday and unit names are stored as lemmas; for Ukrainian and Russian every inflected
form is generated from pymorphy3's dictionaries, so `січня`, `січні`, `січнем` all match.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from khronika.language.morphology import inflected_forms

APOSTROPHES = "’ʼ`´‘"


def fold(text: str) -> str:
    """Lowercase and unify apostrophes without changing the length (offsets stay valid)."""
    out = text.lower()
    if len(out) != len(text):  # a few characters grow when lowercased; keep positions exact
        out = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    for a in APOSTROPHES:
        out = out.replace(a, "'")
    return out


@dataclass(frozen=True)
class DateLexicon:
    lang: str
    months: dict[str, int]
    weekdays: dict[str, int]
    units: dict[str, str]
    raw: dict[str, Any]

    def words(self, key: str) -> list[str]:
        return [fold(w) for w in self.raw.get(key, [])]

    def mapping(self, key: str) -> dict[str, Any]:
        return {fold(k): v for k, v in self.raw.get(key, {}).items()}

    def grouped(self, key: str) -> dict[str, str]:
        """Invert `{"CODE": [forms...]}` into `{form: CODE}`."""
        return {fold(w): code for code, forms in self.raw.get(key, {}).items() for w in forms}

    def shifts(self) -> dict[str, int]:
        return {fold(w): int(k) for k, forms in self.raw["shift_words"].items() for w in forms}


def _expand(lang: str, entry: dict[str, Any], pos: str) -> set[str]:
    forms = {fold(entry["lemma"]), *(fold(f) for f in entry.get("forms", []))}
    if lang in ("uk", "ru"):
        forms |= {fold(f) for f in inflected_forms(entry["lemma"], lang, pos)}
    return forms


@cache
def load_lexicon(lang: str) -> DateLexicon:
    path = resources.files("khronika.data").joinpath("dates", f"{lang}.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    excluded = {fold(f) for f in raw.get("exclude_forms", [])}  # forms that are mostly other words
    months = {f: i + 1 for i, e in enumerate(raw["months"]) for f in _expand(lang, e, "NOUN") - excluded}
    weekdays = {f: i for i, e in enumerate(raw["weekdays"]) for f in _expand(lang, e, "NOUN")}
    units: dict[str, str] = {}
    for lemma, code in raw["units"].items():
        for f in _expand(lang, {"lemma": lemma}, "NOUN"):
            units[f] = code
    return DateLexicon(lang=lang, months=months, weekdays=weekdays, units=units, raw=raw)

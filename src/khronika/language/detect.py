"""Offline language identification: uk, ru, en or other.

py3langid (its model ships inside the wheel) ranks languages; for Cyrillic text the letters that
only one of the two languages has (і ї є ґ against ы э ъ ё) decide, because short Ukrainian and
Russian news texts share most of their character n-grams.
"""

from __future__ import annotations

import re

import py3langid

UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
RUSSIAN_ONLY = set("ыэъёЫЭЪЁ")
OTHER_CYRILLIC = set("ўЎђјљњћџЂЈЉЊЋЏѓќѕ")
LANGUAGES = ("uk", "ru", "en")


def detect_language(text: str) -> str:
    """The language of `text`: "uk", "ru", "en" or "other" (also for text with too few letters)."""
    sample = text[:5000]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 3:
        return "other"
    cyrillic = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    if len(cyrillic) > 0.5 * len(letters):
        return _cyrillic_language(sample, cyrillic)
    lang, _ = py3langid.classify(re.sub(r"https?://\S+", " ", sample))
    return lang if lang in LANGUAGES else "other"


def _cyrillic_language(sample: str, cyrillic: list[str]) -> str:
    uk = sum(ch in UKRAINIAN_ONLY for ch in cyrillic)
    ru = sum(ch in RUSSIAN_ONLY for ch in cyrillic)
    other = sum(ch in OTHER_CYRILLIC for ch in cyrillic)
    if other > max(uk, ru) * 0.2 and other >= 2:
        return "other"  # Belarusian ў, Serbian/Macedonian letters
    if uk + ru >= 3:
        if uk >= 2 * ru:
            return "uk"
        if ru >= 2 * uk:
            return "ru"
    by_dictionary = _dictionary_vote(sample)
    if by_dictionary:
        return by_dictionary
    ranked = [lang for lang, _ in py3langid.rank(sample) if lang in ("uk", "ru", "bg", "be", "sr", "mk")]
    return ranked[0] if ranked and ranked[0] in ("uk", "ru") else "other"


def _dictionary_vote(sample: str) -> str | None:
    """For short text without telling letters: which dictionary knows more of its words."""
    from khronika.language.morphology import analyzer

    words = [w.lower() for w in re.findall(r"[а-яА-ЯёЁіІїЇєЄґҐ'’]{3,}", sample)[:200]]
    if not words:
        return None
    known = {lang: sum(analyzer(lang).word_is_known(w) for w in words) for lang in ("uk", "ru")}
    if known["uk"] > known["ru"]:
        return "uk"
    if known["ru"] > known["uk"]:
        return "ru"
    return None

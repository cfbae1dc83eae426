"""Names across scripts: romanisation of Cyrillic names and a script-free consonant key.

The knowledge base knows most people by their English (Wikidata) name only. A Ukrainian or
Russian text writes `Блінкен`, `Салліван`, `Столтенберг`; comparing consonant skeletons
(`blnkn`, `slvn`, `stltnbrg`) finds the person without a Cyrillic name list. Vowels are dropped
because transliteration changes them most (`Sullivan` -> `Салліван`); letters that the scripts
render in more than one way share a class (g/h/х/г, j/ж/дж, c/k, w/v).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

# Ukrainian national romanisation (KMU 2010), used for people outside the knowledge base
UK_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}
UK_LATIN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# Russian (BGN/PCGN-like, as English-language media write Russian names)
RU_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}

_CYRILLIC_KEY = {
    "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "ж": "j", "з": "z", "к": "k", "л": "l", "м": "m",
    "н": "n", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "х": "g", "ц": "c", "ч": "q", "ш": "x",
    "щ": "x",
}
_LATIN_DIGRAPHS = [("sch", "x"), ("shch", "x"), ("tch", "q"), ("ch", "q"), ("sh", "x"), ("zh", "j"), ("kh", "g"),
                   ("ts", "c"), ("tz", "c"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("dj", "j"), ("dzh", "j"),
                   ("ks", "ks"), ("x", "ks"), ("qu", "kv"), ("w", "v"), ("q", "k"), ("h", "g")]
_LATIN_VOWELS = set("aeiouy")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def consonant_key(word: str) -> str:
    """The consonant skeleton of one word in either script, doubled letters collapsed."""
    word = _strip_accents(word.lower())
    if is_cyrillic(word):
        word = word.replace("дж", "ж")
        out = "".join(_CYRILLIC_KEY.get(c, "") for c in word)
    else:
        word = re.sub(r"c(?=[eiy])", "s", word)
        word = re.sub(r"(?<=[aeiou])h(?![aeiouy])", "", word)  # silent h: John, Johnson
        for digraph, target in _LATIN_DIGRAPHS:
            word = word.replace(digraph, target.upper())  # upper case marks an already mapped letter
        word = word.replace("c", "k").replace("j", "J").replace("g", "G")
        out = "".join(c.lower() for c in word if c.isalpha() and c not in _LATIN_VOWELS)
    return re.sub(r"(.)\1+", r"\1", out.replace("z", "s"))  # voicing varies: Josep / Жозеп


def romanise(name: str, lang: str) -> str:
    """A Latin spelling of a Cyrillic name (Ukrainian national system, or Russian BGN-like)."""
    if not is_cyrillic(name):
        return name
    chinese = chinese_pinyin(name)
    if chinese:
        return chinese
    table = RU_LATIN if lang == "ru" else UK_LATIN
    words = []
    for word in re.split(r"(\s+|-)", name):
        letters = []
        for i, c in enumerate(word):
            lower = c.lower()
            latin = UK_LATIN_INITIAL.get(lower) if (lang != "ru" and i == 0 and lower in UK_LATIN_INITIAL) else None
            latin = table.get(lower, c) if latin is None else latin
            letters.append(latin.capitalize() if c.isupper() else latin)
        words.append("".join(letters))
    return "".join(words)


def slug(text: str) -> str:
    """A stable identifier part from a name: lower-case Latin letters and digits joined by `-`."""
    latin = _strip_accents(romanise(text, "uk")).lower()
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-")


def nominative_phrase(text: str, lang: str) -> str:
    """A name phrase in the nominative: its words up to the first noun are put in the nominative
    (`Антимонопольного комітету України` -> `Антимонопольний комітет України`); the words after
    the head noun are its dependents and keep their case."""
    if lang not in ("uk", "ru") or not is_cyrillic(text):
        return text
    from khronika.language.morphology import analyzer

    words = text.split()
    out = []
    for i, word in enumerate(words):
        parses = analyzer(lang).parse(word.lower())
        head = _head_noun(words[i + 1:], lang)
        adjective = next((p for p in parses if p.tag.POS == "ADJF"), None)
        if adjective is not None and head is not None:
            grammemes = {"nomn", "plur"} if head.tag.number == "plur" else {"nomn"} | (
                {head.tag.gender} if head.tag.gender else set())
            inflected = adjective.inflect(grammemes)
            out.append(_same_case(word, inflected.word) if inflected else word)
            continue
        noun = next((p for p in parses if p.tag.POS == "NOUN" and p.tag.case), None)
        inflected = noun.inflect({"nomn"} | ({"plur"} if noun.tag.number == "plur" else set())) \
            if noun is not None else None
        out.append(_same_case(word, inflected.word) if inflected else word)
        if noun is not None:
            out.extend(words[i + 1:])
            break
    return " ".join(out)


def _head_noun(words: list[str], lang: str):
    """The noun an adjective chain agrees with: the first following word that is not an adjective."""
    from khronika.language.morphology import analyzer

    for word in words:
        parses = analyzer(lang).parse(word.lower())
        if any(p.tag.POS == "ADJF" for p in parses):
            continue
        return next((p for p in parses if p.tag.POS == "NOUN"), None)
    return None


def _same_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


@cache
def _chinese() -> tuple[dict[str, list[str]], dict[str, int]]:
    """Cyrillic syllable -> pinyin readings, and the rank of each common surname."""
    data = json.loads(resources.files("khronika.data").joinpath("actors", "chinese.json").read_text("utf-8"))
    table: dict[str, list[str]] = {}

    clipped: dict[str, list[str]] = {}

    def add(pinyin: str, cyrillic: str) -> None:
        table.setdefault(cyrillic, []).append(pinyin)
        if cyrillic.endswith("ь"):
            clipped.setdefault(cyrillic[:-1], []).append(pinyin)

    retroflex = {"zh", "ch", "sh", "r", "z", "c", "s"}
    for initial, cyr_initial in data["initials"].items():
        for final, cyr_final in data["finals"].items():
            if final.startswith("ü") and initial not in ("n", "l"):
                continue
            if initial in retroflex and final in data["after_retroflex"]:
                cyr_final = data["after_retroflex"][final]
            add(initial + final, cyr_initial + cyr_final)
    for pinyin, cyrillic in data["standalone"].items():
        add(pinyin, cyrillic)
    for form, readings in clipped.items():  # the exact spelling first, then one without its soft sign
        table[form] = [*table.get(form, []), *[p for p in readings if p not in table.get(form, [])]]
    return table, {s: i for i, s in enumerate(data["surnames"])}


def _syllables(word: str, table: dict[str, list[str]]) -> list[str] | None:
    """The reading of one Cyrillic word as Chinese syllables, fewest syllables first."""
    word = word.lower().replace("э", "е").replace("и", "і").replace("ё", "е")
    best: dict[int, list[str]] = {0: []}
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if start in best and word[start:end] in table:
                candidate = [*best[start], table[word[start:end]][0]]
                if end not in best or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best.get(len(word))


def chinese_pinyin(name: str) -> str | None:
    """`Чен Вейхуа` -> `Chen Weihua`, `Сі Цзіньпін` -> `Xi Jinping`; None when the name does not
    read as a Chinese name (every word Chinese syllables, the first a common surname)."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(words) < 2 or not all(is_cyrillic(w) for w in words):
        return None
    table, surnames = _chinese()
    family = words[0].lower().replace("э", "е").replace("и", "і")
    readings = [p for p in table.get(family, []) if p in surnames]
    given = [_syllables(w, table) for w in words[1:]]
    if not readings or any(g is None for g in given):
        return None
    surname = min(readings, key=surnames.get)
    return " ".join([surname.capitalize(), *("".join(g).capitalize() for g in given)])

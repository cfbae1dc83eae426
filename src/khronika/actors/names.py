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
    the head noun are its dependents and keep their case. A form that reads as a genitive singular
    and as a nominative plural (`ради`, `відділу`/`відділи`) is taken as the singular unless an
    adjective before it can only be plural (`Збройні сили`): a name mostly names one body."""
    if lang not in ("uk", "ru") or not is_cyrillic(text):
        return text
    words = text.split()
    parses = [_parse(word, lang) for word in words]
    head = _head_index(parses)
    if head is None:
        return text
    adjectives = [i for i in range(head) if _adjectives(parses[i])]
    noun = _head_reading(parses[head], [parses[i] for i in adjectives])
    plural = _is_plural(noun.tag)
    out = list(words)
    out[head] = _same_case(words[head], _form(noun, "nomn", plural, None) or words[head])
    for i in adjectives:
        reading = _agreeing(parses[i], noun) or _adjectives(parses[i])[0]
        out[i] = _same_case(words[i], _form(reading, "nomn", plural, noun.tag.gender) or words[i])
    return " ".join(out)


def _parse(word: str, lang: str) -> list:
    from khronika.language.morphology import analyzer

    return analyzer(lang).parse(word.lower())


def _adjectives(readings: list) -> list:
    return [p for p in readings if p.tag.POS == "ADJF"]


def _nouns(readings: list) -> list:
    return [p for p in readings if p.tag.POS == "NOUN"]


def _case(tag) -> str:
    """The Ukrainian dictionary leaves the case off some nominatives (`відділ`: `NOUN,inan masc`)."""
    return tag.case or "nomn"


def _is_plural(tag) -> bool:
    return "plur" in tag


def _head_index(parses: list[list]) -> int | None:
    """The head noun: the first noun that is not an adjective agreeing with the noun its chain of
    adjectives leads to (`Головного` in `Головного управління`, `міська` in `міська рада`, though
    both read as surnames too; but `рада` in `рада директорів`, which reads as the adjective `радий`
    only in a case its noun does not share)."""
    attribute = [False] * len(parses)
    for i in range(len(parses) - 1, -1, -1):
        after = next((j for j in range(i + 1, len(parses)) if not attribute[j]), None)
        attribute[i] = after is not None and any(_agreeing(parses[i], noun) for noun in _nouns(parses[after]))
    return next((i for i, readings in enumerate(parses) if not attribute[i] and _nouns(readings)), None)


def _head_reading(readings: list, adjectives: list[list]):
    """The head noun's reading the adjectives before it agree with; among those a singular one,
    then a common noun before a first name (`ради`: `рада`, genitive, not the plural of `рад`)."""
    def rank(item: tuple[int, object]) -> tuple[int, bool, bool, int]:
        index, noun = item
        # most adjectives agreeing: `Одеських обласної та міської рад` is plural, its adjectives mixed
        disagreeing = sum(not _agreeing(adjective, noun) for adjective in adjectives)
        named = bool({"Name", "Surn", "Patr"} & noun.tag.grammemes)
        return disagreeing, _is_plural(noun.tag), named, index

    return min(enumerate(_nouns(readings)), key=rank)[1]


def _agreeing(readings: list, noun):
    """The adjective reading in the noun's case, number and (in the singular) gender, if any."""
    for reading in _adjectives(readings):
        tag = reading.tag
        if _case(tag) != _case(noun.tag) or _is_plural(tag) != _is_plural(noun.tag):
            continue
        if _is_plural(tag) or not noun.tag.gender or tag.gender == noun.tag.gender:
            return reading
    return None


def _form(reading, case: str, plural: bool, gender: str | None) -> str | None:
    """The form in the lexeme of a reading in the case, number (and gender) asked; for the
    nominative a form without a case (a Ukrainian nominative) after one marked so. `inflect` would
    give `відділи` for `відділу`, finding no singular marked nominative."""
    forms = [f for f in reading.lexeme if f.tag.POS == reading.tag.POS and _is_plural(f.tag) == plural
             and (plural or gender is None or f.tag.gender == gender)]
    for wanted in (case, None) if case == "nomn" else (case,):
        for form in forms:
            if form.tag.case == wanted:
                return form.word
    return None


@cache
def _short_forms() -> dict:
    return json.loads(resources.files("khronika.data").joinpath("actors", "short_forms.json").read_text("utf-8"))


def place_abbreviations(lang: str) -> frozenset[str]:
    """Abbreviated place words (`м.`, `вул.`) that a body's name may contain before a place."""
    return frozenset(_short_forms()["place_abbreviations"].get(lang, []))


def full_forms(text: str, lang: str) -> str:
    """The name with its compound short forms written out, each in the case it has in the text
    (`Печерського райсуду` -> `Печерського районного суду`, `Сокирянська РДА` -> `Сокирянська
    районна державна адміністрація`); see `short_forms.json`."""
    table = _short_forms().get(lang)
    if not table or not is_cyrillic(text):
        return text
    words = text.split()
    out = []
    for i, word in enumerate(words):
        full = _full_form(word, words[i - 1] if i else None, table, lang)
        capital = word[:1].isupper() and (i == 0 or not word.isupper())  # `Сокирянська РДА`: not `Районна`
        out.append(full[:1].upper() + full[1:] if full and capital else full or word)
    return " ".join(out)


def _full_form(word: str, before: str | None, table: dict[str, str], lang: str) -> str | None:
    """One word's full phrase in the word's case and number, or None if it is no short form."""
    if word.isupper() and len(word) > 1:  # an initialism: indeclinable, in the case of its adjective
        phrase = table.get(word)
        return _phrase_in_case(phrase, _adjective_case(before, phrase, lang), False, lang) if phrase else None
    lemmas = {key.lower(): phrase for key, phrase in table.items() if not key.isupper()}
    readings = [p for p in _nouns(_parse(word, lang)) if p.normal_form in lemmas]
    if not readings:
        return None
    reading = min(readings, key=lambda p: _is_plural(p.tag))  # a name mostly names one body
    return _phrase_in_case(lemmas[reading.normal_form], _case(reading.tag), _is_plural(reading.tag), lang)


def _adjective_case(word: str | None, phrase: str, lang: str) -> str:
    """The case of an adjective that agrees with a phrase's head (`Сокирянської` before `РДА`), else
    the nominative."""
    if word is None:
        return "nomn"
    parses = [_parse(w, lang) for w in phrase.split()]
    head = _head_index(parses)
    gender = _head_reading(parses[head], []).tag.gender if head is not None else None
    fitting = [p for p in _adjectives(_parse(word, lang)) if not _is_plural(p.tag) and p.tag.gender == gender]
    return _case(fitting[0].tag) if fitting else "nomn"


def _phrase_in_case(phrase: str, case: str, plural: bool, lang: str) -> str:
    """A nominative phrase (`районна рада`) put in a case and number, its adjectives agreeing."""
    words = phrase.split()
    parses = [_parse(word, lang) for word in words]
    head = _head_index(parses)
    if head is None:
        return phrase
    noun = _head_reading(parses[head], [parses[i] for i in range(head)])
    out = list(words)
    out[head] = _same_case(words[head], _form(noun, case, plural, None) or words[head])
    for i in range(head):
        reading = _agreeing(parses[i], noun) or next(iter(_adjectives(parses[i])), None)
        if reading is not None:
            out[i] = _same_case(words[i], _form(reading, case, plural, noun.tag.gender) or words[i])
    return " ".join(out)


def _same_case(original: str, word: str) -> str:
    """The word in the letter case of the written form, and without `ё` where the text has none
    (the Russian dictionary spells `вооружённые`; texts mostly write `вооруженные`)."""
    if "ё" not in original.lower():
        word = word.replace("ё", "е")
    if original.isupper() and len(original) > 1:
        return word.upper()
    parts, written = word.split("-"), original.split("-")
    if len(parts) > 1 and len(parts) == len(written):  # `Івано-Франківського` -> `Івано-Франківський`
        return "-".join(_same_case(w, p) for w, p in zip(written, parts, strict=True))
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

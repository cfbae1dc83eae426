"""pymorphy3 as a lexicon: lemmas, UD-style features and inflected forms for Ukrainian and Russian.

The trained morphologizer (issue 3) takes over disambiguation; this module stays the dictionary
that everything else (dates, search, actor names) can ask about a word form.
"""

from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3

# pymorphy3 (OpenCorpora-style) grammemes -> Universal Dependencies POS and features.
_POS = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB", "INFN": "VERB",
    "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM", "ADVB": "ADV", "NPRO": "PRON",
    "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ", "ADJ": "ADJ",
    "ADV": "ADV", "NUM": "NUM", "PRON": "PRON", "PART": "PART", "NUMB": "NUM", "LATN": "X", "PNCT": "PUNCT",
}
_FEATS = {
    "nomn": ("Case", "Nom"), "gent": ("Case", "Gen"), "datv": ("Case", "Dat"), "accs": ("Case", "Acc"),
    "ablt": ("Case", "Ins"), "loct": ("Case", "Loc"), "voct": ("Case", "Voc"),
    "sing": ("Number", "Sing"), "plur": ("Number", "Plur"),
    "masc": ("Gender", "Masc"), "femn": ("Gender", "Fem"), "neut": ("Gender", "Neut"),
    "past": ("Tense", "Past"), "pres": ("Tense", "Pres"), "futr": ("Tense", "Fut"),
    "1per": ("Person", "1"), "2per": ("Person", "2"), "3per": ("Person", "3"),
    "impr": ("Mood", "Imp"), "indc": ("Mood", "Ind"),
    "perf": ("Aspect", "Perf"), "impf": ("Aspect", "Imp"), "INFN": ("VerbForm", "Inf"),
    "Name": ("NameType", "Giv"), "Surn": ("NameType", "Sur"), "Patr": ("NameType", "Pat"),
    "Geox": ("NameType", "Geo"), "Orgn": ("NameType", "Com"), "Abbr": ("Abbr", "Yes"),
}


class _CachingAnalyzer:
    """A pymorphy3 analyzer whose `parse` remembers its answers: the pipeline asks about the same
    word forms over and over (every stage, every sentence), and a dictionary lookup is slow."""

    def __init__(self, lang: str):
        self._morph = pymorphy3.MorphAnalyzer(lang=lang)
        self.parse = lru_cache(maxsize=500_000)(self._parse)

    def _parse(self, word: str) -> tuple:
        return tuple(self._morph.parse(word))

    def __getattr__(self, name: str):
        if name.startswith("_"):  # not set yet (copying, unpickling): no lookup through `_morph`
            raise AttributeError(name)
        return getattr(self._morph, name)


@cache
def analyzer(lang: str) -> _CachingAnalyzer:
    if lang not in ("uk", "ru"):
        raise ValueError(f"pymorphy3 has no dictionary for {lang!r}")
    return _CachingAnalyzer(lang)


NAME_GRAMMEMES = {"Name", "Surn", "Patr", "Geox", "Orgn"}


def _readings(word: str, lang: str, capitalized: bool):
    """All pymorphy3 readings of a lowercased form, and the one Khronika takes."""
    parses = analyzer(lang).parse(word.replace("’", "'").replace("ʼ", "'"))
    parse = parses[0]
    if lang == "uk" and "infn" in parse.tag.grammemes and word.endswith("ть"):
        # `-ть` infinitives (`представить`) are colloquial; the same form is usually a finite verb
        parse = next((p for p in parses if "infn" not in p.tag.grammemes and p.tag.POS == "VERB"), parse)
    if capitalized:
        # a capitalized word prefers a proper-name reading (`Лаврова` -> `лавров`, not `лавровий`)
        parse = next((p for p in parses if NAME_GRAMMEMES & p.tag.grammemes), parse)
    return parse, parses


@lru_cache(maxsize=200_000)
def dictionary_tag(word: str, lang: str, capitalized: bool = False) -> str:
    """pymorphy3's own class of the taken reading plus its name type (`NOUN|Surn`): a stable feature
    for trained components, independent of how Khronika maps readings to UD."""
    parse, _ = _readings(word, lang, capitalized)
    names = sorted(NAME_GRAMMEMES & parse.tag.grammemes)
    return "|".join([str(parse.tag.POS or "UNKN"), *names])


@lru_cache(maxsize=200_000)
def analyse(word: str, lang: str, capitalized: bool = False) -> tuple[str, str, str]:
    """The most probable (lemma, UD POS, UD feature string) of a lowercased word form."""
    parse, parses = _readings(word, lang, capitalized)
    tag = parse.tag
    pos = _upos(parse, parses, word, capitalized)
    feats = sorted({_FEATS[g] for g in tag.grammemes if g in _FEATS})
    feat_str = "|".join(f"{k}={v}" for k, v in feats)
    apostrophe = next((a for a in "’ʼ" if a in word), None)
    lemma_ = parse.normal_form.replace("'", apostrophe) if apostrophe else parse.normal_form
    return lemma_, pos, feat_str


def _upos(parse, parses, word: str, capitalized: bool) -> str:
    """UD part of speech of the chosen reading; closed-class readings win where a word has them."""
    kinds = {str(p.tag.POS) for p in parses}
    if "PREP" in kinds:
        return "ADP"  # `на`, `до`, `за`: pymorphy3 often ranks a rare particle/noun reading first
    if any("subord" in p.tag.grammemes for p in parses):
        return "SCONJ"
    tag = parse.tag
    if not tag.POS:
        return _guess_pos(word, str(tag))
    if tag.POS == "NPRO":
        personal = tag.grammemes & {"pers", "anim", "inan"}
        return "PRON" if personal else "DET"  # `цей`, `свій`, `весь` are determiners in UD
    if capitalized and NAME_GRAMMEMES & tag.grammemes:
        return "PROPN"
    if tag.POS == "VERB" and parse.normal_form == "бути":
        return "AUX"
    return _POS.get(str(tag.POS), "X")


def _guess_pos(word: str, tag: str) -> str:
    if word.isdigit():
        return "NUM"
    if "PNCT" in tag or not any(ch.isalnum() for ch in word):
        return "PUNCT"
    if "UNKN" in tag and word.isalpha():
        return "ADV"  # pymorphy3-uk leaves `вже`, `ще`, `теж` unknown
    return _POS.get(tag.split(",")[0].split()[0], "X")


UD_TO_PYMORPHY = {"NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "ADJ": {"ADJF", "ADJS", "PRTF", "PRTS", "COMP"},
                  "VERB": {"VERB", "INFN", "GRND"}, "AUX": {"VERB", "INFN"}, "PRON": {"NPRO"}, "DET": {"NPRO", "ADJF"},
                  "NUM": {"NUMR"}, "ADV": {"ADVB", "PRED"}}


@lru_cache(maxsize=200_000)
def dictionary_lemmas(word: str, lang: str, upos: str) -> tuple[str, ...]:
    """The lemmas the dictionary allows for a form with this UD part of speech ((): unknown word)."""
    parses = analyzer(lang).parse(word.replace("’", "'").replace("ʼ", "'"))
    if not any(p.is_known for p in parses):
        return ()
    wanted = UD_TO_PYMORPHY.get(upos)
    fitting = [p for p in parses if wanted is None or str(p.tag.POS) in wanted] or parses
    lemmas = dict.fromkeys(p.normal_form for p in fitting)
    apostrophe = next((a for a in "’ʼ" if a in word), None)
    return tuple(lem.replace("'", apostrophe) if apostrophe else lem for lem in lemmas)


def lemma(word: str, lang: str) -> str:
    return analyse(word.lower(), lang, word[:1].isupper())[0]


def inflected_forms(lemma_: str, lang: str, pos: str = "NOUN") -> set[str]:
    """Every form in the lexeme of `lemma_` whose analysis has the given POS (pymorphy3 names)."""
    forms: set[str] = set()
    for parse in analyzer(lang).parse(lemma_):
        if parse.normal_form == lemma_.lower() and pos == parse.tag.POS:
            forms.update(f.word for f in parse.lexeme)
    return forms

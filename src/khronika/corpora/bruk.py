"""BRUK's disambiguated gold (`data/disambig/*.xml`): sentences with lemmas and VESUM tags mapped to UD.

VESUM tags are colon-separated (`noun:inanim:f:v_zna`, `adj:m:v_rod:pron:dem`); `vesum_to_ud`
turns one into a UD part of speech and a sorted UD feature string, for training a morphologizer
that is evaluated on UD_Ukrainian-IU.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CASES = {"v_naz": "Nom", "v_rod": "Gen", "v_dav": "Dat", "v_zna": "Acc", "v_oru": "Ins", "v_mis": "Loc",
         "v_kly": "Voc"}
GENDERS = {"m": "Masc", "f": "Fem", "n": "Neut"}
SIMPLE = {
    "anim": ("Animacy", "Anim"), "inanim": ("Animacy", "Inan"), "perf": ("Aspect", "Perf"),
    "imperf": ("Aspect", "Imp"), "past": ("Tense", "Past"), "pres": ("Tense", "Pres"), "futr": ("Tense", "Fut"),
    "1": ("Person", "1"), "2": ("Person", "2"), "3": ("Person", "3"), "compb": ("Degree", "Pos"),
    "compc": ("Degree", "Cmp"), "comps": ("Degree", "Sup"), "fname": ("NameType", "Giv"),
    "lname": ("NameType", "Sur"), "pname": ("NameType", "Pat"), "geo": ("NameType", "Geo"),
    "abbr": ("Abbr", "Yes"), "pers": ("PronType", "Prs"), "dem": ("PronType", "Dem"), "int": ("PronType", "Int"),
    "rel": ("PronType", "Rel"), "neg": ("PronType", "Neg"), "def": ("PronType", "Tot"), "pos": ("Poss", "Yes"),
    "refl": ("Reflex", "Yes"), "impr": ("Mood", "Imp"), "pasv": ("Voice", "Pass"), "actv": ("Voice", "Act"),
}
POS = {"noun": "NOUN", "adj": "ADJ", "verb": "VERB", "adv": "ADV", "prep": "ADP", "part": "PART", "intj": "INTJ",
       "numr": "NUM", "number": "NUM", "punct": "PUNCT", "symb": "SYM", "noninfl": "X", "unclass": "X"}


def vesum_to_ud(tags: str, lemma: str = "") -> tuple[str, str]:
    """(UPOS, FEATS) of a VESUM tag string; FEATS is `Key=Value|...` sorted by key, or ""."""
    parts = tags.replace("&", "").split(":")  # zoloto writes `&pron` for a pronominal class
    head = parts[0]
    marks = set(parts[1:])
    feats: dict[str, str] = {}
    for mark in parts[1:]:
        if mark in CASES:
            feats["Case"] = CASES[mark]
        elif mark in GENDERS:
            feats["Gender"] = GENDERS[mark]
        elif mark in ("s", "p"):
            feats["Number"] = "Sing" if mark == "s" else "Plur"
        elif mark in SIMPLE:
            key, value = SIMPLE[mark]
            if key == "PronType" and "PronType" in feats and value not in ("Rel", "Int"):
                continue  # `pron:int:rel:def`: UD-IU keeps the relative/interrogative reading
            if key == "NameType" and value == "Geo":
                continue  # UD-IU does not mark place names
            feats[key] = value
    if head == "conj":
        upos = "SCONJ" if "subord" in marks else "CCONJ"
    elif head == "noun":
        upos = "PRON" if "pron" in marks else ("PROPN" if "prop" in marks else "NOUN")
        if "Gender" in feats and "Number" not in feats and "ns" not in marks:
            feats["Number"] = "Sing"
        if feats.get("Number") == "Plur" and "Gender" not in feats and upos != "PRON" and lemma:
            gender = lemma_gender(lemma)  # VESUM drops gender in the plural; UD-IU keeps the lemma's
            if gender:
                feats["Gender"] = gender
        if "nv" in marks:
            feats["Uninflect"] = "Yes"
    elif head == "adj":
        upos = "DET" if "pron" in marks else "ADJ"
        if "adjp" in marks:
            feats["VerbForm"] = "Part"
        if "Gender" in feats and "Number" not in feats:
            feats["Number"] = "Sing"
    elif head == "verb":
        upos = "AUX" if lemma == "бути" else "VERB"
        if "inf" in marks:
            feats["VerbForm"] = "Inf"
        elif "advp" in marks:
            feats["VerbForm"] = "Conv"
        else:
            feats["VerbForm"] = "Fin"
            feats.setdefault("Mood", "Ind")
    else:
        upos = POS.get(head, "X")
    if upos in ("PUNCT", "SYM", "ADP", "CCONJ", "SCONJ", "PART", "INTJ"):
        feats = {k: v for k, v in feats.items() if k == "Abbr"}
    feats.update(_closed_class_features(upos, head, lemma))
    return upos, "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


PUNCT_TYPES = {**dict.fromkeys("«»„“”\"'", "Quot"), **dict.fromkeys("—–-", "Dash"), **dict.fromkeys("()[]", "Brck")}


def _closed_class_features(upos: str, head: str, lemma: str) -> dict[str, str]:
    """Features UD-IU gives that VESUM leaves implicit."""
    if upos == "PUNCT" and lemma in PUNCT_TYPES:
        return {"PunctType": PUNCT_TYPES[lemma]}
    if upos == "NUM" and lemma.isdigit():
        return {"NumType": "Card", "Uninflect": "Yes"}
    if upos == "PART" and lemma in ("не", "ні"):
        return {"Polarity": "Neg"}
    return {}


@cache
def lemma_gender(lemma: str) -> str | None:
    from khronika.language.morphology import analyzer

    for parse in analyzer("uk").parse(lemma):
        if parse.tag.POS == "NOUN" and parse.normal_form == lemma.lower():
            for grammeme, gender in (("masc", "Masc"), ("femn", "Fem"), ("neut", "Neut")):
                if grammeme in parse.tag.grammemes:
                    return gender
    return None


@dataclass(frozen=True)
class TaggedWord:
    form: str
    lemma: str
    upos: str
    feats: str


def iter_bruk(folder: Path, exclude: set[str] = frozenset(),
              only: set[str] | None = None) -> Iterator[list[TaggedWord]]:
    """Sentences of the disambiguated BRUK documents (all, or `only` these stems), less `exclude`."""
    paths = [folder / f"{s}.xml" for s in sorted(only)] if only is not None else sorted(folder.glob("*.xml"))
    for path in paths:
        if path.stem in exclude or re.sub(r"\(\d+\)$", "", path.stem) in exclude:
            continue
        root = ET.parse(path).getroot()
        for sentence in root.iter("sentence"):
            words = []
            for token in sentence.iter("token"):
                upos, feats = vesum_to_ud(token.get("tags", ""), token.get("lemma", ""))
                words.append(TaggedWord(token.get("value", ""), token.get("lemma", ""), upos, feats))
            if words:
                yield words

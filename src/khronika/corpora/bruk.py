"""BRUK's disambiguated gold (`data/disambig/*.xml`): sentences with lemmas and VESUM tags mapped to UD.

VESUM tags are colon-separated (`noun:inanim:f:v_zna`, `adj:m:v_rod:pron:dem`); `vesum_to_ud`
turns one into a UD part of speech and a sorted UD feature string, for training a morphologizer
that is evaluated on UD_Ukrainian-IU.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def _table() -> dict:
    return json.loads(resources.files("khronika.data").joinpath("language", "vesum_ud.json").read_text("utf-8"))


def vesum_to_ud(tags: str, lemma: str = "", aux_marked: bool = False) -> tuple[str, str]:
    """(UPOS, FEATS) of a VESUM tag string, following UD_Ukrainian-IU's conventions; FEATS is
    `Key=Value|...` in UD's order (by key, ignoring case), or "". Both dialects are read: BRUK's
    (`pron`, `pos`, `compc`) and zoloto's (`&pron`, `poss`, `compr`, `&noun`, `&numr`, `prep:rv_rod`, `verb:aux`). With
    `aux_marked` (zoloto) only `verb:aux` is AUX; else (BRUK) every form of бути is."""
    table = _table()
    head, *marks = tags.split(":")
    marks = [m.lstrip("&") for m in marks]
    if head == "advp":  # BRUK writes converbs as a part of speech
        head, marks = "verb", ["advp", *marks]
    feats: dict[str, str] = {}
    for mark in marks:
        key, value = table["marks"].get(mark, (None, None))
        if key == "PronType" and "PronType" in feats and value not in ("Rel", "Int"):
            continue  # `pron:int:rel:def`: UD-IU keeps the relative/interrogative reading
        if key == "NumType" and head != "adj":
            continue  # `&numr` marks ordinal adjectives
        if key:
            feats[key] = value
    upos = _upos(head, set(marks), lemma, aux_marked)
    if upos in ("NUM", "DET") and head in ("numr", "number"):
        feats["NumType"] = "Card"
        if head == "number" or lemma.isdigit():
            feats["Uninflect"] = "Yes"
    if head == "verb" and "VerbForm" not in feats:
        feats["VerbForm"] = "Fin"
    if feats.get("VerbForm") == "Fin":
        feats.setdefault("Mood", "Ind")
    if "ns" in marks:
        feats["Number"] = "Ptan"
        feats.pop("Gender", None)
    if "Gender" in feats and "Number" not in feats and upos != "NUM":
        feats["Number"] = "Sing"
    if feats.get("Number") == "Plur" and "Gender" not in feats and upos in ("NOUN", "PROPN") and lemma:
        gender = lemma_gender(lemma)  # VESUM drops gender in the plural; UD-IU keeps the lemma's
        if gender:
            feats["Gender"] = gender
    if feats.get("Reflex") == "Yes" and upos in ("PRON", "DET"):
        feats.setdefault("PronType", "Prs")
        if upos == "PRON":
            feats.pop("Number", None)  # BRUK's `себе` is `s`
    for key, value in table["lemma_feats"].get(upos, {}).get(lemma, {}).items():
        feats.setdefault(key, value)
    allowed = table["allowed"].get(upos, ())
    return upos, "|".join(f"{k}={feats[k]}" for k in sorted(feats, key=str.lower) if k in allowed)  # UD's order


def _upos(head: str, marks: set[str], lemma: str, aux_marked: bool) -> str:
    if head == "conj":
        return "SCONJ" if "subord" in marks else "CCONJ"
    if head == "noun":
        return "PRON" if "pron" in marks else ("PROPN" if "prop" in marks else "NOUN")
    if head == "adj":
        if "noun" in marks:  # a substantivised adjective (`adj:f:v_naz:&noun:inanim`)
            return "PRON" if "pron" in marks else "NOUN"
        return "DET" if "pron" in marks else "ADJ"
    if head == "numr":
        return "DET" if "pron" in marks else "NUM"
    if head == "verb":
        return "AUX" if "aux" in marks or (lemma == "бути" and not aux_marked) else "VERB"
    if head == "part" and lemma in ("б", "би"):
        return "AUX"
    if head == "noninfl" and "predic" in marks:  # BRUK's `можна`, `треба`
        return "ADV"
    return _table()["pos"].get(head, "X")


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


def _prepositions_take_case(words: list[TaggedWord]) -> list[TaggedWord]:
    """BRUK's prepositions carry no case; UD-IU gives them the case they govern: that of the next
    inflected word before any punctuation."""
    out = list(words)
    for i, word in enumerate(words):
        if word.upos != "ADP" or "Case=" in word.feats:
            continue
        for follower in words[i + 1:i + 5]:
            if follower.upos == "PUNCT":
                break
            case = re.search(r"Case=(\w+)", follower.feats)
            if case:
                feats = "|".join(sorted((f for f in [*word.feats.split("|"), f"Case={case[1]}"] if f), key=str.lower))
                out[i] = TaggedWord(word.form, word.lemma, word.upos, feats)
                break
    return out


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
                yield _prepositions_take_case(words)

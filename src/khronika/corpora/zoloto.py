"""Rebuild UD_Ukrainian-IU's train split from the treebank's source XML (`zoloto-src/annotated`).

A sentence starts at every `<sb/>`, `<p>` and `<doc>`. It is a train sentence when none of its
tokens (`<w_ id>`) appears in the UD dev or test files (joined by the `Id=` of their MISC column)
and exactly one of its tokens has no `dep` arc (the root). The first arc of `dep` is the basic
one; zoloto's internal relation subtypes are mapped to UD's as the UD converter does
(see TRAIN-SOURCE.md beside the data).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from khronika.corpora.bruk import vesum_to_ud

RELATIONS = {
    "conj:parataxis": "conj", "acl:relless": "acl:relcl", "acl:irrel": "acl", "advmod:amtgov": "advmod",
    "appos:nonnom": "appos", "acl:parataxis": "acl", "parataxis:thatis": "parataxis", "appos:spec": "appos",
    "conj:repeat": "conj", "flat:foreign": "fixed", "obl:arg": "obl", "advcl:cmp": "advcl", "nsubj:pass": "nsubj",
}


@dataclass(frozen=True)
class TreeWord:
    id: str
    form: str
    lemma: str
    upos: str
    feats: str
    head: int  # 1-based index in the sentence, 0 for the root
    deprel: str
    space_after: bool


def ud_ids(conllu: Path) -> set[str]:
    return set(re.findall(r"Id=([0-9a-zA-Z]+)", conllu.read_text(encoding="utf-8")))


def _raw_sentences(path: Path) -> Iterator[list[dict]]:
    sentence: list[dict] = []
    for _event, element in ET.iterparse(path, events=("start",)):
        tag = element.tag
        if tag in ("doc", "p", "sb"):
            if sentence:
                yield sentence
            sentence = []
        elif tag == "w_":
            sentence.append({"id": element.get("id"), "dep": element.get("dep"), "space": True})
        elif tag == "w" and sentence and "form" not in sentence[-1]:
            sentence[-1].update(lemma=element.get("lemma", ""), ana=element.get("ana", ""))
        elif tag == "g" and sentence:
            sentence[-1]["space"] = False
    if sentence:
        yield sentence


def _forms(path: Path) -> dict[str, str]:
    """`<w>` text is only complete at its end event, so forms are read in a second pass."""
    forms = {}
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag == "w_":
            w = element.find("w")
            forms[element.get("id")] = (w.text or "") if w is not None else ""
    return forms


def _to_tree(raw: list[dict], forms: dict[str, str]) -> list[TreeWord] | None:
    index = {token["id"]: i + 1 for i, token in enumerate(raw)}
    if sum(1 for t in raw if not t["dep"]) != 1:
        return None  # partly annotated
    words = []
    for token in raw:
        head, deprel = 0, "root"
        if token["dep"]:
            head_id, _, relation = token["dep"].split("|")[0].partition("-")
            if head_id not in index:
                return None
            head, deprel = index[head_id], RELATIONS.get(relation, relation)
        upos, feats = vesum_to_ud(token.get("ana", ""), token.get("lemma", ""), aux_marked=True)
        words.append(TreeWord(token["id"], forms.get(token["id"], ""), token.get("lemma", ""), upos, feats, head,
                              deprel, token["space"]))
    for i, word in enumerate(words):  # UD keeps `iobj` only beside an `obj` of the same head
        if word.deprel == "iobj" and not any(w.head == word.head and w.deprel == "obj" for w in words):
            words[i] = TreeWord(**{**word.__dict__, "deprel": "obj"})
    return words


def iter_train(treebank: Path) -> Iterator[list[TreeWord]]:
    """The rebuilt train sentences: complete trees sharing no token with UD dev or test."""
    reserved = ud_ids(treebank / "uk_iu-ud-dev.conllu") | ud_ids(treebank / "uk_iu-ud-test.conllu")
    for path in sorted((treebank / "zoloto-src" / "annotated").glob("*.xml")):
        forms = _forms(path)
        for raw in _raw_sentences(path):
            if any(token["id"] in reserved for token in raw) or any("ana" not in t for t in raw):
                continue
            tree = _to_tree(raw, forms)
            if tree and all(w.form for w in tree):
                yield tree

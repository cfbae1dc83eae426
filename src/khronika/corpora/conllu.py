"""A minimal CoNLL-U reader: sentences of (form, lemma, upos, feats, head, deprel, space_after)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Word:
    form: str
    lemma: str
    upos: str
    feats: str
    head: int
    deprel: str
    space_after: bool


def iter_sentences(path: Path) -> Iterator[list[Word]]:
    sentence: list[Word] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():  # multiword ranges (1-2) and empty nodes (1.1)
            continue
        sentence.append(Word(cols[1], cols[2], cols[3], "" if cols[5] == "_" else cols[5],
                             int(cols[6]) if cols[6].isdigit() else 0, cols[7], "SpaceAfter=No" not in cols[9]))
    if sentence:
        yield sentence

"""Reader of factRuEval-2016 (Russian NER): entity mentions from `.objects` over `.spans`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TYPES = {"Person": "PERS", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}


@dataclass(frozen=True)
class FactRuDocument:
    id: str
    text: str
    entities: tuple[tuple[int, int, str], ...]  # (start, end, PERS|ORG|LOC)
    tokens: tuple[tuple[int, int], ...]


def _spans(path: Path) -> dict[str, tuple[int, int]]:
    spans = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) >= 4:
            start, length = int(fields[2]), int(fields[3])
            spans[fields[0]] = (start, start + length)
    return spans


def iter_factru(corpus: Path, split: str = "testset") -> Iterator[FactRuDocument]:
    folder = corpus / split
    if not folder.is_dir():
        raise FileNotFoundError(f"factRuEval-2016 {split} not found under {corpus}")
    for objects in sorted(folder.glob("*.objects")):
        stem = objects.with_suffix("")
        spans = _spans(stem.with_suffix(".spans"))
        entities = set()
        for line in objects.read_text(encoding="utf-8").splitlines():
            fields = line.split("#")[0].split()
            if len(fields) < 3 or fields[1] not in TYPES:
                continue
            parts = [spans[s] for s in fields[2:] if s in spans]
            if parts:
                entities.add((min(p[0] for p in parts), max(p[1] for p in parts), TYPES[fields[1]]))
        tokens = []
        for line in stem.with_suffix(".tokens").read_text(encoding="utf-8").splitlines():
            fields = line.split()
            if len(fields) >= 3:
                tokens.append((int(fields[1]), int(fields[1]) + int(fields[2])))
        text = stem.with_suffix(".txt").read_text(encoding="utf-8")
        yield FactRuDocument(stem.name, text, tuple(sorted(entities)), tuple(tokens))

"""Reader of the ner-uk corpus (brat standoff) with its official DEV/TEST split.

The corpus is read from a path (default `../shared/data/ner-uk`), never copied into the project.
Documents listed in `HELDOUT.txt` beside the corpora are skipped: they are reserved for
held-out evaluation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Entity:
    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class BratDocument:
    id: str
    source: str  # "bruk" or "ng"
    text: str
    entities: tuple[Entity, ...]


def read_split(split_file: Path) -> dict[str, str]:
    """Document id -> "dev" or "test", from ner-uk's dev-test-split.txt."""
    split, section = {}, None
    for line in split_file.read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if name in ("DEV", "TEST"):
            section = name.lower()
        elif name and section:
            split[name] = section
    return split


def read_ann(path: Path) -> list[Entity]:
    """Text-bound annotations (`T1<TAB>LABEL start end<TAB>surface`); discontinuous spans are skipped."""
    entities = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[0].startswith("T"):
            continue
        fields = " ".join(parts[1:-1]).split()  # "LABEL start end", tab- or space-separated
        if len(fields) != 3 or not fields[1].isdigit() or not fields[2].isdigit():
            continue  # discontinuous spans ("start end;start end") are not used
        entities.append(Entity(fields[0], int(fields[1]), int(fields[2]), parts[-1]))
    return entities


def heldout_ids(corpus: Path) -> set[str]:
    """Ids of ner-uk documents reserved for held-out evaluation (never trained on or evaluated here).

    HELDOUT.txt names `ng` documents by id and BRUK texts by file name; ner-uk v1.0 keeps the BRUK
    file names, and v2.0 `bruk` documents (hashed ids) carry the same tokenised text, so those are
    found by text. Swapped copies (`<id>-swapped`) are excluded with their originals.
    """
    return set(_heldout_ids(str(corpus)))


@cache
def _heldout_ids(corpus_path: str) -> frozenset[str]:
    corpus = Path(corpus_path)
    listing = corpus.parent / "HELDOUT.txt"
    if not listing.exists():
        return frozenset()
    stems = {Path(line.strip()).stem for line in listing.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    ids = set(stems)
    texts = set()
    v1 = corpus / "v1.0" / "data"
    for tokenised in sorted(v1.glob("*.tok.txt")) if v1.is_dir() else []:
        name = tokenised.name[: -len(".tok.txt")]
        if re.sub(r"\(\d+\)$", "", name) in stems:  # BRUK fragments are named `<file>(N)`
            ids.add(f"{name}.tok")
            texts.add(tokenised.read_text(encoding="utf-8").strip())
    bruk = corpus / "v2.0" / "data" / "bruk"
    if texts and bruk.is_dir():
        ids |= {txt.stem for txt in bruk.glob("*.txt") if txt.read_text(encoding="utf-8").strip() in texts}
    return frozenset(ids | {f"{i}-swapped" for i in ids})


def _iter_folder(files: list[Path], splits: dict[str, str], split: str, skip: set[str],
                 source: str) -> Iterator[BratDocument]:
    for ann in files:
        doc_id = ann.name[: -len(".ann")]
        if splits.get(doc_id) != split or doc_id in skip:
            continue
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        yield BratDocument(doc_id, source, text, tuple(read_ann(ann)))


def iter_v2(corpus: Path, split: str, swapped: bool = False) -> Iterator[BratDocument]:
    """ner-uk v2.0 documents of a split ("dev" or "test"), held-out documents excluded.

    With `swapped`, the gender-swapped augmentation of the same split (training data only).
    """
    data = corpus / ("v2.0-swapped" if swapped else "v2.0") / "data"
    if not data.is_dir():
        raise FileNotFoundError(f"ner-uk {'v2.0-swapped' if swapped else 'v2.0'} not found under {corpus}")
    splits = read_split(data / "dev-test-split.txt")
    skip = heldout_ids(corpus)
    for source in ("bruk", "ng"):
        if (data / source).is_dir():
            yield from _iter_folder(sorted((data / source).glob("*.ann")), splits, split, skip, source)


def iter_v1(corpus: Path, split: str) -> Iterator[BratDocument]:
    """ner-uk v1.0 (4 types, BRUK texts, tokenised `*.tok.*` files), held-out documents excluded."""
    data = corpus / "v1.0" / "data"
    if not data.is_dir():
        raise FileNotFoundError(f"ner-uk v1.0 not found under {corpus}")
    splits = read_split(corpus / "v1.0" / "dev-test-split.txt")
    yield from _iter_folder(sorted(data.glob("*.tok.ann")), splits, split, heldout_ids(corpus), "bruk")


def outermost(entities) -> list[Entity]:
    """The outermost of nested entities (first and longest wins), as in ner-uk's official IOB files."""
    kept: list[Entity] = []
    for entity in sorted(entities, key=lambda e: (e.start, -(e.end - e.start))):
        if kept and entity.start < kept[-1].end:
            continue
        kept.append(entity)
    return kept


def to_spacy_doc(nlp, document: BratDocument, labels: set[str] | None = None):
    """A spaCy Doc of the raw text with the outermost entities as `doc.ents`.

    ner-uk entities can nest; the training target keeps the outer ones (as the official IOB
    conversion does). Entity boundaries that fall inside a token expand to whole tokens, so the
    offsets survive the raw `ng` texts, whose tokenisation is not ner-uk's.
    """
    doc = nlp.make_doc(document.text)
    spans = []
    entities = [e for e in document.entities if labels is None or e.label in labels]
    for entity in outermost(entities):
        span = doc.char_span(entity.start, entity.end, label=entity.label, alignment_mode="expand")
        if span is None or (spans and span.start < spans[-1].end):
            continue  # boundaries expanded to whole tokens may now touch the previous entity
        spans.append(span)
    doc.ents = spans
    return doc

"""Reader of the ner-uk corpus (brat standoff) with its official DEV/TEST split.

The corpus is read from a path (default `../shared/data/ner-uk`), never copied into the project.
Documents listed in `HELDOUT.txt` beside the corpora are skipped: they are reserved for
held-out evaluation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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
    listing = corpus.parent / "HELDOUT.txt"
    if not listing.exists():
        return set()
    return {Path(line.strip()).stem for line in listing.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def iter_v2(corpus: Path, split: str) -> Iterator[BratDocument]:
    """ner-uk v2.0 documents of a split ("dev" or "test"), held-out documents excluded."""
    data = corpus / "v2.0" / "data"
    if not data.is_dir():
        raise FileNotFoundError(f"ner-uk v2.0 not found under {corpus}")
    splits = read_split(data / "dev-test-split.txt")
    skip = heldout_ids(corpus)
    for source in ("bruk", "ng"):
        for ann in sorted((data / source).glob("*.ann")):
            doc_id = ann.stem
            if splits.get(doc_id) != split or doc_id in skip:
                continue
            text = ann.with_suffix(".txt").read_text(encoding="utf-8")
            yield BratDocument(doc_id, source, text, tuple(read_ann(ann)))


def to_spacy_doc(nlp, document: BratDocument, labels: set[str] | None = None):
    """A spaCy Doc of the raw text with the outermost entities as `doc.ents`.

    ner-uk entities can nest; the training target keeps the outer ones (as the official IOB
    conversion does). Entity boundaries that fall inside a token expand to whole tokens, so the
    offsets survive the raw `ng` texts, whose tokenisation is not ner-uk's.
    """
    doc = nlp.make_doc(document.text)
    spans = []
    for entity in sorted(document.entities, key=lambda e: (e.start, -(e.end - e.start))):
        if labels is not None and entity.label not in labels:
            continue
        span = doc.char_span(entity.start, entity.end, label=entity.label, alignment_mode="expand")
        if span is None or (spans and span.start < spans[-1].end):
            continue  # nested or overlapping: keep the outer, earlier entity
        spans.append(span)
    doc.ents = spans
    return doc

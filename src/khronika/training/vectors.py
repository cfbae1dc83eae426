"""`khronika train vectors`: static word vectors for the Ukrainian NER, from raw Ukrainian text.

spaCy's NER learns from ner-uk's few hundred documents only; vectors trained on some tens of
millions of words of raw text tell it which words behave alike (surnames, towns, ministries)
before it sees them labelled. fastText (gensim) builds word vectors from character n-grams, so
rare inflected forms still get a good vector; the most frequent words are then written as a
spaCy vectors table, pruned to a fixed number of rows (a pruned word maps to its nearest kept one).

Texts read (paths relative to the shared data folder): raw-uk (ua-gec, brown-uk-bad, the ukwiki
sample without markup, and a capped share of ua-legislation so that laws do not dominate),
BRUK's `good` and `so-so` texts, and ner-uk v2.0 `ng` news. Documents of ner-uk TEST and those
listed in HELDOUT.txt are skipped, so the vectors have never seen an evaluation text.
"""

from __future__ import annotations

import html
import json
import logging
import lzma
import re
import tarfile
from collections.abc import Iterator
from pathlib import Path

from khronika.corpora.ner_uk import heldout_ids, read_split
from khronika.training.syntax import excluded_bruk_stems

MODEL_VECTORS = Path("build/vectors/uk_vectors")
WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*|\d+", re.UNICODE)
WIKI_MARKUP = [
    (re.compile(r"\{\{[^{}]*\}\}"), " "),  # templates (innermost first, repeated below)
    (re.compile(r"<ref[^>]*?/>|<ref.*?</ref>", re.S), " "),
    (re.compile(r"<[^>]+>"), " "),
    (re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]"), r"\1"),
    (re.compile(r"\[https?://\S+\s*([^\]]*)\]"), r"\1"),
    (re.compile(r"'{2,}|={2,}|^[*#:;|!{}].*$", re.M), " "),
]


def words(text: str) -> list[str]:
    """Lower-cased words and numbers, apostrophes and hyphens kept inside words."""
    return [w.lower().replace("’", "'").replace("ʼ", "'") for w in WORD.findall(text)]


def _sentences(text: str) -> Iterator[list[str]]:
    for paragraph in text.split("\n"):
        tokens = words(paragraph)
        if len(tokens) > 2:
            yield tokens


def _strip_wiki(text: str) -> str:
    for _ in range(3):
        text = WIKI_MARKUP[0][0].sub(" ", text)
    for pattern, replacement in WIKI_MARKUP[1:]:
        text = pattern.sub(replacement, text)
    return text


def _wiki_texts(folder: Path) -> Iterator[str]:
    for archive in sorted(folder.glob("*.xz")):
        with lzma.open(archive, "rt", encoding="utf-8", errors="replace") as handle:
            xml = handle.read()
        for body in re.findall(r"<text[^>]*>(.*?)</text>", xml, flags=re.S):
            yield _strip_wiki(html.unescape(body))


def _law_texts(folder: Path, max_chars: int) -> Iterator[str]:
    budget = max_chars
    for archive in sorted(folder.glob("*.tar.xz")):
        with tarfile.open(archive, "r:xz") as tar:
            for member in tar:
                if budget <= 0:
                    return
                handle = tar.extractfile(member) if member.isfile() else None
                if handle is None:
                    continue
                act = json.loads(handle.read().decode("utf-8"))
                text = "\n".join(f"{p.get('title', '')}\n{p.get('content', '')}" for p in act.get("provisions", []))
                budget -= len(text)
                yield text


def _excluded_ng(ner_uk: Path) -> set[str]:
    splits = read_split(ner_uk / "v2.0" / "data" / "dev-test-split.txt")
    return {doc for doc, part in splits.items() if part != "dev"} | heldout_ids(ner_uk)


def iter_texts(data: Path, law_chars: int = 40_000_000) -> Iterator[str]:
    """Raw documents for pretraining, evaluation and held-out texts left out."""
    ner_uk = data / "ner-uk"
    raw = data / "raw-uk"
    for folder in ("ua-gec", "brown-uk-bad"):
        for path in sorted((raw / folder).rglob("*.txt")):
            yield path.read_text(encoding="utf-8", errors="replace")
    yield from _wiki_texts(raw / "ukwiki-sample")
    excluded = excluded_bruk_stems(ner_uk)
    for quality in ("good", "so-so"):
        for path in sorted((data / "brown-uk-bruk" / "data" / quality).glob("*.txt")):
            if path.stem not in excluded:
                yield path.read_text(encoding="utf-8", errors="replace")
    skip = _excluded_ng(ner_uk)
    for path in sorted((ner_uk / "v2.0" / "data" / "ng").glob("*.txt")):
        if path.stem not in skip:
            yield path.read_text(encoding="utf-8")
    yield from _law_texts(raw / "ua-legislation", law_chars)


def write_sentences(data: Path, target: Path, law_chars: int = 40_000_000) -> dict:
    """One lower-cased, space-separated sentence per line (gensim's LineSentence format)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    n_lines = n_words = 0
    with target.open("w", encoding="utf-8") as out:
        for text in iter_texts(data, law_chars):
            for sentence in _sentences(text):
                out.write(" ".join(sentence) + "\n")
                n_lines += 1
                n_words += len(sentence)
    return {"lines": n_lines, "words": n_words}


def train(data: Path, output: Path = MODEL_VECTORS, workdir: Path = Path("build/vectors"), dim: int = 100,
          rows: int = 20_000, keys: int = 200_000, epochs: int = 5, law_chars: int = 40_000_000,
          workers: int = 2, seed: int = 13) -> Path:
    """Train fastText vectors and write a spaCy vectors model (`nlp.vocab.vectors`) to `output`."""
    from gensim.models import FastText

    logging.basicConfig(format="%(asctime)s %(message)s", level=logging.INFO)
    sentences = workdir / "sentences.txt"
    counts = write_sentences(data, sentences, law_chars)
    model = FastText(vector_size=dim, window=5, min_count=3, min_n=3, max_n=5, sg=1, epochs=epochs,
                     workers=workers, seed=seed, bucket=500_000)
    model.build_vocab(corpus_file=str(sentences))
    model.train(corpus_file=str(sentences), epochs=epochs, total_examples=model.corpus_count,
                total_words=model.corpus_total_words)
    model.save(str(workdir / "fasttext.model"))
    return to_spacy(model, output, rows, keys, counts)


def to_spacy(model, output: Path, rows: int, keys: int, counts: dict) -> Path:
    """Write the `keys` most frequent words' vectors as a spaCy vectors table of `rows` rows."""
    import numpy
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("uk")
    vocabulary = model.wv.index_to_key[:keys]
    for word in vocabulary:
        nlp.vocab.strings.add(word)
    table = numpy.asarray([model.wv[w] for w in vocabulary], dtype="float32")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=table, keys=vocabulary, attr="NORM")
    nlp.vocab.vectors.name = "khronika_uk_fasttext"
    nlp.vocab.prune_vectors(rows)
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    (output / "training.json").write_text(json.dumps({**counts, "keys": len(vocabulary), "rows": rows}, indent=1))
    return output

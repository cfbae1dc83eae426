"""`khronika eval quotes`: quotations on the hand-annotated dev set `tests/data/quotes_dev*.jsonl`.

Each document runs through Khronika's pipeline as it is (no furniture cleaning, so the gold offsets
hold). Output and gold quotes are paired one to one, greedily by overlap:
- overlap match: the two spans share at least half of the shorter one;
- exact match: the same span once edge spaces and punctuation are trimmed.
Precision, recall and F1 are given for both. Speaker accuracy is over overlap-matched gold
quotes that name a speaker: the output speaker's actor has the gold name (or one of its names in
the knowledge base). Kind accuracy is over the same pairs.
"""

from __future__ import annotations

from pathlib import Path

from khronika.actors.names import consonant_key
from khronika.evaluation.gold import analyse_raw, english_names, load_documents, norm
from khronika.model import Analysis

DEV_FILES = "quotes_dev*.jsonl"
EDGE = " \t\n.,;:!?«»„“”\"'–—-"


def load_dev(folder: Path) -> list[dict]:
    return load_documents(folder, DEV_FILES)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def _speaker_right(gold: dict, quote, analysis: Analysis) -> bool:
    """The speaker's actor has the gold name (or one of its names in the knowledge base); for a
    person outside the base, a name spelled the same up to romanisation (every word's consonant
    skeleton: `Nataliia`/`Natalia Berezhanska`); for an organisation outside the base, which the
    gold names in English words Khronika cannot produce, the same words in the text as the gold's
    `speaker_text`."""
    actors = {a.id: a for a in analysis.actors}
    actor = actors.get(quote.speaker or "")
    if actor is None:
        return False
    if norm(gold["speaker"]) in english_names(actor):
        return True
    if actor.in_kb:
        return False
    if actor.type == "PER":
        return any(_skeleton(gold["speaker"]) == _skeleton(name) for name in english_names(actor))
    said, written = norm(quote.speaker_text), norm(gold.get("speaker_text"))
    return bool(said and written and (said in written or written in said))


def _skeleton(name: str) -> tuple[str, ...]:
    return tuple(consonant_key(word) for word in norm(name).split())


def evaluate_quotes(data: Path, dev_folder: Path, analyse=None) -> dict:
    analyse = analyse or analyse_raw
    counts = {"gold": 0, "output": 0, "overlap": 0, "exact": 0, "with_speaker": 0, "speaker_right": 0,
              "kind_right": 0}
    misses, documents = [], load_dev(dev_folder)
    for document in documents:
        text = (data / document["doc"]).read_text(encoding="utf-8")
        analysis = analyse(text)
        output = list(analysis.quotes)
        counts["gold"] += len(document["quotes"])
        counts["output"] += len(output)
        free = list(range(len(output)))
        for gold in document["quotes"]:
            g = _trimmed(text, gold["start"], gold["end"])
            match = next((i for i in free if _overlaps(g, _trimmed(text, output[i].start, output[i].end))), None)
            if match is None:
                misses.append({"doc": document["doc"], "missed": gold["text"][:100], "kind": gold["kind"]})
                continue
            free.remove(match)
            quote = output[match]
            counts["overlap"] += 1
            counts["exact"] += g == _trimmed(text, quote.start, quote.end)
            counts["kind_right"] += quote.kind == gold["kind"]
            if gold.get("speaker"):
                counts["with_speaker"] += 1
                counts["speaker_right"] += _speaker_right(gold, quote, analysis)
        misses += [{"doc": document["doc"], "extra": output[i].text[:100]} for i in free]
    return _report(counts, len(documents), misses)


def _prf(right: int, output: int, gold: int) -> dict:
    p = right / output if output else 0.0
    r = right / gold if gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _report(counts: dict, n_documents: int, misses: list[dict]) -> dict:
    return {
        "documents": n_documents, "gold_quotes": counts["gold"], "output_quotes": counts["output"],
        "overlap": _prf(counts["overlap"], counts["output"], counts["gold"]),
        "exact": _prf(counts["exact"], counts["output"], counts["gold"]),
        "speaker_accuracy": round(counts["speaker_right"] / counts["with_speaker"], 4)
        if counts["with_speaker"] else None,
        "kind_accuracy": round(counts["kind_right"] / counts["overlap"], 4) if counts["overlap"] else None,
        "errors": misses,
    }


def format_report(report: dict) -> str:
    o, e = report["overlap"], report["exact"]
    lines = [f"quotes dev set: {report['documents']} documents, {report['gold_quotes']} gold quotes, "
             f"{report['output_quotes']} found",
             f"overlap  P {o['precision']}  R {o['recall']}  F1 {o['f1']}",
             f"exact    P {e['precision']}  R {e['recall']}  F1 {e['f1']}",
             f"speaker accuracy {report['speaker_accuracy']}  kind accuracy {report['kind_accuracy']}"]
    lines += [f"  {m}" for m in report["errors"][:40]]
    return "\n".join(lines)

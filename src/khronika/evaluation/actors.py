"""`khronika eval actors`: entity linking on the hand-annotated dev set in `tests/data/actors_dev*.jsonl`.

Each gold mention (a ner-uk PERS/ORG/LOC span) names the actor it refers to (canonical English
name, Wikidata id where certain, whether the actor is in the knowledge base's scope). The whole
document runs through Khronika's pipeline; the output mention overlapping a gold span most is
taken as its link.

- accuracy: in-scope gold mentions linked to the right actor (same Wikidata id, or the same
  canonical or alternative English name), over all in-scope gold mentions;
- precision: right links over all links made for in-scope mentions (a wrong id is worse than none);
- coverage: gold mentions (all) that got any actor id;
- local consistency: for actors outside the knowledge base, pairs of mentions of one gold actor
  within a document that share one id (recall), and pairs sharing an id that are one gold actor
  (precision).
"""

from __future__ import annotations

from pathlib import Path

from khronika.evaluation.gold import analyse_raw, english_names, load_documents, norm
from khronika.model import Analysis

DEV_FILES = "actors_dev*.jsonl"


def load_dev(folder: Path) -> list[dict]:
    return load_documents(folder, DEV_FILES)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _linked(analysis: Analysis, start: int, end: int):
    """The output mention that overlaps the gold span most; among equals, the one closest in
    length (`України` inside the role phrase `Президента України` is the country)."""
    best, best_key = None, (0, 0)
    for mention in analysis.mentions:
        if mention.label not in ("PERS", "ORG", "LOC") or mention.kind == "modifier":
            continue
        overlap = _overlap(start, end, mention.start, mention.end)
        key = (overlap, -abs((mention.end - mention.start) - (end - start)))
        if overlap and key > best_key:
            best, best_key = mention, key
    return best


def _right(gold: dict, actor) -> bool:
    """Same Wikidata id, or the gold name is one of the actor's English names (a body renamed
    over the years keeps one entry: `Ministry of Economic Development and Trade` is `Ministry of
    Economy`)."""
    if actor is None:
        return False
    if gold.get("qid") and actor.wikidata == gold["qid"]:
        return True
    return norm(gold["name"]) in english_names(actor)


def evaluate_actors(data: Path, dev_folder: Path, analyse=None) -> dict:
    analyse = analyse or analyse_raw
    totals = {"in_scope": 0, "right": 0, "wrong": 0, "unlinked": 0, "mentions": 0, "covered": 0}
    pairs = {"same_gold": 0, "same_gold_same_id": 0, "same_id": 0, "same_id_same_gold": 0}
    errors = []
    documents = load_dev(dev_folder)
    for document in documents:
        text = (data / document["doc"]).read_text(encoding="utf-8")
        analysis = analyse(text)
        actors = {a.id: a for a in analysis.actors}
        local = []
        for gold in document["mentions"]:
            if not gold.get("name"):
                continue
            totals["mentions"] += 1
            mention = _linked(analysis, gold["start"], gold["end"])
            actor = actors.get(mention.actor) if mention is not None and mention.actor else None
            totals["covered"] += actor is not None
            if gold.get("in_scope"):
                totals["in_scope"] += 1
                outcome = "right" if _right(gold, actor) else ("wrong" if actor is not None else "unlinked")
                totals[outcome] += 1
                if outcome != "right":
                    errors.append({"doc": document["doc"], "text": gold["text"], "gold": gold["name"],
                                   "got": actor.name if actor else None})
            else:
                local.append((gold["name"], mention.actor if mention else None))
        _count_pairs(local, pairs)
    linked = totals["right"] + totals["wrong"]
    return {
        "documents": len(documents), "mentions": totals["mentions"], "in_scope_mentions": totals["in_scope"],
        "accuracy": round(totals["right"] / totals["in_scope"], 4) if totals["in_scope"] else None,
        "precision": round(totals["right"] / linked, 4) if linked else None,
        "coverage": round(totals["covered"] / totals["mentions"], 4) if totals["mentions"] else None,
        "right": totals["right"], "wrong": totals["wrong"], "unlinked": totals["unlinked"],
        "local_consistency_recall": round(pairs["same_gold_same_id"] / pairs["same_gold"], 4)
        if pairs["same_gold"] else None,
        "local_consistency_precision": round(pairs["same_id_same_gold"] / pairs["same_id"], 4)
        if pairs["same_id"] else None,
        "errors": errors,
    }


def _count_pairs(local: list[tuple[str, str | None]], pairs: dict) -> None:
    for i, (gold_a, id_a) in enumerate(local):
        for gold_b, id_b in local[i + 1:]:
            if gold_a == gold_b:
                pairs["same_gold"] += 1
                pairs["same_gold_same_id"] += bool(id_a and id_a == id_b)
            if id_a and id_a == id_b:
                pairs["same_id"] += 1
                pairs["same_id_same_gold"] += gold_a == gold_b


def format_report(report: dict) -> str:
    lines = [f"actor linking dev set: {report['documents']} documents, {report['mentions']} mentions, "
             f"{report['in_scope_mentions']} in the knowledge base's scope",
             f"accuracy {report['accuracy']}  precision {report['precision']}  coverage {report['coverage']}",
             f"right {report['right']}  wrong {report['wrong']}  unlinked {report['unlinked']}",
             f"local ids: consistency recall {report['local_consistency_recall']}, "
             f"precision {report['local_consistency_precision']}"]
    lines += [f"  {e['gold']!r} <- {e['text']!r}: got {e['got']!r}  ({e['doc']})" for e in report["errors"][:40]]
    return "\n".join(lines)

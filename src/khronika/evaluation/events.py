"""`khronika eval events`: PLOVER events on the hand-annotated Ukrainian dev set
`tests/data/events_dev*.jsonl` (format in `tests/data/events_dev.md`), with `split="train"` on the
train set `events_train*.jsonl` (`events_train.md`), or with `split="test"` on the test set
`tests/data/events_test*.jsonl`, annotated the same way on other documents and never used to write
rules or train models, so that the dev figure's generalisation can be checked.

Each document runs through the pipeline as it is stored (no furniture cleaning). Output and gold
events are paired one to one (a maximum bipartite matching, as `seed_check.py events` does): a pair
needs the same category, an output actor named in the gold actor's `any_of`, and for a gold
recipient an output recipient named in its `any_of`; a gold recipient of null asks nothing
(`lenient`) or asks for no output recipient (`strict`). An actor is named when its English name,
one of its names in the knowledge base, its name as written, or the text of one of its mentions in
the document equals a gold name once normalised, or holds the same words (compared on their first
five letters, so that inflection and `райрада`/`районна рада` do not count; see `_same_name`).

Gold events marked `negated` (an event said not to have happened) are left out: Khronika does not
code them, as the PLOVER manual allows. Category-only figures pair on the category alone, to tell
the category errors from the role errors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from khronika.evaluation.gold import analyse_raw, english_names, load_documents, norm
from khronika.model import Analysis, Event, party_ids

SPLIT_FILES = {"dev": "events_dev*.jsonl", "train": "events_train*.jsonl", "test": "events_test*.jsonl"}


def actor_names(analysis: Analysis) -> dict[str, set[str]]:
    """Each actor's names, normalised: those `english_names` gives and the text of its mentions."""
    names = {a.id: english_names(a) for a in analysis.actors}
    for mention in analysis.mentions:
        if mention.actor:
            names.setdefault(mention.actor, set()).add(norm(mention.text))
    return names


def is_named(ids, spec: dict | None, names: dict[str, set[str]]) -> bool:
    """Whether one of the parties `ids` has a name in the gold `spec` (`any_of`); a party missing from
    `names` is known by its id."""
    wanted = {norm(x) for x in (spec or {}).get("any_of", [])}
    return any(_same_name(n, w) for i in party_ids(ids) for n in names.get(i, {norm(i)}) for w in wanted)


def _stems(name: str) -> set[str]:
    return {word[:5] for word in name.split() if len(word) > 2}


def _same_name(a: str, b: str) -> bool:
    """Equal, or one name's words (their first five letters, so inflection and `райрада`/`районна
    рада` aside) all in the other's, when that name has two words or one long word."""
    if a == b:
        return True
    x, y = _stems(a), _stems(b)
    small, large = (x, y) if len(x) <= len(y) else (y, x)
    if not small or not small <= large:
        return False
    return len(small) >= 2 or len(next(iter(small))) >= 5 and len(min(a, b, key=len)) >= 6


BOTH_ROLES = ("actor", "recipient")


def matches(event: Event, gold: dict, names: dict[str, set[str]], strict: bool = False,
            roles: tuple[str, ...] = BOTH_ROLES) -> bool:
    """Same category and the `roles` asked for (both, one, or none for category-only figures)."""
    if event.type != gold["type"]:
        return False
    if "actor" in roles and not is_named(event.actor, gold.get("actor"), names):
        return False
    if "recipient" not in roles:
        return True
    if gold.get("recipient") is None:
        return not (strict and event.recipient)
    return is_named(event.recipient, gold["recipient"], names)


# Each figure: its label, whether a null gold recipient asks for none, and the roles compared.
FIGURES = (("lenient", False, BOTH_ROLES), ("strict", True, BOTH_ROLES), ("actor", False, ("actor",)),
           ("recipient", False, ("recipient",)), ("category", False, ()))
FIGURE_NAMES = {"lenient": "category + actor + recipient (gold null recipient asks nothing)",
                "strict": "category + actor + recipient (gold null recipient asks for none)",
                "actor": "category + actor", "recipient": "category + recipient",
                "category": "category only"}


def one_to_one(golds: list[dict], events: list[Event], fits: Callable[[Event, dict], bool]) -> dict[int, int]:
    """Gold index -> output index, a maximum matching (each output event serves one gold event)."""
    candidates = [[i for i, e in enumerate(events) if fits(e, g)] for g in golds]
    owner: dict[int, int] = {}

    def place(k: int, seen: set[int]) -> bool:
        for i in candidates[k]:
            if i not in seen:
                seen.add(i)
                if i not in owner or place(owner[i], seen):
                    owner[i] = k
                    return True
        return False

    for k in range(len(golds)):
        place(k, set())
    return {k: i for i, k in owner.items()}


def prf(right: int, gold: int, output: int) -> dict[str, float]:
    p = right / output if output else 0.0
    r = right / gold if gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def evaluate_events(data: Path, dev_folder: Path, analyse=None, show_errors: bool = False,
                    split: str = "dev") -> dict:
    documents = load_documents(dev_folder, SPLIT_FILES[split])
    if not documents:
        raise FileNotFoundError(f"no {split} set: nothing matches {SPLIT_FILES[split]} in {dev_folder}")
    return {"split": split, **score_documents(documents, data, analyse, show_errors)}


def score_documents(documents: list[dict], data: Path, analyse=None, show_errors: bool = False) -> dict:
    """The figures of `evaluate_events` on these annotated documents."""
    analyse = analyse or analyse_raw
    right = Counter()
    gold_total = output_total = 0
    per_type_gold, per_type_right = Counter(), Counter()
    errors = []
    for document in documents:
        analysis = analyse((data / document["doc"]).read_text(encoding="utf-8"))
        golds = [g for g in document["events"] if not g.get("negated")]
        events, names = analysis.events, actor_names(analysis)
        gold_total += len(golds)
        output_total += len(events)
        for label, strict, roles in FIGURES:
            match = one_to_one(golds, events, lambda e, g, s=strict, r=roles, n=names: matches(e, g, n, s, r))
            right[label] += len(match)
            if label == "lenient":
                for k, g in enumerate(golds):
                    per_type_gold[g["type"]] += 1
                    per_type_right[g["type"]] += k in match
                if show_errors:
                    errors += _errors(document["doc"], golds, events, match, analysis)
    report = {"documents": len(documents), "right": {label: right[label] for label in FIGURE_NAMES},
              "gold": gold_total, "output": output_total,
              **{label: prf(right[label], gold_total, output_total) for label, _, _ in FIGURES},
              "recall_by_type": {t: [per_type_right[t], n] for t, n in sorted(per_type_gold.items())}}
    if show_errors:
        report["errors"] = errors
    return report


def _errors(doc: str, golds: list[dict], events: list[Event], match: dict[int, int], analysis: Analysis) -> list[str]:
    names = {a.id: a.name for a in analysis.actors}

    def show(ids) -> str:
        return ",".join(names.get(i, i) for i in party_ids(ids)) or "-"

    lines = [f"MISS {doc}: {g['type']} {g['actor']['any_of'][:2]} -> "
             f"{(g.get('recipient') or {}).get('any_of', [])[:2]}: {g['evidence'][:90]}"
             for k, g in enumerate(golds) if k not in match]
    used = set(match.values())
    lines += [f"EXTRA {doc}: {e.type} {show(e.actor)} -> {show(e.recipient)}: {e.evidence[:90]}"
              for i, e in enumerate(events) if i not in used]
    return lines


def format_report(report: dict) -> str:
    lines = [f"Ukrainian events {report.get('split', 'dev')} set: {report['documents']} documents, "
             f"{report['gold']} gold events (negated ones left out), {report['output']} output events"]
    for label, what in FIGURE_NAMES.items():
        f = report[label]
        lines.append(f"{what:<66} P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}")
    lines.append("recall by category (lenient): " + ", ".join(
        f"{t} {r}/{n}" for t, (r, n) in report["recall_by_type"].items()))
    lines += report.get("errors", [])
    return "\n".join(lines)

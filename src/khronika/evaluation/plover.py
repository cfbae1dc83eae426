"""`khronika eval plover`: English event extraction on the PLOVER gold-standard records.

The gold file is `PLOVER_GSR_CAMEO.txt` (OEDA, PLOVER 0.5b1): a JSON list of one `DOCUMENT` header
and 322 single-sentence records taken from the CAMEO manual's examples. The header is skipped, so
322 records are scored. Their categories use the old names (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT);
`khronika/data/events/plover_legacy.json` maps them to PLOVER 2021 categories, citing the manual's
CAMEO-to-PLOVER table for each.

Each record's `text` runs through Khronika's pipeline as it is (English, no furniture cleaning).
One output event is chosen per record: the one whose trigger shares most words with the gold
`eventText`, then the one whose evidence and spans do; the first on ties (so the first event when
none shares a word). Then:
- category accuracy: the chosen event's type is the gold category (no event counts as wrong);
- any-event category accuracy: the gold category is among the types of all output events;
- actor / recipient accuracy, over records with a gold source / target: one of the chosen event's
  actor (recipient) ids names one of the gold sources (targets): a mention of that id shares a word
  with the gold `actorText`, or the actor's country is the gold CAMEO code's country (its first
  three letters, converted to ISO alpha-2). No event, or no actor, counts as wrong;
- actor / recipient ceiling: the same test against every actor of the analysis, events or not: how
  much the mention finder and linker leave within the event extractor's reach.
Negated events are scored like the others (the GSR has no negated records to test them on).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

Analyse = Callable[[str], dict[str, Any]]
GoldActor = tuple[str, str]  # (actorText, CAMEO code)

# Words that make two phrases "overlap" without saying anything about who or what they name.
STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "its",
                        "his", "her", "their", "s"})


@dataclass
class GsrRecord:
    id: str
    text: str
    category: str  # PLOVER 2021 category
    legacy: str  # the category as the GSR writes it
    mode: str | None
    event_text: str
    sources: list[GoldActor]
    targets: list[GoldActor]


@dataclass
class Outcome:
    """How Khronika did on one record; `actor_right`/`recipient_right` are None without gold."""

    record: GsrRecord
    predicted: str | None
    output_types: list[str]
    actor_right: bool | None
    recipient_right: bool | None
    actor_reachable: bool | None = None  # some output actor, in any event or none, names a gold source
    recipient_reachable: bool | None = None


@cache
def legacy_table() -> dict[str, Any]:
    return json.loads(resources.files("khronika.data").joinpath("events", "plover_legacy.json").read_text("utf-8"))


def read_gsr(path: Path) -> list[dict[str, Any]]:
    """The GSR file as it is, header included."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_gsr(path: Path) -> list[GsrRecord]:
    return to_records(read_gsr(path))


def to_records(raw: list[dict[str, Any]]) -> list[GsrRecord]:
    """The scorable records: the DOCUMENT header (file documentation, not an event) is left out."""
    return [_record(item) for item in raw if item.get("event") != "DOCUMENT" and item.get("text")]


def _record(item: dict[str, Any]) -> GsrRecord:
    legacy = item["event"]
    mapped = legacy_table()["categories"].get(legacy)
    if mapped is None:  # a category the table does not know would silently score as an error
        raise ValueError(f"{item['id']}: no PLOVER 2021 mapping for category {legacy!r}")
    return GsrRecord(id=item["id"], text=item["text"], category=mapped["category"], legacy=legacy,
                     mode=item.get("mode") or mapped["mode"], event_text=item.get("eventText", ""),
                     sources=_gold_actors(item.get("source")), targets=_gold_actors(item.get("target")))


def _gold_actors(value: Any) -> list[GoldActor]:
    # "" and one stray string ("diplomatic" in AGREE-0007) stand for "no actor"
    if not isinstance(value, list):
        return []
    return [(a.get("actorText", ""), a.get("code", "")) for a in value]


def cameo_country(code: str) -> str | None:
    """ISO alpha-2 country of a CAMEO actor code (`HUNGOV` -> HU, `JAP` -> JP); None for non-states."""
    table = legacy_table()
    head = code[:3].upper()
    if head in table["cameo_countries"]:
        return table["cameo_countries"][head]
    return table["iso_alpha3"].get(head)


def words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", (text or "").lower()) if w not in STOP_WORDS}


def default_analyse(text: str) -> dict[str, Any]:
    from khronika.evaluation.gold import analyse_raw

    return analyse_raw(text, "en").to_dict()


def choose_event(events: list[dict[str, Any]], record: GsrRecord) -> dict[str, Any] | None:
    """The event whose trigger shares most words with the gold eventText, then the one whose evidence
    and spans do; the earliest on ties. The trigger goes first because the evidence is often the whole
    sentence, the same for every event of it."""
    if not events:
        return None
    gold = words(record.event_text)
    scores = [(len(gold & words(e.get("trigger"))), len(gold & _evidence_words(e, record.text))) for e in events]
    return events[scores.index(max(scores))]


def _evidence_words(event: dict[str, Any], text: str) -> set[str]:
    """The words of the event's evidence and of every span of the text that tells it."""
    spans = [(event.get("start"), event.get("end")), *(tuple(s) for s in event.get("spans") or [])]
    said = [text[a:b] for a, b in spans if isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)]
    return words(event.get("evidence")) | words(" ".join(said))


def _ids(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [v for v in value if v]


def party_right(ids: list[str], gold: list[GoldActor], analysis: dict[str, Any]) -> bool:
    """One of the ids names one of the gold actors, by the words of its mentions or by country."""
    actors = {a["id"]: a for a in analysis.get("actors", [])}
    for actor_id in ids:
        said = set().union(*(words(m["text"]) for m in analysis.get("mentions", []) if m.get("actor") == actor_id))
        country = (actors.get(actor_id) or {}).get("country")
        for text, code in gold:
            if said & words(text) or (country and country == cameo_country(code)):
                return True
    return False


def score(record: GsrRecord, analysis: dict[str, Any]) -> Outcome:
    events = analysis.get("events") or []
    chosen = choose_event(events, record)
    predicted = str(chosen["type"]).upper() if chosen else None

    def right(role: str, gold: list[GoldActor]) -> bool | None:
        if not gold:
            return None
        return chosen is not None and party_right(_ids(chosen.get(role)), gold, analysis)

    def reachable(gold: list[GoldActor]) -> bool | None:
        all_ids = [a["id"] for a in analysis.get("actors", [])]
        return party_right(all_ids, gold, analysis) if gold else None

    return Outcome(record, predicted, [str(e["type"]).upper() for e in events],
                   right("actor", record.sources), right("recipient", record.targets),
                   reachable(record.sources), reachable(record.targets))


def evaluate(records: Iterable[GsrRecord], analyse: Analyse = default_analyse) -> dict[str, Any]:
    outcomes = [score(r, analyse(r.text)) for r in records]
    return report(outcomes)


def evaluate_plover(path: Path, limit: int | None = None, show_errors: bool = False,
                    analyse: Analyse = default_analyse) -> dict[str, Any]:
    """What the CLI runs: the first `limit` records of the file (the file is grouped by category,
    so a small limit covers the first categories only)."""
    raw = read_gsr(path)
    records = to_records(raw)
    result = {"in_file": len(raw), "skipped": len(raw) - len(records),
              **evaluate(records[:limit] if limit else records, analyse)}
    if not show_errors:
        result.pop("errors")
    return result


def _share(right: int, total: int) -> float | None:
    return round(right / total, 4) if total else None


def report(outcomes: list[Outcome]) -> dict[str, Any]:
    n = len(outcomes)
    with_actor = [o.actor_right for o in outcomes if o.actor_right is not None]
    with_recipient = [o.recipient_right for o in outcomes if o.recipient_right is not None]
    # records with no event are counted per category instead: here they would drown the real confusions
    confusions = Counter((o.record.category, o.predicted) for o in outcomes
                         if o.predicted and o.predicted != o.record.category)
    return {
        "records": n,
        "no_event": _share(sum(o.predicted is None for o in outcomes), n),
        "category_accuracy": _share(sum(o.predicted == o.record.category for o in outcomes), n),
        "any_event_category_accuracy": _share(sum(o.record.category in o.output_types for o in outcomes), n),
        "with_actor": len(with_actor), "actor_accuracy": _share(sum(with_actor), len(with_actor)),
        "with_recipient": len(with_recipient), "recipient_accuracy": _share(sum(with_recipient), len(with_recipient)),
        # the ceiling the linker leaves to the event extractor: some output actor names a gold party
        "actor_reachable": _share(sum(bool(o.actor_reachable) for o in outcomes), len(with_actor)),
        "recipient_reachable": _share(sum(bool(o.recipient_reachable) for o in outcomes), len(with_recipient)),
        "per_category": _per_category(outcomes),
        "confusions": [[gold, got, count] for (gold, got), count in confusions.most_common(10)],
        "errors": [_error(o) for o in outcomes if _is_error(o)],
    }


def _per_category(outcomes: list[Outcome]) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for o in sorted(outcomes, key=lambda o: o.record.category):
        row = table.setdefault(o.record.category, {"n": 0, "right": 0, "no_event": 0})
        row["n"] += 1
        row["right"] += o.predicted == o.record.category
        row["no_event"] += o.predicted is None
    for row in table.values():
        row["accuracy"] = _share(row["right"], row["n"])
    return table


def _is_error(o: Outcome) -> bool:
    return o.predicted != o.record.category or o.actor_right is False or o.recipient_right is False


def _error(o: Outcome) -> dict[str, Any]:
    r = o.record
    return {"id": r.id, "gold": r.category, "got": o.predicted, "actor_right": o.actor_right,
            "recipient_right": o.recipient_right, "event_text": r.event_text, "text": r.text[:140]}


def format_report(result: dict[str, Any]) -> str:
    lines = [f"PLOVER GSR: {result['records']} records scored"
             + (f" ({result['in_file']} in the file, {result['skipped']} skipped: the DOCUMENT header)"
                if "in_file" in result else ""),
             f"no event found          {result['no_event']}",
             f"category accuracy       {result['category_accuracy']}",
             f"any-event category acc. {result['any_event_category_accuracy']}",
             f"actor accuracy          {result['actor_accuracy']}  (over {result['with_actor']} with a gold source)",
             f"recipient accuracy      {result['recipient_accuracy']}  "
             f"(over {result['with_recipient']} with a gold target)",
             f"actor / recipient named by any output actor (ceiling) {result['actor_reachable']} / "
             f"{result['recipient_reachable']}",
             "", f"{'category':<10} {'n':>4} {'right':>5} {'no ev.':>6} {'acc.':>6}"]
    for category, row in result["per_category"].items():
        lines.append(f"{category:<10} {row['n']:>4} {row['right']:>5} {row['no_event']:>6} {row['accuracy']:>6}")
    lines += ["", "top confusions where an event was found (gold -> predicted):"]
    lines += [f"  {gold:<10} -> {got:<10} {count}" for gold, got, count in result["confusions"]] or ["  none"]
    if "errors" in result:
        lines += ["", f"errors ({len(result['errors'])}):"]
    for e in result.get("errors", []):
        lines.append(f"  {e['id']}: gold {e['gold']} got {e['got'] or '-'}  actor {_mark(e['actor_right'])} "
                     f"recipient {_mark(e['recipient_right'])}  [{e['event_text']}] {e['text']}")
    return "\n".join(lines)


def _mark(value: bool | None) -> str:
    return "n/a" if value is None else ("ok" if value else "wrong")

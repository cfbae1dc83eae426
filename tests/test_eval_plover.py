"""`khronika eval plover`: the GSR loader, the legacy category mapping and the scorer's arithmetic."""

import json

import pytest
from conftest import DATA

from khronika.cli import main
from khronika.evaluation.plover import (
    GsrRecord,
    cameo_country,
    choose_event,
    evaluate,
    evaluate_plover,
    format_report,
    legacy_table,
    load_gsr,
    read_gsr,
    to_records,
)

GSR = DATA / "plover" / "PLOVER_GSR_CAMEO.txt"
PLOVER_2021 = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.mark.corpus
def test_loader_skips_only_the_document_header():
    assert len(read_gsr(GSR)) == 323
    records = load_gsr(GSR)
    assert len(records) == 322
    assert not any(r.id.endswith("DOCUMENT-0001") for r in records)
    assert {r.category for r in records} <= PLOVER_2021


@pytest.mark.corpus
def test_gsr_records_carry_mapped_categories_and_actors():
    by_id = {r.id: r for r in load_gsr(GSR)}
    demand = by_id["PLOVER-GSR01-DEMAND-0001"]
    assert (demand.legacy, demand.category) == ("DEMAND", "REQUEST")
    assert by_id["PLOVER-GSR01-INVESTIGATE-0001"].category == "ACCUSE"
    assert by_id["PLOVER-GSR01-INVESTIGATE-0001"].mode == "investigate"
    assert by_id["PLOVER-GSR01-DISAPPROVE-0001"].category == "ACCUSE"
    assert by_id["PLOVER-GSR01-FIGHT-0002"].category == "ASSAULT"
    assert by_id["PLOVER-GSR01-FIGHT-0002"].sources == [("Vietnamese-led forces", "VTN")]
    assert by_id["PLOVER-GSR01-AGREE-0001"].sources == [("Hungarian", "HUN"), ("Romanian", "ROU")]
    assert by_id["PLOVER-GSR01-AGREE-0007"].targets == []  # the file has the stray string "diplomatic" there
    counts = {c: sum(r.category == c for r in by_id.values()) for c in ("ACCUSE", "ASSAULT", "REQUEST")}
    assert counts == {"ACCUSE": 16 + 9, "ASSAULT": 15 + 17, "REQUEST": 34}


def test_legacy_table_follows_the_manual():
    categories = legacy_table()["categories"]
    assert {old: v["category"] for old, v in categories.items() if old != v["category"]} == {
        "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
    assert {v["category"] for v in categories.values()} == PLOVER_2021
    assert all("PLOVER_MANUAL.tex:16" in v["source"] for v in categories.values())


def test_cameo_codes_become_iso_alpha2():
    assert cameo_country("HUN") == "HU"
    assert cameo_country("HUNGOV") == "HU"
    assert cameo_country("NOR") == "NO"
    assert (cameo_country("JAP"), cameo_country("ITL"), cameo_country("VTN")) == ("JP", "IT", "VN")
    assert cameo_country("IGO") is None
    assert cameo_country("") is None


def test_to_records_rejects_an_unmapped_category():
    raw = [{"id": "D", "event": "DOCUMENT", "eventText": "docs"},
           {"id": "X-1", "event": "DEMAND", "eventText": "urged", "text": "Iraq urged talks.", "source": "",
            "target": [{"actorText": "Iran", "code": "IRN"}]}]
    [record] = to_records(raw)
    assert (record.category, record.sources, record.targets) == ("REQUEST", [], [("Iran", "IRN")])
    with pytest.raises(ValueError, match="APPEAL"):
        to_records([{"id": "X-2", "event": "APPEAL", "text": "..."}])


def _record(rid: str, category: str, event_text: str, sources, targets=()) -> GsrRecord:
    return GsrRecord(id=rid, text=f"text of {rid}", category=category, legacy=category, mode=None,
                     event_text=event_text, sources=list(sources), targets=list(targets))


HU = {"id": "Q28", "name": "Hungary", "type": "LOC", "country": "HU"}
RO = {"id": "Q218", "name": "Romania", "type": "LOC", "country": "RO"}
US_PERSON = {"id": "kh:per:x", "name": "Someone", "type": "PER", "country": "US"}


def _event(kind: str, evidence: str, actor=None, recipient=None) -> dict:
    return {"type": kind, "mode": None, "actor": actor, "recipient": recipient, "date": None,
            "evidence": evidence, "start": 0, "end": 0, "negated": False}


def _mention(text: str, actor: str) -> dict:
    return {"start": 0, "end": len(text), "text": text, "actor": actor}


# r1 right on all counts (actor by mention words, recipient by country); r2 the wrong category, actor
# right by country only, recipient missing; r3 no event; r4 two events, the one matching the gold
# eventText is right; r5 the chosen event is wrong but another output event has the gold category.
RECORDS = [
    _record("r1", "AGREE", "agreed cooperate", [("Hungarian officials", "HUN")], [("Bucharest", "ROU")]),
    _record("r2", "REQUEST", "urged", [("the White House", "USA")], [("Hungary", "HUN")]),
    _record("r3", "PROTEST", "marched", [("students", "ROU")]),
    _record("r4", "REQUEST", "demanded release", [("Romania", "ROU")], [("Budapest", "HUN")]),
    _record("r5", "ACCUSE", "shelled", [("Hungary", "HUN")]),
]
ANALYSES = {
    "text of r1": {"actors": [HU, RO], "mentions": [_mention("Hungarian", "Q28")],
                   "events": [_event("AGREE", "agreed", "Q28", "Q218")]},
    "text of r2": {"actors": [US_PERSON, HU], "mentions": [_mention("the spokesman", "kh:per:x")],
                   "events": [_event("accuse", "urged", ["kh:per:x"], None)]},
    "text of r3": {"actors": [RO], "mentions": [_mention("Romania", "Q218")], "events": []},
    "text of r4": {"actors": [HU, RO], "mentions": [_mention("Romania", "Q218")],
                   "events": [_event("SANCTION", "expelled", "Q28", "Q218"),
                              _event("REQUEST", "demanded the release", ["nobody", "Q218"], "Q218")]},
    "text of r5": {"actors": [HU], "mentions": [_mention("Hungary", "Q28")],
                   "events": [_event("ASSAULT", "shelled", "Q28"), _event("ACCUSE", "condemned", "Q28")]},
}


def test_choose_event_prefers_the_evidence_sharing_the_gold_words():
    events = ANALYSES["text of r4"]["events"]
    assert choose_event(events, RECORDS[3]) is events[1]
    assert choose_event(events, RECORDS[0]) is events[0]  # no shared word: the first
    assert choose_event([], RECORDS[0]) is None
    # the same whole-sentence evidence for both: the trigger decides
    sentence = "Romania demanded the release and expelled envoys"
    by_trigger = [{**_event("SANCTION", sentence), "trigger": "expelled"},
                  {**_event("REQUEST", sentence), "trigger": "demanded"}]
    assert choose_event(by_trigger, RECORDS[3]) is by_trigger[1]


def test_scorer_counts_on_known_outputs():
    result = evaluate(RECORDS, ANALYSES.__getitem__)
    assert result["records"] == 5
    assert result["no_event"] == 0.2
    assert result["category_accuracy"] == 0.4  # r1, r4
    assert result["any_event_category_accuracy"] == 0.6  # r1, r4, r5
    assert (result["with_actor"], result["actor_accuracy"]) == (5, 0.8)  # r3 has no event
    # r4's recipient Q218 is Romania, the gold target is Hungary: wrong; r2 has no recipient
    assert (result["with_recipient"], result["recipient_accuracy"]) == (3, round(1 / 3, 4))
    assert result["actor_reachable"] == 1.0
    assert result["recipient_reachable"] == 1.0
    assert result["per_category"]["REQUEST"] == {"n": 2, "right": 1, "no_event": 0, "accuracy": 0.5}
    assert result["per_category"]["PROTEST"] == {"n": 1, "right": 0, "no_event": 1, "accuracy": 0.0}
    assert sorted(result["confusions"]) == [["ACCUSE", "ASSAULT", 1], ["REQUEST", "ACCUSE", 1]]  # r3: no event
    assert [e["id"] for e in result["errors"]] == ["r2", "r3", "r4", "r5"]


def test_empty_events_count_as_nothing_found():
    empty = {text: {**analysis, "events": []} for text, analysis in ANALYSES.items()}
    result = evaluate(RECORDS, empty.__getitem__)
    assert (result["no_event"], result["category_accuracy"], result["actor_accuracy"]) == (1.0, 0.0, 0.0)
    assert result["recipient_accuracy"] == 0.0
    assert result["confusions"] == []
    assert sum(row["no_event"] for row in result["per_category"].values()) == 5


def _tiny_gsr(tmp_path):
    raw = [{"id": "D", "event": "DOCUMENT", "eventText": "docs"},
           {"id": "A-1", "event": "DEMAND", "eventText": "urged", "text": "Iraq urged Iran to hold talks.",
            "source": [{"actorText": "Iraq", "code": "IRQ"}], "target": [{"actorText": "Iran", "code": "IRN"}]},
           {"id": "A-2", "event": "FIGHT", "eventText": "shelled", "text": "Serbian forces shelled the town.",
            "source": [{"actorText": "Serbian forces", "code": "SRB"}]}]
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def test_evaluate_plover_limit_and_errors(tmp_path):
    path = _tiny_gsr(tmp_path)
    fake = {"Iraq urged Iran to hold talks.": {"actors": [], "mentions": [], "events": [_event("REQUEST", "urged")]},
            "Serbian forces shelled the town.": {"actors": [], "mentions": [], "events": []}}
    result = evaluate_plover(path, limit=1, analyse=fake.__getitem__)
    assert (result["in_file"], result["skipped"], result["records"]) == (3, 1, 1)
    assert result["category_accuracy"] == 1.0
    assert "errors" not in result
    shown = evaluate_plover(path, show_errors=True, analyse=fake.__getitem__)
    assert [e["id"] for e in shown["errors"]] == ["A-1", "A-2"]  # the event has no actor
    text = format_report(shown)
    assert "2 records scored (3 in the file, 1 skipped" in text
    assert "ASSAULT       1     0      1    0.0" in text and "A-2: gold ASSAULT got -" in text


def test_cli_runs_the_pipeline(tmp_path, capsys):
    assert main(["eval", "plover", "--gsr", str(_tiny_gsr(tmp_path)), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["records"], result["with_actor"], result["with_recipient"]) == (2, 2, 1)
    assert set(result["per_category"]) == {"REQUEST", "ASSAULT"}

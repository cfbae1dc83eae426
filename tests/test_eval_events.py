"""The Ukrainian events scorer (`khronika eval events`): name matching, one-to-one pairing, splits."""

import json

import pytest

from khronika.evaluation.events import _same_name, evaluate_events, format_report, matches, one_to_one
from khronika.model import Actor, Analysis, Article, Event, Mention

TEXT = "Суд заарештував майно компанії. Прокуратура повідомила про підозру директору."


def _event(type_: str, actor: str | None, recipient: str | None) -> Event:
    return Event(type=type_, actor=actor, recipient=recipient, date=None, evidence="", start=0, end=0)


def _gold(type_: str, actor: list[str], recipient: list[str] | None) -> dict:
    return {"type": type_, "actor": {"any_of": actor},
            "recipient": {"any_of": recipient} if recipient is not None else None,
            "evidence": "", "trigger": "", "negated": False, "reported_by": None}


def _analysis(events: list[Event]) -> Analysis:
    actors = [Actor("court", "суд", "ORG"), Actor("firm", "компанія", "ORG"),
              Actor("office", "прокуратура", "ORG"), Actor("boss", "директор", "PER")]
    mentions = [Mention(0, 3, "Суд", "ORG", "court")]
    return Analysis(Article("", "", None, "uk", None, TEXT), mentions=mentions, actors=actors, events=events)


def _write_set(folder, name: str, golds: list[dict]) -> None:
    line = {"doc": "doc.txt", "text_sha1": "", "events": golds}
    (folder / name).write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("прокуратури донецької області", "прокуратура донецька", True),  # words compared on five letters
    ("прокуратура донецької області", "прокуратура", True),
    ("суд", "прокуратура", False),
    ("ради", "рада", False),  # one short word says too little to match on
])
def test_same_name_compares_words_by_their_stems(a, b, same):
    assert _same_name(a, b) is same


def test_matches_needs_category_actor_and_a_gold_recipient():
    names = {"court": {"суд"}, "firm": {"компанія"}}
    gold = _gold("COERCE", ["суд"], ["компанія"])
    assert matches(_event("COERCE", "court", "firm"), gold, names)
    assert not matches(_event("SANCTION", "court", "firm"), gold, names)
    assert not matches(_event("COERCE", "firm", "court"), gold, names)
    assert matches(_event("COERCE", "court", "firm"), gold, names, roles=())
    assert matches(_event("COERCE", "court", "court"), gold, names, roles=("actor",))
    assert not matches(_event("COERCE", "court", "court"), gold, names, roles=("recipient",))


def test_null_gold_recipient_asks_nothing_unless_strict():
    names = {"court": {"суд"}, "firm": {"компанія"}}
    gold = _gold("COERCE", ["суд"], None)
    assert matches(_event("COERCE", "court", "firm"), gold, names)
    assert not matches(_event("COERCE", "court", "firm"), gold, names, strict=True)
    assert matches(_event("COERCE", "court", None), gold, names, strict=True)


def test_one_to_one_lets_each_output_event_serve_one_gold_event():
    golds = [_gold("COERCE", ["суд"], None), _gold("COERCE", ["суд"], None)]
    events = [_event("COERCE", "court", None)]
    pairs = one_to_one(golds, events, lambda e, g: e.type == g["type"])
    assert len(pairs) == 1


def test_one_to_one_reassigns_to_find_the_largest_matching():
    golds = [_gold("A", [], None), _gold("B", [], None)]
    events = [_event("A", None, None), _event("B", None, None)]
    fits = {(0, 0), (0, 1), (1, 0)}  # gold 0 fits both outputs; gold 1 only the first
    pairs = one_to_one(golds, events, lambda e, g: (golds.index(g), events.index(e)) in fits)
    assert pairs == {0: 1, 1: 0}


def test_evaluate_events_scores_the_chosen_split(tmp_path):
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    _write_set(tmp_path, "events_dev.jsonl", [_gold("COERCE", ["суд"], ["компанія"])])
    _write_set(tmp_path, "events_test.jsonl", [_gold("COERCE", ["суд"], ["компанія"]),
                                               _gold("ACCUSE", ["прокуратура"], ["директор"])])
    output = [_event("COERCE", "court", "firm"), _event("ACCUSE", "office", "court")]

    def analyse(_text):
        return _analysis(output)

    dev = evaluate_events(tmp_path, tmp_path, analyse=analyse)
    assert (dev["split"], dev["gold"], dev["lenient"]["recall"], dev["lenient"]["precision"]) == ("dev", 1, 1.0, 0.5)
    test = evaluate_events(tmp_path, tmp_path, analyse=analyse, split="test", show_errors=True)
    assert test["gold"] == 2
    assert test["lenient"]["recall"] == 0.5  # the ACCUSE has the wrong recipient
    assert test["category"]["recall"] == 1.0
    assert (test["actor"]["recall"], test["recipient"]["recall"]) == (1.0, 0.5)  # the figures that tell roles apart
    assert test["recall_by_type"] == {"ACCUSE": [0, 1], "COERCE": [1, 1]}
    report = format_report(test)
    assert report.startswith("Ukrainian events test set: 1 documents, 2 gold events")
    assert "MISS doc.txt: ACCUSE" in report and "EXTRA doc.txt: ACCUSE прокуратура -> суд" in report


def test_evaluate_events_says_when_a_split_has_no_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no test set"):
        evaluate_events(tmp_path, tmp_path, analyse=lambda _t: _analysis([]), split="test")

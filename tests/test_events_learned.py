"""The learned event models: the trigger model's features and decisions, the party ranker, the
switches the reader obeys (`recording`, `using`), and training from an annotated set."""

import hashlib
import json

import numpy as np
import pytest
from conftest import events_of

from khronika.cli import main
from khronika.extraction.events.learned import EventModels, recording, using
from khronika.extraction.events.ranking import PartyRanker
from khronika.extraction.events.triggers import NO_EVENT, TriggerModel
from khronika.training.events import CATEGORIES, examples, fit_ranker, fit_triggers

NO_MODELS = EventModels()


def seizing_model() -> TriggerModel:
    """A model that reads the verb `схопити` as COERCE and every other word as no event."""
    features = {"bias": 0, "lemma=схопити": 1}
    weights = np.zeros((2, len(CATEGORIES)))
    weights[0, CATEGORIES.index(NO_EVENT)] = 5.0
    weights[1, CATEGORIES.index("COERCE")] = 10.0
    return TriggerModel(CATEGORIES, features, weights, threshold=0.5)


def test_trigger_model_gives_a_category_only_above_its_threshold():
    model = seizing_model()
    assert model.category(["bias", "lemma=схопити"])[0] == "COERCE"
    assert model.category(["bias", "lemma=читати"])[0] is None
    model.threshold = 0.999
    assert model.category(["bias", "lemma=схопити"])[0] is None


def test_trigger_model_survives_its_file_form():
    model = seizing_model()
    again = TriggerModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again.category(["bias", "lemma=схопити"])[0] == "COERCE"
    assert again.threshold == model.threshold


def test_a_word_the_lexicon_lacks_becomes_a_trigger_with_the_rules_roles():
    text = "Поліція схопила ватажка банди."
    with using(NO_MODELS):
        assert events_of(text)[0] == []
    with using(EventModels(triggers=seizing_model())):
        found, _ = events_of(text)
    assert [(category, actor) for category, actor, _ in found] == [("COERCE", ["Поліція"])]


def test_recording_uses_no_model_and_keeps_what_training_needs():
    text = "Поліція схопила ватажка банди. Суд заарештував його майно."
    with using(EventModels(triggers=seizing_model())), recording() as recorded:
        found, _ = events_of(text)
    assert [category for category, _, _ in found] == ["COERCE"]  # the lexicon's arrest, not the model's
    words = {text[w.start:w.end]: w.features for w in recorded.words}
    assert "lemma=схопити" in words["схопила"] and "lexicon=none" in words["схопила"]
    assert "read=COERCE" in words["заарештував"]
    assert len(recorded.events) == 1 and recorded.events[0].category == "COERCE"
    assert recorded.events[0].candidates["actor"]


def test_fitting_the_trigger_model_learns_a_word_seen_in_training():
    rows = [(["bias", "lemma=схопити"], "COERCE")] * 5 + [(["bias", "lemma=читати"], NO_EVENT)] * 20
    model = fit_triggers(rows, epochs=10)
    assert model.category(["bias", "lemma=схопити"])[0] == "COERCE"
    assert model.category(["bias", "lemma=читати"])[0] is None


def test_the_ranker_learns_which_candidate_fills_a_role():
    right_first = ([["bias", "path=nsubj"], ["bias", "path=obj"]], [True, False])
    right_second = ([["bias", "path=obj"], ["bias", "path=nsubj"]], [False, True])
    ranker = fit_ranker({"actor": [right_first, right_second] * 5, "recipient": []}, epochs=10)
    scored = [("court", ["bias", "path=obj"]), ("police", ["bias", "path=nsubj"])]
    assert ranker.preferred("actor", scored, ["court"]) == "police"
    assert ranker.preferred("actor", scored, ["police"]) is None  # the rules chose it already
    again = PartyRanker.from_json(json.loads(json.dumps(ranker.to_json())))
    assert again.preferred("actor", scored, ["court"]) == "police"


def test_the_ranker_fills_a_role_the_rules_left_empty_and_keeps_their_choices():
    text = "Суд заарештував майно. Прокуратура оскаржила."
    with using(NO_MODELS):
        assert [e[2] for e in events_of(text)[0]] == [None, None]
    # a party named only by its noun in the sentence before is a candidate too
    earlier = PartyRanker({"actor": {"back=1": 5.0}, "recipient": {"back=1": 5.0}})
    with using(EventModels(parties=earlier)):
        found, _ = events_of(text)
    assert found[0][:2] == ("COERCE", ["Суд"]) and found[0][2] is None  # no sentence before it
    assert found[1][1] != ["Суд"] and found[1][2] == ["Суд"]  # the actor the rules found stays


def test_the_ranker_never_gives_one_party_both_roles():
    text = "Суд заарештував майно."
    same = PartyRanker({"actor": {}, "recipient": {"chosen=actor": 10.0}})
    with using(EventModels(parties=same)):
        assert events_of(text)[0] == [("COERCE", ["Суд"], None)]


def _annotated_set(folder, split: str) -> None:
    text = "Поліція схопила ватажка банди. Суд заарештував майно компанії."
    (folder / "doc.txt").write_text(text, encoding="utf-8")
    event = {"type": "COERCE", "mode": "arrest", "actor": {"any_of": ["поліція"]},
             "recipient": {"any_of": ["ватажок банди"]}, "evidence": "Поліція схопила ватажка банди",
             "trigger": "схопила", "negated": False, "reported_by": None}
    line = {"doc": "doc.txt", "text_sha1": hashlib.sha1(text.encode()).hexdigest(), "events": [event]}
    (folder / f"events_{split}.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")


def test_training_labels_the_gold_triggers_and_never_reads_the_test_set(tmp_path):
    _annotated_set(tmp_path, "dev")
    documents = examples(tmp_path, tmp_path, splits=("dev",))
    labelled = {category for _, category in documents[0].words}
    assert labelled == {"COERCE", NO_EVENT}
    with pytest.raises(ValueError, match="test set"):
        examples(tmp_path, tmp_path, splits=("dev", "test"))


def test_khronika_train_events_writes_models_the_reader_loads(tmp_path):
    _annotated_set(tmp_path, "dev")
    _annotated_set(tmp_path, "train")
    output = tmp_path / "uk_models.json"
    assert main(["train", "events", "--sets", str(tmp_path), "--data", str(tmp_path), "--output", str(output),
                 "--epochs", "3"]) == 0
    models = EventModels.from_json(json.loads(output.read_text(encoding="utf-8")))
    assert models.triggers is not None and models.parties is not None
    assert "lemma=схопити" in models.triggers.features

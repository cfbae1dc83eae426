"""The hand-annotated event sets (`tests/data/events_{dev,train,test}*.jsonl`) are what the event
figures rest on: each must quote its documents exactly and keep apart from the others and from the
held-out documents."""

import hashlib
import json
from pathlib import Path

import pytest
from conftest import DATA

SETS = Path(__file__).parent / "data"
SPLITS = ("dev", "train", "test")
CATEGORIES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
              "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _documents(split: str) -> list[dict]:
    return [json.loads(line) for path in sorted(SETS.glob(f"events_{split}*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_splits_share_no_document():
    docs = {split: {d["doc"] for d in _documents(split)} for split in SPLITS}
    assert all(docs.values())
    assert not docs["dev"] & docs["train"] and not docs["dev"] & docs["test"] and not docs["train"] & docs["test"]


@pytest.mark.parametrize("split", SPLITS)
def test_every_event_is_well_formed(split):
    for document in _documents(split):
        assert document["events"], document["doc"]
        for event in document["events"]:
            assert event["type"] in CATEGORIES
            assert event["trigger"] in event["evidence"]
            assert event["actor"]["any_of"] and (event["recipient"] is None or event["recipient"]["any_of"])


@pytest.mark.corpus
@pytest.mark.parametrize("split", SPLITS)
def test_every_event_quotes_its_unchanged_document(split):
    held_out = {line.strip() for line in (DATA / "HELDOUT.txt").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")}
    for document in _documents(split):
        assert document["doc"] not in held_out
        text = (DATA / document["doc"]).read_text(encoding="utf-8")
        assert hashlib.sha1(text.encode("utf-8")).hexdigest() == document["text_sha1"], document["doc"]
        assert all(event["evidence"] in text for event in document["events"]), document["doc"]

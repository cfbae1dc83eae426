"""Date detection on ner-uk v2.0 TEST stays at the level reported in the README."""

from pathlib import Path

import pytest
from conftest import DATA

from khronika.evaluation.dates import evaluate_dates

pytestmark = pytest.mark.corpus


def test_ner_uk_test_recall_and_precision():
    report = evaluate_dates(Path(DATA) / "ner-uk", "test")
    assert report["documents"] == 155  # 169 TEST documents less the 14 held-out ones (12 ng, 2 BRUK)
    assert report["recall_overlap"] >= 0.94
    assert report["share_with_value"] >= 0.94
    assert report["precision_overlap"] >= 0.65

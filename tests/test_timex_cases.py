"""The hand-checked temporal expressions of tests/data/timex_cases.tsv, run through the full pipeline.

Each case is a sentence with its publication date: the sentence is parsed (so that tense decides
the direction of partial dates) and the expression must be found with exactly the given extent,
value and type.
"""

import csv
from datetime import date
from pathlib import Path

import pytest

from khronika.extraction.dates.timex import direction_for, find_timexes
from khronika.language.pipeline import parse

CASES = Path(__file__).parent / "data" / "timex_cases.tsv"


def _cases():
    with CASES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [pytest.param(r, id=f"{r['lang']}-{i}-{r['expression']}") for i, r in enumerate(rows, start=2)]


def test_the_case_file_is_large_enough():
    assert len(_cases()) >= 150


@pytest.mark.parametrize("case", _cases())
def test_expression_value(case):
    sentence, lang = case["sentence"], case["lang"]
    found = find_timexes(sentence, lang, date.fromisoformat(case["anchor"]), direction_for(parse(sentence, lang), lang))
    got = {t.text: (t.value, t.type) for t in found}
    assert case["expression"] in got, f"not found; found {got}"
    assert got[case["expression"]] == (case["value"], case["type"])

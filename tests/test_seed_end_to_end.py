"""The seed article end to end, scored the way ../shared/tools/seed_check.py scores it."""

import json
import subprocess
import sys

import pytest
from conftest import SEED, SEED_GOLD, SHARED

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def seed_output(tmp_path_factory):
    result = subprocess.run(
        [sys.executable, "-m", "khronika.cli", "analyze", str(SEED), "--published", "2022-02-10", "--json"],
        capture_output=True, text=True, check=True,
    )
    path = tmp_path_factory.mktemp("seed") / "seed.json"
    path.write_text(result.stdout, encoding="utf-8")
    return path


@pytest.mark.parametrize("what", ["dates", "promo", "actors", "quotes", "events"])
def test_seed_check_passes(seed_output, what):
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "seed_check.py"), what, str(seed_output),
                            str(SEED_GOLD)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_seed_title_language_and_dates(seed_output):
    out = json.loads(seed_output.read_text(encoding="utf-8"))
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    assert out["article"]["title"] == gold["title"]
    assert out["article"]["language"] == "uk"
    assert {(t["text"], t["value"]) for t in out["timexes"]} >= {(g["text"], g["value"]) for g in gold["timexes"]}
    for line in gold["not_article_text"]:
        assert line not in out["article"]["text"]
    text = out["article"]["text"]
    for t in out["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"]

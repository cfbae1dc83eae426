from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "data"
SEED = SHARED / "seed" / "obozrevatel-2022-02-10.txt"
SEED_GOLD = SHARED / "seed" / "obozrevatel-2022-02-10.gold.json"


def pytest_collection_modifyitems(config, items):
    if DATA.is_dir() and SEED.is_file():
        return
    skip = pytest.mark.skip(reason="../shared (corpora and seed) is not beside the checkout")
    for item in items:
        if "corpus" in item.keywords:
            item.add_marker(skip)

from pathlib import Path

import pytest

from khronika import analyze

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


def events_of(text: str, lang: str = "uk", published: str = "2022-03-01"):
    """The events of a made-up article as (category, actor names, recipient names), names sorted,
    and the analysis."""
    analysis = analyze(text, published=published, lang=lang, title="")
    names = {a.id: a.name for a in analysis.actors}

    def named(ids):
        if ids is None:
            return None
        return sorted(names.get(i, i) for i in (ids if isinstance(ids, list) else [ids]))

    return [(e.type, named(e.actor), named(e.recipient)) for e in analysis.events], analysis

"""The bundled sample corpus: furniture lines (listed in samples/README.md) go, article lines stay."""

import glob
from pathlib import Path

import pytest

from khronika.ingest.sources import iter_documents
from khronika.pipeline import prepare

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
FURNITURE_COUNTS = {  # per samples/README.md: teaser, related link, photo credit, closing call
    "uk/2022-02-14-zustrich-ministriv.txt": 4,
    "uk/2022-06-23-status-kandydata-yes.txt": 4,
    "uk/2023-01-27-kuleba-stoltenberh.txt": 4,
    "ru/2022-03-10-vstrecha-v-antalii.txt": 3,
    "en/2022-09-21-unga-high-level-week.txt": 4,
}


@pytest.mark.parametrize("path", sorted(glob.glob(str(SAMPLES / "*" / "*.txt"))), ids=lambda p: Path(p).name)
def test_sample_furniture(path):
    (document,) = list(iter_documents([path]))
    article = prepare(document)
    relative = str(Path(path).relative_to(SAMPLES))
    assert len(article.removed_lines) == FURNITURE_COUNTS.get(relative, 0), article.removed_lines
    assert article.published == Path(path).name[:10]
    assert article.language == relative[:2]

"""Main text, title and date of a web page, via trafilatura."""

from __future__ import annotations

import trafilatura

from khronika.ingest.errors import InputError
from khronika.model import Document


def document_from_html(html: str, source: str, url: str | None = None) -> Document:
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
        # the extensive search takes a footer's `© 2024` for a publication date
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(source, "no article text found in the HTML")
    title = (extracted.title or "").strip() or None
    lines = [line.strip() for line in extracted.text.splitlines() if line.strip()]
    if title and lines and lines[0] == title:  # trafilatura repeats the headline as the first line
        lines = lines[1:]
    return Document(text="\n".join(lines), title=title, published=extracted.date, url=url or extracted.url,
                    source=source, html=html)

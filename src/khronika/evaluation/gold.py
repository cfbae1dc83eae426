"""Helpers shared by the evaluations on Khronika's hand-annotated dev sets (actors, quotes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from khronika.model import Actor, Analysis, Article


def norm(name: str | None) -> str:
    """A name compared loosely: lower case, `(Ukraine)` read as `of Ukraine`, no leading `the`,
    no punctuation."""
    name = re.sub(r"\(([^)]*)\)", r"of \1", (name or "").lower())
    name = re.sub(r"^the\s+|[^\w\s]", " ", name)
    return re.sub(r"\s+", " ", name).strip()


def load_documents(folder: Path, pattern: str) -> list[dict]:
    """Every line of every JSON Lines file matching `pattern` in `folder`, in file-name order."""
    documents = []
    for path in sorted(folder.glob(pattern)):
        documents += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return documents


def analyse_raw(text: str, lang: str = "uk") -> Analysis:
    """The analysis of a text exactly as stored (no furniture cleaning), so gold offsets hold."""
    from khronika.pipeline import analyze_article

    return analyze_article(Article("", "", None, lang, None, text))


def english_names(actor: Actor) -> set[str]:
    """The actor's names, normalised; for a knowledge-base actor all its English names too (a body
    renamed over the years keeps one entry)."""
    names = {norm(actor.name), *(norm(n) for n in actor.names.values())}
    if actor.in_kb:
        from khronika.actors.kb import knowledge_base

        entry = knowledge_base().entries.get(actor.id)
        names |= {norm(n) for n in (entry.names.get("en", []) if entry else [])}
    return names

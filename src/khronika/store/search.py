"""Turn what a user types into an FTS5 query that matches inflected forms through their lemmas."""

from __future__ import annotations

import re

from khronika.language.morphology import analyse

_TOKEN = re.compile(r'"[^"]+"|[\w\'’*-]+')
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def _lemmas(word: str) -> set[str]:
    lowered = word.lower()
    if not re.search(r"[а-яіїєґё]", lowered):
        return {lowered}
    capitalized = word[:1].isupper()
    return {analyse(lowered, lang, capitalized)[0] for lang in ("uk", "ru")}


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(user_query: str) -> str:
    """Each word matches itself or any form with the same lemma; words are ANDed.

    `"exact phrase"` stays a phrase, `word*` a prefix, and AND/OR/NOT pass through.
    """
    parts: list[str] = []
    for token in _TOKEN.findall(user_query):
        if parts and parts[-1] not in _OPERATORS and token not in _OPERATORS:
            parts.append("AND")  # FTS5 has no implicit AND between parenthesised groups
        if token in _OPERATORS:
            parts.append(token)
        elif token.startswith('"'):
            parts.append(_quote(token.strip('"')))
        elif token.endswith("*"):
            parts.append(_quote(token.rstrip("*")) + "*")
        else:
            alternatives = [_quote(token)] + [f"lemmas:{_quote(lemma)}" for lemma in sorted(_lemmas(token))]
            parts.append("(" + " OR ".join(alternatives) + ")")
    if not parts:
        raise ValueError("empty search query")
    return " ".join(parts)

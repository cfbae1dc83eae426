"""Quotation marks: which pairs of marks enclose a quotation, in each typographic style."""

from __future__ import annotations

from dataclasses import dataclass

OPENING = {"«": "»", "„": "“", "“": "”", '"': '"'}  # each opening mark and the mark that closes it
DASHES = {"–", "—", "-", "―"}  # the dashes that set off an attribution (`"...", – сказав X`)


@dataclass(frozen=True)
class Quoted:
    """Characters between a pair of quotation marks (marks excluded)."""
    start: int
    end: int


def quoted_spans(text: str) -> list[Quoted]:
    """Balanced quotation-mark pairs. Typographic marks nest and may run over paragraphs: a quote
    that goes on in the next paragraph reopens it with the same mark and closes only at its end
    (`«...¶«...»` is one quote). Straight quotes pair within a paragraph. An unclosed mark opens nothing."""
    spans, stack = [], []
    paragraph_start = True
    for i, char in enumerate(text):
        if char == "\n":
            stack = [s for s in stack if s[0] != '"']
            paragraph_start = True
            continue
        continuing = paragraph_start and stack and char == stack[-1][0] and char != '"'
        if not char.isspace():
            paragraph_start = False
        if continuing:
            continue
        if char == '"':
            if stack and stack[-1][0] == '"':
                _, start = stack.pop()
                spans.append(Quoted(start + 1, i))
            elif _opens(text, i):
                stack.append((char, i))
            continue
        if stack and char == OPENING[stack[-1][0]]:
            _, start = stack.pop()
            spans.append(Quoted(start + 1, i))
        elif char in OPENING and (char != "“" or _opens(text, i)):
            stack.append((char, i))
    return sorted(spans, key=lambda q: q.start)


def _opens(text: str, i: int) -> bool:
    """The mark at `i` can open a quotation: a space or opening punctuation before it, a word after it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,«„") and not after.isspace()

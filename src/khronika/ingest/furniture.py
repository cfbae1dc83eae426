"""Separate article text from site furniture left inside it (teasers, links, credits, prompts).

Three general signals, none tied to one site:
- line patterns of furniture (`data/language/furniture.json`): related links, credits, sharing;
- reader-addressed calls to action: a short line outside quotation marks with a verb in the
  plural imperative (`вшануйте`, `підписуйтесь`; in English a sentence opening with a bare verb,
  `Sign up ...`), which news prose does not use outside quotations;
- lines repeated across many articles of the same site (see `RepeatedLines`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from functools import cache
from importlib import resources

from khronika.language.morphology import analyzer

MAX_CALL_WORDS = 25
SPEECH_DASHES = ("-", "–", "—")
QUOTE_MARKS = set("«»„“”\"")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")


@cache
def _lexicon() -> dict:
    text = resources.files("khronika.data").joinpath("language", "furniture.json").read_text("utf-8")
    return json.loads(text)


@cache
def _patterns(lang: str) -> list[re.Pattern[str]]:
    lex = _lexicon()
    return [re.compile(p, re.IGNORECASE) for p in lex["any"] + lex.get(lang, [])]


def fingerprint(line: str) -> str:
    """A line's identity for repetition counting: digits and case do not matter."""
    normal = re.sub(r"\d+", "0", re.sub(r"\s+", " ", line.strip().lower()))
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=8).hexdigest()


def is_furniture(line: str, lang: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if any(p.search(stripped) for p in _patterns(lang)):
        return True
    return is_call_to_action(stripped, lang)


def is_call_to_action(line: str, lang: str) -> bool:
    words = _WORD.findall(line)
    if not words or len(words) > MAX_CALL_WORDS or QUOTE_MARKS & set(line) or line.startswith(SPEECH_DASHES):
        return False  # long lines are prose; quotes and dash-led lines are someone's speech
    if lang in ("uk", "ru"):
        return any(_is_plural_imperative(m.group().lower(), line[m.end():m.end() + 1], lang)
                   for m in _WORD.finditer(line))
    if lang == "en":
        return _english_imperative(line)
    return False


def _is_plural_imperative(word: str, next_char: str, lang: str) -> bool:
    """`вшануйте`, `підписуйтесь`, `пам'ятаймо` address the reader; a singular imperative is
    rarely used to a readership and is often a homonym (`видали`, `будь`). A first-person plural
    imperative followed by a comma is parenthetical (`Скажімо, ...`)."""
    if len(word) < 4:
        return False
    parses = analyzer(lang).parse(word)
    # pymorphy3-ru ranks the future indicative first for `поддержите`, `поделитесь`
    candidates = parses if lang == "ru" else parses[:1]
    imperatives = [p.tag.grammemes for p in candidates if {"impr", "plur"} <= p.tag.grammemes]
    if not imperatives:
        return False
    grammemes = imperatives[0]
    if grammemes & {"2per", "excl"}:  # pymorphy3-ru marks the 2nd person imperative as `excl`
        return True
    return bool(grammemes & {"1per", "incl"}) and next_char != ","


def _english_imperative(line: str) -> bool:
    from khronika.language.pipeline import nlp_for

    doc = nlp_for("en")(line)
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is not None and first.tag_ == "VB" and first.lower_ not in ("let", "say"):
            return True
    return False


class RepeatedLines:
    """Counts lines across the articles of each site; lines found in many of them are furniture."""

    def __init__(self, min_articles: int = 5, min_count: int = 3, min_share: float = 0.1):
        self.min_articles = min_articles
        self.min_count = min_count
        self.min_share = min_share
        self.articles: Counter[str] = Counter()
        self.lines: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, site: str, text: str) -> None:
        self.articles[site] += 1
        self.lines[site].update({fingerprint(line) for line in text.splitlines() if line.strip()})

    def is_repeated(self, site: str, line: str) -> bool:
        total = self.articles[site]
        if total < self.min_articles:
            return False
        count = self.lines[site][fingerprint(line)]
        return count >= self.min_count and count >= self.min_share * total


def clean_lines(lines: list[str], lang: str, repeated: RepeatedLines | None = None,
                site: str = "") -> tuple[list[str], list[str]]:
    """Split body lines into (article lines, furniture lines)."""
    kept, removed = [], []
    for line in lines:
        if not line.strip():
            continue
        furniture = is_furniture(line, lang) or bool(repeated and repeated.is_repeated(site, line))
        (removed if furniture else kept).append(line.strip())
    return kept, removed

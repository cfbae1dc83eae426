"""The actor knowledge base at run time: records from `data/actors/kb.jsonl` and their indexes.

Names are indexed by lemmas, so `Борреля`, `Євросоюзу` and `Російської Федерації` find
`Боррель`, `Євросоюз` and `Російська Федерація`. A name's tokens match a text's tokens when their
sets of possible lemmas (every pymorphy3 reading, and the form itself) share one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from khronika.actors.names import consonant_key
from khronika.language.morphology import analyzer

WORD_OR_MARK = re.compile(r"\w[\w'’ʼ]*(?:\.\w+)*\.?(?<=\w\.\w\.)|\w[\w'’ʼ]*|[^\w\s]")


@dataclass(frozen=True)
class Role:
    position: str
    country: str | None
    org: str | None
    start: str
    end: str

    def held_on(self, day: str | None) -> bool:
        """Whether the post was held on `day` (YYYY-MM-DD); an empty end means still held."""
        if not day:
            return not self.end
        start = self.start if len(self.start) > 4 else f"{self.start}-01-01" if self.start else ""
        end = self.end if len(self.end) > 4 else f"{self.end}-12-31" if self.end else ""
        return (not start or start <= day) and (not end or day < end)


@dataclass
class Entry:
    id: str
    name: str
    type: str
    country: str | None = None
    wikidata: str | None = None
    key: str | None = None
    head: str | None = None
    capital_of: str | None = None  # a capital city: the ISO code of its country
    context: list[str] = field(default_factory=list)  # words that favour this entry over a namesake
    names: dict[str, list[str]] = field(default_factory=dict)
    metonyms: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    demonyms: dict[str, list[str]] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)

    def role_on(self, day: str | None) -> Role | None:
        held = [r for r in self.roles if r.held_on(day)]
        return held[0] if held else None


@dataclass(frozen=True)
class Alias:
    """One indexed name: its tokens' lemma sets, how it names the entry, and its case pattern."""
    entry: str
    lemmas: tuple[frozenset[str], ...]
    how: str  # name | metonym | demonym | adjective
    capitalised: tuple[bool, ...]


def lemma_set(word: str, lang: str) -> frozenset[str]:
    """Every lemma a word form may have (all dictionary readings), plus the form itself."""
    lower = word.lower().replace("’", "'").replace("ʼ", "'")
    if lang not in ("uk", "ru") or not any(c.isalpha() for c in lower):
        return frozenset({lower.removesuffix("'s")})
    return _lemma_set(lower, lang)


@cache
def _lemma_set(lower: str, lang: str) -> frozenset[str]:
    forms = {lower}
    for parse in analyzer(lang).parse(lower):
        forms.add(parse.normal_form)
    return frozenset(forms)


def tokens(text: str) -> list[str]:
    """A name's tokens as spaCy's tokenizers split running text: words (apostrophes inside, dots
    of abbreviations kept) and each punctuation mark alone, so `Прем'єр-міністр` is three tokens."""
    return WORD_OR_MARK.findall(text)


class KnowledgeBase:
    def __init__(self, entries: list[Entry]):
        self.entries = {e.id: e for e in entries}
        self.aliases: dict[tuple[str, str], list[Alias]] = {}  # (lang, first-token lemma) -> aliases
        self.by_key = {e.key: e for e in entries if e.key}
        self.by_country = {e.country: e for e in entries if e.type == "LOC" and e.country and not e.capital_of}
        self.surnames: dict[str, list[str]] = {}  # consonant key of a surname -> person ids
        for entry in entries:
            self._index(entry)

    def _index(self, entry: Entry) -> None:
        for how, table in (("name", entry.names), ("metonym", entry.metonyms), ("demonym", entry.demonyms),
                           ("adjective", entry.adjectives)):
            for lang, values in table.items():
                for value in values:
                    self._add_alias(entry.id, value, lang, how)
                    home = _without_home_country(value, lang, entry)
                    if home:
                        self._add_alias(entry.id, home, lang, how)
        if entry.type == "PER":
            for values in entry.names.values():
                for value in values:
                    parts = value.split()
                    if parts:
                        self.surnames.setdefault(consonant_key(parts[-1]), []).append(entry.id)

    def _add_alias(self, entry_id: str, value: str, lang: str, how: str) -> None:
        parts = tokens(value)
        if not parts:
            return
        lemmas = tuple(lemma_set(p, lang) for p in parts)
        alias = Alias(entry_id, lemmas, how, tuple(p[:1].isupper() for p in parts))
        for first in lemmas[0]:
            bucket = self.aliases.setdefault((lang, first), [])
            if alias not in bucket:
                bucket.append(alias)

    def candidates(self, lang: str, first_lemmas: frozenset[str]) -> list[Alias]:
        found: list[Alias] = []
        for lemma in sorted(first_lemmas):  # sorted: the same text links the same way in every run
            for alias in self.aliases.get((lang, lemma), []):
                if alias not in found:
                    found.append(alias)
        return found

    def holders(self, position: str, day: str | None, country: str | None = None,
                org: str | None = None) -> list[Entry]:
        """People who held `position` (of `country` or `org`) on `day`."""
        found = []
        for entry in self.entries.values():
            if entry.type != "PER":
                continue
            for role in entry.roles:
                if role.position == position and role.held_on(day) and (
                        country is None or role.country == country) and (org is None or role.org == org):
                    found.append(entry)
                    break
        return found


HOME_COUNTRY = {"uk": ("UA", (" України",)), "ru": ("RU", (" России", " РФ"))}


def _without_home_country(value: str, lang: str, entry: Entry) -> str | None:
    """A national body of the press's own country is often named without it: a Ukrainian text's
    `Міністерство оборони` is Ukraine's, a Russian text's `Министерство обороны` is Russia's."""
    country, suffixes = HOME_COUNTRY.get(lang, (None, ()))
    if entry.type != "ORG" or entry.country != country:
        return None
    for suffix in suffixes:
        if value.endswith(suffix) and " " in value[: -len(suffix)]:
            return value[: -len(suffix)]
    return None


def _entry(record: dict) -> Entry:
    roles = [Role(r["position"], r.get("country"), r.get("org"), r.get("start") or "", r.get("end") or "")
             for r in record.get("roles", [])]
    fields = {k: record.get(k) for k in ("id", "name", "type", "country", "wikidata", "key", "head", "capital_of")}
    fields["context"] = record.get("context") or []
    tables = {k: record.get(k) or {} for k in ("names", "metonyms", "adjectives", "demonyms")}
    return Entry(**fields, **tables, roles=roles)


@cache
def knowledge_base() -> KnowledgeBase:
    """The shipped knowledge base (built by `khronika build-kb`), loaded once per process."""
    text = resources.files("khronika.data").joinpath("actors", "kb.jsonl").read_text("utf-8")
    return KnowledgeBase([_entry(json.loads(line)) for line in text.splitlines() if line.strip()])

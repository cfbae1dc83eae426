"""The per-language event lexicons (`data/events/{uk,ru,en}.json`) and the category sets the
PLOVER manual's rules use."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources

CLAUSE_DEPS = {"ccomp", "advcl", "acl", "acl:relcl", "relcl", "parataxis", "conj", "csubj", "list"}
OBJECT_DEPS = {"obj", "iobj", "dobj", "dative", "obl", "obl:arg", "nmod", "pobj", "prep", "attr", "dep"}
COORDINATION = {"conj"}
COOPERATIVE = {"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
BECOMES_AGREE_IN_FUTURE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
BECOMES_THREAT_IN_FUTURE = {"SANCTION", "COERCE", "ASSAULT", "PROTEST"}  # manual: THREATEN modes, CAMEO 13x
RECIPROCAL = {"CONSULT", "COOPERATE", "AGREE"}
AUTHORITY_ACTS = {"COERCE", "ACCUSE", "SANCTION"}  # an unsaid doer is the authority acting last
# directed acts; a concession (`розмір застави зменшено`) eases the one its actor pressed before
DIRECTED = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "CONSULT", "SUPPORT", "CONCEDE"}
PARTICIPANT_LABELS = {"PERS", "PER", "ORG", "LOC", "GPE", "NORP"}
SOURCE_NOUNS = {"версія", "дані", "інформація", "слово", "думка", "оцінка", "версия", "данные", "информация"}
CLAUSE_PUNCT = {",", ";", ":", "—", "–", "(", ")", "«", "»", '"'}


@dataclass(frozen=True)
class Entry:
    type: str
    mode: str | None
    cue: str
    needs: tuple[str, ...] = ()  # lemmas one of which must depend on (or follow) the head
    genitive: str | None = None  # an event noun: what its bare genitive names (`recipient`, `actor`, `sides`)
    at: tuple[str, ...] = ()  # an event noun: prepositions whose object is acted on (`обшуки в офісі фірми`)


@dataclass
class Lexicon:
    """One language's lexicon: the trigger heads, then one field per key of the data file (the
    file's `_about` says what each does), filled by name."""

    heads: dict[str, list[Entry]]
    negation: frozenset[str]
    should: frozenset[str]
    intent: frozenset[str]
    speaker_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    recipient_preps: dict[str, str]
    located_preps: frozenset[str]
    agent_markers: tuple[str, ...] = ()
    party_nouns: frozenset[str] = frozenset()
    resident_nouns: frozenset[str] = frozenset()
    participles: tuple[tuple[str, str], ...] = ()
    threat_marks: frozenset[str] = frozenset()
    authority_nouns: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    enemy_nouns: frozenset[str] = frozenset()
    enemy_adjectives: frozenset[str] = frozenset()
    enemy_side: str | None = None
    own_side: str | None = None
    own_marks: frozenset[str] = frozenset()
    lawsuit_words: frozenset[str] = frozenset()
    court_nouns: frozenset[str] = frozenset()
    annulment_words: frozenset[str] = frozenset()
    addressed_to_court: frozenset[str] = frozenset()
    addressed_to_authority: frozenset[str] = frozenset()
    arrival_verbs: frozenset[str] = frozenset()
    beneficiary_nouns: frozenset[str] = frozenset()
    taking_verbs: frozenset[str] = frozenset()
    owner_verbs: frozenset[str] = frozenset()
    reflexive_passives: frozenset[str] = frozenset()
    court_acts: frozenset[str] = frozenset()
    court_act_doer: str | None = None
    offers_need_recipient: bool = False
    finding_verbs: frozenset[str] = frozenset()
    opponent_nouns: frozenset[str] = frozenset()
    noun_verbs: frozenset[str] = frozenset()
    happening_verbs: frozenset[str] = frozenset()
    compound_prepositions: frozenset[str] = frozenset()
    participation_nouns: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    accused_nouns: frozenset[str] = frozenset()
    reflexive_pronouns: frozenset[str] = frozenset()
    official_nouns: frozenset[str] = frozenset()
    bribe_words: frozenset[str] = frozenset()
    finding_as: frozenset[str] = frozenset()
    ruling_nouns: frozenset[str] = frozenset()
    complaint_words: frozenset[str] = frozenset()
    firm_nouns: frozenset[str] = frozenset()
    symptom_words: frozenset[str] = frozenset()
    defence_words: frozenset[str] = frozenset()
    charge_words: frozenset[str] = frozenset()
    prosecutor_nouns: frozenset[str] = frozenset()
    charge_doer: str | None = None
    giving_verbs: frozenset[str] = frozenset()
    money_words: frozenset[str] = frozenset()
    place_is_recipient: bool = False
    condition_marks: frozenset[str] = frozenset()
    together_marks: frozenset[str] = frozenset()
    sponsor_nouns: frozenset[str] = frozenset()
    material_words: frozenset[str] = frozenset()
    pact_words: frozenset[str] = frozenset()
    state_pacts: frozenset[str] = frozenset()
    stance_adjectives: frozenset[str] = frozenset()
    duty_words: frozenset[str] = frozenset()
    wish_marks: frozenset[str] = frozenset()
    request_nouns: frozenset[str] = frozenset()
    unknown_doers: frozenset[str] = frozenset()
    unknown_doer_name: str | None = None
    between_preps: frozenset[str] = frozenset()
    unreal_heads: frozenset[str] = frozenset()
    partitive_words: frozenset[str] = frozenset()
    partitive_preps: frozenset[str] = frozenset()
    repelled_verbs: frozenset[str] = frozenset()
    will_nouns: frozenset[str] = frozenset()
    police_nouns: frozenset[str] = frozenset()
    police_marks: frozenset[str] = frozenset()


@cache
def lexicon(lang: str) -> Lexicon:
    data = json.loads(resources.files("khronika.data").joinpath("events", f"{lang}.json").read_text("utf-8"))
    modes = data.get("modes", {})
    heads: dict[str, list[Entry]] = {}
    for category, words in data["verbs"].items():
        for word in words:
            head, *rest = word.split()
            heads.setdefault(head, []).append(Entry(category, modes.get(head), word, tuple(rest)))
    for phrase in data.get("phrases", []):
        for head in phrase["head"]:
            entry = Entry(phrase["type"], phrase.get("mode"), f"{head} {phrase['with'][0]}", tuple(phrase["with"]))
            heads.setdefault(head, []).insert(0, entry)  # a phrase is more specific than the bare verb
    for noun in data.get("nouns", []):
        for lemma in noun["lemmas"]:
            entry = Entry(noun["type"], noun.get("mode"), lemma, (), noun["genitive"], tuple(noun.get("at", [])))
            heads.setdefault(lemma, []).append(entry)
    return Lexicon(heads, **{f.name: _value(f.type, data.get(f.name)) for f in fields(Lexicon) if f.name != "heads"})


def _value(kind: str, raw):
    """A lexicon key's value in the type its `Lexicon` field declares (a missing key is empty)."""
    if kind == "dict[str, str]":
        return dict(raw or {})
    if kind.startswith("tuple"):
        return tuple(tuple(x) if isinstance(x, list) else x for x in raw or ())
    if kind == "bool":
        return bool(raw)
    if kind == "str | None":
        return raw
    return frozenset(raw or ())

"""What every role mixin of the event reader reads: the reader's state, declared once so that the
mixins (actor.py, recipient.py, parties.py, ...) say what they rely on and a type checker can follow
them. `_Reader.__init__` (reader.py) sets every attribute; nothing here has a value of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from khronika.extraction.events.lexicon import Lexicon
    from khronika.extraction.events.merge import Found, Sides
    from khronika.model import Actor, Mention, Quote, Timex


class ReaderState:
    """The article being read and what has been found in it so far."""

    doc: Doc
    text: str
    lang: str
    lex: Lexicon
    parsed: bool  # whether the pipeline gave a dependency parse (Ukrainian, English), or roles come from case
    actors: dict[str, Actor]  # every actor of the article by id, growing with the ones the reader adds
    mentions: list[Mention]  # the mentions that can be parties
    by_token: dict[int, Mention]  # a party mention by each token it covers
    modifiers: dict[int, Mention]  # adjectives that name their noun's party (`українські військові`)
    quotes: list[Quote]
    timexes: list[Timex]
    published: str | None
    events: list[Found]  # the events read so far, in text order
    sides: Sides
    new_actors: dict[str, Actor]  # actors the reader made for parties the linker did not give
    inferred: set[str]  # bodies an act implies that the text never names
    person_genders: dict[str, set[str]]
    parser_genders: dict[str, set[str]]
    agent_nouns: frozenset[str]  # nouns of bodies and groups that can act though no name covers them

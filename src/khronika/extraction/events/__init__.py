"""Political events coded in PLOVER: who did what to whom, when, where, according to whom.

A trigger (a verb, or a verb with the noun that makes it an event: `йти на компроміс`) comes
from the per-language lexicon in `data/events/`. Its roles come from the dependency parse where
the language has one (uk, en), with case and prepositions deciding which dependent is the
recipient; without a parse (ru) from case and word order. Negation, obligation (`має закликати`)
and intention (`добиватимуться`, `мають намір`) are read from the trigger and the words that
govern it, and change the category the way the PLOVER manual says (a refused concession is a
REJECT; a future consultation is an AGREE). An event inside reported speech keeps the speaker as
`reported_by`; `ми закликаємо` makes the speaker's side the actor.

The same event said several times in an article is one event with several evidence spans.
"""

from khronika.extraction.events.reader import find_events

__all__ = ["find_events"]

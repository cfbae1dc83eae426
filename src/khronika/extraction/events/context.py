"""Roles carried from what the article has just told: the actor and recipient of the events told
in this sentence or the one before, and the two sides of a reciprocal event (a meeting, a pact)
named among its own words."""

from __future__ import annotations

from spacy.tokens import Span, Token

from khronika.extraction.events.lexicon import DIRECTED
from khronika.extraction.events.merge import Found
from khronika.extraction.events.state import ReaderState


class ContextRoles(ReaderState):
    """A mixin of `_Reader` (reader.py): roles from the events just told and the sides of a
    reciprocal event."""

    @staticmethod
    def _just_told(found: Found, sentence: Span, previous: Span | None) -> bool:
        """The event was told in this sentence or the one before, whose roles the text may leave implied."""
        return found.sentence.start == sentence.start or (previous is not None
                                                          and found.sentence.start == previous.start)

    def _two_sides(self, trigger: Token, actor: list[str]) -> tuple[list[str], list[str]]:
        """`переговори лідерів Азербайджану та Вірменії`: a meeting or pact names both its sides among its
        own words; one is the actor, the other the recipient (the manual codes reciprocal events both ways)."""
        named: list[str] = []
        for token in trigger.subtree:
            if token.i <= trigger.i or token.i > trigger.i + 10:
                continue
            mention = self.by_token.get(token.i)
            if mention is not None and mention.actor not in named and self._preposition_before(token) in (
                    None, "між", "з", "із", "зі", "с", "between", "with"):
                named.append(mention.actor)
        sides = list(actor)
        for x in named:
            if not sides:
                sides = [x]
            elif not self.sides.same_any(x, sides):
                return sides, [x]
        return actor, []

    def _sides_in_order(self, trigger: Token, sentence: Span, recipient: list[str]) -> tuple[list[str], list[str]]:
        """`прошли переговоры министра России Сергея Лаврова и министра Украины Дмитрия Кулебы`, with
        no parse: the parties named after a meeting's trigger, in order, are its two sides."""
        named: list[str] = []
        for token in self.doc[trigger.i + 1:sentence.end]:
            if token.text in (".", ";", ":", "—", "–"):
                break
            mention = self.by_token.get(token.i)
            if mention is not None and mention.actor not in named:
                named.append(mention.actor)
        first = next(iter(named), None)
        other = next((x for x in named if first is not None and not self.sides.same(x, first)), None)
        if first is None or other is None:
            return [], recipient
        return [first], [other]

    def _actor_from_context(self, sentence: Span, previous: Span | None, speaker: str | None,
                            category: str | None = None) -> list[str]:
        """`Москву закликають до деескалації` after `Боррель відповів...`: the actor of the event
        just told, in this sentence or the one before; else the speaker whose words these are. A court
        that just ruled does not go on to suspect or charge: that is the police's or prosecution's."""
        for found in reversed(self.events):
            if self._just_told(found, sentence, previous):
                if category == "ACCUSE" and any(self._institution(x, self.lex.court_nouns) for x in found.actor) \
                        or any(x in self.inferred for x in found.actor):
                    return []  # nor does a court the text never named
                return list(found.actor)
        return [speaker] if speaker else []

    def _recipient_from_context(self, category: str, actor: list[str], sentence: Span,
                                previous: Span | None) -> list[str]:
        if category not in DIRECTED:
            return []
        for found in reversed(self.events):  # `Росіяни вимагали ...` after `Росія передала США ...`
            if found.recipient and self.sides.same_any_list(found.actor, actor) \
                    and self._just_told(found, sentence, previous):
                return list(found.recipient)
        if category != "ACCUSE" or previous is None:
            return []
        # `Путін прокоментував відповідь НАТО та США. Він поскаржився, що ...`: those just named
        named = []
        for token in previous:
            mention = self.by_token.get(token.i)
            if mention is not None and mention.actor not in named and not self.sides.same_any(mention.actor, actor):
                named.append(mention.actor)
        return named[-2:] if len(named) <= 2 else []

"""`find_quotes`: the article read sentence by sentence, reported speech first, then the direct
quotes that close in that sentence, so that a pronoun or person noun in a later attribution
knows whom the text has spoken of. Each quote is recorded with its kind (direct, indirect,
mixed), channel and second-hand source."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from khronika.extraction.quotes.direct import Direct
from khronika.extraction.quotes.lexicon import CueWords, cues
from khronika.extraction.quotes.marks import Quoted, quoted_spans
from khronika.extraction.quotes.mentions import Mentions
from khronika.extraction.quotes.organisations import Organisations
from khronika.extraction.quotes.reported import Reported
from khronika.extraction.quotes.speakers import Speakers
from khronika.model import Actor, Mention, Quote


def find_quotes(doc: Doc, lang: str, mentions: list[Mention], actors: list[Actor] | None = None) -> list[Quote]:
    """The article's quotes. A speaker that the text names only by a common noun phrase
    (`прокуратура Києва заявила`, `в лікарні повідомили`) becomes an organisation mention and
    actor, appended to `mentions` and `actors`."""
    if lang not in ("uk", "ru", "en"):
        return []
    finder = _Finder(doc, lang, mentions)
    quotes = finder.run()
    known = {a.id for a in actors} if actors is not None else set()
    for mention, actor in finder.new_speakers:
        mentions.append(mention)
        if actors is not None and actor.id not in known:
            actors.append(actor)
            known.add(actor.id)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return quotes


class _Finder(Reported, Direct, Speakers, Organisations, Mentions, CueWords):
    """One article's quotes. The steps live in the mixins: reported speech (reported.py), direct
    quotes (direct.py), who speaks (speakers.py, organisations.py), which mention the text means
    (mentions.py) and the cue words (lexicon.py)."""

    def __init__(self, doc: Doc, lang: str, mentions: list[Mention]):
        self.doc, self.lang, self.text = doc, lang, doc.text
        self.cues = cues(lang)
        self.mentions = [m for m in mentions if m.label in ("PERS", "ORG", "LOC") and m.kind != "modifier"
                         and not self._common_noun(m)]
        self.quoted = quoted_spans(self.text)
        self.outlets = self._outlets(mentions)
        self.quotes: list[Quote] = []
        self.people: list[Mention] = []  # persons as the text brings them up, the latest last
        self.authors: list[Mention] = []  # persons whose material the article retells
        self.new_speakers: list[tuple[Mention, Actor]] = []

    def run(self) -> list[Quote]:
        """All quotes, in text order, none overlapping another."""
        previous = None
        waiting = sorted(self.quoted, key=lambda q: q.end)
        for sentence in self.doc.sents:
            self._reported_speech(sentence, previous)
            self._remember_main_person(sentence)
            if sentence.text.strip():
                previous = sentence
            # direct quotes in the order the text gives them, so that `за її словами` after
            # `«...», – каже художниця Олеся Статива` knows who she is
            done = [q for q in waiting if q.end <= sentence.end_char]
            waiting = waiting[len(done):]
            self._direct(done)
        self._direct(waiting)
        self.quotes.sort(key=lambda q: q.start)
        return _without_overlaps(self.quotes)

    def _add(self, start: int, end: int, speaker: Mention | None, cue: str, sentence: Span,
             speaker_text: str | None = None, channel: str | None = None) -> None:
        """Record reported content (`indirect`, or `mixed` with a quoted fragment of speech inside)."""
        while start < end and self.text[start] in " ,:–—-":
            start += 1
        if end - start < 3:
            return
        kind = "mixed" if any(start <= q.start and q.end <= end and self._is_speech(q) for q in self.quoted) \
            else "indirect"
        self.quotes.append(Quote(start, end, self.text[start:end], kind, speaker.actor if speaker else None,
                                 speaker_text or (speaker.text if speaker else None), cue,
                                 channel or self._channel(sentence), self._via(sentence)))
        if speaker is not None and speaker.label == "PERS":
            self._remember(speaker)

    def _is_speech(self, quoted: Quoted) -> bool:
        """A quoted fragment of someone's words (`"все більш турбулентною"`), not a quoted name
        (`«Укрзалізниця»`, `«ПМК № 15»`), which starts with a capital and is short."""
        inner = self.text[quoted.start:quoted.end].strip()
        letters = [c for c in inner if c.isalpha()]
        return bool(letters) and (letters[0].islower() or len(inner.split()) >= 4)

    def _via(self, sentence: Span) -> str | None:
        """The second-hand source the sentence names after a `via` phrase of the lexicon."""
        lowered = sentence.text.lower()
        for phrase in self.cues["via"]:
            at = lowered.find(phrase)
            if at >= 0:
                after = self.doc.char_span(sentence.start_char + at + len(phrase), sentence.end_char,
                                           alignment_mode="contract")
                found = self._mention_in(after) if after is not None else None
                if found is not None:
                    return found.text
        return None


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    """The quotes (sorted by start) less any that overlaps one kept before it."""
    kept: list[Quote] = []
    for quote in quotes:
        if any(q.start < quote.end and quote.start < q.end for q in kept):
            continue
        kept.append(quote)
    return kept

"""Quotations and who said them: direct quotes, reported speech and mixed quotes (uk, ru, en).

- Direct: text in quotation marks that an attribution claims for someone, after the quote
  (`"...", – повідомив Боррель`) or before it (`Боррель заявив: «...»`, `Боррель: «...»`).
  Quoted names and titles (`газета "День"`, `"договору про гарантії безпеки"`) have no
  attribution, so they are not quotes.
- Reported: `X заявив, що ...`; `За словами X, ...`; `Як повідомив X, ...`;
  `..., – сказано в заяві МЗС`; `Про це X написав у Twitter` (the sentence before). The
  quote's span is the reported content. Content with a quoted fragment inside is `mixed`.
- Speaker: the linked mention that is the subject of the reporting verb (its parse, else the
  nearest nominative mention before the verb, else the one right after it); pronouns and
  `за його словами` go to the last person spoken about.

The cue lexicons are data files (`data/quotes/{uk,ru,en}.json`). The steps: `marks.py` pairs
quotation marks, `lexicon.py` reads the cues, `reported.py` and `direct.py` find the quotes,
`speakers.py`, `organisations.py` and `mentions.py` find who said them, and `finder.py` runs
them over the article.
"""

from khronika.extraction.quotes.finder import find_quotes
from khronika.extraction.quotes.lexicon import cues
from khronika.extraction.quotes.marks import Quoted, quoted_spans

__all__ = ["Quoted", "cues", "find_quotes", "quoted_spans"]

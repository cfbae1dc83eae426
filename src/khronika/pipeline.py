"""The analysis of one article: clean -> identify language -> parse -> extract.

`analyze_document` is what `khronika analyze` and `khronika ingest` run for every input;
`analyze` is the same for a string, for use from Python.
"""

from __future__ import annotations

from datetime import date

from khronika.actors.link import link
from khronika.extraction.dates.timex import direction_for, find_timexes
from khronika.extraction.entities import find_mentions
from khronika.extraction.events import find_events
from khronika.extraction.quotes import find_quotes
from khronika.ingest.furniture import RepeatedLines, clean_lines
from khronika.language.detect import detect_language
from khronika.language.pipeline import parse
from khronika.model import Analysis, Article, Document, content_id

PARSED_LANGUAGES = ("uk", "ru", "en")


def prepare(document: Document, lang: str = "auto", published: str | None = None,
            repeated: RepeatedLines | None = None, site: str = "") -> Article:
    """Clean the text of site furniture and decide its language; the article's id follows from it."""
    title = (document.title or "").strip()
    body_lines = document.text.splitlines()
    if lang == "auto":
        lang = document.language or detect_language(f"{title}\n{document.text}")
    kept, removed = clean_lines(body_lines, lang, repeated, site)
    text = "\n".join([title, *kept]) if title else "\n".join(kept)
    return Article(id=content_id(text), title=title, published=published or document.published, language=lang,
                   url=document.url, text=text, source=document.source, removed_lines=removed,
                   raw_id=raw_id(document))


def raw_id(document: Document) -> str:
    """Identity of an input before cleaning, which may depend on the other inputs of a run."""
    return content_id(f"{document.title or ''}\n{document.text}")


def analyze_article(article: Article) -> Analysis:
    analysis = Analysis(article=article)
    if article.language not in PARSED_LANGUAGES or not article.text.strip():
        return analysis
    doc = parse(article.text, article.language)
    analysis.index_terms = " ".join(t.lemma_.lower() for t in doc if not (t.is_punct or t.is_space))
    anchor = date.fromisoformat(article.published) if article.published else date.today()
    analysis.mentions, analysis.actors = link(doc, find_mentions(doc, article.language), article.language,
                                              article.published)
    analysis.quotes = find_quotes(doc, article.language, analysis.mentions, analysis.actors)
    analysis.timexes = find_timexes(article.text, article.language, anchor, direction_for(doc, article.language))
    analysis.events = find_events(doc, article.language, analysis.mentions, analysis.actors, analysis.quotes,
                                  analysis.timexes, article.published or anchor.isoformat())
    return analysis


def analyze_document(document: Document, lang: str = "auto", published: str | None = None,
                     repeated: RepeatedLines | None = None, site: str = "") -> Analysis:
    return analyze_article(prepare(document, lang, published, repeated, site))


def analyze(text: str, published: str | None = None, lang: str = "auto", title: str | None = None,
            url: str | None = None) -> Analysis:
    """Analyse one article given as a string.

    Without `title`, the first line of `text` is the title (as in a plain-text file).
    `published` (YYYY-MM-DD) anchors relative dates; without it they are read against today.
    """
    if title is None:
        first, _, rest = text.strip("\n").partition("\n")
        title, text = first, rest
    return analyze_document(Document(text=text, title=title, url=url, source="<python>"), lang, published)

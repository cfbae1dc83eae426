from khronika.extraction.quotes.finder import Quoted, cues, find_quotes, quoted_spans

__all__ = ["Quoted", "cues", "find_quotes", "quoted_spans"]

"""Khronika: news articles in, a structured and searchable chronicle out."""

from khronika.model import Analysis, Document
from khronika.pipeline import analyze

__all__ = ["Analysis", "Document", "analyze"]
__version__ = "0.1.0"

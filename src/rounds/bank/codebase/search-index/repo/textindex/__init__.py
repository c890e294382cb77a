"""textindex: the in-process full-text index behind the help centre's search box.

Documents are tokenized, put in an inverted index with term positions, scored with BM25, and each
result gets a snippet: the shortest stretch of the document that mentions every query term.
"""

from textindex.index import InvertedIndex
from textindex.query import Query, parse_query, search
from textindex.snippets import best_window, snippet
from textindex.store import Document, DocumentStore
from textindex.tokenize import tokenize

__all__ = ["Document", "DocumentStore", "InvertedIndex", "Query", "best_window", "parse_query", "search", "snippet",
           "tokenize"]

"""The in-memory corpus, as :mod:`lawparse.collection.corpus` (kept here for its users)."""

from .collection.corpus import (
    Applicable,
    Applicables,
    Change,
    Corpus,
    expand_paths,
    normalise_title,
    parse_files,
    parse_one,
)

__all__ = [
    "Applicable",
    "Applicables",
    "Change",
    "Corpus",
    "expand_paths",
    "normalise_title",
    "parse_files",
    "parse_one",
]

"""Align a translation with its original, provision by provision.

Article 12 pairs with 第十二条 (number and suffix: 第二十一条之一 with Article 21-1 only if both
say so), then paragraph with paragraph where both articles have the same number of them, and
item with item by number. Every provision left without a partner gets a diagnostic, so a
missing or merged article in a translation is found, not hidden.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .diagnostics import diagnostic
from .languages.en import letter_number
from .languages.zh import SUFFIX_MARK, parse_numeral
from .model import Article, Clause, Diagnostic, Item, Regulation

__all__ = ["AlignedPair", "Alignment", "align"]

UNPAIRED_ARTICLE = "LP301"
PARAGRAPHS_DIFFER = "LP302"
UNPAIRED_ITEM = "LP303"


class AlignedPair(BaseModel):
    """Two provisions that say the same thing in two languages."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    level: Literal["article", "clause", "item"]
    first: str
    second: str
    first_label: str
    second_label: str


class Alignment(BaseModel):
    """The pairs found, in document order, and a diagnostic for each provision left over."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    pairs: tuple[AlignedPair, ...]
    diagnostics: tuple[Diagnostic, ...]

    def articles(self) -> list[AlignedPair]:
        """The article-level pairs."""
        return [pair for pair in self.pairs if pair.level == "article"]


def align(english: Regulation, chinese: Regulation | None = None) -> Alignment:
    """Pair the provisions of two versions of a regulation (any two languages).

    With one argument, a bilingual regulation is aligned with the translations it carries.

    >>> import lawparse
    >>> en = lawparse.parse("Article 1 One.\\nArticle 2 Two.")
    >>> zh = lawparse.parse("第一条 一。\\n第二条 二。")
    >>> [(p.first_label, p.second_label) for p in align(en, zh).articles()]
    [('Article 1', '第一条'), ('Article 2', '第二条')]
    """
    if chinese is None:
        firsts = list(english.articles)
        seconds = [a.translation for a in firsts if a.translation is not None]
        first_path = second_path = english.source.path
    else:
        firsts, seconds = list(english.articles), list(chinese.articles)
        first_path, second_path = english.source.path, chinese.source.path
    pairs: list[AlignedPair] = []
    diagnostics: list[Diagnostic] = []
    by_key = {(a.number, _suffix_key(a.suffix)): a for a in seconds}
    matched: set[str] = set()
    for first in firsts:
        second = by_key.get((first.number, _suffix_key(first.suffix)))
        if second is None or second.eid in matched:
            diagnostics.append(_unpaired(first, first_path, "second"))
            continue
        matched.add(second.eid)
        pairs.append(_pair("article", first, second))
        pairs.extend(_clause_pairs(first, second, diagnostics, first_path))
    diagnostics.extend(
        _unpaired(second, second_path, "first") for second in seconds if second.eid not in matched
    )
    return Alignment(pairs=tuple(pairs), diagnostics=tuple(diagnostics))


def _suffix_key(suffix: str) -> str:
    """The inserted-article suffix as a number: "之一" and "A" both say "the first"."""
    if suffix.startswith(SUFFIX_MARK):
        return str(parse_numeral(suffix[len(SUFFIX_MARK) :]))
    if len(suffix) == 1 and suffix.isalpha():
        return str(letter_number(suffix))
    return suffix


def _pair(
    level: Literal["article", "clause", "item"],
    first: Article | Clause | Item,
    second: Article | Clause | Item,
) -> AlignedPair:
    return AlignedPair(
        level=level,
        first=first.eid,
        second=second.eid,
        first_label=_label(first),
        second_label=_label(second),
    )


def _label(node: Article | Clause | Item) -> str:
    if isinstance(node, Clause):
        return node.label or f"paragraph {node.index}"
    return node.label


def _paragraphs(first: Article, second: Article) -> tuple[list[Clause], list[Clause]]:
    """The paragraphs of each version. A bilingual edition alternates languages paragraph by
    paragraph inside one article, so there the paragraphs are sorted by their language."""
    if second is not first.translation or first.translation is None:
        return list(first.clauses), list(second.clauses)
    every = [*first.clauses, *second.clauses]
    language = first.clauses[0].language if first.clauses else None
    return (
        [c for c in every if c.language == language],
        [c for c in every if c.language != language],
    )


def _clause_pairs(
    first: Article, second: Article, diagnostics: list[Diagnostic], path: str | None
) -> Iterator[AlignedPair]:
    first_clauses, second_clauses = _paragraphs(first, second)
    if len(first_clauses) != len(second_clauses):
        diagnostics.append(
            diagnostic(
                PARAGRAPHS_DIFFER,
                f"{first.label} has {len(first_clauses)} paragraph(s), {second.label} has "
                f"{len(second_clauses)}: paragraphs are not paired",
                first.span,
                path,
                "check the translation for merged or split paragraphs",
            )
        )
        return
    for first_clause, second_clause in zip(first_clauses, second_clauses, strict=True):
        yield _pair("clause", first_clause, second_clause)
        if not (first_clause.items and second_clause.items):
            continue  # items are compared where both versions number them
        second_items = {item.number: item for item in second_clause.items}
        for item in first_clause.items:
            partner = second_items.pop(item.number, None)
            if partner is None:
                diagnostics.append(_unpaired(item, path, "second"))
            else:
                yield _pair("item", item, partner)
        diagnostics.extend(_unpaired(item, path, "first") for item in second_items.values())


def _unpaired(node: Article | Item, path: str | None, missing_in: str) -> Diagnostic:
    code = UNPAIRED_ARTICLE if isinstance(node, Article) else UNPAIRED_ITEM
    return diagnostic(
        code,
        f"{node.label} has no partner in the {missing_in} text",
        node.span,
        path,
        "a provision may be missing, merged or numbered differently in one version",
    )

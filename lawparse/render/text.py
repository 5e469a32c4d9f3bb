"""The model back to its source text, exactly, by walking the spans."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article, Chapter, Clause, Item, Part, Point, Regulation, Section, Span

__all__ = ["text"]

_Node = Part | Chapter | Section | Article | Point | Clause | Item


def _children(node: _Node) -> tuple[_Node, ...]:
    if isinstance(node, Part):
        return (*node.articles, *node.chapters)
    if isinstance(node, Chapter):
        return (*node.articles, *node.sections)
    if isinstance(node, Section):
        return node.articles
    if isinstance(node, Article):
        translation = (node.translation,) if node.translation is not None else ()
        return (*node.clauses, *translation)
    if isinstance(node, Point):
        return node.clauses
    return node.items


def _pieces(node: _Node) -> Iterator[Span]:
    """The node's own spans (label, heading, whitespace) around its children's, in order."""
    cursor = node.span.start
    for child in _children(node):
        if child.span.start > cursor:
            yield Span(start=cursor, end=child.span.start)
        yield from _pieces(child)
        cursor = child.span.end
    if node.span.end > cursor:
        yield Span(start=cursor, end=node.span.end)


def _regulation_pieces(reg: Regulation) -> Iterator[Span]:
    yield reg.preface
    for node in reg.body:
        yield from _pieces(node)
    if reg.schedules_span is not None:
        yield reg.schedules_span
    for schedule in reg.schedules:
        yield schedule.span


def text(reg: Regulation) -> str:
    """The source text, rebuilt from the spans of the tree; equal to the input, byte for byte.

    >>> import lawparse
    >>> source = "Article 1 One.\\r\\nArticle 2 Two."
    >>> lawparse.render.text(lawparse.parse(source)) == source
    True
    """
    source = reg.source.text
    return "".join(source[span.start : span.end] for span in _regulation_pieces(reg))

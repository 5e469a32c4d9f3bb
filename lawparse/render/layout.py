"""The model laid out for the renderers that show structure (Akoma Ntoso, HTML, Markdown).

Each node becomes a :class:`Block`: its kind, its number and heading as written, the span of
its own wording before its children (``lead``) and after them (``tail``), and its children.
Wording is always cut from the source by spans, never from the nodes' ``text``, so that a
reference, which points into the source, can be placed inside it (:func:`pieces`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..languages import heading_text
from ..languages.common import strip_blank
from ..model import (
    Article,
    Chapter,
    Clause,
    Item,
    Part,
    Point,
    Reference,
    Regulation,
    Schedule,
    Section,
    Span,
)

__all__ = [
    "QUOTATION",
    "Block",
    "Kind",
    "Link",
    "Links",
    "blocks",
    "eids",
    "links",
    "pieces",
    "printable",
    "quotation_of",
    "references",
    "walk",
]

Kind = Literal[
    "part",
    "chapter",
    "section",
    "article",
    "translation",
    "point",
    "clause",
    "item",
    "schedule",
]
_Node = Part | Chapter | Section | Article | Point | Clause | Item | Schedule

_REPLACEMENT = chr(0xFFFD)
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def printable(text: str) -> str:
    """``text`` with the characters XML cannot carry (control characters, lone surrogates)
    replaced, so that any input gives a well-formed document."""
    return _NOT_XML.sub(_REPLACEMENT, text)


QUOTATION = "__qstr_"
"""The eId segment of a quoted structure (see lawparse.structure.build): the items a
provision quotes as new wording are numbered inside it."""


@dataclass(frozen=True)
class Block:
    """A node as the renderers show it. ``depth`` counts items (1 an item, 2 a sub-item);
    ``subheading`` is a bilingual heading's translation."""

    node: _Node
    kind: Kind
    eid: str
    num: str | None
    heading: str | None
    lead: Span | None
    children: tuple[Block, ...] = ()
    tail: Span | None = None
    depth: int = 0
    subheading: str | None = None

    @property
    def quotation(self) -> str | None:
        """The eId of the quoted structure this block lies in, if any."""
        return quotation_of(self.eid)


def quotation_of(eid: str) -> str | None:
    """``art_5__para_13__item_1__qstr_1`` for ``art_5__para_13__item_1__qstr_1__item_2``."""
    head, found, rest = eid.rpartition(QUOTATION)
    if not found:
        return None
    return f"{head}{QUOTATION}{rest.split('__', 1)[0]}"


def _trim(text: str, start: int, end: int) -> Span | None:
    """The span of ``text[start:end]`` without the blank around it; ``None`` if all blank."""
    chunk = text[start:end]
    body = strip_blank(chunk)
    if not body:
        return None
    begin = start + chunk.index(body)
    return Span(start=begin, end=begin + len(body))


def _wording_start(text: str, node: _Node, after: int) -> int:
    """Where the node's own wording begins: its ``text`` found after its label."""
    own = getattr(node, "text", "")
    if not own:
        return node.span.end
    found = text.find(own, after, node.span.end)
    return found if found >= 0 else after


def _after_label(text: str, node: _Node) -> int:
    label = getattr(node, "label", None)
    if not label:
        return node.span.start
    found = text.find(label, node.span.start, node.span.end)
    return node.span.start if found < 0 else found + len(label)


def _around(
    text: str, node: _Node, children: Sequence[Block], end: int | None = None
) -> tuple[Span | None, Span | None]:
    """The node's own wording before its first child and after its last."""
    start = _wording_start(text, node, _after_label(text, node))
    stop = node.span.end if end is None else end
    if not children:
        return _trim(text, start, stop), None
    first, last = children[0].node.span, children[-1].node.span
    return _trim(text, start, first.start), _trim(text, last.end, stop)


def _item(text: str, item: Item, depth: int) -> Block:
    children = tuple(_item(text, child, depth + 1) for child in item.items)
    lead, tail = _around(text, item, children)
    return Block(item, "item", item.eid, item.label, None, lead, children, tail, depth)


def _clause(text: str, clause: Clause) -> Block:
    children = tuple(_item(text, item, 1) for item in clause.items)
    lead, tail = _around(text, clause, children)
    return Block(clause, "clause", clause.eid, clause.label, None, lead, children, tail)


def _article(text: str, article: Article, kind: Kind = "article") -> Block:
    children = [_clause(text, clause) for clause in article.clauses]
    end = article.translation.span.start if article.translation is not None else None
    lead, tail = _around(text, article, children, end)
    if article.translation is not None:
        children.append(_article(text, article.translation, "translation"))
    return Block(
        article, kind, article.eid, article.label, article.heading, lead, tuple(children), tail
    )


def _heading(label: str, title: str | None) -> tuple[str, str | None]:
    return label, heading_text(title) if title else None


def _translated(node: Chapter | Section) -> str | None:
    words = [w for w in (node.translated_label, node.translated_title) if w]
    return heading_text(" ".join(words)) if words else None


def _container(text: str, node: Part | Chapter | Section) -> Block:
    members: list[Article | Chapter | Section] = list(node.articles)
    if isinstance(node, Part):
        members.extend(node.chapters)
    elif isinstance(node, Chapter):
        members.extend(node.sections)
    members.sort(key=lambda member: member.span.start)
    children = tuple(_body_node(text, member) for member in members)
    num, title = _heading(node.label, node.title)
    subheading = None if isinstance(node, Part) else _translated(node)
    return Block(node, node.type, node.eid, num, title, None, children, None, 0, subheading)


def _body_node(text: str, node: Article | Part | Chapter | Section | Point) -> Block:
    if isinstance(node, Article):
        return _article(text, node)
    if isinstance(node, Point):
        children = tuple(_clause(text, clause) for clause in node.clauses)
        lead, tail = _around(text, node, children)
        return Block(node, "point", node.eid, node.label, None, lead, children, tail)
    return _container(text, node)


def _schedule(text: str, schedule: Schedule) -> Block:
    lead, _ = _around(text, schedule, ())
    num, title = _heading(schedule.label, schedule.title)
    return Block(schedule, "schedule", schedule.eid, num, title, lead)


def blocks(reg: Regulation) -> tuple[Block, ...]:
    """The body and the schedules of ``reg`` as blocks, in document order."""
    text = reg.source.text
    body = [_body_node(text, node) for node in reg.body]
    return (*body, *(_schedule(text, schedule) for schedule in reg.schedules))


def walk(tree: Sequence[Block]) -> Iterator[Block]:
    """Every block, parents before their children."""
    for block in tree:
        yield block
        yield from walk(block.children)


def eids(tree: Sequence[Block]) -> set[str]:
    """The eIds of every block."""
    return {block.eid for block in walk(tree)}


# References ------------------------------------------------------------------------------


def references(reg: Regulation) -> tuple[Reference, ...]:
    """The references of ``reg`` in text order: the one place the renderers read them."""
    return tuple(sorted(reg.references, key=lambda reference: reference.span.start))


@dataclass(frozen=True)
class Link:
    """Where a reference leads: an eId of this document, or the title of another act."""

    span: Span
    eid: str | None = None
    external: str | None = None


@dataclass
class Links:
    starts: list[int] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def links(reg: Regulation, known: set[str]) -> Links:
    """The references of ``reg`` that lead somewhere: to a provision in ``known``, or to
    another act by its title. An unresolved one stays text."""
    found = Links()
    for reference in references(reg):
        targets = [eid for eid in reference.targets if eid in known]
        external = reference.external
        if not targets and not external:
            continue
        link = Link(reference.span, targets[0] if targets else None, None if targets else external)
        found.starts.append(link.span.start)
        found.links.append(link)
    return found


def pieces(text: str, span: Span, found: Links) -> list[tuple[str, Link | None]]:
    """``text[span]`` cut into runs of plain text and the links that lie wholly inside it."""
    out: list[tuple[str, Link | None]] = []
    cursor = span.start
    index = bisect.bisect_left(found.starts, span.start)
    while index < len(found.links):
        link = found.links[index]
        index += 1
        if link.span.start >= span.end:
            break
        if link.span.start < cursor or link.span.end > span.end:
            continue  # overlapping or crossing the run's end: left as text
        if link.span.start > cursor:
            out.append((text[cursor : link.span.start], None))
        out.append((text[link.span.start : link.span.end], link))
        cursor = link.span.end
    if cursor < span.end:
        out.append((text[cursor : span.end], None))
    return out

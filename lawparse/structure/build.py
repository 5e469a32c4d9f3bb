"""The build step: the parse tree of the structure grammar to frozen models.

A Lark ``Transformer`` with one method per grammar rule maps the tree bottom-up to drafts
that hold their tokens; the models are made from the drafts top-down, because an Akoma
Ntoso eId carries its ancestors (``chp_2__art_12__para_1``), which a bottom-up pass does not
know. The builder guarantees what validation would check (spans ordered and inside the text,
tuples of the right node types), so the nodes are made with :func:`~lawparse.model.trusted`,
without re-validating each field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lark import Token, Transformer

from ..languages import detect_language, heading_text
from ..languages.common import (
    CLOSE_BRACKETS,
    INDENT,
    OPEN_BRACKETS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    WHITESPACE_RUN,
    strip_blank,
)
from ..languages.en import ROMAN_LETTERS, letter_number, parse_roman
from ..languages.zh import SUFFIX_MARK, parse_numeral
from ..model import (
    Article,
    Chapter,
    Clause,
    Item,
    Part,
    Point,
    Schedule,
    Section,
    Span,
    articles_in,
    trusted,
    trusted_span,
)
from ..source import SourceText
from .grammar import parse_tokens
from .tokens import ContentToken, LexedText, Marker, MarkerToken

__all__ = ["Body", "build_body"]

_BRACKETS = OPEN_BRACKETS + CLOSE_BRACKETS


@dataclass
class Body:
    """What the build step returns: the body nodes and the spans around them."""

    preface: Span
    nodes: list[Article | Part | Chapter | Point]
    schedules_span: Span | None
    schedules: list[Schedule]

    def articles(self) -> list[Article]:
        """Every article in document order, across parts, chapters and sections."""
        return list(articles_in(self.nodes))


def _marker(token: Token) -> Marker:
    assert isinstance(token, MarkerToken)
    return token.marker


def _start(token: Token) -> int:
    return int(token.start_pos or 0)


def _end(token: Token) -> int:
    return int(token.end_pos or 0)


def _parts(content: ContentToken | None) -> list[Token]:
    return content.parts if content is not None else []


# Drafts: what the transformer makes of each rule, before eIds are known ------------------------


@dataclass
class _Title:
    tokens: list[Token]

    @property
    def end(self) -> int:
        return _end(self.tokens[-1])


@dataclass
class _Heading:
    """A heading token with its optional caption and title: the head of a part, chapter,
    section or their translations."""

    token: Token
    caption: Token | None
    title: _Title | None

    @property
    def end(self) -> int:
        last = self.title.end if self.title else None
        return last if last is not None else _end(self.caption or self.token)


@dataclass
class _Leaf:
    """A heading with its caption and the content up to the next heading: a point, a
    schedule, and the own wording of an article."""

    token: Token
    caption: Token | None
    content: list[Token]

    @property
    def own_end(self) -> int:
        if self.content:
            return _end(self.content[-1])
        return _end(self.caption or self.token)

    @property
    def end(self) -> int:
        return self.own_end


@dataclass
class _ArticleDraft(_Leaf):
    translation: _ArticleDraft | None = None

    @property
    def end(self) -> int:
        return self.translation.end if self.translation else self.own_end


_PointDraft = _Leaf
_ScheduleDraft = _Leaf


@dataclass
class _SectionDraft:
    head: _Heading
    translated: _Heading | None
    articles: list[_ArticleDraft]

    @property
    def end(self) -> int:
        if self.articles:
            return self.articles[-1].end
        return self.translated.end if self.translated else self.head.end


@dataclass
class _ChapterDraft:
    head: _Heading
    translated: _Heading | None
    articles: list[_ArticleDraft]
    sections: list[_SectionDraft]

    @property
    def end(self) -> int:
        if self.sections:
            return self.sections[-1].end
        if self.articles:
            return self.articles[-1].end
        return self.translated.end if self.translated else self.head.end


@dataclass
class _PartDraft:
    head: _Heading
    articles: list[_ArticleDraft]
    chapters: list[_ChapterDraft]

    @property
    def end(self) -> int:
        if self.chapters:
            return self.chapters[-1].end
        return self.articles[-1].end if self.articles else self.head.end


@dataclass
class _SchedulesDraft:
    group: _ScheduleDraft | None  # the "SCHEDULES" heading, when the group has one
    schedules: list[_ScheduleDraft]

    @property
    def start(self) -> int:
        return _start(self.group.token if self.group else self.schedules[0].token)


_NodeDraft = _ArticleDraft | _PartDraft | _ChapterDraft | _PointDraft


@dataclass
class _BodyDraft:
    nodes: list[_NodeDraft]
    schedules: _SchedulesDraft | None


def _node_start(node: _NodeDraft) -> int:
    if isinstance(node, _Leaf):
        return _start(node.token)
    return _start(node.head.token)


class _Drafts(Transformer[Token, Any]):
    """One method per rule of ``structure.lark``: the tree to drafts (tokens kept)."""

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)

    def start(self, children: list[Any]) -> _BodyDraft:
        body: _BodyDraft = children[1]
        return body

    def preface(self, children: list[ContentToken | None]) -> list[Token]:
        return _parts(children[0])

    def body(self, children: list[Any]) -> _BodyDraft:
        *nodes, schedules = children
        return _BodyDraft(nodes, schedules)

    def title(self, children: list[ContentToken]) -> _Title:
        return _Title(children[0].parts)

    def part(self, children: list[Any]) -> _PartDraft:
        token, caption, title, *rest = children
        return _PartDraft(
            _Heading(token, caption, title),
            [c for c in rest if isinstance(c, _ArticleDraft)],
            [c for c in rest if isinstance(c, _ChapterDraft)],
        )

    def chapter(self, children: list[Any]) -> _ChapterDraft:
        token, caption, title, translated, *rest = children
        return _ChapterDraft(
            _Heading(token, caption, title),
            translated,
            [c for c in rest if isinstance(c, _ArticleDraft)],
            [c for c in rest if isinstance(c, _SectionDraft)],
        )

    def section(self, children: list[Any]) -> _SectionDraft:
        token, caption, title, translated, *articles = children
        return _SectionDraft(_Heading(token, caption, title), translated, articles)

    def chapter_tr(self, children: list[Any]) -> _Heading:
        token, caption, title = children
        return _Heading(token, caption, title)

    section_tr = chapter_tr

    def article(self, children: list[Any]) -> _ArticleDraft:
        token, caption, content, translation = children
        return _ArticleDraft(token, caption, _parts(content), translation)

    def article_tr(self, children: list[Any]) -> _ArticleDraft:
        token, caption, content = children
        return _ArticleDraft(token, caption, _parts(content))

    def point(self, children: list[Any]) -> _PointDraft:
        token, caption, content = children
        return _PointDraft(token, caption, _parts(content))

    def schedules(self, children: list[Any]) -> _SchedulesDraft:
        token, caption, content, *schedules = children
        return _SchedulesDraft(_ScheduleDraft(token, caption, _parts(content)), schedules)

    def schedules_untitled(self, children: list[_ScheduleDraft]) -> _SchedulesDraft:
        return _SchedulesDraft(None, children)

    def schedule(self, children: list[Any]) -> _ScheduleDraft:
        token, caption, content = children
        return _ScheduleDraft(token, caption, _parts(content))


# Models from drafts --------------------------------------------------------------------------


@dataclass
class _ItemDraft:
    token: Token
    marker: Marker
    number: int | None
    style: str
    end: int
    children: list[_ItemDraft] = field(default_factory=list)
    quotes: list[list[_ItemDraft]] = field(default_factory=list)


_QUOTE_MARKS = re.compile(f"[{QUOTE_OPEN}{QUOTE_CLOSE}]")


@dataclass
class _Quotation:
    """Items read inside a quotation: the wording an amending provision inserts ("for
    subsection (1) substitute— “(1) ... (a) ...”"), numbered in a scope of their own so
    that their eIds never collide with the amending provision's own items."""

    roots: list[_ItemDraft]
    stack: list[_ItemDraft] = field(default_factory=list)


class _Models:
    """Drafts to models, top-down, so each node knows its eId."""

    def __init__(self, text: str, bilingual: bool) -> None:
        self.text = text
        self.bilingual = bilingual

    def slice_text(self, start: int, end: int) -> str:
        return strip_blank(self.text[start:end])

    def title(self, head: _Heading) -> str | None:
        parts = []
        if head.caption is not None:
            parts.append(_marker(head.caption).label.strip(_BRACKETS + " "))
        if head.title is not None:
            parts.append(self.slice_text(_start(head.title.tokens[0]), head.title.end))
        return heading_text(" ".join(parts)) or None

    def translated(self, head: _Heading | None) -> tuple[str | None, str | None]:
        if head is None:
            return None, None
        return _marker(head.token).label, self.title(head)

    def body(self, draft: _BodyDraft) -> Body:
        nodes: list[Article | Part | Chapter | Point] = []
        for node in draft.nodes:
            if isinstance(node, _ArticleDraft):
                nodes.append(self.article(node, ""))
            elif isinstance(node, _ChapterDraft):
                nodes.append(self.chapter(node, ""))
            elif isinstance(node, _PartDraft):
                nodes.append(self.part(node))
            else:
                nodes.append(self.point(node))
        schedules_span: Span | None = None
        schedules: list[Schedule] = []
        if draft.schedules is not None:
            schedules_span, schedules = self.schedules(draft.schedules)
        if draft.nodes:
            preface_end = _node_start(draft.nodes[0])
        elif draft.schedules is not None:
            preface_end = draft.schedules.start
        else:
            preface_end = len(self.text)
        return Body(trusted_span(0, preface_end), nodes, schedules_span, schedules)

    def part(self, draft: _PartDraft) -> Part:
        marker = _marker(draft.head.token)
        eid = f"part_{marker.number}"
        return trusted(
            Part,
            eid=eid,
            number=marker.number or 0,
            label=marker.label,
            title=self.title(draft.head),
            span=trusted_span(_start(draft.head.token), draft.end),
            articles=tuple(self.article(a, eid) for a in draft.articles),
            chapters=tuple(self.chapter(c, eid) for c in draft.chapters),
        )

    def chapter(self, draft: _ChapterDraft, parent: str) -> Chapter:
        marker = _marker(draft.head.token)
        eid = f"{parent}__chp_{marker.number}".lstrip("_")
        translated_label, translated_title = self.translated(draft.translated)
        return trusted(
            Chapter,
            eid=eid,
            number=marker.number or 0,
            label=marker.label,
            title=self.title(draft.head),
            span=trusted_span(_start(draft.head.token), draft.end),
            articles=tuple(self.article(a, eid) for a in draft.articles),
            sections=tuple(self.section(s, eid) for s in draft.sections),
            translated_label=translated_label,
            translated_title=translated_title,
        )

    def section(self, draft: _SectionDraft, parent: str) -> Section:
        marker = _marker(draft.head.token)
        eid = f"{parent}__sec_{marker.number}"
        translated_label, translated_title = self.translated(draft.translated)
        return trusted(
            Section,
            eid=eid,
            number=marker.number or 0,
            label=marker.label,
            title=self.title(draft.head),
            span=trusted_span(_start(draft.head.token), draft.end),
            articles=tuple(self.article(a, eid) for a in draft.articles),
            translated_label=translated_label,
            translated_title=translated_title,
        )

    def article(self, draft: _ArticleDraft, parent: str, translation: bool = False) -> Article:
        marker = _marker(draft.token)
        number = marker.number or 0
        if translation:
            eid = f"{parent}__translation"
        else:
            suffix = _eid_suffix(marker.suffix) if marker.suffix else ""
            eid = f"{parent}__art_{number}{suffix}" if parent else f"art_{number}{suffix}"
        heading = None
        if draft.caption is not None:
            head_end = _end(draft.caption)
            heading = WHITESPACE_RUN.sub(" ", _marker(draft.caption).label.strip())
            heading = heading.strip(_BRACKETS + " ") or None
        else:
            head_end = _end(draft.token)
        content = draft.content
        if draft.translation is None and len(content) == 1 and content[0].type == "TEXT":
            # The wording is the one run of text, which the lexer has stripped already.
            text = content[0].value
        else:
            own_end = _start(draft.translation.token) if draft.translation else draft.own_end
            text = self.slice_text(head_end, own_end)
        return trusted(
            Article,
            eid=eid,
            number=number,
            suffix=marker.suffix,
            label=marker.label,
            heading=heading,
            text=text,
            span=trusted_span(_start(draft.token), draft.end),
            clauses=self.clauses(draft.content, eid),
            translation=self.article(draft.translation, eid, translation=True)
            if draft.translation
            else None,
        )

    def point(self, draft: _PointDraft) -> Point:
        marker = _marker(draft.token)
        eid = f"point_{marker.number}"
        head_end = _end(draft.caption or draft.token)
        return trusted(
            Point,
            eid=eid,
            number=marker.number or 0,
            label=marker.label,
            text=self.slice_text(head_end, draft.end),
            span=trusted_span(_start(draft.token), draft.end),
            clauses=self.clauses(draft.content, eid),
        )

    def schedules(self, draft: _SchedulesDraft) -> tuple[Span | None, list[Schedule]]:
        group_span = None
        if draft.group is not None:
            group_end = _start(draft.schedules[0].token) if draft.schedules else draft.group.end
            group_span = trusted_span(_start(draft.group.token), group_end)
        return group_span, [self.schedule(s) for s in draft.schedules]

    def schedule(self, draft: _ScheduleDraft) -> Schedule:
        marker = _marker(draft.token)
        head_end = _end(draft.caption or draft.token)
        return trusted(
            Schedule,
            eid=f"sched_{marker.number}" if marker.number is not None else "sched",
            number=marker.number,
            label=marker.label,
            title=_marker(draft.caption).label if draft.caption is not None else None,
            text=self.slice_text(head_end, draft.end),
            span=trusted_span(_start(draft.token), draft.end),
        )

    # Clauses and items -------------------------------------------------------------------

    def clauses(self, tokens: Sequence[Token], parent: str) -> tuple[Clause, ...]:
        if not tokens:
            return ()
        has_items = False
        for token in tokens:
            if token.type == "ITEM":
                has_items = True
                break
        if not has_items:
            paragraphs = self.paragraphs(tokens, parent)
            if paragraphs is not None:
                return paragraphs
        first = tokens[0]
        numbered = (
            has_items
            and first.type == "ITEM"
            and _marker(first).style == "paren_digit"
            and _marker(first).number == 1
        )
        groups: list[list[Token]] = []
        group: list[Token] = []
        for token in tokens:
            if numbered:
                starts_clause = token.type == "ITEM" and _marker(token).style == "paren_digit"
            else:
                starts_clause = token.type == "PARA"
            if starts_clause or not groups:
                group = []
                groups.append(group)
            group.append(token)
        return tuple(
            self.clause(group, index, parent, numbered, has_items)
            for index, group in enumerate(groups, start=1)
        )

    def paragraphs(self, tokens: Sequence[Token], parent: str) -> tuple[Clause, ...] | None:
        """The clauses of content without items, which the lexer makes of runs of text with a
        paragraph break between each two (``TEXT (PARA TEXT)*``): one a run, its wording the
        run's (stripped by the lexer already); ``None`` for content of another shape."""
        clauses: list[Clause] = []
        para: Token | None = None
        bilingual = self.bilingual
        for token in tokens:
            if token.type == "PARA":
                para = token
                continue
            if para is None and clauses:
                return None  # two runs of text with no break between them
            index = len(clauses) + 1
            text = token.value
            clauses.append(
                trusted(
                    Clause,
                    eid=f"{parent}__para_{index}",
                    index=index,
                    number=None,
                    label=None,
                    language=detect_language(text) if bilingual else None,
                    text=text,
                    span=trusted_span(_start(para or token), _end(token)),
                    items=(),
                )
            )
            para = None
        return tuple(clauses) if para is None else None

    def clause(
        self, tokens: list[Token], index: int, parent: str, numbered: bool, has_items: bool
    ) -> Clause:
        first = tokens[0]
        last = tokens[-1]
        start = _start(first)
        end = _end(last)
        label = None
        number = None
        item_tokens = tokens
        eid = f"{parent}__para_{index}"
        if numbered:
            head = _marker(first)
            label, number = head.label, head.number
            item_tokens = tokens[1:]
            text = self.slice_text(_end(first), end)
        elif last.type == "TEXT" and (
            len(tokens) == 1 or (len(tokens) == 2 and first.type == "PARA")
        ):
            # One run of text (after its paragraph break), which the lexer has stripped.
            text = last.value
        else:
            text = self.slice_text(_end(first) if first.type == "PARA" else start, end)
        return trusted(
            Clause,
            eid=eid,
            index=index,
            number=number,
            label=label,
            language=detect_language(text) if self.bilingual else None,
            text=text,
            span=trusted_span(start, end),
            items=tuple(self.items(item_tokens, eid)) if has_items else (),
        )

    def items(self, tokens: Sequence[Token], parent: str) -> list[Item]:
        if not any(token.type == "ITEM" for token in tokens):
            return []
        roots: list[_ItemDraft] = []
        stack: list[_ItemDraft] = []
        clause_quotes: list[list[_ItemDraft]] = []
        quotation: _Quotation | None = None
        depth, read_to = 0, _start(tokens[0])
        for token in tokens:
            if token.type != "ITEM":
                current = quotation.stack if quotation is not None else stack
                if current:
                    current[-1].end = _end(token)
                continue
            depth, closed = self.quoting(read_to, _start(token), depth)
            read_to = _start(token)
            if not depth:
                quotation = None
            elif quotation is None or closed:
                quotation = _Quotation([])
                (stack[-1].quotes if stack else clause_quotes).append(quotation.roots)
            marker = _marker(token)
            scope_stack = quotation.stack if quotation is not None else stack
            style, number = _resolve_style(marker, scope_stack)
            draft = _ItemDraft(token, marker, number, style, _end(token))
            styles = [d.style for d in scope_stack]
            if style in styles:
                del scope_stack[styles.index(style) :]
            if scope_stack:
                scope_stack[-1].children.append(draft)
            elif quotation is None:
                roots.append(draft)
            else:
                if _restarts(quotation.roots, draft):
                    # Numbering that starts again inside one quotation is another quoted
                    # subsection whose own number ("(1ZA)") is no marker we read.
                    quotation.roots = []
                    (stack[-1].quotes if stack else clause_quotes).append(quotation.roots)
                quotation.roots.append(draft)
            scope_stack.append(draft)
        built = [self.item(draft, parent, position, 1) for position, draft in enumerate(roots, 1)]
        return _in_order([*built, *self.quoted_items(clause_quotes, parent)])

    def quoting(self, start: int, end: int, depth: int) -> tuple[int, bool]:
        """How deep ``end`` lies in quotations, given the depth at ``start``, and whether
        every quotation closed in between. A quoted term inside a quotation nests ("(9)In
        subsection (8), “local authority” has ..."), but an opening mark at a line
        start inside a quotation continues it: a quotation of several paragraphs opens each
        of them and closes only the last."""
        closed = False
        for mark in _QUOTE_MARKS.finditer(self.text, start, end):
            if mark.group() == QUOTE_CLOSE:
                depth = max(0, depth - 1)
                closed = closed or depth == 0
            elif not (depth and self.at_line_start(mark.start())):
                depth += 1
        return depth, closed

    def at_line_start(self, pos: int) -> bool:
        index = pos - 1
        while index >= 0 and self.text[index] in INDENT:
            index -= 1
        return index < 0 or self.text[index] in "\r\n"

    def quoted_items(self, quotes: list[list[_ItemDraft]], owner: str) -> list[Item]:
        return [
            self.item(draft, f"{owner}__qstr_{index}", position, 1)
            for index, roots in enumerate(quotes, 1)
            for position, draft in enumerate(roots, 1)
        ]

    def item(self, draft: _ItemDraft, parent: str, position: int, depth: int) -> Item:
        name = "item" if depth == 1 else "subitem"
        eid = f"{parent}__{name}_{draft.number if draft.number is not None else position}"
        children = _in_order(
            [
                *(
                    self.item(child, eid, child_position, depth + 1)
                    for child_position, child in enumerate(draft.children, 1)
                ),
                *self.quoted_items(draft.quotes, eid),
            ]
        )
        end = max([draft.end, *(child.span.end for child in children)])
        return trusted(
            Item,
            eid=eid,
            number=draft.number,
            label=draft.marker.label,
            text=self.slice_text(_end(draft.token), end),
            span=trusted_span(_start(draft.token), end),
            items=tuple(children),
        )


def _restarts(roots: list[_ItemDraft], draft: _ItemDraft) -> bool:
    if not roots or roots[-1].number is None or draft.number is None:
        return False
    return draft.number <= roots[-1].number


def _in_order(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda item: item.span.start)


def _eid_suffix(suffix: str) -> str:
    """The eId form of an inserted article's suffix: "A" -> "a", and the Chinese 之一 -> "_1"."""
    if suffix.startswith(SUFFIX_MARK):
        return f"_{parse_numeral(suffix[len(SUFFIX_MARK) :])}"
    return suffix.lower()


def _resolve_style(marker: Marker, stack: list[_ItemDraft]) -> tuple[str, int | None]:
    """Tell "(i)" the letter from "(i)" the Roman numeral by what came before."""
    style, number = marker.style, marker.number
    value = marker.label.strip(_BRACKETS + ".")
    if style != "paren_lower" or len(value) != 1 or value not in ROMAN_LETTERS:
        return style, number
    letters = [d for d in stack if d.style == "paren_lower"]
    if letters and letters[-1].number is not None:
        if letters[-1].number + 1 == letter_number(value):
            return style, number  # "(i)" after "(h)"
        return "paren_roman", parse_roman(value)
    if any(d.style == "paren_roman" for d in stack) or value == "i":
        return "paren_roman", parse_roman(value)
    return style, number


_DRAFTS = _Drafts()


def build_body(source: SourceText, lexed: LexedText, bilingual: bool = False) -> Body:
    """Parse the token stream with the structure grammar and build the body models."""
    draft: _BodyDraft = parse_tokens(source, lexed.tokens, _DRAFTS)
    return _Models(source.text, bilingual).body(draft)

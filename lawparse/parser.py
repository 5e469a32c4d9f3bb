"""Lark construction (cached) and the build step from parse tree to model.

The Lark LALR parser runs over the token stream of :mod:`lawparse.lexer`; a top-down builder
then turns the tree into frozen models. It is top-down because an Akoma Ntoso eId carries its
ancestors (``chp_2__art_12__para_1``), which a bottom-up transformer does not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token, Tree
from lark.exceptions import LarkError, UnexpectedInput
from lark.lexer import Lexer

from .errors import StructureError
from .language import detect_language, heading_text
from .lexer import LexedText, Marker
from .model import (
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
)
from .numbers import letter_number, parse_chinese, parse_roman
from .source import SourceText

__all__ = ["Body", "build_body", "grammar_path", "structure_parser"]

_SPACES = re.compile(r"\s+")


def grammar_path(name: str) -> Path:
    """Path of a shipped grammar: inside the installed package, else the source tree."""
    packaged = resources.files("lawparse") / "grammars" / name
    if packaged.is_file():
        return Path(str(packaged))
    source_tree = Path(__file__).resolve().parent.parent / "grammars" / name
    if source_tree.is_file():
        return source_tree
    raise FileNotFoundError(f"grammar {name} is missing from the lawparse installation")


class _TokenStream(Lexer):
    """Hands Lark the tokens lawparse.lexer already made (Lark's custom-lexer protocol)."""

    def __init__(self, lexer_conf: Any) -> None:
        del lexer_conf

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        yield from data


@cache
def structure_parser() -> Lark:
    """The LALR parser of the structure grammar, built once per process.

    One grammar serves every language: the lexers turn "Article 12" and "第十二条" alike into
    ARTICLE tokens, so what differs between languages lives in the lexers.
    """
    path = grammar_path("structure.lark")
    return Lark(
        path.read_text(encoding="utf-8"),
        parser="lalr",
        lexer=_TokenStream,
        propagate_positions=False,
        maybe_placeholders=True,
        cache=_grammar_cache("structure"),
    )


def _grammar_cache(name: str) -> str | bool:
    """Where Lark keeps the analysed grammar between processes: a new process (a worker, a
    CLI call) loads it in about 2 ms instead of analysing the grammar for about 30. Lark
    checks the grammar's hash on load and rebuilds a stale or damaged file.

    The file is a pickle, so it lives in the user's own cache folder, not in the shared
    temporary folder Lark would use (where another user could plant one); without a writable
    folder there is no cache.
    """
    import os
    import sys

    from lark import __version__ as lark_version

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "lawparse"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return False
    if not os.access(folder, os.W_OK):
        return False
    python = f"{sys.version_info[0]}{sys.version_info[1]}"
    return str(folder / f"{name}-lark{lark_version}-py{python}.cache")


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


@dataclass
class _ItemDraft:
    token: Token
    marker: Marker
    number: int | None
    style: str
    end: int
    children: list[_ItemDraft] = field(default_factory=list)


def _extent_end(node: Token | Tree[Token]) -> int:
    if isinstance(node, Token):
        return int(node.end_pos or 0)
    for child in reversed(node.children):
        if child is not None:
            return _extent_end(child)
    raise ValueError("empty tree")


def _start(node: Token | Tree[Token]) -> int:
    if isinstance(node, Token):
        return int(node.start_pos or 0)
    for child in node.children:
        if child is not None:
            return _start(child)
    raise ValueError("empty tree")


class _Builder:
    def __init__(self, source: SourceText, lexed: LexedText, bilingual: bool) -> None:
        self.text = source.text
        self.markers = lexed.markers
        self.bilingual = bilingual

    def slice_text(self, start: int, end: int) -> str:
        return self.text[start:end].strip()

    def title_of(self, tree: Tree[Token] | None) -> str | None:
        if tree is None:
            return None
        return heading_text(self.slice_text(_start(tree), _extent_end(tree))) or None

    def body(self, tree: Tree[Token]) -> Body:
        preface_tree, body_tree = tree.children
        assert isinstance(body_tree, Tree) and isinstance(preface_tree, Tree)
        nodes: list[Article | Part | Chapter | Point] = []
        schedules: list[Schedule] = []
        schedules_span: Span | None = None
        for child in body_tree.children:
            if not isinstance(child, Tree):
                continue
            if child.data == "article":
                nodes.append(self.article(child, ""))
            elif child.data == "chapter":
                nodes.append(self.chapter(child, ""))
            elif child.data == "part":
                nodes.append(self.part(child))
            elif child.data == "point":
                nodes.append(self.point(child))
            elif child.data in ("schedules", "schedules_untitled"):
                schedules_span, schedules = self.schedules(child)
        first_body = _start(body_tree) if any(c is not None for c in body_tree.children) else None
        preface_end = first_body if first_body is not None else len(self.text)
        return Body(Span(start=0, end=preface_end), nodes, schedules_span, schedules)

    def part(self, tree: Tree[Token]) -> Part:
        marker_token, title, *rest = tree.children
        assert isinstance(marker_token, Token)
        marker = self.markers[marker_token.start_pos or 0]
        eid = f"part_{marker.number}"
        children = [c for c in rest if isinstance(c, Tree)]
        return Part(
            eid=eid,
            number=marker.number or 0,
            label=marker.label,
            title=self.title_of(title if isinstance(title, Tree) else None),
            span=Span(start=_start(tree), end=_extent_end(tree)),
            articles=tuple(self.article(c, eid) for c in children if c.data == "article"),
            chapters=tuple(self.chapter(c, eid) for c in children if c.data == "chapter"),
        )

    def chapter(self, tree: Tree[Token], parent: str) -> Chapter:
        marker_token, title, translated, *rest = tree.children
        assert isinstance(marker_token, Token)
        marker = self.markers[marker_token.start_pos or 0]
        eid = f"{parent}__chp_{marker.number}".lstrip("_")
        articles = [
            self.article(c, eid) for c in rest if isinstance(c, Tree) and c.data == "article"
        ]
        sections = [
            self.section(c, eid) for c in rest if isinstance(c, Tree) and c.data == "section"
        ]
        translated_label, translated_title = self.translated_heading(translated)
        return Chapter(
            eid=eid,
            number=marker.number or 0,
            label=marker.label,
            title=self.title_of(title if isinstance(title, Tree) else None),
            span=Span(start=_start(tree), end=_extent_end(tree)),
            articles=tuple(articles),
            sections=tuple(sections),
            translated_label=translated_label,
            translated_title=translated_title,
        )

    def section(self, tree: Tree[Token], parent: str) -> Section:
        marker_token, title, translated, *rest = tree.children
        assert isinstance(marker_token, Token)
        marker = self.markers[marker_token.start_pos or 0]
        eid = f"{parent}__sec_{marker.number}"
        translated_label, translated_title = self.translated_heading(translated)
        return Section(
            eid=eid,
            number=marker.number or 0,
            label=marker.label,
            title=self.title_of(title if isinstance(title, Tree) else None),
            span=Span(start=_start(tree), end=_extent_end(tree)),
            articles=tuple(self.article(c, eid) for c in rest if isinstance(c, Tree)),
            translated_label=translated_label,
            translated_title=translated_title,
        )

    def translated_heading(self, tree: Token | Tree[Token] | None) -> tuple[str | None, str | None]:
        if not isinstance(tree, Tree):
            return None, None
        marker_token, title = tree.children
        assert isinstance(marker_token, Token)
        label = self.markers[marker_token.start_pos or 0].label
        return label, self.title_of(title if isinstance(title, Tree) else None)

    def article(self, tree: Tree[Token], parent: str, translation: bool = False) -> Article:
        marker_token, caption, *content = tree.children
        assert isinstance(marker_token, Token)
        start = int(marker_token.start_pos or 0)
        marker = self.markers[start]
        number = marker.number or 0
        if translation:
            eid = f"{parent}__translation"
        else:
            suffix = _eid_suffix(marker.suffix) if marker.suffix else ""
            eid = f"{parent}__art_{number}{suffix}" if parent else f"art_{number}{suffix}"
        heading = None
        if isinstance(caption, Token):
            head_end = int(caption.end_pos or 0)
            heading = _SPACES.sub(" ", self.markers[caption.start_pos or 0].label.strip())
            heading = heading.strip("()（）[]【】 ") or None
        else:
            head_end = int(marker_token.end_pos or 0)
        # Content is tokens, then the optional translated article (None when absent), last.
        translated = content.pop() if content and not isinstance(content[-1], Token) else None
        assert translated is None or isinstance(translated, Tree)
        tokens: list[Token] = content  # type: ignore[assignment]
        if translated is not None:
            own_end = _start(translated)
            end = _extent_end(translated)
        else:
            end = int(tokens[-1].end_pos or 0) if tokens else head_end
            own_end = end
        return Article(
            eid=eid,
            number=number,
            suffix=marker.suffix,
            label=marker.label,
            heading=heading,
            text=self.slice_text(head_end, own_end),
            span=Span(start=start, end=end),
            clauses=tuple(self.clauses(tokens, eid)),
            translation=self.article(translated, eid, translation=True) if translated else None,
        )

    def point(self, tree: Tree[Token]) -> Point:
        marker_token, *content = tree.children
        assert isinstance(marker_token, Token)
        marker = self.markers[marker_token.start_pos or 0]
        eid = f"point_{marker.number}"
        end = _extent_end(tree)
        return Point(
            eid=eid,
            number=marker.number or 0,
            label=marker.label,
            text=self.slice_text(int(marker_token.end_pos or 0), end),
            span=Span(start=_start(tree), end=end),
            clauses=tuple(self.clauses([t for t in content if isinstance(t, Token)], eid)),
        )

    def schedules(self, tree: Tree[Token]) -> tuple[Span | None, list[Schedule]]:
        schedule_trees = [c for c in tree.children if isinstance(c, Tree)]
        group_span = None
        if tree.data == "schedules":
            group_end = _start(schedule_trees[0]) if schedule_trees else _extent_end(tree)
            group_span = Span(start=_start(tree), end=group_end)
        return group_span, [self.schedule(c) for c in schedule_trees]

    def schedule(self, tree: Tree[Token]) -> Schedule:
        marker_token, caption, *_ = tree.children
        assert isinstance(marker_token, Token)
        marker = self.markers[marker_token.start_pos or 0]
        head_end = _extent_end(caption if isinstance(caption, Token) else marker_token)
        end = _extent_end(tree)
        return Schedule(
            eid=f"sched_{marker.number}" if marker.number is not None else "sched",
            number=marker.number,
            label=marker.label,
            title=self.markers[caption.start_pos or 0].label
            if isinstance(caption, Token)
            else None,
            text=self.slice_text(head_end, end),
            span=Span(start=_start(tree), end=end),
        )

    # Clauses and items -------------------------------------------------------------------

    def clauses(self, tokens: Sequence[Token], parent: str) -> list[Clause]:
        if not tokens:
            return []
        first = tokens[0]
        numbered = (
            first.type == "ITEM"
            and self.markers[first.start_pos or 0].style == "paren_digit"
            and self.markers[first.start_pos or 0].number == 1
        )
        groups: list[list[Token]] = []
        for token in tokens:
            if numbered:
                marker = self.markers.get(token.start_pos or 0)
                starts_clause = (
                    token.type == "ITEM" and marker is not None and marker.style == "paren_digit"
                )
            else:
                starts_clause = token.type == "PARA"
            if starts_clause or not groups:
                groups.append([])
            groups[-1].append(token)
        clauses = []
        for index, group in enumerate(groups, start=1):
            clauses.append(self.clause(group, index, parent, numbered))
        return clauses

    def clause(self, tokens: list[Token], index: int, parent: str, numbered: bool) -> Clause:
        start = int(tokens[0].start_pos or 0)
        end = int(tokens[-1].end_pos or 0)
        label = None
        number = None
        item_tokens = tokens
        text_start = start
        if numbered:
            head = self.markers[start]
            label, number = head.label, head.number
            item_tokens = tokens[1:]
            text_start = int(tokens[0].end_pos or 0)
        eid = f"{parent}__para_{index}"
        if tokens[0].type == "PARA":
            text_start = int(tokens[0].end_pos or 0)
        text = self.slice_text(text_start, end)
        return Clause(
            eid=eid,
            index=index,
            number=number,
            label=label,
            language=detect_language(text) if self.bilingual else None,
            text=text,
            span=Span(start=start, end=end),
            items=tuple(self.items(item_tokens, eid)),
        )

    def items(self, tokens: Sequence[Token], parent: str) -> list[Item]:
        roots: list[_ItemDraft] = []
        stack: list[_ItemDraft] = []
        for token in tokens:
            if token.type != "ITEM":
                if stack:
                    stack[-1].end = int(token.end_pos or 0)
                continue
            marker = self.markers[token.start_pos or 0]
            style, number = _resolve_style(marker, stack)
            draft = _ItemDraft(token, marker, number, style, int(token.end_pos or 0))
            styles = [d.style for d in stack]
            if style in styles:
                del stack[styles.index(style) :]
            (stack[-1].children if stack else roots).append(draft)
            stack.append(draft)
        return [self.item(draft, parent, position, 1) for position, draft in enumerate(roots, 1)]

    def item(self, draft: _ItemDraft, parent: str, position: int, depth: int) -> Item:
        name = "item" if depth == 1 else "subitem"
        eid = f"{parent}__{name}_{draft.number if draft.number is not None else position}"
        children = [
            self.item(child, eid, child_position, depth + 1)
            for child_position, child in enumerate(draft.children, 1)
        ]
        end = max([draft.end, *(child.span.end for child in children)])
        start = int(draft.token.start_pos or 0)
        return Item(
            eid=eid,
            number=draft.number,
            label=draft.marker.label,
            text=self.slice_text(int(draft.token.end_pos or 0), end),
            span=Span(start=start, end=end),
            items=tuple(children),
        )


_ROMAN_LETTERS = frozenset("ivxlcdm")


def _eid_suffix(suffix: str) -> str:
    """The eId form of an inserted article's suffix: "A" -> "a", "之一" -> "_1"."""
    if suffix.startswith("之"):
        return f"_{parse_chinese(suffix[1:])}"
    return suffix.lower()


def _resolve_style(marker: Marker, stack: list[_ItemDraft]) -> tuple[str, int | None]:
    """Tell "(i)" the letter from "(i)" the Roman numeral by what came before."""
    style, number = marker.style, marker.number
    value = marker.label.strip("()（）.")
    if style != "paren_lower" or len(value) != 1 or value not in _ROMAN_LETTERS:
        return style, number
    letters = [d for d in stack if d.style == "paren_lower"]
    if letters and letters[-1].number is not None:
        if letters[-1].number + 1 == letter_number(value):
            return style, number  # "(i)" after "(h)"
        return "paren_roman", parse_roman(value)
    if any(d.style == "paren_roman" for d in stack) or value == "i":
        return "paren_roman", parse_roman(value)
    return style, number


def build_body(source: SourceText, lexed: LexedText, bilingual: bool = False) -> Body:
    """Parse the token stream with the structure grammar and build the body models."""
    parser = structure_parser()
    try:
        tree = parser.parse(lexed.tokens)  # type: ignore[arg-type,unused-ignore]
    except UnexpectedInput as error:
        offset = int(getattr(getattr(error, "token", None), "start_pos", 0) or 0)
        raise source.error(
            StructureError, f"unexpected structure: {type(error).__name__}", offset
        ) from None
    except LarkError as error:
        raise source.error(StructureError, f"structure grammar failed: {error}", 0) from None
    return _Builder(source, lexed, bilingual).body(tree)

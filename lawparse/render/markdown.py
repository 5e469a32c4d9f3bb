"""The model as Markdown: the layout of the largest public collection of PRC law
(LawRefBook), and the same plain form for English.

The title is a level-1 heading, the dated notes follow it one per paragraph (then, in the
Chinese form, the collection's ``<!-- INFO END -->`` line), parts, chapters and sections
are headings one level below their container, and every provision starts its own paragraph
with its label as written (第一条 at a line start). Each line of the source's wording becomes a
paragraph, so ``parse(markdown(reg))`` reads the same articles with the same texts
(whitespace aside). Wording is not escaped: it is the text of the law, and Markdown shows it.
"""

from __future__ import annotations

import re

from ..languages import zh
from ..languages.common import INDENT, is_blank, markdown_heading_end
from ..model import Regulation
from .layout import Block, blocks

__all__ = ["markdown"]

_LINE = re.compile(r"[^\r\n]+")
_CONTAINERS = ("part", "chapter", "section")


def _lines(text: str, start: int, end: int) -> list[str]:
    """The non-blank lines of ``text[start:end]``, without indentation or a heading mark."""
    found = []
    for match in _LINE.finditer(text, start, end):
        line = text[markdown_heading_end(text, match.start()) : match.end()]
        line = line.strip(INDENT + " ")
        if line:
            found.append(line)
    return found


def _container(text: str, block: Block, level: int, out: list[str]) -> None:
    mark = "#" * min(level, 6)
    out.append(" ".join((mark, block.num or "", block.heading or "")).rstrip())
    if block.subheading:  # a bilingual heading's second language
        out.append(f"{mark} {block.subheading}")
    for child in block.children:
        _block(text, child, level + 1, out)


def _block(text: str, block: Block, level: int, out: list[str]) -> None:
    if block.kind in _CONTAINERS:
        _container(text, block, level, out)
    else:
        out.extend(_lines(text, block.node.span.start, block.node.span.end))


def _flush(group: list[str]) -> list[str]:
    paragraph = "\n".join(group)
    group.clear()
    return [paragraph] if paragraph else []


def _blank_line_before(text: str, start: int) -> bool:
    """Does a blank line (or the start of the text) come just before ``start``?"""
    previous_end = text.rfind("\n", 0, start)
    if previous_end < 0:
        return True
    return is_blank(text[text.rfind("\n", 0, previous_end) + 1 : previous_end])


def markdown(reg: Regulation) -> str:
    """The regulation as Markdown (see the module's description).

    >>> import lawparse
    >>> print(lawparse.render.markdown(lawparse.parse("Rules on Tests\\nArticle 1 They apply.")))
    # Rules on Tests
    <BLANKLINE>
    Article 1 They apply.
    <BLANKLINE>
    """
    text = reg.source.text
    out: list[str] = []
    title = reg.title_span
    # The preface keeps its paragraphs as the source has them: a note wrapped over several
    # lines stays one paragraph, and a title found in one form is found in the other.
    group: list[str] = []
    for line in _LINE.finditer(text, reg.preface.start, reg.preface.end):
        if title is not None and line.start() < title.end and title.start < line.end():
            # The title is a heading of its own, between what shares its lines.
            if line.start() <= title.start:  # a title on two lines is one heading
                group.extend(_lines(text, line.start(), title.start))
                out.extend(_flush(group))
                out.append(f"# {reg.title}")
            group.extend(_lines(text, max(line.start(), title.end), line.end()))
            continue
        if _blank_line_before(text, line.start()):
            out.extend(_flush(group))
        group.extend(_lines(text, line.start(), line.end()))
    out.extend(_flush(group))
    if reg.language == zh.CODE:
        out.append(zh.MARKDOWN_INFO_END)
    for block in blocks(reg):
        _block(text, block, 2, out)
    return "\n\n".join(out) + "\n"

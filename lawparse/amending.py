"""Amending instruments read as typed operations and applied to the act they amend.

An instrument (刑法修正案（十二）, 关于修改《……》的决定, a decision amending several acts in
numbered parts) is read in three steps. Its quotations are taken out first: a quotation of
several paragraphs opens each with “ and closes only the last, so it is one piece of new
wording, not several sentences of the instrument. What is left is cut into instructions at
their labels (一、, （一）, 第一条), and each instruction into clauses, each read against the
language's table of operations (:data:`lawparse.languages.zh.AMEND_OPERATIONS`): substitute,
insert, delete, renumber, replace / delete / insert words, the title, the preamble, a
chapter's heading. A clause that reads as none of them is a diagnostic (LP401), never skipped.

The operations are applied to the base in order, with targets named by the base's numbers
(drafters number the provisions to amend as they stand before the instrument). The articles
that no operation touches keep their exact source text; the ones it touches are written in
the base's own layout (its separators between label and text, paragraphs and items). The
consolidated text is parsed again, so the result is a regulation like any other; it gains the
preface line naming the instrument (the way official consolidated texts record it, which
gives its ``amended`` event) and, when the instrument states its own entry into force, an
``effective`` event limited to the provisions it changed.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .diagnostics import diagnostic
from .errors import LawParseError
from .languages import common, en, zh
from .model import Article, Chapter, Diagnostic, Event, EventKind, Regulation, Section, Span
from .pipeline import parse
from .source import SourceText
from .temporal import with_applicability

__all__ = [
    "Instrument",
    "Operation",
    "OperationKind",
    "Target",
    "amend",
    "explain",
    "read_instrument",
]

OperationKind = Literal[
    "substitute",
    "merge",
    "insert",
    "append",
    "delete",
    "renumber",
    "replace_words",
    "delete_words",
    "insert_words",
    "title",
    "preamble",
    "heading",
]
Unit = Literal["article", "paragraph", "item", "chapter", "section"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Target(_Frozen):
    """A provision an instruction names, by the numbers it has before the instrument applies:
    ``article`` (with ``sub`` for 第N条之一), ``paragraph`` and ``item`` (1-based), or a
    ``chapter`` / ``section``. ``None`` everywhere is the act as a whole."""

    article: int | None = None
    sub: int | None = None
    paragraph: int | None = None
    item: int | None = None
    chapter: int | None = None
    section: int | None = None

    @property
    def unit(self) -> Unit | None:
        """The smallest unit named."""
        for name in ("item", "paragraph", "article", "section", "chapter"):
            if getattr(self, name) is not None:
                return name
        return None

    def describe(self) -> str:
        """A short language-neutral label: art 165 para 2 item 3, chp 4."""
        parts = []
        if self.chapter is not None:
            parts.append(f"chp {self.chapter}")
        if self.section is not None:
            parts.append(f"sec {self.section}")
        if self.article is not None:
            parts.append(f"art {self.article}" + (f"-{self.sub}" if self.sub else ""))
        if self.paragraph is not None:
            parts.append(f"para {self.paragraph}")
        if self.item is not None:
            parts.append(f"item {self.item}")
        return " ".join(parts) or "the act"


class Operation(_Frozen):
    """One change an instrument states, as read.

    ``targets`` are what it changes (by the base's numbers), ``position`` the numbers a new or
    moved provision takes (作为第二款), ``where`` whether new wording goes after, before or
    into the target, ``old`` and ``new`` the quoted wordings (``new`` a paragraph each).
    ``restated`` marks an insertion the next operation restates in full (增加一款作为第二款，
    将该条修改为：……), so that it is shown but not applied twice. ``span`` is the clause in
    the instrument's text; ``instruction`` its label (一, 二（三）).
    """

    kind: OperationKind
    unit: Unit | Literal["act", "title", "preamble"]
    instruction: str
    act: str | None = None
    targets: tuple[Target, ...] = ()
    position: tuple[Target, ...] = ()
    where: Literal["after", "before", "in"] | None = None
    count: int = 1
    old: tuple[str, ...] = ()
    new: tuple[str, ...] = ()
    restated: bool = False
    text: str
    span: Span

    def describe(self) -> str:
        """The operation in one line: kind, unit, targets, position, wording sizes."""
        what = ", ".join(t.describe() for t in self.targets) or self.unit
        line = f"{self.kind} {self.unit} {what}"
        if self.position:
            line += " as " + ", ".join(t.describe() for t in self.position)
        if self.where:
            line += f" ({self.where})"
        if self.old:
            line += f" old={list(self.old)}"
        if self.new:
            line += f" new={len(self.new)} paragraph(s)"
        if self.restated:
            line += " [restated by the next operation]"
        return line


class Instrument(_Frozen):
    """An amending instrument as read: its title, its own events (adoption, entry into
    force), the operations in order, whether it renumbers what follows an insertion or a
    deletion (条文顺序作相应调整), and what it could not read."""

    title: str | None
    language: str
    events: tuple[Event, ...] = ()
    operations: tuple[Operation, ...] = ()
    renumbers: bool = False
    diagnostics: tuple[Diagnostic, ...] = ()
    path: str | None = None

    @property
    def adopted(self) -> Event | None:
        """The instrument's adoption (else its promulgation): what dates the amendment."""
        for kind in (EventKind.ADOPTED, EventKind.PROMULGATED, EventKind.APPROVED):
            for event in self.events:
                if event.kind is kind and event.about is None and event.date is not None:
                    return event
        return None

    @property
    def effective(self) -> Event | None:
        """The instrument's own entry into force (本修正案自2024年3月1日起施行)."""
        for event in self.events:
            if event.kind is EventKind.EFFECTIVE and event.about is None and not event.provisions:
                return event
        return None

    def operations_for(self, title: str | None) -> tuple[Operation, ...]:
        """The operations on the act titled ``title``: those naming it, and those naming no
        act at all (an instrument about one act names it once, in its title or preamble)."""
        names = _language(self.language).names_act
        return tuple(op for op in self.operations if op.act is None or names(op.act, title))


# Reading ----------------------------------------------------------------------------------


@dataclass
class _Quoted:
    start: int
    end: int
    paragraphs: list[str]


def _take_quotations(text: str) -> tuple[str, list[int], list[_Quoted]]:
    """``text`` with each top-level quotation replaced by its slot, the map from each offset
    of the result back to ``text``, and the quotations. A quotation mark that opens a line
    inside an open quotation continues it (the next paragraph of the same wording)."""
    curly = common.QUOTE_OPEN in text
    opening = common.QUOTE_OPEN if curly else common.STRAIGHT_QUOTE
    closing = common.QUOTE_CLOSE if curly else common.STRAIGHT_QUOTE
    quotes: list[_Quoted] = []
    out: list[str] = []
    back: list[int] = []
    depth, start, line_start = 0, 0, True
    for index, char in enumerate(text):
        if depth == 0:
            if char == opening:
                depth, start = 1, index
                continue
            out.append(char)
            back.append(index)
        elif char == closing and (curly or not line_start):
            depth -= 1
            if depth == 0:
                quotes.append(_Quoted(start, index + 1, _paragraphs(text[start + 1 : index])))
                slot = common.quote_slot(len(quotes) - 1)
                out.append(slot)
                back.extend([start] * (len(slot) - 1) + [index])
        elif char == opening and not line_start:
            depth += 1
        if char in "\r\n":
            line_start = True
        elif not char.isspace():
            line_start = False
    if depth:  # an unclosed quotation runs to the end: keep it as wording, the reader warns
        quotes.append(_Quoted(start, len(text), _paragraphs(text[start + 1 :])))
        slot = common.quote_slot(len(quotes) - 1)
        out.append(slot)
        back.extend([start] * len(slot))
    back.append(len(text))
    return "".join(out), back, quotes


def _paragraphs(quoted: str) -> list[str]:
    """The paragraphs of one quotation, without the marks that open the continued ones."""
    lines = [common.strip_blank(line) for line in quoted.splitlines()]
    paragraphs = []
    for line in lines:
        if not line:
            continue
        if line[0] in (common.QUOTE_OPEN, common.STRAIGHT_QUOTE):
            line = line[1:].lstrip()
        if line.endswith(common.QUOTE_CLOSE):
            line = line[:-1]
        paragraphs.append(line)
    return paragraphs


@dataclass
class _Reading:
    """What the reader carries from clause to clause: the last targets named (该条), the
    act in force for instructions that name none (a decision's part or preamble)."""

    language: str
    quotes: list[_Quoted]
    last: list[Target] = field(default_factory=list)
    act: str | None = None
    instruction_act: str | None = None
    renumbers: bool = False


class _Language:
    """The tables one language reads instructions with."""

    def __init__(self, module: ModuleType) -> None:
        self.operations: tuple[tuple[str, re.Pattern[str]], ...] = module.AMEND_OPERATIONS
        self.target_piece: re.Pattern[str] = module.AMEND_TARGET_PIECE
        self.units: dict[str, str] = module.AMEND_UNITS
        self.renumber: re.Pattern[str] = module.AMEND_RENUMBER
        self.closing: re.Pattern[str] = module.AMEND_CLOSING
        self.part: re.Pattern[str] = module.AMEND_PART
        self.default_act: re.Pattern[str] = module.AMEND_DEFAULT_ACT
        self.purpose: re.Pattern[str] = module.AMEND_PURPOSE
        self.change_words: re.Pattern[str] = module.AMEND_CHANGE_WORDS
        self.division_heading: re.Pattern[str] = module.AMEND_DIVISION_HEADING
        self.chapter_label = module.chapter_label
        self.section_label = module.section_label
        self.citation_numeral = module.citation_numeral
        self.clause_break: re.Pattern[str] = module.AMEND_CLAUSE_BREAK
        self.instruction: re.Pattern[str] = module.AMEND_INSTRUCTION
        self.item_start: re.Pattern[str] = module.ITEM_START
        self.deleted: str | None = getattr(module, "DELETED_PROVISION", None)
        self.names_act = module.names_act
        self.number = getattr(module, "amend_number", None) or module.parse_numeral
        self.article_label = module.article_label
        self.item_label = module.item_label
        self.article_heading: re.Pattern[str] = module.AMEND_ARTICLE_HEADING
        self.note = getattr(module, "amendment_note", None)
        self.suffix_label = module.suffixed_article_label
        self.list_separator: str = module.LIST_SEPARATOR
        self.quoted_title = module.quoted_title
        self.is_title = module.is_title
        self.names_itself = module.names_itself
        self.suffix_mark: str = getattr(module, "SUFFIX_MARK", "")
        self.where: dict[str, str] = module.AMEND_WHERE
        self.target_text = getattr(module, "amend_target_text", lambda text: text)
        self.bare_title = module.bare_title


_LANGUAGES: dict[str, _Language] = {}


def _language(code: str) -> _Language:
    if code not in _LANGUAGES:
        _LANGUAGES[code] = _Language(zh if code == "zh" else en)
    return _LANGUAGES[code]


def read_instrument(amendment: Regulation | str, *, path: str | None = None) -> Instrument:
    """The operations an amending instrument states, in order, with what it could not read
    (LP401). ``amendment`` is its text or its parsed regulation."""
    reg = amendment if isinstance(amendment, Regulation) else _parse_instrument(amendment)
    text = reg.source.text if reg is not None else str(amendment)
    language = reg.language if reg is not None else "zh"
    path = path or (reg.source.path if reg is not None else None)
    words = _language(language)
    masked, back, quotes = _take_quotations(text)
    reading = _Reading(language=language, quotes=quotes)
    operations: list[Operation] = []
    problems: list[Diagnostic] = []
    starts = list(words.instruction.finditer(masked))
    preamble = masked[: starts[0].start()] if starts else masked
    default = words.default_act.search(preamble)
    if default:
        reading.act = default.group("act")
    part_label = ""
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(masked)
        label = next(g for g in start.groups() if g)
        body_start = start.end()
        body = masked[body_start:end]
        first_line = body.split("\n", 1)[0]
        heading = words.part.fullmatch(first_line.strip())
        act = heading.group("act") if heading else None
        if act and not common.QUOTE_SLOT.search(first_line) and words.is_title(act):
            # a part of a decision amending several acts: 一、对《X法》作出修改, then its
            # instructions, labelled （一） or, when there is only one, not at all
            reading.act, part_label, reading.last = act, label, []
            body_start += len(first_line) + 1
            if body_start >= end:
                continue
            reading.instruction_act = None
            found = list(
                _read_clauses(words, reading, label, masked, back, body_start, end, problems)
            )
            operations.extend(found)
            continue
        name = f"{part_label}{label}" if part_label and start.group("sub") else label
        if part_label and name == label:
            part_label, reading.act = "", default.group("act") if default else None
        reading.instruction_act = None
        found = list(_read_clauses(words, reading, name, masked, back, body_start, end, problems))
        operations.extend(found)
    if not starts and reg is not None:
        # 刑法修正案（十） is one instruction, unnumbered, under its history lines.
        instruction_start = _unnumbered_instruction(reg, masked, back)
        if instruction_start is not None:
            operations.extend(
                _read_clauses(
                    words, reading, "", masked, back, instruction_start, len(masked), problems
                )
            )
        if not operations:
            problems.append(diagnostic("LP401", "the instrument states no instruction", None, path))
    return Instrument(
        title=reg.title if reg is not None else None,
        language=language,
        events=reg.events if reg is not None else (),
        operations=tuple(_mark_restated(operations)),
        renumbers=reading.renumbers,
        diagnostics=tuple(problems),
        path=path,
    )


_HISTORY = (EventKind.ADOPTED, EventKind.APPROVED, EventKind.PROMULGATED)


def _unnumbered_instruction(reg: Regulation, masked: str, back: list[int]) -> int | None:
    """Where the one instruction of an instrument without numbered ones starts: at the
    first line after the title that is no line of its history (…会议通过)."""
    history = [e.span for e in reg.events if e.kind in _HISTORY]
    offset = 0
    start = reg.title_span.end if reg.title_span is not None else 0
    for line in masked.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        source_start, source_end = back[line_start], back[line_start + len(line.rstrip())]
        if source_end <= start:
            continue
        if any(span.start < source_end and source_start < span.end for span in history):
            continue
        return line_start
    return None


def _parse_instrument(text: str) -> Regulation | None:
    try:
        return parse(text)
    except LawParseError:
        return None


def _read_clauses(
    words: _Language,
    reading: _Reading,
    label: str,
    masked: str,
    back: list[int],
    start: int,
    end: int,
    problems: list[Diagnostic],
) -> Iterator[Operation]:
    pieces = _pieces(words, masked, start, end)
    # 为了……，……，在刑法第X条中增加一款: the clauses before the first operation give reasons.
    giving_reasons = bool(pieces) and bool(words.purpose.match(masked[pieces[0][0] : end].lstrip()))
    i = 0
    while i < len(pieces):
        for j in range(min(len(pieces), i + 6), i, -1):
            clause_start, clause_end = pieces[i][0], pieces[j - 1][1]
            clause = common.SPACE_BEFORE_SLOT.sub("", masked[clause_start:clause_end].strip())
            operation = _read(words, reading, label, clause, back, clause_start, clause_end)
            if operation is not None:
                yield operation
                giving_reasons = False
                i = j
                break
        else:
            clause_start, clause_end = pieces[i]
            clause = masked[clause_start:clause_end].strip()
            if giving_reasons:
                pass
            elif words.renumber.search(clause):
                reading.renumbers = True
            elif clause and not words.closing.search(clause) and _may_instruct(words, clause):
                span = Span(start=back[clause_start], end=back[clause_end])
                problems.append(
                    diagnostic(
                        "LP401",
                        f"{_instruction_name(label)}: cannot read"
                        f" {_restore(clause, reading)[:60]!r}",
                        span,
                        None,
                    )
                )
            i += 1


def _may_instruct(words: _Language, clause: str) -> bool:
    """Whether an unread clause could be an instruction: it names a provision, quotes
    wording, or has a verb of change. Others (a decision's narrative, an annex heading)
    are passed over; an unread instruction is always reported."""
    return bool(
        words.target_piece.search(words.target_text(clause))
        or common.QUOTE_SLOT.search(clause)
        or words.change_words.search(clause)
    )


def _instruction_name(label: str) -> str:
    return f"instruction {label}" if label else "the instruction"


def _pieces(words: _Language, masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of one instruction, as spans of the masked text, empty ones left out."""
    pieces = []
    cursor = start
    for match in words.clause_break.finditer(masked, start, end):
        if masked[cursor : match.start()].strip():
            pieces.append((cursor, match.start()))
        cursor = match.end()
    if masked[cursor:end].strip():
        pieces.append((cursor, end))
    return pieces


def _restore(clause: str, reading: _Reading) -> str:
    def quoted(match: re.Match[str]) -> str:
        paragraphs = reading.quotes[int(match.group(1))].paragraphs
        return common.QUOTE_OPEN + " / ".join(paragraphs) + common.QUOTE_CLOSE

    return common.QUOTE_SLOT.sub(quoted, clause)


def _read(
    words: _Language,
    reading: _Reading,
    label: str,
    clause: str,
    back: list[int],
    start: int,
    end: int,
) -> Operation | None:
    for kind, pattern in words.operations:
        match = pattern.search(clause)
        if match is None:
            continue
        groups = {k: v for k, v in match.groupdict().items() if v}
        act = groups.get("act") or groups.get("whole")
        whole = "whole" in groups and "targets" not in groups and "targets2" not in groups
        last = reading.last[-1] if reading.last else None
        named = groups.get("targets") or groups.get("targets2", "")
        targets = _targets(words, reading, named, last)
        if kind in ("heading",):
            unit = words.units[groups["unit"].lower()]
            targets = [Target(**{unit: words.number(groups["n"])})]
        if targets is None:
            continue
        preamble = "preamble" in groups
        if preamble:
            number = words.number(groups["pp"]) if "pp" in groups else None
            targets = [Target(paragraph=number)] if number else []
        elif not targets and not whole and kind not in ("title", "preamble"):
            if kind in ("delete", "renumber", "append", "merge") or (
                kind == "substitute" and "targets" in pattern.groupindex
            ):
                continue
            targets = list(reading.last)  # 将第十条改为第十一条，修改为：…
        if kind in ("substitute", "delete", "renumber", "merge") and any(
            t.unit is None for t in targets
        ):
            continue
        anchor = targets[-1] if targets else last
        position = _targets(words, reading, groups.get("as", ""), None) or []
        if kind == "insert" and anchor is not None:
            position = [_under(anchor, p) for p in position]
        if act is not None and words.names_itself(act):
            act = None
        if act is not None:
            reading.instruction_act = act
        new = _quotations(reading, groups.get("new", ""))
        old = _quotations(reading, groups.get("old", ""))
        if kind in ("replace_words", "delete_words", "insert_words"):
            old = tuple(" ".join(reading.quotes[int(n)].paragraphs) for n in _slots(groups["old"]))
            if kind != "delete_words":
                new = tuple(
                    " ".join(reading.quotes[int(n)].paragraphs) for n in _slots(groups["new"])
                )
        unit = "preamble" if preamble else _unit(kind, words, groups, targets, whole)
        if targets and kind not in ("title", "preamble") and not preamble:
            reading.last = [t for t in targets]
        where = words.where.get(groups["where"].lower()) if "where" in groups else None
        count = words.number(groups["count"]) if "count" in groups else 1
        return Operation(
            kind=kind,
            unit=unit,
            instruction=label,
            act=act or reading.instruction_act or reading.act,
            targets=tuple(targets) if not whole else (),
            position=tuple(position),
            where=where,
            count=count or 1,
            old=old,
            new=new,
            text=_restore(clause, reading),
            span=Span(start=back[start], end=back[end]),
        )
    return None


def _slots(text: str) -> list[str]:
    return common.QUOTE_SLOT.findall(text)


def _quotations(reading: _Reading, text: str) -> tuple[str, ...]:
    return tuple(p for n in _slots(text) for p in reading.quotes[int(n)].paragraphs)


def _unit(
    kind: str, words: _Language, groups: dict[str, str], targets: list[Target], whole: bool
) -> str:
    if kind in ("title", "preamble"):
        return kind
    if kind in ("insert",) and "unit" in groups:
        return words.units.get(groups["unit"].lower(), groups["unit"])
    if kind == "append":
        return "paragraph"
    if whole or not targets:
        return "act"
    return targets[0].unit or "act"


def _under(anchor: Target, position: Target) -> Target:
    """The place a new provision takes, completed from its anchor: 在第十条中增加一款，作为
    第二款 is paragraph 2 of article 10."""
    values = position.model_dump()
    for name in ("article", "sub", "paragraph"):
        deeper = {"article": "paragraph", "sub": "paragraph", "paragraph": "item"}[name]
        if values[name] is None and values[deeper] is not None:
            values[name] = getattr(anchor, name)
    if position.article is not None and position.sub is None and anchor.sub is not None:
        values["sub"] = None
    return Target(**values)


def _targets(
    words: _Language, reading: _Reading, text: str, context: Target | None
) -> list[Target] | None:
    """The targets a run of pieces names (第十条、第十二条第二款; 第三项至第五项), each
    piece completing the one before; ``None`` when the run holds no piece."""
    if not text:
        return []
    text = words.target_text(text)
    targets: list[Target] = []
    current: dict[str, int | None] = {}
    ranging = False
    last_unit = "item"
    order = ("chapter", "section", "article", "sub", "paragraph", "item")
    for match in words.target_piece.finditer(text):
        groups = match.groupdict()
        if groups.get("range"):
            ranging = True
            continue
        if groups.get("back"):
            last = reading.last[-1] if reading.last else None
            unit = words.units[groups["bunit"].lower()]
            if last is None:
                return None
            values = last.model_dump()
            for name in order[order.index(unit if unit != "article" else "sub") + 1 :]:
                values[name] = None
            current = values
            targets.append(Target(**values))
            continue
        number = words.number(groups.get("n") or groups.get("pn") or groups.get("more") or "")
        if number is None:
            return None
        if groups.get("unit"):
            unit = words.units[groups["unit"].lower()]
        else:  # 第（三）项, or a bare number going on with a list: Articles 3 and 5
            unit = last_unit if groups.get("more") else "item"
        last_unit = unit
        sub = words.number(groups["sub"]) if groups.get("sub") else None
        values = dict(current)
        level = order.index(unit)
        if unit == "article":
            values = {"chapter": None, "section": None}
        for name in order[level + 1 :]:
            values[name] = None
        values[unit] = number
        if unit == "article":
            values["sub"] = sub
        if not current.get("article") and unit in ("paragraph", "item") and context:
            base = context
            values.setdefault("article", base.article)
            values.setdefault("sub", base.sub)
            if values.get("article") is None:
                values["article"], values["sub"] = base.article, base.sub
            if unit == "item" and base.paragraph is not None and values.get("paragraph") is None:
                values["paragraph"] = base.paragraph
        if ranging and targets:
            first = getattr(targets[-1], unit)
            if first is not None and number > first:
                for between in range(first + 1, number):
                    targets.append(Target(**{**values, unit: between}))
            ranging = False
        if (
            targets
            and unit != "article"
            and targets[-1].model_dump() == {**values, unit: None, **_deeper_none(order, unit)}
            and getattr(targets[-1], unit) is None
        ):
            targets[-1] = Target(**values)  # 第十条第二款: the article's target narrowed
        else:
            targets.append(Target(**values))
        current = values
    if not targets:
        return None
    # 第十条第二款、第三款: the paragraph pieces narrow one article; drop the bare article.
    narrowed = [t for t in targets if not _is_prefix_of_next(t, targets)]
    return narrowed


def _deeper_none(order: Sequence[str], unit: str) -> dict[str, None]:
    return {name: None for name in order[order.index(unit) + 1 :]}


def _is_prefix_of_next(target: Target, targets: list[Target]) -> bool:
    index = targets.index(target)
    if index + 1 >= len(targets):
        return False
    following = targets[index + 1]
    unit = target.unit
    if unit is None or following.unit == unit:
        return False
    return all(
        getattr(following, name) == getattr(target, name)
        for name in ("chapter", "section", "article", "sub", "paragraph", "item")
        if getattr(target, name) is not None
    )


def _mark_restated(operations: list[Operation]) -> Iterator[Operation]:
    """An insertion without wording of its own, followed in the same instruction by a
    substitution of the same article, is restated by it (增加一款作为第二款，将该条修改为)."""
    for index, operation in enumerate(operations):
        following = operations[index + 1] if index + 1 < len(operations) else None
        if (
            operation.kind == "insert"
            and not operation.new
            and following is not None
            and following.kind == "substitute"
            and following.instruction == operation.instruction
            and following.unit == "article"
        ):
            yield operation.model_copy(update={"restated": True})
        else:
            yield operation


def explain(instrument: Instrument, text: str | None = None) -> str:
    """The operations as read, one per line: the instruction's label, where it stands in
    the instrument (line:column, with ``text``, and the offsets), the operation, its act;
    then what could not be read."""
    where = SourceText(text) if text is not None else None

    def place(span: Span | None) -> str:
        if span is None:
            return "-"
        offsets = f"[{span.start}:{span.end}]"
        if where is None:
            return offsets
        line, column = where.line_column(span.start)
        return f"{line}:{column} {offsets}"

    lines = []
    for operation in instrument.operations:
        act = f"  {operation.act}" if operation.act else ""
        described = operation.describe()
        label = operation.instruction or "-"  # an instrument with one unnumbered instruction
        lines.append(f"{label}\t{place(operation.span)}\t{described}{act}")
    effective = instrument.effective
    if effective is not None:
        when = effective.date.isoformat() if effective.date else effective.unresolved
        lines.append(f"effective\t{place(effective.span)}\t{when}: {effective.text}")
    for problem in instrument.diagnostics:
        lines.append(f"{problem.code}\t{place(problem.span)}\t{problem.message}")
    return "\n".join(lines)


# Applying ---------------------------------------------------------------------------------


@dataclass
class _Paragraph:
    lead: str
    items: list[str] = field(default_factory=list)
    renumber_items: bool = False


@dataclass
class _Article:
    number: int
    sub: int | None
    origin: tuple[int, int | None] | None
    label: str
    head: str
    paragraphs: list[_Paragraph]
    tail: str
    verbatim: str | None
    original_label: str
    touched: bool = False
    removed: bool = False
    start: int | None = None  # where the base's article stood, for a base article


@dataclass
class _Gap:
    """Base text between articles (the preface, headings, schedules), from ``start``."""

    start: int
    text: str


@dataclass
class _Layout:
    """The base's own separators, which the articles an operation writes follow."""

    label: str
    paragraph: str
    item: str
    article: str


@dataclass
class _Draft:
    base: Regulation
    words: _Language
    units: list[_Gap | _Article]
    layout: _Layout
    problems: list[Diagnostic]
    path: str | None
    renumbers: bool

    def articles(self) -> list[_Article]:
        return [u for u in self.units if isinstance(u, _Article) and not u.removed]


def _draft(base: Regulation, words: _Language, path: str | None, renumbers: bool) -> _Draft:
    source = base.source.text
    units: list[_Gap | _Article] = []
    cursor = 0
    heads: Counter[str] = Counter()
    tails: Counter[str] = Counter()
    paragraph_gaps: Counter[str] = Counter()
    item_gaps: Counter[str] = Counter()
    for article in sorted(base.articles, key=lambda a: a.span.start):
        if article.span.start < cursor:
            continue
        if article.span.start > cursor:
            units.append(_Gap(cursor, source[cursor : article.span.start]))
        verbatim = source[article.span.start : article.span.end]
        content = verbatim.rstrip()
        tail = verbatim[len(content) :]
        first = (
            article.clauses[0].span.start if article.clauses else article.span.start + len(content)
        )
        label = article.label if verbatim.startswith(article.label) else ""
        head = source[article.span.start + len(label) : first]
        paragraphs = []
        previous_end: int | None = None
        for clause in article.clauses:
            clause_text = source[clause.span.start : clause.span.end]
            start = clause.span.start + len(clause_text) - len(clause_text.lstrip())
            if previous_end is not None:
                paragraph_gaps[source[previous_end:start]] += 1
            if clause.items:
                lead = source[start : clause.items[0].span.start].strip()
                items = [source[i.span.start : i.span.end].strip() for i in clause.items]
                gaps = [(start + len(lead), clause.items[0].span.start)]
                gaps += [
                    (a.span.start + len(source[a.span.start : a.span.end].rstrip()), b.span.start)
                    for a, b in zip(clause.items, clause.items[1:], strict=False)
                ]
                for gap_start, gap_end in gaps:
                    gap = source[gap_start:gap_end]
                    if lead and not gap.strip():
                        item_gaps[gap] += 1
                paragraphs.append(_Paragraph(lead, items))
            else:
                paragraphs.append(_Paragraph(clause_text.strip()))
            previous_end = clause.span.start + len(clause_text.rstrip())
        if head and head.strip() == "" and label:
            heads[head] += 1
        tails[tail] += 1
        units.append(
            _Article(
                number=article.number,
                sub=_sub(words, article),
                origin=(article.number, _sub(words, article)),
                start=article.span.start,
                label=label or article.label,
                head=head if label else "",
                paragraphs=paragraphs,
                tail=tail,
                verbatim=verbatim,
                original_label=article.label,
            )
        )
        cursor = article.span.end
    if cursor < len(source):
        units.append(_Gap(cursor, source[cursor:]))
    newline = "\r\n" if "\r\n" in source else "\n"
    layout = _Layout(
        label=_most(heads, " "),
        paragraph=_most(paragraph_gaps, newline),
        item=_most(item_gaps, _most(paragraph_gaps, newline)),
        article=_most(tails, _most(paragraph_gaps, newline)),
    )
    return _Draft(base, words, units, layout, [], path, renumbers)


def _most(counter: Counter[str], default: str) -> str:
    counter.pop("", None)
    return counter.most_common(1)[0][0] if counter else default


def _sub(words: _Language, article: Article) -> int | None:
    if not article.suffix:
        return None
    value = words.number(article.suffix.removeprefix(words.suffix_mark))
    return value if isinstance(value, int) else None


class _NotApplied(Exception):
    """An operation that cannot be applied to this base: reported as LP402."""


def amend(base: Regulation | str, amendment: Regulation | str | Instrument) -> Regulation:
    """The consolidated regulation: ``amendment`` (an amending instrument, its text, or
    what :func:`read_instrument` made of it) applied to ``base``.

    The operations on this act are picked by its title. Its ``render.text`` is the
    consolidated text; its preface gains the line naming the instrument (its ``amended``
    event); the instrument's own entry into force becomes an ``effective`` event of the
    provisions it changed. What could not be read (LP401) or applied (LP402, LP403) is in
    its ``diagnostics``.
    """
    base_reg = base if isinstance(base, Regulation) else parse(base)
    instrument = amendment if isinstance(amendment, Instrument) else read_instrument(amendment)
    words = _language(base_reg.language)
    draft = _draft(base_reg, words, instrument.path, instrument.renumbers)
    draft.problems.extend(instrument.diagnostics)
    operations = instrument.operations_for(base_reg.title)
    if not operations:
        draft.problems.append(
            diagnostic(
                "LP403",
                f"the instrument amends nothing in {base_reg.title or 'this act'}",
                None,
                instrument.path,
            )
        )
    replaced: dict[str, str] = {}
    for operation in operations:
        if operation.restated:
            continue
        try:
            _apply(draft, operation, replaced)
        except _NotApplied as problem:
            draft.problems.append(
                diagnostic(
                    "LP402",
                    f"instruction {operation.instruction}: {problem} ({operation.text[:50]!r})",
                    operation.span,
                    instrument.path,
                )
            )
    if instrument.renumbers:
        _renumber(draft)
    _update_citations(draft)
    for article in draft.articles():
        for paragraph in article.paragraphs:
            if paragraph.renumber_items:
                _renumber_items(draft, paragraph)
    line = _note_line(instrument, words) if operations else None
    text, note = _render(draft, replaced, line)
    return _consolidated(base_reg, instrument, draft, text, note)


def _find(draft: _Draft, target: Target) -> _Article:
    if target.article is None:
        raise _NotApplied("names no article")
    wanted = (target.article, target.sub)
    for article in draft.articles():
        if article.origin == wanted:
            return article
    for article in draft.articles():
        if article.origin is None and (article.number, article.sub) == wanted:
            return article
    raise _NotApplied(f"the act has no {target.describe()}")


def _touch(article: _Article) -> None:
    article.touched = True
    article.verbatim = None


def _paragraph(article: _Article, target: Target) -> _Paragraph:
    if target.paragraph is None:
        for paragraph in article.paragraphs:
            if paragraph.items:
                return paragraph
        raise _NotApplied(f"{target.describe()}: the article has no items")
    if not 1 <= target.paragraph <= len(article.paragraphs):
        raise _NotApplied(f"the act has no {target.describe()}")
    return article.paragraphs[target.paragraph - 1]


def _new_paragraphs(draft: _Draft, lines: Sequence[str]) -> list[_Paragraph]:
    """Quoted paragraphs as paragraphs: a line that opens with an item label is an item of
    the paragraph before it."""
    paragraphs: list[_Paragraph] = []
    for line in lines:
        if draft.words.item_start.match(line) and paragraphs:
            paragraphs[-1].items.append(line)
        else:
            paragraphs.append(_Paragraph(line))
    return paragraphs


def _strip_label(draft: _Draft, lines: Sequence[str]) -> tuple[str | None, list[str]]:
    """A quoted article may restate its own label (“第十条　……”): the label, and the lines
    without it."""
    if not lines:
        return None, []
    match = draft.words.article_heading.match(lines[0])
    if match is None:
        return None, list(lines)
    rest = lines[0][match.end() :].strip()
    return match.group(0).strip(), ([rest] if rest else []) + list(lines[1:])


def _apply(draft: _Draft, operation: Operation, replaced: dict[str, str]) -> None:
    kind = operation.kind
    if kind == "title":
        _replace_title(draft, operation, replaced)
        return
    if kind == "preamble":
        _replace_preamble(draft, operation, replaced)
        return
    if operation.unit == "preamble":
        _change_preamble(draft, operation, replaced)
        return
    if kind == "heading":
        _replace_heading(draft, operation, replaced)
        return
    if kind in ("replace_words", "delete_words", "insert_words"):
        _words_in(draft, operation)
        return
    if kind == "insert" and operation.unit == "article":
        _insert_articles(draft, operation)
        return
    if kind == "insert" and operation.unit in ("chapter", "section"):
        _insert_division(draft, operation, replaced)
        return
    if kind == "delete" and operation.unit in ("chapter", "section"):
        _delete_divisions(draft, operation, replaced)
        return
    if operation.unit in ("chapter", "section"):
        raise _NotApplied(f"{kind} of a {operation.unit} is not supported")
    for target in operation.targets:
        _find(draft, target)  # every target exists before anything changes
    if kind == "substitute":
        _substitute(draft, operation)
    elif kind == "insert" or kind == "append":
        _insert_within(draft, operation)
    elif kind == "delete":
        for target in sorted(operation.targets, key=_depth_order, reverse=True):
            _delete(draft, target)
    elif kind == "renumber":
        _renumber_explicit(draft, operation)
    elif kind == "merge":
        _merge(draft, operation)


def _merge(draft: _Draft, operation: Operation) -> None:
    """将第二十三条、第二十四条合并为一条: the first takes the wording (the quoted one, or
    all their paragraphs in order), the others go."""
    articles = [_find(draft, target) for target in operation.targets]
    if len(articles) < 2 or any(t.unit != "article" for t in operation.targets):
        raise _NotApplied("merges fewer than two articles")
    first, rest = articles[0], articles[1:]
    if operation.new:
        first.paragraphs = _new_paragraphs(draft, _strip_label(draft, operation.new)[1])
    else:
        first.paragraphs = [p for article in articles for p in article.paragraphs]
    _touch(first)
    for article in rest:
        article.removed = True
        draft.units.remove(article)
    if operation.position and operation.position[0].article is not None:
        _set_label(draft, first, operation.position[0].article, operation.position[0].sub)


def _depth_order(target: Target) -> tuple[int, int, int]:
    return (target.article or 0, target.paragraph or 0, target.item or 0)


def _substitute(draft: _Draft, operation: Operation) -> None:
    if not operation.new:
        raise _NotApplied("states no new wording")
    targets = operation.targets
    unit = targets[0].unit
    article = _find(draft, targets[0])
    if unit == "article":
        _, lines = _strip_label(draft, operation.new)
        if operation.old:  # 宪法第七条：“<its wording>”修改为：“…”
            wording = _normal("".join(p.lead + "".join(p.items) for p in article.paragraphs))
            if _normal("".join(operation.old)) != wording:
                raise _NotApplied(f"{targets[0].describe()} does not read as quoted")
        article.paragraphs = _new_paragraphs(draft, lines)
        _touch(article)
        return
    if operation.old and unit == "paragraph":
        old = _normal(" ".join(operation.old))
        paragraph = _paragraph(article, targets[0])
        if _normal(paragraph.lead) != old and old not in _normal(paragraph.lead):
            raise _NotApplied(f"{targets[0].describe()} does not read as quoted")
    new = _new_paragraphs(draft, operation.new)
    if unit == "paragraph":
        indexes = [t.paragraph for t in targets if t.paragraph is not None]
        for index in indexes:
            if not 1 <= index <= len(article.paragraphs):
                raise _NotApplied(f"the act has no {targets[0].describe()}")
        first, last = min(indexes), max(indexes)
        old_last = article.paragraphs[last - 1]
        if old_last.items and not new[-1].items and new[-1].lead.endswith(tuple(common.COLONS)):
            new[-1].items = old_last.items  # only the lead-in restated: the items stay
        article.paragraphs[first - 1 : last] = new
        _touch(article)
        return
    if unit == "item":
        paragraph = _paragraph(article, targets[0])
        items = [t.item for t in targets if t.item is not None]
        if any(not 1 <= k <= len(paragraph.items) for k in items):
            raise _NotApplied(f"the act has no {targets[0].describe()}")
        lines = list(operation.new)
        first, last = min(items), max(items)
        labelled = [
            line
            if draft.words.item_start.match(line)
            else _relabel_item(draft, "", first + n) + line
            for n, line in enumerate(lines)
        ]
        paragraph.items[first - 1 : last] = labelled
        _touch(article)
        return
    raise _NotApplied(f"cannot substitute a {unit}")


def _normal(text: str) -> str:
    return common.WHITESPACE_RUN.sub("", text)


def _relabel_item(draft: _Draft, item: str, number: int) -> str:
    label: str = draft.words.item_label(number)
    match = draft.words.item_start.match(item)
    rest = item[match.end() :] if match else item
    return label + rest


def _insert_within(draft: _Draft, operation: Operation) -> None:
    if not operation.new:
        raise _NotApplied("states no wording to insert")
    anchor = operation.targets[-1] if operation.targets else None
    if anchor is None:
        raise _NotApplied("names no article to insert into")
    article = _find(draft, anchor)
    unit = operation.unit
    if unit == "paragraph":
        new = _new_paragraphs(draft, operation.new)
        index = len(article.paragraphs)
        position = operation.position[0] if operation.position else None
        if position is not None and position.paragraph is not None:
            index = position.paragraph - 1
        elif anchor.paragraph is not None and operation.where == "after":
            index = anchor.paragraph
        elif anchor.paragraph is not None and operation.where == "before":
            index = anchor.paragraph - 1
        if not 0 <= index <= len(article.paragraphs):
            raise _NotApplied(f"the article has fewer paragraphs than {index}")
        article.paragraphs[index:index] = new
        _touch(article)
        return
    if unit == "item":
        paragraph = _paragraph(article, anchor) if anchor.paragraph or anchor.item else None
        if paragraph is None:
            paragraph = next((p for p in article.paragraphs if p.items), None)
        if paragraph is None:
            paragraph = article.paragraphs[-1] if article.paragraphs else None
        if paragraph is None:
            raise _NotApplied("the article has no paragraph to hold items")
        index = len(paragraph.items)
        position = operation.position[0] if operation.position else None
        if position is not None and position.item is not None:
            index = position.item - 1
        elif anchor.item is not None:
            index = anchor.item if operation.where != "before" else anchor.item - 1
        if not 0 <= index <= len(paragraph.items):
            raise _NotApplied(f"the paragraph has fewer items than {index}")
        paragraph.items[index:index] = list(operation.new)
        paragraph.renumber_items = True
        _touch(article)
        return
    raise _NotApplied(f"cannot insert a {unit} into an article")


def _insert_articles(draft: _Draft, operation: Operation) -> None:
    if not operation.new:
        raise _NotApplied("states no wording to insert")
    groups = _split_articles(draft, operation)
    positions: list[Target | None] = [*operation.position] or [None] * len(groups)
    anchor = operation.targets[-1] if operation.targets else None
    if anchor is not None and anchor.article is not None:
        reference = _find(draft, Target(article=anchor.article, sub=anchor.sub))
        index = draft.units.index(reference)
        if operation.where != "before":
            index += 1
    else:
        index = _place(draft, positions[0])
    template = (
        reference if anchor is not None and anchor.article is not None else _neighbour(draft, index)
    )
    tail = draft.layout.article
    if (
        template is not None
        and draft.units.index(template) < index
        and not template.tail.strip(" \t")
    ):
        # the new article follows the text's last one, which ends without a line break
        tail, template.tail = template.tail, draft.layout.article
        if template.verbatim is not None:
            template.verbatim = template.verbatim.rstrip() + template.tail
    for offset, (label, lines) in enumerate(groups):
        position = positions[offset] if offset < len(positions) else None
        number, sub = _numbers(draft, label, position, anchor, offset)
        last = offset == len(groups) - 1
        article = _new_article(
            draft, number, sub, label, lines, tail if last else draft.layout.article
        )
        draft.units.insert(index + offset, article)


def _chapters(base: Regulation) -> list[Chapter]:
    return list(_headed(base))


_Division = Chapter | Section


def _articles_of(division: _Division) -> list[Article]:
    return list(division.all_articles() if isinstance(division, Chapter) else division.articles)


def _divisions(draft: _Draft, chapter: int | None) -> list[_Division]:
    """The chapters of the act, or the sections of its chapter ``chapter``."""
    if chapter is None:
        return list(_chapters(draft.base))
    for node in _chapters(draft.base):
        if node.number == chapter:
            return list(node.sections)
    raise _NotApplied(f"the act has no {Target(chapter=chapter).describe()}")


def _division(draft: _Draft, chapter: int | None, number: int) -> _Division:
    for division in _divisions(draft, chapter):
        if division.number == number:
            return division
    target = Target(chapter=number) if chapter is None else Target(chapter=chapter, section=number)
    raise _NotApplied(f"the act has no {target.describe()}")


def _heading_line(base: Regulation, division: _Division) -> str:
    source = base.source.text
    line_end = source.find("\n", division.span.start)
    return source[division.span.start : line_end if line_end >= 0 else division.span.end]


def _last_unit_of(draft: _Draft, division: _Division) -> int:
    """The index in the draft of the last unit of ``division``: its last article."""
    articles = _articles_of(division)
    if not articles:
        raise _NotApplied(f"{division.label} has no article")
    return draft.units.index(_find_origin(draft, articles[-1]))


def _insert_division(draft: _Draft, operation: Operation, replaced: dict[str, str]) -> None:
    """增加一章，作为第六章：“第六章　…… 第八十八条 ……” (or 在第二章中增加一节，作为第三节):
    the quoted headings and articles go after the division before it; the divisions from
    that number on move up by one."""
    section = operation.unit == "section"
    anchor = operation.targets[-1] if operation.targets else None
    position = operation.position[0] if operation.position else None
    level = "section" if section else "chapter"
    named = getattr(anchor, level) if anchor is not None else None
    chapter = None
    if section:
        chapter = (anchor.chapter if anchor is not None else None) or (
            position.chapter if position is not None else None
        )
        if chapter is None:
            raise _NotApplied("names no chapter for the section")
    if named is not None:
        number = named if operation.where == "before" else named + 1
    elif position is not None and getattr(position, level) is not None:
        number = getattr(position, level)
    else:
        raise _NotApplied(f"names no place for the {level}")
    if number < 2:
        raise _NotApplied(f"a new first {level} is not supported")
    later = [d for d in _divisions(draft, chapter) if d.number >= number]
    index = _last_unit_of(draft, _division(draft, chapter, number - 1)) + 1
    previous = draft.units[index - 1]
    assert isinstance(previous, _Article)
    draft.units[index:index] = _quoted_units(draft, operation, previous)
    if any(d.number == number for d in later):
        _shift_divisions(draft, later, 1, replaced)


def _quoted_units(draft: _Draft, operation: Operation, previous: _Article) -> list[_Gap | _Article]:
    """A quoted chapter or section as units of the draft: its headings (第六章, 第一节) as
    text, its articles as articles, laid out as the base's."""
    separator = draft.layout.article
    ends_line = "\n" in previous.tail
    runs: list[tuple[bool, list[str]]] = []  # (headings?, lines)
    for line in operation.new:
        heading = bool(draft.words.division_heading.match(line))
        if runs and runs[-1][0] == heading:
            runs[-1][1].append(line)
        else:
            runs.append((heading, [line]))
    if not runs or not runs[0][0] or all(heading for heading, _ in runs):
        raise _NotApplied("quotes no heading and articles")
    units: list[_Gap | _Article] = []
    offset = 0
    for position, (heading, run) in enumerate(runs):
        if heading:
            lead = "" if position or ends_line else separator
            units.append(_Gap(-1, lead + separator.join(run) + separator))
            continue
        groups = _split_articles(
            draft, operation.model_copy(update={"new": tuple(run), "count": 1})
        )
        for label, paragraphs in groups:
            article_number, sub = _numbers(draft, label, None, None, offset)
            offset += 1
            units.append(_new_article(draft, article_number, sub, label, paragraphs, separator))
    last = units[-1]
    if isinstance(last, _Article):
        last.tail = previous.tail if ends_line else ""
    return units


def _find_origin(draft: _Draft, article: Article) -> _Article:
    return _find(draft, Target(article=article.number, sub=_sub(draft.words, article)))


def _shift_divisions(
    draft: _Draft, divisions: Sequence[_Division], by: int, replaced: dict[str, str]
) -> None:
    """Relabel the headings of ``divisions``: 第五章 becomes 第六章 after a chapter inserted
    before it (第三节 第四节 after a section)."""
    for division in divisions:
        line = _heading_line(draft.base, division)
        label = (
            draft.words.chapter_label(division.number + by)
            if isinstance(division, Chapter)
            else draft.words.section_label(division.number + by)
        )
        if division.label in line and line not in replaced:
            replaced[line] = line.replace(division.label, label, 1)


def _delete_divisions(draft: _Draft, operation: Operation, replaced: dict[str, str]) -> None:
    """删去第七章 (删去第二章第三节): its heading and its articles go; the chapters (the
    sections of that chapter) after it move down."""
    section = operation.unit == "section"
    chapter: int | None = None
    numbers: list[int] = []
    for target in operation.targets:
        if section:
            if target.chapter is None or target.section is None:
                raise _NotApplied("names a section without its chapter")
            chapter = target.chapter
            numbers.append(target.section)
        elif target.chapter is not None:
            numbers.append(target.chapter)
    if not numbers:
        raise _NotApplied("names nothing to delete")
    numbers.sort()
    for number in numbers:
        division = _division(draft, chapter, number)
        for article in _articles_of(division):
            gone = _find_origin(draft, article)
            gone.removed = True
            draft.units.remove(gone)
        line = _heading_line(draft.base, division)
        for unit in draft.units:
            if isinstance(unit, _Gap) and line in unit.text:
                start = unit.text.index(line)
                end = start + len(line)
                while end < len(unit.text) and unit.text[end].isspace():
                    end += 1
                unit.text = unit.text[:start] + unit.text[end:]
                break
    for moved in [d for d in _divisions(draft, chapter) if d.number > numbers[0]]:
        shift = sum(1 for n in numbers if n < moved.number)
        if moved.number not in numbers:
            _shift_divisions(draft, [moved], -shift, replaced)


def _new_article(
    draft: _Draft, number: int, sub: int | None, label: str | None, lines: Sequence[str], tail: str
) -> _Article:
    """An article an instruction adds, from its quoted lines, laid out as the base's."""
    new_label = label or _label(draft, number, sub)
    return _Article(
        number=number,
        sub=sub,
        origin=None,
        label=new_label,
        head=draft.layout.label,
        paragraphs=_new_paragraphs(draft, lines),
        tail=tail,
        verbatim=None,
        original_label=new_label,
        touched=True,
    )


def _neighbour(draft: _Draft, index: int) -> _Article | None:
    for unit in reversed(draft.units[:index]):
        if isinstance(unit, _Article):
            return unit
    return next((u for u in draft.units if isinstance(u, _Article)), None)


def _place(draft: _Draft, position: Target | None) -> int:
    """Where a new article goes that names only the number it takes (增加一条，作为第十条):
    after the article numbered one less, and the 之一 articles that follow it."""
    articles = draft.articles()
    if not articles:
        raise _NotApplied("the act has no article to insert beside")
    if position is None or position.article is None:
        return draft.units.index(articles[-1]) + 1
    number = position.article if position.sub is None else position.article + 1
    before = [a for a in articles if a.number < number]
    if not before:
        return draft.units.index(articles[0])
    return draft.units.index(before[-1]) + 1


def _numbers(
    draft: _Draft, label: str | None, position: Target | None, anchor: Target | None, offset: int
) -> tuple[int, int | None]:
    if label is not None:
        match = draft.words.article_heading.match(label)
        if match is not None:
            number = draft.words.number(match.group("n"))
            sub = draft.words.number(match.group("sub")) if match.group("sub") else None
            if isinstance(number, int):
                return number, sub
    if position is not None and position.article is not None:
        return position.article, position.sub
    if anchor is not None and anchor.article is not None:
        return anchor.article + 1 + offset, None
    raise _NotApplied("does not say which number the new article takes")


def _label(draft: _Draft, number: int, sub: int | None) -> str:
    label: str = draft.words.article_label(number)
    if sub is not None:
        label = draft.words.suffix_label(label, sub)
    return label


def _split_articles(draft: _Draft, operation: Operation) -> list[tuple[str | None, list[str]]]:
    """The quoted wording of ``count`` new articles: cut at the labels it restates, else a
    paragraph each when there are as many paragraphs as articles."""
    lines = list(operation.new)
    groups: list[tuple[str | None, list[str]]] = []
    for line in lines:
        label, rest = _strip_label(draft, [line])
        if label is not None or not groups:
            groups.append((label, rest))
        else:
            groups[-1][1].extend(rest)
    if operation.count > 1 and len(groups) == 1 and groups[0][0] is None:
        if len(lines) == operation.count:
            return [(None, [line]) for line in lines]
        raise _NotApplied(f"quotes {len(lines)} paragraph(s) for {operation.count} articles")
    return groups


def _delete(draft: _Draft, target: Target) -> None:
    article = _find(draft, target)
    if target.unit == "article":
        if draft.renumbers or draft.words.deleted is None:
            article.removed = True
            index = draft.units.index(article)
            del draft.units[index]
            return
        article.paragraphs = [_Paragraph(draft.words.deleted)]
        _touch(article)
        return
    if target.unit == "paragraph":
        assert target.paragraph is not None
        if not 1 <= target.paragraph <= len(article.paragraphs):
            raise _NotApplied(f"the act has no {target.describe()}")
        del article.paragraphs[target.paragraph - 1]
        _touch(article)
        return
    if target.unit == "item":
        assert target.item is not None
        paragraph = _paragraph(article, target)
        if not 1 <= target.item <= len(paragraph.items):
            raise _NotApplied(f"the act has no {target.describe()}")
        del paragraph.items[target.item - 1]
        paragraph.renumber_items = True
        _touch(article)
        return
    raise _NotApplied(f"cannot delete a {target.unit}")


def _renumber_explicit(draft: _Draft, operation: Operation) -> None:
    if len(operation.targets) != len(operation.position):
        raise _NotApplied("names a different number of old and new numbers")
    for target, position in zip(operation.targets, operation.position, strict=True):
        article = _find(draft, target)
        if target.unit == "item" and position.item is not None:
            paragraph = _paragraph(article, target)
            assert target.item is not None
            if not 1 <= target.item <= len(paragraph.items):
                raise _NotApplied(f"the act has no {target.describe()}")
            paragraph.items[target.item - 1] = _relabel_item(
                draft, paragraph.items[target.item - 1], position.item
            )
            _touch(article)
        elif target.unit == "article" and position.article is not None:
            _set_label(draft, article, position.article, position.sub)
        # a paragraph has no label: 原第二款改为第三款 follows from an insertion
    _keep_in_order(draft)


def _keep_in_order(draft: _Draft) -> None:
    """Articles that took other numbers move to where those numbers stand (将第六条改为第五
    条 with 第五条 moved on), each into one of the places articles already held, so that
    chapters keep their places in the text."""
    slots = [i for i, unit in enumerate(draft.units) if isinstance(unit, _Article)]
    articles = [draft.units[i] for i in slots]
    ordered = sorted(
        articles, key=lambda a: (a.number, a.sub or 0) if isinstance(a, _Article) else (0, 0)
    )
    for slot, article in zip(slots, ordered, strict=True):
        draft.units[slot] = article


def _set_label(draft: _Draft, article: _Article, number: int, sub: int | None) -> None:
    label = _label(draft, number, sub)
    if article.verbatim is not None and article.verbatim.startswith(article.label):
        article.verbatim = label + article.verbatim[len(article.label) :]
    article.number, article.sub, article.label = number, sub, label


def _renumber(draft: _Draft) -> None:
    """条文顺序作相应调整: the articles numbered anew in order; an article 之一 keeps its
    place after the article it follows."""
    number = 0
    for article in draft.articles():
        if article.sub is None:
            number += 1
            if article.number != number:
                _set_label(draft, article, number, None)
        elif article.number != number and number:
            _set_label(draft, article, number, article.sub)


def _update_citations(draft: _Draft) -> None:
    """The act's citations of articles that moved name their new numbers (本法第二十条
    becomes 本法第二十一条 after an article is inserted before it), as the consolidated texts
    the legislature publishes do. A citation of another act is left alone."""
    moved = {
        unit.origin[0]: unit.number
        for unit in draft.articles()
        if unit.origin is not None and unit.origin[1] is None and unit.origin[0] != unit.number
    }
    if not moved:
        return
    units = sorted((u for u in draft.articles() if u.start is not None), key=lambda u: u.start or 0)
    starts = [u.start or 0 for u in units]
    for reference in sorted(draft.base.references, key=lambda r: r.span.start, reverse=True):
        if reference.external is not None or not reference.targets:
            continue
        renamed = _renumbered_citation(draft, reference.text, moved)
        if renamed == reference.text:
            continue
        # the article the citation stands in: the last one starting at or before it
        at = bisect.bisect_right(starts, reference.span.start) - 1
        unit = units[at] if at >= 0 else None
        # An article an instruction rewrote has the instrument's wording, which cites by
        # the new numbers already; only the base's own wording is brought up to date.
        if unit is None or unit.verbatim is None or unit.start is None:
            continue
        offset = reference.span.start - unit.start
        if unit.verbatim[offset : offset + len(reference.text)] == reference.text:
            end = offset + len(reference.text)
            unit.verbatim = unit.verbatim[:offset] + renamed + unit.verbatim[end:]


def _renumbered_citation(draft: _Draft, text: str, moved: dict[int, int]) -> str:
    """``text`` with each article number it names changed as ``moved`` says."""
    pieces = []
    cursor = 0
    article_unit = False
    for match in draft.words.target_piece.finditer(text):
        groups = match.groupdict()
        if groups.get("unit"):
            article_unit = draft.words.units.get(groups["unit"].lower()) == "article"
        name = "n" if groups.get("unit") else "more" if groups.get("more") else None
        if name is None or not article_unit or groups.get("sub"):
            continue
        number = draft.words.number(groups[name])
        if not isinstance(number, int) or number not in moved:
            continue
        start, end = match.span(name)
        pieces.append(text[cursor:start] + draft.words.citation_numeral(moved[number]))
        cursor = end
    return "".join(pieces) + text[cursor:]


def _renumber_items(draft: _Draft, paragraph: _Paragraph) -> None:
    paragraph.items = [
        _relabel_item(draft, item, index) for index, item in enumerate(paragraph.items, 1)
    ]


def _words_in(draft: _Draft, operation: Operation) -> None:
    scopes = list(operation.targets) or [Target()]
    changed = False
    for old_index, old in enumerate(operation.old):
        new = ""
        if operation.kind == "replace_words":
            new = operation.new[0] if len(operation.new) == 1 else operation.new[old_index]
        elif operation.kind == "insert_words":
            inserted = operation.new[0]
            new = old + inserted if operation.where == "after" else inserted + old
        found = False
        for scope in scopes:
            articles = draft.articles() if scope.article is None else [_find(draft, scope)]
            for article in articles:
                for paragraph in _scope_paragraphs(article, scope):
                    texts = [paragraph.lead, *paragraph.items]
                    items = _scope_items(paragraph, scope)
                    if not any(old in t for t in texts):
                        continue
                    if article.verbatim is not None:
                        _touch(article)
                    if scope.item is None:
                        paragraph.lead = paragraph.lead.replace(old, new)
                    paragraph.items = [
                        item.replace(old, new) if index in items else item
                        for index, item in enumerate(paragraph.items)
                    ]
                    found = True
        if not found:
            where = ", ".join(t.describe() for t in operation.targets) or "the act"
            raise _NotApplied(f"{where} does not contain {old!r}")
        changed = changed or found
    if not changed:
        raise _NotApplied("changes nothing")


def _scope_paragraphs(article: _Article, scope: Target) -> list[_Paragraph]:
    if scope.paragraph is None and scope.item is None:
        return article.paragraphs
    if scope.paragraph is None:
        return [p for p in article.paragraphs if p.items][:1]
    if not 1 <= scope.paragraph <= len(article.paragraphs):
        raise _NotApplied(f"the act has no {scope.describe()}")
    return [article.paragraphs[scope.paragraph - 1]]


def _scope_items(paragraph: _Paragraph, scope: Target) -> set[int]:
    if scope.item is None:
        return set(range(len(paragraph.items)))
    return {scope.item - 1}


def _replace_title(draft: _Draft, operation: Operation, replaced: dict[str, str]) -> None:
    base = draft.base
    if base.title_span is None or not operation.new:
        raise _NotApplied("the act has no title to replace")
    old = base.source.text[base.title_span.start : base.title_span.end]
    replaced[old] = draft.words.bare_title(operation.new[0])


def _replace_preamble(draft: _Draft, operation: Operation, replaced: dict[str, str]) -> None:
    base = draft.base
    if base.preamble is None:
        raise _NotApplied("the act has no preamble")
    text = base.source.text[base.preamble.start : base.preamble.end]
    lines = text.splitlines(keepends=True)
    heading = lines[0] if len(lines) > 1 else ""
    body = text[len(heading) :]
    kept = body[len(body.rstrip()) :]
    leading = body[: len(body) - len(body.lstrip())]
    replaced[text] = heading + leading + draft.layout.paragraph.join(operation.new) + kept


def _change_preamble(draft: _Draft, operation: Operation, replaced: dict[str, str]) -> None:
    """Words of the preamble replaced (宪法序言第七自然段后两句：“A”修改为：“B”), or new
    words at the end of one of its paragraphs (宪法序言第十自然段末尾增加：“C”)."""
    base = draft.base
    if base.preamble is None:
        raise _NotApplied("the act has no preamble")
    original = base.source.text[base.preamble.start : base.preamble.end]
    text = replaced.get(original, original)
    if operation.kind == "replace_words":
        olds, news = operation.old, operation.new
        if len(olds) != len(news):
            olds, news = ("".join(olds),), ("".join(news),)
        for old, new in zip(olds, news, strict=True):
            if old not in text:
                raise _NotApplied(f"the preamble does not contain {old!r}")
            text = text.replace(old, new, 1)
    elif operation.kind == "append":
        lines = text.splitlines(keepends=True)
        # The span opens with the preamble's heading (序言), no paragraph of it.
        first = 1 if len(lines) > 1 else 0
        paragraphs = [i for i, line in enumerate(lines) if i >= first and line.strip()]
        number = operation.targets[0].paragraph if operation.targets else None
        if not paragraphs or (number is not None and not 1 <= number <= len(paragraphs)):
            raise _NotApplied(f"the preamble has no paragraph {number}")
        index = paragraphs[(number or len(paragraphs)) - 1]
        line = lines[index]
        body = line.rstrip()
        lines[index] = body + "".join(operation.new) + line[len(body) :]
        text = "".join(lines)
    else:
        raise _NotApplied(f"{operation.kind} of the preamble is not supported")
    replaced[original] = text


def _replace_heading(draft: _Draft, operation: Operation, replaced: dict[str, str]) -> None:
    base = draft.base
    target = operation.targets[0]
    for node in _headed(base):
        if node.number == (target.chapter or target.section) and node.title:
            source = base.source.text
            line_end = source.find("\n", node.span.start)
            line = source[node.span.start : line_end if line_end >= 0 else node.span.end]
            if node.title in line and line not in replaced:
                replaced[line] = line.replace(node.title, operation.new[0])
                return
    raise _NotApplied(f"the act has no {target.describe()} with a heading")


def _headed(reg: Regulation) -> Iterator[Chapter]:
    for node in reg.body:
        if isinstance(node, Chapter):
            yield node
        yield from getattr(node, "chapters", ())


def _render(draft: _Draft, replaced: dict[str, str], line: str | None) -> tuple[str, Span | None]:
    """The consolidated text, and where in it the note line naming the instrument is: at
    the end of the preface's own lines (before a preamble), as official editions add it."""
    base = draft.base
    source = base.source.text
    end = base.preface.end
    if base.preamble is not None and base.preface.start <= base.preamble.start < end:
        end = base.preamble.start
    at = base.preface.start + len(source[base.preface.start : end].rstrip())
    newline = "\r\n" if "\r\n" in source else "\n"
    gap = source[at:end]
    separator = newline * 2 if gap.count("\n") >= 2 else newline
    pieces = []
    pending = line
    for unit in draft.units:
        if isinstance(unit, _Gap):
            text = unit.text
            if pending is not None and unit.start <= at <= unit.start + len(text) and at:
                offset = at - unit.start
                text = text[:offset] + separator + pending + text[offset:]
                pending = None
            for old, new in replaced.items():
                if old in text:
                    text = text.replace(old, new, 1)
            pieces.append(text)
        elif not unit.removed:
            pieces.append(_render_article(draft, unit))
    if pending is not None:  # no preface: the note opens the text
        pieces.insert(0, pending + newline * 2)
    text = "".join(pieces)
    if line is None:
        return text, None
    start = text.find(line)
    return text, Span(start=start, end=start + len(line))


def _render_article(draft: _Draft, article: _Article) -> str:
    if article.verbatim is not None:
        return article.verbatim
    layout = draft.layout
    paragraphs = []
    for paragraph in article.paragraphs:
        parts = ([paragraph.lead] if paragraph.lead else []) + paragraph.items
        paragraphs.append(layout.item.join(parts))
    head = article.head if article.head else layout.label
    return article.label + head + layout.paragraph.join(paragraphs) + article.tail


def _note_line(instrument: Instrument, words: _Language) -> str | None:
    """The preface line naming the instrument, when it has a title and a date."""
    adopted = instrument.adopted
    if words.note is None or adopted is None or adopted.date is None or not instrument.title:
        return None
    line: str = words.note(
        adopted.date,
        adopted.body or "",
        adopted.session or "",
        adopted.kind.value,
        instrument.title,
    )
    return line


def _consolidated(
    base: Regulation, instrument: Instrument, draft: _Draft, text: str, note: Span | None
) -> Regulation:
    reg = parse(text)  # the consolidated text is no file's: its source has no path
    words = draft.words
    events = list(reg.events)
    adopted = instrument.adopted
    if note is not None and adopted is not None:
        if not any(e.kind is EventKind.AMENDED and e.date == adopted.date for e in events):
            # the note's wording is not one the language's event reader takes for a change
            events.append(
                adopted.model_copy(
                    update={
                        "kind": EventKind.AMENDED,
                        "instrument": words.quoted_title(instrument.title or ""),
                        "text": text[note.start : note.end],
                        "span": note,
                    }
                )
            )
    elif note is None and instrument.operations_for(base.title):
        draft.problems.append(
            diagnostic(
                "LP403",
                "the instrument states no date or title: the amendment has no event",
                None,
                instrument.path,
            )
        )
    effective = instrument.effective
    touched = [a for a in draft.articles() if a.touched]
    if effective is not None and touched and note is not None:
        by_label = {a.label: a for a in reg.articles}
        targets = tuple(by_label[a.label].eid for a in touched if a.label in by_label)
        events.append(
            effective.model_copy(
                update={
                    "instrument": words.quoted_title(instrument.title or ""),
                    "provisions": words.list_separator.join(a.label for a in touched),
                    "targets": targets,
                    "span": note,
                }
            )
        )
    diagnostics = tuple(reg.diagnostics) + tuple(draft.problems)
    return with_applicability(
        reg.model_copy(update={"events": tuple(events), "diagnostics": diagnostics})
    )

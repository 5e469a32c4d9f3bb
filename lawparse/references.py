"""Cross-references: every citation in a regulation's provisions, read and resolved to eIds.

A citation is a run of pieces with nothing, a list word or a range word between them, each
piece a table entry of :mod:`lawparse.languages` (``CITATION_PIECE``): 依照本法第二十条第一款
第（三）项, 前两款, 本规定第十、十八、二十六条, "paragraph 2 of Article 5 of these
Provisions", "the preceding Article". The run is read into cited paths (article, paragraph,
item, from the largest unit down; English names the smallest first and is turned round),
relative pieces (前款, 本条, "this Article") from the place the citation stands in, and each
path resolved against the regulation's own provisions. A run that names another act (a title
in 《》, a short name such as 刑法, "the Company Law") is external and never resolved here; nor
is a citation in an amending instrument, whose citations are of the act it amends (quoted
wording is placed where the instruction puts it, so 前款 in it is the paragraph before that).

Only the provisions' own text is read: a heading is never a citation, and the lexer already
decided which mentions are headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .languages import en, zh
from .languages.common import (
    CLOSE_BRACKETS,
    OPEN_BRACKETS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    TITLE_NOISE,
)
from .model import (
    Article,
    Chapter,
    Clause,
    Item,
    Point,
    Reference,
    Regulation,
    Section,
    Span,
)

__all__ = ["ONE_PARAGRAPH", "read_references"]

ONE_PARAGRAPH = "no preceding paragraph in an article read as one paragraph"
"""The reason of 前款 where the article has one paragraph: its breaks were likely lost (a
run-on text), so validate does not report it."""

_LEVELS = ("schedule", "chapter", "section", "article", "paragraph", "item", "subitem")
_EID_NAMES = {
    "schedule": "sched",
    "chapter": "chp",
    "section": "sec",
    "article": "art",
    "paragraph": "para",
    "item": "item",
    "subitem": "subitem",
}
_DOWN = {"article": "paragraph", "paragraph": "item", "item": "subitem"}
_BRACKETS = OPEN_BRACKETS + CLOSE_BRACKETS
_CLOSED = re.compile(f"(?<=[{re.escape(CLOSE_BRACKETS)}])")  # after each closing bracket

# One step of a cited path: (level, number, suffix), suffix as eIds write it ("_1" for
# 第二十条之一, "a" for "21A").
Step = tuple[str, int, str]
CitedPath = tuple[Step, ...]


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    kind: str  # "unit", "before", "this", "subject", "title"
    level: str = ""
    steps: list[list[Step]] = field(default_factory=list)  # per number: the step and below
    ranges: list[bool] = field(default_factory=list)  # a range runs from this number on
    count: int | None = 1
    title: str = ""


@dataclass(slots=True)
class _Place:
    """Where a citation stands: the article, paragraph and item around it."""

    article: Article | None
    clause: Clause | None
    item: Item | None
    chapter: Chapter | None = None
    section: Section | None = None
    external: str | None = None  # in an amending instrument: the act it amends
    lead: CitedPath | None = None  # the article the lead-in of an item's list names
    recent: CitedPath | None = None  # the last provision of this act cited in this paragraph
    others_only: bool = False  # only citations of other acts count here (the preface)
    eid: str | None = None  # the innermost provision around the citation


def _rank(level: str) -> int:
    return _LEVELS.index(level)


def _article_suffix(suffix: str) -> str:
    if suffix.startswith(zh.SUFFIX_MARK):
        value = zh.parse_numeral(suffix[len(zh.SUFFIX_MARK) :])
        return f"_{value}" if value else ""
    return suffix.lower()


# Reading the pieces ---------------------------------------------------------------------------


def _chinese_pieces(text: str, start: int, end: int) -> Iterator[_Piece]:
    for match in zh.CITATION_PIECE.finditer(text, start, end):
        if match["title"]:
            yield _Piece(match.start(), match.end(), "title", title=match["title"])
        elif match["subject"]:
            yield _Piece(match.start(), match.end(), "subject")
        elif match["unit"]:
            level = zh.CITATION_UNITS[match["unit"]]
            written = match["numbers"]
            numbers = [zh.parse_numeral(n) for n in zh.CITED_NUMBER_SEPARATOR.split(written)]
            if any(n is None for n in numbers):
                continue
            ranges = [
                mark in zh.CITATION_RANGE_WORDS
                for mark in zh.CITED_NUMBER_SEPARATOR.findall(written)
            ] + [False]
            suffix = ""
            if match["sub"]:
                sub = zh.parse_numeral(match["sub"])
                suffix = f"_{sub}" if sub else ""
            steps = [
                [(level, n or 0, suffix if i == len(numbers) - 1 else "")]
                for i, n in enumerate(numbers)
            ]
            yield _Piece(match.start(), match.end(), "unit", level, steps, ranges)
        elif match["punit"]:
            values = [
                zh.parse_numeral(n.strip(_BRACKETS + zh.LIST_SEPARATOR))
                for n in _CLOSED.split(match["pnumbers"])
                if n.strip(_BRACKETS + zh.LIST_SEPARATOR)
            ]
            level = zh.CITATION_UNITS[match["punit"]]
            steps = [[(level, n, "")] for n in values if n is not None]
            if len(steps) == len(values):
                yield _Piece(match.start(), match.end(), "unit", level, steps, [False] * len(steps))
        elif match["bunit"]:
            if (
                zh.NOT_THIS_UNIT.get(match["bunit"], "")
                and text[match.end() : match.end() + 1] in zh.NOT_THIS_UNIT[match["bunit"]]
            ):
                continue
            count = zh.parse_numeral(match["count"]) if match["count"] else 1
            level = zh.CITATION_UNITS[match["bunit"]]
            yield _Piece(match.start(), match.end(), "before", level, count=count)
        elif match["bareunit"]:
            number = zh.parse_numeral(match["bare"])
            if number is not None:
                level = zh.CITATION_UNITS[match["bareunit"]]
                yield _Piece(
                    match.start(), match.end(), "unit", level, [[(level, number, "")]], [False]
                )
        elif match["this"]:
            unit = match["this"]
            if text[match.end() : match.end() + 1] and text[match.end()] in zh.NOT_THIS_UNIT.get(
                unit, ""
            ):
                continue
            yield _Piece(match.start(), match.end(), "this", zh.CITATION_UNITS[unit])


def _english_number(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    if len(value) == 1:
        return en.letter_number(value)
    return en.parse_roman(value)


def _english_steps(level: str, numbers: str) -> tuple[list[list[Step]], list[bool]]:
    """ "3 to 5", "3, 4 and 5", "20(1)(3)", "(1)(a)": a path below the unit for each number,
    and whether a range runs from it to the next."""
    steps: list[list[Step]] = []
    ranges: list[bool] = []
    position = 0
    for match in en.CITED_NUMBER.finditer(numbers):
        between = numbers[position : match.start()].strip().lower()
        position = match.end()
        if match["n"] is not None:
            suffix = match["suffix"].lower() + (f"_{match['sub']}" if match["sub"] else "")
            if level != "article":
                suffix = ""
            if steps and between in en.CITATION_RANGE_WORDS:
                ranges[-1] = True
            steps.append([(level, int(match["n"]), suffix)])
            ranges.append(False)
            continue
        inner = match.group()[1:-1]
        value = _english_number(inner)
        if value is None:
            return [], []
        if not steps or between:
            # "subsection (1)": the unit's own number; a lettered "paragraph (a)" is an item,
            # as UK drafting names the level below a subsection.
            own = "item" if level == "paragraph" and not inner.isdigit() else level
            if steps and between in en.CITATION_RANGE_WORDS:
                ranges[-1] = True
            steps.append([(own, value, "")])
            ranges.append(False)
            continue
        below = _DOWN.get(steps[-1][-1][0])
        if below is None:
            return [], []
        steps[-1].append((below, value, ""))
    return steps, ranges


def _english_pieces(text: str, start: int, end: int) -> Iterator[_Piece]:
    for match in en.CITATION_PIECE.finditer(text, start, end):
        if match["title"]:
            yield _Piece(match.start(), match.end(), "title", title=match["title"])
        elif match["subject"]:
            yield _Piece(match.start(), match.end(), "subject")
        elif match["unit"]:
            level = en.CITATION_UNITS[match["unit"].lower()]
            steps, ranges = _english_steps(level, match["numbers"])
            if steps:
                yield _Piece(match.start(), match.end(), "unit", level, steps, ranges)
        elif match["bunit"] or match["bunit2"]:
            unit = (match["bunit"] or match["bunit2"]).lower()
            count_word = (match["count"] or match["count2"] or "").lower()
            count: int | None = None if unit.endswith("s") else 1
            if count_word:
                count = int(count_word) if count_word.isdigit() else en.NUMBER_WORDS[count_word]
            yield _Piece(match.start(), match.end(), "before", en.CITATION_UNITS[unit], count=count)
        elif match["that"]:
            # "section 53 of that Act": the act named last, filled in by the reader.
            yield _Piece(match.start(), match.end(), "title", title="")
        elif match["tunit"]:
            yield _Piece(
                match.start(), match.end(), "this", en.CITATION_UNITS[match["tunit"].lower()]
            )


def _joiner(gap: str, language: str) -> str | None:
    """How two pieces with ``gap`` between them belong together, ``None`` when they do not."""
    words = gap.strip().lower() if language == en.CODE else gap
    if not words or (language == zh.CODE and words in zh.CITATION_GAP_WORDS):
        return "none" if "\n" not in gap else None
    table = en if language == en.CODE else zh
    if words in table.CITATION_LIST_WORDS:
        return "list"
    if words in table.CITATION_RANGE_WORDS:
        return "range"
    if language == en.CODE and words in en.CITATION_OF:
        return "of"
    return None


def _runs(pieces: list[_Piece], text: str, language: str) -> Iterator[list[tuple[str, _Piece]]]:
    """The pieces grouped into citations, each piece with how it joins the one before."""
    run: list[tuple[str, _Piece]] = []
    for piece in pieces:
        joiner = _joiner(text[run[-1][1].end : piece.start], language) if run else None
        # An act named again opens a citation of its own ("本法第十条、《公司法》第五条").
        # English closes a citation with the act ("Article 5 of the Company Law"), Chinese
        # opens one with it.
        if language == zh.CODE:
            apart = piece.kind in ("title", "subject") and joiner != "none"
        else:
            # A relative member of a list is this act's whatever act the list ends with:
            # "the preceding Article, or Article 5 of the Company Law"; an act joins only
            # with "of" ("Subject to subsection (2), this Act extends ...").
            relative = ("before", "this")
            apart = bool(run) and (
                run[-1][1].kind in ("title", "subject")
                or (joiner == "list" and (piece.kind in relative or run[-1][1].kind in relative))
                or (piece.kind in ("title", "subject") and joiner not in ("of", "range"))
            )
        if joiner == "range" and piece.kind == "title":
            joiner = "of"  # "Schedule 5 to the Consumer Rights Act 2015"
        if run and joiner is not None and not apart:
            run.append((joiner, piece))
            continue
        if run:
            yield run
        run = [("start", piece)]
    if run:
        yield run


# Building the cited paths ---------------------------------------------------------------------


def _english_order(run: list[tuple[str, _Piece]]) -> list[tuple[str, _Piece]]:
    """English names the smallest unit first ("paragraph 2 of Article 5"): each member of a
    list ("the preceding Article, or item (3) of paragraph 1 of Article 3") with its
    segments joined by "of" turned round, largest first, as Chinese writes them; a member
    after the first starts afresh ("group")."""
    members: list[list[list[tuple[str, _Piece]]]] = [[[]]]
    for joiner, piece in run:
        if joiner == "list":
            members.append([[]])
            joiner = "start"
        elif joiner == "of":
            members[-1].append([])
            joiner = "start"
        members[-1][-1].append((joiner, piece))
    ordered: list[tuple[str, _Piece]] = []
    for member in members:
        opening = "group" if ordered else "start"
        for segment in reversed(member):
            first, *rest = segment
            ordered.append((opening, first[1]))
            opening = "none"
            ordered.extend(rest)
    return ordered


def _current(place: _Place, level: str) -> CitedPath | None:
    """The path of the provision at ``level`` the citation stands in (本条, "this Article")."""
    article = place.article
    if level in ("chapter", "section"):
        node = place.chapter if level == "chapter" else place.section
        if node is None:
            return None
        # A chapter's step carries its part (第二编 第一章), as chapters count within parts.
        chapter = (
            (("chapter", place.chapter.number, _part_of(place.chapter)),) if place.chapter else ()
        )
        return chapter if level == "chapter" else (*chapter, ("section", node.number, ""))
    if article is None:
        return None
    path: CitedPath = (("article", article.number, _article_suffix(article.suffix)),)
    if level == "article":
        return path
    if place.clause is None:
        return None
    path = (*path, ("paragraph", place.clause.index, ""))
    if level == "paragraph":
        return path
    if place.item is None or place.item.number is None:
        return None
    return (*path, ("item", place.item.number, ""))


def _preceding(
    place: _Place, piece: _Piece, articles: Sequence[Article]
) -> tuple[list[CitedPath], str | None]:
    here = _current(place, piece.level)
    if here is None and piece.level == "item":
        return [], None  # 前三项 outside a list of items: "the first three", no citation
    if here is None:
        return [], f"not inside a {piece.level}: nothing to count back from"
    count = piece.count
    if piece.level == "article":
        assert place.article is not None
        index = next((i for i, a in enumerate(articles) if a is place.article), None)
        if index is None:
            # Quoted wording of an amended act: count back by number.
            number = here[-1][1]
            first = number - (count or number - 1)
            return [(("article", n, ""),) for n in range(max(first, 1), number)], None
        first = index - (count if count is not None else index)
        if first < 0:
            return [], "no preceding article: the first article"
        return [
            (("article", a.number, _article_suffix(a.suffix)),) for a in articles[first:index]
        ], None
    parent, (level, number, _) = here[:-1], here[-1]
    first = number - (count if count is not None else number - 1)
    if first < 1 or first >= number:
        if level == "paragraph" and place.article is not None and len(place.article.clauses) == 1:
            # 前款 in an article read as one paragraph: a run-on text whose paragraph breaks
            # are spaces (cn_sc_flight_rules_runon), not a dangling citation.
            return [], f"{ONE_PARAGRAPH}: {_eid_form(here)}"
        return [], f"no preceding {level}: {_eid_form(here)}"
    return [(*parent, (level, n, "")) for n in range(first, number)], None


def _paths(
    run: list[tuple[str, _Piece]], place: _Place, articles: Sequence[Article]
) -> tuple[list[CitedPath], str | None, str | None]:
    """The cited paths of a run, the other act it names (or ``None``), and why a relative
    piece names nothing."""
    paths: list[CitedPath] = []
    last: CitedPath | None = None
    external: str | None = place.external
    problem: str | None = None
    for joiner, piece in run:
        if piece.kind == "title":
            external = piece.title
            continue
        if piece.kind == "subject":
            continue  # this act, or in quoted wording the act it is quoted into
        new: list[CitedPath] = []
        if piece.kind == "this":
            here = _current(place, piece.level)
            if here is None:
                problem = f"not inside a {piece.level}: nothing to cite"
            else:
                new = [here]
        elif piece.kind == "before":
            new, problem = _preceding(place, piece, articles)
        else:
            level = piece.steps[0][0][0]  # a lettered "paragraph (a)" stands at item level
            rank = _rank(level)
            base: CitedPath
            refines = joiner == "none" and last is not None and _rank(last[-1][0]) < rank
            if refines and last is not None and level == "article":
                base = ()  # 本章第一百零三条: articles are numbered through the whole act
                if paths and paths[-1] == last:
                    paths.pop()
            elif refines and last is not None:
                base = last
                if paths and paths[-1] == last:
                    paths.pop()
            elif joiner in ("list", "range") and last is not None:
                base = tuple(step for step in last if _rank(step[0]) < rank)
            else:
                base = _context_base(place, level)
            for index, steps in enumerate(piece.steps):
                new.append((*base, *steps))
                if piece.ranges[index] and index + 1 < len(piece.steps):
                    first, last_number = steps[0][1], piece.steps[index + 1][0][1]
                    new.extend((*base, (level, n, "")) for n in range(first + 1, last_number))
            if joiner == "range" and last is not None and new:
                # 第三项至第五项: the numbers between the two ends.
                start_step = next((s for s in last if s[0] == level), None)
                if start_step is not None:
                    _, end_number, end_suffix = new[0][len(base)]
                    # 第二百一十三条至第二百一十九条之一 runs through 第二百一十九条 itself.
                    last_whole = end_number + 1 if end_suffix else end_number
                    new[:0] = [
                        (*base, (level, n, "")) for n in range(start_step[1] + 1, last_whole)
                    ]
        if new:
            paths.extend(new)
            last = new[-1]
    return paths, external, problem


def _context_base(place: _Place, level: str) -> CitedPath:
    """What a unit named without its article stands under: 第二款 is a paragraph of this
    article, 第三项 an item of this paragraph (or of this article, when it has no paragraph
    of its own around the citation)."""
    if level == "paragraph":
        return _current(place, "article") or ()
    if level == "item":
        if place.item is not None and place.lead:
            # 对违反本条例第二十七条规定的，……：（一）有第一项行为的: the items of the
            # article the lead-in names, not of this list.
            return place.lead
        if place.clause is not None and not place.clause.items:
            # In a paragraph of no items, 第一项 is of the provision the paragraph cited just
            # before (违反第十条第（一）项……违反第（四）项: 第十条's), else of this article's
            # list (实施前款规定的行为，达到第一项至第四项规定标准).
            if place.recent:
                return tuple(s for s in place.recent if _rank(s[0]) < _rank("item"))
            return _current(place, "article") or ()
        return _current(place, "paragraph") or _current(place, "article") or ()
    if level == "subitem":
        return _current(place, "item") or ()
    if level == "section":
        return _current(place, "chapter") or ()
    return ()


# Resolving paths to eIds ----------------------------------------------------------------------


@dataclass
class _Provisions:
    """The regulation's provisions by what a citation names."""

    articles: dict[str, Article]
    chapters: dict[tuple[str, int], Chapter]
    schedules: dict[int, str]

    @classmethod
    def of(cls, reg: Regulation) -> _Provisions:
        articles: dict[str, Article] = {}
        for article in reg.articles:
            articles.setdefault(f"{article.number}{_article_suffix(article.suffix)}", article)
        chapters: dict[tuple[str, int], Chapter] = {}
        for chapter in reg.chapters:
            chapters.setdefault((_part_of(chapter), chapter.number), chapter)
        schedules = {s.number: s.eid for s in reg.schedules if s.number is not None}
        return cls(articles, chapters, schedules)


def _part_of(chapter: Chapter) -> str:
    """The eId of the part a chapter is in ("" outside parts)."""
    head, _, _ = chapter.eid.rpartition("chp_")
    return head.removesuffix("__")


def _eid_form(path: CitedPath) -> str:
    """The eId a path would have in another act, as far as the citation says."""
    return "__".join(
        f"{_EID_NAMES[level]}_{number}{'' if level == 'chapter' else suffix}"
        for level, number, suffix in path
    )


def _clause(article: Article, number: int) -> Clause | None:
    numbered = any(c.number is not None for c in article.clauses)
    for clause in article.clauses:
        if (clause.number if numbered else clause.index) == number:
            return clause
    return None


def _item(items: Sequence[Item], number: int) -> Item | None:
    return next((item for item in items if item.number == number), None)


def _resolve(path: CitedPath, provisions: _Provisions, part: str) -> tuple[str | None, str | None]:
    """The eId of a path (a chapter named by number is of the citing provision's ``part``),
    or why there is none."""
    level, number, suffix = path[0]
    if level == "schedule":
        # The model keeps a schedule as text: its paragraphs are cited as the schedule.
        schedule = provisions.schedules.get(number)
        if schedule is None:
            return None, f"no such schedule: {_eid_form(path[:1])}"
        return schedule, None
    if level in ("chapter", "section"):
        chapter = provisions.chapters.get((suffix or part, number)) if level == "chapter" else None
        if level == "chapter" and chapter is None:
            return None, f"no such chapter: {_eid_form(path)}"
        if level == "chapter" and len(path) == 1:
            assert chapter is not None
            return chapter.eid, None
        if level == "chapter" and chapter is not None and path[1][0] == "section":
            section = next((s for s in chapter.sections if s.number == path[1][1]), None)
            if section is None:
                return None, f"no such section: {_eid_form(path)}"
            return section.eid, None
        return None, f"not placed: {_eid_form(path)}"
    if level != "article":
        return None, f"no article named: {_eid_form(path)}"
    article = provisions.articles.get(f"{number}{suffix}")
    if article is None:
        return None, f"no such article: {_eid_form(path[:1])}"
    node: Article | Clause | Item = article
    for step_level, step_number, _ in path[1:]:
        if isinstance(node, Article):
            if step_level == "paragraph":
                clause = _clause(node, step_number)
                if clause is None:
                    return None, f"no such paragraph: {_eid_form(path)}"
                node = clause
                continue
            # An item named right after its article (第四十条第一项): the paragraph that has
            # that item, when only one has.
            holders = [c for c in node.clauses if _item(c.items, step_number) is not None]
            if not holders:
                return None, f"no such item: {_eid_form(path)}"
            if len(holders) > 1:
                return None, f"item of which paragraph: {_eid_form(path)}"
            node = holders[0]
        items = node.items
        found = _item(items, step_number)
        if found is None:
            return None, f"no such {step_level}: {_eid_form(path)}"
        node = found
    return node.eid, None


# The walk over the provisions -----------------------------------------------------------------


def _amended_act(reg: Regulation) -> str | None:
    """The act an amending instrument amends, by its own title ("中华人民共和国刑法修正案（十二）"
    amends 中华人民共和国刑法; 关于修改〈X〉的决定 amends X), or ``None`` for any other act."""
    title = reg.title or ""
    if reg.language == zh.CODE:
        if not zh.AMENDING_INSTRUMENT.search(title):
            return None
        inner = zh.NAMED_IN_TITLE.search(title)
        if inner:
            return inner["inner"] or inner["outer"]
        default = zh.AMEND_DEFAULT_ACT.search(reg.source.text, 0, reg.preface.end + 2000)
        if default:
            return zh.bare_title(default["act"])
        name = zh.AMENDING_INSTRUMENT.split(title)[0]
        return name or title
    match = en.AMEND_DEFAULT_ACT.search(title)
    return match["act"] if match else None


def _quotations(text: str, start: int, end: int, carried: bool) -> list[tuple[int, int]]:
    """The quoted stretches of ``text[start:end]`` (“…”, one level); ``carried`` when a
    quotation opened before ``start`` goes on (an inserted section of several paragraphs
    under one opening mark)."""
    found: list[tuple[int, int]] = []
    opened = start if carried and not text[start:end].lstrip().startswith(QUOTE_OPEN) else -1
    for index in range(start, end):
        char = text[index]
        if char == QUOTE_OPEN and opened < 0:
            opened = index
        elif char == QUOTE_CLOSE and opened >= 0:
            found.append((opened, index + 1))
            opened = -1
    if opened >= 0:
        found.append((opened, end))
    return found


def _regions(reg: Regulation) -> Iterator[tuple[int, int, _Place]]:
    """The stretches of provision text to read, each with its place."""
    for node, chapter, section in _provision_nodes(reg):
        article = node if isinstance(node, Article) else None
        where = (article, chapter, section)
        if not node.clauses:
            yield node.span.start + len(node.label), node.span.end, _place(node, where)
            continue
        for clause in node.clauses:
            if clause.language is not None and clause.language != reg.language:
                continue  # a bilingual text's other language cites the same provisions again
            cursor = clause.span.start
            for item in _items_in_order(clause.items):
                if item.span.start > cursor:
                    yield cursor, item.span.start, _place(node, where, clause)
                yield item.span.start, item.span.end, _place(node, where, clause, item)
                cursor = item.span.end
            if cursor < clause.span.end:
                yield cursor, clause.span.end, _place(node, where, clause)


def _place(
    node: Article | Point,
    where: tuple[Article | None, Chapter | None, Section | None],
    clause: Clause | None = None,
    item: Item | None = None,
) -> _Place:
    article, chapter, section = where
    eid = (item or clause or node).eid
    return _Place(article, clause, item, chapter, section, eid=eid)


def _items_in_order(items: Sequence[Item]) -> Iterator[Item]:
    """An item's own text, then its sub-items' (an item's span holds its sub-items')."""
    for item in items:
        if not item.items:
            yield item
            continue
        own_end = item.items[0].span.start
        yield item.model_copy(update={"span": Span(start=item.span.start, end=own_end)})
        yield from _items_in_order(item.items)


def _provision_nodes(
    reg: Regulation,
) -> Iterator[tuple[Article | Point, Chapter | None, Section | None]]:
    for node in reg.body:
        if isinstance(node, Article | Point):
            yield node, None, None
            continue
        chapters = node.chapters if hasattr(node, "chapters") else (node,)
        if not isinstance(node, Chapter):
            for article in node.articles:
                yield article, None, None
        for chapter in chapters:
            assert isinstance(chapter, Chapter)
            for article in chapter.articles:
                yield article, chapter, None
            for section in chapter.sections:
                for article in section.articles:
                    yield article, chapter, section


def _stand_in(place: _Place, named: CitedPath | None, paragraph: int, at: int) -> _Place:
    """The place of a provision of another act (the one an instruction amends), standing
    in for this text's own: 前款 and "subsection (4)" there count from it. ``paragraph`` is
    the paragraph of it (0: the one ``named``, else the first)."""
    if not named or named[0][0] != "article":
        return _Place(None, None, None, external=place.external, eid=place.eid)
    number, suffix = named[0][1], named[0][2]
    if not paragraph:
        paragraph = next((n for level, n, _ in named if level == "paragraph"), 1)
    stand_in = Article(
        eid=f"art_{number}{suffix}", number=number, label="", text="", span=Span(start=at, end=at)
    )
    clause = Clause(eid="", index=paragraph, text="", span=Span(start=at, end=at))
    return _Place(stand_in, clause, None, external=place.external, eid=place.eid)


def read_references(reg: Regulation) -> tuple[Reference, ...]:
    """Every citation in ``reg``'s provisions, in text order, resolved to its eIds.

    >>> import lawparse
    >>> reg = lawparse.parse("第一条 甲。\\n乙。\\n第二条 依照前条第二款的规定。\\n")
    >>> [(r.text, r.targets) for r in reg.references]
    [('前条第二款', ('art_1__para_2',))]
    """
    reader = _Reader(reg)
    # The preface is read for citations of other acts only (根据《中华人民共和国民事诉讼法》
    # 第十八条的规定，制定本规定): its table of contents names chapters, not citations.
    preface_start = reg.title_span.end if reg.title_span else reg.preface.start
    if preface_start < reg.preface.end:
        reader.region(preface_start, reg.preface.end, _Place(None, None, None, others_only=True))
    for start, end, place in _regions(reg):
        reader.region(start, end, place)
    return tuple(reader.found)


class _Reader:
    """The walk over a regulation's provision text, with what it remembers on the way: the
    act last named, the provision an instruction last named (where its quoted wording goes)
    and the paragraph a quotation has reached."""

    def __init__(self, reg: Regulation) -> None:
        self.text = text = reg.source.text
        self.language = reg.language if reg.language in (zh.CODE, en.CODE) else en.CODE
        self.pieces = _chinese_pieces if self.language == zh.CODE else _english_pieces
        self.provisions = _Provisions.of(reg)
        self.articles = reg.articles
        self.title = reg.title
        self.amended = _amended_act(reg)
        self.titles = (
            [
                zh.bare_title(match["title"]).removeprefix(zh.STATE_PREFIX)
                for match in zh.ACT_TITLE.finditer(text)
            ]
            if self.language == zh.CODE
            else []
        )
        self.found: list[Reference] = []
        self.node: str | None = None
        self.last_external: str | None = None
        self.amending: tuple[str, CitedPath] | None = None
        self.named: CitedPath | None = None  # what the last instruction named, outside quotes
        self.quote_paragraph = 0
        self.quote_open = False
        self.leads: dict[str, CitedPath] = {}  # per paragraph: the article its lead-in names

    def _own(self, title: str) -> bool:
        """Does ``title`` name this regulation itself?"""
        own = self.title
        if not own:
            return False
        return zh.names_act(title, own) or _plain(title) == _plain(own)

    def region(self, start: int, end: int, place: _Place) -> None:
        text, language = self.text, self.language
        node = (place.eid or "").split("__para_")[0]
        if node != self.node:
            self.node, self.last_external, self.amending, self.named = node, None, None, None
            self.quote_open = False
        if self.amended is not None:
            place.external = self.amended
        if place.item is not None and place.clause is not None:
            place.lead = self.leads.get(place.clause.eid)
        # Quoted wording is another act's in an instrument, and in an English Act's
        # amending section ("after subsection (2) insert— “(3) ...”").
        quoted = self.amended is not None or language == en.CODE
        quotes = _quotations(text, start, end, self.quote_open) if quoted else []
        paragraphs = self._quote_paragraphs(quotes, start, end)
        previous_end = start
        for run in _runs(list(self.pieces(text, start, end)), text, language):
            final = run[-1][1]
            if not any(p.kind in ("unit", "before", "this") for _, p in run):
                # An act named without a provision of it; "The Housing Act 1996 is amended
                # as follows" makes it the act the rest of the article cites.
                if final.title and not self._own(final.title):
                    self.last_external = final.title
                    if _amends_next(text[final.end : final.end + 200], language):
                        self.amending = (final.title, ())
                previous_end = final.end
                continue
            self.run(run, place, quotes, paragraphs, previous_end)
            previous_end = final.end
        placed = [self._named_paragraph() if n is None else n for n in paragraphs]
        if placed:
            self.quote_paragraph = placed[-1]

    def _quote_paragraphs(
        self, quotes: list[tuple[int, int]], start: int, end: int
    ) -> list[int | None]:
        """The paragraph of the quoted provision each quotation is: a quotation of several
        paragraphs opens each with “ and closes only the last. ``None`` for a quotation that
        starts here: its paragraph is the one the instruction before it names, known once
        the citations before it are read (:meth:`_named_paragraph`)."""
        numbers: list[int | None] = []
        carried = self.quote_open
        self.quote_open = False
        for quote_start, quote_end in quotes:
            opens_region = not self.text[start:quote_start].strip()
            numbers.append(self.quote_paragraph + 1 if carried and opens_region else None)
            carried = False
            self.quote_open = quote_end >= end and self.text[quote_end - 1] != QUOTE_CLOSE
        return numbers

    def _named_paragraph(self) -> int:
        return next((n for level, n, _ in self.named or () if level == "paragraph"), 1)

    def run(
        self,
        run: list[tuple[str, _Piece]],
        place: _Place,
        quotes: list[tuple[int, int]],
        paragraphs: list[int | None],
        previous_end: int,
    ) -> None:
        text, language = self.text, self.language
        first, final = run[0][1], run[-1][1]
        names_act = any(p.kind in ("title", "subject") for _, p in run)
        run_place = place
        inside = next((i for i, q in enumerate(quotes) if q[0] <= first.start < q[1]), None)
        if inside is not None:
            owner = self.amended or self.last_external or (self.amending or ("",))[0]
            paragraph = paragraphs[inside]
            if paragraph is None:
                paragraph = paragraphs[inside] = self._named_paragraph()
            if owner:
                run_place = _stand_in(
                    _Place(None, None, None, external=owner, eid=place.eid),
                    self.named,
                    paragraph,
                    first.start,
                )
        elif self.amended is not None and self.named and not names_act:
            # 增加一款作为第四款: the instruction goes on with the article it last named.
            run_place = _stand_in(place, self.named[:1], 0, first.start)
        elif self.amending is not None and not names_act:
            run_place = _stand_in(
                _Place(None, None, None, external=self.amending[0], eid=place.eid),
                self.amending[1],
                0,
                first.start,
            )
        ordered = _english_order(run) if language == en.CODE else run
        span_start = first.start
        if language == zh.CODE and not names_act:
            name = _short_name(text, previous_end, first.start, self.titles)
            if name is not None and name.startswith(zh.THAT_MARK):
                name = self.last_external or name  # 该法第十八条: the act last named
            if name is not None and text[first.start - len(name) : first.start] == name:
                span_start = first.start - len(name)
            if name is not None and self.amended and zh.names_act(name, self.amended):
                name = self.amended  # 刑法 in 刑法修正案: the act it amends, by its title
            if name is not None:
                ordered = [
                    ("start", _Piece(span_start, first.start, "title", title=name)),
                    *ordered,
                ]
        for _, piece in ordered:
            if piece.kind == "title" and not piece.title:
                piece.title = self.last_external or text[piece.start : piece.end]
        paths, external, problem = _paths(ordered, run_place, self.articles)
        if not paths and problem is None:
            return
        if external is not None and self._own(external) and self.amended is None:
            external = None  # the act named by its own title
        if external is None and place.others_only:
            return
        span = Span(start=span_start, end=final.end)
        if external is not None:
            external = zh.bare_title(external)
            self.last_external = external
            if paths and _amends_next(text[final.end : final.end + 200], language):
                self.amending = (external, paths[-1])
            if inside is None and paths and paths[-1][0][0] == "article":
                self.named = paths[-1]
            self.found.append(
                Reference(
                    span=span,
                    text=span.of(text),
                    provision=place.eid,
                    external=external,
                    external_targets=tuple(_eid_form(p) for p in paths),
                    unresolved=problem,
                )
            )
            return
        if place.item is None and paths and paths[-1][0][0] == "article":
            place.recent = paths[-1]
        if place.item is None and place.clause and paths and paths[-1][0][0] == "article":
            here = _current(place, "article")
            if here is None or paths[-1][:1] != here:
                self.leads[place.clause.eid] = paths[-1][:1]
        targets: list[str] = []
        problems: list[str] = [problem] if problem else []
        part = _part_of(place.chapter) if place.chapter else ""
        for path in paths:
            eid, why = _resolve(path, self.provisions, part)
            if eid is None:
                problems.append(why or "not found")
            elif eid not in targets:
                targets.append(eid)
        self.found.append(
            Reference(
                span=span,
                text=span.of(text),
                provision=place.eid,
                targets=tuple(targets),
                unresolved="; ".join(problems) if problems else None,
            )
        )


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+$")
_KINDS = tuple(sorted(zh.KINDS_OF_ACT, key=len, reverse=True))
_LEADS = tuple(sorted(zh.ACT_NAME_LEADS, key=len, reverse=True))


def _plain(title: str) -> str:
    return TITLE_NOISE.sub("", title).casefold()


def _amends_next(after: str, language: str) -> bool:
    """Does the sentence after a citation of another act say it is amended as follows
    ("Section 175 of the Housing Act 1996 (homelessness) is amended as follows")?"""
    if language != en.CODE:
        return False
    sentence = en.FULL_STOP.split(after, maxsplit=1)[0]
    return en.AMENDED_AS_FOLLOWS.search(sentence) is not None


def _short_name(text: str, start: int, position: int, titles: Sequence[str]) -> str | None:
    """The short name of another act right before a citation (依照刑法第二十条: 刑法), or
    ``None``. A name ends on a kind of act. Its start is where a title the text gives in 《》
    ends the same way (刑法 of 中华人民共和国刑法), else after the last word that leads into
    a name (应当认定为刑法)."""
    run = _CJK_RUN.search(text, max(start, position - 30), position)
    if run is None:
        return None
    words = run.group()
    kind = next((k for k in _KINDS if words.endswith(k)), None)
    if kind is None or words.endswith(zh.PHRASES.subjects) or len(words) <= len(kind):
        return None
    if zh.STATE_PREFIX in words:
        return words[words.rindex(zh.STATE_PREFIX) :]
    for begin in range(len(words) - len(kind) - 1):
        tail = words[begin:]
        if any(title.endswith(tail) for title in titles):
            return tail
    cuts = sorted({m.end() for lead in _LEADS for m in re.finditer(re.escape(lead), words)})
    cut = max((c for c in cuts if len(words) - c > len(kind)), default=0)
    return words[cut:]

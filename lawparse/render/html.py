"""The model as one self-contained web page, and an index page for a corpus.

The page needs no network and no JavaScript: its style is inline, and its timeline is an
inline SVG picture of when the act applies and when each provision with its own dates does,
with the act's dated events marked on it. Below it comes the structure, one anchor per eId
(``#art_12``), with references as links. The index page of a corpus has one timeline row per
act, each linking to the act's page.

The picture is drawn first on the page, at a fixed size (:data:`TIMELINE_WIDTH`, a height
that grows with its rows), so that a screenshot finds it where the page says it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from unicodedata import east_asian_width

from ..model import Event, EventKind, Period, Regulation, Span, Status
from .akn import cited_country, country, work_uri
from .layout import Block, Link, Links, blocks, eids, links, pieces, printable

if TYPE_CHECKING:
    from lxml.etree import _Element

__all__ = ["TIMELINE_MARGIN", "TIMELINE_WIDTH", "html", "html_index"]

TIMELINE_WIDTH = 960
"""The width of the timeline picture, in CSS pixels."""
TIMELINE_MARGIN = 8
"""Its distance from the page's top left corner."""
_LABELS = 230  # the column of row labels, left of the plot
_ROW = 24
_AXIS = 26
_LANE = 30  # the row of event marks, above the bars
_LEGEND = 24
_COLOURS = {
    EventKind.ADOPTED: "#4a5568",
    EventKind.APPROVED: "#4a5568",
    EventKind.PROMULGATED: "#6b46c1",
    EventKind.EFFECTIVE: "#2f855a",
    EventKind.AMENDED: "#b7791f",
    EventKind.REVISED: "#b7791f",
    EventKind.REPEALED: "#c53030",
    EventKind.EXPIRES: "#c53030",
}
_BAR = "#2b6cb0"

_STYLE = """
body { margin: 0; font: 15px/1.55 system-ui, sans-serif; color: #1a202c; background: #fff; }
#timeline { margin: 8px; width: 960px; }
#timeline svg { display: block; }
main { max-width: 52em; margin: 1em auto 4em; padding: 0 1em; }
h1 { font-size: 1.5em; }
h2, h3, h4 { margin: 1.2em 0 0.4em; }
.preface p { color: #4a5568; margin: 0.2em 0; }
.article, .point, .schedule { margin: 0.8em 0; }
.article > h4, .point > h4 { font-size: 1em; margin: 0.8em 0 0.2em; }
.clause, .item { margin: 0.2em 0 0.2em 1.2em; }
.num { font-weight: 600; margin-right: 0.4em; }
blockquote { margin: 0.3em 0 0.3em 1.5em; padding-left: 0.8em; border-left: 3px solid #cbd5e0; }
a.anchor { color: inherit; text-decoration: none; }
a.anchor:hover { text-decoration: underline; }
.translation { color: #2d3748; border-left: 2px solid #e2e8f0; padding-left: 0.8em; }
table.events { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
table.events td { padding: 0.1em 0.8em 0.1em 0; vertical-align: top; }
"""


@dataclass(frozen=True)
class _Row:
    """A bar of the timeline: what applies, from ``start`` until ``until`` (open-ended
    when ``None`` and not ``unknown_end``); ``why`` says why an end is not known."""

    label: str
    href: str | None
    start: dt.date | None
    until: dt.date | None
    unknown_end: bool
    why: str | None
    not_before: dt.date | None = None
    events: tuple[Event, ...] = ()


def _element(tag: str, text: str | None = None, **attributes: str) -> _Element:
    from lxml import etree

    element = etree.Element(tag, {k.rstrip("_"): printable(v) for k, v in attributes.items()})
    if text is not None:
        element.text = printable(text)
    return element


def _sub(parent: _Element, tag: str, text: str | None = None, **attributes: str) -> _Element:
    element = _element(tag, text, **attributes)
    parent.append(element)
    return element


# The timeline ------------------------------------------------------------------------------


def _row(label: str, href: str | None, period: Period) -> _Row:
    return _Row(
        label,
        href,
        period.start,
        period.until,
        period.until is None and period.until_reason is not None,
        period.start_reason or period.until_reason,
    )


def _own_events(reg: Regulation) -> list[Event]:
    return [e for e in reg.timeline() if e.about is None and e.date is not None]


def _span_of(rows: Sequence[_Row], events: Sequence[Event]) -> tuple[dt.date, dt.date] | None:
    days = [d for row in rows for d in (row.start, row.until) if d]
    days += [e.date for e in events if e.date]
    if not days:
        return None
    low, high = min(days), max(days)
    # A margin on each side, and room after the last date for open-ended bars.
    pad = max(30, (high - low).days // 12)
    return low - dt.timedelta(days=pad), high + dt.timedelta(days=pad * 3)


def _ticks(low: dt.date, high: dt.date) -> list[tuple[dt.date, str]]:
    """At most about ten marks of the axis: years, or months over a short span."""
    months = (high.year - low.year) * 12 + high.month - low.month
    if months <= 36:
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 10)
        found = []
        year, month = low.year, low.month
        while (year, month) <= (high.year, high.month):
            month += 1
            if month > 12:
                year, month = year + 1, 1
            if (month - 1) % step == 0 and dt.date(year, month, 1) <= high:
                found.append((dt.date(year, month, 1), f"{year}-{month:02d}"))
        return found
    span = high.year - low.year + 1
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 1000) if span / s <= 10)
    first = (low.year // step + 1) * step
    return [(dt.date(year, 1, 1), str(year)) for year in range(first, high.year + 1, step)]


def _timeline(rows: Sequence[_Row], events: Sequence[Event], caption: str) -> _Element:
    """The SVG picture: a year axis, a lane of event marks, one bar per row."""
    bottom = _AXIS + _LANE + _ROW * max(1, len(rows)) + 4
    marked = [*events, *(event for row in rows for event in row.events)]
    kinds = sorted({event.kind for event in marked}, key=list(EventKind).index)
    height = bottom + (_LEGEND if kinds else 4)
    svg = _element(
        "svg",
        xmlns="http://www.w3.org/2000/svg",
        width=str(TIMELINE_WIDTH),
        height=str(height),
        viewBox=f"0 0 {TIMELINE_WIDTH} {height}",
        role="img",
    )
    svg.set("aria-label", printable(caption))
    _sub(svg, "title", caption)
    _sub(svg, "rect", x="0", y="0", width=str(TIMELINE_WIDTH), height=str(height), fill="#f7fafc")
    bounds = _span_of(rows, marked)
    plot_left, plot_right = _LABELS + 10, TIMELINE_WIDTH - 12
    if bounds is None:
        _sub(svg, "text", "no dates stated", x=str(plot_left), y=str(_AXIS + 18), fill="#718096")
        low, high = dt.date(2000, 1, 1), dt.date(2001, 1, 1)
    else:
        low, high = bounds
    scale = (plot_right - plot_left) / max(1, (high - low).days)

    def x_of(day: dt.date) -> float:
        return round(plot_left + (day - low).days * scale, 1)

    if bounds is not None:
        for day, name in _ticks(low, high):
            if x_of(day) > plot_right - 24:
                continue  # its label would be cut at the edge
            at = str(x_of(day))
            _sub(svg, "line", x1=at, x2=at, y1=str(_AXIS - 6), y2=str(bottom), stroke="#e2e8f0")
            _sub(svg, "text", name, x=at, y=str(_AXIS - 10), fill="#4a5568")
    for index, event in enumerate(events):
        assert event.date is not None
        x = x_of(event.date)
        y = _AXIS + 10 + (index % 2) * 8
        _sub(
            svg,
            "line",
            x1=str(x),
            x2=str(x),
            y1=str(y),
            y2=str(bottom),
            stroke=_COLOURS[event.kind],
        )
        _mark(svg, x, y, event)
        following = events[index + 1].date if index + 1 < len(events) else None
        if following is None or x_of(following) - x > 84:  # room for the date beside it
            label = _sub(svg, "text", event.date.isoformat(), x=str(x + 9), y=str(y + 4))
            label.set("font-size", "11")
            label.set("fill", "#4a5568")
    for index, row in enumerate(rows):
        top = _AXIS + _LANE + index * _ROW
        label = _sub(svg, "text", _shorten(row.label), x="6", y=str(top + 16), fill="#1a202c")
        if row.href:
            link = _element("a", href=row.href)
            svg.replace(label, link)
            link.append(label)
        if row.start is not None and row.not_before is not None and row.not_before < row.start:
            # In force at some day between its making and the day its wording is known to
            # apply: drawn faint, since the text does not say which.
            left = x_of(row.not_before)
            faint = _sub(
                svg,
                "rect",
                x=str(left),
                y=str(top + 8),
                width=str(max(2.0, round(x_of(row.start) - left, 1))),
                height=str(_ROW - 16),
                fill=_BAR,
                opacity="0.25",
            )
            _sub(faint, "title", f"in force by {row.start.isoformat()}, start not stated")
        if row.start is None:
            note = f"start not known: {row.why}" if row.why else "start not known"
            _sub(svg, "text", _shorten(note, 90), x=str(plot_left), y=str(top + 16), fill="#718096")
            continue
        left = x_of(row.start)
        right = x_of(row.until) if row.until else plot_right
        bar = _sub(
            svg,
            "rect",
            x=str(left),
            y=str(top + 4),
            width=str(max(2.0, round(right - left, 1))),
            height=str(_ROW - 8),
            rx="3",
            fill=_BAR,
            opacity="0.55" if row.unknown_end else "0.85",
        )
        until = row.until.isoformat() if row.until else "open-ended"
        _sub(bar, "title", f"{row.label}: {row.start.isoformat()} to {until}")
    for index, row in enumerate(rows):
        for event in row.events:  # an act's own events, on its row of an index
            if event.date is not None:
                _mark(svg, x_of(event.date), _AXIS + _LANE + index * _ROW + _ROW / 2, event)
    x = 6.0
    for kind in kinds:
        y = bottom + 14
        _sub(
            svg,
            "path",
            d=f"M{x + 5} {y - 5} L{x + 10} {y} L{x + 5} {y + 5} L{x} {y} Z",
            fill=_COLOURS[kind],
        )
        _sub(svg, "text", kind.value, x=str(x + 14), y=str(y + 4), fill="#4a5568")
        x += 26 + 9 * len(kind.value)
    return svg


def _mark(svg: _Element, x: float, y: float, event: Event) -> None:
    assert event.date is not None
    path = f"M{x} {y - 6} L{x + 6} {y} L{x} {y + 6} L{x - 6} {y} Z"
    mark = _sub(svg, "path", d=path, fill=_COLOURS[event.kind], stroke="#fff")
    _sub(mark, "title", f"{event.date.isoformat()} {event.kind.value}")


def _shorten(text: str, width: int = 28) -> str:
    """At most ``width`` columns of text, a wide (CJK) character counting two."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if east_asian_width(char) in "WF" else 1
        if used > width - 1 and index < len(text) - 1:
            return text[:index] + chr(0x2026)
    return text


def _work_row(reg: Regulation, href: str | None) -> _Row:
    label = reg.title or href or "this act"
    if reg.applies is None:
        return _row(label, href, Period(start_reason="not computed"))
    row = _row(label, href, reg.applies.period())
    if reg.applies.start.date is None and row.start is not None:
        row = replace(row, not_before=reg.applies.not_before)
    return row


def _rows(reg: Regulation) -> list[_Row]:
    rows = [_work_row(reg, None)]
    labels = {
        p.eid: " ".join(filter(None, (p.label, getattr(p, "heading", None))))
        for p in reg.provisions
    }
    for own in reg.provisions_applying:
        rows.append(_row(labels.get(own.eid, own.eid), f"#{own.eid}", own.period()))
    return rows


# The structure -----------------------------------------------------------------------------


@dataclass
class _Page:
    reg: Regulation
    found: Links
    country: str


def _inline(page: _Page, parent: _Element, span: Span | None) -> None:
    if span is None:
        return
    last: _Element | None = None
    for text, link in pieces(page.reg.source.text, span, page.found):
        if link is None:
            if last is None:
                parent.text = (parent.text or "") + printable(text)
            else:
                last.tail = (last.tail or "") + printable(text)
        else:
            last = _sub(parent, "a", text, href=_href(page, link))


def _href(page: _Page, link: Link) -> str:
    if link.eid is not None:
        return f"#{link.eid}"
    # Another act: its Akoma Ntoso URI, which names it; no page of it is at hand.
    title = link.external or ""
    cited = cited_country(title, page.reg.language, page.country)
    return work_uri(cited, None, title, "act")


_HEADINGS = {"part": "h2", "chapter": "h2", "section": "h3", "schedule": "h3"}


def _block(page: _Page, parent: _Element, block: Block) -> None:
    kind = block.kind
    element = _sub(parent, "section" if kind in _HEADINGS else "div", class_=kind, id=block.eid)
    if kind in _HEADINGS or kind in ("article", "point", "translation"):
        head = _sub(element, _HEADINGS.get(kind, "h4"))
        anchor = _sub(head, "a", block.num or "", class_="anchor", href=f"#{block.eid}")
        if block.heading:
            anchor.tail = f" {printable(block.heading)}"
        if block.subheading:
            _sub(head, "br")
            _sub(head, "span", block.subheading)
        holder = element
    else:
        holder = _sub(element, "p")
        if block.num:
            _sub(holder, "a", block.num, class_="num anchor", href=f"#{block.eid}")
    if holder is not element or block.lead is not None:
        if holder is element and block.lead is not None:
            holder = _sub(element, "p")
        _inline(page, holder, block.lead)
    quote: tuple[str, _Element] | None = None
    for child in block.children:
        target = element
        scope = child.quotation
        if scope is not None and scope != block.quotation:
            if quote is None or quote[0] != scope:
                quote = (scope, _sub(element, "blockquote", id=scope))
            target = quote[1]
        else:
            quote = None
        _block(page, target, child)
    if block.tail is not None:
        _inline(page, _sub(element, "p"), block.tail)


def _events_table(parent: _Element, reg: Regulation) -> None:
    events = [e for e in reg.timeline() if e.about is None]
    if not events:
        return
    table = _sub(parent, "table", class_="events")
    for event in events:
        row = _sub(table, "tr")
        _sub(row, "td", event.date.isoformat() if event.date else "date not given")
        _sub(row, "td", event.kind.value)
        _sub(row, "td", " ".join(filter(None, (event.provisions, event.body))) or "")


def _document(title: str, language: str) -> tuple[_Element, _Element]:
    root = _element("html", lang=language)
    head = _sub(root, "head")
    _sub(head, "meta", charset="utf-8")
    _sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _sub(head, "title", title)
    _sub(head, "style", _STYLE)
    return root, _sub(root, "body")


def _serialise(root: _Element) -> str:
    from lxml import etree

    return "<!DOCTYPE html>\n" + etree.tostring(root, encoding="unicode", method="html") + "\n"


def html(reg: Regulation) -> str:
    """The regulation as one self-contained HTML page (timeline, events, structure).

    >>> import lawparse
    >>> page = lawparse.render.html(lawparse.parse("Article 1 These Provisions apply."))
    >>> 'id="art_1"' in page and "<svg" in page
    True
    """
    title = reg.title or "(untitled)"
    root, body = _document(title, reg.language)
    figure = _sub(body, "figure", id="timeline")
    figure.append(_timeline(_rows(reg), _own_events(reg), f"When {title} applies"))
    main = _sub(body, "main")
    _sub(main, "h1", title)
    preface = _sub(main, "div", class_="preface")
    text = reg.source.text
    for line in text[reg.preface.start : reg.preface.end].splitlines():
        if line.strip() and line.strip() != reg.title:
            _sub(preface, "p", line.strip())
    _events_table(main, reg)
    tree = blocks(reg)
    page = _Page(reg, links(reg, eids(tree)), country(reg))
    for block in tree:
        _block(page, main, block)
    return _serialise(root)


def html_index(acts: Sequence[tuple[str, Regulation]], day: dt.date | None = None) -> str:
    """The index page of a corpus: ``(href of the act's page, act)`` pairs, one timeline row
    per act; ``day`` adds each act's status on that day to the list below."""
    root, body = _document("lawparse corpus", "en")
    rows = []
    for href, reg in acts:
        rows.append(replace(_work_row(reg, href), events=tuple(_own_events(reg))))
    figure = _sub(body, "figure", id="timeline")
    figure.append(_timeline(rows, (), f"When the {len(acts)} acts apply"))
    main = _sub(body, "main")
    _sub(main, "h1", f"{len(acts)} acts")
    listing = _sub(main, "ol")
    for href, reg in acts:
        item = _sub(listing, "li")
        _sub(item, "a", reg.title or href, href=href)
        start = reg.effective_from
        note = f" in force from {start.isoformat()}" if start else ""
        if day is not None:
            status: Status = reg.status_on(day)
            note += f"; {status.value} on {day.isoformat()}"
        if note:
            _sub(item, "span", note)
    return _serialise(root)

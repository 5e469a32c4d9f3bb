"""The model as an Akoma Ntoso 3.0 act (OASIS LegalDocML), valid against the official schema.

The FRBR identification names the work (``/akn/cn-sh/act/2023-07-25/<title>``), this
expression (its language, at the date its wording applies from) and this manifestation. The
lifecycle has an ``eventRef`` per dated event of the act, each with its source in
``<references>``; ``<temporalData>`` has a group per distinct applicability, to which the
body and the provisions with their own commencement point (``period``); each amendment is a
``<passiveModifications>`` entry. The structure keeps lawparse's eIds and every label as
written; items quoted as new wording sit in a ``<quotedStructure>``.

A date the text does not give is left out. The schema requires one date at each FRBR level:
when the text dates nothing, that date is the manifestation's generation date, named
``generation``, never an invented one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..languages import en, zh
from ..model import Event, EventKind, Regulation, Span
from .layout import Block, Link, Links, blocks, eids, links, pieces, printable

if TYPE_CHECKING:
    from lxml.etree import _Element

__all__ = ["AKN_NAMESPACE", "akn", "country", "work_uri"]

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_NS = f"{{{AKN_NAMESPACE}}}"

_SLUG_DROP = re.compile(r"[^a-z0-9]+")

_NOUNS = {
    EventKind.ADOPTED: "adoption",
    EventKind.APPROVED: "approval",
    EventKind.PROMULGATED: "promulgation",
    EventKind.EFFECTIVE: "commencement",
    EventKind.AMENDED: "amendment",
    EventKind.REVISED: "revision",
    EventKind.REPEALED: "repeal",
    EventKind.EXPIRES: "expiry",
}
_LIFECYCLE_TYPES = {
    EventKind.AMENDED: "amendment",
    EventKind.REVISED: "amendment",
    EventKind.REPEALED: "repeal",
    EventKind.EXPIRES: "repeal",
}  # every other kind makes the act: "generation"
_ORIGIN_KINDS = (EventKind.ADOPTED, EventKind.APPROVED, EventKind.PROMULGATED)
_CHANGE_KINDS = (EventKind.AMENDED, EventKind.REVISED)

# Element names by kind of block, for PRC law (编 book, 章 chapter, 节 section, 条 article,
# 款 paragraph, 项 point in a list, 目 a point of a point) and for UK Acts (part, chapter,
# section, subsection, paragraph, subparagraph).
_PRC = {
    "part": "book",
    "chapter": "chapter",
    "section": "section",
    "article": "article",
    "translation": "hcontainer",
    "point": "point",
    "clause": "paragraph",
    "schedule": "hcontainer",
}
_UK = {**_PRC, "part": "part", "section": "division", "article": "section", "clause": "subsection"}
_UK_ITEMS = ("paragraph", "subparagraph", "clause", "subclause")


def _first_named(text: str, table: Sequence[tuple[str, str]]) -> str | None:
    found = [(text.find(name), code) for name, code in table if name in text]
    return min(found)[1] if found else None


def cited_country(title: str, language: str, citing: str) -> str:
    """The FRBRcountry of an act that another (of FRBRcountry ``citing``) cites: "gb" for a
    UK Act, a province its title names, else the citing act's nation."""
    if en.UK_ACT_TITLE.search(title):
        return en.UK_COUNTRY
    table = zh.JURISDICTIONS if language == zh.CODE else en.JURISDICTIONS
    found = _first_named(title, table)
    if found:
        return found
    return en.UK_COUNTRY if citing == en.UK_COUNTRY else zh.COUNTRY


def country(reg: Regulation) -> str:
    """The act's FRBRcountry: "gb" for a UK Act, a province's ISO 3166-2 code ("cn-sh")
    when its issuer or title names one, else "cn"."""
    signs = {value for e in reg.events for value in (e.body, e.instrument) if value}
    if signs & set(en.UK_SIGNS) or (reg.title and en.UK_ACT_TITLE.search(reg.title)):
        return en.UK_COUNTRY
    for text in (reg.issuer, reg.title):
        if text:
            table = zh.JURISDICTIONS if reg.language == zh.CODE else en.JURISDICTIONS
            found = _first_named(text, table)
            if found:
                return found
    return zh.COUNTRY


def _slug(title: str | None, fallback: str) -> str:
    """A URI component for a title: words in ASCII, others percent-encoded (an IRI's URI)."""
    if not title:
        return fallback
    bare = zh.bare_title(title.strip())
    if bare.isascii():
        return _SLUG_DROP.sub("-", bare.lower()).strip("-") or fallback
    return quote(bare, safe="")


def work_uri(country_code: str, day: dt.date | None, title: str | None, fallback: str) -> str:
    """The FRBR work URI of an act: ``/akn/cn-sh/act/2023-07-25/<title>``; without a date
    component when the date is not known."""
    date = f"/{day.isoformat()}" if day else ""
    return f"/akn/{country_code}/act{date}/{_slug(title, fallback)}"


def _dated(events: Iterable[Event], kinds: Sequence[EventKind]) -> Event | None:
    chosen = [e for e in events if e.about is None and e.date and e.kind in kinds]
    return min(chosen, key=lambda e: e.date or dt.date.max) if chosen else None


@dataclass
class _Document:
    """What the parts of the document share: the ids given so far and the references."""

    reg: Regulation
    country: str
    uk: bool
    found: Links
    work: str
    expression: str
    body_eids: set[str]
    event_ids: dict[int, str] = field(default_factory=dict)
    periods: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def unique(self, eid: str) -> str:
        # A text can repeat a number (LP202: article 1 appears twice); the schema wants
        # each eId once, so a repeat gets a suffix.
        candidate, count = eid, 1
        while candidate in self.used:
            count += 1
            candidate = f"{eid}_{count}"
        self.used.add(candidate)
        return candidate


def _sub(parent: _Element, tag: str, text: str | None = None, **attributes: str) -> _Element:
    from lxml import etree

    element = etree.SubElement(parent, _NS + tag, {k: printable(v) for k, v in attributes.items()})
    if text is not None:
        element.text = printable(text)
    return element


# Meta ------------------------------------------------------------------------------------


def _meta(act: _Element, doc: _Document, generated: dt.date | None) -> None:
    reg = doc.reg
    meta = _sub(act, "meta")
    origin = _dated(reg.events, _ORIGIN_KINDS) or _dated(reg.events, (EventKind.EFFECTIVE,))
    change = _version_event(reg)
    work_date = (origin.date, _NOUNS[origin.kind]) if origin and origin.date else None
    expression_date = (change.date, _NOUNS[change.kind]) if change and change.date else work_date
    made = generated or (expression_date[0] if expression_date else dt.date.today())
    generation = (made, "generation")
    languages = [reg.language, *([reg.translation_language] if reg.translation_language else [])]

    identification = _sub(meta, "identification", source="#lawparse")
    levels = (
        ("FRBRWork", doc.work, "!main", work_date or generation, "#issuer"),
        ("FRBRExpression", doc.expression, "!main", expression_date or generation, "#issuer"),
        ("FRBRManifestation", doc.expression, "!main.xml", generation, "#lawparse"),
    )
    for tag, uri, component, (day, name), author in levels:
        level = _sub(identification, tag)
        _sub(level, "FRBRthis", value=f"{uri}/{component}")
        _sub(level, "FRBRuri", value=uri if tag != "FRBRManifestation" else f"{uri}.akn")
        _sub(level, "FRBRdate", date=day.isoformat(), name=name)
        _sub(level, "FRBRauthor", href=author)
        if tag == "FRBRWork":
            _sub(level, "FRBRcountry", value=doc.country)
            if reg.title:
                _sub(level, "FRBRname", value=reg.title)
        elif tag == "FRBRExpression":
            for language in languages:
                code = zh.LANGUAGE_CODE if language == zh.CODE else en.LANGUAGE_CODE
                _sub(level, "FRBRlanguage", language=code)

    own = [(index, e) for index, e in enumerate(reg.events, 1) if e.about is None]
    changes = [(index, e) for index, e in own if e.kind in _CHANGE_KINDS]
    sources = {index: f"pas_{n}" for n, (index, _) in enumerate(changes, 1)}
    dated = [(index, e) for index, e in own if e.date is not None]
    if dated:
        lifecycle = _sub(meta, "lifecycle", source="#lawparse")
        for index, event in dated:
            assert event.date is not None
            doc.event_ids[index] = doc.unique(f"e_{index}")
            _sub(
                lifecycle,
                "eventRef",
                eId=doc.event_ids[index],
                date=event.date.isoformat(),
                source=f"#{sources.get(index, 'original')}",
                type=_LIFECYCLE_TYPES.get(event.kind, "generation"),
                refersTo=f"#{_NOUNS[event.kind]}",
            )
    if changes:
        analysis = _sub(meta, "analysis", source="#lawparse")
        modifications = _sub(analysis, "passiveModifications")
        for n, (index, event) in enumerate(changes, 1):
            mod = _sub(modifications, "textualMod", type="substitution", eId=f"pmod_{n}")
            _sub(mod, "source", href=f"#{sources[index]}")
            targets = [eid for eid in event.targets if eid in doc.body_eids] or [""]
            for target in targets:
                _sub(mod, "destination", href=f"#{target}" if target else doc.expression)
    _temporal(meta, doc)

    references = _sub(meta, "references", source="#lawparse")
    _sub(references, "original", eId="original", href=doc.expression, showAs=reg.title or "")
    for index, event in changes:
        instrument, when = event.instrument, event.date
        href = (
            work_uri(doc.country, when, instrument, "amendment")
            if instrument
            else f"{doc.work}/{_language_code(reg)}{'@' + when.isoformat() if when else ''}"
        )
        shown = instrument or event.text
        _sub(references, "passiveRef", eId=sources[index], href=href, showAs=shown)
    for kind in dict.fromkeys(event.kind for _, event in dated):
        noun = _NOUNS[kind]
        _sub(references, "TLCEvent", eId=noun, href=f"/akn/ontology/events/{noun}", showAs=noun)
    _sub(
        references,
        "TLCOrganization",
        eId="issuer",
        href=f"/akn/ontology/organizations/{doc.country}/{_slug(reg.issuer, 'unknown')}",
        showAs=reg.issuer or "not stated",
    )
    _sub(
        references,
        "TLCOrganization",
        eId="lawparse",
        href="/akn/ontology/organizations/lawparse",
        showAs="lawparse",
    )
    _sub(
        references,
        "TLCConcept",
        eId="inForce",
        href="/akn/ontology/concepts/inForce",
        showAs="in force",
    )


def _language_code(reg: Regulation) -> str:
    return zh.LANGUAGE_CODE if reg.language == zh.CODE else en.LANGUAGE_CODE


def _version_event(reg: Regulation) -> Event | None:
    """The event that dates this version's wording: the last amendment's or revision's
    commencement when known, else the amendment itself; ``None`` for an original text."""
    if reg.applies is not None and reg.applies.wording is not None:
        event = reg.applies.wording.event
        if event is not None and event.date is not None:
            return event
    changes = [e for e in reg.events if e.about is None and e.kind in _CHANGE_KINDS and e.date]
    return max(changes, key=lambda e: e.date or dt.date.min) if changes else None


def _temporal(meta: _Element, doc: _Document) -> None:
    reg = doc.reg
    applicabilities = ([reg.applies] if reg.applies else []) + list(reg.provisions_applying)
    if not applicabilities:
        return
    data = _sub(meta, "temporalData", source="#lawparse")
    groups: dict[tuple[str | None, str | None], str] = {}
    index_of = {id(event): index for index, event in enumerate(reg.events, 1)}
    for position, applicability in enumerate(applicabilities):
        start = _event_ref(doc, index_of, applicability.start.event)
        start = start if applicability.start.date else None
        end = _event_ref(doc, index_of, applicability.until.event)
        end = end if applicability.until.date else None
        key = (start, end)
        if key not in groups:
            groups[key] = doc.unique(f"tg_{len(groups) + 1}")
            group = _sub(data, "temporalGroup", eId=groups[key])
            interval = {"refersTo": "#inForce"}
            if start:
                interval["start"] = f"#{start}"
            if end:
                interval["end"] = f"#{end}"
            _sub(group, "timeInterval", **interval)
        if position == 0 and reg.applies is not None:
            doc.periods["body"] = groups[key]
        else:
            doc.periods[applicability.eid] = groups[key]


def _event_ref(doc: _Document, index_of: dict[int, int], event: Event | None) -> str | None:
    if event is None:
        return None
    index = index_of.get(id(event))
    if index is None:  # an equal event, copied: find it by value
        index = next((i for i, e in enumerate(doc.reg.events, 1) if e == event), None)
    return doc.event_ids.get(index) if index is not None else None


# Structure -------------------------------------------------------------------------------


def _tag(doc: _Document, block: Block) -> str:
    if block.kind == "item":
        if doc.uk:
            return _UK_ITEMS[min(block.depth, len(_UK_ITEMS)) - 1]
        return "point"
    return (_UK if doc.uk else _PRC)[block.kind]


def _inline(doc: _Document, parent: _Element, runs: Sequence[tuple[str, Link | None]]) -> None:
    last: _Element | None = None
    for text, link in runs:
        if link is None:
            if last is None:
                parent.text = (parent.text or "") + printable(text)
            else:
                last.tail = (last.tail or "") + printable(text)
            continue
        if link.eid is not None:
            href = f"#{link.eid}"
        else:
            title = link.external or ""
            href = work_uri(cited_country(title, doc.reg.language, doc.country), None, title, "act")
        last = _sub(parent, "ref", text, href=href)


def _paragraph(doc: _Document, parent: _Element, span: Span | None) -> _Element:
    p = _sub(parent, "p")
    if span is not None:
        _inline(doc, p, pieces(doc.reg.source.text, span, doc.found))
    return p


def _runs(block: Block) -> list[tuple[str | None, list[Block]]]:
    """The children in runs: ``(None, blocks)`` of the block's own structure, and
    ``(quotation eId, blocks)`` for the items of each quoted structure."""
    runs: list[tuple[str | None, list[Block]]] = []
    own = block.quotation
    for child in block.children:
        quotation = child.quotation if child.quotation != own else None
        if runs and runs[-1][0] == quotation:
            runs[-1][1].append(child)
        else:
            runs.append((quotation, [child]))
    return runs


def _quoted(doc: _Document, parent: _Element, quotation: str, members: list[Block]) -> None:
    mod = _sub(parent, "mod")
    structure = _sub(mod, "quotedStructure", eId=doc.unique(quotation))
    for member in members:
        _block(doc, structure, member)


def _block(doc: _Document, parent: _Element, block: Block) -> None:
    attributes = {"eId": doc.unique(block.eid)}
    if block.kind == "translation":
        attributes["name"] = "translation"
    elif block.kind == "schedule":
        attributes["name"] = "schedule"
    period = doc.periods.get(block.eid)
    if period is not None:
        attributes["period"] = f"#{period}"
    element = _sub(parent, _tag(doc, block), **attributes)
    if block.num:
        _sub(element, "num", block.num)
    if block.heading:
        _sub(element, "heading", block.heading)
    if block.subheading:
        _sub(element, "subheading", block.subheading)
    runs = _runs(block)
    if not any(quotation is None for quotation, _ in runs):
        # No structure of its own: the wording, with any quoted structure inside it.
        content = _sub(element, "content")
        p = _paragraph(doc, content, block.lead)
        for quotation, members in runs:
            assert quotation is not None
            _quoted(doc, p, quotation, members)
        if block.tail is not None:
            _paragraph(doc, content, block.tail)
        return
    container = element
    if block.kind == "clause" and not doc.uk:
        container = _sub(element, "list")  # 款 with 项: the items as a list
    if block.lead is not None or runs[0][0] is not None:
        intro = _sub(container, "intro")
        p = _paragraph(doc, intro, block.lead)
        if runs[0][0] is not None:
            quotation, members = runs.pop(0)
            assert quotation is not None
            _quoted(doc, p, quotation, members)
    trailing = runs.pop() if runs and runs[-1][0] is not None else None
    for quotation, members in runs:
        if quotation is None:
            for member in members:
                _block(doc, container, member)
        else:
            holder = _sub(container, "hcontainer", name="quotation")
            _quoted(doc, _sub(_sub(holder, "content"), "p"), quotation, members)
    if block.tail is not None or trailing is not None:
        wrap = _sub(container, "wrapUp")
        p = _sub(wrap, "p")
        if trailing is not None:
            assert trailing[0] is not None
            _quoted(doc, p, trailing[0], trailing[1])
        if block.tail is not None:
            _inline(doc, p, pieces(doc.reg.source.text, block.tail, doc.found))


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of ``text[start:end]`` as trimmed (start, end) pairs."""
    found = []
    for match in re.finditer(r"[^\r\n]+", text[start:end]):
        line = match.group()
        stripped = line.strip()
        if stripped:
            begin = start + match.start() + line.index(stripped)
            found.append((begin, begin + len(stripped)))
    return found


def _front(act: _Element, doc: _Document) -> None:
    reg, text = doc.reg, doc.reg.source.text
    preamble = reg.preamble
    title = reg.title_span
    preface_end = preamble.start if preamble else reg.preface.end
    lines = [
        (s, e)
        for s, e in _lines(text, reg.preface.start, preface_end)
        if title is None or e <= title.start or s >= title.end
    ]
    if reg.title or lines:
        preface = _sub(act, "preface")
        if reg.title:
            long_title = _sub(preface, "longTitle")
            _sub(_sub(long_title, "p"), "docTitle", reg.title)
        for s, e in lines:
            _paragraph(doc, preface, Span(start=s, end=e))
    if preamble is not None:
        lines = _lines(text, preamble.start, preamble.end)
        if lines:
            element = _sub(act, "preamble")
            for s, e in lines:
                _paragraph(doc, element, Span(start=s, end=e))


def akn(reg: Regulation, *, generated: dt.date | None = None) -> str:
    """The regulation as an Akoma Ntoso 3.0 act (XML, UTF-8). ``generated`` dates the
    manifestation; by default it is the date of this version's wording.

    >>> import lawparse
    >>> xml = lawparse.render.akn(lawparse.parse("Article 1 These Provisions apply."))
    >>> "<article eId=\\"art_1\\">" in xml
    True
    """
    from lxml import etree

    code = country(reg)
    origin = _dated(reg.events, _ORIGIN_KINDS) or _dated(reg.events, (EventKind.EFFECTIVE,))
    work = work_uri(code, origin.date if origin else None, reg.title, reg.source.sha256[:12])
    change = _version_event(reg)
    version = change.date if change and change.date else origin.date if origin else None
    expression = f"{work}/{_language_code(reg)}{'@' + version.isoformat() if version else ''}"
    tree = blocks(reg)
    known = eids(tree)
    doc = _Document(reg, code, code == en.UK_COUNTRY, links(reg, known), work, expression, known)
    root = etree.Element(_NS + "akomaNtoso", nsmap={None: AKN_NAMESPACE})  # type: ignore[dict-item]
    consolidated = reg.applies is not None and reg.applies.wording is not None
    contains = "singleVersion" if consolidated else "originalVersion"
    act = _sub(root, "act", name="act", contains=contains)
    _meta(act, doc, generated)
    _front(act, doc)
    body_attributes = {"period": f"#{doc.periods['body']}"} if "body" in doc.periods else {}
    body = _sub(act, "body", **body_attributes)
    for block in tree:
        _block(doc, body, block)
    if not tree:  # nothing but a preface: the schema wants a body with something in it
        _sub(_sub(_sub(body, "hcontainer", name="empty"), "content"), "p")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(
        root, encoding="unicode", pretty_print=True
    )

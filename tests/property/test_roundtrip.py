"""Property-based tests: generated regulations parse back to their spec, spans tile the input,
the model survives JSON, and no input makes ``parse`` fail with anything but LawParseError."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, for tests.*

import lawparse
from lawparse import Article, Chapter, Clause, Item, Point, Regulation, Section, Span
from tests.strategies import (
    GeneratedRegulation,
    ParagraphSpec,
    arbitrary_texts,
    mangled_regulations,
    regulations,
    structured_noise,
)

# 100 generated regulations a property in the suite (each a whole regulation, parsed, rendered
# and compared); benchmarks/fuzz_parse.py runs the same strategies for minutes.
SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _collapse(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------------------------
# Invariants every parse result must satisfy


_Node = Chapter | Section | Article | Point | Clause | Item


def _children(node: _Node) -> tuple[_Node, ...]:
    if isinstance(node, Chapter):
        return (*node.articles, *node.sections)
    if isinstance(node, Section):
        return node.articles
    if isinstance(node, Article | Point):
        return node.clauses
    return node.items


def _check_ordered(spans: list[Span], where: str) -> None:
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start, (
            f"{where}: spans overlap or are out of order: {before} {after}"
        )


def _check_node(node: _Node, parent: Span, text: str) -> None:
    """The node's span lies in its parent's; its label opens it and its text is inside it;
    its children's spans are ordered, do not overlap, and satisfy the same, recursively."""
    span = node.span
    assert parent.start <= span.start <= span.end <= parent.end, (
        f"{node.eid} span {span} is outside its parent span {parent}"
    )
    own = span.of(text)
    if not isinstance(node, Clause):
        assert own.startswith(node.label), f"{node.eid}: span {own[:40]!r} lacks {node.label!r}"
    if not isinstance(node, Chapter | Section):
        assert node.text in own, f"{node.eid}: text is not inside its span"
    children = _children(node)
    _check_ordered([child.span for child in children], node.eid)
    for child in children:
        _check_node(child, span, text)


def check_invariants(reg: Regulation, text: str) -> None:
    """Render gives the input back; spans nest, are ordered and do not overlap; JSON round trip."""
    assert reg.source.text == text
    assert lawparse.render.text(reg) == text
    whole = Span(start=0, end=len(text))
    top: list[Span] = [reg.preface, *(node.span for node in reg.body)]
    if reg.schedules_span is not None:
        top.append(reg.schedules_span)
    top.extend(schedule.span for schedule in reg.schedules)
    _check_ordered(top, "top level")
    for node in reg.body:
        _check_node(node, whole, text)
    for schedule in reg.schedules:
        assert whole.start <= schedule.span.start <= schedule.span.end <= whole.end
    if reg.title_span is not None:
        assert reg.preface.start <= reg.title_span.start <= reg.title_span.end <= reg.preface.end
        assert _collapse(reg.title_span.of(text)) == reg.title
    for event in reg.events:
        assert 0 <= event.span.start <= event.span.end <= len(text)
    assert Regulation.model_validate_json(reg.model_dump_json()) == reg


# --------------------------------------------------------------------------------------------
# Generated regulations


@SETTINGS
@given(regulations())
def test_generated_regulation_is_recovered(generated: GeneratedRegulation) -> None:
    text, spec = generated.text, generated.spec
    reg = lawparse.parse(text)

    assert [a.number for a in reg.articles] == [a.number for a in spec.articles]
    for got, want in zip(reg.articles, spec.articles, strict=True):
        assert _collapse(got.text) == want.text, f"text of Article {want.number}"
    assert [c.number for c in reg.chapters] == [c.number for c in spec.chapters]
    assert reg.title == spec.title


@SETTINGS
@given(regulations())
def test_generated_regulation_details(generated: GeneratedRegulation) -> None:
    """Chapter titles and membership, captions, and the adoption note's date."""
    text, spec = generated.text, generated.spec
    reg = lawparse.parse(text)

    assert [c.title for c in reg.chapters] == [c.title for c in spec.chapters]
    assert [[a.number for a in c.all_articles()] for c in reg.chapters] == [
        [a.number for a in c.articles] for c in spec.chapters
    ]
    assert [a.heading for a in reg.articles] == [a.caption for a in spec.articles]
    if spec.note is not None:
        adopted = [e.date for e in reg.events if e.kind is lawparse.EventKind.ADOPTED]
        assert spec.note.date in adopted


def _item_readings(paragraph: ParagraphSpec, run_on_line: bool) -> list[list[str]]:
    """The acceptable item-label lists of a paragraph.

    Items on their own lines, or running on after a lead-in ending in ":" ("... as follows:
    (1) ...; (2) ...;"), must be found. After a lead-in ending in "." a run-on list may be
    read as items or as plain text, but all or nothing: never a partial list.
    """
    labels = [f"({n})" for n in range(1, len(paragraph.items) + 1)]
    if not labels:
        return [[]]
    if not run_on_line or paragraph.sentences[-1].endswith(":"):
        return [labels]
    return [labels, []]


@SETTINGS
@given(regulations())
def test_generated_paragraphs_and_items(generated: GeneratedRegulation) -> None:
    """Paragraphs (where line breaks show them) and items (where a reader sees them).

    In run-on text only the item labels of each article are checked, since paragraphs have
    no marks there and where the last item of a list ends is ambiguous.
    """
    text, spec, layout = generated.text, generated.spec, generated.layout
    reg = lawparse.parse(text)
    assert [a.number for a in reg.articles] == [a.number for a in spec.articles]
    for got, want in zip(reg.articles, spec.articles, strict=True):
        if layout.run_on:
            labels = [item.label for clause in got.clauses for item in clause.items]
            acceptable = [
                [label for reading in combination for label in reading]
                for combination in itertools.product(
                    *(_item_readings(p, True) for p in want.paragraphs)
                )
            ]
            assert labels in acceptable, f"items of Article {want.number}"
            continue
        assert [_collapse(c.text) for c in got.clauses] == [p.text for p in want.paragraphs], (
            f"paragraphs of Article {want.number}"
        )
        for clause, paragraph in zip(got.clauses, want.paragraphs, strict=True):
            found = [(i.label, _collapse(i.text)) for i in clause.items]
            readings = [
                list(zip(reading, paragraph.items, strict=True)) if reading else []
                for reading in _item_readings(paragraph, layout.inline_items)
            ]
            assert found in readings, f"items of {clause.eid}"


@SETTINGS
@given(regulations())
def test_generated_regulation_invariants(generated: GeneratedRegulation) -> None:
    reg = lawparse.parse(generated.text)
    check_invariants(reg, generated.text)


@SETTINGS
@given(regulations())
def test_json_round_trip(generated: GeneratedRegulation) -> None:
    reg = lawparse.parse(generated.text)
    assert Regulation.model_validate_json(reg.model_dump_json()) == reg


# --------------------------------------------------------------------------------------------
# Arbitrary text: a Regulation that renders back, or LawParseError; nothing else


def _parse_or_law_error(text: str) -> None:
    try:
        reg = lawparse.parse(text)
    except lawparse.LawParseError:
        return
    check_invariants(reg, text)


@settings(SETTINGS, max_examples=300)
@given(st.text())
def test_any_text_parses_or_raises_law_parse_error(text: str) -> None:
    _parse_or_law_error(text)


@settings(SETTINGS, max_examples=300)
@given(structured_noise())
def test_structured_noise_parses_or_raises_law_parse_error(text: str) -> None:
    _parse_or_law_error(text)


@SETTINGS
@given(mangled_regulations())
def test_mangled_regulation_parses_or_raises_law_parse_error(text: str) -> None:
    _parse_or_law_error(text)


@SETTINGS
@given(arbitrary_texts())
def test_arbitrary_text_parses_or_raises_law_parse_error(text: str) -> None:
    _parse_or_law_error(text)

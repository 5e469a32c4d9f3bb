"""Property-based tests: generated regulations parse back to their spec, spans tile the input,
the model survives JSON, and no input makes ``parse`` fail with anything but LawParseError."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, for tests.*

import lawparse  # noqa: E402
from lawparse import Article, Chapter, Clause, Item, Point, Regulation, Section, Span  # noqa: E402
from tests.strategies import (  # noqa: E402
    GeneratedRegulation,
    arbitrary_texts,
    mangled_regulations,
    regulations,
    structured_noise,
)

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _collapse(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


# --------------------------------------------------------------------------------------------
# Invariants every parse result must satisfy


def _children(node: object) -> tuple:  # type: ignore[type-arg]
    if isinstance(node, Chapter):
        return (*node.articles, *node.sections)
    if isinstance(node, Section):
        return node.articles
    if isinstance(node, Article | Point):
        return node.clauses
    if isinstance(node, Clause | Item):
        return node.items
    return ()


def _check_ordered(spans: list[Span], where: str) -> None:
    for before, after in zip(spans, spans[1:]):
        assert before.end <= after.start, f"{where}: spans overlap or are out of order: {before} {after}"


def _check_node(node: object, parent: Span, text: str) -> None:
    span: Span = node.span  # type: ignore[attr-defined]
    assert parent.start <= span.start <= span.end <= parent.end, (
        f"{node.eid} span {span} is outside its parent span {parent}"  # type: ignore[attr-defined]
    )
    own = span.of(text)
    label = getattr(node, "label", None)
    if label is not None and not isinstance(node, Clause):
        assert own.startswith(label), f"{node.eid}: span {own[:40]!r} does not start with {label!r}"  # type: ignore[attr-defined]
    node_text = getattr(node, "text", None)
    if node_text is not None:
        assert node_text in own, f"{node.eid}: text is not inside its span"  # type: ignore[attr-defined]
    children = _children(node)
    _check_ordered([child.span for child in children], node.eid)  # type: ignore[attr-defined]
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
    for got, want in zip(reg.articles, spec.articles):
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

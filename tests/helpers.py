"""Shared test helpers: the corpus of real texts copied into tests/corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import lawparse

CORPUS = Path(__file__).parent / "corpus"


def corpus_documents(language: str) -> list[tuple[str, Path, dict[str, Any]]]:
    """(id, text path, hand-checked facts) for every corpus text in ``language``."""
    documents = []
    for facts_path in sorted(CORPUS.glob("*.json")):
        facts = json.loads(facts_path.read_text(encoding="utf-8"))
        if facts.get("language") == language:
            documents.append((facts_path.stem, facts_path.with_suffix(".txt"), facts))
    return documents


def assert_survives(text: str) -> lawparse.Regulation | None:
    """What every input must keep: ``parse`` returns a lossless model or raises
    LawParseError, ``parse(errors="collect")`` and ``validate`` never raise, and spans give
    back the input. Returns the parsed model, or ``None`` when parse refused the text."""
    try:
        reg = lawparse.parse(text)
    except lawparse.LawParseError:
        reg = None
    else:
        assert lawparse.render.text(reg) == text
    assert lawparse.render.text(lawparse.parse(text, errors="collect")) == text
    lawparse.validate(text)
    return reg


def whole_act_commencement(text: str) -> lawparse.Event:
    """The one entry into force ``text`` states, asserted to be about the whole act."""
    effective = [e for e in lawparse.parse(text).events if e.kind is lawparse.EventKind.EFFECTIVE]
    assert len(effective) == 1, effective
    (event,) = effective
    assert (event.about, event.provisions) == (None, None)
    return event

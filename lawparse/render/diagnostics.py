"""Diagnostics rendered for people and tools: compiler-style text, JSON, and SARIF 2.1.0."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..diagnostics import CODES
from ..model import Diagnostic
from ..source import SourceText

__all__ = ["render_diagnostics", "sarif", "to_json"]


def render_diagnostics(diagnostics: Sequence[Diagnostic], text: str) -> str:
    """Diagnostics the way compilers show them: file:line:col, the line, a caret, the hint."""
    source = SourceText(text)
    lines: list[str] = []
    for diagnostic in diagnostics:
        where = diagnostic.path or "<text>"
        if diagnostic.span is None:
            lines.append(f"{where}: {diagnostic.severity} {diagnostic.code}: {diagnostic.message}")
            continue
        line, column = source.line_column(diagnostic.span.start)
        heading = f"{diagnostic.severity} {diagnostic.code}: {diagnostic.message}"
        lines.append(f"{where}:{line}:{column}: {heading}")
        shown = source.line_text(line)
        width = max(
            1,
            min(diagnostic.span.end, diagnostic.span.start + len(shown) - column + 1)
            - diagnostic.span.start,
        )
        lines.append(f"    {shown}")
        lines.append(f"    {' ' * (column - 1)}{'^' * min(width, max(1, len(shown) - column + 1))}")
        if diagnostic.hint:
            lines.append(f"    hint: {diagnostic.hint}")
    return "\n".join(lines)


def sarif(results: Sequence[tuple[str, str, Sequence[Diagnostic]]]) -> dict[str, Any]:
    """A SARIF 2.1.0 log of (path, text, diagnostics) triples, for code review tools."""
    rules = [
        {
            "id": code,
            "name": entry.title.replace(" ", "-"),
            "shortDescription": {"text": entry.title},
            "defaultConfiguration": {"level": entry.severity},
        }
        for code, entry in sorted(CODES.items())
    ]
    sarif_results = []
    for path, text, diagnostics in results:
        source = SourceText(text)
        for diagnostic in diagnostics:
            location: dict[str, Any] = {"artifactLocation": {"uri": path}}
            if diagnostic.span is not None:
                start_line, start_column = source.line_column(diagnostic.span.start)
                end_line, end_column = source.line_column(diagnostic.span.end)
                location["region"] = {
                    "startLine": start_line,
                    "startColumn": start_column,
                    "endLine": end_line,
                    "endColumn": end_column,
                    "charOffset": diagnostic.span.start,
                    "charLength": diagnostic.span.end - diagnostic.span.start,
                }
            sarif_results.append(
                {
                    "ruleId": diagnostic.code,
                    "level": diagnostic.severity,
                    "message": {
                        "text": diagnostic.message
                        + (f" ({diagnostic.hint})" if diagnostic.hint else "")
                    },
                    "locations": [{"physicalLocation": location}],
                }
            )
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lawparse",
                        "informationUri": "https://pypi.org/project/lawparse/",
                        "rules": rules,
                    }
                },
                "results": sarif_results,
            }
        ],
    }


def to_json(diagnostics: Sequence[Diagnostic], text: str) -> str:
    """Diagnostics as JSON, each with its line and column."""
    source = SourceText(text)
    records = []
    for diagnostic in diagnostics:
        record = diagnostic.model_dump(mode="json")
        if diagnostic.span is not None:
            record["line"], record["column"] = source.line_column(diagnostic.span.start)
        records.append(record)
    return json.dumps(records, ensure_ascii=False, indent=2)

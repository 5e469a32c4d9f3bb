"""The one catalogue of diagnostic codes, and how a :class:`Diagnostic` of one is made.

Every code lawparse reports is listed in :data:`CODES` with its severity and a short title;
docs/diagnostics.md explains each with an example and a fix, and SARIF output lists them all
as rules. Codes are stable across releases.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Diagnostic, Severity, Span

__all__ = ["CODES", "Code", "Diagnostic", "diagnostic"]


@dataclass(frozen=True, slots=True)
class Code:
    """A diagnostic code: how bad it is and what it means, in a few words."""

    severity: Severity
    title: str


CODES: dict[str, Code] = {
    "LP000": Code("error", "unreadable input (a missing file, an unknown encoding)"),
    "LP001": Code("error", "empty input"),
    "LP002": Code("error", "no structure, or binary data"),
    "LP003": Code("error", "undecodable bytes"),
    "LP004": Code("error", "structure the grammar cannot read"),
    "LP101": Code("error", "impossible date"),
    "LP102": Code("error", "in force before it was adopted or promulgated"),
    "LP103": Code("error", "amended before it was adopted"),
    "LP104": Code("error", "expires before it enters into force"),
    "LP105": Code("warning", "no entry into force stated"),
    "LP106": Code("warning", "relative date that cannot be resolved"),
    "LP201": Code("warning", "numbering gap"),
    "LP202": Code("error", "duplicate number"),
    "LP203": Code("error", "number out of order"),
    "LP204": Code("warning", "numbering style changes midway"),
    "LP205": Code("warning", "(i) read as a letter after (h)"),
    "LP206": Code("warning", "heading with no body"),
    "LP207": Code("warning", "empty article"),
    "LP208": Code("warning", "a line that looks like an article heading was not read as one"),
    "LP209": Code("warning", "cross-reference to an article that does not exist"),
    "LP210": Code("error", "the regulation repeals itself"),
    "LP211": Code("warning", "paragraph in another language"),
    "LP212": Code(
        "warning", "text before the first article that is neither title nor front matter"
    ),
    "LP213": Code("warning", "a citation of a paragraph, item or article this text does not have"),
    "LP301": Code("warning", "article without a partner in the other language"),
    "LP302": Code("warning", "paired articles with different numbers of paragraphs"),
    "LP303": Code("warning", "item without a partner in the other language"),
    "LP401": Code("error", "an amending instruction that cannot be read"),
    "LP402": Code("error", "an amending instruction that cannot be applied to this act"),
    "LP403": Code("error", "an amending instrument that amends nothing in this act"),
}


def diagnostic(
    code: str, message: str, span: Span | None, path: str | None, hint: str | None = None
) -> Diagnostic:
    """A diagnostic of a catalogued ``code``, with the catalogue's severity."""
    return Diagnostic(
        code=code, severity=CODES[code].severity, message=message, span=span, path=path, hint=hint
    )

"""Compare two versions of a regulation, provision by provision (:func:`lawparse.diff`).

Provisions (articles, or the points of a decision without articles) are aligned on their
wording, not on their numbers: an article inserted in the middle is one ``added`` edit and
the articles after it, which only moved, are ``renumbered``; an article that moved and was
reworded is ``changed`` with different old and new eIds. Wordings are compared after
normalisation (:func:`normalise`), so formatting alone (whitespace, full-width or half-width
marks and digits, curly or straight quotes, ○ for 〇) is never an edit.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from .languages import compiler_note
from .languages.common import (
    CJK,
    DIFF_TOKEN,
    FORMATTING_MARKS,
    WHITESPACE_RUN,
)
from .model import Article, Point, Regulation
from .pipeline import parse

if TYPE_CHECKING:
    import re

    from rich.text import Text

__all__ = ["Diff", "Edit", "EditKind", "diff", "normalise", "render_diff"]

EditKind = Literal["added", "removed", "changed", "renumbered"]

SIMILAR = 0.5
"""The share of words (of characters, in Chinese) two provisions must have in common, as
difflib's ratio, to be taken for one provision reworded when their numbers differ. Under it
they are one removed and one added, unless they have the same number: a provision restated
in full under its own number (刑法第三百九十三条 in Amendment XII) is still that provision."""

BAND = 10
"""How far apart (in provisions, beyond the difference in count) two provisions of one
unmatched stretch may be and still be compared, which bounds the work on unrelated texts."""


class Edit(BaseModel):
    """One provision added, removed, reworded (``changed``) or only renumbered.

    ``old`` and ``new`` are its eIds in each version (``None`` on the side it is missing
    from); labels and texts are as written (heading on the first line when there is one, then
    a line per paragraph). ``old_paragraphs`` and ``new_paragraphs`` are the 1-based indexes
    of the paragraphs that differ, for a ``changed`` provision.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    kind: EditKind
    old: str | None
    new: str | None
    old_label: str | None = None
    new_label: str | None = None
    old_text: str | None = None
    new_text: str | None = None
    old_paragraphs: tuple[int, ...] = ()
    new_paragraphs: tuple[int, ...] = ()

    def summary(self) -> dict[str, str | None]:
        """The edit as ``lawparse diff --json`` prints it: kind, old and new eIds."""
        return {"kind": self.kind, "old": self.old, "new": self.new}


class Diff(BaseModel):
    """The edits that turn one version into the other, in the order of the new text (a
    removed provision where it stood in the old one)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    old_title: str | None = None
    new_title: str | None = None
    edits: tuple[Edit, ...] = ()


def normalise(text: str) -> str:
    """The wording with formatting taken out: Unicode NFKC, then the marks of
    :data:`~lawparse.languages.common.FORMATTING_MARKS`; whitespace is dropped except for one
    space between two words of a script that spaces its words.

    >>> normalise("自２０２０年“公布”之日起施行，") == normalise('自2020年"公布"之日起施行,')
    True
    """
    text = unicodedata.normalize("NFKC", text).translate(FORMATTING_MARKS)
    return WHITESPACE_RUN.sub(_space, text).strip()


def _space(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    between_words = (
        start > 0 and end < len(text) and _spaced(text[start - 1]) and _spaced(text[end])
    )
    return " " if between_words else ""


def _spaced(char: str) -> bool:
    """A letter or digit of a script that separates words with spaces."""
    return char.isalnum() and CJK.match(char) is None


@dataclass(frozen=True)
class _Provision:
    eid: str
    key: tuple[int, str]
    label: str
    shown: str
    paragraphs: tuple[str, ...]
    content: tuple[str | None, str]
    tokens: tuple[str, ...]


def _provision(node: Article | Point) -> _Provision:
    heading = node.heading if isinstance(node, Article) else None
    clauses = list(node.clauses)
    if isinstance(node, Article) and node.translation is not None:
        clauses.extend(node.translation.clauses)
    written = [clause.text for clause in clauses] or [node.text]
    while len(written) > 1 and compiler_note(written[-1]):
        written.pop()
    # Where one paragraph ends and the next begins is not compared: a copy hard-wrapped at
    # a different place splits its paragraphs differently with the same words.
    wording = normalise("\n".join(written))
    normal_heading = normalise(heading) if heading else None
    tokens = tuple(
        token
        for token in DIFF_TOKEN.findall(f"{normal_heading or ''} {wording}")
        if not token.isspace()
    )
    return _Provision(
        eid=node.eid,
        key=(node.number, node.suffix if isinstance(node, Article) else ""),
        label=node.label,
        shown="\n".join(filter(None, (heading, *written))),
        paragraphs=tuple(normalise(text) for text in written),
        content=(normal_heading, wording),
        tokens=tokens,
    )


def _similarity(old: _Provision, new: _Provision) -> float:
    matcher = SequenceMatcher(None, old.tokens, new.tokens, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


_Pair = tuple[_Provision | None, _Provision | None]


def _pair_stretch(old: Sequence[_Provision], new: Sequence[_Provision]) -> list[_Pair]:
    """Pair the provisions of a stretch where no wording is the same, keeping their order:
    the most similar wording first, then the most pairs under the same number."""
    rows, columns = len(old), len(new)
    band = BAND + abs(rows - columns)
    # best[i][j]: (similarity summed, same-number pairs) for old[i:] and new[j:].
    best = [[(0.0, 0)] * (columns + 1) for _ in range(rows + 1)]
    choice: dict[tuple[int, int], str] = {}
    for i in range(rows, -1, -1):
        for j in range(columns, -1, -1):
            options: list[tuple[tuple[float, int], str]] = []
            if i < rows:
                options.append((best[i + 1][j], "old"))
            if j < columns:
                options.append((best[i][j + 1], "new"))
            if i < rows and j < columns and abs(i - j) <= band:
                same = old[i].key == new[j].key
                similarity = _similarity(old[i], new[j])
                if similarity >= SIMILAR or same:
                    score, keys = best[i + 1][j + 1]
                    gained = similarity if similarity >= SIMILAR else 0.0
                    options.append(((score + gained, keys + same), "pair"))
            if options:
                best[i][j], choice[i, j] = max(options, key=lambda option: option[0])
    pairs: list[_Pair] = []
    i = j = 0
    while i < rows or j < columns:
        step = choice[i, j]
        pairs.append((old[i] if step != "new" else None, new[j] if step != "old" else None))
        i, j = i + (step != "new"), j + (step != "old")
    return pairs


def _align(old: Sequence[_Provision], new: Sequence[_Provision]) -> list[_Pair]:
    matcher = SequenceMatcher(
        None, [p.content for p in old], [p.content for p in new], autojunk=False
    )
    pairs: list[_Pair] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(old[i1:i2], new[j1:j2], strict=True))
        else:
            pairs.extend(_pair_stretch(old[i1:i2], new[j1:j2]))
    return _pair_moves(pairs)


def _pair_moves(pairs: list[_Pair]) -> list[_Pair]:
    """A provision moved past others keeps its wording: a removed and an added one with the
    same wording are that provision, renumbered, where it now stands."""
    removed: dict[tuple[str | None, str], list[int]] = {}
    for index, (old, new) in enumerate(pairs):
        if new is None and old is not None:
            removed.setdefault(old.content, []).append(index)
    moved: set[int] = set()
    for index, (old, new) in enumerate(pairs):
        if old is None and new is not None and removed.get(new.content):
            source = removed[new.content].pop(0)
            pairs[index] = (pairs[source][0], new)
            moved.add(source)
    return [pair for index, pair in enumerate(pairs) if index not in moved]


def _edit(old: _Provision | None, new: _Provision | None) -> Edit | None:
    if old is not None and new is not None and old.content == new.content:
        if old.key == new.key:
            return None
        return Edit(
            kind="renumbered", old=old.eid, new=new.eid, old_label=old.label,
            new_label=new.label, old_text=old.shown, new_text=new.shown,
        )  # fmt: skip
    if old is None or new is None:
        kind: EditKind = "added" if old is None else "removed"
        return Edit(
            kind=kind,
            old=old.eid if old else None,
            new=new.eid if new else None,
            old_label=old.label if old else None,
            new_label=new.label if new else None,
            old_text=old.shown if old else None,
            new_text=new.shown if new else None,
        )
    differ = SequenceMatcher(None, old.paragraphs, new.paragraphs, autojunk=False)
    opcodes = [op for op in differ.get_opcodes() if op[0] != "equal"]
    return Edit(
        kind="changed", old=old.eid, new=new.eid, old_label=old.label, new_label=new.label,
        old_text=old.shown, new_text=new.shown,
        old_paragraphs=tuple(i + 1 for _, i1, i2, _, _ in opcodes for i in range(i1, i2)),
        new_paragraphs=tuple(j + 1 for _, _, _, j1, j2 in opcodes for j in range(j1, j2)),
    )  # fmt: skip


def diff(old: Regulation | str, new: Regulation | str) -> Diff:
    """The edits between two versions of a regulation (texts are parsed first).

    >>> import lawparse
    >>> old = lawparse.parse("第一条 总则。\\n第二条 定义。\\n第三条 施行。")
    >>> new = lawparse.parse("第一条 总则。\\n第二条 范围。\\n第三条 定义。\\n第四条 施行。")
    >>> [(e.kind, e.old, e.new) for e in diff(old, new).edits]
    [('added', None, 'art_2'), ('renumbered', 'art_2', 'art_3'), ('renumbered', 'art_3', 'art_4')]
    """
    old_reg = parse(old) if isinstance(old, str) else old
    new_reg = parse(new) if isinstance(new, str) else new
    pairs = _align(
        [_provision(p) for p in old_reg.provisions], [_provision(p) for p in new_reg.provisions]
    )
    edits = tuple(edit for edit in (_edit(o, n) for o, n in pairs) if edit is not None)
    return Diff(old_title=old_reg.title, new_title=new_reg.title, edits=edits)


# Side by side --------------------------------------------------------------------------------

_REMOVED_STYLE, _ADDED_STYLE = "red strike", "green"
_REMOVED_MARKS, _ADDED_MARKS = ("[-", "-]"), ("{+", "+}")


def _units(text: str) -> list[tuple[str, str]]:
    """(as written, as compared) for each token; whitespace rides on the token before it, so
    that it is shown but never counted as a change."""
    units: list[tuple[str, str]] = []
    for token in DIFF_TOKEN.findall(text):
        if token.isspace() and units:
            units[-1] = (units[-1][0] + token, units[-1][1])
        else:
            units.append((token, "" if token.isspace() else normalise(token)))
    return units


def _marked(old: str, new: str, styled: bool) -> tuple[Text, Text]:
    """Both wordings with the words only one of them has marked: by style on a terminal,
    else between [-removed-] and {+added+}."""
    from rich.text import Text

    before, after = _units(old), _units(new)
    left, right = Text(), Text()
    matcher = SequenceMatcher(
        None, [key for _, key in before], [key for _, key in after], autojunk=False
    )

    def add(side: Text, words: Iterator[str], marks: tuple[str, str], style: str) -> None:
        written = "".join(words)
        body = written.rstrip()
        if body and styled:
            side.append(body, style)
        elif body:
            side.append(f"{marks[0]}{body}{marks[1]}")
        side.append(written[len(body) :])  # the space after the last word is not marked

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            left.append("".join(shown for shown, _ in before[i1:i2]))
            right.append("".join(shown for shown, _ in after[j1:j2]))
            continue
        add(left, (shown for shown, _ in before[i1:i2]), _REMOVED_MARKS, _REMOVED_STYLE)
        add(right, (shown for shown, _ in after[j1:j2]), _ADDED_MARKS, _ADDED_STYLE)
    return left, right


def _cells(edit: Edit, styled: bool) -> tuple[Text, Text]:
    from rich.text import Text

    left = Text(f"{edit.old_label} ({edit.kind})" if edit.old_label else "", style="bold")
    right = Text(f"{edit.new_label} ({edit.kind})" if edit.new_label else "", style="bold")
    if edit.kind == "changed":
        old_words, new_words = _marked(edit.old_text or "", edit.new_text or "", styled)
        left.append("\n").append_text(old_words)
        right.append("\n").append_text(new_words)
    elif edit.kind == "removed":
        left.append("\n").append(edit.old_text or "", _REMOVED_STYLE if styled else "")
    elif edit.kind == "added":
        right.append("\n").append(edit.new_text or "", _ADDED_STYLE if styled else "")
    return left, right  # a renumbered provision's wording is the same: its labels say it all


def render_diff(diff: Diff, width: int = 120, styled: bool = False) -> str:
    """The edits side by side, old wording on the left and new on the right, ``width``
    columns wide. With ``styled`` (for a terminal) removed words are red and struck through
    and inserted ones green; without it the text is plain, removed words between ``[-`` and
    ``-]``, inserted ones between ``{+`` and ``+}``.

    >>> shown = render_diff(diff("Article 1 One day.", "Article 1 Two days."), 60)
    >>> shown.splitlines()[0], "[-One day-]." in shown, "{+Two days+}." in shown
    ('1 changed', True, True)
    """
    import io

    from rich import box
    from rich.console import Console
    from rich.table import Table

    counts: dict[str, int] = {}
    for edit in diff.edits:
        counts[edit.kind] = counts.get(edit.kind, 0) + 1
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items()) or "no edits"
    output = io.StringIO()
    console = Console(
        file=output,
        width=width,
        force_terminal=styled,
        color_system="standard" if styled else None,
        markup=False,
        highlight=False,
        emoji=False,
    )
    console.print(summary)
    if diff.edits:
        table = Table(show_lines=True, expand=True, box=box.SQUARE if styled else box.ASCII)
        table.add_column(diff.old_title or "old", ratio=1, overflow="fold")
        table.add_column(diff.new_title or "new", ratio=1, overflow="fold")
        for edit in diff.edits:
            table.add_row(*_cells(edit, styled))
        console.print(table)
    return output.getvalue()

"""The ``lawparse`` command line.

Exit status: 0 on success, 1 when an input had errors (it could not be parsed, or
``validate`` found errors, undecodable bytes among them), 2 on bad usage or an unreadable
input (a missing file, an unknown encoding; undecodable bytes, except for ``validate``).
``diff`` exits 0 whether or not the two versions differ: edits are its answer, not errors.
``amend`` exits 1 when an instruction cannot be read or applied (LP401-LP403).

``applies``, ``timeline`` and ``history`` ask a :class:`~lawparse.collection.store.Store`:
a corpus of the files given, or the index given with ``--db``. Tables and progress bars are
drawn with rich, at the terminal's width on a terminal, else 120 columns wide and without
colour.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from .alignment import align
from .amending import amend, explain, read_instrument
from .collection.corpus import Applicable, Corpus, expand_paths, parse_files
from .collection.index import Index, index_files
from .collection.store import AmbiguousWork, EventRecord, ProvisionRecord, Store
from .comparison import diff, render_diff
from .diagnostics import diagnostic as make_diagnostic
from .errors import DecodeError, LawParseError
from .model import Article, Chapter, Diagnostic, Event, Point, Regulation
from .pipeline import parse
from .render.diagnostics import render_diagnostics, sarif
from .render.diagnostics import to_json as diagnostics_json
from .render.json import to_json
from .source import SourceText, decode
from .validate import validate

if TYPE_CHECKING:  # rich loads with the first table or progress bar
    from rich.console import Console
    from rich.progress import Progress

__all__ = ["main"]

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

PLAIN_WIDTH = 120
"""The width of tables written to a file or a pipe, so that their output is stable."""


class _Unreadable(Exception):
    """An input that cannot be read at all: a missing file, or bytes that do not decode
    (``decode_error`` then says where)."""

    def __init__(self, message: str, decode_error: DecodeError | None = None) -> None:
        super().__init__(message)
        self.decode_error = decode_error


def _inputs(paths: Sequence[str]) -> Iterator[str]:
    """Expand directories (walked, text files only, sorted) and keep "-" for standard input."""
    for raw in paths:
        if raw != "-" and Path(raw).is_dir():
            yield from expand_paths([raw])
        else:
            yield raw


def _read(name: str, encoding: str) -> str:
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise _Unreadable(f"{name}: cannot read: {error.strerror or error}") from None
    try:
        return decode(data, encoding)
    except DecodeError as error:
        raise _Unreadable(f"{name}: {error.message}", error) from None
    except LawParseError as error:  # an unknown encoding
        raise _Unreadable(f"{name}: {error.message}") from None


def _parse_inputs(
    paths: Sequence[str], encoding: str, err: TextIO
) -> tuple[list[tuple[str, Regulation]], int]:
    results: list[tuple[str, Regulation]] = []
    status = EXIT_OK
    for name in _inputs(paths):
        try:
            text = _read(name, encoding)
            results.append((name, parse(text, path=None if name == "-" else name)))
        except _Unreadable as error:
            print(f"lawparse: {error}", file=err)
            status = EXIT_USAGE
        except LawParseError as error:
            print(f"{name}:{error.line}:{error.column}: {error}", file=err)
            status = max(status, EXIT_INPUT_ERRORS) if status != EXIT_USAGE else status
    return results, status


# Output: rich consoles, tables and progress bars ---------------------------------------------


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no such method, or a closed stream
        return False


def _console(stream: TextIO) -> Console:
    """A rich console writing to ``stream``: the terminal's width and colours on a terminal,
    else :data:`PLAIN_WIDTH` columns and no escape codes. Text is printed as it is: no
    markup, highlighting or emoji codes are read in it."""
    from rich.console import Console

    terminal = _is_terminal(stream)
    return Console(
        file=stream,
        width=None if terminal else PLAIN_WIDTH,
        force_terminal=terminal,
        color_system="auto" if terminal else None,
        markup=False,
        highlight=False,
        emoji=False,
    )


def _flat(text: str) -> str:
    """One line: runs of whitespace become one space; a leading indent is kept."""
    indent = len(text) - len(text.lstrip(" "))
    return " " * indent + " ".join(text.split())


def _print_table(
    out: TextIO,
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    flexible: Collection[int] = (),
    header: bool = True,
) -> None:
    """A table without borders, one line per row, columns measured in terminal cells (a
    Chinese character takes two). The ``flexible`` columns give up width when the table is
    too wide, and their cells are cut with an ellipsis; the others keep theirs."""
    from rich.table import Table
    from rich.text import Text

    def cell(text: str) -> Text:
        return Text(_flat(text), no_wrap=True, overflow="ellipsis")

    table = Table(box=None, pad_edge=False, show_header=header, header_style="bold")
    for position, name in enumerate(columns):
        table.add_column(cell(name), no_wrap=position not in flexible)
    for row in rows:
        table.add_row(*map(cell, row))
    _console(out).print(table)


def _progress(err: TextIO, quiet: bool) -> Progress:
    """A progress bar on ``err`` (none when ``quiet``); files done out of all, and time."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=_console(err),
        disable=quiet,
    )


def _say(progress: Progress, message: str) -> None:
    """A line above the progress bar, never wrapped."""
    progress.console.print(message, soft_wrap=True)


# parse -------------------------------------------------------------------------------------


def _summary(reg: Regulation, out: TextIO) -> None:
    source = SourceText(reg.source.text)
    print(f"{reg.title or '(untitled)'}  [{reg.language}]", file=out)
    print(f"  events: {len(reg.events)}, articles: {len(reg.articles)}", file=out)
    rows: list[tuple[str, str, str]] = []
    for node in reg.body:
        if isinstance(node, Chapter):
            rows.append((f"  {node.label}", "", node.title or ""))
            rows.extend(_article_row(article, source, "    ") for article in node.articles)
            for section in node.sections:
                rows.append((f"    {section.label}", "", section.title or ""))
                rows.extend(_article_row(article, source, "      ") for article in section.articles)
        elif isinstance(node, Article):
            rows.append(_article_row(node, source, "  "))
        elif isinstance(node, Point):
            rows.append((f"  {node.label}", "", node.text))
    rows.extend((f"  {schedule.label}", "", schedule.title or "") for schedule in reg.schedules)
    if rows:
        _print_table(out, ("provision", "line", "text"), rows, flexible=(2,), header=False)
    if reg.truncated:
        print("  (the text ends mid-sentence: the last provision is incomplete)", file=out)


def _article_row(article: Article, source: SourceText, indent: str) -> tuple[str, str, str]:
    line, _ = source.line_column(article.span.start)
    heading = f"({article.heading}) " if article.heading else ""
    return f"{indent}{article.label}", f"line {line}", f"{heading}{article.text}"


# Events ------------------------------------------------------------------------------------


def _event_records(name: str, reg: Regulation, events: Iterable[Event]) -> list[dict[str, Any]]:
    """Events as records with line and column; one line index serves all of them."""
    source = SourceText(reg.source.text)
    return [_event_record(name, source, event) for event in events]


def _event_record(name: str, source: SourceText, event: Event) -> dict[str, Any]:
    line, column = source.line_column(event.span.start)
    return {
        "file": name,
        **event.facts(),
        "line": line,
        "column": column,
        "text": event.text,
    }


def _indexed_event_record(change: EventRecord) -> dict[str, Any]:
    """An event as ``timeline --db`` has always printed it: the index's columns."""
    event = change.event
    return {
        "file": change.path,
        "kind": event.kind.value,
        "date": change.date.isoformat(),
        "about": event.about,
        "provisions": event.provisions,
        "body": event.body,
        "text": event.text,
    }


_EVENT_HEADINGS = ("date", "kind", "body", "applies to", "file")


def _event_row(path: str, event: Event, line: int | None) -> tuple[str, str, str, str, str]:
    """An event as a row of :data:`_EVENT_HEADINGS`; the file with its line when known."""
    return (
        event.date.isoformat() if event.date else f"({event.unresolved or 'no date'})",
        event.kind.value,
        " ".join(filter(None, (event.session, event.body, event.instrument))) or "-",
        event.about or event.provisions or "this regulation",
        path if line is None else f"{path}:{line}",
    )


def _print_json(value: object, out: TextIO) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2), file=out)


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results, status = _parse_inputs(args.paths, args.encoding, err)
    if args.json:
        if len(results) == 1 and len(args.paths) == 1 and not Path(args.paths[0]).is_dir():
            print(to_json(results[0][1]), file=out)
        else:
            _print_json([json.loads(to_json(reg, indent=None)) for _, reg in results], out)
    else:
        for index, (name, reg) in enumerate(results):
            if index:
                print(file=out)
            print(f"{name}:", file=out)
            _summary(reg, out)
    return status


def _cmd_dates(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results, status = _parse_inputs(args.paths, args.encoding, err)
    if args.json:
        _print_json(
            [r for name, reg in results for r in _event_records(name, reg, reg.events)], out
        )
        return status
    rows = []
    for name, reg in results:
        source = SourceText(reg.source.text)
        for event in reg.events:
            rows.append(_event_row(name, event, source.line_column(event.span.start)[0]))
    if rows:  # no table at all when nothing was read
        _print_table(out, _EVENT_HEADINGS, rows, flexible=(0, 2, 3))
    return status


_REFERENCE_HEADINGS = ("where", "citation", "cites", "unresolved")


def _cmd_refs(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results, status = _parse_inputs(args.paths, args.encoding, err)
    if args.json:
        _print_json(
            [
                {**reference.facts(), "path": None if name == "-" else name}
                for name, reg in results
                for reference in reg.references
            ],
            out,
        )
        return status
    rows = []
    for name, reg in results:
        source = SourceText(reg.source.text)
        for reference in reg.references:
            line, column = source.line_column(reference.span.start)
            if reference.external is not None:
                cites = f"{reference.external}: {', '.join(reference.external_targets)}"
            else:
                cites = ", ".join(reference.targets)
            rows.append(
                (f"{name}:{line}:{column}", reference.text, cites, reference.unresolved or "")
            )
    if rows:
        _print_table(out, _REFERENCE_HEADINGS, rows, flexible=(1, 2, 3))
    return status


def _cmd_align(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results, status = _parse_inputs(args.paths, args.encoding, err)
    if status:
        return status
    if len(results) not in (1, 2):
        print("lawparse align: give two files (or one bilingual file)", file=err)
        return EXIT_USAGE
    alignment = align(*(reg for _, reg in results))
    if args.json:
        print(alignment.model_dump_json(indent=2), file=out)
        return EXIT_OK
    width = max([len(p.first_label) for p in alignment.pairs] + [5])
    for pair in alignment.pairs:
        indent = {"article": "", "clause": "  ", "item": "    "}[pair.level]
        print(f"{indent}{pair.first_label:<{width}}  <->  {pair.second_label}", file=out)
    for diagnostic in alignment.diagnostics:
        where = ""
        if diagnostic.span is not None and diagnostic.path is not None:
            reg = next(reg for name, reg in results if reg.source.path == diagnostic.path)
            line, column = SourceText(reg.source.text).line_column(diagnostic.span.start)
            where = f"{diagnostic.path}:{line}:{column}: "
        print(f"{where}{diagnostic.severity} {diagnostic.code}: {diagnostic.message}", file=err)
    return EXIT_OK


def _two_files(
    args: argparse.Namespace, err: TextIO, command: str, names: str
) -> tuple[list[tuple[str, Regulation]], int]:
    """The two regulations a command compares or combines, parsed; a directory among them
    is a usage error."""
    if any(name != "-" and Path(name).is_dir() for name in args.paths):
        print(f"lawparse {command}: give two files ({names}), not directories", file=err)
        return [], EXIT_USAGE
    return _parse_inputs(args.paths, args.encoding, err)


def _cmd_diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results, status = _two_files(args, err, "diff", "OLD NEW")
    if status:
        return status
    found = diff(results[0][1], results[1][1])
    if args.json:
        _print_json([edit.summary() for edit in found.edits], out)
    else:
        out.write(render_diff(found, _console(out).width, styled=_is_terminal(out)))
    return EXIT_OK


def _cmd_amend(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results, status = _two_files(args, err, "amend", "BASE AMENDMENT")
    if status:
        return status
    (_, base), (amendment_name, amendment) = results
    instrument = read_instrument(amendment, path=amendment_name)
    consolidated = amend(base, instrument)
    problems = [d for d in consolidated.diagnostics if d.code in AMENDMENT_CODES]
    text = consolidated.source.text
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    if args.explain:
        print(explain(instrument, amendment.source.text), file=out)
    elif args.json:
        _print_json([op.model_dump(mode="json") for op in instrument.operations], out)
    elif not args.output:
        out.write(text)
    source = SourceText(amendment.source.text)
    for problem in problems:
        where = f"{amendment_name}: "
        if problem.span is not None:
            line, column = source.line_column(problem.span.start)
            where = f"{amendment_name}:{line}:{column}: "
        print(f"{where}{problem.severity} {problem.code}: {problem.message}", file=err)
    return EXIT_INPUT_ERRORS if any(p.severity == "error" for p in problems) else EXIT_OK


AMENDMENT_CODES = frozenset({"LP401", "LP402", "LP403"})
"""What ``amend`` reports: the instructions it could not read or apply."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _cmd_index(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    files = expand_paths(args.paths)
    status = EXIT_OK
    counts = {"indexed": 0, "unchanged": 0}
    with Index(args.output) as index, _progress(err, args.quiet) as progress:
        task = progress.add_task("index", total=len(files))
        for path, outcome in index_files(index, files, workers=args.workers):
            progress.advance(task)
            if outcome in counts:
                counts[outcome] += 1
            else:
                _say(progress, f"{path}: {outcome}")
                status = EXIT_INPUT_ERRORS
    print(
        f"{counts['indexed']} indexed, {counts['unchanged']} unchanged, into {args.output}",
        file=out,
    )
    return status


def _cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .collection.export import (
        EVENT_COLUMNS,
        PROVISION_COLUMNS,
        event_rows,
        provision_rows,
        write_table,
    )

    names = list(_inputs(args.paths))
    files = [name for name in names if name != "-"]
    status = EXIT_OK

    with _progress(err, args.quiet) as progress:
        task = progress.add_task("export", total=len(files))

        def regulations() -> Iterator[Regulation]:
            """Streamed, so the table is written while later files are still being parsed."""
            nonlocal status
            if "-" in names:
                try:
                    yield parse(_read("-", args.encoding), errors="collect")
                except _Unreadable as error:
                    _say(progress, f"lawparse: {error}")
                    status = EXIT_USAGE
            for name, reg, problem in parse_files(
                files, workers=args.workers, encoding=args.encoding
            ):
                progress.advance(task)
                if reg is None:
                    _say(progress, f"{name}: {problem}")
                    status = EXIT_INPUT_ERRORS
                else:
                    yield reg

        if args.what == "events":
            count = write_table(event_rows(regulations()), EVENT_COLUMNS, args.output)
        else:
            count = write_table(provision_rows(regulations()), PROVISION_COLUMNS, args.output)
    print(f"{count} {args.what} rows written to {args.output}", file=out)
    return status


# applies and timeline: one store, from PATHs or --db -------------------------------------------


@dataclass
class _Answers:
    """Where ``applies`` and ``timeline`` get their answers: a store, the exit status of
    making it, and, when it was parsed from files, their texts. Parsed files keep the output
    they always had, with line numbers and what the text states; an index answers with what
    it stores."""

    store: Store
    status: int = EXIT_OK
    texts: dict[str, SourceText] | None = None

    def __enter__(self) -> _Answers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if isinstance(self.store, Index):
            self.store.close()

    def line(self, record: EventRecord) -> int | None:
        if self.texts is None:
            return None
        return self.texts[record.path].line_column(record.event.span.start)[0]


def _answers(args: argparse.Namespace, err: TextIO) -> _Answers | None:
    """The index of ``--db``, else a corpus of the PATHs; ``None`` (after saying so) when
    neither was given."""
    if args.db:
        return _Answers(Index(args.db))
    if not args.paths:
        print(f"lawparse {args.command}: give PATH... or --db DB", file=err)
        return None
    results, status = _parse_inputs(args.paths, args.encoding, err)
    corpus = Corpus([reg for _, reg in results], paths=[name for name, _ in results])
    return _Answers(corpus, status, {name: SourceText(reg.source.text) for name, reg in results})


def _text_order(record: ProvisionRecord) -> int:
    """Where a provision is in its text: a corpus answers by date, an index in text order."""
    return record.provision.span.start if isinstance(record, Applicable) else 0


def _stated_start(record: ProvisionRecord) -> dt.date | None:
    """The start the text states (``None`` when only the wording's date is known), as the
    output for parsed files has always shown it; an index stores the known start only."""
    return record.applicability.start.date if isinstance(record, Applicable) else record.start


def _cmd_applies(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    answers = _answers(args, err)
    if answers is None:
        return EXIT_USAGE
    with answers:
        store, day = answers.store, args.on
        in_force: dict[str, list[ProvisionRecord]] = {}
        for record in store.applicable_on(day):
            in_force.setdefault(record.path, []).append(record)
        for records in in_force.values():
            records.sort(key=_text_order)
        documents = store.documents()
        if args.json:
            listed: list[dict[str, Any]] = []
            for document in documents:
                provisions = in_force.get(document.path, [])
                if answers.texts is None and not provisions:
                    continue  # an index lists the documents with something in force
                entry: dict[str, Any] = {"file": document.path, "title": document.title}
                if answers.texts is not None:
                    entry["status"] = store.status_on(document.path, day).value
                entry["provisions"] = [
                    {
                        "eid": p.eid,
                        "label": p.label,
                        "from": _iso(_stated_start(p)),
                        "until": _iso(p.until),
                    }
                    for p in provisions
                ]
                listed.append(entry)
            _print_json(listed, out)
            return answers.status
        rows = [
            (
                document.path,
                document.title or "(untitled)",
                store.status_on(document.path, day).value,
                str(len(in_force.get(document.path, []))),
                ", ".join(p.label for p in in_force.get(document.path, [])),
            )
            for document in documents
        ]
        if rows:
            columns = ("file", "title", f"status on {day.isoformat()}", "in force", "provisions")
            _print_table(out, columns, rows, flexible=(1, 4))
    return answers.status


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _cmd_timeline(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    answers = _answers(args, err)
    if answers is None:
        return EXIT_USAGE
    with answers:
        low, high = args.from_ or dt.date.min, args.to or dt.date.max
        changes = answers.store.timeline(between=(low, high))
        texts = answers.texts
        if args.json:
            records = [
                _indexed_event_record(change)
                if texts is None
                else _event_record(change.path, texts[change.path], change.event)
                for change in changes
            ]
            _print_json(records, out)
        elif changes:
            rows = [_event_row(c.path, c.event, answers.line(c)) for c in changes]
            _print_table(out, _EVENT_HEADINGS, rows, flexible=(0, 2, 3))
    return answers.status


def _cmd_history(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    answers = _answers(args, err)
    if answers is None:
        return EXIT_USAGE
    with answers:
        try:
            wordings = answers.store.history(args.eid, args.title)
        except AmbiguousWork as error:
            print(f"lawparse history: {error}", file=err)
            return EXIT_USAGE
        records = [
            {"eid": w.eid, "text": w.text, "start": _iso(w.start), "until": _iso(w.until),
             "path": w.path}
            for w in wordings
        ]  # fmt: skip
        if args.json:
            _print_json(records, out)
        elif records:
            columns = ("start", "until", "file", "text")
            rows = [(_iso(w.start) or "?", _iso(w.until) or "-", w.path, w.text) for w in wordings]
            _print_table(out, columns, rows, flexible=(3,))
    return answers.status


# render and schema ---------------------------------------------------------------------------

RENDER_SUFFIXES = {
    "akn": ".akn.xml",
    "markdown": ".md",
    "html": ".html",
    "json": ".json",
    "text": ".txt",
}
"""The file a text becomes in ``render DIR -o OUT``, by format."""


def _rendered(reg: Regulation, to: str) -> str:
    from . import render

    if to == "akn":
        return render.akn(reg)
    if to == "markdown":
        return render.markdown(reg)
    if to == "html":
        return render.html(reg)
    if to == "json":
        return to_json(reg) + "\n"
    return render.text(reg)


def _cmd_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    many = len(args.paths) > 1 or any(p != "-" and Path(p).is_dir() for p in args.paths)
    if many and not args.output:
        print("lawparse render: a directory or several files need -o OUT (a folder)", file=err)
        return EXIT_USAGE
    results, status = _parse_inputs(args.paths, args.encoding, err)
    if not many:
        if results:
            rendered = _rendered(results[0][1], args.to)
            if args.output:
                Path(args.output).write_text(rendered, encoding="utf-8", newline="")
            else:
                out.write(rendered)
        return status
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    roots = [Path(p) for p in args.paths if p != "-" and Path(p).is_dir()]
    written: list[tuple[str, Regulation]] = []
    for name, reg in results:
        path = Path(name)
        base = next((path.relative_to(r) for r in roots if path.is_relative_to(r)), Path(path.name))
        target = folder / base.with_suffix(RENDER_SUFFIXES[args.to])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_rendered(reg, args.to), encoding="utf-8", newline="")
        written.append((target.relative_to(folder).as_posix(), reg))
    if args.to == "html":
        from .render.html import html_index

        (folder / "index.html").write_text(html_index(written), encoding="utf-8")
    print(f"{len(written)} file(s) written to {folder}", file=out)
    return status


def _cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .render.schema import json_schema

    _print_json(json_schema(), out)
    return EXIT_OK


# validate ----------------------------------------------------------------------------------


def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = EXIT_OK
    results: list[tuple[str, str, list[Diagnostic]]] = []
    undecodable: dict[str, DecodeError] = {}
    for name in _inputs(args.paths):
        try:
            text = _read(name, args.encoding)
        except _Unreadable as error:
            if error.decode_error is None:
                print(f"lawparse: {error}", file=err)
                status = EXIT_USAGE
                continue
            # Bytes that do not decode are a finding about the file, at the DecodeError's
            # line and column: there is no text for a span to point into.
            undecodable[name] = error.decode_error
            hint = "if the file is in another encoding, name it with --encoding"
            found = make_diagnostic("LP003", error.decode_error.message, None, name, hint)
            results.append((name, "", [found]))
            continue
        results.append((name, text, validate(text, path=name)))
    if args.sarif:
        _print_json(_sarif_with_positions(sarif(results), undecodable), out)
    elif args.json:
        records = []
        for name, text, diagnostics in results:
            listed = json.loads(diagnostics_json(diagnostics, text))
            if name in undecodable:
                for record in listed:
                    record["line"] = undecodable[name].line
                    record["column"] = undecodable[name].column
            records.append({"file": name, "diagnostics": listed})
        _print_json(records, out)
    else:
        for name, text, diagnostics in results:
            if name in undecodable:
                print(_undecodable_text(diagnostics, undecodable[name]), file=out)
            elif diagnostics:
                print(render_diagnostics(diagnostics, text), file=out)
        total = sum(len(d) for _, _, d in results)
        print(f"{len(results)} file(s), {total} diagnostic(s)", file=err)
    failing = {"error", "warning"} if args.strict else {"error"}
    if any(d.severity in failing for _, _, diagnostics in results for d in diagnostics):
        status = max(status, EXIT_INPUT_ERRORS) if status != EXIT_USAGE else status
    return status


def _undecodable_text(diagnostics: Sequence[Diagnostic], error: DecodeError) -> str:
    """The LP003 diagnostic as compilers show theirs: path:line:column, then the hint."""
    lines = []
    for found in diagnostics:
        where = f"{found.path}:{error.line}:{error.column}"
        lines.append(f"{where}: {found.severity} {found.code}: {found.message}")
        if found.hint:
            lines.append(f"    hint: {found.hint}")
    return "\n".join(lines)


def _sarif_with_positions(log: dict[str, Any], undecodable: dict[str, DecodeError]) -> Any:
    """The SARIF log with the region of each LP003 result: its line, column and byte."""
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        error = undecodable.get(location["artifactLocation"]["uri"])
        if result["ruleId"] == "LP003" and error is not None and "region" not in location:
            location["region"] = {
                "startLine": error.line,
                "startColumn": error.column,
                "byteOffset": error.offset,
            }
    return log


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lawparse", description="Turn regulation text into typed, dated, queryable law."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, paths: str | int = "+") -> argparse.ArgumentParser:
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.add_argument("paths", nargs=paths, metavar="PATH", help="file, directory or -")
        command.add_argument("--json", action="store_true", help="print JSON")
        command.add_argument(
            "--encoding", default="utf-8", help="input encoding (utf-8, gb18030, ...)"
        )
        return command

    add("parse", "Parse regulations and show their structure (or the model as JSON).")
    add("dates", "List every dated event: adoption, promulgation, entry into force, ...")
    add("refs", "Every citation in the provisions, with the provisions it names.")
    add("align", "Pair a translation with its original, article by article (EN ZH).")
    add("diff", "The provisions added, removed, changed or renumbered from OLD to NEW.", 2)
    amending = add("amend", "Apply an amending instrument to its act: BASE AMENDMENT.", 2)
    amending.add_argument("-o", "--output", help="write the consolidated text to this file")
    amending.add_argument(
        "--explain", action="store_true", help="the operations as read, one per line"
    )
    applies = add("applies", "What applies on a date, per regulation and provision.", "*")
    applies.add_argument("--on", type=_date, required=True, metavar="DATE", help="YYYY-MM-DD")
    applies.add_argument("--db", metavar="DB", help="answer from an index made by 'index'")
    export = add("export", "Write events or provisions as a table (CSV, or Parquet).")
    export.add_argument("--table", dest="what", choices=("events", "provisions"), default="events")
    export.add_argument("-o", "--output", required=True, help="a .csv or .parquet file")
    export.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes")
    export.add_argument("--quiet", action="store_true", help="no progress bar")
    index = add("index", "Parse files in parallel into an embedded SQLite index.")
    index.add_argument("-o", "--output", required=True, metavar="DB", help="the index file")
    index.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes")
    index.add_argument("--quiet", action="store_true", help="no progress bar")
    check = add("validate", "Check regulation text like a compiler; exit 1 on errors.")
    check.add_argument("--sarif", action="store_true", help="print SARIF 2.1.0")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    timeline = add("timeline", "Every dated event across the inputs, in date order.", "*")
    timeline.add_argument("--db", metavar="DB", help="answer from an index made by 'index'")
    timeline.add_argument("--from", dest="from_", type=_date, metavar="DATE", help="from (incl.)")
    timeline.add_argument("--to", type=_date, metavar="DATE", help="to (excluded)")
    history = add("history", "The successive wordings of one provision across versions.", "*")
    history.add_argument("--eid", required=True, help="the provision: art_12, or a whole eId")
    history.add_argument("--title", help="the work, when several have the provision")
    history.add_argument("--db", metavar="DB", help="answer from an index made by 'index'")
    rendering = add("render", "Render texts as Akoma Ntoso, Markdown, HTML, JSON or text.")
    rendering.add_argument("--to", required=True, choices=tuple(RENDER_SUFFIXES), help="format")
    rendering.add_argument(
        "-o", "--output", help="the file to write; a folder for a directory or several files"
    )
    schema = commands.add_parser(
        "schema", help="The JSON Schema of 'parse --json' output.",
        description="Print the JSON Schema (2020-12) of what 'parse --json' prints.",
    )  # fmt: skip
    del schema
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_OK if exit_.code in (0, None) else EXIT_USAGE
    out, err = sys.stdout, sys.stderr
    handlers = {
        "parse": _cmd_parse,
        "dates": _cmd_dates,
        "refs": _cmd_refs,
        "align": _cmd_align,
        "diff": _cmd_diff,
        "amend": _cmd_amend,
        "applies": _cmd_applies,
        "timeline": _cmd_timeline,
        "validate": _cmd_validate,
        "index": _cmd_index,
        "export": _cmd_export,
        "history": _cmd_history,
        "render": _cmd_render,
        "schema": _cmd_schema,
    }
    try:
        return handlers[args.command](args, out, err)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        # What was written stays: the index commits file by file, and a rerun skips those.
        print("lawparse: interrupted", file=err)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(main())

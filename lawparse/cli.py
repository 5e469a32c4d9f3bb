"""The ``lawparse`` command line.

Exit status: 0 on success, 1 when an input had errors (it could not be parsed), 2 on bad
usage or an unreadable input (missing file, undecodable bytes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from .alignment import align
from .collection.corpus import Applicable, Corpus, expand_paths, parse_files
from .collection.index import Index, index_files
from .errors import DecodeError, LawParseError
from .languages.common import ELLIPSIS
from .model import Article, Chapter, Diagnostic, Event, Point, Regulation
from .pipeline import parse
from .render.diagnostics import render_diagnostics, sarif
from .render.diagnostics import to_json as diagnostics_json
from .render.json import to_json
from .source import SourceText, decode
from .validate import validate

__all__ = ["main"]

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class _Unreadable(Exception):
    """An input that cannot be read at all: a missing file, or bytes that do not decode."""


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


def _summary(reg: Regulation, out: TextIO) -> None:
    source = SourceText(reg.source.text)
    print(f"{reg.title or '(untitled)'}  [{reg.language}]", file=out)
    print(f"  events: {len(reg.events)}, articles: {len(reg.articles)}", file=out)
    for node in reg.body:
        if isinstance(node, Chapter):
            print(f"  {node.label}  {node.title or ''}", file=out)
            for article in node.articles:
                _article_line(article, source, out, "    ")
            for section in node.sections:
                print(f"    {section.label}  {section.title or ''}", file=out)
                for article in section.articles:
                    _article_line(article, source, out, "      ")
        elif isinstance(node, Article):
            _article_line(node, source, out, "  ")
        elif isinstance(node, Point):
            print(f"  {node.label}  {_clip(node.text)}", file=out)
    for schedule in reg.schedules:
        print(f"  {schedule.label}  {schedule.title or ''}", file=out)
    if reg.truncated:
        print("  (the text ends mid-sentence: the last provision is incomplete)", file=out)


def _clip(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + ELLIPSIS


def _article_line(article: Article, source: SourceText, out: TextIO, indent: str) -> None:
    line, _ = source.line_column(article.span.start)
    heading = f"({article.heading}) " if article.heading else ""
    print(f"{indent}{article.label:<12} line {line:<5} {heading}{_clip(article.text)}", file=out)


def _event_records(name: str, reg: Regulation, events: Iterable[Event]) -> list[dict[str, Any]]:
    """Events as records with line and column; one line index serves all of them."""
    source = SourceText(reg.source.text)
    return [_event_record(name, source, event) for event in events]


def _event_record(name: str, source: SourceText, event: Event) -> dict[str, Any]:
    line, column = source.line_column(event.span.start)
    return {
        "file": name,
        "kind": event.kind.value,
        "date": event.date.isoformat() if event.date else None,
        "about": event.about,
        "body": event.body,
        "session": event.session,
        "instrument": event.instrument,
        "ordinal": event.ordinal,
        "provisions": event.provisions,
        "relative_to": event.relative_to.value if event.relative_to else None,
        "unresolved": event.unresolved,
        "line": line,
        "column": column,
        "text": event.text,
    }


def _print_events(records: list[dict[str, Any]], as_json: bool, out: TextIO) -> None:
    if as_json:
        print(json.dumps(records, ensure_ascii=False, indent=2), file=out)
    else:
        _dates_table(records, out)


def _dates_table(records: list[dict[str, Any]], out: TextIO) -> None:
    columns = ("date", "kind", "body", "applies to", "file")
    rows = [
        (
            r["date"] or f"({r['unresolved'] or 'no date'})",
            r["kind"],
            " ".join(filter(None, (r["session"], r["body"], r["instrument"]))) or "-",
            r["about"] or r["provisions"] or "this regulation",
            f"{r['file']}:{r['line']}",
        )
        for r in records
    ]
    widths = [max([len(c), *(len(row[i]) for row in rows)]) for i, c in enumerate(columns)]
    widths = [min(w, 70) for w in widths]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(), file=out)
    for row in rows:
        cells = [
            _clip(cell, w) if len(cell) > w else cell for cell, w in zip(row, widths, strict=True)
        ]
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip(), file=out)


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results, status = _parse_inputs(args.paths, args.encoding, err)
    if args.json:
        if len(results) == 1 and len(args.paths) == 1 and not Path(args.paths[0]).is_dir():
            print(to_json(results[0][1]), file=out)
        else:
            documents = [json.loads(to_json(reg, indent=None)) for _, reg in results]
            print(json.dumps(documents, ensure_ascii=False, indent=2), file=out)
    else:
        for index, (name, reg) in enumerate(results):
            if index:
                print(file=out)
            print(f"{name}:", file=out)
            _summary(reg, out)
    return status


def _cmd_dates(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results, status = _parse_inputs(args.paths, args.encoding, err)
    records = [r for name, reg in results for r in _event_records(name, reg, reg.events)]
    _print_events(records, args.json, out)
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


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _cmd_index(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from tqdm import tqdm

    files = expand_paths(args.paths)
    index = Index(args.output)
    status = EXIT_OK
    counts = {"indexed": 0, "unchanged": 0}
    stream = index_files(index, files, workers=args.workers)
    progress = tqdm(stream, total=len(files), unit="file", file=err, disable=args.quiet)
    for path, outcome in progress:
        if outcome in counts:
            counts[outcome] += 1
        else:
            progress.write(f"{path}: {outcome}", file=err)
            status = EXIT_INPUT_ERRORS
    print(
        f"{counts['indexed']} indexed, {counts['unchanged']} unchanged, into {args.output}",
        file=out,
    )
    return status


def _cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from tqdm import tqdm

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

    def regulations() -> Iterator[Regulation]:
        """Streamed, so the table is written while later files are still being parsed."""
        nonlocal status
        if "-" in names:
            try:
                yield parse(_read("-", args.encoding), errors="collect")
            except _Unreadable as error:
                print(f"lawparse: {error}", file=err)
                status = EXIT_USAGE
        stream = parse_files(files, workers=args.workers, encoding=args.encoding)
        progress = tqdm(stream, total=len(files), unit="file", file=err, disable=args.quiet)
        for name, reg, problem in progress:
            if reg is None:
                progress.write(f"{name}: {problem}", file=err)
                status = EXIT_INPUT_ERRORS
            else:
                yield reg

    if args.what == "events":
        count = write_table(event_rows(regulations()), EVENT_COLUMNS, args.output)
    else:
        count = write_table(provision_rows(regulations()), PROVISION_COLUMNS, args.output)
    print(f"{count} {args.what} rows written to {args.output}", file=out)
    return status


def _cmd_applies(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.db:
        return _applies_from_index(args, out)
    if not args.paths:
        print("lawparse applies: give PATH... or --db DB", file=err)
        return EXIT_USAGE
    results, status = _parse_inputs(args.paths, args.encoding, err)
    corpus = Corpus(reg for _, reg in results)
    in_force: dict[int, list[Applicable]] = {}
    for applicable in corpus.applicable_on(args.on):
        in_force.setdefault(id(applicable.regulation), []).append(applicable)
    documents: list[dict[str, Any]] = []
    for name, reg in results:
        provisions = sorted(in_force.get(id(reg), []), key=lambda a: a.provision.span.start)
        documents.append(
            {
                "file": name,
                "title": reg.title,
                "status": corpus.status_on(reg, args.on).value,
                "provisions": [
                    {
                        "eid": a.provision.eid,
                        "label": a.provision.label,
                        "from": _iso(a.applicability.start.date),
                        "until": _iso(a.applicability.until.date),
                    }
                    for a in provisions
                ],
            }
        )
    if args.json:
        print(json.dumps(documents, ensure_ascii=False, indent=2), file=out)
        return status
    for document in documents:
        print(f"{document['file']}: {document['title'] or '(untitled)'}", file=out)
        print(f"  status on {args.on.isoformat()}: {document['status']}", file=out)
        labels = [str(p["label"]) for p in document["provisions"]]
        if labels:
            print(
                f"  in force: {len(labels)} provision(s): {_clip(', '.join(labels), 70)}", file=out
            )
    return status


def _applies_from_index(args: argparse.Namespace, out: TextIO) -> int:
    by_file: dict[str, dict[str, Any]] = {}
    for provision in Index(args.db).applicable_on(args.on):
        document = by_file.setdefault(
            provision.path, {"file": provision.path, "title": provision.title, "provisions": []}
        )
        document["provisions"].append(
            {
                "eid": provision.eid,
                "label": provision.label,
                "from": _iso(provision.start),
                "until": _iso(provision.until),
            }
        )
    if args.json:
        print(json.dumps(list(by_file.values()), ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    for document in by_file.values():
        labels = ", ".join(p["label"] for p in document["provisions"])
        print(f"{document['file']}: {document['title'] or '(untitled)'}", file=out)
        print(
            f"  in force: {len(document['provisions'])} provision(s): {_clip(labels, 70)}", file=out
        )
    return EXIT_OK


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _cmd_timeline(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.db:
        low, high = args.from_ or dt.date.min, args.to or dt.date.max
        rows = Index(args.db).timeline(between=(low, high))
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
        else:
            for row in rows:
                print(
                    f"{row['date']}  {row['kind']:<12} {row['about'] or ''}  {row['file']}",
                    file=out,
                )
        return EXIT_OK
    if not args.paths:
        print("lawparse timeline: give PATH... or --db DB", file=err)
        return EXIT_USAGE
    results, status = _parse_inputs(args.paths, args.encoding, err)
    corpus = Corpus(reg for _, reg in results)
    low = args.from_ or dt.date.min
    high = args.to or dt.date.max
    names = {id(reg): name for name, reg in results}
    sources = {id(reg): SourceText(reg.source.text) for _, reg in results}
    records = [
        _event_record(names[id(change.regulation)], sources[id(change.regulation)], change.event)
        for change in corpus.timeline(between=(low, high))
    ]
    _print_events(records, args.json, out)
    return status


def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = EXIT_OK
    results: list[tuple[str, str, list[Diagnostic]]] = []
    for name in _inputs(args.paths):
        try:
            text = _read(name, args.encoding)
        except _Unreadable as error:
            print(f"lawparse: {error}", file=err)
            status = EXIT_USAGE
            continue
        results.append((name, text, validate(text, path=name)))
    if args.sarif:
        print(json.dumps(sarif(results), ensure_ascii=False, indent=2), file=out)
    elif args.json:
        records = [
            {"file": name, "diagnostics": json.loads(diagnostics_json(diagnostics, text))}
            for name, text, diagnostics in results
        ]
        print(json.dumps(records, ensure_ascii=False, indent=2), file=out)
    else:
        for _name, text, diagnostics in results:
            if diagnostics:
                print(render_diagnostics(diagnostics, text), file=out)
        total = sum(len(d) for _, _, d in results)
        print(f"{len(results)} file(s), {total} diagnostic(s)", file=err)
    failing = {"error", "warning"} if args.strict else {"error"}
    if any(d.severity in failing for _, _, diagnostics in results for d in diagnostics):
        status = max(status, EXIT_INPUT_ERRORS) if status != EXIT_USAGE else status
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lawparse", description="Turn regulation text into typed, dated, queryable law."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, paths: str = "+") -> argparse.ArgumentParser:
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.add_argument("paths", nargs=paths, metavar="PATH", help="file, directory or -")
        command.add_argument("--json", action="store_true", help="print JSON")
        command.add_argument(
            "--encoding", default="utf-8", help="input encoding (utf-8, gb18030, ...)"
        )
        return command

    add("parse", "Parse regulations and show their structure (or the model as JSON).")
    add("dates", "List every dated event: adoption, promulgation, entry into force, ...")
    add("align", "Pair a translation with its original, article by article (EN ZH).")
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
        "align": _cmd_align,
        "applies": _cmd_applies,
        "timeline": _cmd_timeline,
        "validate": _cmd_validate,
        "index": _cmd_index,
        "export": _cmd_export,
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

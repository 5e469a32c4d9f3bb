"""Coverage-guided fuzzing of the parse entry points with atheris (libFuzzer).

Every input must keep what the tests promise (see ``tests/helpers.assert_survives``):

- ``lawparse.parse(text, errors="collect")`` never raises and returns a ``Regulation``;
- ``lawparse.parse(text)`` returns a ``Regulation`` or raises ``lawparse.LawParseError``,
  nothing else;
- ``lawparse.validate(text)`` never raises;
- ``lawparse.render.text(reg) == text`` for every ``Regulation`` returned.

The first byte of an input picks how the rest becomes text: as UTF-8 (how the seeds, the texts
of ``tests/corpus`` cut to 4 KB, are written), as arbitrary Unicode from
``atheris.FuzzedDataProvider``, as a run of regulation markers ("Article 1 ", "第一条 ",
"（一）", dates, line breaks ...) and short Unicode strings, or as a seed text with a few spans
replaced by markers. lawparse is instrumented for coverage, its lazily loaded modules too.

    pip install "atheris>=2.3"
    python benchmarks/fuzz_atheris.py --minutes 10 [libFuzzer options] [CORPUS_DIR ...]

``--minutes N`` stops after N minutes with exit status 0 and prints the counts. Arguments
other than ``--minutes`` and ``--seed-bytes`` are passed to libFuzzer: options such as
``-max_len=16384``, ``-timeout=10`` or ``-seed=1`` (``-max_len``, ``-timeout`` and ``-dict``
get defaults unless given), and corpus folders, of which the first receives the new inputs
libFuzzer finds and gets the seeds when empty (without one, a temporary folder holds them,
removed at the end of a ``--minutes`` run; a run that libFuzzer ends leaves it behind).

A failure stops the run: libFuzzer prints the Python traceback (after it, the failing text as
a Python literal) and writes the input to ``crash-<sha1>`` in the current folder
(``-artifact_prefix=DIR/`` to change); ``python benchmarks/fuzz_atheris.py crash-<sha1>`` runs
that one input again.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # the source tree's lawparse, when run from a checkout

CORPUS = REPO / "tests" / "corpus"
SEED_BYTES = 4096
DEFAULT_MAX_LEN = 8192
DEFAULT_TIMEOUT = 30  # seconds for one input; a slower parse is reported as a hang
PIECES = [
    "Article ", "Article 1 ", "Article 2\n", "Articles 3 and 4 ", "第", "条 ", "第一条 ",
    "第二条\u3000", "第一百二十条 ", "第一章 总则\n", "第一节 ", "Chapter I ", "Chapter II ",
    "Section 1 ", "Part 1 ", "SCHEDULE 1", "SCHEDULES\n", "Preamble\n", "序　言\n", "(1) ",
    "(a) ", "(i) ", "（一）", "（二）", "一、", "I. ", "1.", "1Heading\n", "\n", "\r\n", "\r",
    "\n\n", " ", "\t", "\u3000", "。", "；", "，", ". ", ";", ":", "“", "”", "(", ")", "《甲》",
    "〈乙〉", "July 25, 2023", "25 July 2023", "2023-07-25", "February 30, 2023",
    "2023年7月25日", "2023年2月30日", "自2024年1月1日起施行", "施行", "通过", "公布", "修正",
    "修订", "同时废止", "有效期至", "本条例", "本法自公布之日起施行。",
    "shall come into force on ", "come into force on ", "take effect on ",
    "shall be effective as of ", "as of the date of promulgation", "valid until ",
    "(Adopted at the 4th Session of the Standing Committee on ", "and are hereby promulgated.",
    "amended for the first time ", "is hereby repealed", "\x00", "\ufeff", "\u2028", "\x85",
]  # fmt: skip

# How the first byte of an input is read (its value modulo the number of modes).
AS_UTF8, AS_UNICODE, AS_PIECES, AS_MUTATION = range(4)
MODES = 4

_atheris: Any = None  # the module, once main() has imported it
_lawparse: Any = None
_seeds: list[str] = []
_counts: Counter[str] = Counter()


def make_text(data: bytes) -> str:
    """The text an input stands for (see the module docstring)."""
    if not data:
        return ""
    mode, rest = data[0] % MODES, data[1:]
    if mode == AS_UTF8:
        return rest.decode("utf-8", errors="replace")
    fdp = _atheris.FuzzedDataProvider(rest)
    if mode == AS_UNICODE:
        return str(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()))
    if mode == AS_PIECES:
        return _pieces(fdp, 400)
    text = fdp.PickValueInList(_seeds) if _seeds else ""
    for _ in range(fdp.ConsumeIntInRange(1, 4)):
        start = fdp.ConsumeIntInRange(0, len(text))
        length = fdp.ConsumeIntInRange(0, 300)
        text = text[:start] + _pieces(fdp, 6) + text[start + length :]
    return text


def _pieces(fdp: Any, most: int) -> str:
    parts: list[str] = []
    while fdp.remaining_bytes() and len(parts) < most:
        if fdp.ConsumeBool():
            parts.append(fdp.PickValueInList(PIECES))
        else:
            parts.append(str(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 6))))
        if most < 10 and not fdp.ConsumeIntInRange(0, 3):
            break
    return "".join(parts)


def check(text: str) -> None:
    """Raise on any broken promise (an uncaught exception is what libFuzzer reports)."""
    lawparse = _lawparse
    reg = lawparse.parse(text, errors="collect")
    if not isinstance(reg, lawparse.Regulation):
        raise AssertionError(f'parse(errors="collect") returned {type(reg).__name__}')
    if lawparse.render.text(reg) != text:
        raise AssertionError('render.text(parse(text, errors="collect")) != text')
    try:
        strict = lawparse.parse(text)
    except lawparse.LawParseError as error:
        _counts[f"raised {type(error).__name__}"] += 1
    else:
        if not isinstance(strict, lawparse.Regulation):
            raise AssertionError(f"parse returned {type(strict).__name__}")
        if lawparse.render.text(strict) != text:
            raise AssertionError("render.text(parse(text)) != text")
        _counts["parsed"] += 1
    lawparse.validate(text)


def _seed_texts(size: int) -> list[str]:
    """The corpus texts, each cut after its last line break within ``size`` bytes of UTF-8."""
    texts = []
    for path in sorted(CORPUS.glob("*.txt")):
        data = path.read_bytes()
        if len(data) > size:
            cut = data.rfind(b"\n", 0, size)
            data = data[: cut + 1] if cut > 0 else data[:size]
        texts.append(data.decode("utf-8", errors="ignore"))
    return texts


def _dictionary_entry(piece: str) -> str:
    escaped = "".join(
        chr(byte) if 0x20 <= byte < 0x7F and byte not in b'"\\' else f"\\x{byte:02X}"
        for byte in piece.encode("utf-8")
    )
    return f'"{escaped}"'


def _has_option(options: Sequence[str], name: str) -> bool:
    return any(option.startswith(f"-{name}=") for option in options)


def main(argv: Sequence[str] | None = None) -> int:
    global _atheris, _lawparse
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        epilog="Other arguments go to libFuzzer (options such as -max_len=N, corpus folders).",
    )
    parser.add_argument("--minutes", type=float, help="stop after this long, with status 0")
    parser.add_argument(
        "--seed-bytes", type=int, default=SEED_BYTES, help="cut the seed texts to this size"
    )
    args, libfuzzer = parser.parse_known_args(argv)
    try:
        import atheris
    except ImportError:
        print(
            'fuzz_atheris.py needs atheris: pip install "atheris>=2.3" (Linux or macOS, '
            "CPython with wheels, or clang to build it)",
            file=sys.stderr,
        )
        return 2
    _atheris = atheris

    with atheris.instrument_imports(include=["lawparse"]):
        import lawparse

        # lawparse loads its modules on first use; loading them here instruments them too.
        lawparse.validate("Article 1 x.")
        lawparse.render.text(lawparse.parse("Article 1 x. 第一条 一。", errors="collect"))
        _ = lawparse.Regulation
    _lawparse = lawparse

    _seeds[:] = _seed_texts(args.seed_bytes)
    folders = [arg for arg in libfuzzer if not arg.startswith("-")]
    options = [arg for arg in libfuzzer if arg.startswith("-")]
    work: Path | None = None
    if not any(Path(folder).is_file() for folder in folders):  # files are inputs to rerun
        work = Path(tempfile.mkdtemp(prefix="lawparse-fuzz-"))
        dictionary = work / "pieces.dict"
        dictionary.write_text("\n".join(map(_dictionary_entry, PIECES)) + "\n", encoding="utf-8")
        if not folders:
            folders = [str(work / "corpus")]
        seed_folder = Path(folders[0])
        seed_folder.mkdir(parents=True, exist_ok=True)
        if not any(seed_folder.iterdir()):
            for index, text in enumerate(_seeds):
                seed = bytes([AS_UTF8]) + text.encode("utf-8")
                (seed_folder / f"seed{index:03d}").write_bytes(seed)
        if not _has_option(options, "dict"):
            options.append(f"-dict={dictionary}")
        print(f"seed corpus: {seed_folder}; dictionary: {dictionary}", flush=True)
    for name, value in (("max_len", DEFAULT_MAX_LEN), ("timeout", DEFAULT_TIMEOUT)):
        if not _has_option(options, name):
            options.append(f"-{name}={value}")

    deadline = time.monotonic() + args.minutes * 60 if args.minutes else None
    started = time.monotonic()

    def test_one_input(data: bytes) -> None:
        if deadline is not None and time.monotonic() > deadline:
            seconds = time.monotonic() - started
            counts = ", ".join(f"{name} {count}" for name, count in sorted(_counts.items()))
            print(
                f"\n{sum(_counts.values())} inputs in {seconds:.0f} s, no failure ({counts})",
                flush=True,
            )
            if work is not None:
                shutil.rmtree(work, ignore_errors=True)
            # atheris.Fuzz() returns only by ending the process; end it here, tidied up.
            os._exit(0)
        text = make_text(data)
        try:
            check(text)
        except BaseException:
            print(f"failing text: {text!r}", file=sys.stderr, flush=True)
            raise

    atheris.Setup([sys.argv[0], *options, *folders], test_one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

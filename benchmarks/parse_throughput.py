"""Parse throughput of ``lawparse.parse`` against regular expressions doing the same work.

Usage::

    python benchmarks/parse_throughput.py [--quick] [--json [FILE]] [--compare BEFORE.json]
        [--corpus DIR] [--realtext DIR] [--seed N] [--repeats N]

Each corpus is timed with four jobs, in one process:

- ``lawparse``: ``lawparse.parse(text, errors="collect")``, reduced to the articles
  ``(number, text)`` and the events ``(kind, date)``;
- ``regex job``: a regular-expression job per language that does the same work: it splits
  the articles at their headings and reads their numbers, and returns every dated adoption,
  approval, promulgation, entry-into-force, amendment and revision phrase as ``(kind, date)``
  (see :func:`regex_job_en` and :func:`regex_job_zh`; a bilingual text runs both);
- ``regex line-start`` and ``regex +run-on``: the plain article splitters of earlier versions
  of this benchmark (articles only, English and Chinese headings in one pattern), unchanged so
  that their figures stay comparable.

The corpora: the real texts of ``tests/corpus`` by language (``.json`` "language" field: the
English, the Chinese and the bilingual ones; ``--corpus``), the real Chinese development set in
``../shared/realtext`` next to the repository when that folder exists (``--realtext``;
skipped silently when absent; language from its ``.json`` or, failing that, from counting CJK
against Latin letters), and two synthetic corpora, "generated en" and "generated zh", from
:func:`lawparse.testing.generate_corpus` with a fixed seed (``--seed``; about 20 MB each, or
2 MB with ``--quick``).

Throughput is in MB/s where 1 MB is 10**6 bytes of the UTF-8 encoded input. Every job runs once
as a warm-up (its results are kept for the checks below), then ``--repeats`` rounds follow in
which every job runs over every corpus in turn, so that a slow spell of the machine hits all
jobs alike; a corpus too small to take ``0.2 s`` is looped within a run. The table gives the
median over the rounds (the JSON also every round) and ``lawparse/this``, lawparse's MB/s
divided by the row's (the median of the per-round ratios, each from two runs moments apart):
the figure to compare between runs (``--compare`` a previous ``--json`` output), since a shared
machine's speed drifts by tens of per cent between runs and even between rounds.
The generator knows every article it wrote, so the warm-up doubles as a correctness pass: the
"articles recovered exactly" table counts how many of them each job gives back with the same
number and text, in all and by the layout they were written in (:func:`layout_name`).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    # Running the file directly puts benchmarks/ on sys.path, not the repository root; this
    # makes the source tree's lawparse importable without installing it.
    sys.path.insert(0, str(REPO))

import lawparse  # noqa: E402
from lawparse.numbers import parse_chinese  # noqa: E402
from lawparse.testing import GeneratedRegulation, Layout, generate_corpus  # noqa: E402

DEFAULT_CORPUS = REPO / "tests" / "corpus"
DEFAULT_REALTEXT = REPO.parent / "shared" / "realtext"
FULL_BYTES = 20_000_000  # of each generated corpus
QUICK_BYTES = 2_000_000
FULL_REPEATS = 7
QUICK_REPEATS = 3
MIN_SECONDS = 0.2
DEFAULT_SEED = 20230725

Articles = list[tuple[int, str]]
Events = list[tuple[str, datetime.date | None]]
# What every job returns for one text: its articles, its events (empty for the splitters),
# and whether lawparse reported an error diagnostic (always false for the regular expressions).
Work = tuple[Articles, Events, bool]

# --------------------------------------------------------------------------------------------
# Baseline: plain regular-expression article splitters
# --------------------------------------------------------------------------------------------

_CHINESE_DIGITS = "一二三四五六七八九十百千零〇两"
# "Article N" or "第N条" (the Chinese corpus is timed too); the number is group 1 or 2.
_HEADING = rf"(?:Article (\d+)\b|第([{_CHINESE_DIGITS}]+)条)[ \t\u3000]*"
LINE_ARTICLE = re.compile(r"(?m)^[ \t\u3000]*" + _HEADING)
# Also splits run-on text, on "Article N" right after a sentence end. It cannot tell a heading
# from a sentence that opens with a cross-reference; that blindness is what it stands for.
RUNON_ARTICLE = re.compile(r"(?m)(?:^[ \t\u3000]*|(?<=[.;:!?)。；])[ \t\u3000]+)" + _HEADING)


def split_articles(text: str, pattern: re.Pattern[str] = RUNON_ARTICLE) -> Articles:
    """Split ``text`` into ``(number, text)`` at every match of ``pattern``.

    The number is group 1 (Arabic digits) or group 2 (Chinese numerals). Whatever precedes the
    first match (title, adoption note) is dropped, and a chapter heading stays inside the text
    of the article before it.
    """
    matches = list(pattern.finditer(text))
    articles: Articles = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        number = match.group(1) or match.group(2)
        value = int(number) if number.isdigit() else parse_chinese(number) or 0
        articles.append((value, text[match.end() : end].strip()))
    return articles


def split_articles_by_line(text: str) -> Articles:
    """The line-start-only variant of :func:`split_articles`."""
    return split_articles(text, LINE_ARTICLE)


def splitter_run_on(text: str) -> Work:
    return split_articles(text), [], False


def splitter_line_start(text: str) -> Work:
    return split_articles_by_line(text), [], False


# --------------------------------------------------------------------------------------------
# Baseline: the regular-expression job (articles and their numbers, and dated events)
# --------------------------------------------------------------------------------------------
# Written to be fast as well as right, as someone would who needs only these answers: every
# pattern opens with a literal or a digit, so that the regular-expression engine skips ahead
# to candidates instead of trying an alternation at every character (on English, a single
# pattern of the form "verb, then a date within the sentence" ran at a tenth of this speed).

_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_MONTH = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS_RE = "|".join(_MONTH_NAMES)

# English articles: "Article N" at a line start or after a sentence end (checked in
# _english_headings, so that the engine can search for the literal).
EN_ARTICLE = re.compile(r"Article (\d+)\b[ \t]*")
# English dates, found by their year (1900 to 2099): "July 25, 2023", "25th July 2023",
# "2023-07-25".
EN_YEAR = re.compile(r"(?:19|20)\d\d\b")
EN_BEFORE_YEAR = re.compile(
    rf"(?:({_MONTHS_RE})\s+(\d{{1,2}}),?|(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS_RE}),?)\s+$"
)
EN_AFTER_YEAR = re.compile(r"-(\d{1,2})-(\d{1,2})\b")
# The verbs of a dated phrase, looked for between the date and the start of its sentence (or
# the previous date, or 240 characters back), so "adopted ... and promulgated ... on DATE"
# gives both. A sentence ends at ". ; ! ?" but not at the dot of "No. 26".
EN_VERB = re.compile(
    r"\b(?:adopted|passed|approved|promulgated|issued|released|effective|amended|revised"
    r"|(?:come|comes|came|go|goes|went|enter|enters|entered)\s+into\s+(?:force|effect)"
    r"|(?:take|takes|took)\s+effect)\b",
    re.IGNORECASE,
)
EN_SENTENCE_END = re.compile(r"[;!?]|(?<!No)\.(?!\d)")
_EN_KIND = {
    "adopted": "adopted",
    "passed": "adopted",
    "approved": "approved",
    "promulgated": "promulgated",
    "issued": "promulgated",
    "released": "promulgated",
    "amended": "amended",
    "revised": "revised",
}  # anything else ("effective", "come into force", "take effect", ...) is "effective"
_EN_REACH = 240

# Chinese articles: "第N条" at a line start, N in Chinese numerals or Arabic digits. The
# pattern opens with the newline (a literal, so the engine searches for it); ZH_FIRST_ARTICLE
# is the same heading at the very start of the text.
_ZH_HEADING = rf"[ \t\u3000]*第([{_CHINESE_DIGITS}]+|\d+)条[ \t\u3000]*"
ZH_ARTICLE = re.compile(r"\n" + _ZH_HEADING)
ZH_FIRST_ARTICLE = re.compile(_ZH_HEADING)
# A dated Chinese phrase: "YYYY年M月D日" (1900 to 2099), then within the same clause (no
# 。；，) and before the next date, a run of verbs: "…会议通过", "…令第363号公布",
# "…公布施行", and the entry-into-force form "自YYYY年M月D日起施行". Every verb of the run
# counts.
ZH_EVENT = re.compile(
    r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日"
    r"(?=(?:(?!\d{4}年)[^。；，;,\n]){0,160}?((?:通过|批准|公布|发布|施行|生效|修正|修订)+))"
)
_ZH_KIND = {
    "通过": "adopted",
    "批准": "approved",
    "公布": "promulgated",
    "发布": "promulgated",
    "施行": "effective",
    "生效": "effective",
    "修正": "amended",
    "修订": "revised",
}

Heading = tuple[int, int, int]  # start, end, article number


def _calendar_date(year: str, month: str | int, day: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:  # "February 30, 2023" is no date; lawparse rejects it too
        return None


def _english_headings(text: str) -> list[Heading]:
    headings: list[Heading] = []
    for match in EN_ARTICLE.finditer(text):
        start = before = match.start()
        while before and text[before - 1] in " \t":
            before -= 1
        if (
            before == 0
            or text[before - 1] == "\n"
            or (before < start and text[before - 1] in ".;:!?)")
        ):
            headings.append((start, match.end(), int(match.group(1))))
    return headings


def _chinese_headings(text: str) -> list[Heading]:
    headings: list[Heading] = []
    first = ZH_FIRST_ARTICLE.match(text)
    for match in ([first] if first else []) + list(ZH_ARTICLE.finditer(text)):
        number = match.group(1)
        value = int(number) if number.isdigit() else parse_chinese(number) or 0
        headings.append((match.start(), match.end(), value))
    return headings


def _articles(text: str, headings: list[Heading]) -> Articles:
    """Each heading's number and the text up to the next heading (or the end)."""
    ends = [start for start, _, _ in headings[1:]] + [len(text)] if headings else []
    return [
        (number, text[body:end].strip())
        for (_, body, number), end in zip(headings, ends, strict=True)
    ]


def events_en(text: str) -> Events:
    events: Events = []
    previous = 0  # the end of the previous date: a verb belongs to the first date after it
    for year in EN_YEAR.finditer(text):
        start, end = year.span()
        if start and text[start - 1].isdigit():
            continue
        after = EN_AFTER_YEAR.match(text, end)
        if after:
            date = _calendar_date(year.group(), after.group(1), after.group(2))
            date_end = after.end()
        else:
            before = EN_BEFORE_YEAR.search(text, max(0, start - 24), start)
            if not before:
                continue
            month, day = before.group(1, 2) if before.group(1) else before.group(4, 3)
            date = _calendar_date(year.group(), _MONTH[month], day)
            start, date_end = before.start(), end
        if date is None:
            continue
        reach = max(previous, start - _EN_REACH)
        for stop in EN_SENTENCE_END.finditer(text, reach, start):
            reach = stop.end()
        for verb in EN_VERB.finditer(text, reach, start):
            word = verb.group().split(None, 1)[0].lower()
            events.append((_EN_KIND.get(word, "effective"), date))
        previous = date_end
    return events


def events_zh(text: str) -> Events:
    events: Events = []
    for match in ZH_EVENT.finditer(text):
        date = _calendar_date(match.group(1), match.group(2), match.group(3))
        if date is None:
            continue
        verbs = match.group(4)
        for start in range(0, len(verbs), 2):
            events.append((_ZH_KIND[verbs[start : start + 2]], date))
    return events


def regex_job_en(text: str) -> Work:
    """English: articles at "Article N" headings, and dated events."""
    return _articles(text, _english_headings(text)), events_en(text), False


def regex_job_zh(text: str) -> Work:
    """Chinese: articles at "第N条" headings opening a line, and dated events."""
    return _articles(text, _chinese_headings(text)), events_zh(text), False


def regex_job_bilingual(text: str) -> Work:
    """A bilingual text: the headings of both languages, and the events of both."""
    headings = sorted(_english_headings(text) + _chinese_headings(text))
    return _articles(text, headings), events_en(text) + events_zh(text), False


REGEX_JOBS: dict[str, Callable[[str], Work]] = {
    "en": regex_job_en,
    "zh": regex_job_zh,
    "zh+en": regex_job_bilingual,
}


def lawparse_job(text: str) -> Work:
    """``lawparse.parse`` reduced to the same shape as the regex job."""
    reg = lawparse.parse(text, errors="collect")
    return (
        [(article.number, article.text) for article in reg.articles],
        [(event.kind.value, event.date) for event in reg.events],
        any(diagnostic.severity == "error" for diagnostic in reg.diagnostics),
    )


# --------------------------------------------------------------------------------------------
# Generated corpora (lawparse.testing)
# --------------------------------------------------------------------------------------------

GENERATED_LANGUAGES = ("en", "zh")
# UTF-8 bytes per character of the texts, near enough: a generated Chinese corpus of a third
# of the characters is about as many megabytes as the English one.
_BYTES_PER_CHAR = {"en": 1, "zh": 3}


def layout_name(layout: Layout) -> str:
    """A short name for the layout a regulation was written in: "run-on", or the heading
    style ("inline", "alone", "caption", "mixed"), then "+crlf" and "+blank" (blank lines
    between paragraphs) when they apply."""
    if layout.run_on:
        return "run-on"
    return layout.head + ("+crlf" if layout.crlf else "") + ("+blank" if layout.blank_lines else "")


def generate_regulations(seed: int, target_bytes: int, language: str) -> list[GeneratedRegulation]:
    """:func:`lawparse.testing.generate_corpus` in one language, of about ``target_bytes``
    bytes of UTF-8: the same seed and size always give the same corpus."""
    return generate_corpus(seed, target_bytes // _BYTES_PER_CHAR[language], languages=(language,))


# --------------------------------------------------------------------------------------------
# Real corpora
# --------------------------------------------------------------------------------------------

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def text_language(text: str, declared: str | None = None) -> str:
    """``"en"``, ``"zh"`` or ``"zh+en"`` (bilingual): the declared language when it is one of
    those (a declaration naming both, such as "zh+en (bilingual)", is bilingual), otherwise
    by counting CJK characters against Latin letters, three letters weighing one character."""
    if declared in ("en", "zh"):
        return declared
    if declared and "zh" in declared and "en" in declared:
        return "zh+en"
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text)) / 3
    share = cjk / (cjk + latin) if cjk + latin else 0.0
    return "zh" if share > 0.8 else "en" if share < 0.2 else "zh+en"


def load_texts(directory: Path) -> list[tuple[str, str, str]]:
    """``(id, language, text)`` of every ``.txt`` in ``directory`` with a ``.json`` beside it
    (which leaves out lists such as a MANIFEST.txt); none when the folder does not exist."""
    documents: list[tuple[str, str, str]] = []
    if not directory.is_dir():
        return documents
    for text_path in sorted(directory.glob("*.txt")):
        facts_path = text_path.with_suffix(".json")
        if not facts_path.is_file():
            continue
        declared = json.loads(facts_path.read_text(encoding="utf-8")).get("language")
        text = text_path.read_text(encoding="utf-8")
        documents.append((text_path.stem, text_language(text, declared), text))
    return documents


def load_english_corpus(directory: Path, language: str = "en") -> list[tuple[str, str]]:
    """``(id, text)`` of every text in ``directory`` in ``language`` (see :func:`load_texts`)."""
    return [(id_, text) for id_, lang, text in load_texts(directory) if lang == language]


@dataclass
class Corpus:
    name: str
    language: str
    texts: list[str]
    regulations: list[GeneratedRegulation] | None = None  # the generated corpora only

    @property
    def megabytes(self) -> float:
        return sum(len(text.encode("utf-8")) for text in self.texts) / 1e6


def build_corpora(
    corpus_dir: Path, realtext_dir: Path, seed: int, target_bytes: int
) -> list[Corpus]:
    corpora: list[Corpus] = []
    for prefix, directory in (("corpus", corpus_dir), ("realtext", realtext_dir)):
        documents = load_texts(directory)
        for language in ("en", "zh", "zh+en"):
            texts = [text for _, lang, text in documents if lang == language]
            if texts:
                corpora.append(Corpus(f"{prefix} {language}", language, texts))
    for language in GENERATED_LANGUAGES:
        regulations = generate_regulations(seed, target_bytes, language)
        texts = [r.text for r in regulations]
        corpora.append(Corpus(f"generated {language}", language, texts, regulations))
    return corpora


# --------------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------------

LAWPARSE = "lawparse"
REGEX_JOB = "regex job"
SPLITTERS: dict[str, Callable[[str], Work]] = {
    "regex line-start": splitter_line_start,
    "regex +run-on": splitter_run_on,
}


@dataclass
class Timing:
    corpus: str
    job: str
    texts: int
    megabytes: float
    loops: int = 1
    seconds: list[float] = field(default_factory=list)  # one run over the corpus, per round
    articles: int = 0
    events: int = 0  # with a date
    errors: int = 0  # texts with an error diagnostic (lawparse only)
    same_articles: float | None = None  # share of lawparse's (number, text) found alike
    same_events: float | None = None  # share of lawparse's dated (kind, date) found alike
    ratio: float | None = None  # lawparse MB/s / this MB/s: the median of per-round ratios

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.seconds)

    @property
    def best_seconds(self) -> float:
        return min(self.seconds)

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.median_seconds

    @property
    def best_mb_per_s(self) -> float:
        return self.megabytes / self.best_seconds


def _run_all(function: Callable[[str], Work], texts: Sequence[str]) -> list[Work]:
    return [function(text) for text in texts]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _shared(mine: Counter[Any], theirs: Counter[Any]) -> float | None:
    total = sum(theirs.values())
    return sum((mine & theirs).values()) / total if total else None


def _agreement(timing: Timing, outcomes: list[Work], reference: list[Work]) -> None:
    """How much of lawparse's result (``reference``) the job found, text by text."""
    mine_articles: Counter[Any] = Counter()
    lawparse_found: Counter[Any] = Counter()
    mine_events: Counter[Any] = Counter()
    lawparse_events: Counter[Any] = Counter()
    for index, (outcome, expected) in enumerate(zip(outcomes, reference, strict=True)):
        mine_articles.update((index, n, _collapse(text)) for n, text in outcome[0])
        lawparse_found.update((index, n, _collapse(text)) for n, text in expected[0])
        mine_events.update((index, kind, date) for kind, date in outcome[1] if date)
        lawparse_events.update((index, kind, date) for kind, date in expected[1] if date)
    timing.same_articles = _shared(mine_articles, lawparse_found)
    timing.same_events = _shared(mine_events, lawparse_events)


def _jobs(corpus: Corpus) -> dict[str, Callable[[str], Work]]:
    return {LAWPARSE: lawparse_job, REGEX_JOB: REGEX_JOBS[corpus.language], **SPLITTERS}


def run_benchmark(
    corpora: Sequence[Corpus], repeats: int, min_seconds: float = MIN_SECONDS
) -> tuple[list[Timing], list[Recovery]]:
    """Warm every job up on every corpus (checking its results), then time ``repeats`` rounds.

    A round runs every job over every corpus, in reverse order every other round. A corpus
    that one job gets through in under ``min_seconds`` is looped within each of its runs;
    otherwise timer noise and scheduling hiccups dominate a run of a few milliseconds.
    """
    plan: list[tuple[Timing, Callable[[str], Work], list[str]]] = []
    recoveries: list[Recovery] = []
    # The first parse loads lawparse's modules and grammars; that is no part of a warm-up run.
    lawparse_job("Article 1 These Provisions apply.\n")
    lawparse_job("第一条 本规定自2020年1月1日起施行。\n")
    for corpus in corpora:
        reference: list[Work] = []
        for job, function in _jobs(corpus).items():
            timing = Timing(corpus.name, job, len(corpus.texts), corpus.megabytes)
            start = time.perf_counter()
            outcomes = _run_all(function, corpus.texts)
            warm = time.perf_counter() - start
            timing.loops = int(min_seconds / warm) + 1 if warm < min_seconds else 1
            timing.articles = sum(len(outcome[0]) for outcome in outcomes)
            timing.events = sum(1 for outcome in outcomes for _, date in outcome[1] if date)
            timing.errors = sum(outcome[2] for outcome in outcomes)
            if job == LAWPARSE:
                reference = outcomes
            else:
                _agreement(timing, outcomes, reference)
            if corpus.regulations is not None:
                recoveries.append(check_recovery(job, corpus.regulations, outcomes, corpus.name))
            plan.append((timing, function, corpus.texts))
            del outcomes
        del reference
    for round_ in range(repeats):
        for timing, function, texts in plan if round_ % 2 == 0 else reversed(plan):
            # Garbage left by the previous run would otherwise be collected inside this one.
            gc.collect()
            start = time.perf_counter()
            for _ in range(timing.loops):
                _run_all(function, texts)
            timing.seconds.append((time.perf_counter() - start) / timing.loops)
    timings = [timing for timing, _, _ in plan]
    lawparse_runs = {t.corpus: t.seconds for t in timings if t.job == LAWPARSE}
    for timing in timings:
        if timing.job != LAWPARSE:
            # Per round, the two runs were moments apart: their ratio is steadier than the
            # ratio of the two medians when the machine's speed drifts.
            rounds = zip(timing.seconds, lawparse_runs[timing.corpus], strict=True)
            timing.ratio = statistics.median(mine / theirs for mine, theirs in rounds)
    return timings, recoveries


# --------------------------------------------------------------------------------------------
# Recovery of the generated articles
# --------------------------------------------------------------------------------------------


@dataclass
class Recovery:
    parser: str
    corpus: str = ""
    expected: int = 0
    found: int = 0
    exact: int = 0
    errors: int = 0
    by_layout: dict[str, list[int]] = field(default_factory=dict)  # layout -> [exact, expected]
    examples: list[dict[str, Any]] = field(default_factory=list)


def _miss(layout: str, article: tuple[int, str], found: Articles) -> dict[str, Any]:
    """The expected and found text of a missed article, from just before they differ."""
    number, expected = article
    got = next((_collapse(text) for n, text in found if n == number), "")
    differ = next(
        (i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b),
        min(len(expected), len(got)),
    )
    start = max(0, differ - 60)
    return {
        "layout": layout,
        "number": number,
        "from_char": start,
        "expected": expected[start : start + 140],
        "got": got[start : start + 140] if got else None,
    }


def check_recovery(
    parser: str,
    regulations: Sequence[GeneratedRegulation],
    outcomes: Sequence[Work],
    corpus: str = "",
    max_examples: int = 3,
) -> Recovery:
    """Count the generated articles found with the same number and whitespace-collapsed text,
    in all and by layout (:func:`layout_name`)."""
    recovery = Recovery(parser, corpus)
    for regulation, (found, _, failed) in zip(regulations, outcomes, strict=True):
        layout = layout_name(regulation.layout)
        expected = regulation.expected_articles
        if failed:
            recovery.errors += 1
            if len(recovery.examples) < max_examples:
                recovery.examples.append({"layout": layout, "error": True})
        got = Counter((number, _collapse(text)) for number, text in found)
        exact = 0
        for article in expected:
            if got[article] > 0:
                got[article] -= 1
                exact += 1
            elif len(recovery.examples) < max_examples:
                recovery.examples.append(_miss(layout, article, found))
        counts = recovery.by_layout.setdefault(layout, [0, 0])
        counts[0] += exact
        counts[1] += len(expected)
        recovery.expected += len(expected)
        recovery.found += len(found)
        recovery.exact += exact
    return recovery


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def english_over_chinese(timings: Sequence[Timing]) -> dict[str, float]:
    """lawparse's English MB/s divided by its Chinese MB/s, for each pair of corpora: the
    median over the rounds of that round's ratio."""
    runs = {t.corpus: t for t in timings if t.job == LAWPARSE}
    english = [name for name in runs if name.endswith(" en")]
    chinese = [name for name in runs if name.endswith(" zh")]

    def ratio(en: Timing, zh: Timing) -> float:
        rounds = zip(en.seconds, zh.seconds, strict=True)
        return statistics.median(en.megabytes / a / (zh.megabytes / b) for a, b in rounds)

    return {f"{en} / {zh}": ratio(runs[en], runs[zh]) for en in english for zh in chinese}


def _markdown(rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            rules = [
                "-" * (widths[i] - 1) + ":" if i in right else "-" * widths[i]
                for i in range(len(row))
            ]
            lines.append("| " + " | ".join(rules) + " |")
    return "\n".join(lines)


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{100 * share:.1f} %"


def render_text(timings: list[Timing], recoveries: list[Recovery], meta: dict[str, Any]) -> str:
    generated = " + ".join(
        f"{facts['texts']} {name.removeprefix('generated ')}"
        for name, facts in meta["corpora"].items()
        if name.startswith("generated ")
    )
    header = [
        f"lawparse {meta['lawparse']}, Python {meta['python']}, {meta['cpus']} CPUs, seed "
        f"{meta['seed']}; median of {meta['repeats']} interleaved rounds after 1 warm-up; "
        "MB = 10^6 bytes of UTF-8 input",
        f"corpora: {meta['corpus_dir']}, {meta['realtext_dir']}"
        f"{'' if meta['realtext_texts'] else ' (absent)'}, generated "
        f"by lawparse.testing ({generated} regulations); lawparse/this = lawparse MB/s / row "
        "MB/s (median of per-round ratios); alike = share of lawparse's articles (number, "
        "text) and dated events (kind, date) the row also found",
        "",
    ]
    rows = [
        [
            "corpus",
            "job",
            "texts",
            "MB",
            "loops",
            "MB/s",
            "best MB/s",
            "lawparse/this",
            "articles",
            "dated events",
            "articles alike",
            "events alike",
        ]
    ]
    for t in timings:
        rows.append(
            [
                t.corpus,
                t.job,
                str(t.texts),
                f"{t.megabytes:.3f}",
                str(t.loops),
                f"{t.mb_per_s:.2f}",
                f"{t.best_mb_per_s:.2f}",
                "-" if t.ratio is None else f"{t.ratio:.4f}",
                str(t.articles),
                "-" if t.job in SPLITTERS else str(t.events),
                "-" if t.job == LAWPARSE else _percent(t.same_articles),
                "-" if t.job != REGEX_JOB else _percent(t.same_events),
            ]
        )
    summary = [["corpus", "lawparse MB/s", "regex job MB/s", "lawparse/regex job"]]
    jobs = {(t.corpus, t.job): t for t in timings}
    for t in timings:
        if t.job == REGEX_JOB:
            summary.append(
                [
                    t.corpus,
                    f"{jobs[t.corpus, LAWPARSE].mb_per_s:.2f}",
                    f"{t.mb_per_s:.2f}",
                    f"{t.ratio:.4f}",
                ]
            )
    per_byte = [["lawparse English MB/s / Chinese MB/s", "ratio"]]
    per_byte += [[pair, f"{value:.3f}"] for pair, value in english_over_chinese(timings).items()]
    layouts = sorted({layout for r in recoveries for layout in r.by_layout})
    recovery_rows = [
        ["generated", "job", "expected", "found", "exact", "exact %", "errors", *layouts]
    ]
    for r in recoveries:
        per_layout = [
            f"{r.by_layout[layout][0]}/{r.by_layout[layout][1]}" if layout in r.by_layout else "-"
            for layout in layouts
        ]
        share = 100 * r.exact / r.expected if r.expected else 0.0
        recovery_rows.append(
            [
                r.corpus,
                r.parser,
                str(r.expected),
                str(r.found),
                str(r.exact),
                f"{share:.2f}",
                str(r.errors),
                *per_layout,
            ]
        )
    notes = [
        f"lawparse reported errors on {t.errors} {t.corpus} text(s)"
        for t in timings
        if t.job == LAWPARSE and t.errors
    ]
    for r in recoveries:
        if r.parser != LAWPARSE:
            continue  # only lawparse's misses: the baselines' are expected and would drown them
        for example in r.examples:
            notes.append(f"{r.parser} miss ({r.corpus}): {json.dumps(example, ensure_ascii=False)}")
    return "\n".join(
        [
            *header,
            _markdown(rows, {2, 3, 4, 5, 6, 7, 8, 9, 10, 11}),
            "",
            _markdown(summary, {1, 2, 3}),
            "",
            _markdown(per_byte, {1}),
            "",
            "Articles recovered exactly (generated corpora), in all and by layout (heading "
            "style or run-on, +crlf: CRLF line ends, +blank: blank lines between paragraphs; "
            'Chinese has no captions, so its "caption" headings are written alone):',
            "",
            _markdown(recovery_rows, set(range(2, len(recovery_rows[0])))),
            *notes,
        ]
    )


def payload(timings: list[Timing], recoveries: list[Recovery], meta: dict[str, Any]) -> Any:
    return {
        "meta": meta,
        "timings": [
            {
                "corpus": t.corpus,
                "job": t.job,
                "texts": t.texts,
                "megabytes": t.megabytes,
                "loops": t.loops,
                "seconds": t.seconds,
                "median_seconds": t.median_seconds,
                "best_seconds": t.best_seconds,
                "mb_per_s": t.mb_per_s,
                "best_mb_per_s": t.best_mb_per_s,
                "lawparse_over_this": t.ratio,
                "articles": t.articles,
                "dated_events": t.events,
                "errors": t.errors,
                "articles_alike": t.same_articles,
                "events_alike": t.same_events,
            }
            for t in timings
        ],
        "lawparse_over_regex_job": {t.corpus: t.ratio for t in timings if t.job == REGEX_JOB},
        "english_over_chinese": english_over_chinese(timings),
        "recovery": [
            {
                "corpus": r.corpus,
                "parser": r.parser,
                "expected": r.expected,
                "found": r.found,
                "exact": r.exact,
                "errors": r.errors,
                "by_layout": {k: {"exact": v[0], "expected": v[1]} for k, v in r.by_layout.items()},
                "examples": r.examples,
            }
            for r in recoveries
        ],
    }


def render_comparison(before: Any, now: Any) -> str:
    """lawparse/this and the English/Chinese ratios of an earlier ``--json`` run against now."""
    old = {(t["corpus"], t["job"]): t for t in before["timings"]}
    rows = [["corpus", "job", "lawparse/this before", "now", "now / before"]]
    for t in now["timings"]:
        previous = old.get((t["corpus"], t["job"]))
        if t["lawparse_over_this"] is None or not previous:
            continue
        ratio, earlier = t["lawparse_over_this"], previous["lawparse_over_this"]
        rows.append(
            [t["corpus"], t["job"], f"{earlier:.4f}", f"{ratio:.4f}", f"{ratio / earlier:.2f}x"]
        )
    for pair, value in now["english_over_chinese"].items():
        earlier = before.get("english_over_chinese", {}).get(pair)
        if earlier:
            rows.append(
                [
                    pair,
                    "en/zh per byte",
                    f"{earlier:.3f}",
                    f"{value:.3f}",
                    f"{value / earlier:.2f}x",
                ]
            )
    return _markdown(rows, {2, 3, 4})


def _where(directory: Path) -> str:
    """``directory`` relative to the repository when it can be, for reports that get shared."""
    where = directory.resolve()
    if where.is_relative_to(REPO):
        return where.relative_to(REPO).as_posix()
    if where.is_relative_to(REPO.parent):
        return "../" + where.relative_to(REPO.parent).as_posix()
    return where.name


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"generate ~2 MB instead of ~20 MB; {QUICK_REPEATS} rounds instead of {FULL_REPEATS}",
    )
    parser.add_argument(
        "--json",
        nargs="?",
        const="-",
        metavar="FILE",
        help="write the figures as JSON to FILE, or alone to stdout when no FILE is given",
    )
    parser.add_argument("--compare", type=Path, metavar="BEFORE", help="an earlier --json file")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="real corpus dir")
    parser.add_argument(
        "--realtext", type=Path, default=DEFAULT_REALTEXT, help="more real texts, if present"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--repeats", type=int, help="timed rounds")
    args = parser.parse_args(argv)
    repeats = args.repeats or (QUICK_REPEATS if args.quick else FULL_REPEATS)

    target = QUICK_BYTES if args.quick else FULL_BYTES
    corpora = build_corpora(args.corpus, args.realtext, args.seed, target)
    timings, recoveries = run_benchmark(corpora, repeats)

    generated = [c for c in corpora if c.regulations is not None]
    meta = {
        "lawparse": lawparse.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "seed": args.seed,
        "quick": args.quick,
        "repeats": repeats,
        "min_seconds": MIN_SECONDS,
        "target_bytes": target,
        "corpus_dir": _where(args.corpus),
        "realtext_dir": _where(args.realtext),
        "realtext_texts": sum(len(c.texts) for c in corpora if c.name.startswith("realtext")),
        "corpora": {c.name: {"texts": len(c.texts), "megabytes": c.megabytes} for c in corpora},
        "generated_regulations": sum(len(c.texts) for c in generated),
        "unit": "MB = 1e6 bytes of UTF-8 encoded input; MB/s on the median round",
    }
    figures = payload(timings, recoveries, meta)
    if args.json == "-":
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        if args.json:
            Path(args.json).write_text(
                json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        print(render_text(timings, recoveries, meta))
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        comparison = render_comparison(before, figures)
        print(
            ("\n" if args.json != "-" else "") + comparison,
            file=sys.stderr if args.json == "-" else sys.stdout,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

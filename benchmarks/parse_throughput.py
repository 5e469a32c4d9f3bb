"""Parse throughput of ``lawparse.parse`` against a plain regular-expression article splitter.

Usage::

    python benchmarks/parse_throughput.py [--quick] [--json] [--corpus DIR] [--seed N]

Two inputs are timed: the English texts of the real corpus (``tests/corpus/*.txt`` whose
``.json`` says ``"language": "en"``) and a synthetic English corpus generated here from a fixed
seed (about 20 MB, or 2 MB with ``--quick``). Throughput is in MB/s where 1 MB is 10**6 bytes of
the UTF-8 encoded input. Every timing is the best of ``--repeats`` runs after one warm-up run,
all in this process with ``time.perf_counter``. The warm-up run of ``lawparse.parse`` over the
generated corpus doubles as a correctness pass: the generator knows every article it wrote, so
the script counts how many of them lawparse gives back with the same number and text.

``generate_corpus`` is importable so that tests can use the same generator.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import re
import sys
import textwrap
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
from lawparse.numbers import parse_chinese, to_roman  # noqa: E402

DEFAULT_CORPUS = REPO / "tests" / "corpus"
FULL_CHARS = 20_000_000
QUICK_CHARS = 2_000_000
DEFAULT_SEED = 20230725
LAYOUTS = ("line", "alone", "paragraph", "wrapped", "runon")

Articles = list[tuple[int, str]]

# --------------------------------------------------------------------------------------------
# Baseline: a plain regular-expression article splitter
# --------------------------------------------------------------------------------------------

# "Article N" or "第N条" (the Chinese corpus is timed too); the number is group 1 or 2.
_HEADING = r"(?:Article (\d+)\b|第([一二三四五六七八九十百千零〇两]+)条)[ \t\u3000]*"
LINE_ARTICLE = re.compile(r"(?m)^[ \t\u3000]*" + _HEADING)
# Also splits run-on text, on "Article N" right after a sentence end. It cannot tell a heading
# from a sentence that opens with a cross-reference; that blindness is what it stands for.
RUNON_ARTICLE = re.compile(r"(?m)(?:^[ \t\u3000]*|(?<=[.;:!?)。；])[ \t\u3000]+)" + _HEADING)


def split_articles(text: str, pattern: re.Pattern[str] = RUNON_ARTICLE) -> Articles:
    """Split ``text`` into ``(number, text)`` at every match of ``pattern``.

    Whatever precedes the first match (title, adoption note) is dropped, and a chapter heading
    stays inside the text of the article before it.
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


def lawparse_articles(text: str) -> Articles:
    """``lawparse.parse`` reduced to the same ``(number, text)`` shape as the baseline."""
    return [(article.number, article.text) for article in lawparse.parse(text).articles]


# --------------------------------------------------------------------------------------------
# Synthetic corpus
# --------------------------------------------------------------------------------------------

_CITIES = ("Shanghai", "Shanghai", "Shanghai", "Beijing", "Tianjin", "Chongqing")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_TOPICS = (
    "the Prevention and Control of Air Pollution",
    "Promoting Scientific and Technological Progress",
    "the Management of Domestic Waste",
    "the Protection of Historic Cultural Areas and Excellent Historic Buildings",
    "the Protection of Drinking Water Sources",
    "Elderly Care Services",
    "Promoting the Digital Economy",
    "Fire Protection",
    "Road Traffic Safety",
    "Food Safety",
    "the Protection of Consumer Rights and Interests",
    "Optimizing the Business Environment",
    "Urban Greening",
    "Flood Control",
    "the Protection of Minors",
    "Volunteer Services",
    "the Administration of Rail Transit",
    "Promoting Culture and Tourism",
    "the Administration of Parking Lots",
    "Promoting the Development of Small and Medium-sized Enterprises",
    "Data",
    "the Prevention of Occupational Diseases",
)
_KINDS = ("Regulations", "Provisions", "Measures")
_CHAPTER_TITLES = (
    "Planning and Construction",
    "Prevention and Control",
    "Supervision and Administration",
    "Service and Guarantee",
    "Promotion Measures",
    "Emergency Response",
    "Public Participation",
    "Safety Management",
    "Rights and Obligations",
    "Risk Prevention",
)
_SUBJECTS = (
    "The municipal people's government",
    "The district people's governments",
    "The municipal department of ecology and environment",
    "The municipal department of housing and urban-rural development",
    "The competent municipal department of market regulation",
    "Township people's governments and sub-district offices",
    "Relevant units and individuals",
    "Enterprises, public institutions and other producers and operators",
    "Industry associations",
    "The departments of development and reform, finance, planning and natural resources",
    "Residents' committees and villagers' committees",
)
_DUTIES = (
    "shall strengthen the leadership over the work of {topic}",
    "shall establish and improve a coordination mechanism and study and resolve major issues",
    "shall, in accordance with their respective duties, do a good job in the relevant work",
    "shall organize the formulation of special plans and submit them for approval",
    "shall encourage and support social forces to participate in the relevant activities",
    "shall incorporate the relevant funds into the budget at the same level",
    "shall strengthen publicity and education and raise the awareness of the whole society",
    "shall establish an information sharing platform and promote the sharing of data",
    "shall carry out supervision and inspection on a regular basis",
    "shall disclose the relevant information to the public in a timely manner",
    "may entrust qualified professional institutions to carry out assessments",
    "shall establish a credit record and impose joint disciplinary measures",
)
_ITEMS = (
    "formulating development plans and annual work plans",
    "organizing the implementation of relevant standards and technical specifications",
    "investigating and punishing illegal acts",
    "establishing a monitoring and early warning system",
    "providing guidance and training for practitioners",
    "handling complaints and reports from the public",
    "carrying out statistical analysis and publishing relevant information",
    "coordinating the settlement of major issues across districts",
    "other duties as prescribed by laws, regulations and rules",
    "keeping records of inspections for not less than three years",
    "setting up conspicuous signs at the entrance",
    "formulating an emergency plan and organizing drills",
)
_ACTS = (
    "fails to set up the required facilities",
    "refuses or obstructs supervision and inspection",
    "fails to keep the relevant records as required",
    "discloses personal information without authorization",
    "fails to formulate an emergency plan",
    "provides false materials",
)
_LAWS = (
    "Law of the People's Republic of China on the Prevention and Control of Atmospheric Pollution",
    "Administrative Licensing Law of the People's Republic of China",
    "Administrative Penalty Law of the People's Republic of China",
    "Law of the People's Republic of China on the Protection of Minors",
    "Food Safety Law of the People's Republic of China",
)
_FINES = ((500, 5_000), (1_000, 10_000), (2_000, 20_000), (10_000, 100_000), (50_000, 500_000))


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _date(rng: random.Random) -> str:
    # Day 28 at most keeps every generated date valid; lawparse rejects impossible dates.
    return f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(2010, 2024)}"


@dataclass
class GeneratedRegulation:
    """One synthetic regulation: its text, the layout used, and the articles it contains.

    ``articles`` holds ``(number, text)`` with the text whitespace-collapsed, because layouts
    differ only in whitespace and the comparison should not.
    """

    text: str
    layout: str
    articles: Articles = field(default_factory=list)


class _Writer:
    """Builds the sentences of one regulation; knows its kind and size for cross-references."""

    def __init__(self, rng: random.Random, kind: str, topic: str, count: int) -> None:
        self.rng = rng
        self.these = f"these {kind}"
        self.topic = topic
        self.count = count

    def other(self, current: int) -> int:
        # References to the next article are the hard case for a heading detector, so they
        # are over-represented next to uniformly chosen ones.
        if self.rng.random() < 0.25 and current < self.count:
            return current + 1
        return self.rng.randint(1, self.count)

    def reference(self, current: int) -> str:
        rng = self.rng
        n = min(self.other(current), self.count - 1)
        m = min(self.count, n + rng.randint(1, 3))
        choice = rng.randrange(8)
        if choice == 0:
            return f"in accordance with Article {n} of {self.these}"
        if choice == 1:
            return f"as provided in Articles {n} and {m} of {self.these}"
        if choice == 2:
            return (
                f"in accordance with Paragraph {rng.randint(1, 3)} of Article {n} of {self.these}"
            )
        if choice == 3:
            return f"under Item ({rng.randint(1, 6)}) of Paragraph 1 of Article {n}"
        if choice == 4:
            return f"as prescribed in Article {n}"
        if choice == 5:
            return f"in accordance with Articles {n} to {m} of {self.these}"
        if choice == 6:
            return f"as stipulated in Article {rng.randint(1, 120)} of the {rng.choice(_LAWS)}"
        return f"except as otherwise provided in Article {n}"

    def duty(self) -> str:
        return self.rng.choice(_DUTIES).format(topic=self.topic.removeprefix("the ").lower())

    def sentence(self, current: int) -> str:
        rng = self.rng
        subject = rng.choice(_SUBJECTS)
        shape = rng.randrange(6)
        if shape == 0:
            return f"{subject} {self.duty()}."
        if shape == 1:
            return f"{subject} {self.duty()} {self.reference(current)}."
        if shape == 2:
            modal, rest = self.duty().split(" ", 1)
            return f"{subject} {modal}, {self.reference(current)}, {rest}."
        if shape == 3:
            low, high = rng.choice(_FINES)
            return (
                f"Where anyone, in violation of the provisions of Article {self.other(current)} "
                f"of {self.these}, {rng.choice(_ACTS)}, the competent department shall order "
                f"correction and may impose a fine of not less than {low:,} yuan but not more "
                f"than {high:,} yuan."
            )
        if shape == 4:
            return (
                f"The provisions of Paragraph {rng.randint(1, 3)} of Article {self.other(current)} "
                f"of {self.these} shall apply to the matters mentioned in the preceding paragraph."
            )
        return f"Other matters shall be handled {self.reference(current)}."

    def paragraphs(self, current: int) -> list[list[str]]:
        """The article's paragraphs, each a list of lines: a sentence run, then its items."""
        rng = self.rng
        paragraphs: list[list[str]] = []
        for _ in range(rng.choices((1, 2, 3, 4), (3, 4, 2, 1))[0]):
            sentences = [self.sentence(current) for _ in range(rng.randint(1, 3))]
            lines = [" ".join(sentences)]
            if rng.random() < 0.3:
                lines[0] = lines[0][:-1] + "; the specific duties include the following:"
                items = rng.sample(_ITEMS, rng.randint(2, 6))
                for number, item in enumerate(items, 1):
                    end = "." if number == len(items) else ";"
                    lines.append(f"({number}) {item}{end}")
            paragraphs.append(lines)
        return paragraphs


def _first_paragraphs(kind: str, topic: str, rng: random.Random) -> list[list[str]]:
    return [
        [
            f"These {kind} are formulated in accordance with the {rng.choice(_LAWS)} and other "
            f"relevant laws and administrative regulations, and in light of the actual "
            f"circumstances of this Municipality, for the purposes of {topic.lower()}."
        ]
    ]


def _layout_text(layout: str, head: list[str], body: list[tuple[str, int, list[list[str]]]]) -> str:
    """Render the regulation; ``body`` holds ("chapter", 0, [[heading]]) and articles."""
    if layout == "runon":
        parts = list(head)
        for kind, number, paragraphs in body:
            label = [f"Article {number}"] if kind == "article" else []
            parts.append(" ".join(label + [line for lines in paragraphs for line in lines]))
        return " ".join(parts) + "\n"
    out = list(head)
    for kind, number, paragraphs in body:
        if kind == "chapter":
            out.append(paragraphs[0][0])
            continue
        lines = [line for paragraph in paragraphs for line in paragraph]
        if layout == "line":
            out.append(f"Article {number} " + " ".join(lines))
        elif layout == "alone":
            out.append(f"Article {number}")
            out.extend(lines)
        else:
            lines[0] = f"Article {number} {lines[0]}"
            if layout == "wrapped":
                for line in lines:
                    out.extend(
                        textwrap.wrap(line, 78, break_long_words=False, break_on_hyphens=False)
                    )
            else:
                out.extend(lines)
    separator = "\n\n" if layout == "paragraph" else "\n"
    return separator.join(out) + "\n"


def _regulation(rng: random.Random) -> GeneratedRegulation:
    city = rng.choice(_CITIES)
    kind = rng.choice(_KINDS)
    topic = rng.choice(_TOPICS)
    title = f"{kind} of {city} Municipality on {topic}"
    note = (
        f"(Adopted at the {_ordinal(rng.randint(1, 40))} Session of the Standing Committee of "
        f"the {_ordinal(rng.randint(12, 16))} {city} Municipal People's Congress on {_date(rng)})"
    )
    count = rng.randint(6, 60)
    writer = _Writer(rng, kind, topic, count)
    chapters = 1 if count < 12 else rng.randint(3, min(9, count // 4))
    chapter_titles = [
        "General Provisions",
        *rng.sample(_CHAPTER_TITLES, chapters - 3 if chapters > 3 else 0),
        "Legal Liability",
        "Supplementary Provisions",
    ][:chapters]
    # Even chapters with some jitter, so that no chapter is left with a single article.
    size = count // chapters
    chapter_starts = {
        1 + index * size + (rng.randint(0, size // 3) if index else 0): index + 1
        for index in range(chapters)
    }

    body: list[tuple[str, int, list[list[str]]]] = []
    expected: Articles = []
    for number in range(1, count + 1):
        if chapters > 1 and number in chapter_starts:
            index = chapter_starts[number]
            heading = f"Chapter {to_roman(index)} {chapter_titles[index - 1]}"
            body.append(("chapter", 0, [[heading]]))
        if number == 1:
            paragraphs = _first_paragraphs(kind, topic, rng)
        elif number == count:
            paragraphs = [[f"These {kind} shall take effect on {_date(rng)}."]]
        else:
            paragraphs = writer.paragraphs(number)
        body.append(("article", number, paragraphs))
        words = " ".join(line for paragraph in paragraphs for line in paragraph).split()
        expected.append((number, " ".join(words)))
    layout = rng.choice(LAYOUTS)
    return GeneratedRegulation(_layout_text(layout, [title, note], body), layout, expected)


def generate_regulations(seed: int, target_chars: int) -> list[GeneratedRegulation]:
    """Synthetic regulations from ``random.Random(seed)`` until ``target_chars`` is reached."""
    rng = random.Random(seed)
    regulations: list[GeneratedRegulation] = []
    total = 0
    while total < target_chars:
        regulation = _regulation(rng)
        regulations.append(regulation)
        total += len(regulation.text)
    return regulations


def generate_corpus(seed: int, target_chars: int) -> list[tuple[str, list[tuple[int, str]]]]:
    """Each synthetic regulation's text with its expected ``(number, collapsed text)`` articles.

    The same ``seed`` and ``target_chars`` always give the same corpus.
    """
    return [(r.text, r.articles) for r in generate_regulations(seed, target_chars)]


# --------------------------------------------------------------------------------------------
# Real corpus
# --------------------------------------------------------------------------------------------


def load_english_corpus(directory: Path, language: str = "en") -> list[tuple[str, str]]:
    """``(id, text)`` of every ``.txt`` in ``directory`` whose ``.json`` has ``language``."""
    documents: list[tuple[str, str]] = []
    if not directory.is_dir():
        return documents
    for facts_path in sorted(directory.glob("*.json")):
        text_path = facts_path.with_suffix(".txt")
        if not text_path.is_file():
            continue
        facts = json.loads(facts_path.read_text(encoding="utf-8"))
        if facts.get("language") == language:
            documents.append((facts_path.stem, text_path.read_text(encoding="utf-8")))
    return documents


# --------------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------------


@dataclass
class Timing:
    corpus: str
    parser: str
    texts: int
    megabytes: float
    loops: int
    best_seconds: float
    failures: int
    ratio: float | None = None

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.best_seconds if self.best_seconds > 0 else float("inf")


Outcome = Articles | lawparse.LawParseError


def _run_all(function: Callable[[str], Articles], texts: Sequence[str]) -> list[Outcome]:
    """Apply ``function`` to every text, keeping a lawparse error as that text's outcome."""
    outcomes: list[Outcome] = []
    for text in texts:
        try:
            outcomes.append(function(text))
        except lawparse.LawParseError as error:
            outcomes.append(error)
    return outcomes


def time_parser(
    corpus: str,
    parser: str,
    function: Callable[[str], Articles],
    texts: Sequence[str],
    repeats: int,
    min_seconds: float = 0.2,
) -> tuple[Timing, list[Outcome]]:
    """Best of ``repeats`` after a warm-up, and the warm-up's outcomes for checking.

    Small inputs are looped so that one run lasts ``min_seconds``; otherwise timer noise and
    scheduling hiccups dominate a run of a few milliseconds.
    """
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    start = time.perf_counter()
    outcomes = _run_all(function, texts)
    warm = time.perf_counter() - start
    loops = int(min_seconds / warm) + 1 if warm < min_seconds else 1
    best = float("inf")
    for _ in range(repeats):
        # Garbage left by the previous run would otherwise be collected inside this one.
        gc.collect()
        start = time.perf_counter()
        for _ in range(loops):
            _run_all(function, texts)
        best = min(best, (time.perf_counter() - start) / loops)
    failures = sum(isinstance(outcome, lawparse.LawParseError) for outcome in outcomes)
    return Timing(corpus, parser, len(texts), megabytes, loops, best, failures), outcomes


# --------------------------------------------------------------------------------------------
# Recovery of the generated articles
# --------------------------------------------------------------------------------------------


@dataclass
class Recovery:
    parser: str
    expected: int = 0
    found: int = 0
    exact: int = 0
    errors: int = 0
    by_layout: dict[str, list[int]] = field(default_factory=dict)  # layout -> [exact, expected]
    examples: list[dict[str, Any]] = field(default_factory=list)


def _collapse(text: str) -> str:
    return " ".join(text.split())


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
    outcomes: Sequence[Outcome],
    max_examples: int = 3,
) -> Recovery:
    """Count the generated articles found with the same number and whitespace-collapsed text."""
    recovery = Recovery(parser)
    for regulation, outcome in zip(regulations, outcomes, strict=True):
        if isinstance(outcome, lawparse.LawParseError):
            found: Articles = []
            recovery.errors += 1
            if len(recovery.examples) < max_examples:
                recovery.examples.append({"layout": regulation.layout, "error": str(outcome)})
        else:
            found = outcome
        got = Counter((number, _collapse(text)) for number, text in found)
        exact = 0
        for article in regulation.articles:
            if got[article] > 0:
                got[article] -= 1
                exact += 1
            elif len(recovery.examples) < max_examples and found:
                # An errored text misses every article; its error is the one example shown.
                recovery.examples.append(_miss(regulation.layout, article, found))
        counts = recovery.by_layout.setdefault(regulation.layout, [0, 0])
        counts[0] += exact
        counts[1] += len(regulation.articles)
        recovery.expected += len(regulation.articles)
        recovery.found += len(found)
        recovery.exact += exact
    return recovery


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

PARSERS: dict[str, Callable[[str], Articles]] = {
    "lawparse.parse": lawparse_articles,
    "regex line-start": split_articles_by_line,
    "regex +run-on": split_articles,
}


def _table(rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def render_text(timings: list[Timing], recoveries: list[Recovery], meta: dict[str, Any]) -> str:
    header = [
        f"lawparse {meta['lawparse']}, Python {meta['python']}, seed {meta['seed']}, "
        f"best of {meta['repeats']} after 1 warm-up; MB = 10^6 bytes of UTF-8 input",
        f"english corpus: {meta['corpus_dir']} ({meta['english_texts']} texts); generated: "
        f"{meta['generated_regulations']} regulations; lawparse/this = lawparse MB/s / row MB/s",
        "",
    ]
    timing_rows = [["corpus", "parser", "texts", "MB", "loops", "best s", "MB/s", "lawparse/this"]]
    for t in timings:
        timing_rows.append(
            [
                t.corpus,
                t.parser,
                str(t.texts),
                f"{t.megabytes:.3f}",
                str(t.loops),
                f"{t.best_seconds:.4f}",
                f"{t.mb_per_s:.2f}",
                "-" if t.ratio is None else f"{t.ratio:.4f}",
            ]
        )
    layouts = sorted({layout for r in recoveries for layout in r.by_layout})
    recovery_rows = [["generated", "expected", "found", "exact", "exact %", "errors", *layouts]]
    for r in recoveries:
        per_layout = [
            f"{r.by_layout[layout][0]}/{r.by_layout[layout][1]}" if layout in r.by_layout else "-"
            for layout in layouts
        ]
        share = 100 * r.exact / r.expected if r.expected else 0.0
        recovery_rows.append(
            [
                r.parser,
                str(r.expected),
                str(r.found),
                str(r.exact),
                f"{share:.2f}",
                str(r.errors),
                *per_layout,
            ]
        )
    failures = [t for t in timings if t.failures]
    notes = [
        f"{t.parser} raised LawParseError on {t.failures} {t.corpus} text(s)" for t in failures
    ]
    for r in recoveries[:1]:
        # Only lawparse's misses: the baselines' misses are expected and would drown them.
        for example in r.examples:
            notes.append(f"{r.parser} miss: {json.dumps(example)}")
    return "\n".join(
        [
            *header,
            _table(timing_rows, {2, 3, 4, 5, 6, 7}),
            "",
            _table(recovery_rows, set(range(1, len(recovery_rows[0])))),
            *notes,
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="generate ~2 MB instead of ~20 MB")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="real corpus dir")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    english = load_english_corpus(args.corpus)
    chinese = load_english_corpus(args.corpus, "zh")
    target = QUICK_CHARS if args.quick else FULL_CHARS
    regulations = generate_regulations(args.seed, target)
    inputs = {
        "english": [text for _, text in english],
        "chinese": [text for _, text in chinese],
        "generated": [r.text for r in regulations],
    }

    timings: list[Timing] = []
    recoveries: list[Recovery] = []
    for corpus, texts in inputs.items():
        if not texts:
            continue
        group: list[Timing] = []
        for name, function in PARSERS.items():
            timing, outcomes = time_parser(corpus, name, function, texts, args.repeats)
            group.append(timing)
            if corpus == "generated":
                recoveries.append(check_recovery(name, regulations, outcomes))
            del outcomes
        for timing in group[1:]:
            timing.ratio = group[0].mb_per_s / timing.mb_per_s
        timings.extend(group)

    meta = {
        "lawparse": lawparse.__version__,
        "python": platform.python_version(),
        "seed": args.seed,
        "repeats": args.repeats,
        "target_chars": target,
        "corpus_dir": str(args.corpus),
        "english_texts": len(english),
        "generated_regulations": len(regulations),
        "unit": "MB = 1e6 bytes of UTF-8 encoded input",
    }
    if args.json:
        payload = {
            "meta": meta,
            "timings": [
                {
                    "corpus": t.corpus,
                    "parser": t.parser,
                    "texts": t.texts,
                    "megabytes": t.megabytes,
                    "loops": t.loops,
                    "best_seconds": t.best_seconds,
                    "mb_per_s": t.mb_per_s,
                    "lawparse_over_this": t.ratio,
                    "failures": t.failures,
                }
                for t in timings
            ],
            "recovery": [
                {
                    "parser": r.parser,
                    "expected": r.expected,
                    "found": r.found,
                    "exact": r.exact,
                    "errors": r.errors,
                    "by_layout": {
                        k: {"exact": v[0], "expected": v[1]} for k, v in r.by_layout.items()
                    },
                    "examples": r.examples,
                }
                for r in recoveries
            ],
        }
        print(json.dumps(payload, indent=2))
    else:
        print(render_text(timings, recoveries, meta))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

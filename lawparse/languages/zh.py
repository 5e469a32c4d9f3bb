"""Chinese as drafters of PRC law write it: the words, as named tables.

Every Chinese literal lawparse looks for lives here: numerals (一百零五, 二〇二三), the units
of structure (编, 章, 节, 条, 款, 项), item and point markers (（一）, 一、), the subjects of a
commencement sentence (本规定, 本条例), its verbs (施行), anchors (公布之日), periods (三十日,
五年), the verbs of a preface (通过, 批准, 公布, 修正, 修订), and the words of repeal and
validity. A new subject or verb is one entry in a table: :func:`phrases` composes the
patterns from the tables.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import common

__all__ = ["CODE", "PHRASES", "Phrases", "parse_numeral", "phrases", "to_numeral"]

CODE = "zh"


def _words(words: Iterable[str]) -> str:
    """An alternation of literal words, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


# Numerals -------------------------------------------------------------------------------------

DIGITS = {
    "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
    "七": 7, "八": 8, "九": 9,
}  # fmt: skip
"""○ (U+25CB) stands for 〇 in many typed dates: 二○○二年."""
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL = f"[{''.join(DIGITS)}{''.join(UNITS)}]"
"""One character of a Chinese numeral, as headings, citations and dates write them."""
DATE_NUMERAL = "[〇○零一二三四五六七八九十]"
TWO = ("两", "二")
"""两 is 二 before a measure word (两年); numeral readers take both."""


@lru_cache(maxsize=4096)  # headings and citations repeat the same few hundred numerals
def parse_numeral(numeral: str) -> int | None:
    """Value of a Chinese numeral as used in headings and dates: 一百零五, 十二, 两, 二〇二三.

    A string of bare digits (二〇二三, as in years) reads positionally; decimal digits, ASCII or
    full-width (２００２), read too.

    >>> parse_numeral("一百零五"), parse_numeral("十二"), parse_numeral("二〇二三")
    (105, 12, 2023)
    """
    if not numeral:
        return None
    if numeral.isdecimal():
        return int(numeral)  # ASCII or full-width digits (２００２年), as int() reads them
    if all(ch in DIGITS for ch in numeral):
        value = 0
        for ch in numeral:
            value = value * 10 + DIGITS[ch]
        return value if len(numeral) > 1 or value > 0 else None
    total = 0
    pending: int | None = None
    last_unit = 10_000
    for ch in numeral:
        if ch in DIGITS:
            if pending is not None and DIGITS[ch] != 0:
                return None
            pending = DIGITS[ch] if DIGITS[ch] else pending
        elif ch in UNITS:
            unit = UNITS[ch]
            if unit >= last_unit:
                return None
            total += (pending if pending is not None else 1) * unit
            pending = None
            last_unit = unit
        else:
            return None
    if pending is not None:
        total += pending
    return total or None


def to_numeral(number: int) -> str:
    """Chinese numeral for 1..9999 in the form headings use (十二, 一百零五).

    >>> to_numeral(105), to_numeral(12), to_numeral(20)
    ('一百零五', '十二', '二十')
    """
    if not 0 < number < 10_000:
        raise ValueError(f"no Chinese numeral for {number}")
    digits = "〇一二三四五六七八九"
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, unit_value)
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        if not (unit == "十" and digit == 1 and not parts):
            parts.append(digits[digit])
        parts.append(unit)
    return "".join(parts)


# Markers of structure ---------------------------------------------------------------------

UNIT_KINDS = {"编": "part", "章": "chapter", "节": "section", "条": "article"}
"""第N编 / 第N章 / 第N节 / 第N条 and the kind of heading each opens."""
ARTICLE_UNIT = "条"
SUFFIX_MARK = "之"
"""第二十一条之一: an article inserted after 第二十一条."""
POINT_MARK = "、"
SPACE = " \t\u3000\u00a0"
SCAN = re.compile(
    rf"""
    (?=[\n\r第（(])
    (?:
      (?P<nl>\r\n|\r|\n)
    | (?P<mark>第(?P<num>{NUMERAL}+|\d{{1,4}})(?P<unit>{_words(UNIT_KINDS)})
        (?:{SUFFIX_MARK}(?P<sub>{NUMERAL}+))?)
    | (?P<paren>[（(](?P<pv>{NUMERAL}{{1,4}}|\d{{1,3}})[）)])
    )
    """,
    re.VERBOSE,
)
SCAN_MARKS = re.compile(
    rf"""
    [第（(]
    (?:
      (?<=第)(?P<num>{NUMERAL}+|\d{{1,4}})(?P<unit>{_words(UNIT_KINDS)})
        (?:{SUFFIX_MARK}(?P<sub>{NUMERAL}+))?
    | (?<=[（(])(?P<pv>{NUMERAL}{{1,4}}|\d{{1,3}})[）)]
    )
    """,
    re.VERBOSE,
)
"""The matches of :data:`SCAN` other than line breaks, for a scan that reads them in advance:
opening with the set of first characters lets the engine skip to them (three times faster)."""
ANNEX_WORDS = ("附件", "附表", "附录", "附")
"""What opens an annex after the last article: 附件1, 附件一：, 附表, 附：; the annex becomes
a Schedule when it follows the last heading."""
LINE_START = re.compile(  # matched at line starts only
    rf"""[ \t\u00a0\u3000]*
    (?:
      (?P<point>(?P<pn>{NUMERAL}{{1,4}}){POINT_MARK})
    | (?P<dot>(?P<dn>\d{{1,3}})[.．])(?![\d])
    | (?P<annex>{_words(ANNEX_WORDS)}[ \t\u3000]*(?P<an>\d{{1,3}}|{NUMERAL}{{1,3}})?
        (?:[ \t\u3000]*[：:]|(?=\s|$)))
    )""",
    re.VERBOSE,
)
GLUED_HEADING = re.compile(r"[^\s，,。；;：:、“”《》（）()]{1,24}[ \t\u3000]*(?:\r?\n|\r|$)")
"""The title of a heading written without a space ("第六章法律责任"): a short phrase that fills
the rest of its line, with no clause or sentence mark (a citation at a line start has them)."""
ARTICLE_LINE = re.compile(rf"^[ \t\u3000]*第{NUMERAL}+{ARTICLE_UNIT}[ \t\u3000]", re.M)
"""An article heading at a line start: how a bilingual edition's Chinese half is found."""
PREAMBLE = re.compile(r"^[ \t\u3000]*序[ \t\u3000]*言[ \t\u3000]*$", re.M)

# Titles and the preface -------------------------------------------------------------------

KINDS_OF_ACT = (
    "法", "法典", "条例", "规定", "办法", "细则", "规则", "决定", "宪法", "准则", "意见", "通知",
    "章程", "解释", "修正案", "守则", "安排", "批复", "决议", "规范", "命令", "标准", "方案",
    "纲要",
)  # fmt: skip
"""The words a title ends on, and the kinds of act a commencement sentence names (本解释)."""
TITLE_QUALIFIER = r"(?:[（(](?:\d{4}年|[一二三四五六七八九十]{1,3}|试行|草案)[）)])?"
"""What may follow the kind of act in a title: 刑法修正案（十二）, 宪法修正案（1988年）."""
TITLE_WORD = re.compile(rf"{_words(KINDS_OF_ACT)}{TITLE_QUALIFIER}$")
TITLE_SKIP_START = "(（[【第"
"""A line opening with one of these is a note or a heading, not the title."""
TITLE_SKIP_END = "，,）)"
DATE_LINE_MARKS = ("年", "日")
CONTENTS_MARK = "目"
"""目录 (contents) opens a table of contents."""
ACT_TITLE = re.compile(r"《(?P<title>[^《》]*(?:《[^《》]*》[^《》]*)*)》")
"""A title in title brackets, which may nest one level (《关于修改〈…〉的决定》, written
《…《…》…》)."""

# Dates ----------------------------------------------------------------------------------------

DATE = re.compile(
    rf"(?P<y>\d{{4}}|{DATE_NUMERAL}{{4}})\s*年\s*(?P<m>\d{{1,2}}|{DATE_NUMERAL}{{1,3}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|{DATE_NUMERAL}{{1,4}})\s*日"
)
"""The two Chinese date forms: 2023年7月25日 and 二〇二三年七月二十五日."""

# Event phrases --------------------------------------------------------------------------------

PREFACE_VERBS = {
    "原则通过": "adopted",
    "通过": "adopted",
    "批准": "approved",
    "公布": "promulgated",
    "颁布": "promulgated",
    "颁发": "promulgated",
    "发布": "promulgated",
    "印发": "promulgated",
    "施行": "effective",
    "实施": "effective",
    "生效": "effective",
    "执行": "effective",
    "修正": "amended",
    "修订": "revised",
    "修正通过": "amended",
    "修订通过": "revised",
    "修订发布": "revised",
    "修订公布": "revised",
}
"""The verbs of a preface's dated statements, and the event each states."""
PREFACE_VERB_NAMES = "|".join(re.escape(w) for w in sorted(PREFACE_VERBS, key=len, reverse=True))
OPEN_STATEMENT = re.compile(rf"\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:(?!{PREFACE_VERB_NAMES})[^\n])*$")
"""A line with a date but not yet its verb, continued on the next line."""
EDITOR_NOTE = re.compile(
    r"[ \t\u3000]*[（(【\[]?[ \t\u3000]*(?:编者按|编者注|注)[ \t\u3000]*[：:】\]]"
)
"""（注：…）, 编者注：, 【注】: an editor's note, whose dates are of what it annotates."""
NEXT_STEP = re.compile(rf"根据(?=\d{{4}}年|{DATE_NUMERAL}{{4}}年)")
"""根据<date>…修正 opens the next step of a history, even on the line of the last one."""
PASSED = re.compile(r"通过[ \t\u3000]*$")
"""A statement ending on its passing, "…会议通过", whose approval may follow."""
APPROVED_INSTRUMENT = re.compile(
    rf"[ \t\u3000]*(?:\d{{4}}|{DATE_NUMERAL}{{4}})年[^《\n]*?批准的《[^\n]*(?:修正|修订)"
)
"""<date> 山东省…会议批准的《…决定》修正: the approval of an amending decision."""
AMENDING_INSTRUMENT = re.compile(r"修正案|关于修改")
"""The titles of amending instruments: 刑法修正案（十二）, 关于修改《……》的决定."""
STATE_PREFIX = "中华人民共和国"
"""What national titles open with, and a citation of them may leave out."""
TERM = re.compile(rf"第[{''.join(DIGITS)}十百\d]+届")


def amends(instrument: str, title: str) -> bool:
    """Does the instrument ``instrument`` (a title in 《》) amend the act titled ``title``?"""
    if not AMENDING_INSTRUMENT.search(instrument):
        return False
    name = title.strip().removeprefix(STATE_PREFIX)
    return bool(name) and name in instrument


def same_body(body: str | None, other: str | None) -> bool:
    """The same acting body across its terms: 北京市第十五届人民代表大会常务委员会 and
    北京市第十六届人民代表大会常务委员会."""
    if not body or not other:
        return False
    return TERM.sub("", body).strip(SPACE) == TERM.sub("", other).strip(SPACE)


def unclosed_title(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` open a 《title》 it does not close (a title that goes on)?"""
    return text.count("《", start, end) > text.count("》", start, end)


OPEN_DATE = re.compile(
    rf"(?:\d{{4}}|{DATE_NUMERAL}{{4}})[ \t]*年(?:[ \t]*\d{{1,2}}[ \t]*月)?[ \t\u3000]*$"
)
"""A line ending inside a date ("2019年3月"), whose day stands on the next line."""
SESSION = re.compile(rf"第[{''.join(DIGITS)}十百\d]+次(?:全体)?会议")
ORDER = re.compile(r"(?P<body>[^\s，,。；《》]*?)(?P<kind>令|公告)(?:第(?P<number>\d+)号)?")
ORDER_NUMBER = "第{number}号"
ORDER_ONLY = re.compile(rf"[ \t\u3000]*[^\s，,。；《》]+令第(?:\d+|{NUMERAL}+)号[ \t\u3000]*")
"""A date over an order and nothing else ("2017年11月22日 中华人民共和国国务院令第692号"):
the order, of that date, promulgates the act."""
ORDINAL = re.compile(rf"第(?P<n>{DATE_NUMERAL}+)次(?:修正|修订)")
ATTRIBUTIVE = "的"
"""通过的《…》: a verb followed by 的 qualifies a title, not this act."""
OBJECT_TITLE = re.compile(r"了[^《》，。；的]{0,20}?(?P<title>《[^《》]+》)")
"""通过了国家计量局《…》: a verb whose object is a titled act states that act's event."""
AGENT_STRIP = " 　，,起"

SUBJECT_MARK = "本"
"""本条例, 本办法: how an act names itself ("this regulation")."""
SUBJECT_QUALIFIERS = ("实施", "暂行", "若干", "补充", "试行")
"""Words between 本 and the kind of act: 本实施细则, 本暂行规定, 本补充规定."""
SUBJECTS = tuple(
    f"{SUBJECT_MARK}{qualifier}{kind}"
    for qualifier in ("", *SUBJECT_QUALIFIERS)
    for kind in KINDS_OF_ACT
)
"""How an act names itself as the subject of its commencement sentence: 本 + kind of act."""
EFFECTIVE_VERBS = ("施行", "实施", "生效", "执行")
"""The verbs of entry into force: 本规定自……起施行 / 实施 / 生效 / 执行."""
PREPOSITIONS = ("自", "于", "从")
"""What introduces the day of entry into force: 自2024年1月1日起, 于2002年3月1日起, 从……起."""
SINCE = "起"
ANCHORS = ("公布", "发布", "颁布", "印发", "通过", "批准", "修订发布", "修订公布")
"""The events a commencement counts from, "自公布之日起施行"; each is a preface verb, whose
event (PREFACE_VERBS) the relative date resolves against."""
ANCHOR_DAY = "之日"
SAME_DAY = "即日"
"""自即日起施行: from the day the act is issued, that is its promulgation."""
PROMULGATED_ON_ADOPTION = re.compile(
    rf"(?:中华人民共和国)?第{NUMERAL}+届全国人民代表大会(?:常务委员会)?"
)
"""The bodies whose acts are promulgated on the day they are adopted: the President
promulgates the laws of the National People's Congress and of its Standing Committee
(Constitution art. 80) by an order of the day of adoption, so that a law's 自公布之日起施行
counts from its adoption when the text gives no promulgation of its own."""
YEAR_START = re.compile(rf"(?P<y>\d{{4}}|{DATE_NUMERAL}{{4}})\s*年度")
"""自1985年度起施行: from the first day of that (calendar, fiscal) year."""
PERIOD_UNITS = {"日": "D", "天": "D", "月": "M", "年": "Y"}
MEASURE_WORD = "个"
VALIDITY = "有效期"
REPEAL_WORDS = ("同时废止", "同时失效")
CLOSING_WORDS = re.compile(_words((*EFFECTIVE_VERBS, *REPEAL_WORDS, VALIDITY)))
"""A closing article that contains none of these states no commencement, repeal or expiry."""
SIMULTANEOUS = re.compile(r"同时(?:废止|失效)")
SENTENCE = re.compile(r"[^。；]+[。；]?")
CONFLICTING = re.compile(r"，?凡与本\w+抵触的，?$")
"""凡与本规定抵触的……同时废止 repeals what conflicts, not a named act."""
SUBJECT_STRIP = " ，,"
SIMULTANEOUS_REASON = "relative: when this act takes effect (同时)"
REST_OF_ACT = re.compile(r"其余条款")
ARTICLE_CITATION = re.compile(rf"第(?P<n>{NUMERAL}+){ARTICLE_UNIT}")


PROVISION_LIST = rf"第{NUMERAL}+{ARTICLE_UNIT}(?:(?:、|和|及|至)第{NUMERAL}+{ARTICLE_UNIT})*"
"""本条例第三条、第五条自……起施行: the provisions a commencement names."""


@dataclass(frozen=True)
class Phrases:
    """The event-phrase patterns composed from the tables above by :func:`phrases`.

    ``commencement`` is subject, provisions (optional), one other clause of the same subject
    (optional: "本办法由市人民政府负责解释，自……"), preposition, when, 起, verb: its groups
    ``provisions`` and ``when``. ``anchor`` finds in ``when`` the event counted from (group
    ``anchor``, a key of :data:`PREFACE_VERBS`; none for 即日). ``valid_until`` and
    ``valid_for`` are a validity period whose subject is this act: the subject right before
    有效期, or a commencement ("……起施行，有效期五年"); a licence's 有效期 is none of them.
    """

    subjects: tuple[str, ...]
    subject: re.Pattern[str]
    commencement: re.Pattern[str]
    anchor: re.Pattern[str]
    period: re.Pattern[str]
    valid_until: re.Pattern[str]
    valid_for: re.Pattern[str]
    reference: re.Pattern[str]


@lru_cache(maxsize=8)
def phrases(
    subjects: tuple[str, ...] = SUBJECTS,
    effective_verbs: tuple[str, ...] = EFFECTIVE_VERBS,
    anchors: tuple[str, ...] = ANCHORS,
    prepositions: tuple[str, ...] = PREPOSITIONS,
) -> Phrases:
    """The event-phrase patterns of Chinese, from the tables (extend one to read a new
    phrasing: ``phrases(subjects=(*SUBJECTS, "本纪要"))``)."""
    subject = _words(subjects)
    verbs = _words(effective_verbs)
    count = f"(?:\\d+|[{''.join(DIGITS)}十]+)"
    units = _words(PERIOD_UNITS)
    own_validity = rf"(?:{subject}{ATTRIBUTIVE}?|{verbs}[，,][ \t\u3000]*){VALIDITY}(?:为)?"
    return Phrases(
        subjects=subjects,
        subject=re.compile(subject),
        commencement=re.compile(
            rf"{subject}(?P<provisions>{PROVISION_LIST})?(?:[^。；，,]{{0,24}}[，,])?"
            rf"{_words(prepositions)}"
            rf"(?P<when>[^。；]{{1,40}}?){SINCE}?{verbs}"
        ),
        anchor=re.compile(rf"(?P<anchor>{_words(anchors)}){ANCHOR_DAY}|{SAME_DAY}"),
        period=re.compile(rf"(?P<n>{count})(?:{MEASURE_WORD})?(?P<unit>{units})"),
        valid_until=re.compile(rf"{own_validity}至"),
        valid_for=re.compile(rf"{own_validity}(?P<period>{count}(?:{MEASURE_WORD})?{units})"),
        reference=re.compile(rf"{subject}第(?P<n>{NUMERAL}+){ARTICLE_UNIT}"),
    )


PHRASES = phrases()
"""The Chinese phrase patterns built from the default tables."""
SENTENCE_STOPS = "。！？"
"""Marks that end a full sentence (not a clause)."""

# Vocabulary of generated regulations (lawparse.testing) ------------------------------------

SAMPLE_WORDS = (
    "市人民政府", "有关部门", "应当", "按照", "职责", "做好", "监督管理", "工作", "依法",
    "组织", "实施", "保障", "当事人", "合法权益", "加强", "协调", "服务", "企业", "公共",
    "信息", "建立", "健全", "制度", "区县", "安全", "质量", "标准", "指导", "推动", "发展",
)  # fmt: skip
SAMPLE_NOUNS = (
    "水资源",
    "生活垃圾",
    "道路交通",
    "融资租赁",
    "商事调解",
    "文化遗产",
    "档案",
    "统计",
)
SAMPLE_CHAPTER_TITLES = ("总则", "法律责任", "附则", "监督管理", "保障措施")
SAMPLE_TITLES = ("上海市{subject}管理条例", "上海市{subject}规定", "河南省{subject}办法")
SAMPLE_CONGRESSES = ("上海市第十五届人民代表大会常务委员会", "河南省第十三届人民代表大会常务委员会")
SAMPLE_NOTE = "（{date} {congress}第{session}次会议通过）"
SAMPLE_COMMENCEMENT = "本规定自{date}起施行。"
SAMPLE_REFERENCES = ("依照本规定第{n}条的规定", "违反本规定第{n}条", "前款")
SAMPLE_MARKS = {"sentence": "。", "item": "；", "lead": "：", "space": ""}


def format_date(day: dt.date) -> str:
    """A date as Chinese texts write it: 2023年7月25日."""
    return f"{day.year}年{day.month}月{day.day}日"


def article_label(number: int) -> str:
    """The heading of article ``number``: 第十二条."""
    return f"第{to_numeral(number)}{ARTICLE_UNIT}"


def chapter_label(number: int) -> str:
    """The heading of chapter ``number``: 第二章."""
    return f"第{to_numeral(number)}章"


def item_label(number: int) -> str:
    """The label of item ``number``: （三）."""
    return f"（{to_numeral(number)}）"


# Amending instruments ---------------------------------------------------------------------
# An instruction is read with its quotations taken out (each a SLOT): the words left are the
# instruction's own, which these patterns read. Targets are runs of 第N条 / 第N款 / 第N项 /
# 第N章 with 、 和 及 至 between them; 该条 and 该款 point back to the last one named.

_NUM = rf"(?:{NUMERAL}+|\d+)"
AMEND_UNITS = {"条": "article", "款": "paragraph", "项": "item", "章": "chapter", "节": "section"}
"""The units an instruction counts in, and what each is in the model."""
AMEND_TARGET_PIECE = re.compile(
    rf"""
      第(?P<n>{_NUM})(?P<unit>[条款项章节])(?:{SUFFIX_MARK}(?P<sub>{_NUM}))?
    | 第[（(](?P<pn>{_NUM})[）)]项
    | (?P<back>[该本此])(?P<bunit>[条款项])
    | (?P<range>至|到)
    """,
    re.VERBOSE,
)
"""One piece of a target: 第一百六十五条, 第二款, 第（三）项, 该条, or a range's 至."""
_TARGETS = (
    rf"(?:原|第[（(]?{_NUM}[）)]?[条款项章节](?:{SUFFIX_MARK}{_NUM})?"
    r"|[该此]条|[该此]款|[该此]项|本条|[、，,和及至到]|的)+?"
)
_ACT = (
    r"(?:《[^《》]+(?:〈[^〈〉]*〉[^《》]*)*》"
    r"|[^\s第将在删把对，,。；：:、“”《》\ue000\ue001]{1,12}?)"
)
_Q = rf"(?:{common.SLOT})"
_QS = rf"(?:{_Q}\s*)+"
_TO = r"(?:修改|修订|改|更改|替换)(?:为|成)"
_DELETE = r"(?:删去|删除)"
_COUNT = rf"(?P<count>{NUMERAL}|\d+)"
_LEAD = r"^(?:将|把|对)?"
WHOLE_ACT_WORDS = ("全文", *SUBJECTS)
"""What an instruction calls the act as a whole: 将本法中的“A”修改为“B”."""
_WHOLE = rf"(?P<whole>{_words(WHOLE_ACT_WORDS)}|{_ACT})"
_WHERE = rf"(?:(?P<act>{_ACT})?(?P<targets>{_TARGETS})|{_WHOLE})"
_PREAMBLE = rf"(?P<preamble>序言|引言|前言)(?:第(?P<pp>{_NUM})(?:自然段|段))?"
"""The preamble, or one of its paragraphs: 宪法序言第十自然段."""
_SENTENCES = rf"(?:前|后|最后|末)?(?:{NUMERAL}|两)?句(?:话)?"
"""Which sentences of a paragraph an instruction quotes: 后两句, 最后一句."""
AMEND_OPERATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "title",
            rf"{_LEAD}(?P<act>{_ACT})?的?(?:名称|标题|题目|题注)(?:{_TO})[：:]?(?P<new>{_Q})$",
        ),
        ("preamble", rf"{_LEAD}(?:序言|引言|前言)(?:{_TO})[：:]?(?P<new>{_QS})$"),
        (
            "heading",
            rf"{_LEAD}第(?P<n>{_NUM})(?P<unit>[章节])的?(?:章名|节名|标题|名称)?(?:{_TO})[：:]?(?P<new>{_Q})$",
        ),
        (
            "replace_words",
            rf"{_LEAD}(?P<act>{_ACT})?{_PREAMBLE}(?:中的?|{_SENTENCES})?[：:]?(?P<old>{_QS})(?:{_TO})[：:]?(?P<new>{_QS})$",
        ),
        (
            "append",
            rf"^(?:在)?(?P<act>{_ACT})?{_PREAMBLE}(?:末尾|最后|之后|后)?(?:增加|增写|加上)[：:]?(?P<new>{_QS})$",
        ),
        (
            "replace_words",
            rf"{_LEAD}(?:{_WHERE}中的?)?(?P<old>{_Q}(?:[、，,和及]{_Q})*)(?:一词|等词|字样)?(?:{_TO})(?P<new>{_Q})$",
        ),
        (
            "delete_words",
            rf"{_LEAD}(?:{_WHERE}中的?)?(?P<old>{_Q}(?:[、，,和及]{_Q})*)(?:一词|等词|字样)?{_DELETE}$",
        ),
        (
            "delete_words",
            rf"^{_DELETE}{_WHERE}中的?(?P<old>{_Q}(?:[、，,和及]{_Q})*)(?:一词|等词|字样)?$",
        ),
        (
            "insert_words",
            rf"^(?:在)?(?:{_WHERE}中的?)?(?P<old>{_Q})(?P<where>后|前|之后|之前)(?:增加|增写|加上|加入|插入)(?P<new>{_Q})$",
        ),
        (
            "substitute",
            rf"{_LEAD}(?P<act>{_ACT})?(?P<targets>{_TARGETS})的?[：:]?(?P<old>{_QS})?(?:{_TO})[：:]?(?P<new>{_QS})$",
        ),
        (
            "insert",
            rf"^(?:在)?(?P<act>{_ACT})?(?P<targets>{_TARGETS})?(?P<where>之后|之前|后|前|中|下)?(?:增加|增设|增写|新增|补充|增列)"
            rf"{_COUNT}(?P<unit>[条款项章节])(?:[，,]?(?:分别)?(?:作为|为|列为)(?P<as>{_TARGETS}))?(?:[，,]?(?:内容如下|规定))?[：:]?(?P<new>(?:{_Q}\s*)*)$",
        ),
        (
            "append",
            rf"^(?:在)?(?P<act>{_ACT})?(?P<targets>{_TARGETS})中?增加规定[：:]?(?P<new>{_QS})$",
        ),
        (
            "merge",
            rf"{_LEAD}(?P<act>{_ACT})?(?P<targets>{_TARGETS})合并(?:为(?:一|1)条)?(?:[，,]?作为(?P<as>{_TARGETS}))?"
            rf"(?:[，,]?并?(?:{_TO})[：:]?(?P<new>{_QS}))?$",
        ),
        ("substitute", rf"^并?(?:{_TO})[：:]?(?P<new>{_QS})$"),
        ("delete", rf"^{_DELETE}(?P<act>{_ACT})?(?P<targets>{_TARGETS})$"),
        ("delete", rf"{_LEAD}(?P<act>{_ACT})?(?P<targets>{_TARGETS}){_DELETE}$"),
        (
            "renumber",
            rf"{_LEAD}(?P<act>{_ACT})?(?P<targets>{_TARGETS})(?:相应|依次|分别)?(?:改为|调整为|改作|顺延为|移作|作为)(?P<as>{_TARGETS})$",
        ),
    )
)  # fmt: skip
"""The operations an instruction states, tried in this order on each of its clauses (a
quotation is a SLOT): the kind, then the pattern, with groups ``act`` (a title in 《》 or a
short name: 刑法), ``targets``, ``whole`` (the act as a whole), ``old`` and ``new``
(quotations), ``as`` (the number it takes), ``where`` (后/前/中), ``count`` and ``unit``."""
AMEND_RENUMBER = re.compile(
    r"(?:条文|条款|章节|款项|各项|条|款|项|章|节)?的?(?:顺序|序号|序数|编号)(?:作|做|进行)?(?:相应的?)?(?:调整|修改|变动|顺延|改动)"
)
"""条文顺序作相应调整: the articles after an inserted or deleted one are numbered anew."""
AMEND_CLOSING = re.compile(
    rf"^(?:{_words(SUBJECTS)}).*(?:{_words(EFFECTIVE_VERBS)})|根据本\w*?作相应(?:的)?修改|重新(?:公布|发布|印发)|予以公布"
)
"""A clause that changes no text: the instrument's commencement, or 根据本决定作相应修改，
重新公布."""
AMEND_PART = re.compile(rf"^(?:对)?(?P<act>{_ACT})(?:作(?:出|如下)?修改|的修改|修改如下)?[：:]?$")
"""A numbered part of a decision that amends several acts: 一、对《中华人民共和国X法》作出修改."""
AMEND_DEFAULT_ACT = re.compile(r"(?:决定)?对(?P<act>《[^\n]+?》)作(?:如下|以下|出如下)修改")
AMEND_CHANGE_WORDS = re.compile(
    r"修改为|修订为|改为|改成|更改为|替换为|删去|删除|增加|增写|增设|新增|补充|增列|合并|调整为|移作"
)
"""The verbs of a change to wording. A clause with none, no target and no quotation is the
decision's own narrative or an annex's heading (对49部行政法规的部分条款予以修改; 附件1;
国务院决定修改的行政法规), no instruction left unread."""
AMEND_DIVISION_HEADING = re.compile(rf"^第{_NUM}[编章节]")
"""The heading that opens a quoted chapter: 增加一章，作为第六章：“第六章　投资者保护 ……”."""
AMEND_PURPOSE = re.compile(r"^(?:为了|为)")
"""An instruction that opens with its purpose (为了惩治侮辱国歌的犯罪行为，……，在刑法第二百九十九条
中增加一款): the clauses before its first operation state why, not what."""
"""The preamble of a decision naming the act it amends: 决定对《上海市X条例》作如下修改."""
AMEND_CLAUSE_BREAK = re.compile(
    rf"[，,；;。\n]|(?<={common.SLOT[-1]})(?:并且|并|同时)?(?=增加|增写|删去|删除|将|在|把)"
)
"""Where an instruction's clauses part (outside quotations): at a comma or a full stop, and
right after a quotation that the next operation follows with no mark between (修改为：“……”
增加一款作为第三款：“……”, 修改为：“……”并删去第三款)."""
AMEND_INSTRUCTION = re.compile(
    rf"^[ \t\u3000]*(?:(?P<label>{NUMERAL}{{1,4}}){POINT_MARK}|[（(](?P<sub>{NUMERAL}{{1,4}})[）)]"
    rf"|第(?P<art>{NUMERAL}{{1,4}}){ARTICLE_UNIT}[ \t\u3000]*)",
    re.M,
)
"""The label an instruction opens with: 一、, （一）, or 第一条 (the Constitution's
amendments are in articles)."""
ITEM_START = re.compile(rf"^[ \t\u3000]*[（(](?:{NUMERAL}{{1,4}}|\d{{1,3}})[）)]")
"""A quoted paragraph that is an item of the paragraph before it: （三）."""
DELETED_PROVISION = "（删去）"
"""What a consolidated text keeps in place of a deleted article when the numbers stay."""
AMENDMENT_NOTE = "{date} {body}{session}{verb}的《{title}》"
"""The line a consolidated text's preface gains for the instrument that amended it."""
AMENDMENT_NOTE_VERBS = {"adopted": "通过", "promulgated": "公布", "approved": "批准"}
INNER_TITLE = str.maketrans("《》", "〈〉")
"""A title inside a title: 《关于修改〈上海市X条例〉的决定》."""


def amendment_note(day: dt.date, body: str, session: str, verb: str, title: str) -> str:
    """The preface line for an amending instrument (see :data:`AMENDMENT_NOTE`)."""
    inner = title.strip("《》").translate(INNER_TITLE)
    return AMENDMENT_NOTE.format(
        date=format_date(day),
        body=body,
        session=session,
        verb=AMENDMENT_NOTE_VERBS[verb],
        title=inner,
    )


def names_act(name: str, title: str | None) -> bool:
    """Does ``name`` (《中华人民共和国刑法》, or the short 刑法) name the act titled ``title``?"""
    if not title:
        return False
    wanted = re.sub(r"[\s《》〈〉]", "", title).removeprefix(STATE_PREFIX)
    given = re.sub(r"[\s《》〈〉]", "", name).removeprefix(STATE_PREFIX)
    return bool(given) and (
        given == wanted
        or (len(given) >= 2 and wanted.endswith(given) and not given.startswith(SUBJECT_MARK))
    )


AMEND_ARTICLE_HEADING = re.compile(
    rf"[ \t\u3000]*第(?P<n>{_NUM}){ARTICLE_UNIT}(?:{SUFFIX_MARK}(?P<sub>{_NUM}))?(?=[ \t\u3000]|$)"
)
"""A quoted article that restates its own label: “第二十条之一　……”."""
LIST_SEPARATOR = "、"


def suffixed_article_label(label: str, sub: int) -> str:
    """第二十条 and 1: 第二十条之一."""
    return f"{label}{SUFFIX_MARK}{to_numeral(sub)}"


def quoted_title(title: str) -> str:
    """A title in its marks: 《中华人民共和国刑法修正案（十二）》."""
    return f"《{title.strip('《》')}》"


def is_title(name: str) -> bool:
    """Is ``name`` a title in its marks (《……》), not a short name (刑法)?"""
    return name.startswith("《")


GENERIC_ACT_WORDS = ("法律", "法规", "行政法规", "地方性法规", "规章", *KINDS_OF_ACT)
"""What an instruction may call the act it amends without its title: 将法律的名称修改为."""


def names_itself(name: str) -> bool:
    """Does an instruction call the act by its own words (本法, 全文, 法律)?"""
    return name.startswith(SUBJECT_MARK) or name in WHOLE_ACT_WORDS or name in GENERIC_ACT_WORDS


AMEND_WHERE = {
    "后": "after",
    "之后": "after",
    "前": "before",
    "之前": "before",
    "中": "in",
    "下": "in",
}
"""Where new wording goes relative to its target: 在第十条后增加一条."""


def bare_title(title: str) -> str:
    """A quoted title without its marks."""
    return title.strip("《》")


# Cross-references ----------------------------------------------------------------------------
# A citation is a run of pieces with nothing, a list word or a range word between them:
# 依照本法第二十条第一款第（三）项, 前两款, 本规定第十、十八、二十六条, 第三项至第五项,
# 《中华人民共和国公司法》第二十条. lawparse.references reads the run and resolves it.

CITATION_UNITS = {**AMEND_UNITS, "目": "subitem"}
"""The units a citation counts in (第N条, 第N款, 第N项, 第N目, 第N章, 第N节) and each one's kind."""
THIS_MARK = SUBJECT_MARK
"""本条, 本款, 本项, 本章, 本节: the provision the citation stands in."""
PRECEDING_MARKS = ("前", "上")
"""前款, 前两款, 前条, 上一条: the provisions just before the one the citation stands in."""
CITATION_LIST_WORDS = ("以及", "或者", "、", "和", "及", "或", "与", "，", ",")
"""What stands between two pieces of one list: 第十条、第十二条, 第五条或者第六条."""
CITATION_RANGE_WORDS = ("至", "到")
"""第三项至第五项: every provision from the first to the last."""
NOT_THIS_UNIT = {"条": "例文件", "章": "程", "节": "约能省日假", "项": "目"}
"""本条例, 本章程, 本节约, 本项目: 本 and a unit that begin a longer word, not a citation."""
ACT_NAME_LEADS = (
    "依照", "按照", "根据", "依据", "违反", "适用", "参照", "比照", "对照", "执行", "遵守",
    "符合", "属于", "构成", "认定为", "视为", "实施", "具有", "采取", "存在", "规定", "修订",
    "修正",
    "依", "按", "照", "据", "由", "经", "和", "及", "与", "或", "并", "即", "是", "有", "在",
    "以", "于", "将", "为", "犯", "除", "的", "了",
)  # fmt: skip
"""Words that may stand right before a short act name (依照刑法第二十条, 应当认定为刑法第…):
without a title of the text to go by, the name is what follows the last of them, up to 第
(修订刑法第十二条: 刑法, the revised one). 对 is not one: 对外贸易法 opens with it."""
THAT_MARK = "该"
"""该法第十八条: the act the provision last named."""
CITATION_GAP_WORDS = ("规定", "规定的")
"""前款规定第（四）项: words a citation runs on across."""
_CITED_NUMBER = rf"(?:{NUMERAL}+|\d+)"
CITATION_PIECE = re.compile(
    rf"""
      (?P<title>《[^《》]*(?:《[^《》]*》[^《》]*)*》)
    | (?P<subject>{_words(SUBJECTS)})
    | 第(?P<numbers>{_CITED_NUMBER}(?:[、{"".join(CITATION_RANGE_WORDS)}]{_CITED_NUMBER})*)
        (?P<unit>{_words(CITATION_UNITS)})
        (?:{SUFFIX_MARK}(?P<sub>{_CITED_NUMBER}))?
    | 第(?P<pnumbers>[（(]{_CITED_NUMBER}[）)](?:、?[（(]{_CITED_NUMBER}[）)])*)(?P<punit>项|目)
    | (?P<before>{_words(PRECEDING_MARKS)})(?P<count>{NUMERAL})?(?P<bunit>[条款项])
    | {THIS_MARK}(?P<this>[条款项章节])
    | (?<=[{"".join(CITATION_RANGE_WORDS)}])(?P<bare>{_CITED_NUMBER})(?P<bareunit>[条款项])
    """,
    re.VERBOSE,
)
"""One piece of a citation: a title in 《》, the act naming itself (本法), a numbered unit
(第二十条之一, 第十、十八条, 第一至四项, 第（三）项, 第（一）、（二）项, 第（一）（二）项), a
preceding one (前款,
前两款, 上一条), this one (本条), or the end of a range written without 第 (第三项至六项)."""
NAMED_IN_TITLE = re.compile(r"〈(?P<inner>[^〈〉]+)〉|《(?P<outer>[^《》]+)》")
"""The act an amending instrument's title names: 关于修改〈X〉的决定, or 《X》 in a title."""
CITED_NUMBER_SEPARATOR = re.compile(rf"[{LIST_SEPARATOR}{''.join(CITATION_RANGE_WORDS)}]")
"""Between the numbers of one 第…条 / 第…项: 第十、十八条 (a list), 第一至四项 (a range)."""


def citation_numeral(number: int) -> str:
    """How a citation writes an article's number: 第<二十一>条."""
    return to_numeral(number)


# Rendering: where an act comes from, and its words in other formats ---------------------------

JURISDICTIONS = (
    ("上海", "cn-sh"), ("北京", "cn-bj"), ("天津", "cn-tj"), ("重庆", "cn-cq"),
    ("河北", "cn-he"), ("山西", "cn-sx"), ("内蒙古", "cn-nm"), ("辽宁", "cn-ln"),
    ("吉林", "cn-jl"), ("黑龙江", "cn-hl"), ("江苏", "cn-js"), ("浙江", "cn-zj"),
    ("安徽", "cn-ah"), ("福建", "cn-fj"), ("江西", "cn-jx"), ("山东", "cn-sd"),
    ("河南", "cn-ha"), ("湖北", "cn-hb"), ("湖南", "cn-hn"), ("广东", "cn-gd"),
    ("广西", "cn-gx"), ("海南", "cn-hi"), ("四川", "cn-sc"), ("贵州", "cn-gz"),
    ("云南", "cn-yn"), ("西藏", "cn-xz"), ("陕西", "cn-sn"), ("甘肃", "cn-gs"),
    ("青海", "cn-qh"), ("宁夏", "cn-nx"), ("新疆", "cn-xj"), ("香港", "cn-hk"),
    ("澳门", "cn-mo"),
)  # fmt: skip
"""Provinces and their ISO 3166-2 codes, in the form Akoma Ntoso names a country
(FRBRcountry "cn-sh"): the first one an act's issuer or title names is where it applies;
none is a national act ("cn")."""
COUNTRY = "cn"
LANGUAGE_CODE = "zho"
"""ISO 639-2, as FRBRlanguage writes a language."""
MARKDOWN_INFO_END = "<!-- INFO END -->"
"""The line the public collection of PRC law (LawRefBook) writes between an act's dated
notes and its body."""


def section_label(number: int) -> str:
    """The heading of section ``number``: 第三节."""
    return f"第{to_numeral(number)}节"

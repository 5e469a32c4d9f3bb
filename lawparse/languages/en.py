"""English as drafters and translators of regulations write it: the words, as named tables.

Every English literal lawparse looks for lives here: the markers of structure ("Article",
"Chapter", "SCHEDULE"), numerals (Roman, ordinal words, letters), months, the subjects of a
commencement sentence ("These Provisions"), its verbs ("shall come into force"), anchors
("as of the date of promulgation"), periods ("30 days"), and the words of repeal, validity
and adoption. The readers in ``lawparse.structure`` and ``lawparse.events`` compose these
tables; a new subject or verb is one entry in a table, not a new regular expression.
:func:`phrases` builds the phrase patterns from the tables, so a caller (or a test) can
extend one table and get a working reader: ``phrases(subjects=(*SUBJECTS, "These Rules"))``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import common

__all__ = [
    "CODE",
    "PHRASES",
    "Phrases",
    "english_ordinal",
    "letter_number",
    "parse_roman",
    "phrases",
    "to_roman",
]

CODE = "en"


def _words(words: Iterable[str]) -> str:
    """An alternation of literal phrases, longest first; a space matches any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


# Numerals -------------------------------------------------------------------------------------

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_TABLE = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
ROMAN_LETTERS = frozenset("ivxlcdm")
"""Lower-case letters that can be a Roman numeral: "(i)" after "(h)" is a letter."""


def to_roman(number: int) -> str:
    """Upper-case Roman numeral of 1..3999.

    >>> to_roman(14)
    'XIV'
    """
    if not 0 < number < 4000:
        raise ValueError(f"no Roman numeral for {number}")
    parts = []
    for value, symbol in _ROMAN_TABLE:
        count, number = divmod(number, value)
        parts.append(symbol * count)
    return "".join(parts)


def parse_roman(numeral: str) -> int | None:
    """Value of a canonical Roman numeral (either case), else ``None``.

    >>> parse_roman("XIV"), parse_roman("iiii")
    (14, None)
    """
    upper = numeral.upper()
    if not upper or any(ch not in _ROMAN_VALUES for ch in upper):
        return None
    total = 0
    for index, ch in enumerate(upper):
        value = _ROMAN_VALUES[ch]
        if index + 1 < len(upper) and _ROMAN_VALUES[upper[index + 1]] > value:
            total -= value
        else:
            total += value
    # Only the canonical spelling counts, so "IIII" or "VX" are not silently accepted.
    if not 0 < total < 4000 or to_roman(total) != upper:
        return None
    return total


def letter_number(letter: str) -> int | None:
    """Position of a single Latin letter in the alphabet: "a" -> 1, "B" -> 2."""
    if len(letter) == 1 and letter.isascii() and letter.isalpha():
        return ord(letter.lower()) - ord("a") + 1
    return None


ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_DIGIT_ORDINAL = re.compile(r"(\d+)\s*(?:st|nd|rd|th)?", re.IGNORECASE)


def english_ordinal(word: str) -> int | None:
    """Value of "4th", "Fourth", "twenty-first", "21": the forms used for sessions.

    >>> english_ordinal("Fourteenth"), english_ordinal("16th"), english_ordinal("twenty-first")
    (14, 16, 21)
    """
    text = word.strip().lower()
    match = _DIGIT_ORDINAL.fullmatch(text)
    if match:
        return int(match.group(1))
    if text in ORDINAL_WORDS:
        return ORDINAL_WORDS[text]
    tens, _, unit = text.replace(" ", "-").partition("-")
    if tens in TENS and unit in ORDINAL_WORDS and ORDINAL_WORDS[unit] < 10:
        return TENS[tens] + ORDINAL_WORDS[unit]
    return None


NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
}  # fmt: skip
"""Cardinal words of periods ("five years", "thirty days")."""

# Markers of structure ---------------------------------------------------------------------

ARTICLE_WORDS = ("Article",)
CHAPTER_WORDS = ("Chapter", "CHAPTER")
SECTION_WORDS = ("Section",)
SCHEDULE_WORD = "SCHEDULE"
PREAMBLE_WORDS = ("Preamble", "PREAMBLE")

CITING_WORDS = frozenset(
    """with in under of see to and or by per from pursuant that this said the than on at for as
    into between following preceding before after within through paragraph item subparagraph
    provided stipulated prescribed specified mentioned referred""".split()
)
"""A marker right after one of these words is a cross-reference ("in accordance with
Article 12"), not a heading."""

# One scan for the markers that may stand anywhere, including the line breaks; the markers
# that only open a line are tried once at each line start the scan finds. The scan starts
# with a cheap look at the first character, which lets the regex engine skip most positions
# without trying every alternative.
SCAN = re.compile(
    rf"""
    (?=[\n\r{"".join(sorted({w[0] for w in (*ARTICLE_WORDS, *CHAPTER_WORDS, *SECTION_WORDS)}))}(（])
    (?:
      (?P<nl>\r\n|\r|\n)
    | (?<![\w\-])(?P<article>{_words(ARTICLE_WORDS)})[ \t\u00a0]*(?P<art>\d{{1,6}})(?![\d])
    | (?<![\w\-])(?P<chapter>{_words(CHAPTER_WORDS)})[ \t\u00a0]+
        (?P<chp>[IVXLC]{{1,7}}|\d{{1,3}})(?![\w])
    | (?<![\w\-])(?P<section>{_words(SECTION_WORDS)})[ \t\u00a0]+(?P<sec>\d{{1,3}})(?![\w])
    | (?P<paren>[(（](?P<pv>\d{{1,3}}|[a-zA-Z]{{1,5}})[)）])
    )
    """,
    re.VERBOSE,
)
LINE_START = re.compile(
    rf"""
    [ \t\u00a0\u3000]*
    (?:
      (?P<glued>(?P<gn>\d{{1,3}})(?:(?P<gs>[A-Z]{{1,2}})(?=[A-Z][a-z])|(?=[A-Z“‘"])))
    | (?P<dot>(?P<dn>\d{{1,3}})\.)(?=[ \t])
    | (?P<roman>(?P<rn>[IVXLC]{{1,7}})\.)(?=[ \t])
    | (?P<sched>{SCHEDULE_WORD}S?)(?:[ \t]*(?P<schn>\d{{1,3}}))?(?![a-z])
    )
    """,
    re.VERBOSE,
)
"""Markers that only count at the start of a line: a UK section number glued to its heading
("1Heading"), "1." items, "I." points, and schedules."""
GLUED_HEADING_END = ".;:,—–"
"""A glued UK heading never ends like a sentence."""
CAPTION = re.compile(
    r"[ \t\u00a0]*[(（\[【]([A-Z][^\n\r()（）\[\]【】]{0,100})[)）\]】][ \t]*(?=[\r\n]|$)"
)
HEADING_FOLLOW = re.compile(
    r"""[ \t\u00a0]*(?:
        $|[\r\n]                                  # end of line
      | [:：.](?![\d])                            # "Article 1:" / "Article 1."
      | [(（\[【][A-Z]                            # a caption in brackets
      | [A-Z“"‘\u4e00-\u9fff]                     # a capitalised sentence, a quote, Chinese
    )""",
    re.VERBOSE,
)
FULL_STOP = re.compile(r"[.。](?:\s|$)")
ITEM_CITING_FOLLOW = re.compile(r"[ \t\u00a0]*(?:of\b|[,，]|\([\da-z])")
CITING_FOLLOW = re.compile(r"[ \t\u00a0]*(?:(?:of|to|through|and|or)\b|[,，\-–]|\([\da-z])")
ITEM_DOTS = (".", "．")
ARTICLE_LINE = re.compile(rf"^[ \t]*{_words(ARTICLE_WORDS)}[ \t]*\d+", re.M)
"""An article heading at a line start: how a bilingual edition's English half is found."""
PREAMBLE = re.compile(rf"^[ \t\u3000]*{_words(PREAMBLE_WORDS)}[ \t\u3000]*$", re.M)

# Titles and the preface -------------------------------------------------------------------

ABBREVIATIONS = frozenset({"No", "Nos", "Art", "Arts", "Co", "Ltd", "Inc", "St", "Vol", "para"})
"""A full stop after one of these does not end a sentence."""
SENTENCE_SPLIT = re.compile(r"[.!?。！？;；](?:(?<=[;；])|(?=\s+[A-Z“\"(\u4e00-\u9fff]))(\s*)")
"""A sentence end: group 1 is the space after it (the pattern opens with the mark itself, which
lets the regular-expression engine skip to the marks instead of trying every position)."""
ABBREVIATED_WORD = re.compile(r"(\w+)\.$")
KINDS_OF_ACT = (
    "Provisions", "Regulation", "Regulations", "Law", "Measures", "Rules", "Decision",
    "Procedures", "Act", "Code", "Constitution", "Interpretation", "Notice", "Opinions",
    "Methods", "Ordinance", "Statute", "Directive", "Resolution", "Guidelines",
)  # fmt: skip
"""The words a title ends on, or at least contains: "... Provisions", "... Act 2017"."""
TITLE_WORD = re.compile(rf"\b{_words(KINDS_OF_ACT)}\b")
NOT_TITLE_START = re.compile(
    r"(?:Chapter|Section|Article|Part|Contents|Table\s+of|Announcement|Decree|Order|Updated|"
    r"Source|Date|Note|Attention|Mayor|Be\s+it|An\s+Act\s+to|The\s+full\s+text)\b",
    re.IGNORECASE,
)
NOTE_OPEN = re.compile(r"[(（]\s*(?:Adopted|Promulgated|Approved|Passed|Issued|Amended|Revised)")
DATE_ONLY = re.compile(r"[\[(（]?\s*(?P<date>[^()\[\]]+?)\s*[\])）]?$")
DOCUMENT_NUMBER = re.compile(r"(?:\[\d{4}\]\s*No\.\s*\d+|^No\.\s*\d+$|^\[\w+\]\s*No\.\s*\d+$)")
ISSUING_HEADER = re.compile(
    r"(?P<kind>Announcement|Decree|Order|Notice)(?:\s+(?P<number_before>No\.\s*\d+))?"
    r"(?:\s+of)?(?:\s+the)?\s+(?P<body>[A-Z][^\n]*?)"
    r"(?:\s*(?P<number_after>\(?No\.\s*\d+\)?)(?:$|\s*[—–:-]?\s+(?=[A-Z]))|$)"
)
"""The heading of an order or announcement: a line of its own, or, in a text run onto one
line, the words up to its number ("Order of the President ... No. 12 — The Law ...")."""
NUMBER_LINE = re.compile(r"(?:\[[^\]]{1,12}\]\s*)?\(?No\.\s*\d+\)?")
CONGRESS = re.compile(r"Congress|Standing Committee|Parliament")
PROMULGATED_ON_ADOPTION = re.compile(
    r"(?:the\s+)?(?:Standing\s+Committee\s+of\s+the\s+)?\w+\s+National\s+People['’]s\s+Congress"
    r"(?:\s+of\s+the\s+People['’]s\s+Republic\s+of\s+China)?",
    re.IGNORECASE,
)
"""The bodies whose acts are promulgated on the day they are adopted: the President of the
PRC promulgates the laws of the National People's Congress and of its Standing Committee by
an order of the day of adoption ("shall go into effect as of the date of promulgation")."""
"""A title naming one of these is a congress's act, whose date line is its adoption."""
ROYAL_ASSENT = ("Parliament", "Royal Assent")
"""Body and instrument of a UK Act's bracketed date line ("[29th April 2021]")."""
FRONT_PROSE = re.compile(r"(?:An\s+Act\s+to|Be\s+it\s+enacted|Whereas|WHEREAS)\b")
"""Front matter that is prose: a UK long title and enacting formula, recitals."""

# Dates ----------------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_ABBREVIATIONS = {name[:3]: number for name, number in MONTHS.items()} | {"sept": 9}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
# Translations are hard-wrapped at any word: a date's parts may stand on two lines
# ("January" / "1, 2019").
DATE = re.compile(
    rf"""
    (?<![\w])
    (?:
      (?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})
    | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})
    | (?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})
    )
    (?![\w])
    """,
    re.VERBOSE,
)
"""The closed set of English date forms: "July 25, 2023", "25 July 2023", "2023-07-25"."""


def month_number(name: str) -> int:
    """The month a name or abbreviation names: "Sept." -> 9."""
    key = name.rstrip(".").lower()
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key[:4] if key == "sept" else key[:3]]


# Event phrases: subjects, verbs, anchors, periods --------------------------------------------

SUBJECTS = (
    "These Provisions", "These Regulations", "This Regulation", "This Law", "This Act",
    "These Measures", "These Rules", "These Detailed Rules", "These Implementing Rules",
    "This Decision", "These Procedures", "This Order", "This Code", "This Interpretation",
    "These Interpretations", "This Amendment", "These Amendments", "This Notice",
    "These Opinions", "This Resolution",
)  # fmt: skip
"""How an act names itself as the subject of its commencement sentence."""
OTHER_SUBJECTS = (
    "licence", "licences", "license", "licenses", "permit", "permits", "certificate",
    "certificates", "registration", "registrations", "qualification", "qualifications",
    "approval", "approvals", "authorization", "authorisation", "accreditation", "card",
    "cards", "filing",
)  # fmt: skip
"""Things whose validity an act states ("The licence shall be valid for five years"): a
period or an expiry whose subject is one of these is theirs, never the act's."""
PARTIAL_SUBJECTS = (
    r"(?:Sections?|Articles?)\s+\d",
    r"The\s+rest\s+of\s+this\s+Act",
    r"provisions\s+of\s+this\s+Act",
    r"The\s+following\s+provisions",
    r"This\s+section",
    r"This\s+article",
    "They",
)
"""Subjects that commence some provisions, or refer back to the act ("They")."""
REST_OF_ACT = re.compile(
    r"\b(?:the\s+rest\s+of\s+this\s+Act|the\s+provisions\s+of\s+this\s+Act|all\s+other\s+"
    r"provisions)\b",
    re.IGNORECASE,
)
FOLLOWING_PROVISIONS = re.compile(r"(?i)the\s+following\s+provisions")
PROVISION_RANGE = re.compile(
    r"\b(?:sections?|articles?)\s+(?P<first>\d+)(?:\s*(?:to|-|–)\s*(?P<last>\d+))?"
    r"(?P<more>(?:\s*(?:,|and)\s*\d+(?!\s*\())*)",
    re.IGNORECASE,
)
THIS_PROVISION = re.compile(r"\bthis\s+(?:section|article)\b", re.IGNORECASE)
RELATIVE_PRONOUN = re.compile(r"\b(?:which|that|who)$")
"""A verb right after one of these has another subject: "the Regulations on X, which came
into force on May 1, 2019"."""
LIST_LABEL = re.compile(r"^\s*\(\d+\)\s*")
SUBJECT_TO = re.compile(r"^Subject\s+to\s+[^,]+,\s*")
COMMENCEMENT_HEADING = "commencement"

EFFECTIVE_VERBS = (
    "come into force", "comes into force", "came into force", "go into force", "goes into force",
    "went into force", "enter into force", "enters into force", "entered into force",
    "take into force", "takes into force", "took into force", "come into effect",
    "comes into effect", "came into effect", "go into effect", "goes into effect",
    "went into effect", "enter into effect", "enters into effect", "entered into effect",
    "take into effect", "takes into effect", "took into effect", "take effect", "takes effect",
    "taken effect", "effective", "become effective", "becomes effective", "became effective",
    "be implemented", "become operative", "put into force", "put into effect",
    "put into implementation", "be enforced", "be executed", "for implementation",
    "come into operation", "comes into operation", "came into operation",
)  # fmt: skip
"""Verbs of entry into force ("for implementation": "promulgated for implementation as of
the date of promulgation")."""
AUXILIARIES = ("shall", "will", "is", "are", "be", "hereby")
"""Words between a subject and its verb ("These Measures shall be put into force"), which
belong to neither."""
COMMENCEMENT_PREPOSITIONS = (
    "on", "as of", "as from", "from", "with effect from", "starting from", "starting on",
    "beginning from", "beginning on", "commencing from", "commencing on", "since", "upon",
)  # fmt: skip
"""What joins a verb of entry into force to its date or anchor ("with effect from")."""
EXPIRY_VERBS = (
    "valid until", "valid till", "valid through", "valid for", "remain in force until",
    "expire", "expires", "expired", "cease to have effect", "ceases to have effect",
    "ceased to have effect", "cease to be in force", "ceases to be in force",
    "ceased to be in force",
)  # fmt: skip
ADOPTION_VERBS = ("adopted", "passed")
APPROVAL_VERBS = ("approved",)
PROMULGATION_VERBS = ("promulgated", "issued", "published", "released")
ANCHOR_NOUNS = {
    "promulgation": "promulgated", "publication": "promulgated", "issuance": "promulgated",
    "issue": "promulgated", "release": "promulgated", "announcement": "promulgated",
    "adoption": "adopted", "passage": "adopted", "approval": "approved",
}  # fmt: skip
"""The events a date counts from ("as of the date of adoption"), by the kind they are."""
ANCHOR_DAYS = ("date", "day")
"""The words of "the date of promulgation", "the day of its publication"."""
CONTINUING_WORDS = (
    frozenset(
        """by at of on in into from as to with for and or the a an its their this these shall
        will be is are was were been has have hereby which that come comes go goes enter
        enters take takes put The This These""".split()
    )
    | frozenset(preposition.split()[-1] for preposition in COMMENCEMENT_PREPOSITIONS)
    | frozenset(name.capitalize() for name in MONTHS)
)
"""A line or clause that ends on one of these (or on a comma, or before a small letter) is a
sentence broken by a line break or a blank line: "promulgated by" / "the State Council on
...", "January" / "1, 2019"."""
SIGNATORIES = (
    "Premier", "Vice Premier", "President", "Minister", "Mayor", "Governor", "Chairman",
    "Chairwoman", "Chairperson", "Director", "Director-General", "Commissioner",
    "Procurator-General",
)  # fmt: skip
"""Who signs an order or decree; the date on the line under the signature dates it."""
SIGNATURE = re.compile(
    rf"{_words(SIGNATORIES)}(?:\s+of\s+(?:the\s+)?[A-Z][^:：\n]{{0,100}}?)?"
    r"(?:\s*[:：]\s*|\s+)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
)
"""A signature line: "Premier: Li Qiang", "President of the People's Republic of China: Xi
Jinping"."""
PERIOD_UNITS = {"day": "D", "month": "M", "year": "Y"}
PERIOD_WORDS = tuple(NUMBER_WORDS)


def _at_word_starts(pattern: str, *words: Iterable[str], also: str = "") -> re.Pattern[str]:
    """``pattern``, every alternative of which starts a word with the first letter of one of
    ``words`` (or of ``also``): the scan tests that letter first and skips most positions
    without trying each alternative (several times faster on long articles)."""
    initials = {w[0] for group in words for w in group} | set(also)
    return re.compile(rf"\b(?=[{''.join(sorted(initials))}])(?:{pattern})")


COMMENCEMENT_WORDS = _at_word_starts(
    r"\binto\s+(?:force|effect)\b|\beffective\b|\btakes?\s+effect\b|\bvalid\b|\bexpire"
    r"|\bcease|\brepealed\b|\babolished\b|\bannulled\b|\brescinded\b",
    also="ietvcra",
)
"""A closing article that contains none of these states no commencement or repeal."""
COMMENCEMENT_VERB = _at_word_starts(
    r"\b(?:shall\s+)?(?:come|comes|go|goes|enter|enters|take|takes)\s+into\b"
    r"|\bshall\s+(?:be\s+)?(?:effective|take|valid|expire|remain|cease)"
    r"|\b(?:is|are)\s+valid\b|\bexpires?\b|\bceases?\s+to\b",
    also="scgetiae",
)
REPEAL = _at_word_starts(
    r"\b(?:shall|is|are)\s+(?:hereby\s+)?(?:be\s+)?(?:repealed|abolished|annulled|rescinded)\b"
    r"|\bshall\s+(?:be\s+)?(?:repealed|abolished|annulled|rescinded)\b"
    r"|\b(?:shall\s+)?(?:cease|ceases)\s+to\s+be\s+(?:effective|in\s+force)\s+"
    r"(?:simultaneously|at\s+the\s+same\s+time)",
    also="siac",
)
REPEALED_HISTORY = re.compile(
    r"\s+(?:which\s+(?:was|were)\s+)?(?:promulgated|adopted|issued|approved)\b"
)
"""The start of the quoted history of a repealed act ("..., promulgated on ...")."""

MEETING_KINDS = ("Routine", "Executive", "Plenary", "Ordinary", "Ministerial")
"""What kind of meeting adopted an act: "the 49th Executive Meeting of the State Council", "the
3rd ministerial meeting of the Ministry of Commerce" (in either case)."""
_MEETING_KIND = _words((*MEETING_KINDS, *(kind.lower() for kind in MEETING_KINDS)))
SESSION = re.compile(
    rf"""(?:\bat|\bby)\s+(?:the\s+)?
    (?P<session>(?:\d+\s*(?:st|nd|rd|th)?|[A-Za-z]+(?:-[A-Za-z]+)?)\s*
       (?:{_MEETING_KIND}\s+)?
       (?:Session|Meeting|session|meeting))
    (?:\s+of\s+(?:the\s+)?(?P<body>.+))?""",
    re.VERBOSE | re.DOTALL,
)
INSTRUMENT = re.compile(
    r"""\bby\s+(?:the\s+)?(?P<instrument>(?:Order|Decree|Announcement|Notice)(?:\s+No\.\s*\d+)?)
    (?:\s+of\s+(?:the\s+)?(?P<body>.+))?""",
    re.VERBOSE | re.DOTALL,
)
BY_BODY = re.compile(r"\bby\s+(?:the\s+)?(?P<body>[A-Z].+)", re.DOTALL)
IN_ACCORDANCE = re.compile(
    r"\bin\s+accordance\s+with\s+(?:the\s+)?(?P<instrument>.+?)(?=\s+(?:adopted|made|passed|"
    r"approved|at\s+the|by\s+the)\b|$)",
    re.DOTALL,
)
AMENDING_SUBJECT = re.compile(
    r"\bDecision\b.{0,300}?\bon\s+(?:Amending|the\s+Amendment|Revising|Amendment)", re.DOTALL
)
SUBJECT_DECISION = re.compile(r"(?P<instrument>\bDecision\b.+?)\s+(?:was|were|is|are|has|have)\b")
RELATIVE_PASSING = re.compile(r"\bon\s+the\s+day\s+on\s+which\s+this\s+Act\s+is\s+passed\b")
INCLUSIVE_END = re.compile(r"\b(?:until|till|through)\b", re.IGNORECASE)
TO_BE_APPOINTED = re.compile(r"\bon\s+such\s+day\b.{0,120}?\bappoint\b", re.DOTALL)
TRAILING_JOINER = re.compile(r"\s+(?:and|on)$")
"""A phrase cut before its date ends on "and" or "on", which belong to the cut."""

REFERENCE = re.compile(r"\bArticle\s+(?P<n>\d+)(?!\s*(?:\(\w+\)\s*)?of\s+(?:the|that)\s+[A-Z])")
"""A citation of an article of this act (not "Article 5 of the Company Law")."""


@dataclass(frozen=True)
class Phrases:
    """The event-phrase patterns, composed from the tables above by :func:`phrases`."""

    subjects: tuple[str, ...]
    anchors: re.Pattern[str]
    period: re.Pattern[str]
    after_anchor: re.Pattern[str]
    """ "after the date of promulgation", after a period; the group ``anchor`` is the noun."""
    on_anchor: re.Pattern[str]
    """ "as of the date of promulgation", "upon adoption"; the group ``anchor`` is the noun."""
    anchor_kinds: dict[str, str]
    """The kind of event (an ``EventKind`` value) each anchor noun, in lower case, names."""
    commencement_subject: re.Pattern[str]
    whole_act: re.Pattern[str]
    other_subject: re.Pattern[str]
    """A thing other than the act whose validity a sentence may state (a licence)."""
    closing_words: re.Pattern[str]
    commencement_verb: re.Pattern[str]


@lru_cache(maxsize=8)
def phrases(
    subjects: tuple[str, ...] = SUBJECTS,
    effective_verbs: tuple[str, ...] = EFFECTIVE_VERBS,
    expiry_verbs: tuple[str, ...] = EXPIRY_VERBS,
    promulgation_verbs: tuple[str, ...] = PROMULGATION_VERBS,
    prepositions: tuple[str, ...] = COMMENCEMENT_PREPOSITIONS,
    anchor_nouns: tuple[tuple[str, str], ...] = tuple(ANCHOR_NOUNS.items()),
    other_subjects: tuple[str, ...] = OTHER_SUBJECTS,
) -> Phrases:
    """The event-phrase patterns of English, from the tables (extend one to read a new
    phrasing: ``phrases(subjects=(*SUBJECTS, "These Guidelines"))``)."""
    # Every alternative starts a word with one of these letters: testing them first lets the
    # scan skip most positions without trying each alternative (4x faster on the corpus).
    initials = {"a", "r"} | {
        word[0].lower()
        for word in (
            *effective_verbs,
            *expiry_verbs,
            *ADOPTION_VERBS,
            *APPROVAL_VERBS,
            *promulgation_verbs,
        )
    }
    first = "".join(sorted(initials | {c.upper() for c in initials}))
    anchors = re.compile(
        rf"""
        \b(?=[{first}])
        (?:
        (?P<amended>\bamended(?:\s+and\s+re-?promulgated)?(?:\s+for\s+the\s+(?P<ordinal>[\w-]+)\s+time)?\b)
      | (?P<revised>\brevised(?:\s+for\s+the\s+(?P<rordinal>[\w-]+)\s+time)?\b)
      | (?P<effective>\b{_words(effective_verbs)}\b)
      | (?P<expires>\b{_words(expiry_verbs)}\b)
      | (?P<adopted>\badopted\b|(?<!\bis\s)\bpassed\b)
      | (?P<approved>\b{_words(APPROVAL_VERBS)}\b)
      | (?P<promulgated>\b{_words(promulgation_verbs)}\b)
        )
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    # "the date of its promulgation", "the day of publication", or the noun alone ("upon
    # adoption").
    anchor = (
        rf"(?:the\s+{_words(ANCHOR_DAYS)}\s+of\s+)?(?:its\s+|their\s+)?"
        rf"(?P<anchor>{_words(noun for noun, _ in anchor_nouns)})\b"
    )
    period = re.compile(
        rf"\b(?P<n>\d+|{'|'.join(PERIOD_WORDS)})\s*(?:\(\d+\)\s*)?"
        rf"(?P<unit>{'|'.join(PERIOD_UNITS)})s?\b",
        re.IGNORECASE,
    )
    whole = _words(subjects)
    # The subject opens its sentence: "... the Regulations on X, which came into force on
    # May 1, 2019" states another act's commencement.
    commencement_subject = re.compile(
        rf"(?:[Tt]he\s+)?(?:\b{whole}\b|\b(?:{'|'.join(PARTIAL_SUBJECTS)}))"
    )
    auxiliaries = rf"(?:{_words(AUXILIARIES)}\s+)*"
    return Phrases(
        subjects=subjects,
        anchors=anchors,
        period=period,
        after_anchor=re.compile(rf"\b(?:after|from|following)\s+{anchor}", re.IGNORECASE),
        on_anchor=re.compile(rf"\b{_words(prepositions)}\s+{anchor}", re.IGNORECASE),
        anchor_kinds={noun.lower(): kind for noun, kind in anchor_nouns},
        commencement_subject=commencement_subject,
        whole_act=re.compile(rf"{whole}|They"),
        # In small letters only: "Measures for the Administration of Licences" is a title.
        other_subject=re.compile(rf"\b{_words(other_subjects)}\b"),
        closing_words=_at_word_starts(
            rf"{COMMENCEMENT_WORDS.pattern}|\b{_words((*effective_verbs, *expiry_verbs))}\b",
            effective_verbs,
            expiry_verbs,
            also="ietvcra",
        ),
        commencement_verb=_at_word_starts(
            rf"{COMMENCEMENT_VERB.pattern}|\b{auxiliaries}{_words(effective_verbs)}\b",
            effective_verbs,
            AUXILIARIES,
            also="scgetiae",
        ),
    )


PHRASES = phrases()
"""The English phrase patterns built from the default tables."""
SENTENCE_STOPS = ".!?"
"""Marks that end a full sentence (not a clause)."""
COMMENCEMENT_EXAMPLE = "These Provisions shall come into force on ..."
"""A commencement clause, as a hint shows one."""

# Vocabulary of generated regulations (lawparse.testing) ------------------------------------
# No word here is a structural keyword (Article, Chapter, Section, Schedule), a single letter,
# a Roman numeral or a month name, so the only structure in a generated text is the
# structure its spec puts there.

SAMPLE_WORDS = tuple(
    """the municipal people's government shall department relevant administrative organize
    implement work supervision management enterprises units individuals public services
    measures responsible accordance law penalty fine yuan district county water resources
    protection environment information data provide establish system approval license
    application within days not be and or of to for in on by with under as other its their
    such any all each level city plan safety construction traffic market price quality
    standard reported promptly necessary specific procedures coordinate guidance promote
    owners operators facilities registration inspection urban rural funds budget
    """.split()
)
SAMPLE_NOUNS = tuple(
    """Administration Supervision Management Liability Protection Resources Water Waste Traffic
    Safety Planning Construction Finance Leasing Markets Services Data Information Environment
    Registration Inspection Licensing Procedures Responsibilities Duties Rights Enforcement
    Facilities Funding Education Health Housing Transport Energy Culture Tourism Heritage
    Archives Statistics Standards Quality""".split()
)
"""Capitalised nouns for titles and captions; none is a citing word of the lexer."""
SAMPLE_CHAPTER_TITLES = ("General Provisions", "Legal Liability", "Supplementary Provisions")
SAMPLE_TITLES = (
    "Provisions of Shanghai Municipality on {subject}",
    "Shanghai Municipal Regulations on {subject}",
    "Measures for the Administration of {subject}",
    "Regulations of Henan Province on {subject}",
)
SAMPLE_CONGRESSES = (
    "Shanghai Municipal People's Congress",
    "Beijing Municipal People's Congress",
    "Guangdong Provincial People's Congress",
    "Henan Provincial People's Congress",
)
SAMPLE_NOTE = (
    "(Adopted at the {session} Session of the Standing Committee of the {congress_number} "
    "{congress} on {date})"
)
SAMPLE_COMMENCEMENT = "These Provisions shall come into force on {date}."
SAMPLE_REFERENCES = (
    "in accordance with Article {n} of these Provisions",
    "Articles {n} and {m}",
    "Paragraph 2 of Article {n}",
    "the preceding Article",
    "under Article {n},",
)
"""Cross-references ({n}, {m}: article numbers), which must never start an article."""
SAMPLE_MARKS = {"sentence": ".", "item": ";", "lead": ":", "space": " "}


def ordinal(number: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_date(day: dt.date) -> str:
    """A date as English texts write it: "July 25, 2023"."""
    month = next(name for name, number in MONTHS.items() if number == day.month)
    return f"{month.capitalize()} {day.day}, {day.year}"


def article_label(number: int) -> str:
    """The heading of article ``number``: "Article 12"."""
    return f"{ARTICLE_WORDS[0]} {number}"


def chapter_label(number: int) -> str:
    """The heading of chapter ``number``: "Chapter II"."""
    return f"{CHAPTER_WORDS[0]} {to_roman(number)}"


def item_label(number: int) -> str:
    """The label of item ``number``: "(3)"."""
    return f"({number})"


# Amending instruments ---------------------------------------------------------------------
# Read as in Chinese (lawparse.languages.zh, "Amending instruments"): quotations are SLOTs,
# targets are runs of pieces. English names the smaller unit first ("Paragraph 2 of Article
# 5"); amend_target_text puts the article first, as the reader builds targets.

AMEND_UNITS = {
    "article": "article", "paragraph": "paragraph", "item": "item", "subparagraph": "item",
    "point": "item", "chapter": "chapter", "section": "section",
}  # fmt: skip
_UNIT_WORDS = r"(?:[Aa]rticle|[Pp]aragraph|[Ii]tem|[Ss]ubparagraph|[Pp]oint|[Cc]hapter|[Ss]ection)"
AMEND_TARGET_PIECE = re.compile(
    rf"""
      (?P<unit>{_UNIT_WORDS})s?\s+\(?(?P<n>\d+|[IVXLC]+)\)?(?:-(?P<sub>\d+))?
    | (?P<back>this|that|the\s+said|the\s+same)\s+(?P<bunit>{_UNIT_WORDS})
    | (?P<range>\bto\b|\bthrough\b)
    | \(?(?P<more>\d+)\)?
    """,
    re.VERBOSE,
)
"""One piece of a target: Article 12, Paragraph 2, Item (3), this Article, a range's "to",
or a bare number continuing a list ("Articles 3 and 5")."""
_TARGETS = (
    rf"(?:(?:{_UNIT_WORDS})s?\s+\(?(?:\d+|[IVXLC]+)\)?(?:-\d+)?|(?:this|that|the\s+said)\s+"
    rf"{_UNIT_WORDS}|\s+|,|\band\b|\bof\b|\bto\b|\bthrough\b|\(?\d+\)?)+?"
)
_ACT = r"(?:the\s+[A-Z][^,\"“”\ue000]{2,80}?(?:Law|Regulations|Provisions|Measures|Rules|Code|Act))"
_Q = rf"(?:{common.SLOT})"
_QS = rf"(?:{_Q}\s*)+"
_TO = (
    r"(?:is|are|shall\s+be)\s+(?:amended|revised|changed|modified)"
    r"\s+(?:to\s+read|as\s+follows|to|as|into)"
)
_REPLACED = (
    r"(?:is|are|shall\s+be)\s+(?:replaced|substituted)\s+(?:by|with)"
    r"|(?:is|are|shall\s+be)\s+(?:amended|revised|changed)\s+(?:to|into|as)"
)
_DELETED = r"(?:is|are|shall\s+be)\s+(?:deleted|removed|struck\s+out|repealed)"
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_COUNT = rf"(?P<count>{'|'.join(_COUNT_WORDS)}|\d+)"
WHOLE_ACT_WORDS = SUBJECTS
_WHOLE = rf"(?P<whole>{_words(s.lower() for s in SUBJECTS)}|{_words(SUBJECTS)})"
AMEND_OPERATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "title",
            rf"^The\s+(?:title|name)\s+of\s+(?:{_WHOLE}|(?P<act>{_ACT}))\s+{_TO}[:：]?\s*"
            rf"(?P<new>{_Q})\.?$",
        ),
        (
            "preamble",
            rf"^The\s+preamble\s+(?:of\s+(?:{_WHOLE}|(?P<act>{_ACT}))\s+)?{_TO}[:：]?\s*"
            rf"(?P<new>{_QS})\.?$",
        ),
        (
            "replace_words",
            rf"^(?:In\s+(?P<targets>{_TARGETS})(?:\s+of\s+(?P<act>{_ACT}))?,\s*)?(?:the\s+words?\s+|the\s+phrase\s+)?(?P<old>{_Q}(?:\s*(?:,|and|or)\s*{_Q})*)\s*(?:in\s+(?P<targets2>{_TARGETS}))?\s*(?:{_REPLACED})\s*(?P<new>{_Q})\.?$",
        ),
        (
            "delete_words",
            rf"^(?:In\s+(?P<targets>{_TARGETS}),\s*)?(?:the\s+words?\s+|the\s+phrase\s+)?(?P<old>{_Q}(?:\s*(?:,|and|or)\s*{_Q})*)\s*(?:{_DELETED})\.?$",
        ),
        (
            "substitute",
            rf"^(?P<targets>{_TARGETS})(?:\s+of\s+(?P<act>{_ACT}))?\s+{_TO}[:：]?\s*(?P<new>{_QS})\.?$",
        ),
        (
            "insert",
            rf"^(?:{_COUNT}\s+)?(?:new\s+)?(?P<unit>{_UNIT_WORDS})s?\s+(?:is|are|shall\s+be)\s+(?:added|inserted)"
            rf"(?:\s+(?P<where>after|before|to|into|in)\s+(?P<targets>{_TARGETS}))?(?:\s+of\s+(?P<act>{_ACT}))?"
            rf"(?:,?\s+as\s+(?P<as>{_TARGETS}))?(?:\s+thereof)?[:：,]?\s*(?P<new>(?:{_Q}\s*)*)\.?$",
        ),
        (
            "delete",
            rf"^(?P<targets>{_TARGETS})(?:\s+of\s+(?P<act>{_ACT}))?\s+{_DELETED}\.?$",
        ),
        (
            "renumber",
            rf"^(?:The\s+original\s+)?(?P<targets>{_TARGETS})\s+(?:is|are|shall\s+be)\s+(?:renumbered|changed)\s+(?:as|to|into)\s+(?P<as>{_TARGETS})\.?$",
        ),
    )
)  # fmt: skip
"""The operations an English instruction states (see lawparse.languages.zh)."""
AMEND_RENUMBER = re.compile(
    r"(?:order|numbering|sequence)\s+of\s+the\s+\w+.*(?:adjusted|changed|renumbered)"
    r"|renumbered\s+accordingly",
    re.IGNORECASE,
)
AMEND_CLOSING = re.compile(
    rf"^(?:{_words(SUBJECTS)}).*(?:into\s+(?:force|effect)|effective)|republished|revised\s+accordingly",
    re.IGNORECASE,
)
AMEND_PART = re.compile(rf"^(?:Amendments?\s+to\s+)?(?P<act>{_ACT})[:：]?$")
AMEND_DEFAULT_ACT = re.compile(rf"(?:amend|amendments?\s+to)\s+(?P<act>{_ACT})")
AMEND_CHANGE_WORDS = re.compile(
    r"\b(?:amend(?:ed)?|replaced?|substituted?|deleted?|omitted?|repealed|inserted?|added"
    r"|renumbered|read)\b",
    re.IGNORECASE,
)
"""The verbs of a change to wording. A clause with none, no target and no quotation is the
instrument's own narrative or an annex's heading, no instruction left unread."""
AMEND_DIVISION_HEADING = re.compile(r"^(?:Chapter|Part)\s+(?:[IVXLC]+|\d+)\b", re.IGNORECASE)
"""The heading that opens a quoted chapter."""
AMEND_PURPOSE = re.compile(r"^(?:In\s+order\s+to|For\s+the\s+purposes?\s+of)\b", re.IGNORECASE)
"""An instruction that opens with its purpose: the clauses before its first operation
state why, not what."""
AMEND_CLAUSE_BREAK = re.compile(r"(?<=[.;])\s+|\n")
AMEND_INSTRUCTION = re.compile(
    r"^[ \t]*(?:(?P<label>\d{1,3})[.．]\s+|\((?P<sub>\d{1,3})\)\s+|(?P<art>[IVXLC]{1,6})[.．]\s+)",
    re.M,
)
ITEM_START = re.compile(r"^[ \t]*\((?:\d{1,3}|[a-z]{1,2})\)")
AMEND_ARTICLE_HEADING = re.compile(
    rf"[ \t]*{ARTICLE_WORDS[0]}\s+(?P<n>\d+)(?:-(?P<sub>\d+))?(?=\s|$)"
)
LIST_SEPARATOR = ", "
AMEND_WHERE = {
    "after": "after",
    "following": "after",
    "before": "before",
    "to": "in",
    "into": "in",
    "in": "in",
}
SUFFIX_MARK = "-"


def amend_number(word: str) -> int | None:
    """A number as an instruction writes it: 12, XII, one, a."""
    lowered = word.lower()
    if lowered in _COUNT_WORDS:
        return _COUNT_WORDS[lowered]
    if word.isdigit():
        return int(word)
    return parse_roman(word.upper())


def amend_target_text(text: str) -> str:
    """'Paragraph 2 of Article 5' as 'Article 5 Paragraph 2': the article first."""
    parts = re.split(r"\s+of\s+", text)
    return " ".join(reversed(parts)) if len(parts) > 1 else text


def suffixed_article_label(label: str, sub: int) -> str:
    """Article 20 and 1: Article 20-1 (第二十条之一)."""
    return f"{label}{SUFFIX_MARK}{sub}"


def quoted_title(title: str) -> str:
    """A title as English text cites it."""
    return title


def bare_title(title: str) -> str:
    """A quoted title without its marks."""
    return title.strip("\"'")


def is_title(name: str) -> bool:
    """Is ``name`` an act's title (The X Law), not a reference to this act?"""
    return bool(re.match(_ACT, name))


def names_itself(name: str) -> bool:
    """Does an instruction call the act by its own words (this Law)?"""
    return name.lower() in {s.lower() for s in SUBJECTS}


def names_act(name: str, title: str | None) -> bool:
    """Does ``name`` (the Law on X) name the act titled ``title``?"""
    if not title:
        return False
    wanted = re.sub(r"\W+|^the", "", title.lower())
    given = re.sub(r"\W+", "", re.sub(r"^the\s+", "", name.strip().lower()))
    return bool(given) and (given == wanted or wanted.endswith(given) or given.endswith(wanted))


AMENDMENT_NOTE = "(Amended in accordance with the {title}, {verb} on {date})"
"""The line a consolidated text's preface gains for the instrument that amended it."""
AMENDMENT_NOTE_VERBS = {"adopted": "adopted", "promulgated": "promulgated", "approved": "approved"}


def amendment_note(day: dt.date, body: str, session: str, verb: str, title: str) -> str:
    """The preface line for an amending instrument (see :data:`AMENDMENT_NOTE`)."""
    del body, session  # the title names the body; English notes leave the session out
    return AMENDMENT_NOTE.format(
        title=title, verb=AMENDMENT_NOTE_VERBS[verb], date=format_date(day)
    )


# Cross-references ----------------------------------------------------------------------------
# English names the smaller unit first and chains with "of": "item (3) of paragraph 1 of
# Article 20 of these Provisions", "Articles 3 to 5", "the preceding paragraph", "section
# 5(2)(a)", "Article 5 of the Company Law". lawparse.references reads the run of pieces.

CITATION_UNITS = {
    "article": "article", "articles": "article", "section": "article", "sections": "article",
    "paragraph": "paragraph", "paragraphs": "paragraph", "subsection": "paragraph",
    "subsections": "paragraph", "item": "item", "items": "item", "subparagraph": "item",
    "subparagraphs": "item", "sub-paragraph": "item", "sub-paragraphs": "item", "point": "item",
    "points": "item", "chapter": "chapter", "chapters": "chapter", "schedule": "schedule",
    "schedules": "schedule",
}  # fmt: skip
"""The unit words of a citation, in lower case, and each one's kind ("section" is a UK Act's
article, "subsection" its paragraph)."""
PRECEDING_WORDS = ("preceding", "previous", "foregoing")
THIS_WORDS = ("this", "the same")
CITED_KINDS_OF_ACT = (*KINDS_OF_ACT, "Order")
"""What the title of a cited act ends on: the kinds of act, and a UK statutory "Order"."""
THAT_WORDS = ("that", "the said")
"""Another act named again: "section 53 of that Act"."""
AMENDED_AS_FOLLOWS = re.compile(r"\b(?:is|are)\s+amended\s+as\s+follows\b|\bis\s+amended\b")
"""A provision of another act amended in the sentences that follow: what they cite ("In
subsection (4), for "28" substitute "56"") is of that provision."""
CITATION_LIST_WORDS = (",", "and", "or", ", and", ", or", "and/or")
CITATION_RANGE_WORDS = ("to", "through", "-", "–")
CITATION_OF = ("of", "in", "under")
"""What joins a smaller unit to the larger one it is part of: "paragraph 2 of Article 5"."""
_COUNTS = "|".join(w for w in NUMBER_WORDS if NUMBER_WORDS[w] < 10)
_UNIT = _words(CITATION_UNITS)
_SUBDIVISION = r"\([0-9a-z]{1,4}\)"
_CITED = rf"(?:\d+[A-Z]{{0,2}}(?:-\d+)?(?:{_SUBDIVISION})*|(?:{_SUBDIVISION})+)"
_TITLE_WORD = r"(?:[A-Z][\w'’-]*|PRC|\([A-Z][\w'’ -]*\))"
_TITLE_JOINER = r"(?:of|the|on|for|and|in|to)"
_LIST = rf"(?:\s*(?:{_words(CITATION_LIST_WORDS)}|{_words(CITATION_RANGE_WORDS)})\s*)"
CITATION_PIECE = re.compile(
    rf"""
      \b(?P<unit>{_UNIT})\s*(?P<numbers>{_CITED}(?:{_LIST}(?!{_UNIT}\b){_CITED})*)
    | \b(?:the\s+)?(?P<before>{_words(PRECEDING_WORDS)})\s+(?:(?P<count>{_COUNTS}|\d)\s+)?
        (?P<bunit>{_UNIT})\b
    | \b(?:the\s+)?(?:(?P<count2>{_COUNTS}|\d)\s+)(?P<before2>{_words(PRECEDING_WORDS)})\s+
        (?P<bunit2>{_UNIT})\b
    | \b(?P<this>{_words(THIS_WORDS)})\s+(?P<tunit>{_UNIT})\b
    | \b(?P<subject>{_words(s.lower() for s in SUBJECTS)}|{_words(SUBJECTS)})\b
    | \b(?P<that>{_words(THAT_WORDS)})\s+(?P<thatkind>{_words(CITED_KINDS_OF_ACT)})\b
    | \b(?-i:[Tt]he\s+(?P<title>(?:{_TITLE_WORD}\s+(?:{_TITLE_JOINER}\s+)*)*?
        {_words(CITED_KINDS_OF_ACT)}(?:\s+(?:{_TITLE_JOINER}\s+)*{_TITLE_WORD})*(?:\s+\d{{4}})?))\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""One piece of a citation: a unit with its numbers ("Articles 3 to 5", "Article 20(1)(3)",
"subsection (1)(a)"), a preceding one ("the preceding paragraph", "the preceding two
paragraphs"), this one ("this Article"), the act naming itself ("these Provisions"), or the
title of another act ("the Company Law")."""
CITED_NUMBER = re.compile(rf"(?P<n>\d+)(?P<suffix>[A-Z]{{0,2}})(?:-(?P<sub>\d+))?|{_SUBDIVISION}")
"""A number of a citation and its subdivisions: 20, 21A, 3-1, (1), (a)."""


def citation_numeral(number: int) -> str:
    """How a citation writes an article's number: Article <21>."""
    return str(number)


# Rendering: where an act comes from, and its words in other formats ---------------------------

JURISDICTIONS = (
    ("Shanghai", "cn-sh"), ("Pudong", "cn-sh"), ("Beijing", "cn-bj"), ("Tianjin", "cn-tj"),
    ("Chongqing", "cn-cq"), ("Guangdong", "cn-gd"), ("Shenzhen", "cn-gd"),
    ("Zhejiang", "cn-zj"), ("Jiangsu", "cn-js"), ("Hainan", "cn-hi"), ("Fujian", "cn-fj"),
    ("Shandong", "cn-sd"), ("Sichuan", "cn-sc"), ("Henan", "cn-ha"), ("Hubei", "cn-hb"),
    ("Hunan", "cn-hn"),
)  # fmt: skip
"""The places an English translation of Chinese law names, with their ISO 3166-2 codes."""
UK_COUNTRY = "gb"
UK_SIGNS = ("Royal Assent", "Parliament")
"""An event's instrument or body that makes an act a UK Act: an Act of Parliament,
dated by its Royal Assent."""
UK_ACT_TITLE = re.compile(r"\bAct\s+\d{4}$")
"""A UK Act's short title ends with its year: "Homelessness Reduction Act 2017"."""
LANGUAGE_CODE = "eng"
"""ISO 639-2, as FRBRlanguage writes a language."""


def section_label(number: int) -> str:
    """The heading of section ``number``: "Section 3"."""
    return f"{SECTION_WORDS[0]} {number}"

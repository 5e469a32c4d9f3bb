"""Property: citations of provisions that exist resolve to exactly them, and citations of
provisions that do not exist stay unresolved.

A regulation is generated with articles of a few paragraphs, and some paragraphs cite an
article, a paragraph of an article, the preceding paragraph or a paragraph of this article,
with numbers drawn both inside and past what the text has. Every citation must be read at
its place, with the targets the generator knows, and nothing else may be read.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

import lawparse
from lawparse.languages import en, zh

FORMS = ("article", "paragraph_of", "preceding", "this_article_paragraph")


@dataclass(frozen=True)
class Cited:
    form: str
    article: int
    paragraph: int


def _wording(language: str, cited: Cited) -> str:
    article, paragraph = cited.article, cited.paragraph
    if language == zh.CODE:
        return {
            "article": f"本规定第{zh.to_numeral(article)}条",
            "paragraph_of": f"第{zh.to_numeral(article)}条第{zh.to_numeral(paragraph)}款",
            "preceding": "前款",
            "this_article_paragraph": f"本条第{zh.to_numeral(paragraph)}款",
        }[cited.form]
    return {
        "article": f"Article {article} of these Provisions",
        "paragraph_of": f"paragraph {paragraph} of Article {article}",
        "preceding": "the preceding paragraph",
        "this_article_paragraph": f"paragraph {paragraph} of this Article",
    }[cited.form]


def _expected(cited: Cited, here: int, para: int, shape: list[int]) -> tuple[str, ...]:
    """The eIds a citation in paragraph ``para`` of article ``here`` names; () when none."""
    articles = len(shape)
    if cited.form == "article":
        return (f"art_{cited.article}",) if cited.article <= articles else ()
    if cited.form == "preceding":
        return (f"art_{here}__para_{para - 1}",) if para > 1 else ()
    article = here if cited.form == "this_article_paragraph" else cited.article
    if article <= articles and cited.paragraph <= shape[article - 1]:
        return (f"art_{article}__para_{cited.paragraph}",)
    return ()


@st.composite
def regulations(draw: st.DrawFn) -> tuple[str, str, list[tuple[str, tuple[str, ...]]]]:
    language = draw(st.sampled_from((zh.CODE, en.CODE)))
    shape = draw(st.lists(st.integers(1, 3), min_size=1, max_size=8))
    expected: list[tuple[str, tuple[str, ...]]] = []
    lines = ["上海市测试规定" if language == zh.CODE else "Provisions on Testing"]
    for number, paragraphs in enumerate(shape, 1):
        for para in range(1, paragraphs + 1):
            if draw(st.booleans()):
                cited = Cited(
                    draw(st.sampled_from(FORMS)),
                    draw(st.integers(1, len(shape) + 3)),
                    draw(st.integers(1, 4)),
                )
                wording = _wording(language, cited)
                expected.append((wording, _expected(cited, number, para, shape)))
                sentence = (
                    f"有关部门依照{wording}的规定执行。"
                    if language == zh.CODE
                    else f"The department shall act under {wording}."
                )
            else:
                sentence = (
                    "有关部门依法执行。" if language == zh.CODE else "The department shall act."
                )
            head = ""
            if para == 1:
                head = (
                    f"{zh.article_label(number)} "
                    if language == zh.CODE
                    else f"{en.article_label(number)} "
                )
            lines.append(head + sentence)
    return language, "\n".join(lines) + "\n", expected


@settings(max_examples=150, deadline=None)
@given(regulations())
def test_generated_citations_resolve_to_exactly_what_exists(
    generated: tuple[str, str, list[tuple[str, tuple[str, ...]]]],
) -> None:
    _, text, expected = generated
    reg = lawparse.parse(text)
    read = [(r.text, r.targets) for r in reg.references]
    assert read == expected
    for reference, (_, targets) in zip(reg.references, expected, strict=True):
        assert (reference.unresolved is None) == bool(targets)
        assert reference.external is None


_PIECES = st.sampled_from(
    [
        "第十条", "第二款", "第（三）项", "前款", "前两款", "前条", "本条", "本法", "本章",
        "、", "和", "至", "《某法》", "刑法", "之一", "“", "”", "\n", "第一条 ", "。",
        "Article 5", " of ", "these Provisions", "the preceding paragraph", "(1)", "(a)",
        " and ", " to ", "section 3", "this section", "that Act", "the Company Law",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_text_reads_its_references_without_raising(text: str) -> None:
    reg = lawparse.parse(text, errors="collect")
    for reference in reg.references:
        assert reference.span.of(reg.source.text) == reference.text
        assert reference.external is None or reference.targets == ()

"""Cross-reference traps: mentions of articles that must never start a new article.

Each case is a text and the article numbers a reader finds in it. The phrasings are those of
the English translations in tests/corpus (see PHRASES.md) and of drafting manuals.
"""

from __future__ import annotations

import pytest

import lawparse

CASES = [
    pytest.param(
        "Article 1 These Provisions are formulated in accordance with Article 12 of the Law. "
        "Article 2 They apply in Pudong.",
        [1, 2],
        id="of-after-number",
    ),
    pytest.param(
        "Article 1 Text.\nArticle 2 The measures in Articles 3 and 4 shall apply.\n"
        "Article 3 Text.\nArticle 4 Text.",
        [1, 2, 3, 4],
        id="plural-articles",
    ),
    pytest.param(
        "Article 1 Text.\nArticle 2 Paragraph 2 of Article 5 shall not apply.\nArticle 3 Text.",
        [1, 2, 3],
        id="paragraph-of-article",
    ),
    pytest.param(
        "Article 1 Text.\nArticle 2 Where the preceding Article applies, the rule stands.\n"
        "Article 3 Text.",
        [1, 2, 3],
        id="preceding-article",
    ),
    pytest.param(
        "Article 1 Text. Article 2 Any person who violates Article 1 shall be fined. "
        "Article 3 Text.",
        [1, 2, 3],
        id="run-on-citing-earlier-article",
    ),
    pytest.param(
        "Article 6 Text.\nArticle 7 The penalty applies. Article 5 The provisions on fees "
        "remain.\nArticle 8 Text.",
        [6, 7, 8],
        id="sentence-starting-with-an-earlier-article",
    ),
    pytest.param(
        "Article 1 Text.\nArticle 2 The rule applies. Article 3 The exception in it is "
        "kept.\nArticle 3 Text of the real third article.\nArticle 4 Text.",
        [1, 2, 3, 4],
        id="sentence-starting-with-the-next-number",
    ),
    pytest.param(
        "Article 1 Text.\nArticle 2 This is subject to Article 3, which prevails.\nArticle 3 T.",
        [1, 2, 3],
        id="comma-after-number",
    ),
    pytest.param(
        "Article 1 Text.\nArticle 2 Except as provided under\nArticle 9 of the Law, it applies."
        "\nArticle 3 Text.",
        [1, 2, 3],
        id="line-break-before-a-citation",
    ),
    pytest.param(
        "Article 1 Text.\nArticle 2 Article 3 shall be revised as: \u201cArticle 3 The new text."
        "\u201d\nArticle 3 Text.",
        [1, 2, 3],
        id="quoted-article-in-an-amendment",
    ),
    pytest.param(
        "Article 1 Text.\nArticle 2 See Articles 10 to 12 and Article 14(2).\nArticle 3 Text.",
        [1, 2, 3],
        id="ranges-and-subdivisions",
    ),
    pytest.param(
        "Article 1 In accordance with the provisions of Article 2 through Article 4, the rule "
        "applies. Article 2 Text. Article 3 Text. Article 4 Text.",
        [1, 2, 3, 4],
        id="run-on-with-through",
    ),
    pytest.param(
        "Chapter I General Provisions\nArticle 1 Chapter II of these Provisions governs fees.\n"
        "Chapter II Fees\nArticle 2 Text.",
        [1, 2],
        id="chapter-citation",
    ),
    pytest.param(
        "Article 1 Text.\nArticle 2 For the purposes of Article 1, Article 3 and Article 4 of "
        "the Law, these terms apply.\nArticle 3 Text.",
        [1, 2, 3],
        id="several-citations-in-one-sentence",
    ),
]


@pytest.mark.parametrize(("text", "numbers"), CASES)
def test_no_false_article(text: str, numbers: list[int]) -> None:
    reg = lawparse.parse(text)
    assert [article.number for article in reg.articles] == numbers
    assert lawparse.render.text(reg) == text


def test_chapter_citation_does_not_open_a_chapter() -> None:
    text = (
        "Chapter I General Provisions\nArticle 1 Chapter II of these Provisions governs fees.\n"
        "Chapter II Fees\nArticle 2 Text."
    )
    reg = lawparse.parse(text)
    assert [(c.number, c.title) for c in reg.chapters] == [(1, "General Provisions"), (2, "Fees")]
    assert [a.number for a in reg.chapters[0].articles] == [1]
    assert "Chapter II of these Provisions" in reg.article(1).text

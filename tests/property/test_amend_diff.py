"""Property: amend, then diff, gives back the operations.

A regulation is generated (any layout the generator knows), an instrument is written with
operations drawn on its articles (restate an article, insert an article 之一 after one,
replace words in one, delete one with the rest renumbered), the instrument is applied, and
the diff of the base and the consolidated text must name exactly what the operations did.
"""

from __future__ import annotations

import random

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import lawparse
from lawparse.languages import zh
from lawparse.testing import random_regulation

NOTE = "2024年1月1日 河南省第十四届人民代表大会常务委员会第五次会议通过"


def _instrument(title: str, instructions: list[str], renumber: bool = False) -> str:
    points = [f"{zh.to_numeral(n)}、{text}" for n, text in enumerate(instructions, 1)]
    if renumber:
        points.append(f"{zh.to_numeral(len(points) + 1)}、条文顺序作相应调整。")
    return f"关于修改《{title}》的决定\n\n{NOTE}\n\n" + "\n".join(points) + "\n"


def _base(seed: int) -> lawparse.Regulation:
    generated = random_regulation(random.Random(seed), zh.CODE, max_articles=9)
    base = lawparse.parse(generated.text)
    assume(base.title is not None and len(base.articles) >= 2)
    return base


def _word_in(article: lawparse.Article) -> str | None:
    text = article.clauses[0].text if article.clauses else ""
    words = [text[i : i + 4] for i in range(0, max(len(text) - 4, 0), 3)]
    words = [w for w in words if all("\u4e00" <= ch <= "\u9fff" for ch in w)]
    return words[0] if words else None


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_amend_then_diff_gives_back_the_operations(seed: int, data: st.DataObject) -> None:
    base = _base(seed)
    numbers = [a.number for a in base.articles]
    by_number = {a.number: a for a in base.articles}
    restated = data.draw(st.sets(st.sampled_from(numbers), max_size=3), label="restated")
    after = data.draw(st.sets(st.sampled_from(numbers), max_size=2), label="insert after")
    others = [n for n in numbers if n not in restated]
    worded = data.draw(st.sets(st.sampled_from(others), max_size=2) if others else st.just(set()))
    instructions = []
    for number in sorted(restated):
        instructions.append(
            f"将第{zh.to_numeral(number)}条修改为：“本办法所称第{number}项事项，由主管部门另行规定。”"
        )
    for number in sorted(after):
        label = f"第{zh.to_numeral(number)}条"
        instructions.append(
            f"在{label}后增加一条，作为{label}之一：“新增事项{number}应当依法办理。”"
        )
    replaced = {}
    for number in sorted(worded):
        word = _word_in(by_number[number])
        if word is None:
            continue
        replaced[number] = word
        instructions.append(f"将第{zh.to_numeral(number)}条中的“{word}”修改为“甲乙丙丁”。")
    assume(instructions)
    assert base.title is not None
    consolidated = lawparse.amend(base, _instrument(base.title, instructions))
    assert [d.code for d in consolidated.diagnostics if d.code.startswith("LP4")] == []

    new_eids = {a.label: a.eid for a in consolidated.articles}
    expected = {("changed", by_number[n].eid, by_number[n].eid) for n in restated | set(replaced)}
    expected |= {
        ("added", None, new_eids[zh.suffixed_article_label(zh.article_label(n), 1)]) for n in after
    }
    edits = {(e.kind, e.old, e.new) for e in lawparse.diff(base, consolidated).edits}
    assert edits == expected


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_delete_with_renumbering_then_diff_is_removed_and_renumbered(
    seed: int, data: st.DataObject
) -> None:
    base = _base(seed)
    articles = base.articles
    index = data.draw(st.integers(0, len(articles) - 1), label="deleted")
    deleted = articles[index]
    instruction = f"删去第{zh.to_numeral(deleted.number)}条。"
    assert base.title is not None
    consolidated = lawparse.amend(base, _instrument(base.title, [instruction], renumber=True))
    assert [d.code for d in consolidated.diagnostics if d.code.startswith("LP4")] == []
    assert [a.number for a in consolidated.articles] == list(range(1, len(articles)))
    edits = lawparse.diff(base, consolidated).edits
    # An article citing one that moved names its new number: a change of its wording.
    moved_labels = {a.eid: a.label for a in articles[index + 1 :]}
    citing = {
        article.eid
        for reference in base.references
        if reference.external is None
        and any(
            moved_labels.get(target.split("__para_")[0], "\0") in reference.text
            for target in reference.targets
        )
        for article in articles
        if article is not deleted and article.span.start <= reference.span.start < article.span.end
    }
    assert sorted((e.kind, e.old) for e in edits if e.kind != "renumbered") == sorted(
        [("removed", deleted.eid), *(("changed", eid) for eid in citing)]
    )
    moved = [(e.old_label, e.new_label) for e in edits if e.kind == "renumbered"]
    assert moved == [
        (a.label, zh.article_label(a.number - 1))
        for a in articles[index + 1 :]
        if a.eid not in citing
    ]

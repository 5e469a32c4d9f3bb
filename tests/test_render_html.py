"""The HTML page: self-contained, an anchor per eId, references as links, a timeline; the
index page of a corpus. References become links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

import lawparse
from lawparse.render.layout import blocks, eids
from tests.akn_schema import AKN, akn_problems

TESTS = Path(__file__).parent
TEXTS = sorted((TESTS / "corpus").glob("*.txt"))
SEED = TESTS / "corpus" / "seed_pudong_finance_leasing_runon.txt"


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_every_eid_has_an_anchor_and_the_page_is_self_contained(path: Path) -> None:
    reg = lawparse.parse_file(path, errors="collect")
    page = lxml_html.fromstring(lawparse.render.html(reg))
    ids = [element.get("id") for element in page.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    assert eids(blocks(reg)) <= set(ids)
    assert {a.eid for a in reg.articles} <= set(ids)
    assert page.find(".//figure[@id='timeline']/svg") is not None
    assert not page.findall(".//script") and not page.findall(".//link")
    sources = [e.get("src") or "" for e in page.iter() if e.get("src")]
    assert not any(s.startswith(("http:", "https:", "//")) for s in sources)


def test_timeline_draws_the_act_and_provisions_with_their_own_dates() -> None:
    reg = lawparse.parse_file(TESTS / "corpus" / "uk_aria_act_2022.txt")
    svg = lxml_html.fromstring(lawparse.render.html(reg)).find(".//svg")
    rows = [t.text for t in svg.iter("text") if t.get("x") == "6"]
    assert len(rows) == 1 + len(reg.provisions_applying)
    bars = [r for r in svg.iter("rect") if r.get("rx")]
    assert len(bars) == 1  # only the act's start is dated; sections 1-9 await a day
    marks = [p.find("title").text for p in svg.iter("path") if p.find("title") is not None]
    assert "2022-02-24 adopted" in marks


def test_references_become_links_in_html_and_akn() -> None:
    text = (
        "Rules on Tests\nArticle 1 These apply as Article 2 says, and as Article 5 of the Law "
        "on Trade says, and as Article 9 says.\nArticle 2 They end."
    )
    reg = lawparse.parse(text)
    assert [(r.text, r.targets, r.external, bool(r.unresolved)) for r in reg.references] == [
        ("Article 2", ("art_2",), None, False),
        ("Article 5 of the Law on Trade", (), "Law on Trade", False),
        ("Article 9", (), None, True),
    ]
    page = lxml_html.fromstring(lawparse.render.html(reg))
    anchors = [a for a in page.iter("a") if "anchor" not in (a.get("class") or "")]
    links = {a.text: a.get("href") for a in anchors}
    assert links["Article 2"] == "#art_2"
    assert links["Article 5 of the Law on Trade"].startswith("/akn/")
    assert "Article 9" not in links  # unresolved: left as text
    xml = lawparse.render.akn(reg)
    assert akn_problems(xml) == []
    refs = etree.fromstring(xml.encode()).findall(f".//{{{AKN}}}ref")
    assert [(r.text, r.get("href")[:5]) for r in refs] == [
        ("Article 2", "#art_"),
        ("Article 5 of the Law on Trade", "/akn/"),
    ]


def test_chinese_references_link_to_their_provisions() -> None:
    text = (
        "测试规定\n\n第一条 依照本规定第二条和《中华人民共和国贸易法》第五条处理；"
        "违反本规定第九条的，依法处理。\n\n第二条 本规定自2024年1月1日起施行。\n"
    )
    reg = lawparse.parse(text)
    page = lxml_html.fromstring(lawparse.render.html(reg))
    links = {a.text: a.get("href") for a in page.iter("a") if a.text and "条" in a.text}
    assert links["本规定第二条"] == "#art_2"
    assert links["《中华人民共和国贸易法》第五条"].startswith("/akn/")
    assert "本规定第九条" not in links
    assert akn_problems(lawparse.render.akn(reg)) == []


def test_text_is_escaped() -> None:
    reg = lawparse.parse("Article 1 Use <script>alert(1)</script> & more. Article 2 End.")
    page = lawparse.render.html(reg)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_index_page_has_one_row_per_act(tmp_path: Path) -> None:
    acts = [(f"{p.stem}.html", lawparse.parse_file(p)) for p in TEXTS[:5]]
    page = lxml_html.fromstring(lawparse.render.html_index(acts, dt.date(2024, 1, 1)))
    svg = page.find(".//svg")
    rows = [t for t in svg.iter("text") if t.get("x") == "6"]
    assert len(rows) == 5
    assert [a.get("href") for a in svg.iter("a")] == [href for href, _ in acts]
    assert "in_force on 2024-01-01" in page.text_content()

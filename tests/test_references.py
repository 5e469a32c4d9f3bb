"""Cross-references (lawparse.references): real citations, each read off its text by hand.

Every row of CITATIONS quotes a sentence of a text in tests/corpus or tests/realtext (copies
of the shared development set), the citation in it, the provision it stands in, and what it
cites: eIds of the same text, or another act's title and the provision there. The table is
the measure of precision and recall: every row must be found exactly, and the sentences
hold no reference the table does not list.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import NamedTuple

import pytest

import lawparse
from lawparse.collection.corpus import Corpus
from lawparse.collection.index import Index
from lawparse.model import Reference, Regulation

TESTS = Path(__file__).parent


class Row(NamedTuple):
    source: str  # under tests/
    sentence: str  # a quotation of the sentence, unique in the text
    citation: str  # the citation as written
    provision: str | None  # the eId of the provision it stands in (None: the preface)
    targets: tuple[str, ...] = ()
    external: str | None = None
    external_targets: tuple[str, ...] = ()
    unresolved: str | None = None


_CRIMINAL = "part_2__chp_3__sec_1__art_"
_ARTICLE_213_TO_219_1 = tuple(f"part_2__chp_3__sec_7__art_{n}" for n in (*range(213, 220), "219_1"))

CITATIONS = [
    # 本规定第十、十八、二十六条: one 第…条 over a list
    Row("realtext/lrb_0307.txt", "必须符合第三、四条关于持有和使用的规定", "第三、四条",
        "art_7__para_1", ("art_3", "art_4")),
    # 前条 with items of its only paragraph, in a list
    Row("realtext/lrb_0013.txt", "有前条第一项、第二项、第三项违法行为的", "前条第一项、第二项、第三项",
        "chp_5__art_44__para_1",
        tuple(f"chp_5__art_43__para_1__item_{n}" for n in (1, 2, 3))),
    Row("realtext/lrb_0013.txt", "企业事业组织或者个人有前条第四项、第五项违法行为的",
        "前条第四项、第五项", "chp_5__art_44__para_2",
        ("chp_5__art_43__para_1__item_4", "chp_5__art_43__para_1__item_5")),
    Row("realtext/lrb_0007.txt", "区、县人民政府应当确保前款标准在本行政区域实施", "前款",
        "chp_3__art_19__para_2", ("chp_3__art_19__para_1",)),
    Row("realtext/lrb_0007.txt", "可以适用前两款的规定", "前两款", "chp_4__art_35__para_3",
        ("chp_4__art_35__para_1", "chp_4__art_35__para_2")),
    Row("realtext/lrb_0142.txt", "对依照前三款规定追究刑事责任的不满十八周岁的人", "前三款",
        "part_1__chp_2__sec_1__art_17__para_4",
        tuple(f"part_1__chp_2__sec_1__art_17__para_{n}" for n in (1, 2, 3))),
    Row("realtext/lrb_0142.txt", "除本法第五十条、第六十九条规定外", "本法第五十条、第六十九条",
        "part_1__chp_3__sec_4__art_45__para_1",
        ("part_1__chp_3__sec_5__art_50", "part_1__chp_4__sec_4__art_69")),
    # 本章 + articles: articles are numbered through the whole act
    Row("realtext/lrb_0142.txt", "实施本章第一百零三条、第一百零四条、第一百零五条规定之罪的",
        "本章第一百零三条、第一百零四条、第一百零五条", "part_2__chp_1__art_106__para_1",
        ("part_2__chp_1__art_103", "part_2__chp_1__art_104", "part_2__chp_1__art_105")),
    # 本章 in the second part (编) is that part's chapter
    Row("realtext/lrb_0142.txt", "犯本章之罪的，可以并处没收财产", "本章",
        "part_2__chp_1__art_113__para_2", ("part_2__chp_1",)),
    Row("realtext/lrb_0142.txt", "除第一百零三条第二款、第一百零五条、第一百零七条、第一百零九条外",
        "第一百零三条第二款、第一百零五条、第一百零七条、第一百零九条",
        "part_2__chp_1__art_113__para_1",
        ("part_2__chp_1__art_103__para_2", "part_2__chp_1__art_105", "part_2__chp_1__art_107",
         "part_2__chp_1__art_109")),
    # 第二款 with no article: of the article it stands in
    Row("realtext/lrb_0142.txt", "单位犯第二款、第三款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，依照第一款的规定处罚",
        "第二款、第三款", "part_2__chp_2__art_128__para_4",
        ("part_2__chp_2__art_128__para_2", "part_2__chp_2__art_128__para_3")),
    Row("realtext/lrb_0142.txt", "单位犯第二款、第三款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，依照第一款的规定处罚",
        "第一款", "part_2__chp_2__art_128__para_4", ("part_2__chp_2__art_128__para_1",)),
    # in an inserted article (第一百三十三条之一)
    Row("realtext/lrb_0142.txt", "机动车所有人、管理人对前款第三项、第四项行为负有直接责任的",
        "前款第三项、第四项", "part_2__chp_2__art_133_1__para_2",
        ("part_2__chp_2__art_133_1__para_1__item_3", "part_2__chp_2__art_133_1__para_1__item_4")),
    Row("realtext/lrb_0142.txt", "生产、销售本节第一百四十一条至第一百四十八条所列产品，不构成",
        "本节第一百四十一条至第一百四十八条", "part_2__chp_3__sec_1__art_149__para_1",
        tuple(f"{_CRIMINAL}{n}" for n in range(141, 149))),
    # a range that ends on an inserted article runs through the article before it
    Row("realtext/lrb_0142.txt", "单位犯本节第二百一十三条至第二百一十九条之一规定之罪的",
        "本节第二百一十三条至第二百一十九条之一", "part_2__chp_3__sec_7__art_220__para_1",
        _ARTICLE_213_TO_219_1),
    Row("realtext/lrb_0142.txt", "第一百五十五条 下列行为，以走私罪论处，依照本节的有关规定处罚",
        "本节", "part_2__chp_3__sec_2__art_155__para_1", ("part_2__chp_3__sec_2",)),
    Row("realtext/lrb_0200.txt", "活动组织者的责任适用本法第一千一百九十八条至第一千二百零一条的规定",
        "本法第一千一百九十八条至第一千二百零一条", "chp_1__art_1176__para_2",
        tuple(f"chp_3__art_{n}" for n in range(1198, 1202))),
    Row("realtext/lrb_0200.txt", "没有依据前条规定采取有效补救措施", "前条",
        "chp_4__art_1207__para_1", ("chp_4__art_1206",)),
    Row("realtext/lrb_0200.txt", "前款第一项情形中，医疗机构或者其医务人员也有过错的", "前款第一项",
        "chp_6__art_1224__para_2", ("chp_6__art_1224__para_1__item_1",)),
    Row("realtext/lrb_0200.txt", "发生本条第一款规定的情形的，公安等机关应当依法及时调查",
        "本条第一款", "chp_10__art_1254__para_3", ("chp_10__art_1254__para_1",)),
    Row("realtext/lrb_0200.txt", "但是本章另有规定的除外", "本章", "chp_5__art_1212__para_1",
        ("chp_5",)),
    # 第二十八条第一项: the paragraph implied (the article's items are in its only one)
    Row("realtext/lrb_0061.txt", "违反本条例第二十八条第一项至第四项规定", "本条例第二十八条第一项至第四项",
        "chp_5__art_46__para_1__item_1",
        tuple(f"chp_3__art_28__para_1__item_{n}" for n in (1, 2, 3, 4))),
    Row("realtext/lrb_0061.txt", "违反本条例第二十八条第五项至第七项规定", "本条例第二十八条第五项至第七项",
        "chp_5__art_46__para_1__item_2",
        tuple(f"chp_3__art_28__para_1__item_{n}" for n in (5, 6, 7))),
    Row("realtext/lrb_0061.txt", "从业资格培训经营者应当按照本章的有关规定开展经营活动", "本章",
        "chp_3__art_33__para_1", ("chp_3",)),
    Row("realtext/lrb_0061.txt", "并遵守本条例第二十四条", "本条例第二十四条", "chp_3__art_33__para_2",
        ("chp_3__art_24",)),
    Row("realtext/lrb_0025.txt", "从事本条第一款规定的司法鉴定", "本条第一款", "chp_1__art_2__para_3",
        ("chp_1__art_2__para_1",)),
    Row("realtext/lrb_0025.txt", "违反本条例第二十条第（一）项至第（四）项、第（六）项至第（十）项",
        "本条例第二十条第（一）项至第（四）项、第（六）项至第（十）项", "chp_5__art_36__para_1",
        tuple(f"chp_3__art_20__para_1__item_{n}" for n in (1, 2, 3, 4, 6, 7, 8, 9, 10))),
    Row("realtext/lrb_0025.txt", "违反本条例第二十条第（五）项和第二十七条", "本条例第二十条第（五）项和第二十七条",
        "chp_5__art_38__para_1", ("chp_3__art_20__para_1__item_5", "chp_3__art_27")),
    Row("realtext/lrb_0025.txt", "从事本条例第二条第一款规定以外鉴定业务", "本条例第二条第一款",
        "chp_6__art_39__para_1", ("chp_1__art_2__para_1",)),
    Row("realtext/lrb_0025.txt", "前款规定情形消失后", "前款", "chp_3__art_24__para_2",
        ("chp_3__art_24__para_1",)),
    Row("realtext/lrb_0168.txt", "前两项规定的人死亡、丧失民事行为能力", "前两项",
        "art_4__para_2__item_3", ("art_4__para_2__item_1", "art_4__para_2__item_2")),
    Row("realtext/lrb_0168.txt", "前款第（二）项所称的第三人", "前款第（二）项", "art_6__para_2",
        ("art_6__para_1__item_2",)),
    Row("realtext/lrb_0168.txt", "本解释第五条、第六条第一款第（二）项及第二款、第十五条",
        "本解释第五条、第六条第一款第（二）项及第二款、第十五条", "art_24__para_1",
        ("art_5", "art_6__para_1__item_2", "art_6__para_2", "art_15")),
    Row("corpus/cn_nat_trademark_law.txt",
        "在先权利人、利害关系人认为违反本法第十三条第二款和第三款、第十五条、第十六条第一款、第三十条、第三十一条、第三十二条规定的",
        "本法第十三条第二款和第三款、第十五条、第十六条第一款、第三十条、第三十一条、第三十二条",
        "chp_3__art_33__para_1",
        ("chp_1__art_13__para_2", "chp_1__art_13__para_3", "chp_1__art_15",
         "chp_1__art_16__para_1", "chp_3__art_30", "chp_3__art_31", "chp_3__art_32")),
    Row("corpus/cn_nat_trademark_law.txt", "（三）违反本法第四条、第十九条第三款和第四款规定的",
        "本法第四条、第十九条第三款和第四款", "chp_7__art_68__para_1__item_3",
        ("chp_1__art_4", "chp_1__art_19__para_3", "chp_1__art_19__para_4")),
    Row("corpus/cn_nat_trademark_law.txt", "违反本法第十四条第五款规定的", "本法第十四条第五款",
        "chp_6__art_53__para_1", ("chp_1__art_14__para_5",)),
    Row("corpus/cn_nat_trademark_law.txt", "前款所列标志经过使用取得显著特征", "前款",
        "chp_1__art_11__para_2", ("chp_1__art_11__para_1",)),
    Row("corpus/cn_nat_legislation_law_2023.txt", "设区的市、自治州根据本条第一款、第二款",
        "本条第一款、第二款", "chp_4__sec_1__art_82__para_3",
        ("chp_4__sec_1__art_82__para_1", "chp_4__sec_1__art_82__para_2")),
    Row("corpus/cn_nat_legislation_law_2023.txt", "本法第十一条规定的事项尚未制定法律的",
        "本法第十一条", "chp_2__sec_1__art_12__para_1", ("chp_2__sec_1__art_11",)),
    Row("corpus/cn_nat_legislation_law_2023.txt", "法律的修改和废止程序，适用本章的有关规定",
        "本章", "chp_2__sec_5__art_63__para_1", ("chp_2",)),
    Row("corpus/cn_sh_domestic_waste.txt", "违反本条例第三十条第三项规定", "本条例第三十条第三项",
        "chp_9__art_60__para_1__item_3", ("chp_5__art_30__para_1__item_3",)),
    Row("corpus/cn_nat_admin_reconsideration_2023.txt", "本法第三十九条第一款第一项、第二项、第四项",
        "本法第三十九条第一款第一项、第二项、第四项", "chp_4__sec_1__art_41__para_1__item_5",
        tuple(f"chp_4__sec_1__art_39__para_1__item_{n}" for n in (1, 2, 4))),
    Row("corpus/cn_nat_admin_reconsideration_2023.txt", "国务院部门依照本法第二十五条第一项的规定作出的行政复议决定不服的",
        "本法第二十五条第一项", "chp_2__sec_4__art_26__para_1",
        ("chp_2__sec_4__art_25__para_1__item_1",)),
    # Citations of other acts: by title, by short name; never linked here
    Row("corpus/cn_sh_pudong_bankruptcy.txt", "《中华人民共和国企业破产法》第二条",
        "《中华人民共和国企业破产法》第二条", "art_4__para_1",
        external="中华人民共和国企业破产法", external_targets=("art_2",)),
    # the preface is read for citations of other acts
    Row("realtext/lrb_0178.txt", "根据《中华人民共和国民事诉讼法》第十八条的规定", "《中华人民共和国民事诉讼法》第十八条",
        None, external="中华人民共和国民事诉讼法", external_targets=("art_18",)),
    Row("realtext/lrb_0150.txt", "销售金额在五万元以上的，属于刑法第二百一十四条规定的", "刑法第二百一十四条",
        "art_2__para_1", external="刑法", external_targets=("art_214",)),
    Row("realtext/lrb_0150.txt", "实施刑法第二百一十七条所列侵犯著作权行为之一，违法所得数额在三万元",
        "刑法第二百一十七条", "art_5__para_1", external="刑法", external_targets=("art_217",)),
    Row("realtext/lrb_0168.txt", "违反农村土地承包法第二十七条、第二十八条、第三十一条",
        "农村土地承包法第二十七条、第二十八条、第三十一条", "art_5__para_1",
        external="农村土地承包法", external_targets=("art_27", "art_28", "art_31")),
    Row("realtext/lrb_0168.txt", "参照民法典第七百三十条规定处理", "民法典第七百三十条",
        "art_16__para_1", external="民法典", external_targets=("art_730",)),
    Row("realtext/lrb_0168.txt",
        "应当参照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百一十五条、第二百一十六条的规定处理",
        "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百一十五条、第二百一十六条",
        "art_2__para_1", external="最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释",
        external_targets=("art_215", "art_216")),
    # An amending instrument cites the act it amends; its quotations are placed where the
    # instruction puts them (前款 in the new second paragraph of 第二百零一条 is its first)
    Row("realtext/lrb_0143.txt", "一、将刑法第一百五十一条第三款修改为", "刑法第一百五十一条第三款",
        "point_1__para_1", external="中华人民共和国刑法", external_targets=("art_151__para_3",)),
    Row("realtext/lrb_0143.txt", "增加一款作为第四款", "第四款", "point_2__para_2",
        external="中华人民共和国刑法", external_targets=("art_180__para_4",)),
    Row("realtext/lrb_0143.txt", "情节严重的，依照第一款的规定处罚。”\n\n三", "第一款", "point_2__para_2",
        external="中华人民共和国刑法", external_targets=("art_180__para_1",)),
    Row("realtext/lrb_0143.txt", "扣缴义务人采取前款所列手段", "前款", "point_3__para_2",
        external="中华人民共和国刑法", external_targets=("art_201__para_1",)),
    Row("realtext/lrb_0143.txt", "对多次实施前两款行为", "前两款", "point_3__para_3",
        external="中华人民共和国刑法", external_targets=("art_201__para_1", "art_201__para_2")),
    Row("realtext/lrb_0143.txt", "作为第二百二十四条之一", "第二百二十四条之一", "point_4__para_1",
        external="中华人民共和国刑法", external_targets=("art_224_1",)),
    Row("realtext/lrb_0143.txt", "犯前款罪，致使被绑架人死亡", "前款", "point_6__para_2",
        external="中华人民共和国刑法", external_targets=("art_239__para_1",)),
    Row("realtext/lrb_0147.txt", "原第二款作为第三款，修改为：“单位犯前两款罪的", "前两款", "point_2__para_2",
        external="中华人民共和国刑法", external_targets=("art_152__para_1", "art_152__para_2")),
    Row("realtext/lrb_0147.txt", "原第二款作为第三款，修改为", "第二款", "point_2__para_2",
        external="中华人民共和国刑法", external_targets=("art_152__para_2",)),
    Row("realtext/lrb_0147.txt", "原第二款作为第三款，修改为", "第三款", "point_2__para_2",
        external="中华人民共和国刑法", external_targets=("art_152__para_3",)),
    # bare items in a list whose lead-in names another article (对违反本条例第二十七条规定的):
    # that article's items; a range's end written without 第
    Row("realtext/lrb_0062.txt", "（一）有第一项行为的，按照每处五十元计算罚款", "第一项",
        "chp_6__art_53__para_1__item_1", ("chp_3__art_27__para_1__item_1",)),
    Row("realtext/lrb_0062.txt", "（二）有第三项至六项行为之一的", "第三项至六项",
        "chp_6__art_53__para_1__item_2",
        tuple(f"chp_3__art_27__para_1__item_{n}" for n in (3, 4, 5, 6))),
    Row("realtext/lrb_0062.txt", "第五十三条 对违反本条例第二十七条规定的", "本条例第二十七条",
        "chp_6__art_53__para_1", ("chp_3__art_27",)),
    # items named bare in a paragraph of none: of the provision the paragraph cited just before
    Row("realtext/lrb_0091.txt", "违反本规定第十条第（一）（二）（三）（六）（七）项规定之一的",
        "本规定第十条第（一）（二）（三）（六）（七）项", "art_18__para_1",
        tuple(f"art_10__para_1__item_{n}" for n in (1, 2, 3, 6, 7))),
    Row("realtext/lrb_0091.txt", "违反第（四）项规定的，由市容环境卫生主管部门", "第（四）项",
        "art_18__para_1", ("art_10__para_1__item_4",)),
    Row("realtext/lrb_0096.txt", "逾期未改正，违反第四项规定的", "第四项", "chp_5__art_40__para_1",
        ("chp_2__art_12__para_1__item_4",)),
    Row("realtext/lrb_0041.txt", "违反本条例第三十七条第一至四项的", "本条例第三十七条第一至四项",
        "chp_8__art_69__para_1",
        tuple(f"chp_4__art_37__para_1__item_{n}" for n in (1, 2, 3, 4))),
    Row("realtext/lrb_0173.txt", "实施前款规定的行为，达到第一项至第四项规定标准五倍以上的，应当认定为刑法第三百四十五条第二款",
        "前款", "art_6__para_2", ("art_6__para_1",)),
    Row("realtext/lrb_0173.txt", "实施前款规定的行为，达到第一项至第四项规定标准五倍以上的，应当认定为刑法第三百四十五条第二款",
        "第一项至第四项", "art_6__para_2",
        tuple(f"art_6__para_1__item_{n}" for n in (1, 2, 3, 4))),
    Row("realtext/lrb_0173.txt", "实施前款规定的行为，达到第一项至第四项规定标准五倍以上的，应当认定为刑法第三百四十五条第二款",
        "刑法第三百四十五条第二款", "art_6__para_2", external="刑法",
        external_targets=("art_345__para_2",)),
    # A dangling citation: 第十九条 has four items
    Row("realtext/lrb_0095.txt", "（三）违反第十五条、第十九条第（九）项规定的", "第十五条、第十九条第（九）项",
        "art_27__para_1__item_3", ("art_15",),
        unresolved="no such item: art_19__item_9"),
    Row("realtext/lrb_0095.txt", "（四）违反第十九条第（一）、（二）项规定的", "第十九条第（一）、（二）项",
        "art_27__para_1__item_4", ("art_19__para_1__item_1", "art_19__para_1__item_2")),
    # English
    Row("corpus/sh_gov_decree58_urban_mgmt_procedures.txt", "mentioned in the preceding Paragraph",
        "the preceding Paragraph", "art_2__para_2", ("art_2__para_1",)),
    Row("corpus/uk_aria_act_2022.txt", "(2)Grants under subsection (1) may be subject to conditions.",
        "subsection (1)", "art_4__para_2", ("art_4__para_1",)),
    Row("corpus/uk_aria_act_2022.txt", "This is subject to subsections (4) and (5).",
        "subsections (4) and (5)", "art_6__para_1", ("art_6__para_4", "art_6__para_5")),
    Row("corpus/uk_aria_act_2022.txt", "ARIA must comply with a direction given under this section.",
        "this section", "art_5__para_3", ("art_5",)),
    Row("corpus/uk_aria_act_2022.txt", "Data Protection Act 2018 (see section 3 of that Act).",
        "section 3 of that Act",
        "art_6__para_6", external="Data Protection Act 2018", external_targets=("art_3",)),
    # a lettered "paragraph (a)" of a subsection is an item
    Row("corpus/uk_aria_act_2022.txt", "in connection with provision made under paragraph (a)",
        "paragraph (a)", "art_8__para_4__item_2", ("art_8__para_4__item_1",)),
    Row("corpus/uk_aria_act_2022.txt", "mentioned in subsection (4)(a) include", "subsection (4)(a)",
        "art_8__para_5", ("art_8__para_4__item_1",)),
    Row("corpus/uk_aria_act_2022.txt", "by virtue of section 10(2)", "section 10(2)", "art_8__para_7",
        ("art_10__para_2",)),
    Row("corpus/uk_aria_act_2022.txt", "(b)sections 10 to 12;", "sections 10 to 12",
        "art_13__para_2__item_2", ("art_10", "art_11", "art_12")),
    Row("corpus/uk_aria_act_2022.txt", "under section 8 or paragraph 11 or 18(2) of Schedule 1",
        "section 8 or paragraph 11 or 18(2) of Schedule 1", "art_10__para_2", ("art_8", "sched_1")),
    Row("corpus/uk_botox_fillers_children_act_2021.txt", "For the purposes of subsection (1)(b)",
        "subsection (1)(b)", "art_1__para_3", ("art_1__para_1__item_2",)),
    Row("corpus/uk_botox_fillers_children_act_2021.txt", "(see section 53 of that Act)",
        "section 53 of that Act", "art_1__para_7__item_2", external="Dentists Act 1984",
        external_targets=("art_53",)),
    Row("corpus/uk_botox_fillers_children_act_2021.txt", "(see article 3 of that Order)",
        "article 3 of that Order", "art_1__para_7__item_3", external="Pharmacy Order 2010",
        external_targets=("art_3",)),
    Row("corpus/uk_botox_fillers_children_act_2021.txt", "(2)Sections 4(3) and 5 extend",
        "Sections 4(3) and 5", "art_6__para_2", ("art_4__para_3", "art_5")),
    Row("corpus/uk_botox_fillers_children_act_2021.txt", "(3)Sections 1 to 4 come into force",
        "Sections 1 to 4", "art_6__para_3", ("art_1", "art_2", "art_3", "art_4")),
    Row("corpus/uk_botox_fillers_children_act_2021.txt", "see Schedule 5 to the Consumer Rights Act 2015.",
        "Schedule 5 to the Consumer Rights Act 2015", "art_4__para_2",
        external="Consumer Rights Act 2015", external_targets=("sched_5",)),
    # A section of another Act amended "as follows": its subsections are that section's
    Row("corpus/uk_homelessness_reduction_act_2017.txt", "(2)In subsection (4), for “28” substitute “56”.",
        "subsection (4)", "art_1__para_2", external="Housing Act 1996",
        external_targets=("art_175__para_4",)),
]  # fmt: skip


@functools.cache
def _parsed(source: str) -> Regulation:
    return lawparse.parse_file(TESTS / source)


def _sentence_span(reg: Regulation, sentence: str) -> tuple[int, int]:
    text = reg.source.text
    start = text.find(sentence)
    assert start >= 0, f"the sentence is not in the text: {sentence}"
    assert text.find(sentence, start + 1) < 0, f"the sentence is not unique: {sentence}"
    return start, start + len(sentence)


def _found(row: Row) -> Reference:
    reg = _parsed(row.source)
    start, end = _sentence_span(reg, row.sentence)
    text = reg.source.text
    at = text.find(row.citation, start, end)
    assert at >= 0, f"the citation is not in the sentence: {row.citation}"
    matching = [r for r in reg.references if r.span.start == at]
    assert matching, f"no reference read at {row.citation}"
    return matching[0]


@pytest.mark.parametrize("row", CITATIONS, ids=[f"{r.source}:{r.citation}" for r in CITATIONS])
def test_real_citation(row: Row) -> None:
    found = _found(row)
    assert (found.text, found.provision) == (row.citation, row.provision)
    assert found.targets == row.targets
    assert (found.external, found.external_targets) == (row.external, row.external_targets)
    assert found.unresolved == row.unresolved


def test_the_table_is_large_and_covers_both_languages() -> None:
    english = [r for r in CITATIONS if "uk_" in r.source or "sh_gov" in r.source]
    assert len(CITATIONS) >= 60
    assert len(english) >= 15


def test_no_reference_in_the_sentences_is_left_out_of_the_table() -> None:
    """Precision: every reference inside a quoted sentence is a row of the table."""
    listed = {(r.source, r.citation, _found(r).span.start) for r in CITATIONS}
    extra = []
    for row in CITATIONS:
        reg = _parsed(row.source)
        start, end = _sentence_span(reg, row.sentence)
        for reference in reg.references:
            inside = start <= reference.span.start and reference.span.end <= end
            key = (row.source, reference.text, reference.span.start)
            if inside and key not in listed:
                extra.append(key)
    assert extra == []


NOT_CITATIONS = [
    # 前三项: "the first three" pollutants, in a paragraph that is no list
    ("realtext/lrb_0227.txt", "对前三项污染物征收环境保护税"),
    ("realtext/lrb_0227.txt", "对第一类水污染物按照前五项征收环境保护税"),
]


@pytest.mark.parametrize(("source", "sentence"), NOT_CITATIONS)
def test_words_that_are_no_citation(source: str, sentence: str) -> None:
    reg = _parsed(source)
    start, end = _sentence_span(reg, sentence)
    assert [r.text for r in reg.references if start <= r.span.start < end] == []


def test_texts_the_table_uses_are_in_the_tests() -> None:
    for source in {row.source for row in CITATIONS}:
        text = TESTS / source
        assert text.is_file()
        if source.startswith("realtext/"):
            facts = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
            assert facts["source"]["repo"] == "LawRefBook/Laws"


# Headings and citations never cross ----------------------------------------------------------


@pytest.mark.parametrize("source", sorted({row.source for row in CITATIONS}))
def test_no_reference_is_a_heading_and_none_spans_one(source: str) -> None:
    reg = _parsed(source)
    labels = [(a.span.start, a.span.start + len(a.label)) for a in reg.articles]
    for reference in reg.references:
        for start, end in labels:
            assert not (start < reference.span.end and reference.span.start < end), reference


def test_a_citation_of_another_act_never_links_here() -> None:
    reg = lawparse.parse(
        "第一条 依照《中华人民共和国公司法》第二十条的规定。\n第二十条 甲。\n"
        "第二十一条 依照公司法第二十条和本法第二十条。\n"
    )
    first, second, third = reg.references
    assert (first.external, first.targets, first.external_targets) == (
        "中华人民共和国公司法",
        (),
        ("art_20",),
    )
    assert (second.external, second.targets) == ("公司法", ())
    assert (third.external, third.targets) == (None, ("art_20",))
    english = lawparse.parse(
        "Article 1 Under Article 5 of the Company Law, and Article 2 of these Provisions.\n"
        "Article 2 Text.\nArticle 3 Text.\nArticle 4 Text.\nArticle 5 Text.\n"
    )
    company, own = english.references
    assert (company.external, company.targets, company.external_targets) == (
        "Company Law",
        (),
        ("art_5",),
    )
    assert (own.external, own.targets) == (None, ("art_2",))


# Other texts, not in the table: properties that hold on each ----------------------------------


def _all_texts() -> list[Path]:
    return sorted([*(TESTS / "corpus").glob("*.txt"), *(TESTS / "realtext").glob("*.txt")])


@pytest.mark.parametrize("path", _all_texts(), ids=lambda p: p.stem)
def test_references_on_every_text(path: Path) -> None:
    reg = lawparse.parse_file(path, errors="collect")
    own = {node.eid for node in _nodes(reg)}
    text = reg.source.text
    for reference in reg.references:
        assert reference.span.of(text) == reference.text
        if reference.external is not None:
            assert reference.targets == ()  # never into another act's provisions
        assert set(reference.targets) <= own
        assert (reference.unresolved is None) or reference.external or reference.unresolved


def _nodes(reg: Regulation) -> list[lawparse.Article | lawparse.Clause | lawparse.Item]:
    found: list[lawparse.Article | lawparse.Clause | lawparse.Item] = []

    def items(nodes: tuple[lawparse.Item, ...]) -> None:
        for item in nodes:
            found.append(item)
            items(item.items)

    for article in reg.articles:
        found.append(article)
        for clause in article.clauses:
            found.append(clause)
            items(clause.items)
    for point in reg.points:
        for clause in point.clauses:
            found.append(clause)
            items(clause.items)
    found.extend(reg.chapters)  # type: ignore[arg-type]
    found.extend(reg.sections)  # type: ignore[arg-type]
    found.extend(reg.schedules)  # type: ignore[arg-type]
    return found


# validate, the command line, the corpus and the index ---------------------------------------


def test_validate_reports_a_dangling_citation_with_its_place() -> None:
    text = "第一条 甲。\n第二条 违反第一条第三款规定的，依照第一条处罚。\n第三条 本规定自2024年1月1日起施行。\n"
    (found,) = [d for d in lawparse.validate(text) if d.code == "LP213"]
    assert found.span is not None and text[found.span.start : found.span.end] == "第一条第三款"
    assert "no such paragraph: art_1__para_3" in found.message


def test_refs_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from lawparse.cli import main

    path = tmp_path / "a.txt"
    path.write_text("第一条 甲。\n乙。\n第二条 依照前条第二款和第九条的规定。\n", encoding="utf-8")
    assert main(["refs", "--json", str(path)]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert {k: record[k] for k in ("text", "targets", "external", "unresolved")} == {
        "text": "前条第二款和第九条",
        "targets": ["art_1__para_2"],
        "external": None,
        "unresolved": "no such article: art_9",
    }
    assert record["start"] < record["end"]
    assert main(["refs", str(path)]) == 0
    assert "art_1__para_2" in capsys.readouterr().out
    assert main(["refs", str(tmp_path / "missing.txt")]) == 2


_REPEALING = "上海市甲条例\n第一条 本条例自2024年1月1日起施行，《上海市乙条例》同时废止。\n"
_CITING = "上海市丙规定\n第一条 依照《上海市乙条例》第三条处理。\n第二条 依照本规定第一条。\n"
_CITED = "上海市乙条例\n第一条 甲。\n第二条 乙。\n第三条 丙。\n"


def _write(folder: Path) -> list[Path]:
    paths = []
    for name, text in (("a", _REPEALING), ("b", _CITING), ("c", _CITED)):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_the_corpus_and_the_index_answer_who_cites_what(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    corpus = Corpus.from_paths(paths)
    database = tmp_path / "laws.db"
    with Index(database) as index:
        index.add_all((str(p), lawparse.parse_file(p)) for p in paths)
        for store in (corpus, index):
            cited = store.cited_by("art_3", title="上海市乙条例")
            assert [(Path(c.path).name, c.provision, c.target) for c in cited] == [
                ("b.txt", "art_1__para_1", "art_3")
            ]
            local = store.cited_by("art_1", title="上海市丙规定")
            assert [(c.provision, c.target, c.cited_title) for c in local] == [
                ("art_2__para_1", "art_1", None)
            ]
            repealed = store.citing_repealed()
            assert [(Path(c.path).name, c.cited_title) for c in repealed] == [
                ("b.txt", "上海市乙条例")
            ]

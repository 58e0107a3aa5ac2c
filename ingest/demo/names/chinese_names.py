"""Chinese personal names: surnames, given-name characters and their homophones.

Characters come with their pinyin, so that emails and romanised spellings of a Chinese name
can be derived from the Hanzi.

Examples
--------
>>> dict(CHINESE_SURNAMES)["王"]
'Wang'
>>> CHINESE_HOMOPHONES["伟"]
'玮'
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["CHINESE_GIVEN", "CHINESE_HOMOPHONES", "CHINESE_SURNAMES"]

CHINESE_SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("黄", "Huang"),
    ("赵", "Zhao"),
    ("吴", "Wu"),
    ("周", "Zhou"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("马", "Ma"),
    ("朱", "Zhu"),
    ("胡", "Hu"),
    ("郭", "Guo"),
    ("何", "He"),
    ("林", "Lin"),
    ("高", "Gao"),
    ("罗", "Luo"),
    ("郑", "Zheng"),
    ("梁", "Liang"),
    ("谢", "Xie"),
    ("宋", "Song"),
    ("唐", "Tang"),
    ("韩", "Han"),
    ("冯", "Feng"),
    ("邓", "Deng"),
    ("曹", "Cao"),
    ("彭", "Peng"),
    ("曾", "Zeng"),
    ("田", "Tian"),
    ("董", "Dong"),
    ("潘", "Pan"),
    ("袁", "Yuan"),
    ("蔡", "Cai"),
    ("蒋", "Jiang"),
    ("余", "Yu"),
    ("杜", "Du"),
    ("叶", "Ye"),
    ("程", "Cheng"),
    ("魏", "Wei"),
    ("苏", "Su"),
    ("吕", "Lyu"),
    ("丁", "Ding"),
    ("任", "Ren"),
    ("沈", "Shen"),
    ("姚", "Yao"),
)

CHINESE_GIVEN: tuple[tuple[str, str], ...] = (
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("艳", "yan"),
    ("杰", "jie"),
    ("娟", "juan"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("秀", "xiu"),
    ("霞", "xia"),
    ("平", "ping"),
    ("刚", "gang"),
    ("英", "ying"),
    ("华", "hua"),
    ("建", "jian"),
    ("国", "guo"),
    ("文", "wen"),
    ("玉", "yu"),
    ("海", "hai"),
    ("鹏", "peng"),
    ("宇", "yu"),
    ("浩", "hao"),
    ("婷", "ting"),
    ("雪", "xue"),
    ("晨", "chen"),
    ("琳", "lin"),
    ("欣", "xin"),
    ("俊", "jun"),
    ("佳", "jia"),
    ("子", "zi"),
    ("怡", "yi"),
    ("博", "bo"),
    ("志", "zhi"),
    ("思", "si"),
    ("嘉", "jia"),
    ("昊", "hao"),
    ("睿", "rui"),
    ("晓", "xiao"),
    ("红", "hong"),
    ("梅", "mei"),
    ("辉", "hui"),
    ("鑫", "xin"),
    ("宁", "ning"),
    ("凯", "kai"),
    ("悦", "yue"),
)
"""Characters of Chinese given names (one or two of them make a given name)."""

CHINESE_HOMOPHONES: MappingProxyType[str, str] = MappingProxyType(
    {
        "伟": "玮",
        "明": "铭",
        "静": "婧",
        "丽": "莉",
        "杰": "洁",
        "敏": "闵",
        "华": "桦",
        "军": "君",
        "强": "墙",
        "婷": "亭",
        "海": "凯",
        "宇": "雨",
        "晨": "辰",
        "欣": "馨",
    }
)
"""Same-sounding characters: typical mis-typings of a Chinese given name."""

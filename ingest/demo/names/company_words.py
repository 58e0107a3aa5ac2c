"""Parts of company names: industries, brand words and the words that name an industry.

English names are built from a brand word, sometimes a middle word, and an industry word
("Apex Systems"); Chinese ones from two brand characters and an industry word (华信科技),
each character and word with its pinyin or English slug for the web domain.

Examples
--------
>>> ENGLISH_INDUSTRY_WORDS["Software"][:2]
('Systems', 'Software')
>>> dict(CHINESE_BRAND_FIRST)["华"], dict(CHINESE_BRAND_SECOND)["信"]
('hua', 'xin')
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "CHINESE_BRAND_FIRST",
    "CHINESE_BRAND_SECOND",
    "CHINESE_INDUSTRY_WORDS",
    "ENGLISH_BRAND_WORDS",
    "ENGLISH_INDUSTRY_WORDS",
    "ENGLISH_MIDDLE_WORDS",
    "INDUSTRIES",
    "VENTURE_CAPITAL",
]

INDUSTRIES: tuple[str, ...] = (
    "Software",
    "Manufacturing",
    "Healthcare",
    "Financial Services",
    "Retail",
    "Logistics",
    "Energy",
    "Telecommunications",
    "Pharmaceuticals",
    "Media",
    "Consulting",
    "Automotive",
)

VENTURE_CAPITAL = "Venture Capital"

ENGLISH_BRAND_WORDS: tuple[str, ...] = (
    "Acme",
    "Apex",
    "Aurora",
    "Beacon",
    "Blue Harbor",
    "Bright",
    "Cascade",
    "Cedar",
    "Cobalt",
    "Crest",
    "Delta",
    "Evergreen",
    "Falcon",
    "Granite",
    "Harbor",
    "Horizon",
    "Iron Bridge",
    "Juniper",
    "Keystone",
    "Lumen",
    "Maple",
    "Meridian",
    "Nova",
    "Northwind",
    "Oakridge",
    "Orion",
    "Pinnacle",
    "Quantum",
    "Redwood",
    "Riverstone",
    "Sterling",
    "Summit",
    "Terra",
    "Tidewater",
    "Unity",
    "Vertex",
    "Willow",
    "Zenith",
    "Atlas",
    "Boulder",
    "Canyon",
    "Clearwater",
    "Copper",
    "Silver Lake",
    "Everest",
    "Fairview",
    "Greenfield",
    "Highland",
    "Ironwood",
    "Lakeside",
    "Magnolia",
    "Nimbus",
    "Pacific",
    "Polaris",
    "Prairie",
    "Sequoia",
    "Skyline",
    "Stonegate",
    "Sunrise",
    "Trident",
    "Vanguard",
    "Westbrook",
    "Wildflower",
    "Yellowstone",
)

ENGLISH_MIDDLE_WORDS: tuple[str, ...] = (
    "Global",
    "United",
    "North",
    "Pacific",
    "Atlantic",
    "First",
    "Advanced",
    "Integrated",
    "Applied",
    "National",
    "Western",
    "Eastern",
    "Digital",
    "Premier",
    "Allied",
    "General",
)

ENGLISH_INDUSTRY_WORDS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "Software": ("Systems", "Software", "Labs", "Analytics", "Cloud", "Data"),
        "Manufacturing": ("Industries", "Manufacturing", "Works", "Materials", "Machines"),
        "Healthcare": ("Health", "Medical", "Care", "Clinics"),
        "Financial Services": ("Financial", "Capital", "Bancorp", "Insurance"),
        "Retail": ("Retail", "Stores", "Brands", "Outfitters"),
        "Logistics": ("Logistics", "Freight", "Shipping", "Transport"),
        "Energy": ("Energy", "Power", "Renewables", "Utilities"),
        "Telecommunications": ("Networks", "Telecom", "Communications", "Wireless"),
        "Pharmaceuticals": ("Pharma", "Therapeutics", "Biosciences", "Biotech"),
        "Media": ("Media", "Studios", "Publishing", "Entertainment"),
        "Consulting": ("Consulting", "Partners", "Advisory", "Group"),
        "Automotive": ("Motors", "Automotive", "Mobility", "Components"),
        VENTURE_CAPITAL: ("Ventures", "Capital Partners", "Venture Partners", "Investments"),
    }
)

CHINESE_BRAND_FIRST: tuple[tuple[str, str], ...] = (
    ("华", "hua"),
    ("中", "zhong"),
    ("东", "dong"),
    ("金", "jin"),
    ("海", "hai"),
    ("博", "bo"),
    ("天", "tian"),
    ("鼎", "ding"),
    ("瑞", "rui"),
    ("恒", "heng"),
    ("新", "xin"),
    ("宏", "hong"),
    ("万", "wan"),
    ("安", "an"),
    ("嘉", "jia"),
    ("龙", "long"),
    ("百", "bai"),
    ("星", "xing"),
    ("云", "yun"),
    ("远", "yuan"),
    ("正", "zheng"),
    ("九", "jiu"),
    ("长", "chang"),
    ("银", "yin"),
)

CHINESE_BRAND_SECOND: tuple[tuple[str, str], ...] = (
    ("信", "xin"),
    ("科", "ke"),
    ("方", "fang"),
    ("桥", "qiao"),
    ("纳", "na"),
    ("远", "yuan"),
    ("成", "cheng"),
    ("盛", "sheng"),
    ("丰", "feng"),
    ("通", "tong"),
    ("元", "yuan"),
    ("达", "da"),
    ("联", "lian"),
    ("泰", "tai"),
    ("禾", "he"),
    ("腾", "teng"),
    ("川", "chuan"),
    ("辰", "chen"),
    ("智", "zhi"),
    ("航", "hang"),
    ("德", "de"),
    ("和", "he"),
    ("润", "run"),
    ("威", "wei"),
)
"""First and second characters of two-character Chinese brand names (华信, 中科, ...)."""

CHINESE_INDUSTRY_WORDS: MappingProxyType[str, tuple[tuple[str, str], ...]] = MappingProxyType(
    {
        "Software": (("科技", "tech"), ("软件", "soft"), ("信息技术", "it"), ("数据", "data")),
        "Manufacturing": (("制造", "mfg"), ("机械", "machinery"), ("工业", "industry")),
        "Healthcare": (("医疗", "medical"), ("健康", "health")),
        "Financial Services": (("金融", "finance"), ("保险", "insurance")),
        "Retail": (("商贸", "trade"), ("零售", "retail")),
        "Logistics": (("物流", "logistics"), ("供应链", "supplychain")),
        "Energy": (("能源", "energy"), ("新能源", "newenergy")),
        "Telecommunications": (("通信", "telecom"), ("网络", "net")),
        "Pharmaceuticals": (("医药", "pharma"), ("生物", "bio")),
        "Media": (("传媒", "media"), ("文化", "culture")),
        "Consulting": (("咨询", "consulting"), ("管理顾问", "advisory")),
        "Automotive": (("汽车", "auto"), ("汽车零部件", "autoparts")),
        VENTURE_CAPITAL: (("创投", "ventures"), ("资本", "capital")),
    }
)

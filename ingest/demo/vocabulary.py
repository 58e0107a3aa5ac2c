"""Name pools: English and Chinese personal names, nicknames and company name parts.

Chinese characters come with their pinyin, so that emails and romanised spellings of a
Chinese name can be derived from the Hanzi.

Examples
--------
>>> NICKNAMES["Robert"]
('Bob', 'Rob')
>>> dict(CHINESE_SURNAMES)["王"]
'Wang'
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "CHINESE_BRAND_FIRST",
    "CHINESE_BRAND_SECOND",
    "CHINESE_GIVEN",
    "CHINESE_HOMOPHONES",
    "CHINESE_INDUSTRY_WORDS",
    "CHINESE_SURNAMES",
    "ENGLISH_BRAND_WORDS",
    "ENGLISH_FIRST_NAMES",
    "ENGLISH_INDUSTRY_WORDS",
    "ENGLISH_LAST_NAMES",
    "ENGLISH_MIDDLE_WORDS",
    "INDUSTRIES",
    "NICKNAMES",
    "VENTURE_CAPITAL",
]

ENGLISH_FIRST_NAMES: tuple[str, ...] = (
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "William",
    "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
    "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Margaret",
    "Anthony", "Sandra", "Mark", "Ashley", "Steven", "Kimberly", "Andrew", "Emily", "Joshua",
    "Donna", "Kenneth", "Michelle", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa",
    "Edward", "Deborah", "Ronald", "Stephanie", "Timothy", "Rebecca", "Jason", "Laura",
    "Jeffrey", "Sharon", "Ryan", "Cynthia", "Jacob", "Kathleen", "Gary", "Amy", "Nicholas",
    "Angela", "Eric", "Anna", "Jonathan", "Victoria", "Samuel", "Katherine", "Benjamin",
    "Olivia", "Alexander", "Sophie", "Lukas", "Hannah", "Pierre", "Camille", "Javier", "Lucia",
    "Priya", "Arjun", "Fatima", "Omar", "Ingrid", "Sven", "Chloe", "Liam", "Noah", "Emma",
)

ENGLISH_LAST_NAMES: tuple[str, ...] = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
    "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
    "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans",
    "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris",
    "Murphy", "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell",
    "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett",
    "Gray", "James", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "Powell",
    "Jenkins", "Perry", "Russell", "Sullivan", "Fischer", "Schneider", "Weber", "Becker",
    "Dubois", "Moreau", "Laurent", "Fernandez", "Navarro", "Patel", "Shah", "Kowalski",
    "O'Brien", "McCarthy", "Lindqvist", "Novak",
)

NICKNAMES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({
    "Robert": ("Bob", "Rob"), "William": ("Bill", "Will"), "Elizabeth": ("Liz", "Beth"),
    "Katherine": ("Kate", "Kathy"), "Michael": ("Mike",), "James": ("Jim", "Jamie"),
    "Jennifer": ("Jen", "Jenny"), "Thomas": ("Tom",), "Richard": ("Rick", "Dick"),
    "Margaret": ("Maggie", "Peggy"), "Christopher": ("Chris",), "Daniel": ("Dan", "Danny"),
    "Joseph": ("Joe",), "Anthony": ("Tony",), "Steven": ("Steve",), "Alexander": ("Alex",),
    "Patricia": ("Pat", "Trish"), "Susan": ("Sue",), "Andrew": ("Andy", "Drew"),
    "Matthew": ("Matt",), "Nicholas": ("Nick",), "Samuel": ("Sam",), "Benjamin": ("Ben",),
    "Jonathan": ("Jon",), "Edward": ("Ed", "Ted"), "Deborah": ("Debbie", "Deb"),
    "Rebecca": ("Becky",), "Victoria": ("Vicky", "Tori"), "Kenneth": ("Ken",),
    "Timothy": ("Tim",), "Jeffrey": ("Jeff",), "Ronald": ("Ron",), "Kimberly": ("Kim",),
    "Stephanie": ("Steph",), "Cynthia": ("Cindy",), "Kathleen": ("Kathy",),
    "Jacob": ("Jake",), "Joshua": ("Josh",), "Gary": ("Gaz",), "Amanda": ("Mandy",),
})
"""Common short forms of English given names."""

CHINESE_SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("林", "Lin"),
    ("高", "Gao"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
    ("唐", "Tang"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"), ("彭", "Peng"),
    ("曾", "Zeng"), ("田", "Tian"), ("董", "Dong"), ("潘", "Pan"), ("袁", "Yuan"), ("蔡", "Cai"),
    ("蒋", "Jiang"), ("余", "Yu"), ("杜", "Du"), ("叶", "Ye"), ("程", "Cheng"), ("魏", "Wei"),
    ("苏", "Su"), ("吕", "Lyu"), ("丁", "Ding"), ("任", "Ren"), ("沈", "Shen"), ("姚", "Yao"),
)

CHINESE_GIVEN: tuple[tuple[str, str], ...] = (
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
    ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"),
    ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"),
    ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("英", "ying"), ("华", "hua"), ("建", "jian"),
    ("国", "guo"), ("文", "wen"), ("玉", "yu"), ("海", "hai"), ("鹏", "peng"), ("宇", "yu"),
    ("浩", "hao"), ("婷", "ting"), ("雪", "xue"), ("晨", "chen"), ("琳", "lin"), ("欣", "xin"),
    ("俊", "jun"), ("佳", "jia"), ("子", "zi"), ("怡", "yi"), ("博", "bo"), ("志", "zhi"),
    ("思", "si"), ("嘉", "jia"), ("昊", "hao"), ("睿", "rui"), ("晓", "xiao"), ("红", "hong"),
    ("梅", "mei"), ("辉", "hui"), ("鑫", "xin"), ("宁", "ning"), ("凯", "kai"), ("悦", "yue"),
)
"""Characters of Chinese given names (one or two of them make a given name)."""

CHINESE_HOMOPHONES: MappingProxyType[str, str] = MappingProxyType({
    "伟": "玮", "明": "铭", "静": "婧", "丽": "莉", "杰": "洁", "敏": "闵", "华": "桦",
    "军": "君", "强": "墙", "婷": "亭", "海": "凯", "宇": "雨", "晨": "辰", "欣": "馨",
})
"""Same-sounding characters: typical mis-typings of a Chinese given name."""

INDUSTRIES: tuple[str, ...] = (
    "Software", "Manufacturing", "Healthcare", "Financial Services", "Retail", "Logistics",
    "Energy", "Telecommunications", "Pharmaceuticals", "Media", "Consulting", "Automotive",
)

VENTURE_CAPITAL = "Venture Capital"

ENGLISH_BRAND_WORDS: tuple[str, ...] = (
    "Acme", "Apex", "Aurora", "Beacon", "Blue Harbor", "Bright", "Cascade", "Cedar", "Cobalt",
    "Crest", "Delta", "Evergreen", "Falcon", "Granite", "Harbor", "Horizon", "Iron Bridge",
    "Juniper", "Keystone", "Lumen", "Maple", "Meridian", "Nova", "Northwind", "Oakridge",
    "Orion", "Pinnacle", "Quantum", "Redwood", "Riverstone", "Sterling", "Summit", "Terra",
    "Tidewater", "Unity", "Vertex", "Willow", "Zenith", "Atlas", "Boulder", "Canyon", "Clearwater",
    "Copper", "Silver Lake", "Everest", "Fairview", "Greenfield", "Highland", "Ironwood",
    "Lakeside", "Magnolia", "Nimbus", "Pacific", "Polaris", "Prairie", "Sequoia", "Skyline",
    "Stonegate", "Sunrise", "Trident", "Vanguard", "Westbrook", "Wildflower", "Yellowstone",
)

ENGLISH_MIDDLE_WORDS: tuple[str, ...] = (
    "Global", "United", "North", "Pacific", "Atlantic", "First", "Advanced", "Integrated",
    "Applied", "National", "Western", "Eastern", "Digital", "Premier", "Allied", "General",
)

ENGLISH_INDUSTRY_WORDS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({
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
})

CHINESE_BRAND_FIRST: tuple[tuple[str, str], ...] = (
    ("华", "hua"), ("中", "zhong"), ("东", "dong"), ("金", "jin"), ("海", "hai"), ("博", "bo"),
    ("天", "tian"), ("鼎", "ding"), ("瑞", "rui"), ("恒", "heng"), ("新", "xin"), ("宏", "hong"),
    ("万", "wan"), ("安", "an"), ("嘉", "jia"), ("龙", "long"), ("百", "bai"), ("星", "xing"),
    ("云", "yun"), ("远", "yuan"), ("正", "zheng"), ("九", "jiu"), ("长", "chang"), ("银", "yin"),
)

CHINESE_BRAND_SECOND: tuple[tuple[str, str], ...] = (
    ("信", "xin"), ("科", "ke"), ("方", "fang"), ("桥", "qiao"), ("纳", "na"), ("远", "yuan"),
    ("成", "cheng"), ("盛", "sheng"), ("丰", "feng"), ("通", "tong"), ("元", "yuan"), ("达", "da"),
    ("联", "lian"), ("泰", "tai"), ("禾", "he"), ("腾", "teng"), ("川", "chuan"), ("辰", "chen"),
    ("智", "zhi"), ("航", "hang"), ("德", "de"), ("和", "he"), ("润", "run"), ("威", "wei"),
)
"""First and second characters of two-character Chinese brand names (华信, 中科, ...)."""

CHINESE_INDUSTRY_WORDS: MappingProxyType[str, tuple[tuple[str, str], ...]] = MappingProxyType({
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
})

"""The ordered rules that read a job title's seniority and department, in English and Chinese.

:func:`schema.titles.classify_title` tries :data:`SENIORITY_RULES` in order, and the first
that matches decides; then :data:`DEPARTMENT_RULES`, where the first department whose words
appear wins. Both match normalised text (case-folded, accents removed, punctuation as single
spaces). The order is the whole trick: "Vice President" is read before "President", 副总裁
before 总裁, "Assistant to the CEO" before "CEO", "Non-Executive Director" before
"Director", "Product Manager" before "Manager"; among departments, specific words come first
("Product Marketing" is MARKETING, "IT Support" is IT, "Support Engineer" is
CUSTOMER_SUCCESS, "Account Manager" is SALES).

Decisions worth knowing:

- **"Head of X" is VP**: it names the top of a function (the demo generator gives a
  department head without a C-level title "Head of X" or "VP X").
- **"Managing Director" and "General Manager" are C_LEVEL**, as in the UK (the company's
  chief executive) and as 总经理 is in Chinese. An investment bank's MD reads as C_LEVEL too.
- **"Executive Director" is DIRECTOR**; board directors are named as such ("Board Director",
  "Non-Executive Director", "Independent Director") and are BOARD.
- **Managers of a book of work, not of people, are individual contributors**: Account,
  Key Account, Product, Product Marketing, Customer Success, Category, Project, Program,
  Relationship, Territory, Partner, Client, Community and Social Media Managers; 客户经理,
  大客户经理, 产品经理, 项目经理, 客户成功经理, 渠道经理, 理财经理. A "Sales Manager" (销售经理)
  leads a team: MANAGER.
- **Assistants are individual contributors**: "Assistant to the CEO", "Executive Assistant",
  总经理助理, 秘书; but 董事会秘书 (the board secretary, an officer of a listed company) is VP and
  助理总裁 (assistant president) is VP.
- **Advisors, investors and board observers are UNKNOWN**: they hold no seat in the org chart
  (the demo generator records them so). Only the bare affiliation titles count ("Strategic
  Advisor", "Lead Investor", 顾问, 投资人); "Financial Advisor" and 销售顾问 are jobs (IC).
"""

from __future__ import annotations

import re

from schema.enums import Department, Seniority

__all__ = ["DEPARTMENT_RULES", "SENIORITY_RULES"]

_S, _D = Seniority, Department


def _en(*phrases: str) -> re.Pattern[str]:
    """English phrases as whole words of normalised text (letters and digits only)."""
    alternatives = "|".join(p.replace(" ", r"\s+") for p in phrases)
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def _zh(*words: str) -> re.Pattern[str]:
    """Chinese words, anywhere in the text."""
    return re.compile("|".join(words))


_Rule = tuple[re.Pattern[str], Seniority]

# Tried in order; the first match decides. English and Chinese rules of one rung sit together.
SENIORITY_RULES: tuple[_Rule, ...] = (
    # Assistants of the top work for it, they are not it.
    (
        _en(r"(?:executive|personal|administrative|office) assistant", "assistant to"),
        _S.INDIVIDUAL_CONTRIBUTOR,
    ),
    (re.compile(r"(?:助理|(?<!董事会)秘书)$"), _S.INDIVIDUAL_CONTRIBUTOR),
    # Affiliations, not seats (the whole title must be one).
    (
        re.compile(
            r"^(?:(?:senior|strategic|special|independent|board|lead|principal|executive"
            r"|technical|business|angel)\s+)*(?:advisor|adviser|investor|observer)$"
            r"|^(?:战略|高级|独立|首席|特别)?顾问$|^(?:天使|领投|战略)?投资(?:人|方|方代表)$"
            r"|^董事会观察员$"
        ),
        _S.UNKNOWN,
    ),
    (_zh("董事会秘书", "董秘"), _S.VP),
    (_zh("董事总经理"), _S.C_LEVEL),
    (_en(r"(?:vice\s+)?chair(?:man|woman|person)?"), _S.BOARD),
    (_zh("董事长", "理事长", "监事长", "监事会主席"), _S.BOARD),
    (
        _en(
            "board member",
            "member of the board",
            "board director",
            "director of the board",
            r"(?:independent\s+)?non\s*executive(?:\s+director)?",
            "independent director",
            "trustee",
            "supervisory board",
        ),
        _S.BOARD,
    ),
    # Deputies of the top, before the top itself.
    (
        _en(
            "vice president",
            "vp",
            "svp",
            "evp",
            "avp",
            r"deputy (?:ceo|chief executive|general manager|managing director|president)",
            r"(?:deputy|associate|assistant) general counsel",
        ),
        _S.VP,
    ),
    (_zh("副总裁", "副总经理", "副总(?!监)", "副行长", "副院长", "助理总裁", "助理总经理"), _S.VP),
    (
        _en(
            "ceo|cfo|cto|coo|cro|cmo|cio|ciso|cpo|chro|cdo|cco|cso|clo|cao|cxo",
            r"chief(?:\s+\w+){1,3}\s+officer",
            "chief executive",
            "president",
            r"co\s*founder|founder",
            "managing director",
            "general manager",
            "general counsel",
            "managing partner",
        ),
        _S.C_LEVEL,
    ),
    (re.compile(r"^(?:co\s*)?owner(?![a-z0-9])"), _S.C_LEVEL),
    (_zh("总裁", "总经理", r"首席.{1,4}官", "创始人", "创办人", "行长"), _S.C_LEVEL),
    (_zh("董事", "监事", "理事"), _S.BOARD),
    (_en("head"), _S.VP),
    (_en("director"), _S.DIRECTOR),
    (_zh("总监", "部长"), _S.DIRECTOR),
    # Managers of accounts, products and projects rather than of people.
    (
        _en(
            r"(?:key\s+)?account manager",
            r"product(?:\s+marketing)? manager",
            r"customer success manager",
            "success manager",
            "category manager",
            "project manager",
            r"program(?:me)? manager",
            "relationship manager",
            "territory manager",
            "partner manager",
            "client manager",
            "community manager",
            "social media manager",
        ),
        _S.INDIVIDUAL_CONTRIBUTOR,
    ),
    (
        _zh(
            "客户经理", "大客户经理", "产品经理", "项目经理", "客户成功经理", "渠道经理", "理财经理"
        ),
        _S.INDIVIDUAL_CONTRIBUTOR,
    ),
    (
        _en("manager", "mgr", "supervisor", r"lead(?:er)?(?!\s+generation)", "foreman"),
        _S.MANAGER,
    ),
    (_zh("经理", "主管", "组长", "主任", "负责人", "科长", "店长", "领班", "班长"), _S.MANAGER),
)

# Tried in order: the first department whose words appear in the text wins.
DEPARTMENT_RULES: tuple[tuple[re.Pattern[str], Department], ...] = (
    (_zh("总经办", "总经理办公室", "总裁办"), _D.EXECUTIVE),
    (
        _en(
            "information technology",
            "it",
            "cio",
            "chief information officer",
            "ciso",
            "information security",
            r"systems?\s+administrator",
            "sysadmin",
            "network",
            r"help\s*desk",
            "infrastructure",
        ),
        _D.IT,
    ),
    (_zh("信息技术", "信息化", "首席信息官", "运维", "网络"), _D.IT),
    (
        _en(
            "customer success",
            r"customer\s+(?:service|support|care|experience)",
            "client services",
            "support engineer",
            "technical support",
            "support specialist",
        ),
        _D.CUSTOMER_SUCCESS,
    ),
    (_zh("客户成功", "客服", "客户服务", "售后"), _D.CUSTOMER_SUCCESS),
    (
        _en(
            "human resources",
            "hr",
            "chro",
            "people",
            r"recruit\w*",
            "talent",
            "payroll",
            "compensation",
            "learning and development",
        ),
        _D.HUMAN_RESOURCES,
    ),
    (_zh("人力资源", "人事", "招聘", "薪酬", "培训"), _D.HUMAN_RESOURCES),
    (
        _en(
            "finance",
            "financial",
            r"accountant|accounting",
            r"accounts\s+(?:payable|receivable)",
            r"controller|comptroller",
            r"treasur\w*",
            "tax",
            r"audit\w*",
            "cfo",
            r"bookkeep\w*",
            "investor relations",
        ),
        _D.FINANCE,
    ),
    (_zh("财务", "会计", "出纳", "审计", "税务"), _D.FINANCE),
    (
        _en("legal", "counsel", "lawyer", "attorney", "paralegal", "compliance", "clo"),
        _D.LEGAL,
    ),
    (_zh("法务", "律师", "合规", "法律"), _D.LEGAL),
    (
        _en(
            "procurement",
            "purchasing",
            "buyer",
            "sourcing",
            "category manager",
            "vendor management",
        ),
        _D.PROCUREMENT,
    ),
    (_zh("采购"), _D.PROCUREMENT),
    (_en("product marketing"), _D.MARKETING),
    (
        _en(
            "sales",
            "account executive",
            r"(?:key\s+)?account manager",
            "business development",
            "bdr",
            "sdr",
            "revenue",
            "cro",
            r"pre\s*sales",
        ),
        _D.SALES,
    ),
    (
        _en(
            "engineering",
            "engineer",
            "developer",
            "software",
            "devops",
            "qa",
            "quality assurance",
            "cto",
            "technology",
            "technical",
            "r d",
            "research and development",
            "architect",
            "programmer",
        ),
        _D.ENGINEERING,
    ),
    (_zh("研发", "技术", "工程", "开发", "测试"), _D.ENGINEERING),
    (_en("product", "product owner", "ux", "user experience"), _D.PRODUCT),
    (_zh("产品"), _D.PRODUCT),
    (
        _en(
            "marketing",
            "brand",
            "content",
            "communications",
            "public relations",
            "pr",
            "seo",
            "demand generation",
            "lead generation",
            "social media",
            "cmo",
            "events",
        ),
        _D.MARKETING,
    ),
    (_zh("市场", "营销", "品牌", "公关"), _D.MARKETING),
    (_zh("销售", "商务", "客户经理", "业务"), _D.SALES),
    (
        _en(
            r"operations?",
            "operating",
            "operational",
            "ops",
            "logistics",
            "supply chain",
            "project",
            "facilities",
            "manufacturing",
            "production",
            "coo",
            "warehouse",
            r"fulfil?ment",
            r"admin(?:istration)?",
        ),
        _D.OPERATIONS,
    ),
    (_zh("运营", "物流", "生产", "供应链", "项目", "行政"), _D.OPERATIONS),
    (_en("research", "scientist"), _D.RESEARCH),
    (_zh("研究"), _D.RESEARCH),
    (
        _en(
            "executive",
            "ceo",
            "chief executive",
            r"co\s*founder|founder",
            "president",
            "general manager",
            "managing director",
            "general management",
            "owner",
            "chief of staff",
        ),
        _D.EXECUTIVE,
    ),
    (_zh("总经理", "总裁", "首席执行官", "创始人"), _D.EXECUTIVE),
)

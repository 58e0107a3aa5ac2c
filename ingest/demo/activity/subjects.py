"""Subject lines of interactions, per channel, in English and Chinese.

Examples
--------
>>> from schema.enums import InteractionKind
>>> "Quarterly business review" in SUBJECTS[InteractionKind.MEETING][0]
True
>>> deal_subjects("Apex Systems - Pilot", chinese=False)[0]
'Apex Systems - Pilot: proposal'
"""

from __future__ import annotations

from types import MappingProxyType

from schema.enums import InteractionKind

__all__ = ["SUBJECTS", "deal_subjects"]

SUBJECTS: MappingProxyType[InteractionKind, tuple[tuple[str, ...], tuple[str, ...]]] = (
    MappingProxyType(
        {
            InteractionKind.EMAIL: (
                (
                    "Follow-up",
                    "Re: Follow-up",
                    "Quick question",
                    "Introduction",
                    "Next steps",
                    "Re: Next steps",
                    "Catching up",
                    "Pricing question",
                    "Meeting notes",
                    "Re: Meeting notes",
                    "Invoice",
                    "Fwd: Industry report",
                ),
                ("跟进", "回复：跟进", "会议纪要", "报价单", "合作事宜", "转发：行业报告"),
            ),
            InteractionKind.MEETING: (
                (
                    "Quarterly business review",
                    "Weekly sync",
                    "1:1",
                    "Product demo",
                    "Kickoff",
                    "Roadmap review",
                    "Lunch",
                    "Workshop",
                ),
                ("季度业务回顾", "周会", "一对一沟通", "产品演示", "项目启动会"),
            ),
            InteractionKind.CALL: (
                ("Call", "Check-in call", "Intro call", "Support call"),
                ("电话沟通", "电话回访"),
            ),
            InteractionKind.MESSAGE: (
                ("Chat", "Quick ping", "Message"),
                ("微信沟通", "消息"),
            ),
            InteractionKind.NOTE: (
                ("Account note", "Call notes", "Org chart notes", "Competitive intel"),
                ("客户备注", "拜访记录"),
            ),
            InteractionKind.SUPPORT: (
                (
                    "Support case: login issue",
                    "Support case: data import",
                    "Support case: billing question",
                    "Support case: API errors",
                ),
                ("工单：登录问题", "工单：数据导入", "工单：账单问题"),
            ),
        }
    )
)
"""Per kind: (English subjects, Chinese subjects)."""

_DEAL_TOPICS = (
    "proposal",
    "pricing",
    "contract review",
    "security questionnaire",
    "legal redlines",
    "next steps",
)
_DEAL_TOPICS_ZH = ("方案", "报价", "合同审核", "下一步")


def deal_subjects(deal_name: str, *, chinese: bool) -> tuple[str, ...]:
    """Return the subject lines of interactions about the deal ``deal_name``."""
    topics = _DEAL_TOPICS_ZH if chinese else _DEAL_TOPICS
    separator = "：" if chinese else ": "
    return tuple(f"{deal_name}{separator}{topic}" for topic in topics)

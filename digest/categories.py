"""A coarse topic for each article, from keyword cues, so the terminal can colour-code it.

Rules, not a model: deterministic, instant, and good enough to group a page at a glance.
An article with no cue gets ``None`` ("综合").
"""
from __future__ import annotations

CATEGORIES: dict[str, tuple[str, ...]] = {
    "科技": ("科技", "科创", "创新", "芯片", "人工智能", "AI", "实验室", "研发", "技术", "数字", "算力", "大模型", "专利"),
    "经济": ("经济", "金融", "企业", "产业", "投资", "银行", "贷款", "市场", "消费", "贸易", "营收", "股", "基金", "资本"),
    "政务": ("政府", "政策", "部门", "改革", "委员", "代表", "党", "政协", "人大", "公安", "警方", "户籍"),
    "社会": ("学校", "教育", "医院", "医疗", "健康", "居民", "社区", "人才", "就业", "生态", "环境", "萤火虫"),
    "文化": ("文化", "艺术", "读书", "展览", "旅游", "文旅", "体育", "赛事", "演出", "非遗"),
}
DEFAULT = "综合"


def categorize(title: str | None, text: str, keywords: list[str]) -> str | None:
    haystack = (title or "") * 3 + " ".join(keywords) * 2 + text[:400]
    best, best_hits = None, 0
    for name, cues in CATEGORIES.items():
        hits = sum(haystack.count(c) for c in cues)
        if hits > best_hits:
            best, best_hits = name, hits
    return best

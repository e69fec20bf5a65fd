"""Patterns of newspaper furniture: bylines, datelines, credits, captions, masthead lines.

They describe kinds of printed matter that every Chinese daily has, never a particular
page's strings, and they are the only place the segmenter looks at wording.
"""
from __future__ import annotations

import re

HAN = "\u4e00-\u9fff"

# A reporter's role word: what an author line opens with ("本报记者", "通讯员").
_ROLE = "(?:本报|特约|见习|实习|首席)?(?:记者|通讯员|撰稿人?|实习生)"
# The role word alone on a line: a piece of an author line the extractor split.
ROLE_WORD = re.compile(rf"^[（(]?{_ROLE}$")
# A byline standing on its own line (or appended to the last body line).
BYLINE = re.compile(
    rf"""^(?:
      {_ROLE}\s*[^，。；,;！？]+       # 本报记者 陈路漫 通讯员 胡珂
    | [□◎]\s*\S.{{0,30}}\s[{HAN}]{{2,4}}                                        # □长三角科技报联盟上海报道组 吴苡婷
    | [□■◎●]\s*{_ROLE}\s*[^，。；,;！？]+                                         # ■本报记者 袁建国
    | [□■◎●][ \u3000]+[{HAN}]{{2,4}}(?:[ \u3000]+[{HAN}]{{2,4}}){{0,2}}            # □ 柏振华 (a list item's bullet has no space)
    | [{HAN}]{{2,4}}(?:[ \u3000]+[{HAN}]{{2,4}}){{0,2}}[ \u3000]+(?:文|文/图|文／图|图/文|图文)  # 殷志强 文
    | [（(]\s*(?:本报)?(?:记者|通讯员|据|来源|综合|编译|文|图)[^（）()]{{1,40}}[）)]   # （记者 杨 洁）
    | [（(]\s*作\s*者\s*(?:为|系|是|单位)[^（）()]{{2,60}}[）)]                     # （作者为中央党校教授）
    | [{HAN}]{{2,10}}(?:报|社|台|网|新闻)\s*(?:记者|通讯员)\s*[^，。；,;！？]+     # 解放日报记者 李成东
    | (?:文|图|文/图|文／图|撰文|摄影)\s*[/／:：|]\s*\S.{{0,30}}                  # 文/张三
    | \S.{{0,20}}\s[{HAN}]{{2,4}}\s*摄                                          # 新华网 发 王文生 摄
    )$""",
    re.X,
)
# The author's note that closes a commentary: （作者为中共中央党校教授） （作者单位：…）
AUTHOR_NOTE = re.compile(r"^[（(]\s*作\s*者")
# A bullet that opens an item of a list inside an article: "■长三角区域高速路网协同排查"
BULLET = re.compile(r"^[■●◆▲▶►•]")
# Common Chinese surnames (the ~150 most frequent single ones and the usual compound ones):
# a bare line of names is told from a short phrase by them.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "傅阎赖洪"  # of the hundred commonest, four the list above lacked (阎 beside 闫; 萧, beside 肖, stays out: 萧山)
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "西门", "南宫")
_NAME_TOKEN = rf"[{HAN}]{{2,4}}"


class _NamesOnly:
    """Only personal names: "李凯旋", "林晓晖 王屹峰", "杨 洁" (each with a common surname)."""

    @staticmethod
    def match(text: str) -> bool:
        tokens = _two_character_names(text.split())
        if len(tokens) == 1 and len(tokens[0]) > 4 or not text or len(tokens) > 3:
            return False
        for t in tokens:
            if not re.fullmatch(_NAME_TOKEN, t):
                return False
            if t[:2] in COMPOUND_SURNAMES:
                continue
            if t[0] not in SURNAMES or len(t) > 3:
                return False
        return True


NAMES_ONLY = _NamesOnly()


def _two_character_names(tokens: list[str]) -> list[str]:
    """"李 静 王海涛" -> ["李静", "王海涛"]: a two-character name is printed with a space
    between surname and given name, to fill the width of a three-character one."""
    out: list[str] = []
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if len(t) == 1 and t in SURNAMES and k + 1 < len(tokens) and len(tokens[k + 1]) == 1:
            out.append(t + tokens[k + 1])
            k += 2
        else:
            out.append(t)
            k += 1
    return out

# A dateline opening the first paragraph: 本报讯, 新民晚报讯, 本报上海5月23日电（阮见）, 新华社北京1月2日电
DATELINE = re.compile(
    rf"^(?:[{HAN}]{{0,6}}(?:报|社|网|台)讯|(?:本报|新华社|中新社|中新网|人民网|新华网)[{HAN}0-9]{{0,14}}电|据[{HAN}]{{2,12}}(?:报道|消息))"
)

# A jump to or from another page: （下转A2版） （上接第1版） （转第3版）
JUMP = re.compile(r"^[（(]\s*(下转|转|接|上接|紧接)\s*第?\s*([A-Za-z]?\d{1,3})\s*版?\s*[）)]$")

# Editor and layout credits, masthead furniture.
CREDIT = re.compile(r"^(?:本版)?(?:责编|责任编辑|编辑|版式设计|版式|美编|美术编辑|校对|制图|图表|视觉设计|设计|统筹)\s*[：:]")
MASTHEAD = re.compile(
    r"(?:邮发代号|出版物号|统一刊号|CN\s?\d{2}\s?[-－]\s?\d{4}|ISSN|报料热线|广告热线|发行热线|订阅热线|新闻热线"
    r"|官方微信|官方微博|数字报|网址|www\.|https?://|\.com\b|\.cn\b|总第\s*\d+\s*期|第\s*\d+\s*期"
    r"|农历[\u4e00-\u9fff]{2,3}年|星期[一二三四五六日天]|^\d{4}年\d{1,2}月\d{1,2}日$"
    r"|^第?\s*[A-Z]{0,2}\s?\d{1,3}\s*版(?:\s*[：:·].{0,12})?$|^[A-Z]{0,2}\d{1,3}$|^[A-Z]?\d{1,2}[\u4e00-\u9fff]{2,4}$|^今日\s*\d+\s*版)"
)
# A photo caption: 图①：…, 图为…, 上图：…; or a short line ending in a photographer credit.
CAPTION = re.compile(r"^(?:本版(?:图片|照片)|数据来源\s*[：:]|资料来源\s*[：:]|[图圖][①-⑳0-9一二三四五六七八九十]*\s*[：:为]|[上下左右中]图\s*[：:]|图片来源|资料图片|制图\s*[：:])")
PHOTO_WORDS = re.compile(r"图为|[上下左右]图|图片|资料图|航拍|摄影")
# Artwork credits: "翟桂溪作（新华社发）"
ART_CREDIT = re.compile(rf"^[{HAN}]{{2,4}}\s*(?:作|绘|画|摄)\s*[（(][^（）()]{{2,10}}发?[）)]$")
PHOTO_CREDIT_END = re.compile(rf"[{HAN}]{{2,4}}\s*摄(?:影)?\s*$")

# Page banners with the standard political slogan form: 认真学习宣传贯彻党的十九大精神,
# 深入学习贯彻…思想. They head a page or a column, never one article.
SLOGAN = re.compile(rf"^(?:认真|深入|全面|坚决|持续)?(?:学习|宣传|贯彻|落实)(?:宣传|贯彻|落实|领会)?[{HAN}“”]{{2,26}}(?:精神|思想)$")

# A head line that only says who spoke or sets the scene ("高盛集团表示", "习近平在…时强调",
# "据CNBC报道", "当地时间2月1日") leads in to the title: it is the kicker, never the title.
LEAD_IN = re.compile(r"(?:认为|指出|表示|强调|透露|介绍|报道|消息|显示|获悉|宣布|公告)$|^(?:当地时间|北京时间|截至|截止)")
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
PAGE_LABEL = re.compile(r"^第?\s*([A-Z]{0,2}\s?\d{1,3})\s*版|^([A-Z]?\d{1,2})[\u4e00-\u9fff]{2,4}$")
# a source or reporter credit in brackets after a story's last sentence: "…动力。（经参）", "。”（记者 杨 洁）"
SIGNED_OFF = re.compile(r"[。！？][”’」』]?\s*[（(][^（）()，。、；：]{2,12}[）)]$")
# ... or on a line of its own: "（证券时报网）", "（新华社）" under the text it closes
SOURCE_ALONE = re.compile(r"^[（(][^（）()，。、；：]{2,12}[）)]$")
PAPER_NAME = re.compile(rf"([{HAN}]{{2,6}}(?:日报|时报|晚报|晨报|商报|青年报|科技报|经济报|法制报|导报|周报))")


def noise_kind(text: str) -> str:
    """What a block set aside as noise is, by its wording: masthead (date, page label, the
    paper's furniture), slogan, caption, credit, jump (a 下转 marker), author (a note or name
    no article took), or other."""
    compact = text.replace(" ", "")
    if JUMP.match(compact):
        return "jump"
    if CREDIT.match(compact) or ART_CREDIT.match(compact) or PHOTO_CREDIT_END.search(compact):
        return "credit"
    if CAPTION.match(compact) or PHOTO_WORDS.search(compact):
        return "caption"
    if SLOGAN.match(compact):
        return "slogan"
    if MASTHEAD.match(compact) or DATE.search(compact) and len(compact) <= 24 or PAGE_LABEL.match(compact):
        return "masthead"
    if AUTHOR_NOTE.match(compact) or NAMES_ONLY.match(text):
        return "author"
    return "other"

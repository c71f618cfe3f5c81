"""Boilerplate rules on real lines from the seeds and corpora, and lines that must survive."""

import pytest

from helpers.corpus.boilerplate import strip_boilerplate


@pytest.mark.parametrize("line, rule", [
    ("- 来源:辽阳日报", "metadata_line"),  # 000 header
    ("- 时间:2023-10-18 10:10:10", "metadata_line"),  # 000 header
    ("- 发布日期:2022-2-18 10:28:27", "metadata_line"),  # 002 header
    ("发布时间:2022-09-11 来源: 辽沈智慧党建云平台 作者:佚名", "metadata_line"),  # 003: three fields on one line
    ("本文地址:/baogao/db/9712.html", "source_url_line"),  # 001 footer
    ("原文链接:https://www.lndj.gov.cn/portaluploads/html/site-5/info/43324.html", "source_url_line"),  # 003
    ("留言与评论(共有 条评论)", "page_widget"),  # 001 comment box
    ("验证码:", "page_widget"),  # 001 captcha
    ("网站地图", "page_widget"),  # 001 site map link
    ("相关报道:", "page_widget"),  # liaoning-gwr-2026 end
    ("欢迎来到廉政法治网!", "site_welcome"),  # 003 top
    ("当前所在:首页 > 廉政舆情 > 正文", "navigation_trail"),  # 003 breadcrumb
    ("【字号:", "page_button"),  # liaoning-gwr-2026 font-size buttons
    ("收藏", "page_button"),  # liaoning-gwr-2026
    ("[免责声明] 本文来源于网络转载,仅供学习交流使用,不构成商业目的。", "disclaimer"),  # 003
    ("本文仅代表作者观点,不代表本站立场。 凡注明为博县网原创作品的,未经许可,不得转载;", "disclaimer"),  # 001
    ("廉政法治网 lzfz.org.cn 版权所有。", "copyright"),  # 003
    ("北京中农兴业网络技术有限公司主办 | 政讯通-全国政务信息一体化办公室 主管", "copyright"),  # 003
    ("联系电话:010-56212745、010-53382908,监督电话:18518469856", "contact_line"),  # 003
    ("邮箱:qgfzdyzx@163.com  客服QQ:3206414697 通联QQ:1224368922", "contact_line"),  # 003
    ("第一办公区:北京市东城区建国门内大街26号新闻大厦5层;第二办公区:北京市西城区砖塔胡同56号西配楼", "contact_line"),  # 003
])
def test_boilerplate_line_rules(line, rule):
    text, edits = strip_boilerplate("正文第一段,足够长的一句话。\n" + line + "\n")
    assert text == "正文第一段,足够长的一句话。\n"
    assert [e.rule for e in edits] == [rule]


@pytest.mark.parametrize("line", [
    "市发改委围绕全面振兴新突破三年行动主要任务,坚持项目为纲、项目为王。",  # 000 body
    "发布人",  # 004: the heading of the speakers' list is content
    "市长 郭云峰",  # 001 speaker line
    "“三破三立”解放思想开新篇",  # 003 section heading
    "——2024年1月7日在辽阳市第十七届人民代表大会第四次会议上",  # 001 delivery line
    "建设全省首个“零证明”城市,是葫芦岛不断解放思想,开拓创新的成果之一。",  # 003 body
])
def test_content_lines_survive(line):
    text = line + "\n第二段正文,足够长的一句话。\n"
    assert strip_boilerplate(text)[0] == text


def test_a_story_that_opens_with_a_contact_address_keeps_its_sentences():
    # 上游新闻 2022: the whole lead went as a contact line, with the GDP figures in it
    line = ("上游新闻(报料邮箱:cnshangyou@163.com)记者注意到,2021年,新疆全年实现地区生产总值1.6万亿元、"
            "增长7%。2022年,新疆地区生产总值预期目标增长6%左右。")
    text, edits = strip_boilerplate(line + "\n第二段正文,足够长的一句话。\n")
    assert text == line.replace("cnshangyou@163.com", "") + "\n第二段正文,足够长的一句话。\n"
    assert [e.rule for e in edits] == ["email"]


def test_site_chrome_above_the_welcome_line_goes_with_it():
    page = "政讯通中心\n\n欢迎来到廉政法治网!\n当前所在:首页 > 廉政舆情 > 正文\n\n葫芦岛:夯基垒台\n"
    text, edits = strip_boilerplate(page)
    assert text.strip() == "葫芦岛:夯基垒台"
    assert edits[0].rule == "site_chrome" and edits[0].removed == "政讯通中心\n"


def test_inline_footnote_markers_and_offsets_point_into_the_input():
    page = "正文\n江西省2022年国民经济和社会发展统计公报[1]\n"
    text, edits = strip_boilerplate(page)
    assert text == "正文\n江西省2022年国民经济和社会发展统计公报\n"
    (edit,) = edits
    assert edit.rule == "footnote_marker"
    assert page[edit.start:edit.end] == "[1]"


@pytest.mark.parametrize("page, kept, rule", [
    # a share-price widget a reposting site put after a listed company's name (presser-guangdong-2020-p)
    ("广东联通、广东广电网络(8.010, 0.01, 0.12%)也将进一步加大投资力度。", "广东联通、广东广电网络也将进一步加大投资力度。",
     "stock_quote"),
    # a growth rate in brackets is the text's own
    ("阜新(15.3%)、朝阳(13.2%)4市好于预期。", "阜新(15.3%)、朝阳(13.2%)4市好于预期。", None),
])
def test_inline_widgets_go_and_bracketed_figures_stay(page, kept, rule):
    text, edits = strip_boilerplate(page)
    assert text == kept
    assert [e.rule for e in edits] == ([rule] if rule else [])

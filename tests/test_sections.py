"""Sections of real documents: heading roles, nesting, the sections table and the filter by role."""

import datetime as dt
import pytest

from conftest import FIXTURES
from helpers.corpus.cleaning import clean_text
from helpers.corpus.sections import extract_sections, parse_heading_role, root_role

KIND_GOLD = FIXTURES / "kind_gold"


@pytest.mark.parametrize("heading, role", [
    ("一、2024年国民经济和社会发展计划执行情况", "plan_execution"),  # results, though it says 计划
    ("二、2025年国民经济和社会发展计划草案", "plan_draft"),
    ("二、2025年主要目标", "targets"),
    ("一、“十四五”时期和2025年工作回顾", "review"),  # 河南 2026
    ("一、2025年主要工作和“十四五”发展成就", "review"),  # 浙江 2026: 主要工作 here looks back
    ("三、2026年重点工作安排", "tasks"),
    ("三、2026年主要工作", "tasks"),  # 河北 2026
    ("辽宁落点", "targets"),  # 辽宁日报's infographic: 亮点 (results) and 落点 (the year's aims)
    ("2021年目标", "targets"),  # 河南日报 on a work meeting, after "2020年成绩" (held-out part 22)
    # how the goals went, not the goals (咸宁 政务督查室 2021, part 28): results at mid-year
    ("(一)全市经济社会发展主要预期目标完成情况", "plan_execution"),
    ("关于1-10月份市政府重点工作责任清单进展情况的报告", "plan_execution"),  # 池州 2025
    ("2020年成绩", "review"),
    ("(二)加快建设现代化产业体系", None),  # a subsection takes its parent's role
])
def test_heading_roles(heading, role):
    assert parse_heading_role(heading) == role


def test_sections_of_a_work_report_nest_by_numbering():
    """甘肃 2026 (trimmed): unnumbered top headings, (一) subsections under the tasks heading."""
    text = (KIND_GOLD / "docs" / "gwr-2026-gansu.txt").read_text(encoding="utf-8")
    sections = extract_sections(clean_text(text).body, "government_work_report")
    top = [(s.heading, s.role, s.year, s.plan) for s in sections if s.level == 1]
    assert top == [("“十四五”时期工作回顾", "review", None, "十四五"),
                   ("“十五五”时期的主要目标任务", "targets", None, "十五五"),
                   ("2026年重点工作", "tasks", 2026, None)]
    tasks = next(s for s in sections if s.heading == "2026年重点工作")
    subsections = [s for s in sections if s.parent_id == tasks.section_id]
    assert len(subsections) == 8 and {s.role for s in subsections} == {"tasks"}
    assert all(tasks.start < s.start < s.end <= tasks.end for s in subsections)


@pytest.mark.parametrize("text, expected", [
    # a tasks word under a review heading still reviews (the past stays the past)
    ("一、2025年工作回顾\n(三)扎实推进重点任务\n", ["review", "review"]),
    # 主要预期目标 under a tasks heading refines it
    ("三、2026年重点工作\n主要预期目标\n", ["tasks", "targets"]),
    # a short line that reports a result is no heading
    ("一、2025年工作回顾\n圆满完成全年目标任务\n", ["review"]),
    # …nor a deck that sets the results against the province's (新乡日报, July 2022, part 49)
    ("我市召开上半年国民经济运行新闻发布会\n全市经济主要指标增速高于全省\n", []),
    # "1.2万亿元" opens no numbered section, "1.加快…" does
    ("三、2026年重点工作\n1.2万亿元投资。\n1.加快项目建设\n", ["tasks", "tasks"]),
    # a label with its colon opens the list under it (a digest of 陕西's 2021 work report, part 35)…
    ("2020年成就:\n城镇新增就业43.2万人\n2021年目标:\n生产总值增长6.5%左右\n城镇新增就业40万人\n", ["review", "targets"]),
    # … not a deck line over a byline (莒县 2019, a story of 2018's results and 2019's goals)
    ("2019年政府工作总体要求:\n  本报记者 彭彦伟\n", []),
    # …nor the last line of a report's title broken in two (永修, February 2022, part 87)
    ("关于永修县2021年国民经济和社会发展计划执行情况与2022年国民经济和社会\n发展计划草案的报告\n一、2021年国民经济和社会发展计划执行情况\n",
     ["plan_execution"]),
    # a year's tasks after last year's results, one to a bullet (云南网 on 昆明's 2017 经济工作会议, part 103)
    ("去年成绩\n●去年全市GDP总量达到4300亿元。\n今年任务\n●持续推进寻甸至沾益等16个高速公路项目建设。\n", ["review", "tasks"]),
    # …nor a title that goes on, on the next line, to say what was done (万州's half-year report, September 2023, part 101)
    ("2023年区政府工作报告目标任务\n半年完成情况\n2023年上半年,完成地区生产总值550.5亿元、同比增长6%。\n", []),
    # …nor a table's header row, whatever its columns name (岳阳楼区's progress table on the year's 民生实事, July 2019, part 73)
    ("岳阳楼区2019年1-7月省市重点民生实事项目完成情况\n序号 项目名称 责任单位 目标任务  1-7月 \n1 新增城镇就业 区人社局 8950人 6453人 72%\n", []),
    # …nor a header cell of a table laid out one cell a line after 序号 (怀远's progress on its 2023 tasks, part 3)
    ("农业农村局2023年11月承担政府重点工作完成情况\n\n序号\n\n目标任务\n\n牵头责任单位\n\n计划完成时间\n\n目前完成情况\n\n是否达到序时进度\n\n6\n", []),
    # a headline of how the year's 实事 went so far reports progress (河南, May 2021, part 169)
    ("一季度河南重点民生实事进展顺利\n●实施残疾儿童康复救助方面:8141名残疾儿童接受了康复救助服务。\n", ["plan_execution"]),
    # …nor a short line that states a change: a figure of an infographic, not a heading over the rest (济南's 2018 work
    # report as a newspaper's infographic, parts 74-92)
    ("总目标\nGDP\n2017成绩增长8%\n2018目标增长7.5%左右\n", []),
])
def test_section_roles_follow_their_parents(text, expected):
    assert [s.role for s in extract_sections(text)[1:]] == expected


def test_a_title_of_progress_makes_headings_of_tasks_say_how_they_went():
    """湖州's table of how the work report's tasks went by mid-2023 (part 167): each leader's "主抓重点工作" reports progress;
    a plan report whose title also names the next year's draft keeps its tasks."""
    text = "洪湖鹏市长主抓重点工作\n2.1-6月,全市一般公共预算支出318.54亿元,完成年初预算的54.8%\n"
    assert [s.role for s in extract_sections(text, "plan_report", "2023年市政府工作报告重点工作半年度完成情况汇总表",
                                             dt.date(2023, 8, 31))[1:]] == ["plan_execution"]
    assert [s.role for s in extract_sections("三、2024年重点工作\n", "plan_report",
                                             "关于2023年计划执行情况与2024年计划草案的报告", dt.date(2024, 1, 20))[1:]] == ["tasks"]


@pytest.mark.parametrize("text, published, expected", [
    # no role word: the year a top-level heading names, against the delivery date (湖南 2026)
    ("一、2025年和“十四五”时期工作回顾\n三、关于2026年工作\n", dt.date(2026, 2, 3),
     [("2025年和“十四五”时期工作回顾", 1, "review"), ("关于2026年工作", 1, "tasks")]),
    # … or the five-year plan it names, not over when the text was delivered (福建 2026)
    ("三、一鼓作气勇争先,全力推动“十五五”开好局\n", dt.date(2026, 1, 27),
     [("一鼓作气勇争先,全力推动“十五五”开好局", 1, "tasks")]),
    # a heading of the year just past, in the first half of a year, is about the year before (汉滨区, April 2025, part 26)
    ("一、过去一年工作回顾\n", dt.date(2025, 4, 15), [("过去一年工作回顾", 1, "review", 2024)]),
    # … and nothing without a date
    ("三、关于2026年工作\n", None, [("关于2026年工作", 1, "other")]),
    # an annex restarts the numbering one level down, its title on its line or the next (广东 2024, 2025)
    ("三、2025年重点工作\n附件1：2025年省十件民生实事\n一、提高困难群众保障水平。\n", dt.date(2025, 1, 15),
     [("2025年重点工作", 1, "tasks"), ("附件1：2025年省十件民生实事", 1, "tasks"), ("提高困难群众保障水平", 2, "tasks")]),
    ("附件1\n2024年省十件民生实事\n四、扎实推进城镇保障性安居工程建设。\n", dt.date(2024, 1, 23),
     [("附件1 2024年省十件民生实事", 1, "tasks"), ("扎实推进城镇保障性安居工程建设", 2, "tasks")]),
])
def test_section_roles_from_time_and_annexes(text, published, expected):
    found = extract_sections(text, "government_work_report", None, published)[1:]
    assert [(s.heading, s.level, s.role, s.year)[:len(e)] for s, e in zip(found, expected)] == expected
    assert len(found) == len(expected)


def test_build_writes_sections_and_notebook_03_filters_by_role(built_corpus):
    from helpers.corpus import overview
    from helpers.indicators import indicator_tables
    from helpers.store import load_table

    sections = load_table("sections", built_corpus)
    report = sections[sections["doc_id"] == "corpora/liaoning-gwr-2026"]
    assert {"review", "targets"} <= set(report["role"])
    roles = overview.count_sections(sections)
    assert roles.set_index("doc_id").loc["corpora/liaoning-gwr-2026", "headings"] >= 3
    everything = indicator_tables.load_indicators(built_corpus)
    targets = indicator_tables.load_indicators(built_corpus, section_role="targets")
    assert 0 < len(targets) < len(everything) and set(targets["section_role"]) == {"targets"}
    # every figure cites a section of its document
    cited = everything.merge(sections, on=["doc_id", "section_id"], how="left", suffixes=("", "_section"))
    assert cited["role"].notna().all() and (cited["section_role"] == cited["role"]).all()
    with pytest.raises(ValueError, match="section_role"):
        indicator_tables.load_indicators(built_corpus, section_role="outlook")




@pytest.mark.parametrize("lead, published, role", [
    # a headline naming this year's list of 实事 sets the year's tasks early in the year…
    ("最新丨金凤区发布2025年民生“十心”实事!", dt.date(2025, 1, 6), "tasks"),
    # … and reports on it late in the year (信阳, 22 December 2018, part 38: how the list went)
    ("2018年信阳“十件实事”进展如何? 你关心的最新情况都在这里", dt.date(2018, 12, 22), "other"),
    # a story without a headline of its own frames the year from a lead that says the list is set out (东坡, February
    # 2023, part 203), not from one that tells how the list goes
    ("新闻来源:\n记者从眉山市东坡区人代会上获悉,东坡区2023年十大民生实事项目发布。", dt.date(2023, 2, 3), "tasks"),
    ("新闻来源:\n2023年,东坡区十大民生实事项目进展顺利。", dt.date(2023, 7, 3), "other"),
])
def test_a_list_named_in_a_headline_frames_the_year_only_before_its_end(lead, published, role):
    assert root_role("news_report", lead, published) == role


def test_a_notice_that_issues_the_years_list_frames_it_in_a_plan_report():
    """A plan report frames only a year to come from its headline, unless the headline issues the year's list (宝山's
    notice of January 2022, part 213); one that reports how the list went does not."""
    issued = "上海市宝山区人民政府办公室关于印发《2022年区政府要完成的与人民生活密切相关的实事》的通知"
    assert root_role("plan_report", issued, dt.date(2022, 1, 10)) == "tasks"
    assert root_role("plan_report", "岳阳楼区2019年1-7月省市重点民生实事项目完成情况", dt.date(2019, 7, 31)) == "other"


@pytest.mark.parametrize("genre, lead, published, role", [
    # a plan report's headline naming this year's list early in the year, without a word of how it went, is the list
    # (顺德, 5 January 2024, part 297); one that tells its progress is not
    ("plan_report", "2024年顺德十大民生实事项目", dt.date(2024, 1, 5), "tasks"),
    ("plan_report", "2024年顺德十大民生实事项目进展", dt.date(2024, 1, 5), "other"),
    # a headline without its year, which the opening gives where it says the list is set out (钢城, February 2021, part 303)…
    ("plan_report", "钢城区为民办十件实事敲定\n近日,在钢城区十八届人大五次会议…上,公布了2021年钢城区为民办十件实事。",
     dt.date(2021, 2, 2), "tasks"),
    # …not a press conference's 发布会 nor a list said to be under way (吉林, April 2007)
    ("news_report", "吉林省做好民生实事 一季度城镇新增就业12万人\n记者4月20日从…新闻发布会上获悉,全省…民生实事取得良好开局",
     dt.date(2007, 4, 21), "other"),
    # the year's measures of a work report, as a newspaper puts them (济阳, January 2020, part 303)
    ("news_report", "改民生、促发展,今年济阳这么干", dt.date(2020, 1, 17), "tasks"),
    # a notice that issues a plan's 《…工作要点》; 计划完成 in the headline is the plan, not how it went (湖南, 2022, part 305)
    ("plan_report", "2022年湖南省农村公路计划完成投资约115亿元\n日前,湖南省交通运输厅印发《2022年度全省交通运输…工作要点》",
     dt.date(2022, 1, 1), "tasks"),
    # a press conference on what half a year did and what the next half will do is framed by neither (河南, July 2023,
    # part 319): its headings and cues decide
    ("press_conference", "河南晒上半年“成绩单”\n7月31日,河南省政府新闻办举行发布会,介绍河南省上半年抓经济、促发展的相关举措成效和"
     "下半年重点工作安排。", dt.date(2023, 8, 1), "other"),
])
def test_a_lead_that_sets_out_the_years_list_frames_the_text(genre, lead, published, role):
    assert root_role(genre, lead, published) == role

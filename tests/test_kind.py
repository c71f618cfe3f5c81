"""Kind, sections and periods on real text: the cues, the structure, the labelled documents, the headline targets."""

import datetime as dt
import re

import pandas as pd
import pytest

from conftest import FIXTURES, ROOT
from helpers.corpus.documents import process_document
from helpers.corpus.sentences import split_sentences
from helpers.indicators.evaluation import Evaluation, KindEvaluation, _score_paragraph, evaluate_labelled_documents
from helpers.indicators.extract import extract_indicators

D = dt.date
KIND_GOLD = FIXTURES / "kind_gold"
PROVINCES = ROOT.parent / "shared" / "corpora" / "provinces-2026"
LIAONING_2026 = ROOT / "data" / "raw" / "corpora" / "liaoning-gwr-2026.txt"


def _rows(text, genre="government_work_report", published=D(2026, 1, 27)):
    document = {"doc_id": "x", "text": text, "published_date": published, "genre": genre,
                "place": None, "place_code": None, "title": None}
    return pd.DataFrame(extract_indicators(document, split_sentences(text)))


# The hard cases of the rules (indicators/kinds.py, extract.py): a text, its genre and date, and each figure's quote,
# kind and year as the rules must give them (``rule_kind``). The model that then decides ``kind`` is held to them as a
# whole (test_the_model_keeps_the_hard_cases)
KIND_CASES = [
    # a plan report's execution part is results, though the heading says 计划; 预计全年 in January is last year
    ("一、2024年国民经济和社会发展计划执行情况\n预计全年,地区生产总值增长5.2%左右。", "plan_report", D(2025, 1, 12),
     [("5.2%左右", "forecast", 2024)]),
    # a targets heading and a list without cue words
    ("二、2025年主要目标\n地区生产总值增长5.5%左右,一般公共预算收入增长3%。", "plan_report", D(2025, 1, 12),
     [("5.5%左右", "target", 2025), ("3%", "target", 2025)]),
    # the cue after the figures: a quoted list of goals
    ("二、2026年工作安排\n把“新增就业3万人、调查失业率5.5%以内”作为今年工作目标。", "government_work_report",
     D(2026, 1, 20), [("3万人", "target", 2026), ("5.5%以内", "target", 2026)]),
    # words that look like cues: a result beside 预期目标 and after 目标任务体系 (河南 2026)
    ("一、2025年工作回顾\n全省地区生产总值增长5.6%,增速比预期目标高0.3个百分点。", "government_work_report",
     D(2026, 1, 26), [("5.6%", "actual", 2025), ("0.3个百分点", "actual", 2025)]),
    ("刚刚过去的2025年很不平凡。一年来,全省上下聚焦“1+2+4+N”目标任务体系,地区生产总值增长5.6%。",
     "government_work_report", D(2026, 1, 26), [("5.6%", "actual", 2025)]),
    # a task list under a tasks heading, no cue word
    ("三、2026年重点工作\n全年新开工亿元以上项目200个以上。", "government_work_report", D(2026, 1, 26),
     [("200个以上", "target", 2026)]),
    # a January press release: 全年 is the year just ended
    ("全年全省地区生产总值增长5.1%。", "press_conference", D(2024, 1, 18), [("5.1%", "actual", 2023)]),
    # … but 今年 is the year it was delivered in (辽宁 press conference of March 2024)
    ("韩冰表示,今年辽宁省将抓资金、引项目,积极扩大有效投资。", "press_conference", D(2024, 3, 12), []),
    # 河北 2026: 十五五 in the paragraph's opening sentence is not the 2026 target's period
    ("三、2026年主要工作\n今年是“十五五”起步之年,确保“十五五”良好开局。主要预期目标是:地区生产总值增长5%以上。",
     "government_work_report", D(2026, 1, 27), [("5%以上", "target", 2026)]),
    # 辽宁 2026: a paragraph that opens by naming the five-year plan's outline lists the plan's indicators, though the
    # heading names 2026 too; the main goals after it are 2026's (the outline's 5.5%左右 was read as the 2026 target)
    ("二、“十五五”时期目标任务和2026年工作安排\n《纲要(草案)》明确了经济社会发展主要指标:三是围绕民生福祉,其中城镇调查失业率"
     "5.5%左右。五是围绕安全保障,其中粮食综合生产能力526亿斤左右。\n全省经济社会发展的主要预期目标是:城镇调查失业率5.5%左右。",
     "government_work_report", D(2026, 1, 27), [("5.5%左右", "target", 2030), ("526亿斤左右", "target", 2030),
                                                ("5.5%左右", "target", 2026)]),
    # …but an outline named later in a paragraph does not make its figures the plan's
    ("二、“十五五”时期目标任务和2026年工作安排\n今年要完成《纲要》确定的任务,城镇调查失业率5.5%左右。",
     "government_work_report", D(2026, 1, 27), [("5.5%左右", "target", 2026)]),
    # a change from one level to another: the first figure is the level it starts from (黑龙江, 宁夏 2026)
    ("一、“十四五”时期工作回顾\n五年来,全国重点实验室由7家增至16家。", "government_work_report", D(2026, 2, 26),
     [("7家", "actual", 2020), ("16家", "actual", 2025)]),
    ("一、2025年工作回顾\n常住人口由上年729万人增加到732万人,城镇化率达69.1%。", "government_work_report",
     D(2026, 1, 22), [("729万人", "actual", 2024), ("732万人", "actual", 2025), ("69.1%", "actual", 2025)]),
    # a review section with no year under a five-year plan's name: the plan's last year
    ("“十四五”时期工作回顾\n全省地区生产总值年均增长5.5%。", "government_work_report", D(2026, 1, 27),
     [("5.5%", "actual", 2025)]),
    # a quoted list closed by 的预期目标 (a city press conference): every figure inside is a goal
    ("市政府确立了“地区生产总值增长6%,固定资产投资增长8%”的预期目标。", "press_conference", D(2025, 6, 6),
     [("6%", "target", 2025), ("8%", "target", 2025)]),
    # …but a quoted list of goals reported as met is results
    ("一、2025年工作回顾\n圆满完成了“地区生产总值增长6%”的目标。", "government_work_report", D(2026, 1, 20),
     [("6%", "actual", 2025)]),
    # a recap of the past five years that opens a section of goals: its period looks back
    ("二、“十四五”时期发展成就和“十五五”时期主要目标\n过去五年,地区生产总值年均增长5.2%。“十五五”时期,"
     "地区生产总值年均增长5%左右。", "government_work_report", D(2026, 1, 25),
     [("5.2%", "actual", 2025), ("5%左右", "target", 2030)]),
    # 过去一年 is the year before the report, even in a section that names the year it reviews
    ("一、2025年工作回顾\n过去一年,地区生产总值增长5.4%。", "government_work_report", D(2026, 1, 25),
     [("5.4%", "actual", 2025)]),
    # 快于2024年 is a base of comparison, not the figure's year
    ("一、2025年工作回顾\n全年GDP增长4%,快于2024年1.8个百分点。", "government_work_report", D(2026, 2, 2),
     [("4%", "actual", 2025), ("1.8个百分点", "actual", 2025)]),
    # a May press conference: a year not over has no results yet (沈阳 2025) …
    ("全年将组织促消费活动1000场以上,引进首店不少于100家。", "press_conference", D(2025, 5, 27),
     [("1000场以上", "target", 2025), ("不少于100家", "target", 2025)]),
    # … but a time inside it that is over does (辽宁 2025: 今年春节假期), and so does a quarter that is
    # over, though a goal word stands clauses before it (鞍山 2025)
    ("今年春节假期,辽宁共接待游客5335.88万人次。", "news_report", D(2025, 2, 5), [("5335.88万人次", "actual", 2025)]),
    ("鞍山市锚定决胜之年目标任务,以坚定决心、凝聚合力,一季度交出亮眼答卷,全市地区生产总值增长5.6%。",
     "press_conference", D(2025, 4, 25), [("5.6%", "actual", 2025)]),
    # a year named after 超过 is a base of comparison (辽宁 press conference of March 2024)
    ("目前,全省储备项目库项目超1.8万个,超过今年新开工项目总投资规模的3.5倍。", "press_conference", D(2024, 3, 12),
     [("超1.8万个", "actual", 2024), ("3.5倍", "actual", 2024)]),
    # budget sizes are arrangements (国务院 2025)
    ("二、2025年经济社会发展总体要求和政策目标\n一般公共预算支出规模29.7万亿元、比上年增加1.2万亿元。",
     "government_work_report", D(2025, 3, 5), [("29.7万亿元", "plan", 2025), ("1.2万亿元", "plan", 2025)]),
    # an annex of the year's 民生实事 is tasks; the level a standard is raised from is reached (广东 2025)
    ("一、2024年工作回顾\n全年地区生产总值增长3.5%。\n附件1：2025年省十件民生实事\n一、提高困难群众保障水平。"
     "困难残疾人生活补贴标准从每人每月202元提高到209元。城乡社区规范健康管理服务率提高到65%。",
     "government_work_report", D(2025, 1, 15),
     [("3.5%", "actual", 2024), ("202元", "actual", 2024), ("209元", "target", 2025), ("65%", "target", 2025)]),
    # a cue near a paragraph's start governs it only from its first sentence (广东 2024); the count of the projects the
    # year arranges is the list's task under the project-list convention (it said plan before the convention)
    ("三、2024年重点工作\n发挥有效投资关键作用。全年安排省重点建设项目1508个。新增筹集建设配售型保障性住房1万套。",
     "government_work_report", D(2024, 1, 23), [("1508个", "target", 2024), ("1万套", "target", 2024)]),
    # a goal that frames the work is no cue; the current year named in March is not over (沈阳 2021)
    ("“十四五”期间,沈阳市重点围绕“一枢纽四中心”目标任务,谋划储备了2651个项目。", "news_report", D(2021, 3, 11),
     [("2651个", "actual", 2025)]),
    ("2021年,沈阳计划亿元以上项目开复工1600个。", "news_report", D(2021, 3, 11), [("1600个", "target", 2021)]),
    # 预计…将达到 is an estimate; an arrangement at the end of a sentence ending in ; governs only its
    # clause, not the next sentence (沈阳日报 2022)
    ("预计一季度,全市开复工亿元以上项目将达到1246个,同比增加224个。", "news_report", D(2022, 2, 11),
     [("1246个", "forecast", 2022), ("224个", "forecast", 2022)]),
    ("二是产业项目投资增长较多。工业项目356个,同比增加203个,年度计划投资397.9亿元,增长178.1%;服务业项目320个,同比增加185个,"
     "年度计划投资265.2亿元,增长140.2%;", "news_report", D(2022, 2, 11),
     [("356个", "actual", 2022), ("203个", "actual", 2022), ("397.9亿元", "plan", 2022), ("178.1%", "plan", 2022),
      ("320个", "actual", 2022), ("185个", "actual", 2022), ("265.2亿元", "plan", 2022), ("140.2%", "plan", 2022)]),
    # 争取…资金 is funds obtained, not a goal (大连 2025)
    ("一季度,投资方面,争取各类政策资金145亿元。", "press_conference", D(2025, 5, 28), [("145亿元", "actual", 2025)]),
    # a top-level heading without a role word: the year it names, against the delivery date (湖南 2026)
    ("一、2025年和“十四五”时期工作回顾\n全省地区生产总值增长5.1%。\n三、关于2026年工作\n"
     "粮食播种面积稳定在7150万亩左右。", "government_work_report", D(2026, 2, 3),
     [("5.1%", "actual", 2025), ("7150万亩左右", "target", 2026)]),
    # unnumbered part headings above 一、二、三、 (内蒙古 2026): the numbered sections sit in the parts
    ("“十四五”时期发展成就和2025年工作回顾\n全区地区生产总值增长5.1%。\n“十五五”时期主要目标和2026年重点工作\n"
     "一、把铸牢中华民族共同体意识作为主线\n二、大力发展现代能源经济\n煤炭产量稳定在12.5亿吨以上。",
     "government_work_report", D(2026, 2, 4), [("5.1%", "actual", 2025), ("12.5亿吨以上", "target", 2026)]),
    # in a press conference a sentence without cue words keeps the tense of the one before (辽宁 水利厅 2025)
    ("刘金梅表示,辽宁将进一步完善防洪安全保障体系。治理中小河流19条、271公里。", "press_conference",
     D(2025, 4, 16), [("19条", "target", 2025), ("271公里", "target", 2025)]),
    # a deadline not passed opens the paragraph's goals (陕西 2022)
    ("主要目标是:到2024年底,科技型企业数量翻一番。即:科技型中小企业达到20000家。", "press_conference",
     D(2022, 5, 6), [("翻一番", "target", 2024), ("20000家", "target", 2024)]),
    # funds raised for the year's 民生实事 are an arrangement (广西 2026)
    ("三、2026年重点工作\n筹措890.59亿元实施十大为民办实事工程项目。", "government_work_report", D(2026, 1, 25),
     [("890.59亿元", "plan", 2026)]),
    # 过去五年 in a January story ends with the year before it, not the year before that (中新社 2026)
    ("过去五年,浙江研发投入强度从2.77%提高到3.3%左右。", "news_report", D(2026, 1, 14),
     [("2.77%", "actual", 2020), ("3.3%左右", "actual", 2025)]),
    # 这五年 in a work report's review is its term, ending the year before, though the heading names the next plan's
    # goals too (北京 2026: the 翻番 had been a 十五五 target)
    ("二、“十四五”时期发展成就和“十五五”时期主要目标任务\n这五年,我们锐意改革、矢志创新,经济高质量发展取得显著成效。"
     "国家级专精特新“小巨人”企业数量较2020年实现翻番,培育形成3个万亿级和7个千亿级产业集群。",
     "government_work_report", D(2026, 1, 25), [("翻番", "actual", 2025), ("3个", "actual", 2025), ("7个", "actual", 2025)]),
    # a story whose lead presents the work report's "目标清单": task quantities without a cue are goals
    # (深圳晚报 2025); the same sentence in a story without that lead stays a result
    ("今年深圳将怎么做,有哪些新目标?今年政府工作报告的“目标清单”,通过一串串数据展现发展路线图。\n"
     "推进社康机构提档升级,新增社康机构30家。", "news_report", D(2025, 2, 27), [("30家", "target", 2025)]),
    ("深圳发布民生数据。\n推进社康机构提档升级,新增社康机构30家。", "news_report",
     D(2025, 2, 27), [("30家", "actual", 2025)]),
    # a press conference explaining the year's 行动计划 sets out goals; one explaining last year's does not (山东 2022)
    ("3月28日,山东省政府新闻办召开新闻发布会,解读《山东省“三个十大”2022年行动计划》。\n"
     "工业技改提级方面,实施技改项目10000个,工业技改投资规模达到5000亿元。", "press_conference", D(2022, 3, 28),
     [("10000个", "target", 2022), ("5000亿元", "target", 2022)]),
    ("3月28日,山东省政府新闻办召开新闻发布会,通报《山东省2021年行动计划》落实情况。\n"
     "工业技改提级方面,实施技改项目10000个,工业技改投资规模达到5000亿元。", "press_conference", D(2022, 3, 28),
     [("10000个", "actual", 2022), ("5000亿元", "actual", 2022)]),
    # 去年全年 is last year, and a figure that is a multiple of it is not about it (云南 2023-07)
    ("上半年,新能源并网投产711.65万千瓦、为去年全年的4.8倍,火电增发电量104亿千瓦时。", "press_conference",
     D(2023, 7, 20), [("711.65万千瓦", "actual", 2023), ("4.8倍", "actual", 2023), ("104亿千瓦时", "actual", 2023)]),
    # in a press conference an estimate is no tense for the next sentence, and a goal's tense does not
    # reach the measures of a period that is over (辽阳 2023-10, a seed document)
    ("辽阳县锚定三年行动目标任务。预计前三季度GDP增长5.2%。坚持项目为王,滚动实施500万元以上项目303个;"
     "推动智能装备制造转型升级;以文旅商贸为驱动,围绕特色景区开发十条精品旅游线路。", "press_conference",
     D(2023, 10, 18), [("5.2%", "forecast", 2023), ("500万元以上", "actual", 2023), ("303个", "actual", 2023),
                       ("十条", "actual", 2023)]),
    # 新争取 is newly obtained, not a goal (辽阳 2023-10, a seed document)
    ("截至目前,新争取省级农业科技特派团7个。", "press_conference", D(2023, 10, 18), [("7个", "actual", 2023)]),
    # a headline with a quarter's result is no tasks heading, though it names 民生实事; progress towards the
    # year's goal is a result (吉林 2007-04)
    ("吉林省做好民生实事 一季度城镇新增就业12万人\n截至3月末,全省城镇新增就业完成全年目标任务的30.9%。\n"
     "组织劳务输出61万人。", "press_conference", D(2007, 4, 20),
     [("12万人", "actual", 2007), ("30.9%", "actual", 2007), ("61万人", "actual", 2007)]),
    # goals named by 目标直指 and by a span of years (吉林 2021-06, 黑龙江 2023-03)
    ("吉林粮食生产开局好 目标直指800亿斤", "press_conference", D(2021, 6, 16), [("800亿斤", "target", 2021)]),
    ("计划用五年时间将年粮食产能提升到1800亿斤。", "press_conference", D(2023, 3, 8), [("1800亿斤", "target", 2027)]),
    # a story without headings that opens on last year reviews it in the next paragraphs too (鞍山 2021-02)
    ("去年开始,鞍山市以项目建设为牵动。\n洽谈推进重点项目651个。\n今年,鞍山将谋划储备项目600个。", "news_report",
     D(2021, 2, 4), [("651个", "actual", 2020), ("600个", "target", 2021)]),
    # the count of projects on the year's published list, and their total investment, are the list's task (湖南日报
    # 2023; the convention for lists of a year's projects in tests/fixtures/kind_gold/README.md)
    ("今天,省发改委发布2023年省重点建设项目名单,共铺排项目324个,总投资21342.5亿元,年度计划投资4616.8亿元。",
     "news_report", D(2023, 3, 28), [("324个", "target", 2023), ("21342.5亿元", "target", 2023),
                                      ("4616.8亿元", "plan", 2023)]),
    # projects to be started (拟新开工) are a goal; in a story of 14 January the first quarter has barely begun,
    # so what it will start is a goal too, and of this year (大连 2022-01, part 10)
    ("一季度,大连市拟新开工项目252个,总投资1507亿元。\n大连一季度开工民生项目77个,总投资421.5亿元。", "news_report",
     D(2022, 1, 14), [("252个", "target", 2022), ("1507亿元", "target", 2022), ("77个", "target", 2022),
                      ("421.5亿元", "target", 2022)]),
    # ...but last year's first three quarters are over (辽宁 2022-01)
    ("与去年前三季度相比,地区生产总值增速与全国差距缩小0.1个百分点。", "press_conference", D(2022, 1, 24),
     [("0.1个百分点", "actual", 2021)]),
    # 达到 under a goal word is the goal's, and so is the tense it hands to the next sentence (大连 2011-04, part 11)
    ("今年大连市要加快发展设施农业,日光温室净面积达到3.1万亩。启动长海县100万亩海洋牧场建设。",
     "news_report", D(2011, 4, 11), [("3.1万亩", "target", 2011), ("100万亩", "target", 2011)]),
    # so far, up to a day the text gives: results beside this year's plan (丹东 2023-02, 葫芦岛 2024-08, part 11)
    ("今年丹东市计划开复工重点专案392个,总投资1167亿元,截至2月17日,全市已开复工63个。",
     "news_report", D(2023, 2, 28), [("392个", "target", 2023), ("1167亿元", "target", 2023), ("63个", "actual", 2023)]),
    ("今年全市计划实施重点项目605个。截至7月底,共有479个实现开复工。", "news_report", D(2024, 8, 12),
     [("605个", "target", 2024), ("479个", "actual", 2024)]),
    # a year that has not begun is a goal's, even in December (吉林 2021-12)
    ("2022年吉林省将毫不放松抓好粮食生产,确保粮食播种面积稳定,粮食产量稳定在800亿斤以上。", "press_conference",
     D(2021, 12, 21), [("800亿斤以上", "target", 2022)]),
    # ...but not a year that names a noun: projects for next year's budget, already prepared (辽阳 2023-10, a seed)
    ("截至目前,全市已谋划争取2024年中央预算内投资项目72项,总投资87.7亿元。", "press_conference", D(2023, 10, 18),
     [("72项", "actual", 2024), ("87.7亿元", "actual", 2024)]),
    # words that report what is done, beside the year's date: a count of a report's words, projects started at the
    # ceremony the story reports, chains already sorted out (吉林 2026, 辽宁 2025, 德州 2022)
    ("经大数据梳理,2026年吉林省政府工作报告中,“发展”出现67次。", "news_report", D(2026, 1, 27), [("67次", "actual", 2026)]),
    ("今年,集中开工的1359个新项目中,产业项目数量为486个。", "news_report", D(2025, 3, 1),
     [("1359个", "actual", 2025), ("486个", "actual", 2025)]),
    # a ceremony's projects are started; investment planned for the year is an arrangement, as 年度计划投资 (哈尔滨 2022,
    # part 12); an event named after it governs nothing (甘肃 2023)
    ("4月7日,集中开工重点项目290个,今年计划完成投资392.8亿元。", "news_report", D(2022, 4, 8),
     [("290个", "actual", 2022), ("392.8亿元", "plan", 2022)]),
    ("记者从2023年一季度甘肃省重大项目集中开工活动现场获悉,今年甘肃省将重点推进287个省列重大项目建设。", "news_report",
     D(2023, 2, 13), [("287个", "target", 2023)]),
    # someone's words in quotation marks are read like the text around them; a quoted name still hides its cues
    ("“项目预计总投资20亿元,预计年底累计完成投资2.2亿元。”吕光泉说。", "news_report", D(2025, 3, 19),
     [("20亿元", "forecast", 2025), ("2.2亿元", "forecast", 2025)]),
    # part 13: 据统计 and 已复工/已储备/已累计 report results, after a paragraph opened by an arrangement (安徽 2020) and in
    # a story framed by a new 实施方案 (河南 2023); 明年 is the year after the text's (黑龙江, December 2009)
    ("据统计,今年山东全省夏粮单产435.23公斤/亩,比上年增加9.97公斤。", "press_conference", D(2020, 10, 23),
     [("435.23公斤", "actual", 2020), ("9.97公斤", "actual", 2020)]),
    ("据介绍,今年安排续建亿元以上重点项目4295个。截至4月22日,全省续建项目已复工4277个,复工率99.6%。此外,全省目前已储备"
     "5亿元以上项目超过3300个,总投资5.4万亿元。", "press_conference", D(2020, 4, 26),
     [("4295个", "target", 2020), ("4277个", "actual", 2020), ("99.6%", "actual", 2020), ("5亿元以上", "actual", 2020),
      ("超过3300个", "actual", 2020),
      ("5.4万亿元", "actual", 2020)]),
    ("黑龙江省明年农作物播种面积将稳定在2亿亩以上。", "news_report", D(2009, 12, 4), [("2亿亩以上", "target", 2010)]),
    # a result word does not reach a later clause with a year not over (黑龙江 2017-01)
    ("黑龙江省召开新闻发布会。截至2016年底,棚户区改造已累计开工13万套,占改造任务总量的92.5%,为2017年底全面完成14.05万户采沉区棚改奠定了基础。",
     "press_conference", D(2017, 1, 20),
     [("13万套", "actual", 2016), ("92.5%", "actual", 2016), ("14.05万户", "target", 2017)]),
    # a future tense word of an earlier clause sets a later clause's tense (江门 2021-01); 推动 does not (福建 2024)
    ("江门将实施数字农业农村发展行动,高水平建设“一县一园、一镇一业、一村一品”,抓好8个省级以上现代农业产业园建设。",
     "news_report", D(2021, 1, 21), [("8个", "target", 2021)]),
    ("2023年工作回顾。实现高质量发展融资1094.5亿元,推动基础设施REITs试点工作,14个项目纳入项目库跟踪管理。", "plan_report",
     D(2024, 2, 18), [("1094.5亿元", "actual", 2023), ("14个", "actual", 2023)]),
    # part 295: 完成 after 将, in its sentence or the ones before, is what is to be done (浙江 2012-05); 超额完成 is done
    ("今年浙江将切实抓好农村联网公路建设,完成省政府考核1000公里的目标任务;完成农村公路大中修2400公里,全面开展养护年活动;"
     "完成农村公路危桥改造200座、安保设施2050公里;推进农村客运发展,新建乡镇客运站44个。", "news_report", D(2012, 5, 22),
     [("1000公里", "target", 2012), ("2400公里", "target", 2012), ("200座", "target", 2012), ("2050公里", "target", 2012),
      ("44个", "target", 2012)]),
    ("全县将继续抓好项目建设。去年超额完成水土流失综合治理4.28万亩。", "news_report", D(2018, 1, 10),
     [("4.28万亩", "actual", 2017)]),
    # part 331: what the year's work is to achieve "through efforts" (石林 2015); part 327: money a year's list plans to put in
    # (马鞍山 2020)
    ("文局长强调2015年要重点做好八个方面的工作。通过努力奋斗,实现学前教育毛入园率达97%以上;小学巩固率达100%。", "news_report",
     D(2015, 2, 28), [("97%以上", "target", 2015), ("100%", "target", 2015)]),
    ("全年计划投入资金67.21亿元,其中各级财政投入59.46亿元,同比增长10.1%。", "plan_report", D(2020, 6, 1),
     [("67.21亿元", "plan", 2020), ("59.46亿元", "plan", 2020), ("10.1%", "plan", 2020)]),
    # the change of a planned amount, in a clause of its own right after it, is the plan's (内蒙古 2023, 黑河 2020)
    ("企业投资项目2091个,年度计划完成投资6375亿元,较去年增长1237亿元。", "news_report", D(2023, 3, 1),
     [("2091个", "target", 2023), ("6375亿元", "plan", 2023), ("1237亿元", "plan", 2023)]),
    # part 319: money put to a task the year is to start or do is the arrangement, whatever the task's verb (武穴 2023)
    ("二、2023年民生实事。投资11.7亿元,启动育才高中迁建;投资3亿元实现110个村生活污水全收集。", "government_work_report",
     D(2023, 1, 10), [("11.7亿元", "plan", 2023), ("3亿元", "plan", 2023), ("110个", "target", 2023)]),
    # part 301: a planned rate in its clause, what was done after it (黑龙江省公路局 2013)
    ("乡级公路优良率计划57%,完成60%;村级公路优良率计划49%,完成51%。", "plan_report", D(2013, 12, 1),
     [("57%", "target", 2013), ("60%", "actual", 2013), ("49%", "target", 2013), ("51%", "actual", 2013)]),
    # part 297: a list's count with its year and a long class name before its total and the year's planned investment
    # (海南 2023-01)
    ("据悉,按照计划,155个2022年省重点(重大)项目总投资4316亿元,2022年年度计划投资876亿元。", "plan_report", D(2022, 3, 1),
     [("155个", "target", 2022), ("4316亿元", "target", 2022), ("876亿元", "plan", 2022)]),
    # part 14: a list joined by 、 and closed by 等…预期目标 is a list of goals, though 完成情况 follows (辽宁 2025 分工方案)
    ("一、对地区生产总值增长5%以上、城镇新增就业47万人左右、粮食产量500亿斤左右等经济社会发展预期目标完成情况进行监测和督导。",
     "plan_report", D(2025, 1, 16), [("5%以上", "target", 2025), ("47万人左右", "target", 2025), ("500亿斤左右", "target", 2025)]),
    # 首要 is not 要: a result beside it (辽宁 2024, retold)
    ("一、2023年工作回顾\n始终把保障国家粮食安全作为首要担当,严守耕地保护红线,粮食产量512.7亿斤,创历史新高。",
     "government_work_report", D(2024, 1, 23), [("512.7亿斤", "actual", 2023)]),
    # a story's unnumbered heading 2023新目标 after 2022成绩单 (辽宁日报 on 铁岭, 2023-02)
    ("2022成绩单\n规模以上农产品加工企业营业收入同比增长10%。\n2023新目标\n新的一年,铁岭市公布了重点任务目标。\n"
     "新增投资2000万元以上农产品加工项目50个。", "news_report", D(2023, 2, 16),
     [("10%", "actual", 2022), ("2000万元以上", "target", 2023), ("50个", "target", 2023)]),
    # the period that opens a sentence is read after whoever speaks (香港商报 on 涪城, 2019-02)
    ("邓辉在报告中说,2018年涪城全区经济社会发展取得显著成效。区属地区生产总值达到379.95亿元、增长9.3%。", "news_report",
     D(2019, 2, 19), [("379.95亿元", "actual", 2018), ("9.3%", "actual", 2018)]),
    # a figure inside a framing goal phrase is the goal (辽宁 2025-04); a task counted in flats is no count of a plan's
    # parts (沈阳 2018-03); 已经有 and 正在开展 report progress after 计划改造 (沈阳 2022-05)
    ("下阶段,辽宁锚定固定资产投资增长8%左右的目标,全力以赴扩大有效投资。", "press_conference", D(2025, 4, 22),
     [("8%左右", "target", 2025)]),
    ("据了解,今年沈阳市棚户区改造任务16348套。", "press_conference", D(2018, 3, 21), [("16348套", "target", 2018)]),
    ("目前,沈阳市2022年计划改造的475个老旧小区中,已经有197个小区进场。交通场站周边68个小区正在开展地下管网改造。",
     "press_conference", D(2022, 5, 25), [("475个", "target", 2022), ("197个", "actual", 2022), ("68个", "actual", 2022)]),
    # a plan report of February outside any heading reviews the year before (福建 2024)
    ("固定资产投资增长2.5%,其中,制造业投资增长11.6%。", "plan_report", D(2024, 2, 18),
     [("2.5%", "actual", 2023), ("11.6%", "actual", 2023)]),
    # part 15: a report's goals retold after 报告提出, (人民网 on 吉林, 2026-01) and after 新的一年 (莒县, 2019-01); a span of
    # years that ends after the text (辽宁, 2024-03)
    ("吉林省政府工作报告提出,2026年吉林省地区生产总值目标增长5%左右,一般公共预算收入增长3.7%,努力跑赢全国;"
     "新能源产业产值增长8%以上,固定资产投资增长3%。", "news_report", D(2026, 1, 29),
     [("5%左右", "target", 2026), ("3.7%", "target", 2026), ("8%以上", "target", 2026), ("3%", "target", 2026)]),
    ("面对新的一年,报告中指出,地区生产总值增长9%,一般公共预算收入增长13%。", "news_report", D(2019, 1, 29),
     [("9%", "target", 2019), ("13%", "target", 2019)]),
    ("示范工程建设期为2024年—2026年,规划23个示范项目57处示范点,安排林草建设任务120万亩。", "press_conference",
     D(2024, 3, 21), [("23个", "target", 2026), ("57处", "target", 2026), ("120万亩", "target", 2026)]),
    # part 16: a paragraph ending in a colon hands its goal word to the next (紫金 2022 plan); a headline on the year's
    # projects carried out is no tasks heading, and a figure inside a goal said to be met is that goal, of the year
    # reviewed (宁波, 2019-01); 实际完成 is what was done beside the plan (大连, 2021-07)
    ("2022年全县国民经济和社会发展的主要预期目标计划如下:\n全县地区生产总值增长7%左右;规上工业增加值增长20%。", "plan_report",
     D(2022, 3, 21), [("7%左右", "target", 2022), ("20%", "target", 2022)]),
    ("2018年10个民生实事项目全面落实\n学前教育扩容提质工程。全年新(改)扩建幼儿园48所,超额完成40所的年度目标任务。",
     "news_report", D(2019, 1, 12), [("10个", "actual", 2018), ("48所", "actual", 2018), ("40所", "target", 2018)]),
    ("“建设东北路人行过街天桥项目”计划完成工程量5%,实际完成工程量6%;", "news_report", D(2021, 7, 15),
     [("5%", "target", 2021), ("6%", "actual", 2021)]),
    # part 17: 计划开复工 sets a goal (锦州, 2022-05); 今年第一季度 opens its paragraph as the quarter, over by May;
    # a paragraph's opening cue does not reach back to a figure before it, and 计划完成固定资产投资 is an
    # arrangement (盘锦, 2021-04); a quoted plan before the projects it files is their class, not their period;
    # a goal said to be met outweighs the half-year that met it (镇江, 2018-07); 截至11月30日 in January is last
    # year's November (甘肃, 2016-01)
    ("今年,锦州计划开复工项目772个,总投资2027亿元。", "news_report", D(2022, 5, 6),
     [("772个", "target", 2022), ("2027亿元", "target", 2022)]),
    ("今年第一季度,锦州开复工项目308个。工业固定资产投资完成26.5亿元,同比增长40.1%。", "news_report", D(2022, 5, 6),
     [("308个", "actual", 2022), ("26.5亿元", "actual", 2022), ("40.1%", "actual", 2022)]),
    ("今年新开工项目303个,计划完成固定资产投资466亿元", "news_report", D(2021, 4, 25),
     [("303个", "target", 2021), ("466亿元", "plan", 2021)]),
    ("今年以来,盘锦市超前谋划提前布局,储备“十四五”重点项目776个。", "news_report", D(2021, 4, 25),
     [("776个", "actual", 2021)]),
    ("上半年全市新增护理型养老床位787张,占养老机构床位总数55.2%,提前完成55%的年度目标;", "press_conference",
     D(2018, 7, 18), [("787张", "actual", 2018), ("55.2%", "actual", 2018), ("55%", "target", 2018)]),
    ("截至11月30日,全省法律援助机构共办理法律援助案件39701件。", "press_conference", D(2016, 1, 7),
     [("39701件", "actual", 2015)]),
    ("记者从发布会上获悉,过去十年,全省旅游总收入年均增长19.3%。", "press_conference", D(2022, 8, 15),
     [("19.3%", "actual", 2021)]),
    # a year right after 举行 names the event, not a year not over (定州, 2023-02)
    ("河北省定州市22日举行2023年春季重点项目建设现场推进会,25个项目集中开工,总投资84.98亿元。", "news_report",
     D(2023, 2, 22), [("25个", "actual", 2023), ("84.98亿元", "actual", 2023)]),
    # a count of tasks of a year not over is the year's work, not a count of a plan's parts (镇江, 2018-07; 十件 names
    # the programme and its labeller left it out: a known false figure, kept here so that a fix shows)
    ("市政府副秘书长、新闻发言人陈新中介绍,今年民生十件实事共有39项细化工作任务,截至6月底,已有3项提前完成。",
     "press_conference", D(2018, 7, 18), [("十件", "target", 2018), ("39项", "target", 2018), ("3项", "actual", 2018)]),
    # part 18: a rate that repeats a goal stated before is that goal (国家统计局, 2022-03), not another indicator's
    # rate of the same size (荆州, 2024-03)
    ("今年的《政府工作报告》明确提出,全年增长目标是5.5%左右。去年中国经济规模已经达到了114万亿元。"
     "从全球主要经济体来看,5.5%的增速也是一个不低的增速。", "press_conference", D(2022, 3, 15),
     [("5.5%左右", "target", 2022), ("114万亿元", "actual", 2021), ("5.5%", "target", 2022)]),
    ("“今年,我们地区生产总值确定的目标是增长7%。”\n周志红介绍说,围绕这个目标,荆州市一季度重点推进“十大行动”,1月至2月,"
     "全市固定资产投资增长7.9%,规上工业增加值增长10.7%,社会消费品零售总额增长7%。", "press_conference", D(2024, 3, 19),
     [("7%", "target", 2024), ("7.9%", "actual", 2024), ("10.7%", "actual", 2024), ("7%", "actual", 2024)]),
    # a period opening a quoted speech opens the sentences after it (华夏时报 on 何立峰, 2018-03)
    ("言及今年6.5%的增长目标时,何立峰回应:“去年国内生产总值827122亿元,增幅6.9%。第三产业比重超过50%,经济在平稳中实现发展。"
     "绿色发展取得很大进展,单位GDP能耗下降3.7%。”", "press_conference", D(2018, 3, 6),
     [("6.5%", "target", 2018), ("827122亿元", "actual", 2017), ("6.9%", "actual", 2017), ("超过50%", "actual", 2017),
      ("3.7%", "actual", 2017)]),
    # a goal word lifts the structure rule from a count of tasks (辽宁 国资委, 2025-04); a span of years does not
    # (聚焦今后五年,…《纲要(草案)》提出了20个预期性指标, 江西 2026: in the development labels)
    ("确保年底前高品质完成9大攻坚战、27项重点任务和55项具体指标。", "press_conference", D(2025, 4, 29),
     [("27项", "target", 2025), ("55项", "target", 2025)]),
    # 推动 sets no tense for the sentence after it (辽宁, 2024-10)
    ("辽宁充分发挥工业经济稳增长专班作用,千方百计稳生产、扩投资。据介绍,辽宁推动企业稳产增产,深化“基点管理”,强化监测调度。"
     "实施“小升规”,新增规上工业企业302户。", "press_conference", D(2024, 10, 23), [("302户", "actual", 2024)]),
    # part 19: a work report's text after its main goals, outside any heading, is the year's work (长春 2025-01, as
    # 吉林日报 printed it)
    ("全市经济社会发展主要预期目标是:地区生产总值增长5.5%以上,一般公共预算收入增长3%。\n着力扩大有效需求\n"
     "强化投资拉动,努力实施一批补短板、增后劲重大项目,全年实施投资5000万元以上项目1400个,其中超亿元项目1000个以上。",
     "government_work_report", D(2025, 1, 9), [("5.5%以上", "target", 2025), ("3%", "target", 2025),
                                              ("5000万元以上", "target", 2025), ("1400个", "target", 2025),
                                              ("超亿元", "target", 2025), ("1000个以上", "target", 2025)]),
    # …and a newspaper's digest of a work report whose lead asks for the new year's goals (天健网 on 大连, 2021-02)
    ("天健网消息 大连市第十六届人民代表大会第四次会议今天上午开幕。新的一年有啥新目标、新任务?这份《政府工作报告》要点,带您一图读懂!\n"
     "全市地区生产总值增长6.5%左右。全员劳动生产率增长6%。一般公共预算收入增长1%。", "government_work_report",
     D(2021, 2, 6), [("6.5%左右", "target", 2021), ("6%", "target", 2021), ("1%", "target", 2021)]),
    # 达到 after a year not over sets no result's tense for the breakdown after it (宁城, 2020-04)
    ("今年,全县共实施重点投资项目56项,总投资达到410亿元。涉及农业8项、工业14项,其中续建26项、新建30项。", "news_report",
     D(2020, 4, 13), [("56项", "target", 2020), ("410亿元", "target", 2020), ("8项", "target", 2020),
                      ("14项", "target", 2020), ("26项", "target", 2020), ("30项", "target", 2020)]),
    # part 20: a bare 全年 after a year named earlier in its paragraph is that year's (交通运输部, 2022-03)
    ("李小鹏介绍,2021年全年完成交通运输固定资产投资约3.6万亿元。全年铁路新开通线路4000公里;新增城市轨道交通超过1000公里。",
     "press_conference", D(2022, 3, 1), [("约3.6万亿元", "actual", 2021), ("4000公里", "actual", 2021),
                                         ("超过1000公里", "actual", 2021)]),
    # an estimate's breakdown in the sentence after it is estimated too (广元, 2012)
    ("初步预计,全市生产总值将达到103.22亿元左右,增长14%以上。其中:一产业增加值12.8亿元,增长3.5%以上;", "news_report",
     D(2012, 4, 1), [("103.22亿元左右", "forecast", 2012), ("14%以上", "forecast", 2012), ("12.8亿元", "forecast", 2012),
                     ("3.5%以上", "forecast", 2012)]),
    # a share of a goal is how much of it was done (交通运输部, 2020-08)
    ("其中,公路水路投资完成13537亿元,完成全年1.8万亿元投资目标任务的75.2%。", "press_conference", D(2020, 8, 27),
     [("13537亿元", "actual", 2020), ("1.8万亿元", "target", 2020), ("75.2%", "actual", 2020)]),
    # a goal given in brackets after the word (辽宁 人社厅, 2023-04)
    ("一季度,辽宁省城镇新增就业12.5万人,同比增长18.8%,完成年度目标(45万人)的27.8%;", "press_conference",
     D(2023, 4, 25), [("12.5万人", "actual", 2023), ("18.8%", "actual", 2023), ("45万人", "target", 2023),
                      ("27.8%", "actual", 2023)]),
    # part 21: a rate written as goals are (以上) is the goal of a checklist item, and the result after it is not
    # (池州 督办室, 2025-11, a progress report on the year's work list; 7项 counts the items listed after it)
    ("未达预期7项分别是:市发改委牵头的第1地区生产总值增长6.5%以上,三季度增长5.5%、增速居全省第8位。", "government_work_report",
     D(2025, 11, 28), [("6.5%以上", "target", 2025), ("5.5%", "actual", 2025)]),
    # …but not a rate kept over years looked back on: 过去两年 is over (辽宁, 2025)
    ("过去两年,辽宁坚持在实施三年行动中进一步保障和改善民生,全省民生支出占一般公共预算支出比例保持在76.5%以上,"
     "去年城镇新增就业48.6万人。", "news_report", D(2025, 1, 20), [("76.5%以上", "actual", 2024), ("48.6万人", "actual", 2024)]),
    # part 22: the tense a sentence passes on is its goal's when a goal word governs its last tense word (确保完成)
    # (辽宁, 2013: a repost in Traditional script, here as the cleaner gives it)
    ("今年,我省将继续大力实施企业提升工程,促进企业做大规模和提升核心竞争力;深入开展项目工程,重点抓好100项重大工业项目、"
     "100项新兴产业项目和350个投资10亿元以上项目;强势推进产业集群工程,继续把工作著力点放在产业集群上,使其尽快成为促进工业"
     "发展的重要支撑点;全面拓展并购工程,突出重点培育大项目,鼓励销售收入超百亿元大企业通过并购引进一批我省工业发展需要的关键"
     "核心技术,实现产业链高端突破,全年要确保完成100个并购项目,其中海外并购60项;突出抓好节能降耗和淘汰落后产能工程,组织实施"
     "100个节能重大项目,推广100项节能新技术新产品,培育100家专业化节能服务公司。", "news_report", D(2013, 1, 9),
     [("100项", "target", 2013), ("100项", "target", 2013), ("350个", "target", 2013), ("10亿元以上", "target", 2013),
      ("超百亿元", "target", 2013), ("100个", "target", 2013), ("60项", "target", 2013), ("100个", "target", 2013),
      ("100项", "target", 2013), ("100家", "target", 2013)]),
    # part 23: a newspaper's digest of a work report whose goals open a line: what follows is the year's work (合肥,
    # 2024-01); a story that tells the goals inside a sentence goes on with results (惠州, 2025: in the development set)
    ("经济社会发展主要预期目标:地区生产总值增长6%左右,城镇新增就业14.5万人。\n重点做好九个方面工作\n"
     "着力扩大有效益的投资。实施亿元以上重点项目2200个左右,其中百亿项目5个以上。", "news_report", D(2024, 1, 16),
     [("6%左右", "target", 2024), ("14.5万人", "target", 2024), ("2200个左右", "target", 2024),
      ("5个以上", "target", 2024)]),
    # part 24: a goal told in December after the coming year is named is that year's (湖北日报 on 鄂城, 2022-12-19)
    ("当天出炉的政府工作报告指出,2023年是贯彻党的二十大精神开局之年。\n2023年,鄂城区经济社会发展主要预期目标是:坚持稳字当头、"
     "稳中求进,努力争取最好的结果。\n力争固定资产投资增幅16%以上、规上工业产值增幅13%以上。", "news_report", D(2022, 12, 19),
     [("16%以上", "target", 2023), ("13%以上", "target", 2023)]),
    # the projects a year's list arranges (安排正式项目62项) and the count in the clause after it are the list's, goals,
    # under the project-list convention of parts 48-52 (上海 重大工程, 新民晚报 2026-02-10; its labeller, before the
    # convention, said plan)
    ("■ 科技产业类安排正式项目62项,预备项目7项,重点围绕国家重点部署和本市重大战略,促进三大先导产业发展", "news_report",
     D(2026, 2, 10), [("62项", "target", 2026), ("7项", "target", 2026)]),
    # part 25: a span of years from now (用3年时间) is a goal's period (河南政府网, 2023-01)…
    ("着力提升产业基础能力,用3年时间突破和推广应用150项“五基”产品和工艺。", "news_report", D(2023, 1, 14),
     [("150项", "target", 2025)]),
    # …and a story in a series of work-report digests (政府工作报告速读) tells the report's plans
    ("政府工作报告速读⑯丨2025年制造业增加值占生产总值比重超30%\n"
     "1月14日上午,河南省十四届人大一次会议在省人民会堂开幕,省长王凯作政府工作报告。\n"
     "着力数字化绿色化转型,5G基站总数突破18万个。新建150个智能工厂和10家智能制造标杆企业,新增上云企业3万家。",
     "news_report", D(2023, 1, 14), [("超30%", "target", 2025), ("突破18万个", "target", 2023), ("150个", "target", 2023),
                                     ("10家", "target", 2023), ("3万家", "target", 2023)]),
    # part 29: 任务为 names the year's task in its own clause, and what was done follows (天津, 2020-12)
    ("困难群众存量危房改造,全年任务为3800户,实际改造4559户,超额完成20%。", "news_report", D(2020, 12, 17),
     [("3800户", "target", 2020), ("4559户", "actual", 2020), ("20%", "actual", 2020)]),
    # part 30: a completion rate is how much was done, and the breakdown after it too (温州 民生实事 progress, 2018-06)
    ("2018年6月民生实事进展情况\n全市新增(优化)城乡公交线路35条。\n市交通运输局\n"
     "已完成新增(优化)线路37条,完成率106%。其中新增11条,优化26条。", "government_work_report", D(2018, 6, 27),
     [("35条", "target", 2018), ("37条", "actual", 2018), ("106%", "actual", 2018), ("11条", "actual", 2018),
      ("26条", "actual", 2018)]),
    # 计划申报 (plans to apply for) is a goal cue, after what has been applied for (抚顺, 2024-06)
    ("截至目前,已申报地方政府专项债券项目27个,总投资44.4亿元;计划申报2024年中央预算内投资项目54个,总投资45.9亿元。",
     "news_report", D(2024, 6, 11), [("27个", "actual", 2024), ("44.4亿元", "actual", 2024), ("54个", "target", 2024),
                                     ("45.9亿元", "target", 2024)]),
    # 争创 (strive to create) is a goal word like 争取: the 累计 of the sentence before does not reach it (湖北, 2025,
    # abridged: without its 到2027年 the sentence before reads as a result)
    ("累计建成国家级中小企业特色产业集群30个。县域产业加快向地标产业升级,初步建成“三种类型”冠军产业:即争创3-5个领军型县域冠军产业。",
     "news_report", D(2025, 4, 2), [("30个", "actual", 2025), ("3-5个", "target", 2025)]),
    # a list of projects said again is the same goal: a count too particular to recur by chance (江西, 2023-02, part 34)
    ("今年江西省省级层面重点推进投资亿元以上的大中型建设项目3558个,总投资4.57万亿元,同比增长20.5%。"
     "从项目结构上来看,3558个大中型项目主要包括4个方面:", "news_report", D(2023, 2, 8),
     [("3558个", "target", 2023), ("4.57万亿元", "target", 2023), ("20.5%", "target", 2023), ("3558个", "target", 2023)]),
    # a project list's investment for the year is an arrangement, like 年度计划投资, in its own clause only; the list
    # and its total stay goals (陕西, 2018-08, part 34); a share of the year's investment plan done stays a result, not
    # an arrangement (松阳 2025)
    ("陕西省发改委副主任王振海介绍,2018年陕西省重点建设项目个数600个,总投资41075亿元,年度投资5063亿元。",
     "press_conference", D(2018, 8, 30), [("600个", "target", 2018), ("41075亿元", "target", 2018), ("5063亿元", "plan", 2018)]),
    ("1-4月累计完成投资21.01亿元,完成年度投资计划的21.3%。", "press_conference", D(2025, 5, 20),
     [("21.01亿元", "actual", 2025), ("21.3%", "actual", 2025)]),
    # 年内 (within the year) is a goal word when nothing else speaks: a task line of a January story (云南, 2019)
    ("年内建成54个汽车旅游营地", "news_report", D(2019, 1, 23), [("54个", "target", 2019)]),
    # what follows an estimated result is estimated too (镇江, January 2019, part 35)
    ("据镇江广电新闻客户端“一起镇江”报道,镇江2018年预计实现地区生产总值4050亿元,增长3%。一般公共预算收入301亿元,增长6%。",
     "news_report", D(2019, 1, 9), [("4050亿元", "forecast", 2018), ("3%", "forecast", 2018), ("301亿元", "forecast", 2018),
                                    ("6%", "forecast", 2018)]),
    # a list of goals opened by 目标: reaches its last item, past the 达到 of the items before (重庆, 2015-03, part 36)
    ("除外贸进出口外,2015年重庆开放型经济还确定了以下几项主要目标:分别是利用外资同比增长15%,达到115亿美元;"
     "服务贸易增长30%,达到170亿美元;对外投资10亿美元,对外承包工程15亿美元。", "news_report", D(2015, 3, 10),
     [("15%", "target", 2015), ("115亿美元", "target", 2015), ("30%", "target", 2015), ("170亿美元", "target", 2015),
      ("10亿美元", "target", 2015), ("15亿美元", "target", 2015)]),
    # "…报告显示," is who speaks: the year after it opens the paragraph's goals (福建, January 2017, part 37)
    ("福建省政府工作报告显示,2017年福建全省生产总值增长8.5%左右;城镇居民人均可支配收入增长8%,农村居民人均可支配收入增长8.5%;",
     "news_report", D(2017, 1, 18), [("8.5%左右", "target", 2017), ("8%", "target", 2017), ("8.5%", "target", 2017)]),
    # … and so is what follows 初步统计 a few words before the result word in its clause (珠海, January 2019, part 38)
    ("广州日报珠海讯 (全媒体记者陈治家)昨日,珠海市第九届人民代表大会第七次会议开幕。珠海市市长姚奕生代表珠海市政府作工作报告。"
     "报告指出,初步统计2018年全市实现地区生产总值2966亿元、增长8%。固定资产投资1858.57亿,增长20.7%;", "news_report",
     D(2019, 1, 23), [("2966亿元", "forecast", 2018), ("8%", "forecast", 2018), ("1858.57亿", "forecast", 2018),
                      ("20.7%", "forecast", 2018)]),
    # a task list's 完成 is an order: it passes no result's tense to the next task (信阳, May 2019, part 38)
    ("信阳消息(记者 马依钒)5月15日,信阳市第五届人民代表大会第四次会议在百花之声隆重开幕,市长尚朝阳在政府工作报告中,"
     "公布2019年市“十件实事”,并对上年度省市民生实事完成进度进行通报。\n2019年“十件实事”涉及医疗、教育、交通、公交等多个"
     "具体民生问题,亮点十足。分别为:完成中心城区37条老旧道路提质改造;打通中心城区4条关键卡口道路;新建扩建12所中小学校;",
     "news_report", D(2019, 5, 16), [("37条", "target", 2019), ("4条", "target", 2019), ("12所", "target", 2019)]),
    # a note (预计数,下同) makes its figure an estimate, and every later figure of the same year; a figure of the
    # five years is a result (苏州, January 2026, part 39)
    ("报告披露,2025年苏州市地区生产总值达到2.77万亿元(预计数,下同),规上工业总产值达4.9万亿元。\n"
     "报告中指出,“十四五”时期,苏州产业结构加快转型,实体经济根基更加稳固,工业投资年均增长8.1%,2025年突破2250亿元。",
     "news_report", D(2026, 1, 23), [("2.77万亿元", "forecast", 2025), ("4.9万亿元", "forecast", 2025),
                                     ("8.1%", "actual", 2025), ("突破2250亿元", "forecast", 2025)]),
    # a deadline passed (恢复到2019年水平) carries no goal past its ;, and the year after …提到, opens the
    # paragraph (江西, January 2024, part 39)
    ("叶建春在政府工作报告中还提到,2023年,昌景黄高铁成功通车;江西旅游人次和收入,基本恢复到2019年水平;"
     "生产型企业进出口占外贸比重69.1%、提高14个百分点,“新三样”出口额增长73.5%。", "news_report", D(2024, 1, 23),
     [("69.1%", "actual", 2023), ("14个百分点", "actual", 2023), ("73.5%", "actual", 2023)]),
    # 下一阶段 (the next stage) says what comes, as 下一步 does (陕西, July 2016, part 39)
    ("方玮峰说,下一阶段抓好600个省级重点项目建设,督促90个左右省级重点新开工项目9月底前全部开工建设。", "news_report",
     D(2016, 7, 28), [("600个", "target", 2016), ("90个左右", "target", 2016)]),
    # the year's plan a share is taken of: an amount is the plan, a length the goal (海南, August 2018, part 39)
    ("今年前8个月,全省农村公路六大工程完成形象进度投资41.63亿元,占年度计划40亿元的104%。据初步统计,今年1-8月,"
     "新增完成里程4315.8公里,占年度计划5000公里的86.32%。", "news_report", D(2018, 8, 31),
     [("41.63亿元", "actual", 2018), ("40亿元", "plan", 2018), ("104%", "actual", 2018), ("4315.8公里", "forecast", 2018),
      ("5000公里", "target", 2018), ("86.32%", "forecast", 2018)]),
    # a task handed down (下达任务数) is the year's goal whatever its unit; a run of months written with 到 is over
    # (楚雄, November 2018, part 42)
    ("今年1到10月,开发区完成州外到位资金120.44亿元,同比增长29%,完成州政府下达任务数132.63亿元的90.8%。", "news_report",
     D(2018, 11, 1), [("120.44亿元", "actual", 2018), ("29%", "actual", 2018), ("132.63亿元", "target", 2018),
                      ("90.8%", "actual", 2018)]),
    # …and so is one from 元月 (January): "元至4月" (桐梓, June 2011, part 75)
    ("今年元至4月,桐梓共计引进项目29个,规划总投资444亿元;", "news_report", D(2011, 6, 14),
     [("29个", "actual", 2011), ("444亿元", "actual", 2011)]),
    # months of a year named with its number are over when the text is written later (住建部, November 2022, part 42)
    ("2022年全国计划新开工改造城镇老旧小区5.1万个、840万户。2022年1-9月,全国新开工改造城镇老旧小区5.16万个、848万户,"
     "按小区数计开工率为100.9%。", "news_report", D(2022, 11, 3),
     [("5.1万个", "target", 2022), ("840万户", "target", 2022), ("5.16万个", "actual", 2022), ("848万户", "actual", 2022),
      ("100.9%", "actual", 2022)]),
    # a figure the goal word follows at once is the goal, beside the result it is compared with (陕西, October 2019,
    # part 42); a count of goals missed is not one (池州, November 2025, part 28)
    ("三季度城镇登记失业率为3.21%,低于4.5%的控制目标,就业形势保持稳定。", "press_conference", D(2019, 11, 12),
     [("3.21%", "actual", 2019), ("低于4.5%", "target", 2019)]),
    ("预计,全年实现地区生产总值突破700亿元,同比增长8%以上,完成区人代会批准增长8%以上目标;", "plan_report",
     D(2021, 12, 28), [("突破700亿元", "forecast", 2021), ("8%以上", "forecast", 2021), ("8%以上", "target", 2021)]),
    ("经初步核算,前三季度全省生产总值39055.64亿元,同比增长7.4%,处于7%—7.5%年度预期目标区间范围之内。", "press_conference",
     D(2019, 10, 22), [("39055.64亿元", "actual", 2019), ("7.4%", "actual", 2019), ("7%—7.5%", "target", 2019)]),
    # 的目标为 and 的目标是 open what follows (的目标, a cue after a figure, hid them: 湖北, January 2021, part 25); a quoted
    # sentence speaks for itself, and its goal word opens neither its paragraph nor the next sentence's tense (荆州,
    # March 2024)
    ("此外,湖北“十四五”时期的目标为经济总量跨越6万亿元。", "news_report", D(2021, 1, 25), [("6万亿元", "target", 2025)]),
    ("“今年,我们地区生产总值确定的目标是增长7%。”周志红介绍说,围绕这个目标,荆州市一季度重点推进“十大行动”,1月至2月,"
     "全市固定资产投资增长7.9%,规上工业增加值增长10.7%。", "press_conference", D(2024, 3, 28),
     [("7%", "target", 2024), ("7.9%", "actual", 2024), ("10.7%", "actual", 2024)]),
    # a line that goes on with the list the line before left open with ; is that paragraph's (长春新区, March 2018,
    # part 44: all three labellings agree)
    ("今年,长春新区计划开工项目406个。按区域划分,包括中关村信息谷创新中心等新建项目16个,欧亚城市汇集等续建项目28个;\n"
     "长德开发区京东长春亚洲一号等新建项目11个,智能装备产业园等续建项目36个。", "news_report", D(2018, 3, 9),
     [("406个", "target", 2018), ("16个", "target", 2018), ("28个", "target", 2018),
      ("11个", "target", 2018), ("36个", "target", 2018)]),
    # 计划年内完成投资 is the year's arrangement, and its 完成 passes no result's tense on (竹山, March 2010, part 43:
    # all three labellings agree)
    ("2010年,竹山县计划实施500万元以上的重点项目89个,其中续建15项,新建74项,计划年内完成投资38亿元。为进一步夯实基础项目储备,"
     "还确定了62个重点前期工作项目,其中农业项目19个。", "news_report", D(2010, 3, 16),
     [("500万元以上", "target", 2010), ("89个", "target", 2010), ("15项", "target", 2010), ("74项", "target", 2010),
      ("38亿元", "plan", 2010),
      ("62个", "target", 2010), ("19个", "target", 2010)]),
    # 预期指标 names the year's goals; an estimate (预计全年将完成…) carries nothing past its ; (民航局, December 2017,
    # part 45)
    ("会议明确提出2018年民航发展主要预期指标是,运输总周转量1208亿吨公里、旅客运输量6.12亿人次。", "news_report", D(2017, 12, 27),
     [("1208亿吨公里", "target", 2018), ("6.12亿人次", "target", 2018)]),
    ("一年来,全行业未发生运输飞行事故和空防事故,责任原因事故征候同比下降21.6%;年运输飞行首次突破千万小时,预计全年将完成运输"
     "总周转量1083亿吨公里,同比增长12.5%;全国千万级机场达32个;全年共完成固定资产投资825亿元,同比增长5.5%;", "news_report",
     D(2017, 12, 27), [("21.6%", "actual", 2017), ("1083亿吨公里", "forecast", 2017), ("12.5%", "forecast", 2017), ("32个", "actual", 2017), ("825亿元", "actual", 2017),
      ("5.5%", "actual", 2017)]),
    # what its own clause says is done after the figure is a result, whatever opened the paragraph (福州, November
    # 2012, part 45)
    ("我市今年计划建成200公里农村公路,现已完成路面铺设216公里;625个村庄规划编制工作已完成;8个县(市)区176个村“家园清洁”行动"
     "已全部通过市级验收。", "news_report", D(2012, 11, 21),
     [("200公里", "target", 2012), ("216公里", "actual", 2012), ("625个", "actual", 2012), ("8个", "actual", 2012),
      ("176个", "actual", 2012)]),
    # ...but a figure with the part done after it is the task: N个…已完成M个 (萧县's 实事, September 2025, part 47);
    # an item after 、 is an item of its own, not the subject of the next 已完成
    ("剩余8项中,2个嵌入式养老机构建设已完成1个(50%)、15个农村幸福院建设已完成8个(53%),126条农村黑臭水体治理已完成120条(95%)。",
     "news_report", D(2025, 9, 30),
     [("8项", "actual", 2025), ("2个", "target", 2025), ("1个", "actual", 2025), ("50%", "actual", 2025),
      ("15个", "target", 2025), ("8个", "actual", 2025), ("53%", "actual", 2025), ("126条", "target", 2025),
      ("120条", "actual", 2025), ("95%", "actual", 2025)]),
    # ...whatever the verb after 已, when the part is in the figure's own unit (萧县, the same report); but not a whole that
    # 已有 parts of it: "6个贫困旗县市已有4个完成摘帽任务" counts what there was (兴安盟, August 2019)
    ("263场送戏进万村已送230场(87%),4个公共文化空间建设已完成2个(50%)。", "news_report", D(2025, 9, 30),
     [("263场", "target", 2025), ("230场", "actual", 2025), ("87%", "actual", 2025), ("4个", "target", 2025),
      ("2个", "actual", 2025), ("50%", "actual", 2025)]),
    ("在脱贫攻坚方面,6个贫困旗县市已有4个完成摘帽任务。", "press_conference", D(2019, 8, 20),
     [("6个", "actual", 2019), ("4个", "actual", 2019)]),
    # the part of a list started, after the list and its verb or before the verb, is what was done; the list is the task
    # (长沙县, November 2014, part 161; 阿拉善, June 2021, part 163); not a plan to start so many ("沈阳计划…开复工1600个")
    ("117个新建项目实现开工90个,开工率为77%。", "news_report", D(2014, 11, 6),
     [("117个", "target", 2014), ("90个", "actual", 2014), ("77%", "actual", 2014)]),
    ("其中:52个续建项目45个复工,复工率87%;48个新建项目开工28个,开工率58%。", "plan_report", D(2021, 6, 4),
     [("52个", "target", 2021), ("45个", "actual", 2021), ("87%", "actual", 2021), ("48个", "target", 2021),
      ("28个", "actual", 2021), ("58%", "actual", 2021)]),
    ("2021年,沈阳计划亿元以上项目开复工1600个,力争全年亿元以上项目签约1500个、落地720个。", "news_report", D(2021, 3, 1),
     [("1600个", "target", 2021), ("1500个", "target", 2021), ("720个", "target", 2021)]),
    # a rate of projects started written 开(复)工率 (哈尔滨, November 2021, part 157)
    ("截至9月,已有160个项目实现开(复)工,开(复)工率达96.3%,比去年同期提高了3.1个百分点;", "news_report", D(2021, 11, 1),
     [("160个", "actual", 2021), ("96.3%", "actual", 2021), ("3.1个百分点", "actual", 2021)]),
    # what follows a semicolon is told up to the day a 截至 phrase before it named, and a share of the year's plan is what
    # was done: the list's 计划实施 does not reach it (阿拉善, June 2021, part 163)
    ("2021年,我盟计划实施重点建设项目100个,年度投资195亿元,截至5月末,已开复工73个,开复工率73%;完成投资30.5亿元,完成年计划的"
     "15.6%,较去年同期增加8.1亿元。", "plan_report", D(2021, 6, 4),
     [("100个", "target", 2021), ("195亿元", "plan", 2021), ("73个", "actual", 2021), ("73%", "actual", 2021),
      ("30.5亿元", "actual", 2021), ("15.6%", "actual", 2021), ("8.1亿元", "actual", 2021)]),
    # the gap between a result and its goal is a result (山西, September 2018, part 163; 海南, July 2014, part 161), estimated
    # when the result is (威县, 2023); a goal said to be kept (控制在预期目标以内) sets no goal
    ("上半年,山西经济保持稳中向好、好中提质的发展态势,GDP增长6.8%,超出全年预期目标0.3个百分点,达到全国平均水平。", "news_report",
     D(2018, 9, 1), [("6.8%", "actual", 2018), ("0.3个百分点", "actual", 2018)]),
    ("物价涨幅控制在预期目标以内,全省居民消费价格同比上涨2.6%,涨幅较一季度回落0.7个百分点,低于预期目标1.4个百分点。",
     "press_conference", D(2014, 7, 26), [("2.6%", "actual", 2014), ("0.7个百分点", "actual", 2014), ("1.4个百分点", "actual", 2014)]),
    ("——规模以上工业增加值预计同比增长-6%,低于计划目标13个百分点。", "plan_report", D(2023, 12, 20),
     [("-6%", "forecast", 2023), ("13个百分点", "forecast", 2023)]),
    # done as planned is done (河南's 实事 at mid-2024, part 161)
    ("截至6月底,已完成15.45万名基层卫生技术人员在线培训,完成年度目标任务的98.03%,并按计划开展了209个家庭医生团队(共840人)线下培训;",
     "plan_report", D(2024, 7, 20),
     [("15.45万名", "actual", 2024), ("98.03%", "actual", 2024), ("209个", "actual", 2024), ("840人", "actual", 2024)]),
    # a day weeks before a text in its first months is of the text's year; a list whose rate of investment follows is the
    # list's task (昆山, March 2024, part 159)
    ("截至2月底,2个省重大项目投资完成率7.5%。43个苏州市重点项目,其中36个项目已开工,开工率83.7%。", "plan_report", D(2024, 3, 1),
     [("2个", "target", 2024), ("7.5%", "actual", 2024), ("43个", "target", 2024), ("36个", "actual", 2024),
      ("83.7%", "actual", 2024)]),
    # the year's money for a list, called its 投资目标, is an arrangement, and the list's count its task (六盘水, 2025)
    ("其中,新型工业化项目215个,年投资目标270.89亿元;旅游产业化项目8个,年投资目标2.88亿元。", "news_report", D(2025, 4, 20),
     [("215个", "target", 2025), ("270.89亿元", "plan", 2025), ("8个", "target", 2025), ("2.88亿元", "plan", 2025)]),
    # a margin over the year's target is a result, told of each of a pair (河南's 实事, May 2021, part 169)
    ("一季度河南重点民生实事进展顺利\n●筛查方面:完成新生儿“两病”筛查21.14万例、听力筛查20.83万例,筛查率分别为97.94%、96.52%,分别高出年度目标"
     "任务7.94个、6.52个百分点。", "plan_report", D(2021, 5, 4),
     [("21.14万例", "actual", 2021), ("20.83万例", "actual", 2021), ("97.94%", "actual", 2021), ("96.52%", "actual", 2021),
      ("7.94个", "actual", 2021), ("6.52个百分点", "actual", 2021)]),
    # after the year's goals, a paragraph opened by the year just over reviews it (证券时报 on 浙江's work report, January
    # 2023, part 167)
    ("2023年浙江省经济社会发展主要预期目标为:地区生产总值增长5%以上。\n具体来看,在工业经济方面,2022年浙江规上工业增加值增长4.3%左右。"
     "新增境内外上市公司79家。", "government_work_report", D(2023, 1, 13),
     [("5%以上", "target", 2023), ("4.3%左右", "actual", 2022), ("79家", "actual", 2022)]),
    # a list's parts in brackets before its total and the year's plan (鄂尔多斯, October 2019, part 165)
    ("2019年,我市实施亿元以上重点工业项目106项(新建43项,续建63项),总投资2757.05亿元,当年计划完成投资437.68亿元。", "plan_report",
     D(2019, 10, 23), [("106项", "target", 2019), ("43项", "target", 2019), ("63项", "target", 2019),
                       ("2757.05亿元", "target", 2019), ("437.68亿元", "plan", 2019)]),
    # 实事 done ahead of time (盐城, December 2023, part 167); tasks with the part done after them (四川, July 2018, part 171)
    ("“兜底帮扶2500名困难群体就业”等46件实事已提前完成年度目标任务,完成率90.2%。", "news_report", D(2023, 12, 1),
     [("2500名", "target", 2023), ("46件", "actual", 2023), ("90.2%", "actual", 2023)]),
    ("国务院授权的30项全面创新改革试验任务完成22项,第二批21项改革试验经验省内推广。", "plan_report", D(2018, 7, 26),
     [("30项", "target", 2018), ("22项", "actual", 2018), ("21项", "actual", 2018)]),
    # a headline of projects a ceremony is to start makes their counts and investment the story's tasks (海西, June 2017)
    ("海西:200个项目将集体开工\n其中,格尔木开工项目40个,项目总投资85.7亿元;德令哈开工项目40个,项目总投资69.8亿元;",
     "press_conference", D(2017, 6, 20),
     [("200个", "target", 2017), ("40个", "target", 2017), ("85.7亿元", "target", 2017), ("40个", "target", 2017),
      ("69.8亿元", "target", 2017)]),
    # …and projects said to have started (实现开工) are started, unless a goal word asks for it (新疆, March 2021; 重庆, 2019)
    ("截至3月20日,续建项目复工率54.8%,南疆35个重点项目全部实现复工,18个新建项目实现开工建设。", "news_report", D(2021, 3, 25),
     [("54.8%", "actual", 2021), ("35个", "actual", 2021), ("18个", "actual", 2021)]),
    ("目前,葫芦岛市纳入省项目平台的“三篇大文章”项目共114个,总投资1422亿元,年度计划投资109亿元,预计今年61个项目实现竣工投产。",
     "news_report", D(2021, 7, 20), [("114个", "actual", 2021), ("1422亿元", "actual", 2021), ("109亿元", "plan", 2021),
                                     ("61个", "forecast", 2021)]),
    ("同时,力争再实现129个1亿元以上项目在3月底前实现开工,总投资约1170亿元。", "news_report", D(2019, 2, 20),
     [("129个", "target", 2019), ("1亿元以上", "target", 2019), ("约1170亿元", "target", 2019)]),
    # what was done of the year's investment (完成年度投资) is done, and a share of the year's plan closes no plan over the
    # clauses after it (海南, July 2022, part 179; 广东, July 2018, part 179)
    ("续建项目完成年度投资239亿元,年度投资完成率46%;新开工项目完成年度投资26亿元。", "news_report", D(2022, 7, 1),
     [("239亿元", "actual", 2022), ("46%", "actual", 2022), ("26亿元", "actual", 2022)]),
    ("1-7月,省重点项目建设总体进展顺利,完成投资3836.5亿元,比去年同期增加334.9亿元,为年度计划投资的63.9%,同比降低0.9个百分点,"
     "但超过时间进度5.6个百分点。", "plan_report", D(2018, 7, 23),
     [("3836.5亿元", "actual", 2018), ("334.9亿元", "actual", 2018), ("63.9%", "actual", 2018), ("0.9个百分点", "actual", 2018),
      ("5.6个百分点", "actual", 2018)]),
    # the goal named between 目标 and the share of it done (海北, July 2013, part 175), in a sentence without other cues too
    ("上半年招商引资到位资金11.26亿元,完成目标任务20亿元的56.3%。其中省外到位资金10.33亿元,完成目标任务20亿元的51.65%。", "plan_report",
     D(2013, 7, 20), [("11.26亿元", "actual", 2013), ("20亿元", "target", 2013), ("56.3%", "actual", 2013),
                      ("10.33亿元", "actual", 2013), ("20亿元", "target", 2013), ("51.65%", "actual", 2013)]),
    # money raised so far is a result; 筹措 makes only the money in its own clause an arrangement, not the works told
    # after it (广西's press conference on its 为民办实事, October 2023, part 187)
    ("今年截至9月30日,广西已筹措下达为民办实事工程资金810.79亿元,资金筹措下达进度达到106.39%。", "press_conference", D(2023, 10, 26),
     [("810.79亿元", "actual", 2023), ("106.39%", "actual", 2023)]),
    ("筹措资金16.14亿元,积极落实生态惠民工程。扩大保障性租赁住房供给,新开工棚户区改造1446套,公租房268套。", "press_conference",
     D(2023, 10, 26), [("16.14亿元", "plan", 2023), ("1446套", "actual", 2023), ("268套", "actual", 2023)]),
    # the year's money of a list right after 年度计划 (德州, February 2023, part 183); a list's name of up to twelve
    # characters after its count (重庆, 2021)
    ("本次全市集中开工活动,共有项目206个,总投资1476亿元,年度计划487亿元。从项目领域看:“十强”产业113个项目,年度计划261亿元;",
     "news_report", D(2023, 2, 6), [("206个", "actual", 2023), ("1476亿元", "actual", 2023), ("487亿元", "plan", 2023),
                                    ("113个", "actual", 2023), ("261亿元", "plan", 2023)]),
    ("加快建设23个“新型城镇化”项目,年度计划完成投资243亿元;", "news_report", D(2021, 3, 1),
     [("23个", "target", 2021), ("243亿元", "plan", 2021)]),
    # a figure inside a task quoted by its wording is the task, of the year the text speaks of (湖南's 实事, July 2018;
    # 河南's presser of January 2020 on its 2019 实事)
    ("12件重点民生实事中上半年完成较好的有8件,包括“完成城镇新增就业70万人”项目,已新增43.91万人;", "plan_report", D(2018, 7, 20),
     [("12件", "target", 2018), ("8件", "actual", 2018), ("70万人", "target", 2018), ("43.91万人", "actual", 2018)]),
    ("1月7日,记者从河南省政府新闻办新闻发布会上获悉,河南已超额完成“新建和改扩建城乡幼儿园1000所”的目标任务。", "press_conference",
     D(2020, 1, 7), [("1000所", "target", 2019)]),
    # a list's count before the part of it started, after ",有" and with 实现了 (大兴安岭, July 2011, part 189)
    ("年初重点推进的34个产业项目,有15个开复工,完成固定资产投资2亿元。特别是与省签订的13个项目,有7个实现了开复工。", "news_report",
     D(2011, 7, 14), [("34个", "target", 2011), ("15个", "actual", 2011), ("2亿元", "actual", 2011), ("13个", "target", 2011),
                      ("7个", "actual", 2011)]),
    # a count of 实事 whoever holds the list (省级, 区级): the list, not what was done (海南's presser, December 2024, part 195)
    ("海南省新闻办公室27日召开的新闻发布会,介绍了2024年10项省级民生实事项目的落实情况。", "press_conference", D(2024, 12, 30),
     [("10项", "target", 2024)]),
    # money planned to be paid out is arranged, whom it is to reach a goal; what was paid a result (海南, December 2024, part 195)
    ("海南省年初计划发放治疗救助金1520.2万元,覆盖768名患者。截至11月底,已发放救助金1200万元。", "press_conference", D(2024, 12, 30),
     [("1520.2万元", "plan", 2024), ("768名", "target", 2024), ("1200万元", "actual", 2024)]),
    # the gap to a goal's rate is a result, as the gap to a goal is (巢湖, August 2021, part 199)
    ("1-6月,规上工业总产值、规上工业增加值分别超目标增速4.9个、11个百分点。", "news_report", D(2021, 8, 10),
     [("4.9个", "actual", 2021), ("11个百分点", "actual", 2021)]),
    # a goal's rate between 目标 and 任务 in a task said done is the goal, whatever estimate frames the sentence (瑶海,
    # December 2019, part 199)
    ("预计,全年地区生产总值同比增长6.2%,完成区人代会批准的预期目标增长6%任务;", "plan_report", D(2019, 12, 1),
     [("6.2%", "forecast", 2019), ("6%", "target", 2019)]),
    # 将 inside a name (将军新型建材) is no tense (衡阳, April 2020, part 201); 计划完成总投资 is the year's planned money, as
    # 计划完成投资 is (上海, January 2022, part 199)
    ("衡阳县时光钻石、新时代商业综合体、将军新型建材、乌莲特色小镇等7个项目集中开工。", "news_report", D(2020, 4, 28),
     [("7个", "actual", 2020)]),
    ("据介绍,今年安排的173个正式项目,计划完成总投资2000亿元以上。", "news_report", D(2022, 1, 28),
     [("173个", "target", 2022), ("2000亿元以上", "plan", 2022)]),
    # a goal set with 的目标定为 (贵港, March 2019, part 209); the gap to 年度投资目标 is a result (航空港, March 2018, part 211);
    # an amount before its share of the year's goal is what was done (沈阳, August 2022, part 207)
    ("紧盯项目建设不放松。贵港将固定资产投资的目标定为同比增长15%。", "news_report", D(2019, 3, 25), [("15%", "target", 2019)]),
    ("其中,列入省重点的84个项目,全年累计完成投资429.8亿元,高出年度投资目标17.1个百分点。", "news_report", D(2017, 12, 30),
     [("84个", "actual", 2017), ("429.8亿元", "actual", 2017), ("17.1个百分点", "actual", 2017)]),
    ("沈阳工业投资结构进一步优化投资218.3亿元占全年目标43.7%。", "plan_report", D(2022, 8, 3),
     [("218.3亿元", "actual", 2022), ("43.7%", "actual", 2022)]),
    # a count of projects before 年计划投资 is a part of the year's list, as before 年度计划投资 (秦皇岛, February 2022, part 205)
    ("据了解,重点建设项目中新开工项目135个,总投资500.7亿元,年计划投资141.2亿元;续建项目86个,总投资709.6亿元,年计划投资200.4亿元。",
     "plan_report", D(2022, 2, 18), [("135个", "target", 2022), ("500.7亿元", "target", 2022), ("141.2亿元", "plan", 2022),
                                     ("86个", "target", 2022), ("709.6亿元", "target", 2022), ("200.4亿元", "plan", 2022)]),
    # 抓好 sets a task, as 要 does (盘锦, December 2017, development)
    ("以供给侧结构性改革为牵动,全面抓好118项改革任务。", "news_report", D(2017, 12, 20), [("118项", "target", 2017)]),
    # a task before the part done in its own unit, after a comma too, whatever the unit's length (福州's 实事, July 2023,
    # part 217)
    ("新建市政燃气管网60公里,已新建62.675公里;新增优化公交线路35条,现已完成36条。", "plan_report", D(2023, 7, 5),
     [("60公里", "target", 2023), ("62.675公里", "actual", 2023), ("35条", "target", 2023), ("36条", "actual", 2023)]),
    # 实事 said done ahead of time before their count are done (福州, July 2023, part 217)
    ("提前完成的8件实事包括:建成福建医科大学孟超肝胆医院。", "plan_report", D(2023, 7, 5), [("8件", "actual", 2023)]),
    # 新建 and 续建 name parts of the year's list, as other parts' names do (伊金霍洛, September 2017, development)
    ("2017年,我旗列入市级亿元以上重点项目40项,新建项目22项,续建项目18项;总投资1174.74亿元,本年度计划投资137.65亿元。",
     "plan_report", D(2017, 9, 20), [("40项", "target", 2017), ("22项", "target", 2017), ("18项", "target", 2017),
                                     ("1174.74亿元", "target", 2017), ("137.65亿元", "plan", 2017)]),
    # the later shares of a ratio are of the first's year (萍乡, October 2021, part 223)
    ("过去五年,全市经济实力明显增强。三次产业结构由2015年的10.2:52.1:37.7优化为7.9:43.6:48.5。", "news_report", D(2021, 10, 20),
     [("10.2", "actual", 2015), ("52.1", "actual", 2015), ("37.7", "actual", 2015), ("7.9", "actual", 2020),
      ("43.6", "actual", 2020), ("48.5", "actual", 2020)]),
    # the money a plan's projects are to spend is its arrangement (嘉兴's plan of March 2016, part 223)
    ("(一)综合交通投资。计划推进项目33个,完成投资71.10亿元。", "plan_report", D(2016, 3, 5),
     [("33个", "target", 2016), ("71.10亿元", "plan", 2016)]),
    # a part of a list before its money done and its share of the year's plan (上海's 实事, December 2022, part 225)
    ("其中,6个养老护幼类项目完成28.5亿元、占全年计划100%,9个城市安全类项目完成12.2亿元、占全年计划126%。", "plan_report",
     D(2022, 12, 10), [("6个", "target", 2022), ("28.5亿元", "actual", 2022), ("100%", "actual", 2022),
                       ("9个", "target", 2022), ("12.2亿元", "actual", 2022), ("126%", "actual", 2022)]),
    # a count of the projects a plan names, told before them (徐州, May 2017, part 225), but not when they are said started
    # (山东, March 2024, development; told here as a story, whose year is the year it was told)
    ("全市108个计划新开工项目1至4月累计开工87项,开工率80.6%。", "plan_report", D(2017, 5, 1),
     [("108个", "target", 2017), ("87项", "actual", 2017), ("80.6%", "actual", 2017)]),
    ("其中,太平水库、石岛湾核电站扩建一期工程等105个计划新开工项目实现开工。", "news_report", D(2024, 3, 20),
     [("105个", "actual", 2024)]),
    # a count of 实事 before the count of their items (农安, July 2014, part 227)
    ("另外,包括公立医院改革、县第二幼儿园建设等十六项59件重点民生实事,正在按序时进度扎实推进。", "plan_report", D(2014, 7, 29),
     [("十六项", "target", 2014), ("59件", "target", 2014)]),
    # the second of a list of bases compared with is a base too (哈尔滨新区, April 2018, part 231; 湖北, July 2021, development)
    ("一季度,哈尔滨新区实现地区生产总值161.5亿元,增速分别高于上年同期、2017年全年0.1、0.9个百分点。", "news_report", D(2018, 4, 20),
     [("161.5亿元", "actual", 2018), ("0.1", "actual", 2018), ("0.9个百分点", "actual", 2018)]),
    # the money the year gives its projects, after 今年将 too (汕头, 2021, part 235)
    ("围绕打造区域医疗高地,今年将投入64.7亿元,加快推进中心医院易地重建。", "plan_report", D(2021, 1, 10),
     [("64.7亿元", "plan", 2021)]),
    # a share of the projects planned to start is how far they got (江西, September 2018, part 241)
    ("新开工建设114个项目,占计划新开工项目的87%。", "plan_report", D(2018, 9, 18), [("114个", "actual", 2018), ("87%", "actual", 2018)]),
    # 争取年末 sets a goal for the year's end (金堂, April 2015, part 243)
    ("争取年末全县规上企业总数达到200户左右,其中节能环保规上企业达120户。", "news_report", D(2015, 4, 30),
     [("200户左右", "target", 2015), ("120户", "target", 2015)]),
    # the count of a list of key projects before what they have done so far (山东, June 2019, part 239; 青岛, February 2020,
    # part 239), but not a part of it (其中) nor in a review of a year over (汉滨, development)
    ("截至5月底,120个省重点项目完成投资442.6亿元。", "plan_report", D(2019, 6, 10),
     [("120个", "target", 2019), ("442.6亿元", "actual", 2019)]),
    ("其中15个省级重点项目完成投资进度超过50%,占全市省级重点项目的41.7%。", "plan_report", D(2016, 6, 30),
     [("15个", "actual", 2016), ("超过50%", "actual", 2016), ("41.7%", "actual", 2016)]),
    # a list of 实事 before the money put in and its share of the year's plan (盐城, October 2013, part 247)
    ("1-9月份,全市20个为民办实事项目累计完成投入46.3亿元,占年度计划73.4%,快于去年同期3.4个百分点。", "plan_report",
     D(2013, 10, 20), [("20个", "target", 2013), ("46.3亿元", "actual", 2013), ("73.4%", "actual", 2013),
                       ("3.4个百分点", "actual", 2013)]),
    # a share of a plan is how much of it was done, whatever plan word comes before it (西藏, July 2017, part 47)
    ("庄严介绍,今年上半年全区重点项目共完成投资551亿元,占年度计划投资的27.1%。2015年重点民生实事计划总投资277亿元,"
     "上半年实际完成投资156.92亿元,占全年计划投资的56.6%。", "news_report", D(2017, 7, 20),
     [("551亿元", "actual", 2017), ("27.1%", "actual", 2017), ("277亿元", "plan", 2015), ("156.92亿元", "actual", 2015),
      ("56.6%", "actual", 2015)]),
    # a numbered point is read as a heading, and a year in it as the heading's: four digits inside a larger
    # number are no year (四川's 2020 plan report, part 47: 20144.3亿元 is not 2014)
    ("一、2019年计划执行情况\n3.全省居民人均可支配收入增长9.4%。\n4.社会消费品零售总额实现20144.3亿元、增长10.4%,高于预期0.4个百分点。",
     "plan_report", D(2020, 1, 20),
     [("9.4%", "actual", 2019), ("20144.3亿元", "actual", 2019), ("10.4%", "actual", 2019), ("0.4个百分点", "actual", 2019)]),
    # a count of the year's 实事 is a goal, unless they are said to be done (新安县 2010, part 47; 宁波 2019)
    ("2010年,县委、县政府经过认真调研、科学论证,确定了为人民群众办理的十件惠民实事,现将1-4月份民生建设十件实事进展情况通报如下:",
     "progress_report", D(2010, 5, 10), [("十件", "target", 2010), ("十件", "target", 2010)]),
    ("据市政府通报,2018年10个民生实事项目全面落实。会上公布,2025年江苏省政府45件民生实事项目年度目标任务已全面完成。",
     "news_report", D(2026, 2, 10), [("10个", "actual", 2018), ("45件", "actual", 2025)]),
    # a speaker's 提出了 before the year opens the list after the colon (高邮, January 2021, part 48)
    ("周建峰在报告中提出了2021年全市经济社会高质量发展指标体系安排,具体为:总量支撑型指标方面,地区生产总值增长6.5%左右;"
     "规上工业增加值增长9%;一般公共预算收入增长5%;获批国家高新技术企业80家;PM2.5浓度37微克/立方米。", "news_report", D(2021, 1, 14),
     [("6.5%左右", "target", 2021), ("9%", "target", 2021), ("5%", "target", 2021), ("80家", "target", 2021),
      ("37微克/立方米", "target", 2021)]),
    # an arrangement reaches money after it, not the next item's count of projects (贵州, February 2021, part 48)
    ("今年,其中,新型工业化项目789个、计划投资1246.2亿元,新型城镇化项目1693个、计划投资3564.43亿元。", "news_report", D(2021, 2, 1),
     [("789个", "target", 2021), ("1246.2亿元", "plan", 2021), ("1693个", "target", 2021), ("3564.43亿元", "plan", 2021)]),
    # a category of goals heads the list after it (丽水's 2020 plan, part 48)
    ("2020年丽水市国民经济和社会发展计划\n——关于质量效益类目标(12个)。研究与试验发展经费投入强度达到2.0%;不良贷款率控制在1.3%以内;"
     "数字经济核心产业增加值增长15%;", "plan_report", D(2020, 5, 18),
     [("12个", "target", 2020), ("2.0%", "target", 2020), ("1.3%以内", "target", 2020), ("15%", "target", 2020)]),
    # 达到 under an estimate carried over ; is the estimate's (黄冈, January 2018, part 48)
    ("这份“成绩单”显示:2017年,预计全市实现地区生产总值(GDP)1890亿元,增长7.2%;社会消费品零售总额1081亿元,增长11%;"
     "城乡居民人均可支配收入分别达到 26900元和12100元,增长8.5%、9.2%。", "news_report", D(2018, 1, 5),
     [("1890亿元", "forecast", 2017), ("7.2%", "forecast", 2017), ("1081亿元", "forecast", 2017), ("11%", "forecast", 2017),
      ("26900元", "forecast", 2017), ("12100元", "forecast", 2017), ("8.5%", "forecast", 2017), ("9.2%", "forecast", 2017)]),
    # ...and so is a list's count with the part started after it (西藏 2017, 涪陵 2011, 江西 2019)
    ("庄严介绍,今年上半年全区200个重点项目中已完工2个。74个建设项目已开工57个,开工率达77%。122个新建项目已开工建设105个。",
     "news_report", D(2017, 7, 20),
     [("200个", "target", 2017), ("2个", "actual", 2017), ("74个", "target", 2017), ("57个", "actual", 2017),
      ("77%", "actual", 2017), ("122个", "target", 2017), ("105个", "actual", 2017)]),
    # a verb with 了 reports what was done, in its own clause only (重庆 2015; 工信部 2022 keeps its goal)
    ("上半年已建成工程1419处,解决了59.6万人的饮水安全问题。国内已经建成了全球最大的5G网络,5G基站数量超过142.5万个,"
     "2022年还要新建60万5G基站以上。", "plan_report", D(2015, 6, 20),
     [("1419处", "actual", 2015), ("59.6万人", "actual", 2015), ("超过142.5万个", "actual", 2015), ("60万", "target", 2022)]),
    # a year-on-year change beside a goal in a progress table is the result, not the goal (铜梁, September 2025,
    # part 50): with nothing but a section's role against it
    ("一、主要预期目标\n1 地区生产总值增长6%左右 区发展改革委 地区生产总值同比增长2.9%。\n第一产业增加值增长4%。\n第一产业增加值同比增长3.4%。",
     "plan_report", D(2025, 9, 19),
     [("6%左右", "target", 2025), ("2.9%", "actual", 2025), ("4%", "target", 2025), ("3.4%", "actual", 2025)]),
    # a floor set before any figure is a standard, not a result (永州's 实事, January 2019, part 50)
    ("提高城乡低保标准和救助水平,城市低保标准不低于430元/月,农村低保标准不低于3200元/年。", "news_report", D(2019, 1, 22),
     [("不低于430元", "target", 2019), ("不低于3200元", "target", 2019)]),
    # …and so is a count of key tasks (锦州 2023, part 50; 浑南 2023), unless they are said to be done (宣城 2021)
    ("锦州:紧抓30项关键任务谋划高质量项目群\n年初以来,浑南区统筹推进“12+1”赛道、341项具体任务。", "news_report", D(2023, 2, 2),
     [("30项", "target", 2023), ("341项", "target", 2023)]),
    # a count of projects with the year's planned investment after it is the list's task, and so is their total
    # investment; a category of projects to be started (开工类) and the year's investment plan (年度投资计划) name the list
    # (温州 2020, part 51; 济南 2015, part 53); a count of projects started is what was done (大连, April 2017)
    ("在这批重大建设项目中,续建类项目337个,年度计划投资680.8亿元;开工类项目137个,年度计划投资339.4亿元;\n"
     "其中续建类项目73个,年度投资计划218.1亿元;开工类项目39个,年度投资计划66.3亿元。", "news_report", D(2020, 5, 13),
     [("337个", "target", 2020), ("680.8亿元", "plan", 2020), ("137个", "target", 2020), ("339.4亿元", "plan", 2020),
      ("73个", "target", 2020), ("218.1亿元", "plan", 2020), ("39个", "target", 2020), ("66.3亿元", "plan", 2020)]),
    ("2015年度,全市将安排重点项目220个,总投资6334亿元,年度计划投资1146亿元。其中,实体经济项目160个,总投资3566亿元,"
     "年度计划投资570亿元;", "news_report", D(2015, 2, 25),
     [("220个", "target", 2015), ("6334亿元", "target", 2015), ("1146亿元", "plan", 2015), ("160个", "target", 2015),
      ("3566亿元", "target", 2015), ("570亿元", "plan", 2015)]),
    ("一季度,全市开复工亿元以上重大项目327个,总投资7116亿元,年度计划投资1114亿元,为扎实推进振兴发展打好开局。", "news_report",
     D(2017, 4, 10), [("327个", "actual", 2017), ("7116亿元", "actual", 2017), ("1114亿元", "plan", 2017)]),
    # a list's investment expected for the year, told early in it, is its arrangement (江西, February 2022, part 40; 衡水, April
    # 2025, part 27), and the list's count and total investment before it are its task
    ("一是基础设施领域,重点实施交通、能源、水利、信息、城镇等基础设施大中型项目641个,总投资9645亿元,2022年预计完成投资2087亿元。",
     "news_report", D(2022, 2, 16), [("641个", "target", 2022), ("9645亿元", "target", 2022), ("2087亿元", "plan", 2022)]),
    ("据石占贤介绍,2025年,衡水市共安排省市重点建设项目222个,总投资805.9亿元,年预计投资149.5亿元。", "press_conference",
     D(2025, 4, 7), [("222个", "target", 2025), ("805.9亿元", "target", 2025), ("149.5亿元", "plan", 2025)]),
    # a rate in a goal's form estimated for a year not over is the year's goal (贵州, January 2024, part 6; 江西, January
    # 2024, part 39); estimated for the year just past it stays an estimate (安徽, January 2023)
    ("2024年,贵州将坚持以高质量发展统揽全局,守好发展和生态两条底线,预计全省地区生产总值增长5.5%左右。", "news_report",
     D(2024, 1, 24), [("5.5%左右", "target", 2024)]),
    ("政府工作报告提到,2023年江西地区生产总值增长4.1%,2024年预计增长5%左右。", "news_report", D(2024, 1, 23),
     [("4.1%", "actual", 2023), ("5%左右", "target", 2024)]),
    ("报告指出,刚刚过去的2022年,预计全省生产总值增长3.5%左右,固定资产投资增长9%左右。", "news_report", D(2023, 1, 13),
     [("3.5%左右", "forecast", 2022), ("9%左右", "forecast", 2022)]),
    # projects to be newly started (新开工项目) are a part of the year's list, not projects started (铜川, August 2019, part 62)
    ("记者在发布会上了解到,2019年,全市安排重点项目182个,总投资1894.29亿元,年度计划投资343.05亿元。其中,续建项目69个,"
     "总投资600.74亿元,年度计划投资154.72亿元;新开工项目113个,总投资1293.55亿元,年度计划投资188.33亿元。", "press_conference",
     D(2019, 8, 29), [("182个", "target", 2019), ("1894.29亿元", "target", 2019), ("343.05亿元", "plan", 2019),
                      ("69个", "target", 2019), ("600.74亿元", "target", 2019), ("154.72亿元", "plan", 2019),
                      ("113个", "target", 2019), ("1293.55亿元", "target", 2019), ("188.33亿元", "plan", 2019)]),
    # the target growth rate (目标增速) is a goal (深圳, January 2017, part 62)
    ("市六届人大三次会议开幕,许勤作政府工作报告,GDP目标增速8.5%", "news_report", D(2017, 1, 14), [("8.5%", "target", 2017)]),
    # an amount a share is taken of is the year's goal when the text calls it a goal, not a plan (绵阳, February 2019, part 62)
    ("2018年,全市完成公路水路建设投资139.26亿元,为年度目标136.64亿元的102%,同比增长8%。", "news_report", D(2019, 2, 28),
     [("139.26亿元", "actual", 2018), ("136.64亿元", "target", 2018), ("102%", "actual", 2018), ("8%", "actual", 2018)]),
    # 储备了 reports what was done in its clause, like the other verbs with 了 (旅顺口, March 2025, part 61)
    ("坚持“全区一盘棋”,强化调度、逐项梳理、抢前抓早,谋划储备了超长期特别国债、中央预算内投资、地方政府专项债券项目75个。", "press_conference",
     D(2025, 3, 22), [("75个", "actual", 2025)]),
    # what was actually started (实际开工) beside the plan is a result, and a list's count with this year's planned
    # investment after it (今年计划投资) is the list's task (商丘's half-year progress, July 2021, part 65)
    ("本年度计划新开工项目271个,1~6月份计划新开工项目238个,目前实际开工建设项目260个,时序开工率达108.8%,年度开工率达95.9%。\n"
     "永城市省管重点项目15个,总投资223亿元,今年计划投资72亿元,1-6月份累计完成投资56.2亿元,投资完成率78%;", "plan_report",
     D(2021, 7, 1), [("271个", "target", 2021), ("238个", "target", 2021), ("260个", "actual", 2021), ("108.8%", "actual", 2021),
                     ("95.9%", "actual", 2021), ("15个", "target", 2021), ("223亿元", "target", 2021), ("72亿元", "plan", 2021),
                     ("56.2亿元", "actual", 2021), ("78%", "actual", 2021)]),
    # the same with the list's noun after the count and the year named in its plan (恩平, September 2022, part 73)
    ("我市共63项江门重点项目,总投资355亿元,2022年计划投资55.28亿元,1-8月完成投资43.77亿元,投资完成率为79.17%。", "plan_report",
     D(2022, 9, 1), [("63项", "target", 2022), ("355亿元", "target", 2022), ("55.28亿元", "plan", 2022),
                     ("43.77亿元", "actual", 2022), ("79.17%", "actual", 2022)]),
    # …and so are its parts counted after it in the paragraph, each opening its clause (恩平, September 2022, part 73)
    ("我市共63项江门重点项目,总投资355亿元,2022年计划投资55.28亿元,1-8月完成投资43.77亿元。其中:基础设施工程16项,完成投资3.31亿元,"
     "投资完成率为36.26%;产业工程33项,完成投资23.52亿元。", "plan_report", D(2022, 9, 1),
     [("63项", "target", 2022), ("355亿元", "target", 2022), ("55.28亿元", "plan", 2022), ("43.77亿元", "actual", 2022),
      ("16项", "target", 2022), ("3.31亿元", "actual", 2022), ("36.26%", "actual", 2022), ("33项", "target", 2022),
      ("23.52亿元", "actual", 2022)]),
    # …and so is a count of a list's projects whose year's plan is measured against (西安, July 2018, part 80)
    ("39个农林水和生态工程建设项目共完成投资83.95亿元,占年计划的69.1%;299个服务业项目共完成投资862.6亿元,占年计划的66.4%;", "news_report",
     D(2018, 7, 24), [("39个", "target", 2018), ("83.95亿元", "actual", 2018), ("69.1%", "actual", 2018),
                      ("299个", "target", 2018), ("862.6亿元", "actual", 2018), ("66.4%", "actual", 2018)]),
    # a count of a list's projects with the part started after it is the list's task, with 已 or without (黑河, May 2020;
    # 黑龙江, August 2022, part 77); the share of the year's investment plan done is a result (湖北, August 2013, part 77)
    ("截至目前,全市145个百大项目开复工92个,开复工率63.4%。50个省百大项目开复工35个,开复工率70%,完成投资4.8亿元。", "news_report",
     D(2020, 5, 20), [("145个", "target", 2020), ("92个", "actual", 2020), ("63.4%", "actual", 2020), ("50个", "target", 2020),
                      ("35个", "actual", 2020), ("70%", "actual", 2020), ("4.8亿元", "actual", 2020)]),
    ("66个新开工项目已有28个开工建设,开工率42.4%,完成投资43.4亿元,完成年度投资计划的16.4%;", "plan_report", D(2018, 4, 20),
     [("66个", "target", 2018), ("28个", "actual", 2018), ("42.4%", "actual", 2018), ("43.4亿元", "actual", 2018),
      ("16.4%", "actual", 2018)]),
    ("截至目前,现代服务业项目完成投资470.3亿元,完成全年投资计划的81.7%,高于全省13.3个百分点。", "plan_report", D(2013, 8, 24),
     [("470.3亿元", "actual", 2013), ("81.7%", "actual", 2013), ("13.3个百分点", "actual", 2013)]),
    # …and with the count in the total's own clause (南昌, November 2023, part 73)
    ("本报讯(全媒体记者 万玲)日前,记者从市发改委获悉,我市100个重点推进项目总投资4223.87亿元,年度计划投资984.59亿元。", "news_report",
     D(2023, 11, 20), [("100个", "target", 2023), ("4223.87亿元", "target", 2023), ("984.59亿元", "plan", 2023)]),
    # a start told of one sector's part (其中…已全部开工, 开工率) is not a start of the next sector of the list
    # (南昌, November 2023, part 73); "12个…已全部开工" reads as done, where the labeller counted the planned starts
    ("工业项目35个,年度计划投资440.07亿元,前10月累计完成投资469.13亿元,其中华润微MEMS传感器产业园项目等12个计划新开工项目已全部开工;"
     "服务业项目33个,年度计划投资246.35亿元,前10月累计完成投资265.03亿元,其中蓝城五星级标准酒店项目等5个计划新开工项目已开工4个,开工率80%;"
     "农林水及生态建设项目4个,年度计划投资26.7亿元,前10月累计完成投资24.89亿元;", "news_report", D(2023, 11, 20),
     [("35个", "target", 2023), ("440.07亿元", "plan", 2023), ("469.13亿元", "actual", 2023), ("12个", "actual", 2023),
      ("33个", "target", 2023), ("246.35亿元", "plan", 2023), ("265.03亿元", "actual", 2023), ("5个", "target", 2023),
      ("4个", "actual", 2023), ("80%", "actual", 2023), ("4个", "target", 2023), ("26.7亿元", "plan", 2023),
      ("24.89亿元", "actual", 2023)]),
    # a progress table whose header names a goal column before what was done: each row's first figure is its goal
    # (岳阳楼区's 民生实事, July 2019, part 73; the header is no heading)
    ("岳阳楼区2019年1-7月省市重点民生实事项目完成情况\n序号 项目名称 责任单位 目标任务  1-7月 \n实际完成情况\n任务完成率 备注\n"
     "1 新增城镇就业 区人社局 8950人 6453人 72%\n2 减少义务教育大班额 区教育局 51个 3个 5% 春季入学期间,已化解大班额3个;",
     "plan_report", D(2019, 7, 25), [("8950人", "target", 2019), ("6453人", "actual", 2019), ("72%", "actual", 2019),
                                     ("51个", "target", 2019), ("3个", "actual", 2019), ("5%", "actual", 2019),
                                     ("3个", "actual", 2019)]),
    # a numbered line holds figures like any paragraph, and a headline promising this year's 实事 frames them as the year's
    # tasks (十堰, January 2011, part 89)
    ("十堰市政府承诺今年再办10件实事\n市政府2011年10件实事\n一、解决农村10万人安全饮水问题。\n二、新建300个农村村级综合服务社、新建改造20个社区综合服务站。",
     "news_report", D(2011, 1, 20), [("10件", "target", 2011), ("10件", "target", 2011), ("10万人", "target", 2011),
                                     ("300个", "target", 2011), ("20个", "target", 2011)]),
    # a batch started (第一批开复工项目) is a result, though its year is not over (通渭, March 2020, part 92)
    ("通渭县2020年第一批开复工项目43个 总投资达50亿元", "news_report", D(2020, 3, 19), [("43个", "actual", 2020), ("50亿元", "actual", 2020)]),
    # 拟新建 (to be built) sets what a project is to build (丹东's border zone, August 2024, part 85)
    ("据介绍,该项目拟新建生产厂房2万平方米,购置大型镦锻压力机、操作机械手、加热炉、冷却装置等设备20余台(套)。", "news_report", D(2024, 8, 20),
     [("2万平方米", "target", 2024), ("20余台", "target", 2024)]),
    # a quarter that ends a month or more after the text is the list to be started (大连, 24 February 2025, part 85)
    ("市发改委介绍,一季度全市重点开工项目242个,总投资1199亿元。", "news_report", D(2025, 2, 24),
     [("242个", "target", 2025), ("1199亿元", "target", 2025)]),
    # a count of the projects a list arranges (拟安排…项目29个) is its task, the money its arrangement (温州, May 2020, part 51;
    # 衡水's 全年安排…项目135项, part 74)
    ("除此之外,拟安排重大建设项目中农林水利项目29个、能源项目12个、新型信息技术基础设施项目8个。", "news_report", D(2020, 5, 13),
     [("29个", "target", 2020), ("12个", "target", 2020), ("8个", "target", 2020)]),
    # an estimated change ends at its estimate and starts from a level reached; 增加到2021年的 is no deadline (兰州,
    # December 2021, part 82)
    ("预计地区生产总值从2016年的2207.4亿元增加到2021年的3244亿元,年均增长5.5%;", "government_work_report", D(2021, 12, 27),
     [("2207.4亿元", "actual", 2016), ("3244亿元", "forecast", 2021), ("5.5%", "forecast", 2021)]),
    # a note that the year's figures are estimates (预计数,下同) outweighs the year not being over (安化, October 2021, part 79)
    ("2021年,全县完成地区生产总值263.5亿元(预计数,下同),年均增长6.94%;规模工业增加值44.5亿元,年均增长5.95%;", "news_report",
     D(2021, 10, 27), [("263.5亿元", "forecast", 2021), ("6.94%", "forecast", 2021), ("44.5亿元", "forecast", 2021),
                       ("5.95%", "forecast", 2021)]),
    # a work report delivered late in the year estimates the year's results after 预计 in its paragraph, though only the
    # first sentence says so (北镇, 28 December 2014, part 75)
    ("——2014年12月28日在北镇市第二届人民代表大会第三次会议上\n2014年工作回顾\n一是经济总体实力稳步提升。预计年末,全市地区生产总值实现156亿元,"
     "增长6%。公共财政预算收入实现12.24亿元,按可比口径增长2%,收入结构和质量进一步优化。", "government_work_report", D(2014, 12, 28),
     [("156亿元", "forecast", 2014), ("6%", "forecast", 2014), ("12.24亿元", "forecast", 2014), ("2%", "forecast", 2014)]),
    # a share of a goal named with its amount is what was done, whatever the goal's own cue (湖北, February 2023, part 65)
    ("交通投资实现突破,2022年累计完成交通固定资产投资1340.6亿元,为年度确保目标1200亿元的111.7%,同比增长15.8%,再创历史新高;",
     "news_report", D(2023, 2, 16), [("1340.6亿元", "actual", 2022), ("1200亿元", "target", 2022), ("111.7%", "actual", 2022),
                                     ("15.8%", "actual", 2022)]),
    # a run of months that has ended when the text is written is that year's, though a progress report early in
    # the year reviews the year before (开平, 19 March 2024, part 70; its Traditional script as cleaning leaves it)
    ("关于2024年1-2月我市重点项目建设进展情况报告\n开平市列入江门市重点项目93项,总投资638.8亿元,年度投资计划127.1亿元,"
     "1-2月累计完成投资20.0亿元,完成年度投资计划的15.7%,慢于序时进度1.0个百分点。", "plan_report", D(2024, 3, 19),
     [("93项", "target", 2024), ("638.8亿元", "target", 2024), ("127.1亿元", "plan", 2024), ("20.0亿元", "actual", 2024),
      ("15.7%", "actual", 2024), ("1.0个百分点", "actual", 2024)]),
    # a share of an estimated amount is estimated too (沈河, October 2021, part 69)
    ("预计全年完成投资135亿元,为年计划的106%。", "news_report", D(2021, 10, 18),
     [("135亿元", "forecast", 2021), ("106%", "forecast", 2021)]),
    # a heading of the goals of the next five years opens a targets section about their last year (湖州's work report, April 2017, part 53)
    ("赶超发展的五年\n地区生产总值从2011年的1520亿元增加到2016年的2243.1亿元;\n今后五年的重点目标\n地区生产总值突破3000亿元;",
     "news_report", D(2017, 4, 22), [("1520亿元", "actual", 2011), ("2243.1亿元", "actual", 2016), ("突破3000亿元", "target", 2021)]),
    # a heading of the year just past, in a report of the year's first half, reviews the year before it (汉滨区's work
    # report, delivered March 2025, published April, part 26)
    ("一、过去一年工作回顾\n(一)坚持项目支撑、招商赋能,经济基础更加坚实。深化“四个一批”项目管理,158个重点项目完成投资189.4亿元。",
     "government_work_report", D(2025, 4, 15), [("158个", "actual", 2024), ("189.4亿元", "actual", 2024)]),
    # the parts (其中) of a goal set for a five-year plan's end are of that end, though only the sentence before names it
    # (万源, January 2021, part 83)
    ("对于已经开启的新的五年征程,中共万源市委副书记、市长倪欣表示,到“十四五”末,万源全市地区生产总值要达到300亿元,生态经济占地区生产总值50%以上。"
     "其中,一产业年均增速保持在2.6%以上、增加值总量冲刺63.3亿元。", "news_report", D(2021, 1, 20),
     [("300亿元", "target", 2025), ("50%以上", "target", 2025), ("2.6%以上", "target", 2025), ("63.3亿元", "target", 2025)]),
    # the time a goal is for (到2020年) carries with its cue past the ; into the goals after it (柳州, March 2016, part 93)
    ("会议提出我市旅游业发展“十三五”主要目标:到2020年,我市实现国内游客达到3600万人次以上,年均增长6%;入境游客26万人次,年均增长7%;"
     "实现旅游总收入500亿元左右。", "news_report", D(2016, 3, 27),
     [("3600万人次以上", "target", 2020), ("6%", "target", 2020), ("26万人次", "target", 2020), ("7%", "target", 2020),
      ("500亿元左右", "target", 2020)]),
    # a count right after the name of a list of 实事 or 民生工程 is the list's task, its parts done the result (乐清's report
    # on its 2022 实事, part 99; 中山's projects of 2024, part 72), unless its own clause tells it done (海南's work report, 2026)
    ("省级民生实事30项,其中“新增持证养老护理员”、“开展职业技能培训”、“建设(筹集)保障性租赁住房”等17项超额完成、占比56.67%;",
     "plan_report", D(2022, 12, 30), [("30项", "target", 2022), ("17项", "actual", 2022), ("56.67%", "actual", 2022)]),
    ("民生工程项目25个,总投资165亿元,启动建设人民医院新院区、岐江新城全民健身中心等重大工程;", "news_report", D(2024, 3, 1),
     [("25个", "target", 2024), ("165亿元", "target", 2024)]),
    ("二、过去五年工作回顾\n实施省级民生实事人大代表票决制,完成省级民生实事48件,财政民生支出保持在70%以上。", "government_work_report",
     D(2026, 1, 27), [("48件", "actual", 2025), ("70%以上", "actual", 2025)]),
    # a goal word in a bracketed aside speaks for its bracket, not for the results after the ; (东安's plan report, 2023, part 97)
    ("2022年是极不平凡的一年。全年实现地区生产总值增长5.9%,高于全市0.8个百分点,排名全市第1位(预期目标为8.5%以上);社会消费品零售总额增长2.7%,排名全市第4位"
     "(预期目标为10.5%以上);地方财政收入增长13.9%,高于全市3.7个百分点。", "plan_report", D(2023, 3, 9),
     [("5.9%", "actual", 2022), ("0.8个百分点", "actual", 2022), ("8.5%以上", "target", 2022), ("2.7%", "actual", 2022),
      ("10.5%以上", "target", 2022), ("13.9%", "actual", 2022), ("3.7个百分点", "actual", 2022)]),
    # a fall is no echo of a goal of growth by the same rate (广州's commerce goals, early 2016, part 93)
    ("日前,广州市商务委发布了全年的工作目标。据称,今年预期,社会消费品零售总额增长10%,出口增长8%。\n"
     "据市商务委负责人介绍,去年,广州实现货物贸易进出口8306.4亿元,增长3.5%;其中出口5034.7亿元,增长12.7%;进口3271.7亿元,下降8%。",
     "news_report", D(2016, 2, 1), [("10%", "target", 2016), ("8%", "target", 2016), ("8306.4亿元", "actual", 2015),
                                    ("3.5%", "actual", 2015), ("5034.7亿元", "actual", 2015), ("12.7%", "actual", 2015),
                                    ("3271.7亿元", "actual", 2015), ("8%", "actual", 2015)]),
    # a line that closes the goals before it (为实现以上目标) makes them goals, though the copy opens inside their list
    # (钟楼's work report of January 2010, part 107)
    ("地区生产总值增长15%;地方一般预算收入增长16%;全社会固定资产投资增长20%;\n为实现以上目标,我们将着重抓好五个方面的工作:",
     "government_work_report", D(2010, 1, 23), [("15%", "target", 2010), ("16%", "target", 2010), ("20%", "target", 2010)]),
    # a count of projects whose share of the year's plan is reported (为年投资计划的) is the list's part, and so is a count with
    # the part started after it though 累计 comes between (湘西's progress report, October 2021, part 101)
    ("1-9月份,316个州重点建设项目累计开复工291个,开复工率92%。\n■按项目类别统计:产业发展项目172个,完成投资295.9亿元,为年投资计划的80%;",
     "plan_report", D(2021, 10, 18), [("316个", "target", 2021), ("291个", "actual", 2021), ("92%", "actual", 2021),
                                      ("172个", "target", 2021), ("295.9亿元", "actual", 2021), ("80%", "actual", 2021)]),
    # the year's list against its schedule (超时序进度), and a list of projects to finish this year before the part finished
    # (山东, October 2024, part 151)
    ("省市县三级协同推进15000个重点项目,前三季度完成投资2.3万亿元、超时序进度10.1个百分点。台账式推进3827个年度拟投产项目,已竣工2751个。",
     "news_report", D(2024, 10, 25), [("15000个", "target", 2024), ("2.3万亿元", "actual", 2024),
                                      ("10.1个百分点", "actual", 2024), ("3827个", "target", 2024), ("2751个", "actual", 2024)]),
    # a list's count before its year's planned investment, its lifetime total 估算 (大连, July 2010, part 149)
    ("其中,在建项目1056个,估算总投资9076亿元,当年计划投资2382亿元;", "news_report", D(2010, 7, 19),
     [("1056个", "target", 2010), ("9076亿元", "target", 2010), ("2382亿元", "plan", 2010)]),
    # the year's list of 惠民实事 is a heading of tasks: its items are goals (昆明, February 2023, part 155)
    ("昆明市2023年10件惠民实事\n一、 扩大优质教育资源。新增公办幼儿园40所,引进名师、名长70人。", "plan_report", D(2023, 2, 21),
     [("10件", "target", 2023), ("40所", "target", 2023), ("70人", "target", 2023)]),
    # projects said to have started (已新开工) are done, after the count of those the plan set (长乐, November 2016, part 103)
    ("计划新开工重点项目67项,年度计划投资110.3亿元,1-10月份完成投资74.12亿元,完成年度计划投资的67.2%。30个项目已新开工建设。",
     "news_report", D(2016, 11, 25), [("67项", "target", 2016), ("110.3亿元", "plan", 2016), ("74.12亿元", "actual", 2016),
                                      ("67.2%", "actual", 2016), ("30个", "actual", 2016)]),
    # a task that opens the list after it (任务为,) reaches past its comma (郑州, December 2015, part 91)
    ("今年,郑州的中小学幼儿园建设任务为,市区新建、改扩建中小学30所,增加学位30000个以上。", "news_report", D(2015, 12, 16),
     [("30所", "target", 2015), ("30000个以上", "target", 2015)]),
    # five years looked back on in December end with the year nearly over (郑州, 16 December 2015, part 91)
    ("今年是“十二五”收官之年。数据显示,五年来,郑州市区共新建、改扩建中小学165所,其中小学114所、初中51所。", "news_report", D(2015, 12, 16),
     [("165所", "actual", 2015), ("114所", "actual", 2015), ("51所", "actual", 2015)]),
    # four years looked back on (四年来) end with the year before (咸阳's work report, March 2017, part 84)
    ("四年来,始终把改善民生作为头等大事,民生累计投入达到1163.5亿元,占到财政总支出的82.7%。", "news_report", D(2017, 3, 14),
     [("1163.5亿元", "actual", 2016), ("82.7%", "actual", 2016)]),
    # an anniversary's years looked back on end with the last full year (兴安盟, August 2019, part 54)
    ("新中国成立70年来内蒙古兴安盟经济总量增长64倍", "press_conference", D(2019, 8, 26), [("64倍", "actual", 2018)]),
    # within three years (3年内) is a span of goals from the year it is said (湖北, June 2017, part 47)
    ("3年内计划投资180亿元,新增港口通过能力4000万吨,新增高等级航道100公里。", "news_report", D(2017, 6, 12),
     [("180亿元", "plan", 2019), ("4000万吨", "target", 2019), ("100公里", "target", 2019)]),
    # the next three years are a span of goals, as the next five are (河北's three-year action, April 2025, part 49)
    ("未来三年集群营收年均增长8%河北印发方案吹响重点特色产业集群“冲锋号”", "news_report", D(2025, 4, 18), [("8%", "target", 2027)]),
    # an arrangement beyond its clause reaches money, not the work to be done with it (湖北's ten projects, 2017, part 52)
    ("水利设施补强方面,计划投资47亿元,加固堤防850公里。普通公路及安防工程,计划投资291亿元,新改建农村公路30000公里。", "news_report",
     D(2017, 6, 12), [("47亿元", "plan", 2017), ("850公里", "target", 2017), ("291亿元", "plan", 2017), ("30000公里", "target", 2017)]),
    # …and of the work report's goal tasks, unless they are said to be done (连云港 2019, part 51; 四川 2020)
    ("从督查情况看,各责任单位落实有效举措,150项目标任务整体推进落实较好。省人大审议批准的2019年12项主要目标任务圆满完成。",
     "plan_report", D(2019, 10, 30), [("150项", "target", 2019), ("12项", "actual", 2019)]),
    # a year's end estimated is an estimate (红安, 31 December 2022, part 53); a year ahead estimated stays a goal (贵州 2018)
    ("预计到2022年底,全县实现GDP243亿元,增长7%左右;规上工业增加值增长15%;", "news_report", D(2022, 12, 31),
     [("243亿元", "forecast", 2022), ("7%左右", "forecast", 2022), ("15%", "forecast", 2022)]),
    ("贵州省省公路局局长张胤表示,预计到2019年,全省将实现村民组100%通公路。", "news_report", D(2018, 5, 2),
     [("100%", "target", 2019)]),
    # 展望 (looking ahead) heads the year's goals as 回顾 heads the review (商洛, February 2018, part 46)
    ("回顾2017年\n生产总值增长9.5%,规模以上工业增加值增长14.5%\n展望2018年\n生产总值增长9%左右,规模以上工业增加值增长12%左右\n"
     "全年接待游客人数超过5000万人次", "news_report", D(2018, 2, 25),
     [("9.5%", "actual", 2017), ("14.5%", "actual", 2017), ("9%左右", "target", 2018), ("12%左右", "target", 2018),
      ("超过5000万人次", "target", 2018)]),
    # 去年计划 states last year's goal beside what was done (龙岩, January 2015, part 46)
    ("去年计划继续实施中小学扩容建设项目12个。现12个项目均已开工,新增学位5790个。", "news_report", D(2015, 1, 1),
     [("12个", "target", 2014), ("12个", "actual", 2014), ("5790个", "actual", 2014)]),
    # the year's plan a share is taken of (年计划) is the goal; an aside in brackets speaks for itself (荔城, February
    # 2023, part 46)
    ("初步预计,荔城地区生产总值635亿元,完成年计划710亿元的89.4%(主要是二产、三产未达预期目标),增长2.0%。", "plan_report",
     D(2023, 2, 6), [("635亿元", "forecast", 2022), ("710亿元", "target", 2022), ("89.4%", "forecast", 2022),
                     ("2.0%", "forecast", 2022)]),
    # 规划投资 sets money aside in its own clause, as 计划投资 does; what is built with it stays the goal (驻马店,
    # March 2023, part 46)
    ("2023年我市规划投资58.7亿元,新建、改扩建中小学、幼儿园156所,建成投用后将增加学位11.45万个。", "press_conference",
     D(2023, 3, 8), [("58.7亿元", "plan", 2023), ("156所", "target", 2023), ("11.45万个", "target", 2023)]),
    ("1-10月份,147项市政府重点工作总体进展顺利,其中:137项按序时推进,7项未达预期目标。", "government_work_report",
     D(2025, 11, 20), [("147项", "actual", 2025), ("137项", "actual", 2025), ("7项", "actual", 2025)]),
    # a bare 全年 after a year its own sentence names is that year's (宁波, February 2013, part 21)
    ("报告说,2012年,宁波全年实现地区生产总值6524.7亿元,GDP增长7.8%;市区居民人均可支配收入达到37902元。", "news_report",
     D(2013, 2, 22), [("6524.7亿元", "actual", 2012), ("7.8%", "actual", 2012), ("37902元", "actual", 2012)]),
    # a share of a goal without 的 is how much of it was done, and the goal word is no cue for what was done
    # (达州, August 2018, part 42)
    ("全市230个重点项目完成投资291.5亿元,占前三季度目标任务78.5%。从项目批次来看,加快建设项目完成投资182.1亿元,"
     "占前三季度目标任务73.5%;", "plan_report", D(2018, 8, 30),
     [("230个", "actual", 2018), ("291.5亿元", "actual", 2018), ("78.5%", "actual", 2018), ("182.1亿元", "actual", 2018),
      ("73.5%", "actual", 2018)]),
    # 已 says what is done in its own clause, past a goal word earlier in the sentence; a share of the year's task is
    # how much was done (河北, July 2023, part 43)
    ("口袋公园建设方面,河北今年的任务目标是:每个县(市、区)建成1个高品质口袋公园,全省共建成166个,已全部开工,其中已建成151个、"
     "建成率90.9%。上半年已开工10.48万套、建成7.43万套,分别完成年度任务的87.3%、92.9%。",
     "press_conference", D(2023, 7, 27),
     [("1个", "target", 2023), ("166个", "target", 2023), ("151个", "actual", 2023), ("90.9%", "actual", 2023),
      ("10.48万套", "actual", 2023), ("7.43万套", "actual", 2023), ("87.3%", "actual", 2023), ("92.9%", "actual", 2023)]),
    # a bare 全年 after a year over is over: what it holds is a result (竹山, March 2010, part 43)
    ("2009年,竹山县围绕“项目强县”战略,共申报项目155个,争取项目资金6.4亿元。全年通过招商引资签约项目88个,协议引资68.3亿元。",
     "news_report", D(2010, 3, 16),
     [("155个", "actual", 2009), ("6.4亿元", "actual", 2009), ("88个", "actual", 2009), ("68.3亿元", "actual", 2009)]),
    # 保持增长 is how a plan states its rates (临沂, March 2014, part 43)
    ("在固定资产投资、社会消费品零售总额、进出口方面,分别保持增长20%、13%和14%以上。", "plan_report", D(2014, 3, 26),
     [("20%", "target", 2014), ("13%", "target", 2014), ("14%以上", "target", 2014)]),
    # the eleventh and twelfth five-year plans are periods too (北京, January 2011; 辽宁, March 2011; part 43)
    ("“十一五”期间,北京市地区生产总值年均增长11%以上,总量超过1.3万亿元。", "news_report", D(2011, 1, 18),
     [("11%以上", "actual", 2010), ("超过1.3万亿元", "actual", 2010)]),
    ("“十二五”期间,辽宁省将续建、新建、改扩建高速公路项目33个,建设总里程2600公里。", "news_report", D(2011, 3, 4),
     [("33个", "target", 2015), ("2600公里", "target", 2015)]),
    # a numbered point that runs on in its line is no heading: its counts are figures (丹东, 2016, part 44); nor is
    # 一、二、三产业 (广西, January 2026)
    ("一、已经完成或基本完成的指标任务,共计19项。主要是“完成公车改革任务”等,这些指标占任务总数的15.2%。", "news_report",
     D(2016, 12, 9), [("19项", "actual", 2016), ("15.2%", "actual", 2016)]),
    ("一、2025年工作回顾\n——经济增长稳中有进。一、二、三产业增加值分别增长4.2%、5%、5.4%。规上工业增加值增长7.7%。",
     "government_work_report", D(2026, 1, 26),
     [("4.2%", "actual", 2025), ("5%", "actual", 2025), ("5.4%", "actual", 2025), ("7.7%", "actual", 2025)]),
    # 上年 before 水平 is the level compared with, not the period of the goals after it (安徽, January 2020, part 40)
    ("報告提出2020年國民經濟和社會發展計劃主要預期目標:地區生産總值增長7.5%;財政收入保持上年水準;社會消費品零售總額增長9.5%左右;"
     "固定資産投資增長10%左右;", "news_report", D(2020, 1, 13),
     [("7.5%", "target", 2020), ("9.5%左右", "target", 2020), ("10%左右", "target", 2020)]),
    # a year's list of projects: what is to be done (重点实施) is the goal, the year's planned investment an
    # arrangement (江西, February 2022, part 40; both of its labellers agree)
    ("看“品种”:\n一是基础设施领域,重点实施交通、能源、水利等基础设施大中型项目641个。往年已开工在建项目1742个,"
     "计划年度完成投资6394亿元。", "news_report", D(2022, 2, 16),
     [("641个", "target", 2022), ("1742个", "actual", 2022), ("6394亿元", "plan", 2022)]),
    # a year since an event in it (今年…行动以来) is a span that is over: what was done in it is a result (吉林, April
    # 2020, part 40)
    ("新华社长春4月15日电(记者张建)记者15日从吉林省政府获悉,今年该省启动“早落地、早开工、早见效”行动以来,"
     "开复工大项目超过1300个,总投资规模近一万亿元。", "news_report", D(2020, 4, 15),
     [("超过1300个", "actual", 2020), ("近一万亿元", "actual", 2020)]),
    # 过去的一年 opening a paragraph makes its bare 全年 last year's, in a session held late (宝鸡, May 2020, part 41)
    ("市长惠进才代表市人民政府向大会作工作报告。\n过去的一年,宝鸡发展质量稳步提升,项目建设有力推进。"
     "全年实现地区生产总值2223.81亿元,总量居全省第三,增长3.5%;", "news_report", D(2020, 6, 1),
     [("2223.81亿元", "actual", 2019), ("3.5%", "actual", 2019)]),
    # a goal word after the first figure of a sentence ending in ; still carries to the next (辽宁, January 2011,
    # part 41): a count of counties comes first, then 确保
    ("全省44个县(市)地区生产总值要确保增长25%左右,地方财政一般预算收入确保增长35%以上;重点扶持亿元以上农产品加工企业,"
     "全省农业产业化龙头企业实现销售收入4050亿元,其中规模以上农产品加工业实现增加值2300亿元;", "news_report", D(2011, 1, 17),
     [("44个", "actual", 2010), ("25%左右", "target", 2011), ("35%以上", "target", 2011), ("4050亿元", "target", 2011),
      ("2300亿元", "target", 2011)]),
    # a list's count with its share of the year's plan after the months between, and with 投入资金 (哈尔滨's 发改委, October
    # 2011, part 94; 开封, September 2019, part 94); the amount whose share follows is what was done
    ("由各县(市)负责推进的市重点项目77个,前三季度共投入资金79亿元,占年度计划的81.7%,目前已开(复)工项目75个。", "news_report",
     D(2011, 10, 20), [("77个", "target", 2011), ("79亿元", "actual", 2011), ("81.7%", "actual", 2011), ("75个", "actual", 2011)]),
    ("续建项目102个,1—8月份累计完成投资260.16亿元,占年计划的83.55%,续建项目整体有序推进。", "plan_report", D(2019, 9, 10),
     [("102个", "target", 2019), ("260.16亿元", "actual", 2019), ("83.55%", "actual", 2019)]),
    # the whole of a list before its part started, after a quoted name or 中,有 or 实际 (黑河, August 2019, part 96; 邢台, July 2016;
    # 焦作, 2011)
    # (the sentence from 共 on: the parts before it, 3个产业项目和33个…项目, are the list's too and not yet found)
    ("共36个省“百大项目”,已开复工24个,开复工率66.7%。", "news_report",
     D(2019, 8, 20), [("36个", "target", 2019), ("24个", "actual", 2019), ("66.7%", "actual", 2019)]),
    ("176个年度计划新开项目实际开工150个,项目开工率达85%,为历年最高;", "news_report", D(2011, 12, 20),
     [("176个", "target", 2011), ("150个", "actual", 2011), ("85%", "actual", 2011)]),
    # an amount done whose share of the year's plan follows is a result though the year is not over, and so is a share
    # written without 的 (惠东, September 2022, part 88; 邯郸, August 2013, part 78)
    ("县重点建设项目43宗,完成投资29.2亿元,完成年度计划的47.1%,低于序时进度32.9个百分点。", "plan_report", D(2022, 9, 20),
     [("43宗", "target", 2022), ("29.2亿元", "actual", 2022), ("47.1%", "actual", 2022), ("32.9个百分点", "actual", 2022)]),
    ("今年市级40项重大项目已完成投资229.3亿元,占年计划60.5%。", "news_report", D(2013, 8, 20),
     [("40项", "target", 2013), ("229.3亿元", "actual", 2013), ("60.5%", "actual", 2013)]),
    # the whole a part of which is then said to be started is the list's task (邯郸, August 2013, part 78), and that evidence is
    # the count's own, not the sentence's; a breakdown of a list is no part started (湖南, 2023, part 3, labelled as results)
    ("60项计划新开工项目中,武安新能源产业园、邯郸县品能制氧机、大名县硕尔配电设备等50个项目开工建设,开工率达到83.3%。", "news_report",
     D(2013, 8, 20), [("60项", "target", 2013), ("50个", "actual", 2013), ("83.3%", "actual", 2013)]),
    ("324个省重点建设项目中,基础设施项目121个、产业发展项目178个、社会民生项目15个、生态环保项目10个。", "news_report",
     D(2023, 2, 10), [("324个", "actual", 2023), ("121个", "actual", 2023), ("178个", "actual", 2023), ("15个", "actual", 2023),
                      ("10个", "actual", 2023)]),
    # a note (预计数,下同) right after a figure makes it an estimate whatever the list's heading says, and so are the later
    # figures of its year in its section, in lines of their own too (张家港's plan report, January 2022, part 117); not the
    # next section's (the narrative under (一) after the list)
    ("一、2021年国民经济和社会发展计划执行情况\n全市主要发展指标总体实现市十四届人大五次会议确定的预期目标:\n"
     "——地区生产总值按可比价增长8%左右(预计数,下同);\n——一般公共预算收入264.13亿元、增长5.5%;\n"
     "(一)全力以赴抓项目、促创新,转型升级迈出新步伐\n产业链群强劲发力。聚力做强“4+4”重点产业链,系统实施“引增量、锻长板、补短板、强企业”四项工程,"
     "扎实推进35个特色产业园区建设。", "plan_report", D(2022, 1, 7),
     [("8%左右", "forecast", 2021), ("264.13亿元", "forecast", 2021), ("5.5%", "forecast", 2021), ("35个", "actual", 2021)]),
    # a list's count before its progress against the year's plan is the list's task whatever the months say (常州, May 2015,
    # part 117); not projects started (安徽, May 2024, part 119)
    ("1-4月,我市150个重点项目中148个实施项目累计完成投资177.8亿元,完成年度计划的28.4%。", "news_report", D(2015, 5, 8),
     [("150个", "target", 2015), ("148个", "target", 2015), ("177.8亿元", "actual", 2015), ("28.4%", "actual", 2015)]),
    ("安徽商报融媒体记者从省发展改革委了解到,1~4月份,全省已开工重点项目318个,完成投资2253亿元,投资完成率34.4%。", "news_report",
     D(2024, 5, 24), [("318个", "actual", 2024), ("2253亿元", "actual", 2024), ("34.4%", "actual", 2024)]),
    # in a review of a year not over, after (预计,下同), amounts and rates are estimates but a tally of things done is counted;
    # the count of tasks said to be well done is done (旅顺口's work report, 24 December 2022, part 117)
    ("一、2022年政府工作回顾\n2022年是极不平凡的一年。一年来,…较好完成区十九届人大一次会议确定的年度目标和五项重点任务。\n"
     "(一)全力以赴抓经济、稳增长。强化调度挖潜力。全年实现地区生产总值285亿元(预计,下同),增长5.5%(同比,下同);一般公共预算收入38亿元,"
     "增长111.4%;…深入开展“百日招商行动”,区级领导带头“走出去”“请进来”招商177次,累计洽谈项目235个,签约落地101个,省外实际到位资金113.1亿元、",
     "government_work_report", D(2022, 12, 24),
     [("五项", "actual", 2022), ("285亿元", "forecast", 2022), ("5.5%", "forecast", 2022), ("38亿元", "forecast", 2022),
      ("111.4%", "forecast", 2022), ("177次", "actual", 2022), ("235个", "actual", 2022), ("101个", "actual", 2022),
      ("113.1亿元", "forecast", 2022)]),
    # a rate of what was started is what was done after the list's plan (山西, September 2013, part 52), not a floor set
    # (沈阳, March 2018, part 31)
    ("本年度省重点工程计划新开工项目194项,截至9月底已开工145项,开工率74.7%。", "plan_report", D(2013, 9, 30),
     [("194项", "target", 2013), ("145项", "actual", 2013), ("74.7%", "actual", 2013)]),
    ("按照市政府要求,3月底开工率不低于30%,6月底开工率不低于60%。", "press_conference", D(2018, 3, 20),
     [("不低于30%", "target", 2018), ("不低于60%", "target", 2018)]),
    # a list's state: 未复工, 终止 (山西, December 2018, part 123)
    ("续建项目171项,已经复工164项,未复工5项,终止两项。", "news_report", D(2018, 12, 20),
     [("171项", "target", 2018), ("164项", "actual", 2018), ("5项", "actual", 2018), ("两项", "actual", 2018)]),
    # the year's tasks before the part done are the reviewed year's goal, not a count of the report's parts (盘锦's notice on
    # its 2015 tasks, January 2016, part 125); a rate of what was done outweighs the plan and the year not over (河北,
    # October 2020, part 127)
    ("一、2015年重点工作完成情况\n全年任务658项,完成628项,完成率95.4%;", "plan_report", D(2016, 1, 20),
     [("658项", "target", 2015), ("628项", "actual", 2015), ("95.4%", "actual", 2015)]),
    ("2020年全省计划启动剩余的192个城中村改造项目,目前已启动189个,启动率为98.4%。", "press_conference", D(2020, 10, 20),
     [("192个", "target", 2020), ("189个", "actual", 2020), ("98.4%", "actual", 2020)]),
    # a count of 民心工程 or 民生工程 is a list of the year's tasks like 实事 (河北's presser, December 2019, part 127; 大连,
    # 2021, part 43); so is the count of the projects a list takes in (山西, September 2019, part 127; 长沙, April 2024, part 131)
    ("河北住建系统6项民心工程年度成绩单来了", "press_conference", D(2019, 12, 26), [("6项", "target", 2019)]),
    ("截至6月底,全市15项重点民生工程24个项目顺利推进。", "news_report", D(2021, 7, 10), [("15项", "target", 2021), ("24个", "target", 2021)]),
    ("8月份,第二批省级重点工程确定88项,其中建设项目54项,前期项目34项。", "plan_report", D(2019, 9, 19),
     [("88项", "target", 2019), ("54项", "target", 2019), ("34项", "target", 2019)]),
    ("长沙列入省重点建设的社会民生项目15个,覆盖住房、医疗、教育领域。", "news_report", D(2024, 4, 15), [("15个", "target", 2024)]),
    # a story on one part of the work report's 重点工作安排 tells the year's tasks, its 全年 this year's though written in
    # January (营口, 15 January 2011, part 125)
    ("2011年营口“着力抓好民生工程”\n在今年召开的“两会”上,《政府工作报告》同去年一样,依然将修建街路、改造旧住宅小区、新建廉租房等“民生工程”"
     "列为新一年的“重点工作安排”,体现了政府对百姓生活的重视和关注。\n《政府工作报告》“2011年重点工作安排”之八为“着力抓好民生工程”。\n"
     "继续实施已启动的民生工程。全年实现实名制就业5万人,城镇登记失业率控制在3.5%以内;\n"
     "启动一批群众关注、当年能够完成的民生工程。对北辰街、联盟路等12条主干道部分路段进行改造和建设;对70条街巷路进行综合改造;",
     "news_report", D(2011, 1, 15),
     [("5万人", "target", 2011), ("3.5%以内", "target", 2011), ("12条", "target", 2011), ("70条", "target", 2011)]),
    # the money a task is given, told before it, is an arrangement (拉萨's work report, 2018, part 139); a share of the
    # year's planned investment done and the lead over the schedule are results (晋安, April 2022, part 133); a count of the
    # list's projects a clause of ten characters before its planned investment is the list's task (西安, January 2021, part 137)
    ("推进“四好农村路”建设。投资28亿元,新建、改建农村公路", "news_report", D(2018, 1, 1), [("28亿元", "plan", 2018)]),
    ("年度计划投资373.5亿元,1-3月完成投资148.43亿元,占年度计划投资39.74%,超序时进度14.74%。", "plan_report", D(2022, 4, 22),
     [("373.5亿元", "plan", 2022), ("148.43亿元", "actual", 2022), ("39.74%", "actual", 2022), ("14.74%", "actual", 2022)]),
    ("推进177个先进制造业项目建设,年度计划投资751.27亿元;", "press_conference", D(2021, 1, 25),
     [("177个", "target", 2021), ("751.27亿元", "plan", 2021)]),
    # after (预计数,下同) the year's later figures are estimates though written as goals are (常德, 26 December 2019, part 135)
    ("2019年,全市全年经济运行稳中向好,地区生产总值增长8%左右(预计数,下同),固定资产投资增长10%以上,产业投资占比54%,"
     "地方一般公共预算收入增长5%以上,规模工业增加值增长8%以上,", "news_report", D(2019, 12, 26),
     [("8%左右", "forecast", 2019), ("10%以上", "forecast", 2019), ("54%", "forecast", 2019), ("5%以上", "forecast", 2019),
      ("8%以上", "forecast", 2019)]),
    # the five years ahead named late in a year begin with the next (同安's work report as a story, 25 December 2025, part 133)
    ("未来五年,同安区将建设要素汇聚、功能全面、特色鲜明、宜居宜业的厦门北部现代化新城区。经济社会发展主要目标是,地区生产总值达1220亿元,年均增长6.5%,",
     "news_report", D(2025, 12, 25), [("1220亿元", "target", 2030), ("6.5%", "target", 2030)]),
    # the projects a ceremony started, told as 本次开工 or 本次集中开复工 (陇县, May 2023, part 100; 通渭, March 2020, part 92)
    ("本次开工的还有投资5亿元的陕西华电100MW农光互补光伏发电、1.2亿元的新型材料白砂生产线等11个工业能源类项目;", "news_report",
     D(2023, 5, 14), [("5亿元", "actual", 2023), ("1.2亿元", "actual", 2023), ("11个", "actual", 2023)]),
    # the list before its part started after a comma (烟台, July 2022, part 143); a list of 工程 before its progress against
    # the year's plan, the count's clause closed by a comma (西安, May 2019, part 147)
    ("162个省级重点建设类项目,开复工152个、开复工率93.8%,累计完成投资669.2亿元、投资完成率65.6%。", "news_report", D(2022, 7, 30),
     [("162个", "target", 2022), ("152个", "actual", 2022), ("93.8%", "actual", 2022), ("669.2亿元", "actual", 2022),
      ("65.6%", "actual", 2022)]),
    ("按责任部门来看,8个开发区承担的427个市级重点项目,共完成投资945.14亿元,占年度计划的40.57%。", "news_report", D(2019, 5, 20),
     [("8个", "actual", 2019), ("427个", "target", 2019), ("945.14亿元", "actual", 2019), ("40.57%", "actual", 2019)]),
    # the indicators a list is assessed by, set out after 考核指标分别是:, are its goals, the cue carried over the ;
    # (湖南's 为民办实事 of 2008, part 259)
    ("29项考核指标分别是:城市义务教育学生学杂费免除率100%;建设义务教育阶段合格学校730所;新建农村沼气池15万口;", "plan_report",
     D(2008, 4, 1), [("100%", "target", 2008), ("730所", "target", 2008), ("15万口", "target", 2008)]),
    # the count of projects an arrangement names after it, and the parts told in the next sentence, are the list's
    # task, the money the arrangement (北京, February 2011, part 255)
    ("今年北京计划投资1610亿元,拟安排230个重点建设项目。其中,续建项目151项,新开项目79项。", "news_report", D(2011, 2, 5),
     [("1610亿元", "plan", 2011), ("230个", "target", 2011), ("151项", "target", 2011), ("79项", "target", 2011)]),
    # an arrangement that opens a paragraph reaches a quantity after its ; as a goal, not past a sentence that tells the
    # progress up to a day (黑龙江's housing, August 2014, part 269)
    ("黑龙江省今年计划投资300亿元,开工建设保障性安居工程15.44万套;基本建成16.4万套。截至7月底,该省保障性安居工程完成投资164亿元;"
     "开工10.14万套、开工率达65.7%;", "plan_report", D(2014, 8, 15),
     [("300亿元", "plan", 2014), ("15.44万套", "target", 2014), ("16.4万套", "target", 2014), ("164亿元", "actual", 2014),
      ("10.14万套", "actual", 2014), ("65.7%", "actual", 2014)]),
    # a year's list of key projects arranged: its counts and their total investment are the list's task, the year's
    # planned investment the arrangement (长乐, November 2016; 喀什, June 2015, part 275)
    ("据介绍,今年,我市共安排重点项目270项,总投资4065.5亿元,年度计划396.6亿元。", "news_report", D(2016, 11, 1),
     [("270项", "target", 2016), ("4065.5亿元", "target", 2016), ("396.6亿元", "plan", 2016)]),
    ("2015年地区安排重点项目155项,其中:在建项目64项,新开工项目46项。", "plan_report", D(2015, 6, 19),
     [("155项", "target", 2015), ("64项", "target", 2015), ("46项", "target", 2015)]),
    # a note that names the base between 预计 and 下同 makes the later figures estimates too (湘潭县, December 2022, part 281)
    ("全年地区生产总值增长5.5%(预计,同比,下同);规模工业增加值270亿元,增长8%;", "government_work_report", D(2022, 12, 23),
     [("5.5%", "forecast", 2022), ("270亿元", "forecast", 2022), ("8%", "forecast", 2022)]),
    # each of a list of levels a change starts from is the level now, the levels it goes to the goal (肇庆, 2020, part 281)
    ("将城镇、农村低保人均最低补差水平从每人每月574元、271元分别提高到每人每月609元、300元。", "plan_report", D(2020, 1, 1),
     [("574元", "actual", 2019), ("271元", "actual", 2019), ("609元", "target", 2020), ("300元", "target", 2020)]),
    # a key list's count before its progress is the list's, whatever months the progress covers (唐山, May 2015)
    ("前4个月,全市210个重点项目完成投资517.5亿元,为全市经济稳定健康发展提供了有力支撑。", "news_report", D(2015, 5, 20),
     [("210个", "target", 2015), ("517.5亿元", "actual", 2015)]),
    # a year not over is no goal where the clause measures what it has brought so far against the same months before
    # (黑龙江, a press conference of 2022)
    ("今年省级重点项目已完成投资1273亿元,比去年同期增加405亿元,投资完成率61.8%。", "press_conference", D(2022, 8, 10),
     [("1273亿元", "actual", 2022), ("405亿元", "actual", 2022), ("61.8%", "actual", 2022)]),
    # a five-year plan with years to run is a span ahead (海南's work report told in January 2016, part 337); one ending
    # the next year is mostly done (山西, December 2024)
    ("“十三五”期间,海南要使经济保持平稳较快增长,实现海南全省生产总值年均增长7%。", "news_report", D(2016, 1, 26),
     [("7%", "target", 2020)]),
    ("“十四五”期间山西完成交通固定资产投资2816亿元。", "press_conference", D(2024, 12, 20), [("2816亿元", "actual", 2025)]),
    # a share of a goal named by what it counts, or of what was due, is what was done (河北, August 2009, part 341)
    ("截至7月底,今年河北新建廉租住房项目已开工60个、15913套,占责任目标套数的63.7%。", "plan_report", D(2009, 8, 1),
     [("60个", "actual", 2009), ("15913套", "actual", 2009), ("63.7%", "actual", 2009)]),
    # months written with a tilde are a period over like 1-4月份 (内蒙古, May 2012, part 341)
    ("据了解,今年全区重点调度的209项新建工业项目,1~4月份开工50项。", "plan_report", D(2012, 5, 24),
     [("209项", "target", 2012), ("50项", "actual", 2012)]),
    # the year's planned spending, whatever it is called between 计划完成 and 投资, is an arrangement (湖北, January 2022);
    # one with a goal's floor is a goal (河南, 2021)
    ("今年全省计划完成市政基础设施投资3500亿元,重点谋划推进补齐短板等项目。", "news_report", D(2022, 1, 20),
     [("3500亿元", "plan", 2022)]),
    # a heading that calls its figures estimates makes them so where they have no cue of their own (天宁, early 2016, part 351)
    ("一、2015年计划执行情况\n(一)主要指标预计完成情况\n地区生产总值完成635亿元,增长8%;\n", "plan_report", D(2016, 1, 10),
     [("635亿元", "forecast", 2015), ("8%", "forecast", 2015)]),
    # a goal in brackets after its name, before the share of it done (湖州, October 2020, part 351)
    ("1-7月,全市新开工装配式建筑面积480.27万平方米,完成省定任务指标(650万平方米)的73.9%。", "plan_report", D(2020, 10, 28),
     [("480.27万平方米", "actual", 2020), ("650万平方米", "target", 2020), ("73.9%", "actual", 2020)]),
    # a list before its part started, the list's levels listed with 、 (河源, August 2014, part 353)
    ("截至7月底,全市110个省、市重点项目已有100个动工建设,动工率达90.9%。", "plan_report", D(2014, 8, 15),
     [("110个", "target", 2014), ("100个", "actual", 2014), ("90.9%", "actual", 2014)]),
    # what a year can reach is an estimate (国家旅游局, 2007); a place within reach is not (就近可达, 广东 2025)
    ("全年出境旅游可达3400万人次,增长10%。", "news_report", D(2007, 12, 20), [("3400万人次", "forecast", 2007), ("10%", "forecast", 2007)]),
    # the gap to a goal's rate is a result; money won (争取到) is a result, striving until a day (争取到年底) a goal (东兰, August
    # 2016, part 361; 浙江, January 2006, part 359)
    ("GDP超过目标增速0.3个百分点,全县争取到易地扶贫专项资金1.05亿元。", "plan_report", D(2016, 8, 1),
     [("0.3个百分点", "actual", 2016), ("1.05亿元", "actual", 2016)]),
    ("今年,我省争取到年底全省农民信箱注册用户达50万户以上。", "news_report", D(2006, 1, 14), [("50万户以上", "target", 2006)]),
    # a campaign of farm water works from this winter to next spring is a span ahead, of the year it ends in (内蒙古, autumn
    # 2013, part 349); told in the spring, the one under way (北京, February 2013)
    ("今冬明春,内蒙古加强水利工程挖潜改造,修复灾毁水利工程155处,新修加固堤防90公里。", "plan_report", D(2013, 10, 1),
     [("155处", "target", 2014), ("90公里", "target", 2014)]),
    # a task that opens its list after a colon (杭州, May 2021, part 367)
    ("一、2021年,省建设厅下达的年度棚改安置房建设任务为:完成开工24671套、基本建成23103套。", "plan_report", D(2021, 5, 31),
     [("24671套", "target", 2021), ("23103套", "target", 2021)]),
    ("2021年,我省计划完成公路水路基础设施投资1000亿元以上。", "news_report", D(2021, 1, 20), [("1000亿元以上", "target", 2021)]),
]


@pytest.mark.parametrize("text, genre, published, expected", KIND_CASES)
def test_kind_and_year_from_structure_and_cues(text, genre, published, expected):
    rows = _rows(text, genre, published)
    got = [(r.quote, r.rule_kind, r.period_end.year) for r in rows.itertuples()]
    assert got == expected


# Of the figures of KIND_CASES, those whose kind the model gives as the table does (2026-12-07: 1,079 of 1,091, 0.989;
# 0.990-0.992 on the models trained on fewer documents). The model weighs the rules' verdict with the words around a
# figure; on these short snippets it has less to go on than in a document (few headings), so it may overrule a rule,
# but seldom.
MODEL_KEEPS_HARD_CASES = 0.985


def test_the_model_keeps_the_hard_cases():
    figures = kept = 0
    overruled = []
    for text, genre, published, expected in KIND_CASES:
        rows = _rows(text, genre, published)
        for (quote, kind, _), got in zip(expected, rows["kind"]):
            figures += 1
            kept += got == kind
            if got != kind:
                overruled.append((quote, kind, got, text[:40]))
    assert kept / figures >= MODEL_KEEPS_HARD_CASES, overruled


@pytest.mark.parametrize("title, year", [
    # a story of projects signed and started at an event speaks of the year it is told in, even in January (淮滨, 30
    # January 2023, part 233)
    ("总投资540.71亿元 信阳市淮滨县65个项目集中签约、开工、投产", 2023),
    # a January story without one reviews the year before
    ("淮滨县重点项目建设成效显著", 2022),
])
def test_a_january_story_of_an_event_speaks_of_its_own_year(title, year):
    text = "据了解,淮滨县新增纳入省第七期“三个一批”项目合计65个,总投资540.71亿元。"
    document = {"doc_id": "x", "text": text, "published_date": D(2023, 1, 30), "genre": "news_report",
                "place": None, "place_code": None, "title": title}
    rows = pd.DataFrame(extract_indicators(document, split_sentences(text)))
    assert [(q, end.year) for q, end in zip(rows["quote"], rows["period_end"])] == [("65个", year), ("540.71亿元", year)]


def test_relative_periods_of_an_undated_text_have_no_dates():
    """A press release without a date: 今年 and 一季度 name no year (they were once read as 2000)."""
    rows = _rows("一季度,全市地区生产总值增长5.7%。今年确立了“规上工业增加值增长8%”的预期目标。",
                 "press_conference", None)
    assert list(rows["period"]) == ["一季度", "今年"]
    assert rows["period_start"].isna().all() and rows["period_end"].isna().all()
    assert list(rows["kind"]) == ["actual", "target"]


def test_a_part_of_projects_started_is_no_list_task():
    """哈尔滨, 2022 (part 12): 223个 has the year's planned investment after it, as a list's count does, but it is a part
    of the 290 projects started that day, earlier in its paragraph (kinds.PROJECTS_STARTED)."""
    rows = _rows("4月7日,集中开工重点项目290个,今年计划完成投资392.8亿元,其中,省级重点项目67个,今年计划完成投资241.7亿元;"
                 "市级重点项目223个,今年计划完成投资151.1亿元。", "news_report", D(2022, 8, 21))
    kinds = dict(zip(rows["quote"], rows["kind"]))
    assert (kinds["290个"], kinds["223个"]) == ("actual", "actual")


def test_kind_evidence_is_kept():
    rows = _rows("三、2026年重点工作\n全年新开工亿元以上项目200个以上。力争规上工业增加值增长6%。")
    assert list(rows["kind_cue"]) == ["section:tasks", "力争"]
    assert list(rows["section_role"]) == ["tasks", "tasks"]
    assert list(rows["rule_kind"]) == list(rows["kind"]) == ["target", "target"]
    # the model names what weighed most for its kind against the runner-up, with the weight: "rule=target +1.42; …"
    assert all(re.fullmatch(r"\S.*? [+]\d+\.\d\d(?:; \S.*? [+]\d+\.\d\d){0,2}", evidence) for evidence in rows["kind_evidence"])
    assert "rule=target" in rows["kind_evidence"].iloc[1]
    # with four kinds the model's probability of its own is at least a quarter
    assert all(0.25 <= confidence <= 1 for confidence in rows["kind_confidence"])


# The held-out parts, never used to write rules: 55 and 56 (scored once on 3252cf5, then again on the final code of
# the next session), 59, 60, 63, 64, 67, 68, 71 and 72 (labelled beside the parts that became development data, and
# scored on a49fbb1, on ddd6417 and on the final code of the session after); parts 74, 76, …, 92 were held out until
# they were scored once on ddd6417 (kind 0.793) and then became development data. The parts that became development
# data are listed with their scores in tests/fixtures/kind_gold/README.md (part 31 was kept aside)
HELDOUT = ("heldout-55", "heldout-56", "heldout-59", "heldout-60", "heldout-63", "heldout-64", "heldout-67", "heldout-68",
           "heldout-71", "heldout-72")


@pytest.fixture(scope="module")
def kind_quality(request):
    dev = evaluate_labelled_documents(KIND_GOLD, "dev")
    heldout = evaluate_labelled_documents(KIND_GOLD, HELDOUT)
    request.config.kind_quality = (f"dev (rules written and the kind model trained on it):\n{dev.summary()}\n"
                                   f"held-out (scored once, at the end):\n{heldout.summary()}")
    return dev, heldout


def test_an_arrangement_carried_from_the_sentence_before_does_not_reach_what_was_done():
    """衡水's year-end account (January 2020, part 74): the money done by 20 December is a result, whatever the sentence
    before arranged (the year of its bare 全年 and the total's kind are still read otherwise than its labeller did)."""
    text = "全年安排省市重点开工在建项目135项,总投资881.4亿元,年计划投资275亿元。截至12月20日,完成投资376.24亿元,占年计划的136.8%。"
    doc = {"doc_id": "d", "text": text, "published_date": D(2020, 1, 14), "genre": "plan_report"}
    rows = extract_indicators(doc, split_sentences(text))
    kinds = dict(zip(rows["quote"], rows["kind"]))
    assert (kinds["135项"], kinds["275亿元"], kinds["376.24亿元"], kinds["136.8%"]) == ("target", "plan", "actual", "actual")


def test_a_label_in_percentage_points_matches_the_records_unit():
    """A label's 个百分点 is the records' 百分点 (units.csv): 45 labels were counted wrong in value before."""
    text = "上半年,规上工业增加值同比增长14%,分别高于全省、全国6.8和8个百分点。"
    doc = {"doc_id": "d", "text": text, "published_date": D(2019, 8, 22), "genre": "news_report"}
    case = {"doc": "d", "paragraph": "上半年", "figures": [["8个百分点", 8, "个百分点", None, "actual"]]}
    result = Evaluation()
    _score_paragraph(result, text, extract_indicators(doc, split_sentences(text)), case)
    assert (result.n_matched, result.n_value_right) == (1, 1), result.wrong_value


def test_kind_accuracy_by_confidence_bands():
    """Each figure counts in the band its confidence falls in; a band's lower edge belongs to it, 1.0 to the last."""
    evaluation = KindEvaluation(confidence_checks=[(0.35, False), (0.4, True), (0.49, False), (0.7, True), (1.0, True)])
    assert evaluation.kind_accuracy_by_confidence() == [
        ("0.00–0.40", 1, 0.0), ("0.40–0.50", 2, 0.5), ("0.50–0.70", 0, 0.0), ("0.70–1.00", 2, 1.0)]


def test_precision_by_confidence_scores_what_a_ledger_with_min_confidence_keeps():
    """A figure counts at each floor its confidence reaches; a labelled target the extractor missed (kind empty) is
    never called a target but still counts among those labelled; a result called a target lowers precision."""
    rows = [("target", "target", 0.95), ("target", "target", 0.75), ("target", "target", 0.55),
            ("actual", "target", 0.80), ("target", "actual", 0.90), ("target", None, None)]
    evaluation = KindEvaluation(figures=[{"gold_kind": gold, "kind": kind, "kind_confidence": confidence}
                                         for gold, kind, confidence in rows])
    assert evaluation.precision_by_confidence(("target",)) == [
        (0.0, 4, 0.75, 0.6), (0.7, 3, pytest.approx(2 / 3), 0.4), (0.9, 1, 1.0, 0.2)]


def test_kind_confidence_means_something(kind_quality):
    """On the development documents a more confident kind is more often right, band after band (the model's
    probability seldom falls below 0.4: with four kinds it is at least a quarter)."""
    dev, _ = kind_quality
    shares = [right for _, n, right in dev.kind_accuracy_by_confidence() if n >= 50]
    assert len(shares) >= 3 and shares == sorted(shares), dev.kind_accuracy_by_confidence()


def test_kind_on_labelled_documents_stays_where_it_was(kind_quality):
    """Regression floor on the development documents (measured when the rules were written and the model trained on
    them: both figures are upper bounds, the model's most of all, since it was fitted to these very figures; the README
    gives the held-out ones)."""
    dev, heldout = kind_quality
    assert dev.n_documents >= 1639  # parts 10-30, 32-54, 57, 58, 61, 62, 65, 66, 69, 70, 73-112, 114-148, the odd parts 149-403, 245: rules 0.905; model 0.974, targets P 0.946 R 0.953, year 0.949
    assert dev.overall.recall >= 0.983, dev.overall.missed
    assert dev.overall.precision >= 0.973, dev.overall.false
    assert dev.rule_kind_accuracy >= 0.904  # (0.910 before parts 373-403, whose rules scored 0.806, 0.790, 0.792 and 0.747)
    assert dev.overall.kind_accuracy >= 0.973, dev.overall.wrong_kind
    assert dev.target_precision >= 0.944 and dev.target_recall >= 0.952
    assert dev.year_accuracy >= 0.948, dev.wrong_year  # (lowered with parts 357-363, 381-387 and 397-403, whose year was 0.866, 0.858, 0.892)


# The headline 2026 GDP growth target of each provincial report: (value, value_high, qualifier)
HEADLINE_TARGETS = [
    ("贵州省", 5.0, None, "左右"),
    ("甘肃省", 5.5, None, "左右"),
    ("陕西省", 5.0, None, "左右"),  # 生产总值增长5%左右 (no 地区)
    ("河南省", 5.0, None, "左右"),  # 经济增长5%左右
    ("黑龙江省", 4.5, 5.0, None),  # 4.5-5%
    ("江苏省", 5.0, None, None),  # 地区生产总值按增长5%安排
    ("新疆维吾尔自治区", 5.5, 6.0, None),  # 5.5%—6%
    ("浙江省", 5.0, 5.5, None),  # 全省生产总值增长5%—5.5%
    ("河北省", 5.0, None, "以上"),  # its period was 十五五 (from the sentence before)
    ("宁夏回族自治区", 5.0, None, "左右"),  # 经济主要预期目标是:地区生产总值增长5%左右
    ("辽宁省", 4.5, None, "左右"),
    # the held-out provinces, checked once at the end (their texts were not read while writing rules)
    ("北京市", 5.0, None, "左右"),
    ("山西省", 4.5, 5.0, None),  # 4.5%—5%
    ("湖北省", 5.5, None, "左右"),  # 经济增长5.5%左右
    ("江西省", 5.0, 5.5, None),  # 5%-5.5%
    ("海南省", 6.0, None, "左右"),
]


@pytest.mark.parametrize("province, value, high, qualifier", HEADLINE_TARGETS)
def test_headline_gdp_target_of_each_provincial_report(province, value, high, qualifier):
    path = LIAONING_2026 if province == "辽宁省" else PROVINCES / f"{province}.txt"
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared/corpora)")
    result = process_document(path.read_bytes(), path.name)
    rows = pd.DataFrame(extract_indicators(result.document, result.sentences))
    in_2026 = rows["period_end"].map(lambda d: d is not None and d == D(2026, 12, 31))
    targets = rows[(rows["indicator"] == "gdp") & (rows["kind"] == "target") & in_2026 & ~rows["is_average"]]
    assert len(targets) == 1, targets[["quote", "sentence"]]
    target = targets.astype(object).where(targets.notna(), None).iloc[0]
    assert (target["value"], target["value_high"], target["qualifier"], target["unit"]) == (value, high, qualifier, "%")
    assert target["period_start"] == D(2026, 1, 1)


@pytest.mark.parametrize("title, body, genre", [
    # the 沈阳 发改委's report to the people's congress (its title, then its opening sentence)
    ("关于沈阳市2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告", "各位代表:",
     "plan_report"),
    (None, "受市人民政府委托,现将沈阳市2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案"
           "提请市十七届人大四次会议审议", "plan_report"),
    # a work report that mentions a plan is still a work report
    ("2026年河南省政府工作报告", "各位代表:现在,我代表省人民政府,向大会报告工作", "government_work_report"),
])
def test_plan_report_genre(title, body, genre):
    from helpers.corpus.metadata import parse_genre

    assert parse_genre(title, body, None)[0] == genre


@pytest.mark.parametrize("text, expected", [
    # a goal reported as met is the context of a result, not a cue
    ("圆满完成全年目标任务,地区生产总值增长5.2%。", [("5.2%", "actual")]),
    ("“十四五”规划主要目标任务全面完成,地区生产总值年均增长5.5%。", [("5.5%", "actual")]),
    # a goal still to be met is one
    ("目标任务是地区生产总值增长5%左右。", [("5%左右", "target")]),
    # a count of goals met is a result, not a goal named after its figure (四川's 2020 plan report, part 47)
    ("经过全省上下共同努力,省十三届人大二次会议审议批准的2019年12项主要目标任务圆满完成。", [("12项", "actual")]),
])
def test_goals_met_are_no_target_cues(text, expected):
    rows = _rows(text, "press_conference", D(2026, 1, 20))
    assert [(r.quote, r.kind) for r in rows.itertuples()] == expected


def test_a_story_on_a_new_three_year_action_plan_sets_out_goals():
    # 大河财立方 on 上海's 制造业高质量发展三年行动计划 (2023-06-15): the goals under its headings carry no cue word.
    # Their year is 2025 (the plan's end, named in an earlier paragraph); the extractor gives 2023: a known gap.
    text = ("全球信息:上海出台制造业高质量发展三年行动计划,重点任务明确→\n——高端制造引领功能大幅提升。工业战略性新兴产业产值"
            "占规模以上工业总产值比重达45%,工业劳动生产率超过50万元/人,三大先导产业总规模达1.8万亿元。")
    rows = _rows(text, "news_report", D(2023, 6, 15))
    assert [(r.quote, r.kind) for r in rows.itertuples()] == [("45%", "target"), ("超过50万元/人", "target"),
                                                              ("1.8万亿元", "target")]


def test_a_run_of_months_is_a_period_over_whatever_the_open_year_said():
    # part 26 (汉中, 2018-09): after 2018年's arranged list, 1-8月 results are results, not the year's goals
    # (the list's own kind, plan or goal, is where labellers disagree; it is not asserted here)
    text = ("2018年,全市安排重点项目458个,总投资7206.7亿元,年度计划投资853.8亿元。1-8月共完成投资622.2亿元,"
            "占年度投资计划的73%。")
    rows = _rows(text, "news_report", D(2018, 9, 19))
    months = [(r.quote, r.kind, r.period_end) for r in rows.itertuples() if r.period == "1-8月"]
    assert months == [("622.2亿元", "actual", D(2018, 8, 31)), ("73%", "actual", D(2018, 8, 31))]


@pytest.mark.parametrize("text, genre, published, expected", [
    # a single quarter is three months: a goal for July to September, told in August (滁州, 2016, part 16)
    ("督促各小组奋力冲刺,力争三季度实现全市新签约亿元以上项目120个,新开工项目60个。", "news_report", D(2016, 8, 10),
     [("120个", "target", D(2016, 7, 1), D(2016, 9, 30)), ("60个", "target", D(2016, 7, 1), D(2016, 9, 30))]),
    # a paragraph opened by a year that is over: its later sentences, without a period of their own, are results
    # though rounded as goals are (重庆, January 2020, part 33)
    ("会议提到,2019年,重庆工业经济逐步回暖,规上工业增加值增长6.1%以上。服务业支撑力增强,服务业增加值增长6.1%左右。"
     "物价形势总体稳定,居民消费价格涨幅控制在3%以内。", "news_report", D(2020, 1, 11),
     [("6.1%以上", "actual", D(2019, 1, 1), D(2019, 12, 31)), ("6.1%左右", "actual", D(2019, 1, 1), D(2019, 12, 31)),
      ("3%以内", "actual", D(2019, 1, 1), D(2019, 12, 31))]),
])
def test_quarters_and_a_paragraph_that_looks_back(text, genre, published, expected):
    rows = _rows(text, genre, published)
    assert [(r.quote, r.kind, r.period_start, r.period_end) for r in rows.itertuples()] == expected


def test_a_deadline_passed_sets_no_goal_tense_for_the_next_sentence():
    # 到2017年底 in January 2018 looks back; the next sentence reports a result (安徽, part 36; its year, 目前 read as
    # 2018, is still wrong: the labeller says 2017)
    rows = _rows("江洪表示,目前,安徽省贫困人口已由2012年底的679.1万人下降到2017年底的120.2万人,减少558.9万人;"
                 "贫困发生率由12.6%下降到2.2%。", "press_conference", D(2018, 1, 25))
    assert rows["kind"].tolist() == ["actual"] * 5


def test_progress_up_to_a_day_written_with_jiezhi_is_a_result():
    # 截止 is written for 截至 (up to a day), and a share of the year's task done is a result, not the task
    # (宁夏, July 2010, part 38; 全年70万人的任务 is the task itself, left out here)
    rows = _rows("截止6月底,全区农村劳动力转移就业70.7万人,实现工资收入24.3亿元,转移人数已经完成了全年70万人的任务,"
                 "工资收入完成了全年任务的65.7%。", "press_conference", D(2010, 7, 19)).set_index("quote")
    assert rows.loc[["70.7万人", "24.3亿元", "65.7%"], "kind"].tolist() == ["actual"] * 3
    assert rows.loc["70.7万人", "period_end"] == D(2010, 6, 30)

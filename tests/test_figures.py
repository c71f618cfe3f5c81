"""Finding figures in real sentences: what counts, its value, unit and qualifier, and what does not."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.indicators.figures import find_figures, parse_chinese_number


def _figures(sentence):
    return [(f.quote, f.value, f.value_high, f.unit, f.qualifier, f.is_threshold) for f in find_figures(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    # 000: multiplier 亿 into the base unit 元
    ("正式签约央地合作项目4项,总投资127.9亿元", [("4项", 4, None, "项", None, False),
                                     ("127.9亿元", 1.279e10, None, "元", None, False)]),
    # 000: 万亩 → 亩; DOMAIN's example 92.56万亩 = 925,600 亩
    ("保障粮食播种面积92.56万亩", [("92.56万亩", 925600, None, "亩", None, False)]),
    # 001: 1400万人次 with the qualifier 突破 before it
    ("接待游客突破1400万人次", [("突破1400万人次", 1.4e7, None, "人次", "突破", False)]),
    # 001: 余 between number and unit
    ("举办…300余场特色活动", [("300余场", 300, None, "场", "余", False)]),
    # an item's number glued to the count after it: item 4, 460个, not 4.46 (宝山's 实事 of 2022, part 213)
    ("4.460个居村综合文化活动室", [("460个", 460, None, "个", None, False)]),
    # a share with 以上 and then 的项目 names a class of project too; the figure is the count (伊春, January 2021, part 189)
    ("完成年度计划投资90%以上的项目2个", [("90%以上", 90, None, "%", None, True), ("2个", 2, None, "个", None, False)]),
    ("完成年度计划100%及以上的项目4个", [("100%", 100, None, "%", None, True), ("4个", 4, None, "个", None, False)]),
    # 000: 500万元以上 names a class of project; the figure is 1000个
    ("全市实施投资500万元以上项目1000个", [("500万元以上", 5e6, None, "元", None, True),
                                  ("1000个", 1000, None, "个", None, False)]),
    # 004: percentage points are not percent
    ("较2022年提高0.8个百分点", [("0.8个百分点", 0.8, None, "百分点", None, False)]),
    # ranges in three spellings
    ("地区生产总值增长4.5-5%", [("4.5-5%", 4.5, 5, "%", None, False)]),
    ("地区生产总值增长4.5%—5%", [("4.5%—5%", 4.5, 5, "%", None, False)]),
    ("增长6%至6.5%", [("6%至6.5%", 6, 6.5, "%", None, False)]),
    # 美元 is its own unit
    ("实际使用外资33.8亿美元", [("33.8亿美元", 3.38e9, None, "美元", None, False)]),
    # 万亿 and 斤
    ("粮食产量1.37万亿斤", [("1.37万亿斤", 1.37e12, None, "斤", None, False)]),
    # ‰ and thousands separators
    ("出生率为7.19‰,地区生产总值32,074.7亿元", [("7.19‰", 7.19, None, "‰", None, False),
                                      ("32,074.7亿元", 3.20747e12, None, "元", None, False)]),
    # numbers written out in characters (南京 2010, part 10): percent, percentage points, 亿 and 万 inside
    ("完成地区生产总值四千一百七十亿元,增长了百分之十一点五,高出计划零点五个百分点",
     [("四千一百七十亿元", 4.17e11, None, "元", None, False), ("百分之十一点五", 11.5, None, "%", None, False),
      ("零点五个百分点", 0.5, None, "百分点", None, False)]),
    ("今年增长的目标定为增长百分之十二左右,人均一万七千元", [("百分之十二左右", 12, None, "%", "左右", False),
                                               ("一万七千元", 17000, None, "元", None, False)]),
    # qualifiers after the figure
    ("城镇新增就业45万人以上,地区生产总值增长4.5%左右", [("45万人以上", 450000, None, "人", "以上", False),
                                            ("4.5%左右", 4.5, None, "%", "左右", False)]),
    # 不低于 before the figure
    ("研发投入增速不低于10%", [("不低于10%", 10, None, "%", "不低于", False)]),
    # Chinese numerals counting things
    ("开发十条精品旅游线路,推进两个项目,设置三个方面", [("十条", 10, None, "条", None, False),
                                         ("两个", 2, None, "个", None, False)]),
    # …but not the parts of a list (Beijing and Zhejiang 2026, Xinjiang 2026 reports)
    ("从创新、协调、绿色、开放、共享、安全6个维度设置了29项主要指标", [("29项", 29, None, "项", None, False)]),
    ("经济总量连续迈上4万亿、5万亿两个台阶", [("4万亿", 4e12, None, None, None, False),
                                     ("5万亿", 5e12, None, None, None, False)]),
    ("《纲要草案》从九个方面明确了今后五年经济社会发展目标", []),
    # Chinese numeral with multiplier and qualifier: 2026 report
    ("举办超千场体育赛事、近百场大型演唱会", [("超千场", 1000, None, "场", "超", False),
                                ("近百场", 100, None, "场", "近", False)]),
    # idioms, flagged approximate
    ("全年旅游收入翻一番", [("翻一番", 100, None, "%", None, False)]),
    ("连续3年两位数增长", [("两位数增长", 10, None, "%", "以上", False)]),
    # 山西 2022 press conference: 翻了一番 is 翻一番 in the past tense
    ("全省地区生产总值比2012年翻了一番", [("翻了一番", 100, None, "%", None, False)]),
    # 广东 2023: a share written as a fraction after 占
    ("城镇新增就业690万人、占全国1/10", [("690万人", 6900000, None, "人", None, False),
                                  ("1/10", 10, None, "%", None, False)]),
    # national 2026: a length of time with decimals is no date (but PM2.5 before 年均 is no length)
    ("劳动年龄人口平均受教育年限提高到11.7年", [("11.7年", 11.7, None, "年", None, False)]),
    ("PM2.5年均浓度为26.3微克/立方米", [("26.3微克/立方米", 26.3, None, "微克/立方米", None, False)]),
    # 红安 2022 (part 53): after GDP a number is the GDP, written without a space; after other letters it is a name
    ("预计到2022年底,全县实现GDP243亿元", [("243亿元", 2.43e10, None, "元", None, False)]),
    # full-width digits are normalized before extraction; a stray space is too
    ("计划实施600个项目", [("600个", 600, None, "个", None, False)]),    # Yichun 2022 bulletin: passenger- and ton-kilometres are units of their own, not 人 or 吨
    ("旅客周转量57691万人公里,货物周转量1468.83亿吨公里", [("57691万人公里", 5.7691e8, None, "人公里", None, False),
                                              ("1468.83亿吨公里", 1.46883e11, None, "吨公里", None, False)]),
    # Yichun: air quality, weather, medals, scores and accidents
    ("PM2.5浓度29微克/立方米,一氧化碳1.2毫克/立方米", [("29微克/立方米", 29, None, "微克/立方米", None, False),
                                            ("1.2毫克/立方米", 1.2, None, "毫克/立方米", None, False)]),
    ("全年平均气温18.8℃,总降水量为1667.7毫米", [("18.8℃", 18.8, None, "℃", None, False),
                                     ("1667.7毫米", 1667.7, None, "毫米", None, False)]),
    ("金牌133枚,团体总分4619分,生产安全事故31起", [("133枚", 133, None, "枚", None, False),
                                        ("4619分", 4619, None, "分", None, False),
                                        ("31起", 31, None, "起", None, False)]),
    # Yichun: 超 … 的 + a kind of unit, or a count, names a class of parks like 500万元以上项目
    ("营业收入超200亿元的园区9个,超300亿元的8个", [("超200亿元", 2e10, None, "元", None, True),
                                        ("9个", 9, None, "个", None, False),
                                        ("超300亿元", 3e10, None, "元", None, True),
                                        ("8个", 8, None, "个", None, False)]),
    # … but 超 before a result stays a qualifier: 2026 report
    ("总投资超260亿元。实现超过5%的增长", [("超260亿元", 2.6e10, None, "元", "超", False),
                                ("超过5%", 5, None, "%", "超过", False)]),
    # Yichun: "三项均…" refers back to three things already counted: no figure
    ("团体总分4619分,三项均位列全省第四名", [("4619分", 4619, None, "分", None, False)]),
    # 2026 report: a target restated, not a class of thing
    ("城镇新增就业45万人以上的目标,体现了就业优先", [("45万人以上", 450000, None, "人", "以上", False)]),
    # Jiangxi 2022 bulletin: map sheets
    ("基本比例尺地形图4062幅", [("4062幅", 4062, None, "幅", None, False)]),
    # 2026 report: trains and pairs of sister cities; 列入 and 对接 are words
    ("中欧班列开行924列,国际友城达到96对", [("924列", 924, None, "列", None, False),
                                  ("96对", 96, None, "对", None, False)]),
    ("3个项目列入省重点,2023年对接企业", [("3个", 3, None, "个", None, False)]),
    # 分 followed by a word is not a score: 12名 is the figure, 分别 a word
    ("12名同志分别获评", [("12名", 12, None, "名", None, False)]),
    # life expectancy in years of age, a 十五五 indicator (江西, 湖南 2026; 青海 2026: 再提高1.5岁)
    ("力争人均预期寿命达81.2岁", [("81.2岁", 81.2, None, "岁", None, False)]),
    ("人均预期寿命再提高1.5岁", [("1.5岁", 1.5, None, "岁", None, False)]),
    # an area before the land it measures is that land's amount, not a class (山东 2020, part 13)
    ("提出到2022年,全省建成6500万亩以上高标准农田", [("6500万亩以上", 6.5e7, None, "亩", "以上", False)]),
    # a round thousand or hundred 亿 after 过/破, in grain (山东 2020, 吉林 2024); 超百亿元 before a class is one figure
    ("粮食产量连续6年过千亿斤", [("千亿斤", 1e11, None, "斤", None, False)]),
    ("2030年产量有望突破千亿斤", [("突破千亿斤", 1e11, None, "斤", "突破", False)]),
    ("其中,超百亿元项目12个", [("超百亿元", 1e10, None, "元", None, True), ("12个", 12, None, "个", None, False)]),
    # the 约 of 签约 is no "about" (滁州 2016, part 16)
    ("全市新签约亿元以上项目225个", [("225个", 225, None, "个", None, False)]),
    # a fraction with a qualifier after it, or written in characters, is a share (宁波 2022, part 19)
    ("继续坚持财政支出2/3以上用于民生", [("2/3", 66.6667, None, "%", "以上", False)]),
    ("三分之二财政支出用于保障民生", [("三分之二", 66.6667, None, "%", None, False)]),
    ("产量占全国2/3以上", [("2/3", 66.6667, None, "%", None, False)]),  # once, as a share after 占
    # a range of money before the projects it sizes names their class (庄河 2020, part 18; 大连 2023)
    ("其中亿元以上重大项目39个,5000万元至1亿元项目7个", [("39个", 39, None, "个", None, False),
                                               ("5000万元至1亿元", 5e7, 1e8, "元", None, True), ("7个", 7, None, "个", None, False)]),
    # a size written in characters before 级 or a park names a class; the counts are the figures (昭通 2023 and 武宣
    # 2022, part 32), also in a quote that holds a count of a size class
    ("打造千亿元级高原特色农业产业", [("千亿元", 1e11, None, "元", None, True)]),
    ("力争千亿元园区、500亿元园区、100亿元园区分别达到3个、4个和44个",
     [("千亿元", 1e11, None, "元", None, True), ("500亿元", 5e10, None, "元", None, True),
      ("100亿元", 1e10, None, "元", None, True), ("3个", 3, None, "个", None, False), ("4个", 4, None, "个", None, False),
      ("44个", 44, None, "个", None, False)]),
    ("大力推进新型工业化,打造“3个千亿元级产业”", [("3个", 3, None, "个", None, False),
                                      ("千亿元", 1e11, None, "元", None, True)]),
    # visits written in characters, with 亿 or 万 only (江西 2010, part 36)
    ("就江西省年度旅游接待人数即将突破一亿人次的基本情况作了介绍", [("突破一亿人次", 1e8, None, "人次", "突破", False)]),
    # counts written out in characters (河北 2010, part 20)
    ("新开工项目两万四千八百个,其中亿元以上项目九百零四个", [("两万四千八百个", 24800, None, "个", None, False),
                                             ("九百零四个", 904, None, "个", None, False)]),
    # grain written out in characters (吉林 2008, part 13)
    ("吉林省今年粮食产量达五百七十亿斤", [("五百七十亿斤", 5.7e10, None, "斤", None, False)]),
    # 多 before 亿, dollars, a hundred yuan and counts of items written out (新疆 2004, part 40)
    ("社会消费品零售总额四百六十多亿元,外贸进出口总额四十九点五亿美元,农牧民人均纯收入增加一百元",
     [("四百六十多亿元", 4.6e10, None, "元", "多", False), ("四十九点五亿美元", 4.95e9, None, "美元", None, False),
      ("一百元", 100, None, "元", None, False)]),
    # a bare number before 和 or 、 shares the rate's unit after it (大连 2019, part 41); a ratio does not
    ("规上工业增加值同比增长14%,分别高于全省、全国6.8和8个百分点", [("14%", 14, None, "%", None, False),
                                              ("6.8", 6.8, None, "百分点", None, False),
                                              ("8个百分点", 8, None, "百分点", None, False)]),
    ("三次产业比重为4.0∶37.7∶58.3", []),
    # tenths after a verb of change, and multiples in characters: growth by one is +100%, a multiple of a base is
    # a multiple (辽宁 2011, 大连 2019, part 41; 黑龙江 2020 and 2023); 建成 stays a verb
    ("农民收入再增一成,高新技术企业比去年同期增长一倍,一般公共预算收入增长近一倍",
     [("一成", 10, None, "%", None, False), ("一倍", 100, None, "%", None, False), ("近一倍", 100, None, "%", "近", False)]),
    ("开复工重点项目10536个,是去年的三倍,已建成一成", [("10536个", 10536, None, "个", None, False),
                                              ("三倍", 3, None, "倍", None, False)]),
    # …and with its qualifier (鹤壁, October 2010, part 43)
    ("完成投资额是去年同期的近两倍", [("近两倍", 2, None, "倍", "近", False)]),
    ("共收到代表建议、批评、意见八百七十五件,其中被承办单位采纳、解决二百零四件",
     [("八百七十五件", 875, None, "件", None, False), ("二百零四件", 204, None, "件", None, False)]),
    # a fall written with a minus after the verb keeps its sign (威县, 2023; 柳林's 2024 bulletin); the dash
    # of a range or of a span of months is no sign
    ("规模以上工业增加值预计同比增长-6%,低于计划目标13个百分点", [("-6%", -6, None, "%", None, False),
                                                ("13个百分点", 13, None, "百分点", None, False)]),
    ("人口自然增长率为-7.17‰,1-7月增长-3.5%,预期增长5%-6%", [("-7.17‰", -7.17, None, "‰", None, False),
                                                 ("-3.5%", -3.5, None, "%", None, False), ("5%-6%", 5, 6, "%", None, False)]),
    # counts of buildings, runs and seats: 栋 and 幢, 班次, 席 (振兴区 2019, 湖南 2021, 丹东 2024)
    ("新建特色农业温室大棚43栋。开通用工专列专车6091班次", [("43栋", 43, None, "栋", None, False),
                                              ("6091班次", 6091, None, "班次", None, False)]),
    ("新建水产品生产厂房两栋,购置生产线3条", [("两栋", 2, None, "栋", None, False), ("3条", 3, None, "条", None, False)]),
    # a task quoted by its wording holds a figure, where a quoted name does not (湖南's 实事, July 2018)
    ("包括“完成城镇新增就业70万人”项目,已新增43.91万人", [("70万人", 700000, None, "人", None, False),
                                            ("43.91万人", 439100, None, "人", None, False)]),
    # 签约 signs projects; its 约 is not "about" (沈阳, 2021)
    ("力争全年亿元以上项目签约1500个、落地720个,约100个项目竣工", [("1500个", 1500, None, "个", None, False),
                                                ("720个", 720, None, "个", None, False), ("约100个", 100, None, "个", "约", False)]),
    # counts of places written number-first: cities, counties and villages (浙江, February 2023; 青海 2015)
    ("该省山区26县共安排48个项目,海岛6县共安排13个项目", [("26县", 26, None, "县", None, False), ("48个", 48, None, "个", None, False),
                                             ("6县", 6, None, "县", None, False), ("13个", 13, None, "个", None, False)]),
    ("在全省9市率先实现,覆盖31村", [("9市", 9, None, "市", None, False), ("31村", 31, None, "村", None, False)]),
])
def test_find_figures(sentence, expected):
    assert _figures(sentence) == [tuple(e) for e in expected]


@pytest.mark.parametrize("sentence", [
    "2023年10月17日,市政府新闻办召开首场新闻发布会",  # dates
    "——2024年1月7日在辽阳市第十七届人民代表大会第四次会议上",  # date and ordinals
    "深入贯彻党的二十大和二十届二中全会精神",  # meeting names
    "有力促进“十四五”规划目标的全面实现,实施全面振兴新突破三年行动",  # plan names
    "根据辽政发〔2023〕12号文件",  # document number
    "联系电话:010-56212745、010-53382908,邮编110000",  # phone numbers, postal code
    "邮箱:qgfzdyzx@163.com 客服QQ:3206414697",  # e-mail, QQ
    "第一办公区:北京市东城区建国门内大街26号新闻大厦5层",  # address
    "原文链接:https://www.lndj.gov.cn/portaluploads/html/site-5/info/43324.html",  # URL
    "辽阳博物馆晋升国家4a级旅游景区",  # rating
    "建设项目增速连续11个月保持全省首位",  # a duration
    "连续5年列全省前3位,列沈阳、大连之后,全省第3位",  # ranks
    "瓦房店、庄河市总量和增幅分别位居全市前两位",  # a rank in words (大连, 2011, kind gold part 189)
    "1.2020年六大片区",  # an item's number glued to a year (驻马店, 2020, kind gold part 201)
    "做好结构调整“三篇大文章”,坚持招商引资“一号工程”",  # slogans with numbers
    "优化产业结构,三次产业协同提质",  # 三次产业 = tertiary industries
    "有序实施“十件重点民生实事”",  # a programme's name in quotes
    "推进5G规模化应用,国产大飞机C919投入商业运营",  # model names
    "徐大堡核电3号、4号机组完成投资",  # unit numbers (the investment has no figure here)
    # age classes name groups of people, not values (2026 provincial reports; 辽宁 人社厅 2023)
    "开展新生儿疾病筛查、0—6岁儿童孤独症筛查",
    "为80岁以上老年人发放高龄津贴,65岁及以上老年人健康管理",
    "5岁以下儿童死亡率下降,18-45岁中青年群体就业稳定",
    # a move in a ranking (甘肃 2021 press conference)
    "居全国第22位,比一季度上升5位",
    # a count of the names just quoted (广东 2022)
    "深入实施“粤菜师傅”“广东技工”“南粤家政”三项工程",
    "2022/8/23 发布",  # a date's slashes are no fraction
    # a count of the items the text goes on to list (云南 2019, 镇江 2018: part 17)
    "当前,要抓好三项最重要的工作:一是制定出台数字经济五年发展规划和行动计划",
    "这3项工作分别是:",
    # a hotline's number before 市民 (聊城, 2020)
    "记者在12345市民热线受理中心新闻发布会上获悉",
    # the tasks and measures a plan sets out for itself, where the press conference describes its layout (004, 盘锦's
    # 专项方案): section counts, not figures (DOMAIN); they had come out as actuals and targets at random
    "细化设置了8个方面共计21项任务",
    "设置了抓好项目建设、抓好产业集群建设、抓好工业化和信息化融合3项任务",
    "《专项方案》的21项重点任务,均提出了具体指标安排",
    "确定了强化组织保障、加强开放合作、做好督查督办3项措施",
])
def test_not_figures(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("text, value", [("十", 10), ("两", 2), ("二十三", 23), ("百", 100), ("三千", 3000)])
def test_parse_chinese_number(text, value):
    assert parse_chinese_number(text) == value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,%‰-—至亿万千百个项家元美以上左右近超约余两十第年月日“”《》")
                                        + [chr(c) for c in range(0x4E00, 0x4E30)]), max_size=200))
def test_find_figures_never_raises_and_spans_hold_the_quote(sentence):
    for figure in find_figures(sentence):
        assert sentence[figure.start:figure.end] == figure.quote


@pytest.mark.parametrize("written, value, reason", [
    ("三千万", 30_000_000, "万 multiplies all before it (this gave 13,000, so a written 五千万元 was 15,000元)"),
    ("十万", 100_000, "this gave 10,010"),
    ("一千二百万", 12_000_000, "this gave 11,200"),
    ("两万四千八百", 24_800, "河北 2010's 两万四千八百个: 万 in the middle"),
    ("三亿五千万", 350_000_000, "亿 over 万"),
    ("九百零四", 904, "零 holds a place"),
])
def test_chinese_numerals_with_wan_and_yi(written, value, reason):
    assert parse_chinese_number(written) == value, reason

"""Decide a figure's kind (actual, forecast, target, plan) from the evidence around it, and keep it.

In: a figure, the cue words of its sentence (``resources/kind_cues.csv``: strong cues, tense and
aspect words, phrases that only look like cues), a cue carried from earlier sentences, the role of
its section (:mod:`helpers.corpus.sections`) and its document's genre. Out: the kind, the word or
section that decided it, and a confidence (the winner's share of the weighed votes and of a fixed
measure of doubt, so that one weak piece of evidence alone is no certainty). The deciding
evidence (``kind_cue``) is a cue word as written, or ``section:<role>``, ``genre:<genre>``,
``period:<phrase>`` (a period over or not yet over), ``tense:<word>`` (of the sentence before) or
``met:<goal word>`` (a figure inside a goal said to be met), ``form:<qualifier>`` (a rate written as goals are:
增长6.5%以上), ``目标()`` (a goal given in brackets), ``年度计划…的`` (the year's plan a share is taken of), ``目标的``
(a share of a goal done) or, set by
:mod:`helpers.indicators.extract`, ``echo:<quote>`` (a rate that repeats a goal stated earlier) or ``table:<header>`` (a
figure in a table's column whose header says its kind, ``resources/column_kinds.csv``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from helpers.corpus.sections import ROLE_KIND, Section
from helpers.indicators.figures import TASK_VERBS, FigureSpan
from helpers.lexicon import KindCue, load_kind_cues
from helpers.wordsearch import WordFinder

KINDS = ("actual", "forecast", "target", "plan")
# Cue words of kind come from resources/kind_cues.csv (see helpers.lexicon.load_kind_cues); this one is a
# pattern: "到2025年末,…达到230家以上", "到2030年", "2025年底前" (a deadline: a target unless it looks back)
DEADLINE_CUE = re.compile(r"(?=[到2末底])(?:(?<!增加)(?<!增长)(?<!提高)(?<!提升)(?<!上升)(?<!下降)(?<!减少)(?<!降低)(?<!扩大)"
                          r"到20\d{2}年(?:末|底)?|(?:20\d{2}年)?(?:末|底)前)")
# How much each piece of evidence weighs when the kind of a figure is decided
WEIGHT_CUE_IN_CLAUSE = 3.0  # a strong cue before the figure in its own clause
WEIGHT_CUE_IN_SENTENCE = 2.5  # … in an earlier clause of its sentence
WEIGHT_PLAN_BEYOND_CLAUSE = 1.0  # a plan cue before a clause with its own verb: "安排首批…,…占比达到58%"
WEIGHT_CUE_AFTER = 2.5  # a strong cue right after the figure, in its clause ("…作为今年工作目标")
WEIGHT_CARRIED = 2.5  # a cue carried from a sentence ending in ; or :, or opening the paragraph
WEIGHT_WEAK = 0.8  # each tense or aspect word before the figure in its clause (完成, 实现; 要, 将)
WEIGHT_WEAK_CAP = 1.6
WEIGHT_ROLE = 1.5  # the role of the section (review → actual, tasks → target)
# A period phrase before the figure that lies before the text was written ("过去五年,…年均增长5.2%",
# "2025年…" in a 2026 report) votes for a result: it outweighs the section's role, not a strong cue
WEIGHT_LOOKS_BACK = 2.0
# A year not over when the text was delivered ("全年将组织…1000场以上", "今年,…吸引高端创新团队35个" in a
# May press conference) votes for a goal: more than the genre and one tense word, less than a cue
WEIGHT_OPEN_YEAR = 1.5
# …unless its clause measures what the year has brought so far, against the year before or as done: "装备、石化、能源、食品四大
# 主导产业实现工业增加值1639.7亿元,比上年同期增长12.1%" (黑龙江, a press conference of July), "今年…13个风电项目,已完成投资
# 55.5亿元" (白城, October 2012)
SO_FAR_IN_CLAUSE = re.compile(r"(?:比|较)(?:上年|去年)同期|已(?:经)?(?:完成|实现|达到|开工|建成|竣工|投产|累计)|累计完成")
# The tense of the sentence before, in a press conference's or a story's paragraph ("…将进一步完善…。
# 治理中小河流19条"): more than the genre, less than a tense word of the figure's own clause
WEIGHT_TENSE = 1.0
# A heading that calls its figures estimates makes them so where no cue of their own speaks: "(一)主要指标预计完成情况" over
# "地区生产总值完成635亿元,增长8%;" (天宁's plan report of early 2016 on the year just ended, part 351)
ESTIMATE_HEADING = "预计完成"
ESTIMATE_HEADING_CUE = "heading:预计完成"
# A future tense word of an earlier clause of the sentence sets the tense of a later clause that has none:
# "江门将实施数字农业农村发展行动,…,抓好8个省级以上现代农业产业园建设" (not 推动, which reports as often:
# "全市推动央地合作重大项目120个,总投资8577亿元")
SENTENCE_TENSE_WORDS = ("将", "今年将", "要")
WEIGHT_DEFAULT = 0.1
# A rate with the qualifier of a goal is written as goals are: "地区生产总值增长6.5%以上", "…增长5%左右",
# "调查失业率5.5%以内" (in the development labels a rate with 左右, 以上 or 以内 was a goal 515 times of
# 600, an estimate 49 times, a result 32): a vote a little under a tense word's, not a cue
GOAL_FORM_QUALIFIERS = ("左右", "以上", "以内", "以內")
WEIGHT_GOAL_FORM = 0.75  # the same kinds from 0.75 to 1.0 on the development set
FLOOR_QUALIFIERS = ("不低于", "不少于")  # a floor is a standard set, whatever its unit (18 goals of 25 in development)
# A cue strong in its own clause only: "全年任务为3800户,实际改造4559户" (天津, December 2020): the task, then
# what was done, in one sentence
CLAUSE_STRENGTH = "clause"
# Doubt that no evidence removes, counted with the votes when the confidence is worked out: the genre's default
# alone gave confidence 1.0 and was right 87% of the time in the development documents; with this mass the
# confidence rises with how often the kind is right (0.3-0.4: 85%, 0.5-0.6: 96%, 0.7-0.8: 98%)
WEIGHT_DOUBT = 1.0
# A figure inside a goal said to be met, or given in brackets after the word 目标, is that goal, whatever the
# period and the verb that met it say:
# "上半年全市新增护理型养老床位787张,…,提前完成55%的年度目标" (镇江, July 2018)
WEIGHT_MET_GOAL = 5.0
# Press conferences and news report results unless told otherwise; a statistical bulletin reports
# results but for a cue in the figure's own clause ("…比重预计为1.8%", Jiangxi 2022): with its
# statistics role it outweighs a cue in an earlier clause
GENRE_KIND = {"statistical_bulletin": ("actual", 1.2), "press_conference": ("actual", 0.5),
              "news_report": ("actual", 0.5)}
# What its own clause says is done after the figure: "625个村庄规划编制工作已完成", "176个村“家园清洁”行动已全部通过市级验收"
DONE_AFTER = re.compile(r"[^,;:。!?、\n]*?(?:已(?:经)?(?:全部|基本|提前|如期)?"
                        r"(?:完成|建成|通过|竣工|投产|落实|新?开工|完工|开复工)(?:建设)?"  # "30个项目已新开工建设" (长乐, 2016)
                        # "南疆35个重点项目全部实现复工,18个新建项目实现开工建设" (新疆, March 2021)
                        r"|(?P<realised>(?:全部)?实现(?:开复工|开工|复工|竣工|投产)(?:建设)?))")
DONE_AFTER_CUE = "…已完成"
# ...unless a part of it follows: then the figure is the task, the part what is done: "2个嵌入式养老机构建设已完成1个(50%)",
# "全区200个重点项目中已完工2个" (西藏, July 2017), "74个建设项目已开工57个" (涪陵, July 2011),
# "126条农村黑臭水体治理已完成120条(95%)" (萧县's 实事, September 2025)
PART_DONE = re.compile(r"[\d一二三四五六七八九十两]")
PART_DONE_CUE = "…已完成其中"
# …and so it is when a part in the figure's own unit follows 已 and any verb: "263场送戏进万村已送230场(87%)" (萧县's 实事,
# September 2025)
# (or after a comma: "新建市政燃气管网60公里,已新建62.675公里;新增优化公交线路35条,现已完成36条" (福州's 实事, July 2023))
PART_SAME_UNIT = re.compile(r"[^\d,;:。!?、\n]{0,16}?,?(?:现|目前)?(?:已(?:经)?(?!有)[^\d,;:。!?、\n]{1,3}?|任务(?:完成|落实|办结))"
                            r"\d+(?:\.\d+)?(?P<unit>[^\d\s,;:。!?、(（]{1,5})")  # "30项…改革试验任务完成22项" (四川, July 2018)
WRITTEN_UNIT = re.compile(r"[^\d.]+$")  # the unit a quote writes after its number: "公里" of "60公里"
# …and so is a count of projects a part is then told of: "60项计划新开工项目中,武安新能源产业园、…等50个项目开工建设" (邯郸,
# August 2013), "上述700个市级重点项目中,民生工程投资进度持续加快" (西安, July 2018), "在16个县央地合作项目中,其中…3个项目已完工"
# (绥中, November 2024)
WHOLE_BEFORE_PART = re.compile(r"[^\d,;:。!?、\n]{0,16}?(?:项目|工程|任务|指标)中(?:[,,]|其中|有|已有|(?=\d))")
PART_DONE_WORDS = re.compile(r"[^。!?\n]{0,80}?(?:开工|复工|竣工|完工|投产|完成)")  # what the part did, in the sentence
# (not a breakdown of the list, "52个社会事业项目中,医疗卫生项目14个、总投资71亿元" (安徽, April 2020), nor projects started:
# "今年,集中开工的1359个新项目中,产业项目数量为486个" (辽宁日报, 2025))
STARTED_BEFORE = re.compile(r"(?:开工|复工|实施|签约|投产|竣工)的$")
# A cue inside the name of the whole names the whole, not its part: "60项计划新开工项目中,…等50个项目开工建设"
CUE_NAMES_WHOLE = re.compile(r"[^,;:。!?\n\d]{0,12}?(?:项目|工程|任务)中")
# …and so it is when the part started follows without 已: "截至目前,全市145个百大项目开复工92个" (黑河, May 2020), "其中500个
# 省级重点项目开工465个" (黑龙江, August 2022), "66个新开工项目已有28个开工建设" (常州, April 2018), the levels of the list
# perhaps listed with 、: "全市110个省、市重点项目已有100个动工建设" (河源, August 2014, part 353)
STARTED_PART_AFTER = re.compile(r"(?:[省市县区]、)?[^\d,;:。!?、\n]{0,14}?项目”?(?:中,?有?)?[,,]?(?:已|实际|累计|实现)?(?:(?:开复工|开工|复工|竣工|投产)(?:建设)?|已有)"
                                r"(?=[\d一二三四五六七八九十两])"  # "316个州重点建设项目累计开复工291个" (湘西, 2021)
                                # "117个新建项目实现开工90个" (长沙县, 2014), "52个续建项目45个复工" (阿拉善, 2021)
                                r"|[^\d,;:。!?、\n]{0,14}?项目\d+[个项](?:已|实际|累计|实现)?(?:开复工|开工|复工|竣工|投产)"
                                # "43个苏州市重点项目,其中36个项目已开工" (昆山, March 2024), "年初重点推进的34个产业项目,有15个
                                # 开复工", "与省签订的13个项目,有7个实现了开复工" (大兴安岭, July 2011)
                                r"|[^\d,;:。!?、\n]{0,14}?项目[,,](?:其中|有)\d+[个项](?:项目)?(?:已|实际|累计|实现了?)?"
                                r"(?:开复工|开工|复工|竣工|投产)")
# (and "共36个省“百大项目”,已开复工24个" (黑河, August 2019), with the part finished "台账式推进3827个年度拟投产项目,已竣工2751个"
# (山东, October 2024), "86个计划新开工重点项目中,有85个项目开工建设" (邢台, July 2016),
# "176个年度计划新开项目实际开工150个" (焦作, 2011)); so it is with the count after the list's name: "续建项目171项,已经复工164项"
# (山西, December 2018), "全年任务658项,完成628项,完成率95.4%" (盘锦, January 2016)
STARTED_PART_AFTER_COUNT = re.compile(r"[,,](?:(?:已经?|累计|实际)(?:开复工|开工|复工|竣工)(?:建设)?|(?:已经?|累计)?(?:完成|办结))"
                                      r"(?=[\d一二三四五六七八九十两])")
# A count of a year's 实事 (the tasks a government promises its people) is a goal, unless they are said to be done:
# "确定了为人民群众办理的十件惠民实事" (新安县, 2010), "今年全省将做好10件实事" (云南, 2019); "2018年10个民生实事项目全面落实"
# (宁波, 2019), "十件民生实事全面兑现" (广州, 2018), "12类45件民生实事项目年度目标任务已全面完成" (江苏, 2026), "提前完成的8件实事"
# (福州, July 2023); whoever holds the list: "介绍了2024年10项省级民生实事项目的落实情况" (海南, December 2024);
# so is a count of key tasks: "锦州:紧抓30项关键任务谋划高质量项目群" (辽宁日报, February 2023), "统筹推进…341项具体任务" (浑南, 2023)
TASK_COUNT = re.compile(r"(?:项|件|个)?(?:\d+[项件个])?(?:(?:省|市|县|区|州)级?)?(?:(?:重点|惠民|民生|为民|建设){0,3}实事(?:项目)?|(?:城建|重点)?(?:民心|民生|惠民)工程"
                        r"|(?:重点|关键|具体|细化工作|攻坚|(?:主要|重点|年度)?目标)任务)"
                        r"(?P<done>(?:年度)?(?:目标)?(?:任务)?(?:全部|全面|均|已|圆满|顺利|基本|提前|如期){0,3}(?:超额)?"
                        r"(?:完成|兑现|落实)(?!情况))?")
TASKS_MET_BEFORE = re.compile(r"(?:较好|圆满|顺利|超额|提前)地?完成")  # (not 办好, 确保…完成: the tasks still to do)
TASK_COUNT_UNITS = ("件", "项", "个", "宗")  # 宗: "县重点建设项目43宗" (惠东, 2022)
TASK_COUNT_CUE = "…件实事"
# ...and so is a count right after the list's name, unless the clause tells it done: "省级民生实事30项,其中…17项超额完成"
# (乐清, 2023), "重大民生工程项目585个、年度计划投资834.97亿元", "湖南省委、省政府下达永州市重点民生实事12件14个指标";
# not "完成省级民生实事48件"
TASK_NAME_BEFORE = re.compile(r"(?:实事|民生工程)(?:项目)?(?:共计|共)?$")
TASK_NAME_DONE = re.compile(r"完成|落实|兑现|办好|办结")
# A count of projects with the year's planned investment after it is the task of a year's list (a goal, under the
# convention of tests/fixtures/kind_gold/README.md): "续建类项目337个,年度计划投资680.8亿元" (温州, 2020), "其中,实体经济项目
# 160个,总投资3566亿元,年度计划投资570亿元" (济南, 2015); not a count of projects started, signed or added: "全市开复工亿元
# 以上重大项目327个,总投资7116亿元,年度计划投资1114亿元" (大连, 2017), nor an estimate, a pool of projects (项目库) or
# the projects a platform holds now: "目前,葫芦岛市纳入省项目平台的“三篇大文章”项目共114个,总投资1422亿元,年度计划投资109亿元" (2023);
# projects to be started are a part of the list: "新开工项目113个,总投资1293.55亿元,年度计划投资188.33亿元" (铜川, 2019),
# "开工类项目39个,年度投资计划66.3亿元" (温州, 2020); whatever its total is called: "其中,在建项目1056个,估算总投资9076亿元,
# 当年计划投资2382亿元" (大连, July 2010); with its parts in brackets: "我市实施亿元以上重点工业项目106项(新建43项,续建63项),
# 总投资2757.05亿元,当年计划完成投资437.68亿元" (鄂尔多斯, October 2019)
YEAR_PLAN_AFTER = re.compile(r"(?:[(（][^()（）\n]{1,30}[)）])?[^,;。!?、\n]{0,14}[,、]?(?:(?:估算)?总投资[^,;。!?\n]{0,12}[,、])?"
                             r"(?:(?:年度|全年|今年|当年|年|20\d{2}年(?:年度|度)?)?计划(?:完成)?投资|(?:20\d{2}年|全年|年度|年)预计(?:完成)?投资|(?:年度|全年)投资计划"
                             r"|(?:年度|全年|年)投资目标)")  # "新型工业化项目215个,年投资目标270.89亿元" (六盘水, 2025)
# …and so is a count of the projects a list takes in: "长沙列入省重点建设的社会民生项目15个" (April 2024), "全省确定省市两级重点工程
# 项目1317项" (山西, September 2019), "第二批省级重点工程确定88项"
LIST_ENTERED_BEFORE = re.compile(r"(?:列入|确定)[^\d,;:。!?\n]{0,20}$")  # (not 纳入…平台, the projects a platform holds now)
# …and so is the count of a list of key projects before what they have done so far: "截至5月底,120个省重点项目完成投资442.6亿元"
# (山东, June 2019), "200个市级重点建设项目复工率已达66.4%" (青岛, February 2020), whatever months the progress covers:
# "前4个月,全市210个重点项目完成投资517.5亿元" (唐山, May 2015), "莆田一季度330个重点项目完成投资227.6亿元" (2022)
KEY_LIST_PROGRESS_AFTER = re.compile(r"(?:省|市|县|区)?级?重点(?:建设|推进)?项目(?:累计|共|已)?(?:完成投资|复工率|开工率|开复工率)")
SHARE_OF_GOAL_AFTER_REACH = 40  # how far after such a count a share of the goal (目标任务) is looked for
# The projects a count under an arrangement counts, named right after it: "拟安排230个重点建设项目" (北京, February 2011)
ARRANGED_PROJECTS_AFTER = re.compile(r"[^\d,;:。!?、\n]{0,8}?(?:项目|工程)")
# …and so is a count of the projects a plan names, told before them, unless they are said to be started: "全市108个计划新开工项目1至4月
# 累计开工87项" (徐州, May 2017), "62个计划建成项目总投资218.1亿元" (平顶山, October 2018), not "…等504个计划新开工项目实现开工建设"
# (山东, March 2024)
PLANNED_LIST_AFTER = re.compile(r"计划(?:新开工|开工|实施|竣工|建成|投产|建设)[^\d,;。!?\n]{0,6}?(?:项目|工程)")
LIST_STARTED = re.compile(r"(?<![新拟])开(?:复|竣)?工(?!类)|复工|竣工|投产|签约|已|累计|完成|增加|新增|预计|库|目前|纳入")
PROJECT_LIST_CUE = "项目…年度计划投资"
# …and so is a count of projects whose share of the year's plan is reported: "39个农林水和生态工程建设项目共完成投资83.95亿元,
# 占年计划的69.1%" (西安, July 2018), "产业发展项目172个,完成投资295.9亿元,为年投资计划的80%" (湘西, October 2021): the list's
# part, the money its progress
LIST_PROGRESS_AFTER = re.compile(r"(?:[^\d,;。!?\n]{0,16}(?:项目|工程)[,,]?|(?P<counted>[,,]))(?:[^,;。!?\n]{0,8}?)(?:共|累计|已)?(?:完成投资|完成投入|投入资金|完成(?=\d[\d.]*[万亿]?元))"
                                 r"[^;。!?\n]{0,30}?(?:(?:[占为]|完成|达到?)(?:年|年度|全年)(?:投资)?计划|投资完成率|超时序进度)"
                                 r"|[^\d,;。!?\n]{0,16}(?:项目|工程)(?P<rate>投资完成率)")  # "截至2月底,2个省重大项目投资完成率7.5%" (昆山, 2024)
# (with the months between: "由各区负责推进的市重点项目172个,前三季度投入资金319.6亿元,占年度计划的83.9%" (哈尔滨, October
# 2011), "续建项目102个,1—8月份累计完成投资260.16亿元,占年计划的83.55%" (开封, September 2019), with the money alone ("6个养老护幼类
# 项目完成28.5亿元、占全年计划100%", 上海's 实事 in December 2022), or ahead of the year's schedule:
# "省市县三级协同推进15000个重点项目,前三季度完成投资2.3万亿元、超时序进度10.1个百分点" (山东, October 2024))
PLANNED_SPENDING_BEFORE = re.compile(r"完成(?:年度)?投资")  # (see decide_kind: a plan's 计划…,完成投资)
DONE_VERB = re.compile(r"完成|实现|达到")  # what was done, in a clause an arrangement does not reach: "…,完成投资376.24亿元"
# …and so is the total investment of the projects counted ("共铺排项目324个,总投资21342.5亿元,年度计划投资4616.8亿元", 湖南 2023)
TOTAL_BEFORE = re.compile(r"(?<!计划)总投资(?:规模)?(?:约|超|达)?$")
LISTED_NOUN_AFTER = re.compile(r"[^,;。!?、\n]{0,16}")  # "12个牡丹江市级『百大项目』总投资为25.92亿元" (穆棱, 2020)
# …or in the total's own clause: "我市100个重点推进项目总投资4223.87亿元,年度计划投资984.59亿元" (南昌, November 2023)
LISTED_COUNT_IN_CLAUSE = re.compile(r"\d[\d.]*万?(?P<unit>[个项])[^,;。!?、\n\d]{0,10}总投资(?:规模)?(?:约|超|达)?$")
LISTED_COUNT_BEFORE = re.compile(r"\d[\d.]*万?(?P<unit>[个项])[^,;。!?、\n\d]{0,8}(?:[(（][^()（）\n]{1,30}[)）])?[,、]$")
# …nor a part of projects started earlier in the paragraph: "4月7日,集中开工重点项目290个,今年计划完成投资392.8亿元,其中,省级
# 重点项目67个,…,市级重点项目223个,今年计划完成投资151.1亿元" (哈尔滨, 2022)
# (not 开工率, a rate of a part: "开工率80%"; nor 新开工, a part of the list: "重点建设项目中新开工项目135个,总投资500.7亿元,年计划
# 投资141.2亿元;续建项目86个,…" (秦皇岛, February 2022), as in LIST_STARTED)
PROJECTS_STARTED = re.compile(r"(?<![新拟])开(?:复|竣)?工(?!率)")
PROJECTS_STARTED_REACH = 200
ARRANGED_UNITS = ("元", "美元", "%", "百分点", "倍")  # what an arrangement reaches beyond its clause: money, its rates
# A change on the same period a year before, right before the figure, measures what happened: "区发展改革委
# 地区生产总值同比增长2.9%" (铜梁's table of its work report's goals, September 2025: the half-year's result
# beside each goal). With nothing but tense words beside it, it outweighs a section's role.
YEAR_ON_YEAR = re.compile(r"同比(?:增长|下降|提高|增加|减少|上升|回落)$")
YEAR_ON_YEAR_CUE = "同比…"
WEIGHT_YEAR_ON_YEAR = 1.6
# Words that state a level reached in a goal as in a result: after a goal word in the same sentence they
# are the goal's ("今年…要…,日光温室净面积达到3.1万亩"), where 已开复工 or 完成 after 计划 reports; under an
# estimate carried over ; they are the estimate's: "2017年,预计全市实现地区生产总值(GDP)1890亿元,…;城乡居民人均
# 可支配收入分别达到26900元和12100元" (黄冈, January 2018)
GOAL_LEVEL_WORDS = ("达到", "稳定在")
# 完成 after a future tense word of its sentence or of the sentence before is what is to be done: "今年浙江将切实抓好
# 农村联网公路建设,完成省政府考核1000公里的目标任务;完成农村公路大中修2400公里" (浙江, May 2012); after 计划 it reports
# as often ("计划新开工项目146个,…,1-8月完成投资135.4亿元"), so only the words of SENTENCE_TENSE_WORDS govern it
FUTURE_DONE_WORDS = ("完成",)
DONE_ALREADY = re.compile(r"(?:超额|已经?|提前|顺利|圆满)完成")  # (done, whatever the tense: "超额完成水土流失综合治理4.28万亩")
AFTER_CUE_REACH = 30  # characters after a figure, within its clause, where an after-cue is looked for
# (an arrangement's noun after the amount, "设立1000亿元…专项资金", names that amount only, not the figures
# listed before it: "新增…限额1618亿元、…争取增发国债资金240.5亿元")
# A goal reported as met is no cue: "圆满完成全年目标任务,地区生产总值增长5.2%", "较好完成了主要预期目标",
# "“十四五”规划主要目标任务全面完成" (the verb within the clause before the goal, or right after it)
GOAL_NOUNS = ("目标", "目标任务")
MET_BEFORE = re.compile(r"(?P<verb>完成|实现|达到|超过|高于|好于|快于|占)[^,;:。!?\n]{0,10}$")
MET_GOAL = "met:"  # the cue of a figure inside a goal said to be met: the goal of the period the text reviews
MET_AFTER = re.compile(r"(?:全面|顺利|圆满|基本|超额|如期|均)?(?:完成|实现|达成)(?!情况)")  # not "…目标完成情况"
# …nor is a goal that frames the work: "围绕“一枢纽四中心”…目标任务,谋划储备了2651个项目",
# "锚定决胜之年目标任务,…一季度交出亮眼答卷"
FRAMED_BEFORE = re.compile(r"(?P<verb>围绕|锚定|聚焦|紧扣|对标|瞄准|紧盯)[^,;:。!?\n]{0,24}$")
# Quotes and titles hold names, not cues: “1+2+4+N”目标任务体系, 《…计划》
QUOTED = re.compile(r"“[^”\n]*”|《[^》\n]*》")
# ...but a quotation with a clause in it is someone's words, read like the text around it:
# "“项目预计总投资20亿元,预计年底累计完成投资2.2亿元。”吕光泉说" (辽宁日报 2025)
SPOKEN = re.compile(r"[,;。!?,;!?]")
# …but a quoted list closed by a goal word is a list of goals: 确立了“地区生产总值增长6%,…”的预期目标,
# 把“新增就业3万人、调查失业率5.5%以内”作为今年工作目标 (the cue within this many characters of the
# closing quote, in the same clause)
QUOTE_CLOSING_REACH = 8
# The characters that end a clause
CLAUSE_BREAKS = ",;:。!?\n"
# …and so is a list without quotes, its items joined by 、 and closed by 等 and a goal word: "一、对地区生产总值
# 增长5%以上、规模以上工业增加值增长4.5%以上、…、粮食产量500亿斤左右…等经济社会发展预期目标完成情况进行监测
# 和督导" (辽宁, 2025年《政府工作报告》重点工作分工方案); the goal word within this many characters of 等
LIST_CLOSER = "等"
# A goal given in brackets after the word: "一季度,辽宁省城镇新增就业12.5万人,…,完成年度目标(45万人)的27.8%"
# (辽宁 人社厅, April 2023): the figure inside is the goal, whatever the period around it
GOAL_IN_BRACKETS = re.compile(r"目标(?:任务)?[(（](?P<goal>[^()（）\n]{1,24})[)）]")
BRACKETED_GOAL = "目标()"  # its kind_cue
# …and so is the year's plan that a share is taken of: "完成形象进度投资41.63亿元,占年度计划40亿元的104%",
# "新增完成里程4315.8公里,占年度计划5000公里的86.32%" (海南, August 2018): an amount is the plan, anything else the goal
# (and an amount of a goal, not a plan, is the goal: "为年度目标136.64亿元的102%", 绵阳 2019)
# …and so is a task handed down: "完成州政府下达任务数132.63亿元的90.8%" (楚雄, November 2018)
# …and so is the year's plan of an output: "地区生产总值635亿元,完成年计划710亿元的89.4%" (荔城, February 2023)
PLAN_OF_SHARE = re.compile(r"(?=[年全下])(?:(?:年度|全年)(?:确保|预期|奋斗)?(?:计划|目标)(?:任务)?|(?P<task>下达(?:的)?任务数?|(?<![度全])年计划))"
                           r"(?P<goal>[^,;:。!?的\n]{1,16})的[\d.]+%")
PLAN_OF_SHARE_CUE = "年度计划…的"
LIST_CLOSING_REACH = 14
# …and so is a figure the goal word follows at once: "完成区人代会批准增长8%以上目标" (瑶海, December 2021),
# "城镇登记失业率3.21%,低于4.5%的控制目标" (陕西, October 2019), "高于3.9万个的年度目标任务" (住建部, 2021);
# "处于7%—7.5%年度预期目标区间范围之内" (河南, October 2019); not a count of goals missed or met, "7项未达预期目标" (池州, 2025), nor a quoted goal said to be met (see MET_BEFORE), nor a count of goals ("2019年12项主要目标任务圆满完成", 四川 2020)
GOAL_NAMED_AFTER = re.compile(r"(?P<goal>[^\d,;:。!?、\n]{0,4}(?P<number>\d)[\d.]*(?:%?[—–~至-][\d.]+)?(?![\d.]|项)"
                              r"[^\d,;:。!?、\n未达完实超占”]{0,6}?)的?(?:年度|全年)?(?:预期|控制)?目标")
GOAL_NAMED_AFTER_CUE = "…的目标"
GOAL_NAMED_REACH = 48  # characters before 目标 where its figure is looked for (a match is at most about 40)
NUMBER_RUN = frozenset("0123456789.%—–~至-")
# A share of a goal is how much of it was done: "公路水路投资完成13537亿元,完成全年1.8万亿元投资目标任务的75.2%"
# (交通运输部, August 2020), "完成年度任务的52%" (河北, July 2023); so is a share of a plan: "共完成投资551亿元,
# 占年度计划投资的27.1%" (西藏, July 2017), "解决42.3万人…饮水安全问题,占总计划的84.6%" (重庆, 2015); so is a share of a goal
# named with its amount: "为年度确保目标1200亿元的111.7%" (湖北, February 2023), or in what it counts, or as what was due:
# "占责任目标套数的63.7%", "占应竣工套数的41.2%" (河北, August 2009)
SHARE_OF_GOAL = re.compile(r"目标(?:任务)?(?:[^\d,;:。!?\n的]{1,2}数)?的$|占应[^\d,;:。!?\n的]{1,6}的$"
                           r"|目标(?:任务)?[\d.]+[^\d,;:。!?\n的]{0,4}的$|(?:年度|全年)任务的$|占[^,;:。!?\n\d]{0,8}目标(?:任务)?$"
                           r"|(?:[占为]|完成)[^,;:。!?\n\d]{0,4}计划(?:投资|总投资|新?开工项目数?)?的?$")  # "占年计划60.5%" (邯郸, August 2013),
# "完成年计划的15.6%" (阿拉善, June 2021), "新开工建设114个项目,占计划新开工项目的87%" (江西, September 2018)
SHARE_OF_GOAL_CUE = "目标的"
# …and the amount whose share of the year's plan or goal follows it is what was done: "县重点建设项目43宗,完成投资29.2亿元,
# 完成年度计划的47.1%" (惠东, September 2022), "已完成投资229.3亿元,占年计划60.5%" (邯郸, August 2013)
SHARE_AFTER = re.compile(r"[,,]?(?:完成|占|为|达到?)了?(?:年度|全年|年)(?:投资)?(?:计划|目标)(?:任务)?"
                         r"(?:[\d.]+[^\d,;:。!?\n的]{0,4})?的?[\d.]+%")
SHARE_AFTER_CUE = "…占年度计划的"
# The money a task of the year's list is given, told before the task: "投资28亿元,新建、改建农村公路300公里" (拉萨's work report,
# 2018), "投资9530万元,实施6乡镇7村596户3523人的易地扶贫搬迁工程" (张家川's 实事, March 2015): an arrangement, not a goal
MONEY_FOR_TASK_BEFORE = re.compile(r"(?:^|[,;:。!?\n])(?:计划|拟)?投资$")
MONEY_FOR_TASK_AFTER = re.compile(r"(?:以上|左右)?(?:[,,](?:新建|改建|新改建|建设|实施|建成|改造|新增|修建|开展|启动|加快|推进|编制)"
                                  r"|,?实现)")  # "投资11.7亿元,启动育才高中…迁建", "投资3亿元实现…110个村生活污水全收集" (武穴, 2023)
# The year's planned spending, whatever the spending is called between 计划完成 and 投资, is an arrangement (as 计划完成投资 in
# kind_cues.csv): "今年全省计划完成市政基础设施投资3500亿元" (湖北, January 2022), "当年计划完成765亿元" (定西, February 2022);
# not one with a goal's form ("计划完成公路水路基础设施投资1000亿元以上", 河南 2021). It outweighs 计划完成 alone, a goal's cue.
PLANNED_SPENDING = re.compile(r"计划完成(?:[^,;:。!?、\n\d]{0,16}投资)?$")
PLANNED_SPENDING_REACH = 24
PLANNED_SPENDING_CUE = "计划完成…投资"
WEIGHT_PLANNED_SPENDING = WEIGHT_MET_GOAL
MONEY_FOR_TASK_CUE = "投资…,实施"
# A rate of what was started or finished is a measure of what was done, whatever the list's plan said before it: "本年度省重点工程
# 计划新开工项目194项,截至9月底已开工145项,开工率74.7%" (山西, September 2013); a goal word in its own clause still wins
# ("力争开工率达到90%以上")
RATE_DONE_BEFORE = re.compile(r"(?:开工|开复工|开\(复\)工|复工|竣工|完工|投产|启动)率(?:为|达|达到)?$")  # "开(复)工率达96.3%" (哈尔滨, 2021)
RATE_DONE_CUE = "…开工率"
# (it outweighs a plan's cue and a year not over: "2020年,全省计划改造老旧小区1369个,目前已全部开工,并改造完成1185个,完工率为
# 86.6%" (河北, October 2020))
WEIGHT_RATE_DONE = WEIGHT_MET_GOAL
# The part of a list started, right after the list and its verb: "117个新建项目实现开工90个,开工率为77%" (长沙县, November 2014)
# "48个新建项目开工28个" (阿拉善, June 2021); or before the verb: "52个续建项目45个复工"
PART_STARTED_BEFORE = re.compile(r"项目(?:已经?|实际|累计|实现)?(?:开复工|开工|复工|竣工|投产)(?:建设)?$")
PART_STARTED_AFTER = re.compile(r"(?:已经?|实际|累计|实现)?(?:开复工|开工|复工|竣工|投产)(?![率项])")
PART_STARTED_CUE = "…项目实现开工"
# The gap between a result and its goal, told right after the goal: "GDP增长6.8%,超出全年预期目标0.3个百分点" (山西, September
# 2018), "全省居民消费价格同比上涨2.6%,…低于预期目标1.4个百分点" (海南, July 2014), or right after the goal's rate:
# "规上工业总产值、规上工业增加值分别超目标增速4.9个、11个百分点" (巢湖, August 2021), "GDP超过目标增速0.3个百分点" (东兰, August
# 2016, part 361)
GAP_TO_GOAL_BEFORE = re.compile(r"(?:超出|超过|超|高出|高于|低于|快于|慢于|好于)(?:全年|年度)?(?:投资)?(?:预期|计划)?目标(?:任务|增速)?$")
GAP_TO_GOAL_CUE = "…高于目标"
# A goal's rate told between 目标 and 任务, in the task said done: "预计,全年地区生产总值同比增长6.2%,完成区人代会批准的预期目标
# 增长6%任务" (瑶海, December 2019): the goal of the year reviewed, whatever estimate frames the sentence
GOAL_BEFORE_TASK = re.compile(r"完成[^,;。!?\n]{0,16}目标(?:增长|增速为?|为)?$")
TASK_AFTER_GOAL = re.compile(r"的?任务")
GOAL_BEFORE_TASK_CUE = "目标…任务"
GOAL_BEFORE_TASK_REACH = 28
# The goal named between 目标 and the share of it done: "完成签约目标50亿元的115.56%", "完成目标任务20亿元的56.3%" (海北, July 2013)
# …or in brackets after the goal's name: "完成省定任务指标(650万平方米)的73.9%" (湖州, October 2020, part 351)
GOAL_BEFORE_SHARE = re.compile(r"目标(?:任务)?$|(?:目标|任务)(?:指标)?[(（]$")
SHARE_AFTER_GOAL = re.compile(r"[)）]?的[\d.]+%")
GOAL_BEFORE_SHARE_CUE = "目标…的"
# The year's money of a list, told right after 年度计划: "共有项目206个,总投资1476亿元,年度计划487亿元" (德州, February 2023);
# (年度计划 as a cue word would reach the shares and margins after it: "分别达到年度计划的75%", "超出年度计划7.2个百分点")
YEAR_PLAN_MONEY_BEFORE = "年度计划"
YEAR_PLAN_MONEY_CUE = "年度计划…元"
# A figure inside a task quoted by its wording is the task's: "包括“完成城镇新增就业70万人”项目,已新增43.91万人" (湖南's 实事,
# July 2018), "“兜底帮扶2500名困难群体就业”等46件实事已提前完成" (盐城, December 2023)
QUOTED_TASK_BEFORE = re.compile(r"“" + TASK_VERBS + r"[^”“\n]{0,40}$")
QUOTED_TASK_CUE = "“…”任务"
# The cues that speak for one figure only, not for the others of its sentence
# (a count of a list's tasks is no such cue: a sentence that opens with it and has no cue word is the list's: "民生工程项目25个,
# 总投资165亿元,启动建设…" (中山, March 2024))
FIGURE_CUES = frozenset({PROJECT_LIST_CUE, PART_DONE_CUE, DONE_AFTER_CUE, SHARE_OF_GOAL_CUE, SHARE_AFTER_CUE, RATE_DONE_CUE,
                         MONEY_FOR_TASK_CUE, GAP_TO_GOAL_CUE, PART_STARTED_CUE, GOAL_BEFORE_SHARE_CUE, YEAR_PLAN_MONEY_CUE,
                         QUOTED_TASK_CUE, PLANNED_SPENDING_CUE})
YEAR = re.compile(r"(?<![\d.])20\d{2}(?![\d.])")  # four digits alone: not the 2014 of "实现20144.3亿元"
# (position, floor) -> where the clause holding position starts
ClauseStart = Callable[[int, int], int]


@lru_cache(maxsize=1)
def _cue_table() -> tuple[WordFinder, dict[str, KindCue]]:
    """The cue words, found by Aho–Corasick (longest first, so a phrase listed as "none" hides the cue
    inside it), and the cues by word."""
    cues = {cue.word: cue for cue in load_kind_cues()}
    return WordFinder(cues), cues


def find_kind_cues(text: str) -> list[tuple[int, int, str, str, str, str]]:
    """(start, end, kind, word, where, strength) of every cue word in ``text``, quotes left out.

    >>> [c[2:4] for c in find_kind_cues("增速比预期目标高0.3个百分点,力争到2030年增长5%")]
    [('target', '力争'), ('target', '到2030年')]
    >>> [c[2:4] for c in find_kind_cues("圆满完成全年目标任务,地区生产总值增长5.2%")]
    [('actual', '完成')]
    """
    finder, cues = _cue_table()
    quotes = list(QUOTED.finditer(text)) if ("“" in text or "《" in text) else []
    quoted = [m.span() for m in quotes]
    masked = [m.span() for m in quotes if not (m.group().startswith("“") and SPOKEN.search(m.group()))]
    masked_starts = [a for a, _ in masked]
    found, framed = [], []
    for start, end, word in finder.find(text):
        cue = cues[word]
        if cue.kind == "none" or _in_spans(start, masked, masked_starts):
            continue
        if word.endswith(GOAL_NOUNS):
            frame = FRAMED_BEFORE.search(text, max(0, start - 26), start)
            met = MET_BEFORE.search(text, max(0, start - 12), start)
            if (frame or met) and cue.kind == "target" and any(ch.isdigit() for ch in text[(frame or met).end("verb"):start]):
                # a figure inside the frame, or inside the goal said to be met, is the goal: "辽宁锚定固定资产投资
                # 增长8%左右的目标" (2025-04), "全年新(改)扩建幼儿园48所,超额完成40所的年度目标任务" (宁波, 2019)
                framed.append(((frame or met).end("verb"), start, cue.kind, (MET_GOAL + word) if met and not frame
                               else word, "around", cue.strength))
            if frame or met or MET_AFTER.match(text, end):
                continue  # "圆满完成全年目标任务", "主要目标任务全面完成": a goal met is a result's context
        found.append((start, end, cue.kind, word, cue.where, cue.strength))
    # "预计到2022年底,全县实现GDP243亿元" (红安, 31 December 2022): a year's end estimated is an estimate (not "预计到2019年,
    # 全省将实现…100%通公路", 贵州 May 2018: a goal)
    deadlines = [(m.start(), m.end(), "forecast" if m.group().endswith(("底", "末")) and text.endswith("预计", 0, m.start())
                  else "target", m.group(), "before", "strong")
                 for m in DEADLINE_CUE.finditer(text) if not _in_spans(m.start(), masked, masked_starts)]
    closing = framed
    found_starts = [cue[0] for cue in found]  # in order
    for span in quoted:
        cue = _quote_closed_by_goal(text, span, found, found_starts) if text[span[0]] == "“" else None
        if cue is None:
            continue
        if MET_BEFORE.search(text, max(0, span[0] - 12), span[0]):
            found.remove(cue)  # "完成了“…增长6%”的目标": a goal met is a result's context
        else:
            closing.append((span[0], span[1], cue[2], cue[3], "around", cue[5]))
    if LIST_CLOSER in text:
        closing.extend(_lists_closed_by_goal(text, found))
    if "目标(" in text or "目标（" in text or "任务(" in text or "任务（" in text:
        closing.extend((m.start("goal"), m.end("goal"), "target", BRACKETED_GOAL, "around", "strong")
                       for m in GOAL_IN_BRACKETS.finditer(text))
    if "目标" in text:
        closing.extend((m.start("goal"), m.end("goal"), "target",
                        # "超额完成40所的年度目标任务": a goal met is the goal of the period the text reviews
                        MET_GOAL + GOAL_NAMED_AFTER_CUE
                        if MET_BEFORE.search(text, max(0, m.start("number") - 16), m.start("number"))
                        else GOAL_NAMED_AFTER_CUE, "around", "strong") for m in _find_goals_named_after(text))
    if "年度计划" in text or "年计划" in text or "年度目标" in text or "全年目标" in text or "下达" in text:
        closing.extend((m.start("goal"), m.end("goal"),
                        "plan" if m.group("goal").endswith("元") and not m.group("task") and "计划" in m.group()
                        else "target",
                        PLAN_OF_SHARE_CUE, "around", "strong") for m in PLAN_OF_SHARE.finditer(text))
    return sorted(found + deadlines + closing) if deadlines or closing else found


# A progress table whose header names a goal column before what was done: "序号 项目名称 责任单位 目标任务  1-7月 \n实际
# 完成情况\n任务完成率 备注" over rows "1 新增城镇就业 区人社局 8950人 6453人 72%" (岳阳楼区's 民生实事, July 2019): the
# first figure of each row is its goal
TABLE_GOAL_HEADER = re.compile(r"^序号\s[^\n]*?(?:目标任务|年度目标|年度任务|目标|任务数?|计划)(?=[^\n]*\n?[^\n]{0,40}(?:完成|进度|实际))",
                               re.M)
TABLE_ROW = re.compile(r"^(?P<number>\d{1,3})(?![\d.%])", re.M)
TABLE_ROWS_REACH = 4000  # characters after the header where its rows are looked for
TABLE_GOAL_CUE = "table:目标"


def find_goal_cells(text: str, figure_starts: Sequence[int]) -> set[int]:
    """Where each figure that fills a progress table's goal column starts: the first figure of each numbered row under
    a header that names a goal column before what was done (see TABLE_GOAL_HEADER)."""
    cells: set[int] = set()
    if "序号" not in text:
        return cells
    for header in TABLE_GOAL_HEADER.finditer(text):
        for row in TABLE_ROW.finditer(text, header.end(), min(len(text), header.end() + TABLE_ROWS_REACH)):
            line_end = text.find("\n", row.end())
            first = bisect.bisect_left(figure_starts, row.end("number"))
            if first < len(figure_starts) and figure_starts[first] < (len(text) if line_end < 0 else line_end):
                cells.add(figure_starts[first])
    return cells


def _lists_closed_by_goal(text: str, found: list):
    """An "around" cue for each list of 、-joined items closed by 等 and a strong goal word in its clause."""
    for cue in found:
        if cue[2] != "target" or cue[5] != "strong" or not cue[3].endswith(GOAL_NOUNS):
            continue
        closer = text.rfind(LIST_CLOSER, max(0, cue[0] - LIST_CLOSING_REACH), cue[0])
        if closer < 0 or any(ch in CLAUSE_BREAKS for ch in text[closer:cue[0]]):
            continue
        start = max(text.rfind(ch, 0, closer) for ch in CLAUSE_BREAKS) + 1
        if "、" in text[start:closer]:
            yield (start, closer, cue[2], cue[3], "around", cue[5])


def _quote_closed_by_goal(text: str, span: tuple[int, int], found: list, found_starts: list[int]) -> tuple | None:
    """The strong goal word that closes a quoted list ("“…增长6%…”的预期目标"), else None
    (``found_starts``: where each cue of ``found`` starts, in order)."""
    end = span[1]
    for i in range(bisect.bisect_left(found_starts, end), len(found)):
        cue = found[i]
        cue_start, kind, strength = cue[0], cue[2], cue[5]
        if cue_start > end + QUOTE_CLOSING_REACH or any(ch in CLAUSE_BREAKS for ch in text[end:cue_start]):
            return None
        if strength == "strong" and kind == "target":
            return cue
    return None


def closes_bracket_between(text: str, start: int, end: int) -> bool:
    """Whether a bracket that was open at ``start`` closes before ``end``."""
    close = min((i for i in (text.find(")", start, end), text.find("）", start, end)) if i >= 0), default=-1)
    return close >= 0 and "(" not in text[start:close] and "（" not in text[start:close]


def _in_spans(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, position) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def decide_kind(figure: FigureSpan, cues, text: str, clause_start: ClauseStart, carried_kind, section: Section,
                genre: str | None, published: dt.date | None,
                past_period: tuple[int, str] | None = None,
                open_year: str | None = None, tense: tuple[str, str] | None = None) -> tuple[str, str | None, float]:
    """(kind, the cue that decided it, confidence): the evidence around a figure, weighed.

    The nearest strong cue before the figure in its sentence, a strong cue right after it in its
    clause, a cue carried over ; or : or opening the paragraph, the tense and aspect words of its
    clause, a period phrase before it that lies before the text was written (``past_period``: where
    and what) or a year not over when it was (``open_year``), its section's role and its document's
    genre (and, in a press conference, the ``tense`` of the sentence before) each vote for a kind
    with a weight; the confidence is the winner's share of all the votes and of ``WEIGHT_DOUBT``.
    A goal word in an earlier clause does not reach past a period that is over ("锚定决胜之年目标任务,
    …,一季度交出亮眼答卷:地区生产总值增长5.6%"), nor a result word past a year not over in the
    figure's own clause ("已累计开工13万套,…,为2017年底全面完成14.05万户…奠定了基础").

    >>> text = "三、2026年重点工作\\n全年新开工亿元以上项目200个以上,力争规上工业增加值增长6%。"
    >>> from helpers.corpus.sections import extract_sections
    >>> from helpers.indicators.figures import find_figures
    >>> section = extract_sections(text)[1]
    >>> cues, clause = find_kind_cues(text), lambda position, floor: text.rfind(",", floor, position) + 1
    >>> [decide_kind(f, cues, text, clause, None, section, None, None) for f in find_figures(text)]
    [('target', 'section:tasks', 0.58), ('target', '力争', 0.8)]
    """
    evidence: list[tuple[str, float, str | None]] = []  # (kind, weight, word)
    own_clause = clause_start(figure.start, max(0, figure.start - 200))
    estimated_before = any(cue[2] == "forecast" and cue[5] == "strong" and cue[1] <= figure.start for cue in cues)
    reach = min(len(text), figure.end + AFTER_CUE_REACH)
    done = DONE_AFTER.match(text, figure.end, reach) \
        if text.find("已", figure.end, reach) >= 0 or text.find("实现", figure.end, reach) >= 0 else None
    quoted_task = "“" in text[max(0, figure.start - 44):figure.start] \
        and QUOTED_TASK_BEFORE.search(text, max(0, figure.start - 44), figure.start) is not None \
        and text.find("”", figure.end, figure.end + 40) >= 0
    if quoted_task:
        done = None  # what is done after the quote is the list's: "“兜底帮扶2500名困难群体就业”等46件实事已提前完成"
    if done and done.group("realised") and (has_goal_form(figure) or any(
            cue[2] in ("target", "forecast") and cue[5] == "strong" and own_clause <= cue[0] and cue[1] <= figure.start
            for cue in cues)):
        # a goal or an estimate to be realised: "力争再实现129个1亿元以上项目在3月底前实现开工" (重庆, 2019), "预计今年61个
        # 项目实现竣工投产" (葫芦岛, 2021)
        done = None
    tasks = TASK_COUNT.match(text, figure.end) if figure.unit in TASK_COUNT_UNITS else None
    if tasks:
        # (done after it, or before it in its clause: "较好完成区十九届人大一次会议确定的年度目标和五项重点任务", 旅顺口 December 2022)
        done_before = TASKS_MET_BEFORE.search(text, own_clause, figure.start)
        evidence.append(("actual" if tasks.group("done") or done_before else "target", WEIGHT_MET_GOAL, TASK_COUNT_CUE))
    elif figure.unit in TASK_COUNT_UNITS and TASK_NAME_BEFORE.search(text, max(0, figure.start - 8), figure.start) \
            and not TASK_NAME_DONE.search(text, own_clause, figure.start):
        evidence.append(("target", WEIGHT_MET_GOAL, TASK_COUNT_CUE))
    elif figure.unit in TASK_COUNT_UNITS and not done and YEAR_PLAN_AFTER.match(text, figure.end) \
            and _counts_projects_listed(text, own_clause, figure.end):
        evidence.append(("target", WEIGHT_CUE_AFTER, PROJECT_LIST_CUE))
    elif figure.unit == "元" and TOTAL_BEFORE.search(text, max(0, figure.start - 6), figure.start) \
            and YEAR_PLAN_AFTER.match(text, figure.end) and _totals_projects_listed(text, figure.start, clause_start):
        evidence.append(("target", WEIGHT_CUE_AFTER, PROJECT_LIST_CUE))
    elif figure.unit in TASK_COUNT_UNITS and (progress := LIST_PROGRESS_AFTER.match(text, figure.end)) \
            and (not progress.group("counted") or text.endswith(("项目", "工程"), 0, figure.start)) \
            and not (progress.group("rate") and past_period) \
            and not LIST_STARTED.search(text, own_clause, figure.start):
        # (whatever the months of the progress say: "1-4月,我市150个重点项目中148个实施项目累计完成投资177.8亿元,完成年度计划的
        # 28.4%" (常州, May 2015); not projects started: "全省已开工重点项目318个,完成投资2253亿元,投资完成率34.4%" (安徽, May 2024);
        # nor last year's list, its rate told in January: "419个市级重点项目投资完成率分别达…144.54%" (宝鸡, January 2026))
        evidence.append(("target", WEIGHT_MET_GOAL, PROJECT_LIST_CUE))
    elif figure.unit in TASK_COUNT_UNITS and LIST_ENTERED_BEFORE.search(text, own_clause, figure.start) \
            and any(noun in text[max(0, figure.start - 24):figure.start] for noun in ("项目", "重点工程")):
        evidence.append(("target", WEIGHT_CUE_AFTER, PROJECT_LIST_CUE))
    elif figure.unit in TASK_COUNT_UNITS and (STARTED_PART_AFTER.match(text, figure.end) or _counts_whole_before_part(text, figure)
                                              or (text.endswith(("项目", "任务"), 0, figure.start)
                                                  and STARTED_PART_AFTER_COUNT.match(text, figure.end))):
        evidence.append(("target", WEIGHT_MET_GOAL, PART_DONE_CUE))
    elif done and PART_DONE.match(text, done.end()):
        evidence.append(("target", WEIGHT_MET_GOAL, PART_DONE_CUE))
    elif figure.unit != "%" and (part := PART_SAME_UNIT.match(text, figure.end, reach)) \
            and (unit := WRITTEN_UNIT.search(figure.quote.rstrip("以上左右余多"))) and part.group("unit").startswith(unit.group()) \
            and not (section.role == "statistics" and "," in part.group()):
        # (not in a bulletin, whose count before a comma is a result too: "中心城区新建1片运动游园,已建成33片…" (伊春, 2022))
        evidence.append(("target", WEIGHT_MET_GOAL, PART_DONE_CUE))
    elif figure.unit in TASK_COUNT_UNITS and not done and ROLE_KIND.get(section.role) != "actual" \
            and KEY_LIST_PROGRESS_AFTER.match(text, figure.end) \
            and not LIST_STARTED.search(text, own_clause, figure.start) and not text.endswith("其中", 0, figure.start) \
            and text.find("目标任务", figure.end, figure.end + SHARE_OF_GOAL_AFTER_REACH) < 0:
        # (not before a share of the goal: "全市230个重点项目完成投资291.5亿元,占前三季度目标任务78.5%" (达州, August 2018)
        # reports what was done)
        evidence.append(("target", WEIGHT_CUE_AFTER, PROJECT_LIST_CUE))
        past_period = None  # the months are the progress's, not the list's
    elif figure.unit in TASK_COUNT_UNITS and not done and PLANNED_LIST_AFTER.match(text, figure.end):
        evidence.append(("target", WEIGHT_CUE_AFTER, PROJECT_LIST_CUE))
    elif done:  # "625个村庄规划编制工作已完成" (福州, November 2012), after 计划建成 opened the paragraph
        evidence.append(("actual", WEIGHT_MET_GOAL, DONE_AFTER_CUE))
    if figure.unit == "元" and figure.qualifier not in GOAL_FORM_QUALIFIERS + FLOOR_QUALIFIERS \
            and PLANNED_SPENDING.search(text, max(own_clause, figure.start - PLANNED_SPENDING_REACH), figure.start):
        evidence.append(("plan", WEIGHT_PLANNED_SPENDING, PLANNED_SPENDING_CUE))
    if figure.unit == "元" and MONEY_FOR_TASK_BEFORE.search(text, max(0, figure.start - 5), figure.start) \
            and MONEY_FOR_TASK_AFTER.match(text, figure.end) and ROLE_KIND.get(section.role) != "actual" and not past_period:
        # (not in a review, where the money was spent: "投资2.5亿元,实施老城区改造提升" in 大安's review of 2020)
        evidence.append(("plan", WEIGHT_CUE_IN_CLAUSE, MONEY_FOR_TASK_CUE))
    if figure.unit == "%" and RATE_DONE_BEFORE.search(text, max(0, figure.start - 8), figure.start) \
            and not has_goal_form(figure) and figure.qualifier not in FLOOR_QUALIFIERS \
            and not any(cue[2] == "target" and cue[5] == "strong" and own_clause <= cue[0] and cue[1] <= figure.start for cue in cues) \
            and not estimated_before:
        # (not a floor or an estimate: "3月底开工率不低于30%" (沈阳, March 2018), "预计上半年…开工率77%")
        evidence.append(("actual", WEIGHT_RATE_DONE, RATE_DONE_CUE))
    if figure.unit != "%" and SHARE_AFTER.match(text, figure.end) and not (carried_kind and carried_kind[0] == "forecast") \
            and not estimated_before:
        # (not an amount estimated: "预计全年完成投资135亿元,为年计划的106%" (沈河, October 2021))
        evidence.append(("actual", WEIGHT_CUE_AFTER, SHARE_AFTER_CUE))
    if (text[figure.start - 1:figure.start] in ("的", "务", "标") or (figure.unit == "%" and text.endswith(("划", "划投资"), 0, figure.start))) \
            and SHARE_OF_GOAL.search(text, max(0, figure.start - 14), figure.start):
        # …unless the amount it is a share of is estimated: "预计全年完成投资135亿元,为年计划的106%" (沈河, October 2021)
        evidence.append(("forecast" if estimated_before else "actual", WEIGHT_CUE_IN_CLAUSE, SHARE_OF_GOAL_CUE))
    if figure.unit in TASK_COUNT_UNITS and (PART_STARTED_BEFORE.search(text, max(0, figure.start - 10), figure.start)
                                            or (text.endswith("项目", 0, figure.start) and PART_STARTED_AFTER.match(text, figure.end))) \
            and text.find("计划", own_clause, figure.start) < 0:  # (not "2021年,沈阳计划亿元以上项目开复工1600个", a plan)
        evidence.append(("actual", WEIGHT_MET_GOAL, PART_STARTED_CUE))
    if quoted_task:
        evidence.append(("target", WEIGHT_MET_GOAL, QUOTED_TASK_CUE))
    if figure.unit == "元" and text.endswith(YEAR_PLAN_MONEY_BEFORE, 0, figure.start):
        evidence.append(("plan", WEIGHT_CUE_IN_CLAUSE, YEAR_PLAN_MONEY_CUE))
    if figure.unit != "%" and text[figure.start - 1:figure.start] in ("标", "务", "(", "（") \
            and GOAL_BEFORE_SHARE.search(text, max(0, figure.start - 6), figure.start) \
            and SHARE_AFTER_GOAL.match(text, figure.end):
        evidence.append(("target", WEIGHT_MET_GOAL, GOAL_BEFORE_SHARE_CUE))
    if figure.unit == "%" and TASK_AFTER_GOAL.match(text, figure.end) \
            and GOAL_BEFORE_TASK.search(text, max(0, figure.start - GOAL_BEFORE_TASK_REACH), figure.start):
        evidence.append(("target", WEIGHT_MET_GOAL, MET_GOAL + GOAL_BEFORE_TASK_CUE))
    if figure.unit in ("%", "百分点") and text[figure.start - 1:figure.start] in ("标", "务", "速") \
            and GAP_TO_GOAL_BEFORE.search(text, max(0, figure.start - 12), figure.start):
        # (the gap of an estimate is estimated: "规模以上工业增加值预计同比增长-6%,低于计划目标13个百分点" (威县, 2023))
        evidence.append(("forecast" if estimated_before else "actual", WEIGHT_MET_GOAL, GAP_TO_GOAL_CUE))
    if cues:
        clause = own_clause
        weak_words: list[str] = []
        earlier_tense = None  # the last tense word of an earlier clause: "江门将实施…,抓好8个…产业园建设"
        has_verb = False
        strong_before = None
        for start, end, kind, word, where, strength in cues:
            if where == "around":  # a quoted list closed by a goal word
                if start <= figure.start and figure.end <= end:
                    given = word.startswith(MET_GOAL) or word in (BRACKETED_GOAL, PLAN_OF_SHARE_CUE, GOAL_NAMED_AFTER_CUE)
                    evidence.append((kind, WEIGHT_MET_GOAL if given
                                     else WEIGHT_CUE_AFTER, word))
                continue
            if where == "after":
                if figure.end <= start <= figure.end + AFTER_CUE_REACH and strength == "strong":
                    between = text[figure.end:start]
                    if not any(ch in CLAUSE_BREAKS for ch in between) and not (kind == "plan" and "、" in between):
                        evidence.append((kind, WEIGHT_CUE_AFTER, word))
                continue
            if end > figure.start:
                continue
            if strength == CLAUSE_STRENGTH:  # strong in its own clause, nothing beyond it
                if start >= clause:
                    strong_before = (start, kind, word)
                continue
            if strength == "strong":
                looks_back = deadline_passed(word, published)
                estimated = (kind == "target" and word.startswith("将") and strong_before is not None
                             and strong_before[1] == "forecast")
                if not looks_back and not estimated and not closes_bracket_between(text, end, figure.start):
                    # "到2025年底" in a 2026 report looks back;
                    # "预计一季度,…将达到1246个" is an estimate; an aside in brackets speaks for itself:
                    # "完成年计划710亿元的89.4%(主要是二产、三产未达预期目标),增长2.0%" (荔城, 2023)
                    strong_before = (start, kind, word)
            elif start >= clause and word not in weak_words:  # each word once: "…达到3500亿元、…达到15条"
                weak_words.append(word)
                has_verb = has_verb or strength == "weak"
                evidence.append((kind, WEIGHT_WEAK, word))
            elif start < clause and strength == "weak" and word in SENTENCE_TENSE_WORDS:
                earlier_tense = (kind, word)
        names_whole = None  # (the same cue is the paragraph's opening cue, carried: it does not reach the part either)
        if strong_before and strong_before[0] < clause and CUE_NAMES_WHOLE.match(
                text, next(cue[1] for cue in cues if cue[0] == strong_before[0])):
            names_whole, strong_before = strong_before[2], None
        if strong_before and past_period and strong_before[0] < clause and strong_before[1] == "target" \
                and strong_before[0] < past_period[0]:
            strong_before = None
        elif strong_before and open_year and strong_before[0] < clause and strong_before[1] == "actual" \
                and text.find(open_year, clause, figure.start) >= 0:
            # nor does a result word reach a clause of its own with a year not over: "已累计开工13万套,…,
            # 为2017年底全面完成14.05万户采沉区棚改奠定了基础" (January 2017)
            strong_before = None
        if strong_before and strong_before[1] == "forecast" and open_year and has_goal_form(figure):
            # a rate in a goal's form, estimated for a year not over, is the year's goal: "2024年,贵州将…,预计全省
            # 地区生产总值增长5.5%左右" (January 2024), "2023年江西地区生产总值增长4.1%,2024年预计增长5%左右"
            strong_before = (strong_before[0], "target", strong_before[2])
        if strong_before:
            start, kind, word = strong_before
            if kind == "plan" and (_counts_arranged_projects(text, start, figure) or _totals_arranged_projects(text, figure)):
                # a count of the projects a list arranges is the list's task, under the convention of
                # tests/fixtures/kind_gold/README.md: "全年安排省市重点开工在建项目135项,总投资881.4亿元,年计划投资275亿元"
                # (衡水, January 2020); the money is the arrangement
                kind = "target"
            elif kind == "target" and word.startswith("计划") and figure.unit == "元" \
                    and PLANNED_SPENDING_BEFORE.fullmatch(text, own_clause, figure.start):
                # the money of a plan's projects is the plan's arrangement: "计划推进项目33个,完成投资71.10亿元" (嘉兴's plan
                # of March 2016), as 计划完成投资 is
                kind = "plan"
            if start >= clause:
                weight = WEIGHT_CUE_IN_CLAUSE
            elif kind == "plan" and figure.unit not in ARRANGED_UNITS:
                # nor a count of projects or a quantity after it: "新型工业化项目789个、计划投资1246.2亿元,新型城镇化项目
                # 1693个" (贵州, 2021), "计划投资47亿元,加固堤防850公里" (湖北, 2017): the count and the work are the
                # list's to do (a goal), the arrangement the money's
                kind, weight = "target", WEIGHT_PLAN_BEYOND_CLAUSE
            elif kind == "plan" and has_verb:
                # an arrangement (安排首批…1678个) does not reach a clause with a verb of its own
                # (",产业项目数占比达到58%"); it does reach "赤字率拟按3%安排,赤字规模4.06万亿元"
                weight = WEIGHT_PLAN_BEYOND_CLAUSE
            else:
                weight = WEIGHT_CUE_IN_SENTENCE
            evidence.append((kind, weight, word))
        elif carried_kind and carried_kind[1] != names_whole and not _done_since_arranged(carried_kind, text, clause, figure.start):
            if carried_kind[0] in ("forecast", "target"):
                evidence = [e for e in evidence if not (e[1] == WEIGHT_WEAK and e[2] in GOAL_LEVEL_WORDS)]
            evidence.append((carried_kind[0], WEIGHT_CARRIED, carried_kind[1]))
        future = earlier_tense if earlier_tense and earlier_tense[0] == "target" else tense \
            if tense and tense[0] == "target" and tense[1] in SENTENCE_TENSE_WORDS else None
        if future and weak_words and all(word in FUTURE_DONE_WORDS for word in weak_words) and not strong_before \
                and not carried_kind and not DONE_ALREADY.search(text, clause, figure.start):
            evidence = [e for e in evidence if not (e[1] == WEIGHT_WEAK and e[2] in FUTURE_DONE_WORDS)]
            weak_words, tense = [], future
        if earlier_tense and not weak_words and not strong_before and not carried_kind and tense is None:
            tense = earlier_tense
    elif carried_kind and not _done_since_arranged(carried_kind, text, own_clause, figure.start):
        carried = "target" if carried_kind[0] == "plan" and (figure.unit not in ARRANGED_UNITS
                                                           or _counts_arranged_projects(text, own_clause, figure)) \
            else carried_kind[0]  # "今年北京拟安排的230个重点建设项目…。其中,续建项目151项,新开项目79项" (北京, 2011)
        evidence.append((carried, WEIGHT_CARRIED, carried_kind[1]))
    if tense and not any(weight >= WEIGHT_CUE_IN_SENTENCE for _, weight, _ in evidence):
        evidence.append((tense[0], WEIGHT_TENSE, "tense:" + tense[1]))
    if past_period and not any(kind == "forecast" and weight > WEIGHT_WEAK for kind, weight, _ in evidence):
        # a period that is over is no goal, but may well be estimated: "预计前三季度,…增长24.5%"
        evidence.append(("actual", WEIGHT_LOOKS_BACK, "period:" + past_period[1]))
    elif open_year and not _reports_so_far(text, own_clause, figure):
        evidence.append(("target", WEIGHT_OPEN_YEAR, "period:" + open_year))
    if has_goal_form(figure):
        evidence.append(("target", WEIGHT_GOAL_FORM, "form:" + figure.qualifier))
    if all(weight <= WEIGHT_WEAK for _, weight, _ in evidence) \
            and YEAR_ON_YEAR.search(text, max(0, figure.start - 6), figure.start):
        evidence.append(("actual", WEIGHT_YEAR_ON_YEAR, YEAR_ON_YEAR_CUE))
    if section.heading and ESTIMATE_HEADING in section.heading and not any(
            weight >= WEIGHT_CUE_IN_SENTENCE for _, weight, _ in evidence):
        evidence.append(("forecast", WEIGHT_CARRIED, ESTIMATE_HEADING_CUE))
    role_kind = ROLE_KIND.get(section.role)
    if role_kind:
        evidence.append((role_kind, WEIGHT_ROLE, "section:" + section.role))
    genre_kind = GENRE_KIND.get(genre or "")
    if genre_kind:
        evidence.append((genre_kind[0], genre_kind[1], "genre:" + (genre or "")))
    votes = {"actual": WEIGHT_DEFAULT}
    best: dict[str, tuple[float, str | None]] = {"actual": (WEIGHT_DEFAULT, None)}
    weak_total: dict[str, float] = {}
    for kind, weight, word in evidence:
        if weight == WEIGHT_WEAK:  # tense words add up to a cap
            counted = min(WEIGHT_WEAK_CAP - weak_total.get(kind, 0.0), weight)
            weak_total[kind] = weak_total.get(kind, 0.0) + counted
            weight_added = counted
        else:
            weight_added = weight
        votes[kind] = votes.get(kind, 0.0) + weight_added
        if weight > best.get(kind, (0.0, None))[0]:
            best[kind] = (weight, word)
    kind = max(votes, key=lambda k: (votes[k], k == "actual"))
    return kind, best[kind][1], round(votes[kind] / (sum(votes.values()) + WEIGHT_DOUBT), 2)


def _counts_whole_before_part(text: str, figure: FigureSpan) -> bool:
    """Whether the count is of projects a part of which is then said to be started or done (see WHOLE_BEFORE_PART)."""
    whole = WHOLE_BEFORE_PART.match(text, figure.end)
    return whole is not None and PART_DONE_WORDS.match(text, whole.end()) is not None \
        and not STARTED_BEFORE.search(text, max(0, figure.start - 4), figure.start)


def _counts_arranged_projects(text: str, start: int, figure: FigureSpan) -> bool:
    """Whether a count an arrangement governs counts the projects it arranges (the list's task, a goal): 项目 between the
    arrangement and the count or right after it, "拟安排230个重点建设项目" (北京, February 2011)."""
    return figure.unit in TASK_COUNT_UNITS and ("项目" in text[start:figure.end + 4]
                                                or ARRANGED_PROJECTS_AFTER.match(text, figure.end) is not None)


def _totals_arranged_projects(text: str, figure: FigureSpan) -> bool:
    """Whether money an arrangement governs is the total investment of the projects it arranges (the list's, a goal):
    "今年,我市共安排重点项目270项,总投资4065.5亿元,年度计划396.6亿元" (长乐, November 2016); not what the year is to
    spend of it, "计划完成总投资2000亿元以上" (上海, January 2022)."""
    total = TOTAL_BEFORE.search(text, max(0, figure.start - 6), figure.start) if figure.unit == "元" else None
    return total is not None and not text.endswith("完成", 0, total.start())


def _reports_so_far(text: str, clause: int, figure: FigureSpan) -> bool:
    """Whether the figure's clause measures what the year not over has brought so far (see SO_FAR_IN_CLAUSE)."""
    end = min((at for at in (text.find(ch, figure.end) for ch in CLAUSE_BREAKS) if at >= 0), default=len(text))
    return SO_FAR_IN_CLAUSE.search(text, clause, end) is not None


def _done_since_arranged(carried_kind, text: str, clause: int, position: int) -> bool:
    """Whether an arrangement carried from an earlier sentence meets a clause that reports what was done: "全年安排…年计划
    投资275亿元。截至12月20日,完成投资376.24亿元" (衡水, January 2020) is a result."""
    return carried_kind[0] == "plan" and DONE_VERB.search(text, clause, position) is not None


def _counts_projects_listed(text: str, clause: int, end: int) -> bool:
    """Whether the clause from ``clause`` to the count ending at ``end`` counts projects of a list, not projects
    started, signed or added, nor one part of projects started earlier in its paragraph (see YEAR_PLAN_AFTER)."""
    # the noun may follow the count in its clause: "我市共63项江门重点项目,总投资355亿元,2022年计划投资55.28亿元" (恩平, 2022)
    if "项目" not in text[clause:end] + LISTED_NOUN_AFTER.match(text, end).group() or LIST_STARTED.search(text, clause, end):
        return False
    paragraph = max(text.rfind("\n", 0, clause) + 1, clause - PROJECTS_STARTED_REACH)
    # a start told of a part (其中…) is no start of the whole: "工业项目35个,…,其中…等12个计划新开工项目已全部开工;
    # 服务业项目33个,年度计划投资246.35亿元" (南昌, November 2023: the next sector of the year's list)
    return not any(not text.startswith("其中", max(text.rfind(ch, paragraph, started.start()) for ch in CLAUSE_BREAKS) + 1)
                   for started in PROJECTS_STARTED.finditer(text, paragraph, clause))


def _totals_projects_listed(text: str, start: int, clause_start: ClauseStart) -> bool:
    """Whether the total investment starting at ``start`` follows, in the next clause, a count of projects of a list."""
    own = clause_start(start, max(0, start - 20))
    count = LISTED_COUNT_BEFORE.search(text, max(0, own - 20), own) or LISTED_COUNT_IN_CLAUSE.search(text, own, start)
    return count is not None and _counts_projects_listed(
        text, clause_start(count.start(), max(0, count.start() - 200)), count.end("unit"))


def _find_goals_named_after(text: str) -> list[re.Match]:
    """GOAL_NAMED_AFTER's matches, looked for only before each 目标 (the same matches as ``finditer`` over
    the whole text, thirteen times faster: the pattern opens with a class, so the regex engine tries
    every position of a document).

    >>> [m.group("goal") for m in _find_goals_named_after("城镇登记失业率3.21%,低于4.5%的控制目标。目标任务完成")]
    ['低于4.5%']
    """
    found: list[re.Match] = []
    at = text.find("目标")
    while at >= 0:
        end = at + len("目标")
        floor = found[-1].end() if found else 0
        low = max(floor, at - GOAL_NAMED_REACH)
        while low > floor and text[low - 1] in NUMBER_RUN:  # a window never cuts a number
            low -= 1
        match = GOAL_NAMED_AFTER.search(text, max(floor, low - 4), end)
        while match is not None and match.end() < end:  # one that ends at an earlier 目标 was found before
            match = GOAL_NAMED_AFTER.search(text, match.end(), end)
        if match is not None:
            found.append(match)
        at = text.find("目标", end)
    return found


def has_goal_form(figure: FigureSpan) -> bool:
    """A rate with the qualifier of a goal (增长6.5%以上, 5%左右, 5.5%以内), or any figure with a floor set
    before it (城市低保标准不低于430元/月, 永州 2019): see GOAL_FORM_QUALIFIERS and FLOOR_QUALIFIERS."""
    return (figure.unit == "%" and figure.qualifier in GOAL_FORM_QUALIFIERS) or figure.qualifier in FLOOR_QUALIFIERS


def deadline_passed(word: str, published: dt.date | None) -> bool:
    """True for a deadline cue whose year was over when the text was written: "到2025年底" in a 2026 report.

    >>> deadline_passed("到2017年底", dt.date(2018, 1, 25)), deadline_passed("到2025年", dt.date(2023, 5, 1))
    (True, False)
    """
    return word.startswith("到") and published is not None and (_year_of(word) or 9999) < published.year


def _year_of(word: str) -> int | None:
    match = YEAR.search(word)
    return int(match.group()) if match else None



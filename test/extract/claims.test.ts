import { describe, expect, it } from 'vitest';
import { claimsOf, brief } from '../helpers/extract.js';

/** Each row: a sentence and the claims expected in it, as text|value|approx|unit|category. */
describe('numbers, scales and units', () => {
  it.each([
    ['全市梳理排查化解信访积案 701 件。', ['701 件|701|exact|件|cases_resolved']],
    ['为 3000 余农民工兄弟追讨工资 7000 余万元。', ['3000 余农民工|3000|over|农民工|headcount', '7000 余万元|70000000|over|元|amount']],
    ['追回购房款 1 亿多元。', ['1 亿多元|100000000|over|元|amount']],
    ['投资400万元建成900平米的信访大厅。', ['400万元|4000000|exact|元|amount', '900平米|900|exact|平米|count']],
    ['共接待群众１，２３４人次。', ['１，２３４人次|1234|exact|人次|headcount']],
    ['累计接待群众1,320批次。', ['1,320批次|1320|exact|批次|headcount']],
    ['为群众挽回经济损失一千二百余万元。', ['一千二百余万元|12000000|over|元|amount']],
    ['投入资金56.8万元。', ['56.8万元|568000|exact|元|amount']],
    ['涉及群众两三万人。', ['两三万人|25000|about|人|headcount']],
    ['协调解决遗留问题数十个。', ['数十个|10|about|个|cases_resolved']],
    ['举办培训班十几期。', ['十几期|10|over|期|count']],
    ['百余名民工冲进公司。', ['百余名|100|over|名|headcount']],
    ['上百人参加。', ['上百人|100|over|人|headcount']],
    ['连续四天组织调运73辆长途大巴。', ['四天|4|exact|天|duration', '73辆|73|exact|辆|count']],
    ['并在 24 小时内反馈。', ['24 小时内|24|exact|小时|duration']],
    ['担任督查处长5年来，规范督查程序。', ['5年来|5|exact|年|duration']],
    ['他从事信访工作20年。', ['20年|20|exact|年|duration']],
    ['设立 24 个接待窗口。', ['24 个|24|exact|个|count']],
    ['全国约二十个省来我省调研。', ['约二十个|20|about|个|count']],
    ['杨晶同志两次作出重要批示。', ['两次|2|exact|次|count']],
    ['提交报告300余件。', ['300余件|300|over|件|count']],
    ['受理 117 件。', ['117 件|117|exact|件|count']],
    ['已化解26件。', ['26件|26|exact|件|cases_resolved']],
    ['他用了三个多月时间走访。', ['三个多月|3|over|个月|duration']],
    ['每个调解室配备调解员3至5人。', ['3至5人|3|about|人|headcount']],
    ['为群众争取补偿资金逾亿元。', ['逾亿元|100000000|over|元|amount']],
    ['其中年轻干部占三分之一。', ['三分之一|33.33|exact|%|share']],
    ['化解率达百分之八十以上。', ['百分之八十以上|80|at_least|%|share']],
    ['他用了一个半月时间走访。', ['一个半月|1.5|exact|个月|duration']],
    ['建成矛盾纠纷调解中心342个。', ['342个|342|exact|个|count']],
    ['协调解决遗留问题342个。', ['342个|342|exact|个|cases_resolved']],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map(brief)).toEqual(expected);
  });
});

describe('approximation markers', () => {
  it.each([
    ['解决 150 余起。', 'over'], ['解决150多起。', 'over'], ['逾200人参加。', 'over'], ['超过300人参加。', 'over'],
    ['每年接待10000人次以上。', 'at_least'], ['化解不少于100件。', 'at_least'], ['至少化解30件。', 'at_least'],
    ['支持帮助解决近60起。', 'under'], ['将近500人参加。', 'under'], ['不到20人参加。', 'under'],
    ['约3000人参加。', 'about'], ['3000人左右参加。', 'about'], ['3000人上下参加。', 'about'],
    ['控制在20人以下。', 'at_most'], ['不超过20人参加。', 'at_most'], ['120人参加。', 'exact'],
  ])('%s -> %s', (text, approx) => {
    const cs = claimsOf(text);
    expect(cs).toHaveLength(1);
    expect(cs[0]?.approx).toBe(approx);
  });

  it('a trailing 以上 covers figures juxtaposed before it', () => {
    expect(claimsOf('近五年来，每年接待群众 700 批次 10000 人次以上。').map((c) => c.approx)).toEqual(['at_least', 'at_least']);
  });
});

describe('percentages, shares and changes', () => {
  it('reads direction and baseline', () => {
    const [c] = claimsOf('进京非正常上访量同比下降96.5%。');
    expect(c).toMatchObject({ value: 96.5, unit: '%', category: 'percent_change', direction: 'down', baseline: '同比' });
    const [d] = claimsOf('全市信访总量是较高峰期减少50%以上。');
    expect(d).toMatchObject({ value: 50, approx: 'at_least', category: 'percent_change', direction: 'down', baseline: '较高峰期' });
    const [e] = claimsOf('信访量与去年同期相比下降42%。');
    expect(e).toMatchObject({ direction: 'down', baseline: '与去年同期相比' });
    const [f] = claimsOf('受理量增长12.5%。');
    expect(f).toMatchObject({ direction: 'up', category: 'percent_change' });
  });

  it('reads shares', () => {
    expect(claimsOf('“零非访”县区占全市50%。')[0]).toMatchObject({ value: 50, category: 'share', direction: null });
    expect(claimsOf('使百分之九十五以上的信访问题化解在了基层。')[0]).toMatchObject({ text: '百分之九十五以上', value: 95, approx: 'at_least', category: 'share' });
    expect(claimsOf('全年收结比为0.98。')[0]).toMatchObject({ value: 0.98, category: 'share', unit: '' });
    expect(claimsOf('信访总量较上年下降三成。')[0]).toMatchObject({ value: 30, unit: '%', category: 'percent_change', direction: 'down' });
  });

  it('links a change from one value to another', () => {
    const cs = claimsOf('2012 年，工资从每月 590 元提升至 740 元。2013 年底又调至 990 元。');
    expect(cs).toHaveLength(2);
    expect(cs[0]).toMatchObject({ text: '590 元提升至 740 元', value: 740, from: 590, direction: 'up', category: 'amount', period: '2012年' });
    expect(cs[0]?.rate?.unit).toBe('month');
    expect(cs[1]).toMatchObject({ text: '990 元', value: 990, from: 740, direction: 'up', period: '2013年底' });
    expect(claimsOf('平均办理时限由22天缩短至9天。')[0]).toMatchObject({ value: 9, from: 22, direction: 'down', category: 'duration' });
    expect(claimsOf('满意率由2019年的86%提高到2021年的95.5%。')[0]).toMatchObject({ value: 95.5, from: 86, direction: 'up', category: 'share' });
  });

  it('gives counts a direction when a change verb governs them', () => {
    expect(claimsOf('受理申请156件，同比增加21件。').map((c) => c.direction)).toEqual([null, 'up']);
  });
});

describe('periods and rates', () => {
  it.each([
    ['2014年以来，全市化解信访积案701件。', '2014年以来'],
    ['近五年来，每年接待群众700批次。', '近五年来'],
    ['2016 年底，全市 11 个乡镇变为一般越级上访乡镇。', '2016年底'],
    ['2011 年至今，通过县级领导包案解决 150 余起。', '2011年至今'],
    ['截至2022年6月底，已化解积案88件。', '截至2022年6月底'],
    ['二〇一九年以来，共受理信访事项1.36万件。', '二〇一九年以来'],
  ])('%s', (text, period) => {
    expect(claimsOf(text)[0]?.period).toBe(period);
  });

  it('governs later sentences of the paragraph until another scope', () => {
    const cs = claimsOf('2014年以来，化解积案701件。开展活动，把全市45个乡镇分为三类。2016年底，11个乡镇变为一般乡镇。');
    expect(cs.map((c) => c.period)).toEqual(['2014年以来', '2014年以来', '2016年底']);
  });

  it('is not taken from a birth date or a mid-sentence comparison', () => {
    expect(claimsOf('陈某，1972年出生，从事信访工作18年。')[0]?.period).toBeNull();
    expect(claimsOf('城关镇信访量与去年同期相比下降42%。')[0]?.period).toBeNull();
  });

  it('records rates', () => {
    const cs = claimsOf('近五年来，每年接待群众10000人次以上，平均每天接待30人次，累计接待近5万人次。');
    expect(cs.map((c) => c.rate?.text ?? null)).toEqual(['每年', '平均每天', null]);
  });
});

describe('what is not a claim', () => {
  it.each([
    ['现场十分混乱，局面一时难以控制。', 'words that contain numerals'],
    ['进一步夯实了基础，实行统一登记，一般越级上访。', 'words that contain numerals'],
    ['一大批“钉子案”得到解决。', 'a lexicalised quantity word'],
    ['深化“两学一做”学习教育，落实“一岗双责”。', 'slogans'],
    ['创新“五个一”（每人现场接待100名群众、解决1批疑难信访问题）机制。', 'a gloss of a programme name'],
    ['推广“三个一”工作法（一张联系卡、一本民情账、一次回访）。', 'a gloss after a short noun'],
    ['实行信访事项“三级终结”机制，提供一站式服务。', 'programme names'],
    ['人民日报党建周刊第471期整版介绍。', 'an ordinal'],
    ['筹备承办G20会议和APEC会议。', 'an event name'],
    ['5.12汶川大地震后，民工返乡。', 'an event date'],
    ['2017年6月21日至2017年6月27日公示。', 'dates'],
    ['联系电话：0351—4019050，邮政编码：030002。', 'phone and postal numbers'],
    ['通信地址：桃园北路 15 号。', 'a street number'],
    ['根据人社部函〔2017〕57号文件要求。', 'a document number'],
    ['一是积极拓展功能。二是狠抓落实。', 'list markers'],
    ['展现了一名信访干部敢于担当的良好精神风貌。', 'an article'],
    ['以一个复转军人的身份讲政策。', 'an article'],
    ['抓好三个环节，压实五个责任。', 'parts of a programme'],
    ['到市上访量降至十年来最低。', 'a comparison scope'],
    ['幼儿不满3岁。', 'an age'],
    ['每天护送完返乡民工都已是凌晨三、四点。', 'a clock time'],
    ['建国六十周年大庆。', 'an anniversary'],
    ['区、乡两级信访信息系统，四级信访信息系统。', 'levels'],
    ['化解疑难、复杂、三跨信访问题。', 'a petition-work term'],
    ['“信访、矛调、纪检”三位一体机制。', 'an idiom'],
    ['他三番五次上门，千方百计排忧解难，万人空巷，千家万户受益，十里八乡的群众，一年四季，三年五载。', 'idioms with numerals and units'],
  ])('%s (%s)', (text) => {
    expect(claimsOf(text).map(brief)).toEqual([]);
  });
});

describe('evidence spans', () => {
  it('point at the exact original text through spaces, breaks and residue', () => {
    const text = '开展专项\n\n治理，化解 701 件，提出解决[方案](#)。\r\n共 3\u00a0000 余人\u200b次。';
    const cs = claimsOf(text);
    expect(cs.map((c) => c.text)).toEqual(['701 件', '3\u00a0000 余人\u200b次']);
    for (const c of cs) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('hedges before a verb', () => {
  it('keep the verb for the category', () => {
    expect(claimsOf('至少化解30件。')[0]).toMatchObject({ text: '至少化解30件', approx: 'at_least', category: 'cases_resolved' });
    expect(claimsOf('区长每月至少接访一次。')[0]).toMatchObject({ text: '至少接访一次', value: 1, approx: 'at_least', category: 'count' });
  });
});

describe('levels and tenure across clauses', () => {
  it('a rate raised to a level is a share with a direction; 至今已17年 is tenure', () => {
    expect(claimsOf('近两年初信初访一次性化解率提高到93.5%。')[0]).toMatchObject({ category: 'share', direction: 'up', value: 93.5 });
    expect(claimsOf('他2005年起从事信访工作，至今已17年。')[0]).toMatchObject({ text: '17年', category: 'duration' });
  });
});

/** Phrasing as it comes in published write-ups (web text, tenure, bare scales, counted actions). */
describe('phrasing from the field', () => {
  it.each([
    // ASCII punctuation: a comma after a character is no thousands separator
    ['组织村民参加生产,300多名村民有了收入。', ['300多名|300|over|名|headcount']],
    ['全市设立工作站,90个村居有了驿站。', ['90个|90|exact|个|count']],
    ['共追回欠款1,260余万元。', ['1,260余万元|12600000|over|元|amount']],
    // measure words beyond the unit table, and the noun a hedged number counts
    ['查获毒品3吨、制毒原料15吨。', ['3吨|3|exact|吨|count', '15吨|15|exact|吨|count']],
    ['他的行程相当于绕地球3圈。', ['3圈|3|exact|圈|count']],
    ['三十几趟奔走下来。', ['三十几趟|30|over|趟|count']],
    ['他的足迹遍布三十余省。', ['三十余省|30|over|省|count']],
    ['收到锦旗45面。', ['45面|45|exact|面|count']],
    // bare scales and vague numerals
    ['接待来访群众千余次。', ['千余次|1000|over|次|headcount']],
    ['化解矛盾上千件。', ['上千件|1000|over|件|cases_resolved']],
    ['再凑三五千元。', ['三五千元|4000|about|元|amount']],
    ['他走了数千公里。', ['数千公里|1000|about|公里|count']],
    ['他数十次上门。', ['数十次|10|about|次|count']],
    // counted actions and zero
    ['他五进山区、六下乡镇,走遍全县。', ['五进|5|exact|次|count', '六下|6|exact|次|count']],
    ['全年零越级上访。', ['零越级上访|0|exact|越级上访|count']],
    // persons counted by a measure word
    ['先后挽救5条生命。', ['5条|5|exact|条|headcount']],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map(brief)).toEqual(expected);
  });

  it.each([
    ['从警12年来,他破获案件300余起。', '12年来'], ['入伍6年多来,他参加任务多次。', '6年多来'],
    ['30多年来,他扎根乡村。', '30多年来'], ['他9年如一日,守在窗口。', '9年如一日'],
    ['当了7年调解员,他化解纠纷多起。', '7年'], ['在12年审判工作中,他审结案件千余件。', '12年'],
    ['在20年的调解生涯里,他从未失手。', '20年'], ['这六年里,他走遍了每个村。', '六年里'],
    ['18年來,他堅持在信訪崗位上接待來訪群眾。', '18年來'], ['一干就是十年。', '十年'], ['512天,是他在村里的日子。', '512天'],
  ])('%s is a tenure', (text, span) => {
    const d = claimsOf(text).find((c) => c.category === 'duration');
    expect(d?.text).toBe(span);
  });

  it.each([
    '近五年来,全局化解积案100件。', '降至十年来最低。', '云南省近10年来最大的案件。', '三年来共组织听证会73场。',
    '2015-03-06 本网讯', '发布时间:2021-11-25 10:25', '一天,他去了村里。', '二〇一九年以来,全区化解积案。',
  ])('%s has no duration claim', (text) => {
    expect(claimsOf(text).filter((c) => c.category === 'duration').map((c) => c.text)).toEqual([]);
  });

  it('a date or clock time is never a claim', () => {
    expect(claimsOf('发布时间:2015-03-06 本网讯(通讯员 王某)').map((c) => c.text)).toEqual([]);
  });
});

describe('achievement or context', () => {
  const role = (text: string, span: string): string | undefined => claimsOf(text).find((c) => c.text === span)?.roleRule;
  it.each([
    ['某楼盘烂尾，涉及购房户800余户、购房款2.1亿元，他多次协调。', '2.1亿元', 'role:context:stake:涉及'],
    ['法院判决对方承担赔偿金5万元，他仍上门调解。', '5万元', 'role:context:award:赔偿金'],
    ['当年修路时，摔死的村民有12人。', '12人', 'role:context:incident:摔死'],
    ['来访事项均须在3个工作日内答复。', '3个工作日内', 'role:context:procedure'],
    ['登记后并在 24 小时内反馈到责任单位。', '24 小时内', 'role:context:procedure'],
    ['该中心现有工作人员9名。', '9名', 'role:context:population:现有'],
    ['赴省上访2批3人次，与去年同期4批8人次相比下降62.5%。', '4批', 'role:context:baseline'],
    ['全县28个乡镇中，有15个实现零上访、6个信访量下降、4个持平。', '28个', 'role:context:total-with-parts'],
  ])('%s: %s is context', (text, span, rule) => {
    expect(role(text, span)).toBe(rule);
  });

  it.each([
    ['他为农民工追回拖欠工资1200余万元。', '1200余万元'],
    ['他为当事人争取到5万元补偿。', '5万元'],
    ['余下的113户也在一个月内全部签约。', '一个月内'],
    ['赴省上访2批3人次，与去年同期4批8人次相比下降62.5%。', '2批'],
    ['全县共化解信访积案45件，其中10年以上的积案11件、5年以上的8件。', '45件'],
    ['他从警12年来，破获案件300余起。', '300余起'],
  ])('%s: %s is an achievement', (text, span) => {
    expect(role(text, span)).toBe('role:achievement');
  });
});

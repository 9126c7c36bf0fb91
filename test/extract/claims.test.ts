/** The stages together: exact evidence spans, and phrasing as it comes in published write-ups. */
import { describe, expect, it } from 'vitest';
import { claimsOf, brief } from '../helpers/extract.js';


describe('evidence spans', () => {
  it('point at the exact original text through spaces, breaks and residue', () => {
    const text = '开展专项\n\n治理，化解 701 件，提出解决[方案](#)。\r\n共 3\u00a0000 余人\u200b次。';
    const cs = claimsOf(text);
    expect(cs.map((c) => c.text)).toEqual(['701 件', '3\u00a0000 余人\u200b次']);
    for (const c of cs) expect(text.slice(c.start, c.end)).toBe(c.text);
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
    // more units, lengths with a cue after them, 审结 and 破获 resolve, a 了 before the new value
    ['日均比对指纹1500多枚,辗转5省6市。', ['1500多枚|1500|over|枚|count', '5省|5|exact|省|count', '6市|6|exact|市|count']],
    ['他总结出9种工作法。', ['9种|9|exact|种|count']],
    ['承担24小时值班任务,两天时间摸排群众800名。', ['24小时|24|exact|小时|duration', '两天|2|exact|天|duration', '800名|800|exact|名|headcount']],
    ['他审结各类案件37起,破获刑事案件120余起。', ['37起|37|exact|起|cases_resolved', '120余起|120|over|起|cases_resolved']],
    ['集体收入从3万元增加到了75万元。', ['3万元增加到了75万元|750000|exact|元|amount']],
    ['成立专项工作小组,十下刘小寨,六开联调会,每周三下午接访。', ['十下|10|exact|次|count', '六开|6|exact|次|count']],
    ['全镇35村都有了调解员,一村人都来了。', ['35村|35|exact|村|count']],
    ['查处率达90以上,調(tiáo)解成功率为97。', ['90以上|90|at_least||share', '97|97|exact||share']],
    ['共记下520多万(wàn)字笔记。', ['520多万(wàn)字|5200000|over|字|count']],
    ['他调解纠纷300余件,调解成功260件,13件积案已化解12件。', ['300余件|300|over|件|count', '260件|260|exact|件|cases_resolved', '13件|13|exact|件|count', '12件|12|exact|件|cases_resolved']],
    ['领导接待日113天次,疑难纠纷不下50起。', ['113天次|113|exact|天次|count', '不下50起|50|at_least|起|count']],
    ['每百万人信访总量588件,降低诉讼十六字调解法,提供破案线索100余条。', ['588件|588|exact|件|count', '100余条|100|over|条|count']],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map(brief)).toEqual(expected);
  });

  it.each([
    ['从警12年来,他破获案件300余起。', '12年来'], ['入伍6年多来,他参加任务多次。', '6年多来'],
    ['30多年来,他扎根乡村。', '30多年来'], ['他9年如一日,守在窗口。', '9年如一日'],
    ['当了7年调解员,他化解纠纷多起。', '7年'], ['在12年审判工作中,他审结案件千余件。', '12年'],
    ['在20年的调解生涯里,他从未失手。', '20年'], ['这六年里,他走遍了每个村。', '六年里'],
    ['18年來,他堅持在信訪崗位上接待來訪群眾。', '18年來'], ['一干就是十年。', '十年'], ['512天,是他在村里的日子。', '512天'],
    ['从事少年审判工作近20年的陈某某深受信赖。', '近20年'], ['他30年的法官生涯里办案无数。', '30年'], ['驻村半年来,他走遍全村。', '半年来'],
    ['20多个年头里,他从未离开。', '20多个年头里'], ['他从警25载,走遍社区。', '25载'],
  ])('%s is a tenure', (text, span) => {
    const d = claimsOf(text).find((c) => c.category === 'duration');
    expect(d?.text).toBe(span);
  });

  it.each([
    '近五年来,全局化解积案100件。', '降至十年来最低。', '云南省近10年来最大的案件。', '三年来共组织听证会73场。',
    '2015-03-06 本网讯', '发布时间:2021-11-25 10:25', '一天,他去了村里。', '二〇一九年以来,全区化解积案。',
    '改革开放40年来,全县面貌一新。', '中心成立10年来,共接待群众5万人次。',
  ])('%s has no duration claim', (text) => {
    expect(claimsOf(text).filter((c) => c.category === 'duration').map((c) => c.text)).toEqual([]);
  });

  it('a date or clock time is never a claim', () => {
    expect(claimsOf('发布时间:2015-03-06 本网讯(通讯员 王某)').map((c) => c.text)).toEqual([]);
  });
});

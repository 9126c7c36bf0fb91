/**
 * The check classes that real documents need, each firing on a slip and silent on correct
 * arithmetic, in three forms: full-width punctuation (，；：), ASCII punctuation as web pages
 * have it (,;:), and traditional characters.
 */
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { analyseText, sha256, type DocumentResult } from '../../src/index.js';
import { parseNumberAt } from '../../src/extract/numerals.js';
import { claimInterval } from '../../src/check/arithmetic.js';
import { lastPlace } from '../../src/check/interval.js';
import { reading } from '../../src/check/text.js';
import { validateCheckTables, loadCheckTables } from '../../src/check/tables.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const ascii = (s: string): string => s.replace(/，/g, ',').replace(/；/g, ';').replace(/：/g, ':');

function analyse(text: string): DocumentResult {
  return analyseText(text, { path: 't', sha256: sha256(text), encoding: 'utf-8', bom: false }).result;
}
/** A write-up around the body; its lead paragraph has no figures, and enough wording that a traditional copy reads as a traditional document. */
function write(body: string): string { return `张三同志先进事迹\n\n该同志长期从事信访工作，认真负责，扎实推进各项工作，赢得群众赞誉。\n\n${body}`; }

/** The same text in full-width punctuation, ASCII punctuation, and traditional characters. */
const FORMS: ReadonlyArray<[string, (s: string) => string]> = [
  ['full-width', (s) => s],
  ['ASCII', ascii],
  ['traditional', (s) => toTraditional(s)],
  ['traditional, ASCII', (s) => ascii(toTraditional(s))],
];
const kinds = (text: string): string[] => analyse(text).checks.map((c) => c.kind);

const CASES: ReadonlyArray<{ name: string; kind: string; slip: string; right: string[] }> = [
  {
    name: 'a rate against its numerator and denominator', kind: 'ratio',
    slip: '全年受理执行案件860件，执结790件，执结率95.6%。',
    right: ['全年受理执行案件860件，执结822件，执结率95.6%。', '全年受理执行案件860件，执结822件，执结率95%以上。',
      '受理信访事项500件，办结465件，其中按期办结450件，按期办结率96.8%。'],
  },
  {
    name: 'a share of the total it names', kind: 'ratio',
    slip: '全年办结信访事项790件，占受理总数860件的95.6%。',
    right: ['全年办结信访事项822件，占受理总数860件的95.6%。', '全年受理信访事项1,265件，其中来信612件，占总量的48.4%；来访453批次，占35.8%。',
      '全年受理信访事项1,265件，其中来信612件，占全市的20%。', '全年受理信访事项1,265件，其中来信612件，来访453批次，分别占48.4%和35.8%。'],
  },
  {
    name: 'a court\'s rate over the cases it took in', kind: 'ratio',
    slip: '全年新收各类案件3,456件，结案3,210件，结案率96.9%。',
    right: ['全年新收各类案件3,456件，结案3,210件，结案率92.9%。', '全年收案3,456件，审结3,210件，结案率92.9%，收结比0.93。'],
  },
  {
    name: 'a part\'s change against the whole\'s change', kind: 'part_change',
    slip: '全年来信来访总量410件次，同比减少75件次；其中来信同比减少50件，来访同比减少30批次。',
    right: ['全年来信来访总量410件次，同比减少80件次；其中来信同比减少50件，来访同比减少30批次。',
      '全年来信来访总量410件次，同比减少20件次；其中来信同比减少50件，来访同比增加30批次。',
      '全年来信来访总量410件次，同比减少75件次；其中来信同比减少50件。'],
  },
  {
    name: 'a stated percentage against a count given only as a decrease', kind: 'growth_rate',
    slip: '到市上访96批次，同比减少12批次，下降30%。',
    right: ['到市上访96批次，同比减少12批次，下降11.1%。', '到市上访96批次，同比减少12批次，下降约11%。'],
  },
  {
    name: 'the rate stated before the count it comes from', kind: 'growth_rate',
    slip: '到市上访96批次，同比下降30%，减少12批次。',
    right: ['到市上访96批次，同比下降11%，减少12批次。', '到市上访96批次，同比下降30%，赴省上访减少12批次。'],
  },
  {
    name: 'a change against the earlier figure it names', kind: 'percent_change',
    slip: '全年受理信访事项860件，比去年同期的1,020件下降25%。',
    right: ['全年受理信访事项860件，比去年同期的1,020件下降15.7%。', '全年受理信访事项860件，较上年的1,020件下降约16%。', '全年受理信访事项860件，较上年的1,020件明显下降。'],
  },
  {
    name: 'parts after 其中 that add up to more than their total', kind: 'parts_total',
    slip: '全年受理信访事项1265件，其中来信612件、来访453批次、网上信访300件。',
    right: ['全年受理信访事项1265件，其中来信612件、来访453批次、网上信访200件。', '全年受理信访事项1265件，其中来信612件、来访453批次，办结1200件。',
      '全年受理信访事项1265件，其中来信612件，办结600件；来访453批次，办结450批次。',
      '化解信访积案136件，其中10年以上的骨头案21件、涉法涉诉积案30件、重复信访积案100件。'],
  },
  {
    name: 'a from->to change with hedged values against a hedged rate', kind: 'percent_change',
    slip: '信访量由每月300余件增加到八百多件，增长了约60%。',
    right: ['信访量由每月300余件增加到八百多件，增长了约160%。', '信访量由每月300余件增加到八百多件，增长了一倍多。', '信访量由每月300件增加到800件，增长了166.7%。'],
  },
  {
    name: 'mixed numerals inside a check', kind: 'ratio',
    slip: '受理信访事项2千五百件，办结2千三百余件，办结率80%。',
    right: ['受理信访事项2千五百件，办结2千三百余件，办结率92%。', '受理信访事项4.2万余件，办结4万余件，办结率95%。'],
  },
  {
    name: 'a court\'s rate written without %', kind: 'ratio',
    slip: '全年受理执行案件860件，执结790件，执结率95。',
    right: ['全年受理执行案件860件，执结822件，执结率95。', '全年受理执行案件860件，执结822件，执结率0.96。'],
  },
  {
    name: 'a rate written without %', kind: 'ratio',
    slip: '受理信访事项500件，办结400件，办结率93。',
    right: ['受理信访事项500件，办结465件，办结率93。', '全年受理信访事项1200件，办结1116件，办结率93；受理网上信访800件，办结792件，办结率99。'],
  },
];

describe.each(FORMS)('checks on real wording, %s', (_form, render) => {
  it.each(CASES)('$name: fires on the slip', ({ kind, slip }) => {
    expect(kinds(render(write(slip)))).toEqual([kind]);
  });
  it.each(CASES)('$name: silent on correct arithmetic', ({ right }) => {
    for (const r of right) expect(kinds(render(write(r))), render(r)).toEqual([]);
  });
  it('checks each count and its rate in a work summary', () => {
    const text = render(write('全年受理信访事项1200件，办结1116件，办结率93；受理网上信访800件，办结700件，办结率99；受理来信300件，办结297件，办结率99。'));
    const d = analyse(text);
    expect(d.checks.map((c) => c.kind)).toEqual(['ratio']);
    expect(d.checks[0]?.claims.map((id) => d.claims.find((c) => c.id === id)?.text)).toEqual(['800件', '700件', '99']);
  });
  it('flags the same figure in nearly the same clause under two nominees, not a common figure', () => {
    const notice = (a: string, b: string): string => render(`公示\n\n一、先进工作者推荐对象\n\n1、张三 甲县信访局局长\n\n2、李四 乙县信访局副局长\n\n张三主要事迹：\n\n${a}\n\n李四主要事迹：\n\n${b}`);
    const copy = analyse(notice('该同志为困难群众争取救助资金1,260余万元，惠及3千多户。', '该同志化解信访积案120件。同时，他还牵头为困难群众争取救助资金1,260余万元。'));
    expect(copy.checks.map((c) => c.kind)).toEqual(['duplicate']);
    const [a, b] = copy.checks[0]?.claims.map((id) => copy.claims.find((c) => c.id === id)) ?? [];
    expect(a?.text).toMatch(/^1,260[余餘][万萬]元$/);
    expect(a?.nominee).not.toBe(b?.nominee);
    // a figure with few significant digits, a different figure, a different clause: no finding
    expect(kinds(notice('该同志从事信访工作20年，化解信访积案120件。', '该同志从事信访工作20年，共化解信访积案120件。'))).toEqual([]);
    expect(kinds(notice('该同志为困难群众争取救助资金1,260余万元。', '该同志为困难群众争取救助资金1,270余万元。'))).toEqual([]);
    expect(kinds(notice('该同志为困难群众争取救助资金1,260余万元。', '该同志为企业追回货款1,260余万元。'))).toEqual([]);
  });
});

/** Sentences of the kind work summaries are made of, with correct figures. */
const SUMMARY_RIGHT: readonly string[] = [
  '全年共接待群众来访1,860批5,320人次，其中集体访86批2,100人次，个体访1,774批3,220人次。',
  '全年受理信访事项3,216件，其中来信1,020件、来访1,560批次、网上信访636件，分别占31.7%、48.5%和19.8%。',
  '全年受理信访事项3,216件，其中来信1,020件，占31.7%；来访1,560批次，占48.5%；网上信访636件，占19.8%。',
  '全县信访总量1,450件次，同比下降8.6%，其中来信同比下降5.2%，来访同比下降10.1%。',
  '办结信访事项2,980件，占受理总量的92.7%，群众满意率97.3%。',
  '全年化解信访积案86件，化解率100%，其中重复信访积案41件，占47.7%。',
  '全院共受理各类案件8,526件，审执结8,102件，结案率95%，其中民事案件5,210件，占61.1%。',
  '受理来信来访1,240件次，其中来信520件，来访720批次，同比分别减少12%和8%。',
  '截至11月底，全县共排查矛盾纠纷1,356件，已化解1,298件，化解率95.7%，其余58件正在化解中。',
  '接待来访群众1,020批次，同比减少180批次，其中进京访同比减少6批次，赴省访同比减少20批次。',
  '2022年全年共受理各类诉求2.3万余件，办结2.2万余件，办结率96%。',
  '该中心年均接待群众4,000余人次，其中老年人占三成以上。',
  '全年信访总量同比下降21.3%，信访形势持续向好。',
  '累计为企业和群众挽回经济损失1.2亿元，其中帮助农民工追讨欠薪3,600余万元，占30%。',
  '全年共受理网上信访1,850件，及时受理率100%，按期办结率99.2%。',
  '全年共收到群众来信1,265件，办理1,265件，办结1,248件，办结率98.7%。',
  '全年新收案件6,102件，结案5,830件，结案率95.5%，收结比0.96。',
  '全年来访同比下降12.5%，由上年的1,600批次减少到1,400批次。',
  '群众来信由2019年的2,100件减少到2022年的1,260件，下降40%。',
  '接待来访群众1,020批次，同比减少180批次，其中进京访同比减少6批次，赴省访同比减少20批次，下降15%。',
  '每年接待群众3000余人次，平均每天接待8人次。',
  '受理信访事项500件，其中已办结的重复信访120件，办结率98%。',
  '全年来信来访总量410件次，同比减少80件次，下降16.3%。其中，来信180件，同比减少50件，下降21.7%；来访230批次，同比减少30批次，下降11.5%。',
  '信访量由600件减少到210件，下降了三分之二。',
  '信访量由600件减少到210件，下降了六成。',
  '2022年，全县共受理群众信访事项1,856件，同比下降12.3%，其中来信512件、来访1,021批次、网上信访323件，按期办结率98.6%，群众满意率96.2%。',
  '全年受理信访事项1,856件，同比减少260件，下降12.3%；办结1,830件，办结率98.6%。',
  '全年接待群众来访1,021批3,260人次，同比分别下降8.2%和10.5%。',
  '进京非访由2019年的12人次下降到2021年的0人次，赴省访由36批次减少到15批次，下降58.3%。',
  '近三年来，累计化解信访积案326件，其中中央交办积案41件、省交办积案85件，化解率100%。',
  '全市信访总量连续三年下降，2021年同比下降15.8%，2022年同比下降9.6%。',
  '该局共排查矛盾纠纷2,360件，调处化解2,298件，调解成功率97.4%。',
  '全院全年共受理各类案件12,568件，审执结11,920件，结案率94.8%，收结比为0.95。',
  '全年新收执行案件4,215件，执结3,980件，执结率94.4%，执行到位金额3.2亿元。',
  '她每年办理群众来信1,200余件，平均每天处理来信4件左右。',
  '每月接待群众300余人次，全年接待3,600余人次。',
  '该中心由每月受理诉求200件左右增加到目前的500余件，增长了一倍多。',
  '帮助农民工追讨欠薪2,300余万元，惠及农民工1.2万余人，人均追回约1,900元。',
  '初信初访一次性化解率由2019年的85.2%提高到2022年的93.6%，提高了8.4个百分点。',
  '全年来信来访总量1,533件次，同比减少201件次，其中来信同比减少86件，来访同比减少115批次。',
  '全年来信来访总量1,533件次，其中来信610件、来访923批次。',
  '信访事项及时受理率、按期办结率分别达到100%和98.5%。',
  '受理网上信访事项865件，办结852件，办结率98.5%；受理来信410件，办结405件，办结率98.8%。',
  '受理信访件500件，已办结468件，正在办理32件。',
  '全年群众来访2,100人次，较上年的2,500人次减少400人次，下降16%。',
  '全年群众来访2,100人次，比上年减少400人次，下降16%。',
  '化解信访积案136件，其中10年以上的“骨头案”21件。',
  '为群众挽回经济损失1.6亿元，其中追回拖欠工资5,600余万元。',
  '乡镇信访量由每年600件左右减少到200件以内，下降了三分之二。',
  '群众满意率从82%提升到96%。',
  '全年受理群众诉求9,800余件，办结9,650件，办结率98.5%。',
  '全年受理群众诉求9800余件，办结9650件，办结率98%以上。',
  '接待来访群众5,200余人次，同比增长6.3%，增加310人次。',
];
/** The same kinds of sentence, each with one slip, and the check that must catch it. */
const SUMMARY_SLIPS: ReadonlyArray<readonly [string, string]> = [
  ['全年受理信访事项3,216件，其中来信1,020件，占41.7%；来访1,560批次，占48.5%；网上信访636件，占19.8%。', 'ratio'],
  ['办结信访事项2,980件，占受理总量3,216件的96.7%，群众满意率97.3%。', 'ratio'],
  ['截至11月底，全县共排查矛盾纠纷1,356件，已化解1,298件，化解率95.7%，其余68件正在化解中。', 'parts_total'],
  ['全年共收到群众来信1,265件，办理1,265件，办结1,148件，办结率98.7%。', 'ratio'],
  ['全年新收案件6,102件，结案5,830件，结案率95.5%，收结比0.86。', 'ratio'],
  ['全年来访同比下降22.5%，由上年的1,600批次减少到1,400批次。', 'percent_change'],
  ['群众来信由2019年的2,100件减少到2022年的1,260件，下降50%。', 'percent_change'],
  ['全年受理信访事项1,265件，其中来信612件，占总量的48.4%；来访453批次，占25.8%。', 'ratio'],
  ['全年来信来访总量410件次，同比减少75件次，下降15.5%。其中，来信180件，同比减少50件，下降21.7%；来访230批次，同比减少30批次，下降11.5%。', 'part_change'],
  ['全年来信来访总量420件次，同比减少80件次，下降16%。其中，来信180件，同比减少50件，下降21.7%；来访230批次，同比减少30批次，下降11.5%。', 'parts_total'],
  ['信访量由600件减少到400件，下降了六成。', 'percent_change'],
  ['全年受理信访事项1,856件，同比减少260件，下降15.3%；办结1,830件，办结率98.6%。', 'growth_rate'],
  ['全年受理信访事项1,856件，同比减少260件，下降12.3%；办结1,730件，办结率98.6%。', 'ratio'],
  ['进京非访由2019年的12人次下降到2021年的3人次，下降85%。', 'percent_change'],
  ['该局共排查矛盾纠纷2,360件，调处化解2,198件，调解成功率97.4%。', 'ratio'],
  ['全院全年共受理各类案件12,568件，审执结11,920件，结案率97.8%。', 'ratio'],
  ['全年新收执行案件4,215件，执结3,680件，执结率94.4%。', 'ratio'],
  ['每年接待群众3,600余人次，平均每天接待群众50余人次。', 'rate_total'],
  ['全年来信来访总量1,533件次，同比减少201件次，其中来信同比减少86件，来访同比减少105批次。', 'part_change'],
  ['全年来信来访总量1,533件次，其中来信610件、来访903批次。', 'parts_total'],
  ['受理网上信访事项865件，办结852件，办结率98.5%；受理来信410件，办结365件，办结率98.8%。', 'ratio'],
  ['全年群众来访2,100人次，比上年减少400人次，下降26%。', 'growth_rate'],
  ['全年群众来访2,100人次，较上年的2,500人次下降26%。', 'percent_change'],
  ['接待来访群众5,200余人次，同比增长16.3%，增加310人次。', 'growth_rate'],
  ['受理信访件500件，已办结468件，正在办理52件。', 'parts_total'],
  ['信访量由每月200件左右增加到500余件，增长了50%。', 'percent_change'],
  ['全年受理信访事项1,265件，其中来信712件、来访453批次、网上信访200件。', 'parts_total'],
];

describe.each(FORMS)('work-summary sentences, %s', (_form, render) => {
  it('stay silent when their figures are right', () => {
    const fired = SUMMARY_RIGHT.flatMap((s) => analyse(render(write(s))).checks.map((c) => `${s}: ${c.message}`));
    expect(fired).toEqual([]);
  });
  it.each(SUMMARY_SLIPS)('catch the slip in %s', (s, kind) => {
    expect(kinds(render(write(s)))).toEqual([kind]);
  });
});

describe('mixed numerals', () => {
  it.each([
    ['2千三百余件', 2300, '2千三百'], ['1万2千人次', 12000, '1万2千'], ['3万五千元', 35000, '3万五千'], ['2亿三千万元', 230000000, '2亿三千万'], ['1万12千', 1, '1'], ['2,418件', 2418, '2,418'],
    ['5千余人', 5, '5'], ['4.2万余件', 4.2, '4.2'], ['10万一次', 10, '10'],
  ])('%s', (s, value, read) => {
    const n = parseNumberAt(s, 0);
    expect(n?.value).toBe(value);
    expect(s.slice(0, n?.end)).toBe(read);
  });
  it('become claims with their scale and hedge', () => {
    const d = analyse(write('化解2千三百余件，接待5千余人次，排查4.2万余件，办结2,418件。'));
    expect(d.claims.map((c) => [c.text, c.value, c.approx])).toEqual([['2千三百余件', 2300, 'over'], ['5千余人次', 5000, 'over'], ['4.2万余件', 42000, 'over'], ['2,418件', 2418, 'exact']]);
  });
});

describe('the text the checks read', () => {
  it('is the document, simplified and with ASCII digits, character for character', () => {
    const text = '\ufeff執結率９５．６％，受理860件；辦結；';
    const r = reading(text);
    expect(r).toBe('\ufeff执结率95.6%，受理860件；办结；');
    expect(r.length).toBe(text.length);
  });
});

describe('intervals of hedged figures', () => {
  it('read 余 and 多 as less than one unit of the last digit, other hedges generously', () => {
    expect(lastPlace(300)).toBe(100);
    expect(lastPlace(12_600_000)).toBe(100_000);
    expect(lastPlace(42_000)).toBe(1000);
    expect(lastPlace(15)).toBe(1);
    expect(claimInterval({ value: 300, approx: 'over', rules: ['hedge:after-number:余'], low: null, high: null })).toEqual([300, 400]);
    expect(claimInterval({ value: 300, approx: 'at_least', rules: ['hedge:after-unit:以上'], low: null, high: null })).toEqual([300, 600]);
    expect(claimInterval({ value: 20000, approx: 'about', rules: [], low: 20000, high: 30000 })).toEqual([16000, 30000]);
  });
});

describe('the check table', () => {
  it('is valid as shipped and its checker catches bad entries', () => {
    expect(validateCheckTables(parse(readFileSync('dictionaries/checks.yaml', 'utf8')))).toEqual([]);
    expect(loadCheckTables().rates[0]?.word.length).toBeGreaterThanOrEqual(4); // longest rate names first
    expect(validateCheckTables({ intake: ['受理', '受理'], parts: [], rate_base: [], channels: [], rates: [{ word: '办结率', kind: 'share', numerator: [] }, { word: '办结率', kind: 'percent', numerator: ['办结'] }], wholes: [{ whole: '来信来访', parts: ['来信'] }], unit_families: [['件', '件次'], ['件', '人']], duplicate_min_digits: 0 })).toEqual([
      'checks.yaml: intake lists "受理" twice',
      'checks.yaml: 办结率: kind must be percent or ratio',
      'checks.yaml: 办结率: numerator must be a list of words',
      'checks.yaml: rate "办结率" listed twice',
      'checks.yaml: 来信来访: parts must list at least two words',
      'checks.yaml: unit "件" is in two families',
      'checks.yaml: duplicate_min_digits must be a positive whole number',
    ]);
  });
});

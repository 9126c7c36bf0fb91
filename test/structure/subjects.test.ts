import { describe, expect, it } from 'vitest';
import { analyseText, buildView, loadDictionaries, sha256 } from '../../src/index.js';
import { isChrome } from '../../src/structure/subjects.js';

const analyse = (text: string) => analyseText(text, { path: 'page.txt', sha256: sha256(text), encoding: 'utf-8', bom: false }).result;
/** claim text -> the name of its nominee */
const owners = (text: string): Record<string, string | null> => {
  const r = analyse(text);
  return Object.fromEntries(r.claims.map((c) => [c.text, r.nominees.find((n) => n.id === c.nominee)?.name ?? null]));
};

describe('who a write-up is about', () => {
  it.each([
    ['一心为民解难题——记东湖县信访局接访科科长钟立新\n\n钟立新同志扎根信访一线，8年来化解信访积案300余件。', '钟立新'],
    ['钟立新:把群众的事当自家事\n\n来源: 东湖日报 作者: 李某 时间: 2022-03-01\n\n8年来，钟立新化解信访积案300余件。钟立新说，群众的事没有小事。', '钟立新'],
    ['他叫丹增罗布，一名普通的信访干部，10年来化解矛盾纠纷800余件。', '丹增罗布'],
    ['姜文海是东湖县河口镇人，现任镇党委副书记。他先后化解矛盾纠纷200余件。', '姜文海'],
    ['东湖县人民法院审判质效再创新高\n\n2021年，东湖县人民法院受理案件9000件。东湖县人民法院审结8800件，结案率97.8%。', '东湖县人民法院'],
    ['浏览次数:2813 信息来源:西山司法所 发布时间:2017-04-11 |\n葛秀芳,42岁,是一名调解员。近3年来,葛秀芳调解纠纷300余件。', '葛秀芳'],
    ['好法官是怎样炼成的\n从事家事审判工作近20年的陈海燕，办结案件4000多宗。陈海燕说，要多听。', '陈海燕'],
    ['东湖县人民检察院工作报告\n东湖县人民检察院检察长 方卫东\n各位代表：\n2017年以来，我院办理审查逮捕案件5725件，五年来，我院提起公诉8616件。', '东湖县人民检察院'],
    ['县信访局2023年上半年工作总结及下半年工作计划\n上半年，全县受理信访事项866件，办结率98.5%。', '县信访局'],
    ['东湖县法院不断加强立案规范化建设，建成诉讼服务中心，全年登记立案12000件。', '东湖县法院'],
    ['2022年，河西县信访工作在县委的领导下稳中有进，全年受理信访事项866件，办结率98.5%。河西县信访总量同比下降12%。', '河西县'],
    ['本网讯 12月9日，河口镇人大代表们走访群众。河口镇人大共化解矛盾纠纷36件，河口镇人大还督办民生实事12件。', '河口镇人大'],
    ['调解能手\n社区主任钟小华联合志愿者创立工作室，为群众代办事项300余件。', '钟小华'],
    ['调解能手\n荣获“全国模范人民调解员”等十多项荣誉的“老娘舅”宋国梁是有名的能人。宋国梁从事调解工作23年，调解纠纷500多件。宋国梁说，调解要公道。', '宋国梁'],
    ['调解能手\n今年65岁的原九成是一名人民调解员，原九成从事调解工作20多年，调解纠纷300余件。人称原九成“十调九成”。', '原九成'],
  ])('%#: finds the subject', (text, name) => {
    const r = analyse(text);
    expect(r.nominees.map((n) => n.name)).toContain(name);
    expect(r.claims.length).toBeGreaterThan(0);
    for (const c of r.claims) expect(r.nominees.find((n) => n.id === c.nominee)?.name).toBe(name);
  });

  it('gives each claim to the person its paragraph and sentence name', () => {
    const text = [
      '最美调解员风采',
      '在东湖，县信访局局长钟立新从事信访工作16年来，化解积案500余件；在西山，镇调解员方秀兰坚持每天接访，累计接待群众3000余人次。',
      '1.罗建平，男，汉族，1970年5月生，东湖县公安局民警。他20年如一日，帮助群众追回损失80余万元。',
      '2.唐晓梅，女，汉族，1985年3月生，西山镇社区干部。她组织志愿者120名，服务老人4000余人次。',
    ].join('\n');
    expect(owners(text)).toMatchObject({
      '16年来': '钟立新', '500余件': '钟立新', '3000余人次': '方秀兰',
      '20年如一日': '罗建平', '80余万元': '罗建平', '120名': '唐晓梅', '4000余人次': '唐晓梅',
    });
  });

  it('a figure before the name in its sentence is that person\'s', () => {
    const text = '公安英雄风采\n程志远是东湖县公安局民警，马腾飞是消防战士。\n从警9年来，程志远先后抓获犯罪嫌疑人40名。\n入伍6年多来，马腾飞先后参加抢险任务30余次。';
    expect(owners(text)).toMatchObject({ '9年来': '程志远', '40名': '程志远', '6年多来': '马腾飞', '30余次': '马腾飞' });
  });

  it('a unit doing its own work in a person\'s write-up, and the body that awards, do not take the claims', () => {
    const text = '她把群众当亲人——记西山镇信访办主任方秀兰\n最高人民法院表彰了一批先进。最高人民法院号召学习先进。\n方秀兰同志近五年来化解信访积案120件。';
    const r = analyse(text);
    expect(r.nominees.map((n) => n.name)).toEqual(['方秀兰']);
  });

  it('a unit speaking of itself is the unit as the text names it, never 我县 or 本院', () => {
    // its title, its signature, a reporter's visit, the level it speaks of
    const cases: Array<[string, string]> = [
      ['1、区信访局年度工作总结报告 一、主要工作成效 今年以来，我区共受理信访事项866件，办结率98.5%。', '区信访局'],
      ['工作总结\n今年以来，我县共受理群众来信来访1126件次，按期办结率97%。\n东湖县信访局\n2023年12月28日', '东湖县信访局'],
      ['近日，记者走进西山区信访办，体验了一天的接访。一上午，接待群众来访32批次。', '西山区信访办'],
      ['上半年，我县信访工作平稳。到县信访局信访量82件人次，同比下降12%。', '县信访局'],
    ];
    for (const [text, name] of cases) {
      const r = analyse(text);
      expect(r.nominees.map((n) => n.name), text).toEqual([name]);
      for (const c of r.claims) expect(c.nominee, c.text).toBe('n1');
    }
    // a text that never names itself: no nominee, and a warning that says why
    const r = analyse('信访工作年终总结\n今年以来，我县共受理群众来信来访1126件次，按期办结率97%。');
    expect(r.nominees).toEqual([]);
    expect(r.claims.map((c) => c.nominee)).toEqual([null, null]);
    expect(r.warnings.join(' ')).toContain('我县');
  });

  it('words after a post that name nobody are not people', () => {
    const r = analyse('东湖县法院2021年工作\n全院干警紧紧围绕审判目标，员额法官人均结案343件；村里干部捐款2万元。');
    expect(r.nominees.map((n) => n.name)).toEqual([]);
    // ordinary words that open with a family name: 高度, 全程 (jieba knows them)
    const s = analyse('信访工作纪实\n县委书记高度重视信访工作，县委书记高度肯定。局长全程参与，局长全程督办，化解积案30件。');
    expect(s.nominees.map((n) => n.name)).toEqual([]);
    // a generic word for a person, and a comrade inside a word: 村干部包片制, 感谢警察同志, 年纪的老同志
    const u = analyse('抗疫纪实\n书记召集村干部包片制进行摸排，摸排出1052名返乡人员。群众感谢警察同志，上了年纪的老同志也来了。');
    expect(u.nominees.map((n) => n.name)).toEqual([]);
  });

  it('keeps a traditional text\'s name as written', () => {
    const r = analyse('趙國強同志從事信訪工作12年來，他先後接待上訪群眾3萬多人次，趙國強說這是本分。');
    expect(r.nominees.map((n) => n.name)).toContain('趙國強');
  });
});

describe('page chrome', () => {
  const t = loadDictionaries().subjects;
  it.each(['来源:东湖日报', '责任编辑:李婷', '发布时间:2021-11-25 10:25 浏览次数:', '分享到：', '【字体: 】 【打印本稿】 【关闭】', '2025', '05-07', '17:45',
    '人民网', '东湖日报2020-10-18 08:20', '钟立新（左）在接待来访群众。 王某摄', '第A03版:热闻', '位置:当前位置:首页>>法治'])('%s is chrome', (line) => {
    expect(isChrome(line, t)).toBe(true);
  });
  it.each(['钟立新:把群众的事当自家事', '2021年，东湖县人民法院受理案件9000件。', '一心为民解难题——记东湖县信访局接访科科长钟立新'])('%s is not chrome', (line) => {
    expect(isChrome(line, t)).toBe(false);
  });

  it('a dated byline under the title does not take the article with it', () => {
    const r = analyse('林某:追贼787米\n2012-04-25 09:57 来源:东湖网 我来说两句\n他直接参与抓获犯罪嫌疑人35人,破获案件120起。');
    // the headline's own figure is a claim (王大伟17年“追逃”482人); the byline's are not
    expect(r.claims.map((c) => c.text)).toEqual(['787米', '35人', '120起']);
  });

  it('navigation links and article counts of a compilation page are not claims', () => {
    const r = analyse('法官先进事迹6篇\n钟立新法官办结案件300件。\n上一期  下一期');
    expect(r.claims.map((c) => c.text)).toEqual(['300件']);
  });

  it('claims are never read from chrome, and the title comes after it', () => {
    const text = '东湖网\n来源:东湖日报 发布时间:2015-03-06\n钟立新:情字在心中\n钟立新化解积案300余件，钟立新说还要继续。';
    const r = analyse(text);
    expect(r.title).toBe('钟立新:情字在心中');
    expect(r.claims.map((c) => c.text)).toEqual(['300余件']);
  });

  it('a short "key: value" line keeps its own line in the view', () => {
    expect(buildView('责任编辑:李婷\n发布时间:2015-03-06\n本网讯（通讯员 王某）3月4日下午，会议召开。').text.split('\n')).toHaveLength(3);
  });
});

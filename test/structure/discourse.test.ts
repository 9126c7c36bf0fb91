import { describe, expect, it } from 'vitest';
import { analyseText, sha256 } from '../../src/index.js';

const analyse = (text: string) => analyseText(text, { path: 'page.txt', sha256: sha256(text), encoding: 'utf-8', bom: false }).result;
/** claim text -> the names of its nominees, joined with + */
const owners = (text: string): Record<string, string | null> => {
  const r = analyse(text);
  const name = (id: string): string => r.nominees.find((n) => n.id === id)?.name ?? '?';
  return Object.fromEntries(r.claims.map((c) => [c.text, c.nominees ? c.nominees.map(name).join('+') : c.nominee === null ? null : name(c.nominee)]));
};

describe('whose figure it is, clause by clause', () => {
  it('a paragraph that opens with a name and its post, a bracketed name, or a comrade and a colon', () => {
    const text = [
      '全市信访系统先进典型事迹',
      '王建华,东湖县信访局副局长,从事信访工作12年。他先后化解信访积案120余件,接待群众8000余人次。',
      '【李秀梅】',
      '李秀梅是西山镇调解员,她扎根基层,调解纠纷300余件。',
      '赵志强同志:',
      '赵志强同志任河口镇信访办主任以来,牵头化解矛盾纠纷80余起,为群众挽回损失200余万元。',
    ].join('\n');
    const r = analyse(text);
    expect(r.nominees.map((n) => n.name)).toEqual(['王建华', '李秀梅', '赵志强']);
    expect(owners(text)).toMatchObject({ '12年': '王建华', '120余件': '王建华', '8000余人次': '王建华', '300余件': '李秀梅', '80余起': '赵志强', '200余万元': '赵志强' });
  });

  it('two named together, then each alone, then both again: a shared figure is both of theirs', () => {
    const text = '父女接力守初心\n刘长河和女儿刘晓燕都是东湖县的人民调解员。刘长河从事调解工作30年,调解纠纷1200余件。刘晓燕接过父亲的接力棒,5年来调解纠纷260件。父女二人共为群众挽回经济损失500余万元。';
    expect(owners(text)).toMatchObject({ '1200余件': '刘长河', '260件': '刘晓燕', '500余万元': '刘长河+刘晓燕' });
    const r = analyse(text);
    const shared = r.claims.find((c) => c.text === '500余万元');
    expect(shared?.nominees).toEqual(['n1', 'n2']);
    expect(shared?.nominee).toBe('n1');
    expect(shared?.rules).toContain('nominee:group');
  });

  it('names listed together before their joint work (朱发林、张军等) share it; 他们 after them means them', () => {
    const text = '老兵说事厅\n朱发林是朱洼村的退役老兵。2022年,朱发林、张军等4位退役军人主动担任调解员,他们先后接待来访群众55人,调解矛盾纠纷12起。朱发林说,能为村里干点活就高兴。';
    expect(owners(text)).toMatchObject({ '55人': '朱发林+张军', '12起': '朱发林+张军' });
  });

  it('a notice of several candidates: each paragraph is the one it opens with', () => {
    const text = [
      '关于推荐第三届“最美调解员”候选人的公示',
      '经推荐评审,拟推荐孙立平、周红英、郑海涛为候选人,现予公示。',
      '孙立平,东湖县司法局调解中心主任。近三年调解纠纷450件,调解成功率98%。',
      '周红英,西山镇人民调解委员会委员。她化解家庭纠纷120余起。',
      '郑海涛,河口派出所民警,调处治安纠纷300余起。',
    ].join('\n');
    expect(owners(text)).toMatchObject({ '450件': '孙立平', '98%': '孙立平', '120余起': '周红英', '300余起': '郑海涛' });
  });

  it('a list marker before a biography, a form of 姓名/单位/职务, and a list whose items head no section', () => {
    expect(owners('2023年度“最美信访干部”推荐人选公示\n一、张国庆，男，汉族，1975年生，东湖县信访局局长。他带领全局化解信访积案260件。\n二、李红梅，女，1982年生，西山区信访局接访科科长。近三年接待群众来访4800余人次。'))
      .toMatchObject({ '260件': '张国庆', '4800余人次': '李红梅' });
    expect(owners('推荐对象基本情况\n姓名：王立军  单位：河口镇人民政府  职务：信访办主任\n主要事迹：王立军扎根基层18年，化解矛盾纠纷360余件。\n姓名：赵敏  单位：东湖县司法局  职务：调解员\n主要事迹：赵敏年均调解纠纷150件，调解成功率96%。'))
      .toMatchObject({ '360余件': '王立军', '150件': '赵敏', '96%': '赵敏' });
    const listed = '先进个人名单及事迹\n1. 孙建平 东湖县公安局河口派出所所长\n孙建平带领全所民警破获刑事案件320起。\n2. 周晓兰 西山镇人民调解委员会主任\n周晓兰牵头化解矛盾纠纷580件，为群众挽回损失300余万元。';
    expect(owners(listed)).toMatchObject({ '320起': '孙建平', '580件': '周晓兰', '300余万元': '周晓兰' });
    expect(analyse(listed).warnings.join(' ')).toContain('no achievement section');
  });

  it('a unit named in quotes in the headline, people named after their trade, a list of items that end with the name', () => {
    expect(owners('东湖县“银发调解团”一年化解纠纷千余件\n调解员孟庆林今年62岁。一支由退休法官组建的“银发调解团”从3人发展到6人,去年化解纠纷1084件。'))
      .toMatchObject({ '1084件': '银发调解团' });
    expect(owners('好人榜发布\n其中,东湖木雕师韩志远身残志坚,培育600余名残疾学徒;西山外卖小哥邓晓军冒火救人。'))
      .toMatchObject({ '600余名': '韩志远' });
    expect(owners('他们是:32年履职为民、积劳成疾的东湖县茶棚村党总支委员柳建周;16年无偿献血近4万毫升的东湖矿业养护工马德民;坚守公厕清掏一线20年的环卫工人张凤林。'))
      .toMatchObject({ '32年': '柳建周', '16年': '马德民', '20年': '张凤林' });
  });

  it('a person named at the end of the description that opens a clause takes over there', () => {
    const text = '人民满意的公务员\n镇江市公安局京口分局刑事科学技术室主任金怡日均比对指纹1500多枚。疫情来袭,徐州市泉山区卫生健康委员会副主任姜勇带头值守,共检测车辆64119辆。如今,57岁的任小青依然奔走在一线,他审核360多项危化品建设项目。';
    expect(owners(text)).toMatchObject({ '1500多枚': '金怡', '64119辆': '姜勇', '360多项': '任小青' });
  });

  it('someone who only speaks or gives awards, and a third party helped, are no subjects', () => {
    const text = '调解之星\n县长周春米亲自颁奖。周春米县长表示,调解工作意义重大。孙立平是东湖县调解员,近三年调解纠纷450件。村民柴清秀借款无力偿还,柴清秀和债主发生纠纷,孙立平调解后为柴清秀争取到还款期限3个月。';
    const r = analyse(text);
    expect(r.nominees.map((n) => n.name)).toEqual(['孙立平']);
  });

  it('a stale subject from an earlier paragraph gives way to one the sentence names', () => {
    const text = '身边的榜样\n今年65岁的原九成是一名人民调解员。原九成化解各类矛盾900多起。\n村民柴清秀和债主之间发生了纠纷。原九成及时调解。\n20多年来,对工作的热爱,使原九成具备了超强的调解技能。';
    expect(owners(text)).toMatchObject({ '900多起': '原九成', '20多年来': '原九成' });
  });

  it('a list of descriptions, each ending in the one it describes, by 、 or by comma: each figure is its own item\'s', () => {
    const text = '南岭市7人入选本月“身边好人”\n在公布的名单中,义务为工友理发上千次的退休职工贺长青、十多年间先后照顾多名老人并资助7名失学儿童的葛云舒、坚持12年为村民义务修路的村民沈望川。8年奔走公益路的东山区城管员骆雪翔,悉心照顾患病公公26载的好儿媳詹秋禾,都是群众身边的好人。';
    expect(owners(text)).toMatchObject({ '上千次': '贺长青', '7名': '葛云舒', '12年': '沈望川', '26载': '詹秋禾' });
  });

  it('one who is honoured is the text\'s subject even after a word for a third party; a news outlet is nobody', () => {
    const text = '中国好人榜发布 南岭3人上榜\n[来源:南岭在线] [作者:詹明]\n南岭在线11月28日讯 今天,中国好人榜发布。\n南岭八旬老人贺兆林获评助人为乐类中国好人。34年来,他陪伴千余名孩子度过童年,累计资助贫困生130多人次。';
    const r = analyse(text);
    expect(r.nominees.map((n) => n.name)).toEqual(['贺兆林']);
    expect(owners(text)).toMatchObject({ '千余名': '贺兆林', '130多人次': '贺兆林' });
  });

  it('a work summary under a unit\'s name alone on the line above its title, or by its level only (区法律援助中心)', () => {
    const a = 'XX镇人民政府关于201*年度矛盾纠纷调解的工作总结\n南岭镇人民政府\n关于201*年度矛盾纠纷大调解的工作总结\n一年来,镇司法所共调处矛盾纠纷53件,调解成功49件。';
    expect(analyse(a).nominees.map((n) => n.name)).toEqual(['南岭镇人民政府']);
    const b = '2011年东山区法律援助工作总结\n2011年,我区法律援助工作稳步推进。区法律援助中心共受理法律援助案件220件。区法律援助中心接待法律咨询3896人次。';
    const r = analyse(b);
    expect(r.nominees.map((n) => n.name)).toEqual(['东山区法律援助中心']);
    expect(owners(b)).toMatchObject({ '220件': '东山区法律援助中心', '3896人次': '东山区法律援助中心' });
  });

  it('a semicolon list whose items each open with a role and a name (…村村民李…,…；…村村民郭…是…): each item is its name\'s', () => {
    const text = '凡人善举\n青石湾村村民侯志远不事张扬,连续5年累计出资30多万元为老人发放补贴,资助40多名贫困学生;白杨村村民郭秀兰,坚持照顾瘫痪的婆婆21年;柳河村村民郭平是家里唯一的劳力,在孝老爱亲的路上一坚守就是18年。';
    const r = analyse(text);
    expect(r.nominees.map((n) => n.name)).toEqual(['侯志远', '郭秀兰', '郭平']);
    expect(owners(text)).toMatchObject({ '30多万元': '侯志远', '40多名': '侯志远', '21年': '郭秀兰', '18年': '郭平' });
  });

  it('a name of another pattern after a post (所长那顺巴雅尔), a place that opens a unit\'s name, a name the text names again, a name glossed in pinyin', () => {
    const a = '草原调解能手\n东旗司法局巴彦乌拉司法所所长那顺巴雅尔,21年扎根草原。21年来,他累计调解各类纠纷700余件,调解成功率达97.5%。';
    expect(analyse(a).nominees.map((n) => n.name)).toEqual(['那顺巴雅尔']);
    expect(owners(a)).toMatchObject({ '700余件': '那顺巴雅尔', '97.5%': '那顺巴雅尔' });
    const b = '守边姐妹\n玉湖村的卓玛、央金姐妹是全国模范。姐姐卓玛是村务监督员,几十年来守护着数千平方公里的草场。';
    expect(analyse(b).nominees.map((n) => n.name)).toContain('卓玛');
    const c = '民二庭庭长尹文生因积劳成疾住院,出院后一周便重回审判一线,全年审结案件310件。';
    expect(owners(c)).toMatchObject({ '310件': '尹文生' });
    const d = '模范事迹\n“全国见义勇为模范”王書(shū)茂現任村黨支部委員,40多年來組織漁民抗擊颱風120多次。';
    expect(analyse(d).nominees.map((n) => n.name)).toEqual(['王書茂']);
  });

  it('a pair (姐妹俩) where the paragraph names only one of them is that one, not someone of the paragraph before', () => {
    const text = '道德模范\n壮族姑娘罗秀英是百坭村第一书记,带领88户群众脱贫。\n玉湖村的卓玛、央金姐妹是全国模范。姐姐卓玛是村务监督员。几十年来,姐妹俩守护着数千平方公里的草场。';
    expect(owners(text)).toMatchObject({ '88户': '罗秀英', '数千平方公里': '卓玛' });
  });

  it('a summary that speaks as 我局 and is signed at its end is the signing unit, by its name, never 我局', () => {
    const text = '2023年信访工作总结\n今年以来，我局坚持以人民为中心，共受理群众来信来访326件，化解信访积案45件。\n东山县信访局\n2023年12月20日';
    expect(analyse(text).nominees.map((n) => n.name)).toEqual(['东山县信访局']);
    expect(owners(text)).toMatchObject({ '326件': '东山县信访局', '45件': '东山县信访局' });
  });

  it('a unit whose name holds its service number (南城区12345热线中心) is the one that says 我中心', () => {
    const text = '我中心2022年工作情况汇报\n2022年，南城区12345热线中心共受理市民诉求8.6万件，按时办结率99.2%。我中心群众满意率96%。';
    expect(analyse(text).nominees.map((n) => n.name)).toEqual(['南城区12345热线中心']);
    expect(owners(text)).toMatchObject({ '8.6万件': '南城区12345热线中心', '96%': '南城区12345热线中心' });
    // a count before a unit is no part of its name
    expect(analyse('全县125个村调解委员会共调解纠纷300件。').nominees.map((n) => n.name)).not.toContain('全县125个村调解委员会');
  });

  it('a telling that names its subject at its end (这个人姓耿, 这个人叫…); names that open a clause before a word for when or how; 杨杨、姜晗浩 named together', () => {
    const a = '他是我进法院时的师傅。在我认识他的十年间,他每年审结的案件从60件、80件增加到248件。这个人姓耿,民三庭的一名法官。';
    expect(owners(a)).toMatchObject({ '60件': '耿', '80件增加到248件': '耿' });
    const b = '加班的人们\n为了完成材料,程雪娣连续两个晚上加班到十二点;为了筹备会议,研究室的卢程灿和社会法官杨杨、姜晗浩连续一周不眠不休。';
    expect(owners(b)).toMatchObject({ '两个': '程雪娣', '一周': '卢程灿' });
  });

  it('a headline above its byline, a page\'s contact line, a hotline named by its number and by its level (市12345热线)', () => {
    const text = '0310-3111082 3047798688@qq.com\n东城12345公共服务热线成群众贴心人 ,两年受理来电66万余次\n来源:东城日报编辑:李玲玲发布时间:2020-10-14 14:29:12\n走进市12345公共服务热线办,锦旗整齐排列。平台已受理群众来电66万余次,工单办结率99.8%。';
    const r = analyse(text);
    expect(r.title).toBe('东城12345公共服务热线成群众贴心人 ,两年受理来电66万余次');
    expect(r.nominees.map((n) => n.name)).toEqual(['东城12345公共服务热线']);
    expect(owners(text)).toMatchObject({ '99.8%': '东城12345公共服务热线' });
  });

  it('a name of six characters after a post, opening with a word (民警宝音德力格尔,)', () => {
    const text = '最美警察\n东旗公安局潮格镇派出所民警宝音德力格尔,奔走在1600多平方公里的辖区中。当了17年警察,他骑坏了6辆摩托车。';
    expect(analyse(text).nominees.map((n) => n.name)).toContain('宝音德力格尔');
    expect(owners(text)).toMatchObject({ '1600多平方公里': '宝音德力格尔', '6辆': '宝音德力格尔' });
  });

  it('people introduced by a mark (★周立民：…, ◆ 马丽娟 东湖县…庭长), by a colon, or by kin (父亲刘长河…；儿子刘小军…)', () => {
    const a = '★周立民：东湖县公安局民警。他扎根社区12年，化解矛盾纠纷400余起。\n★孙晓燕：西山镇调解员。她累计调解纠纷300余件。';
    expect(owners(a)).toMatchObject({ '400余起': '周立民', '300余件': '孙晓燕' });
    const b = '政法英模风采\n◆ 马丽娟 东湖县人民法院立案庭庭长\n她带领立案庭全年登记立案1.2万件。\n◆ 何国强 西山镇综治中心主任\n他组织排查矛盾纠纷500余次。\n◆ 王强 东湖县公安局民警\n他破获案件80起。';
    expect(owners(b)).toMatchObject({ '1.2万件': '马丽娟', '500余次': '何国强', '80起': '王强' });
    const c = '先进个人事迹简介\n王德胜：退休教师，2015年加入调委会，8年来调解纠纷260起。\n赵玉兰：村妇联主席，调解婚姻家庭纠纷120余件，挽回经济损失80万元。';
    expect(analyse(c).nominees.map((n) => n.name)).toEqual(['王德胜', '赵玉兰']);
    expect(owners(c)).toMatchObject({ '260起': '王德胜', '80万元': '赵玉兰' });
    const d = '他们是身边的榜样\n在东湖县，有这样一对父子：父亲刘长河当了30年人民调解员，调解纠纷1200余件；儿子刘小军接过父亲的接力棒，5年来调解纠纷260件。';
    expect(owners(d)).toMatchObject({ '1200余件': '刘长河', '260件': '刘小军' });
  });

  it('a clause that opens with a pronoun stays the pronoun\'s when it names a companion (她与丈夫杨贵俭一起…); 夫妻二人 is no count', () => {
    const text = '乡村振兴带头人\n肖玉兰回到松柏村担任村干部。为了打消村民的疑虑,她与丈夫杨贵俭一起在荒山上栽种果树,一个700亩的果园出现在村民眼前。夫妻二人还带动村民发展柑橘园2050亩。';
    const o = owners(text);
    expect(o['700亩']).toBe('肖玉兰');
    expect(o).not.toHaveProperty('二人');
  });

  it('a news page: breadcrumb, dateline with a web address, footer menu and byline are chrome; the unit a reporter learns from is the subject', () => {
    const text = '新闻中心首页 > 新闻中心 > 综合 > 正文\n\n去年接待群众四千余批次\n\nhttp://www.example.cn 2006年08月15日07:40 东湖在线\n\n  记者昨天从东湖市信访局获悉,去年全市各级领导共接访1132批3171人次,群众登记信访问题2584件。(作者:杨闻珉 初审:杨春)\n\n新闻中心意见反馈留言板 电话:010-82612286 欢迎批评指正 新闻简介 | About | 广告服务 | 招聘信息 | 网站律师';
    const r = analyse(text);
    expect(r.title).toBe('去年接待群众四千余批次');
    expect(r.nominees.map((n) => n.name)).toEqual(['东湖市信访局']);
    expect(owners(text)).toMatchObject({ '3171人次': '东湖市信访局', '2584件': '东湖市信访局' });
  });

  it('a court\'s report: 全市法院 is no nominee, a person named as an example of many or in a case\'s name is no subject, a unit by its full name (大观区法院)', () => {
    const a = '东湖市中级人民法院工作报告\n2022年,全市法院受理各类案件25.4万件,办结23.1万件。全市法院125个集体和个人获市级以上表彰,涌现出全国优秀法官柯小颖等一大批先进典型。\n一、建设平安东湖\n依法办结涉众型经济犯罪案件36件,袁钢志洗钱案入选十大典型案例。实质化解信访积案11件。';
    const r = analyse(a);
    expect(r.nominees.map((n) => n.name)).toEqual(['东湖市中级人民法院']);
    expect(owners(a)).toMatchObject({ '25.4万件': '东湖市中级人民法院', '36件': '东湖市中级人民法院', '11件': '东湖市中级人民法院' });
    const b = '2023年2月19日,在全市法院工作会议上,西岭区法院获评“实干快结法院”。\n2022年度,西岭法院全体干警攻坚克难,受理各类案件11820件,办结11768件,结案率为99.56%。\n新的一年,西岭法院将继续坚持实干快结。';
    expect(analyse(b).nominees.map((n) => n.name)).toEqual(['西岭区法院']);
  });

  it('a team named with a nickname in quotes (河西县“五老”调解队), and 这支队伍 for it; font buttons are chrome', () => {
    const text = '- 放大\n- 缩小\n河西有支“五老”调解队\n18年化解600多起纠纷\n河西县“五老”调解队十八年如一日，用法律和温情化解纠纷600余起。\n2007年，几名老党员在退休干警樊志明的倡议下组建起了义务调解队。18年，这支队伍不断壮大，化解了600多起矛盾纠纷，涉及金额4300多万元。';
    const r = analyse(text);
    expect(r.title).toBe('河西有支“五老”调解队');
    expect(r.nominees[0]?.name).toBe('河西县“五老”调解队');
    expect(owners(text)).toMatchObject({ '600余起': '河西县“五老”调解队', '4300多万元': '河西县“五老”调解队' });
  });

  it('她 after a man 他 has meant is the woman named since (…离不开老伴张淑英的支持。她帮助…), but not one named before him', () => {
    const a = '雷锋的战友\n乔安平是雷锋的战友。多年来，他带领一家人学雷锋。乔安平几十年如一日学雷锋，离不开老伴张淑英的支持与陪伴。她帮助乔安平整理资料上千份。乔安平应邀作报告4000场次。';
    expect(owners(a)).toMatchObject({ '上千份': '张淑英', '4000场次': '乔安平' });
    const b = '扶贫干部\n肖玉兰在镇上开办了一所幼儿园。他与松柏村的杨贵俭结婚。肖玉兰带领村民进山十多次。她与丈夫杨贵俭一起栽种果树，一个700亩的果园出现了。';
    expect(owners(b)).toMatchObject({ '700亩': '肖玉兰' });
  });

  it('a unit summary that names no one but the unit opening a clause once (2019年市人大信访办共受理…)', () => {
    const text = '信访工作总结\n一、基本情况\n2019年市人大信访办共受理群众来信来访499件次,较去年同期上升10%;办结率达100%。';
    expect(analyse(text).nominees.map((n) => n.name)).toEqual(['市人大信访办']);
  });

  it('under a heading of its own, a paragraph that tells of a deed before it names who did it is theirs; a name of no Han family name after a post, named twice', () => {
    const text = '英模风采\n东湖市打假总队二支队副支队长宋林平、西山区公安分局刑侦支队副支队长李作新等五人获评特级优秀人民警察。\n电信诈骗犯克星\n2016年10月18日,一起电信网络诈骗案告破,30余名犯罪嫌疑人束手就擒,800余万元诈骗款交还给群众。该起案件由西山区公安分局刑侦副支队长李作新主导侦破。\n草原守护神\n这是壤塘县公安局刑事侦查大队副大队长门木尔加矢志守护的地方。为侦破一起盗窃马匹案,门木尔加连续作战10多个日夜,奔波数千里。';
    const o = owners(text);
    expect(o).toMatchObject({ '30余名': '李作新', '800余万元': '李作新', '数千里': '门木尔加' });
    expect(o).not.toHaveProperty('二支');
  });

  it('a unit named by its level (区人民检察院) goes by the name the text gives it with its place further on (相城区检察院); a bare 人民法庭 is no unit', () => {
    const text = '——在区五届人大常委会第五次会议上\n区人民检察院检察长寿樱\n现在,我代表区检察院报告控告申诉检察工作情况。\n2019年以来,相城区检察院认真贯彻党中央决策部署。区人民检察院共受理群众信访903件,办结878件。';
    const r = analyse(text);
    expect(r.nominees.map((n) => n.name)).toContain('相城区检察院');
    expect(owners(text)).toMatchObject({ '903件': '相城区检察院' });
  });

  it('a head of a unit who reports on its behalf (…院长朱继全代表屯西区人民法院向区人大常委会报告…, 朱继全说) speaks for the unit', () => {
    const text = '10月30日,屯西区人民法院党组书记、代院长朱继全代表屯西区人民法院向区人大常委会报告人民法庭工作情况。\n朱继全说,人民法庭强化执法办案,近5年来受理案件889件,审结854件,结案率为96.06%。';
    expect(analyse(text).nominees.map((n) => n.name)).toEqual(['屯西区人民法院']);
    expect(owners(text)).toMatchObject({ '889件': '屯西区人民法院', '96.06%': '屯西区人民法院' });
  });

  it('a heading 他们的先进事迹 names nobody; 省级12345热线 is no unit; a court named once with 人民 (矿区人民法院) goes by that name', () => {
    const a = '城西村八任书记荣登“中国好人榜”\n他们的先进事迹\n章正和担任村支书24年,带领村民修路30公里。';
    expect(analyse(a).nominees.map((n) => n.name)).not.toContain('他们');
    const b = '东衡县12345政务服务热线中心2025年一季度工作简报\n一季度,东衡县12345政务服务热线中心共受理群众诉求20693件。省级12345热线转办工单277件,办结率100%。';
    expect(analyse(b).nominees.map((n) => n.name)).toEqual(['东衡县12345政务服务热线中心']);
    const c = '欢迎访问甘西矿区人民法院\n矿区法院上半年工作情况\n上半年,矿区法院共受理各类案件103件,审结106件。矿区法院结案率为86.96%。';
    expect(analyse(c).nominees[0]?.name).toBe('矿区人民法院');
  });

  it('a campaign\'s slogan (“…，法治宣传进社区”) names no unit', () => {
    const text = '司法局2020年第四季度工作总结\n一是开展宣传。全年在辖区内每月8场开展“争创文明城市,法治宣传进社区”活动,发放资料5000余份。';
    expect(analyse(text).nominees.map((n) => n.name)).toEqual(['司法局']);
  });
});

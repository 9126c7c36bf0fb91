/** Role: achievement or context (src/extract/roles.ts). */
import { describe, expect, it } from 'vitest';
import { claimsOf, brief } from '../helpers/extract.js';


describe('achievement or context', () => {
  const role = (text: string, span: string): string | undefined => claimsOf(text).find((c) => c.text === span)?.roleRule;
  it.each([
    ['某楼盘烂尾，涉及购房户800余户、购房款2.1亿元，他多次协调。', '2.1亿元', 'role:context:stake:涉及'],
    ['法院判决对方承担赔偿金5万元，他仍上门调解。', '5万元', 'role:context:award:赔偿金'],
    ['当年修路时，摔死的村民有12人。', '12人', 'role:context:incident:摔死'],
    ['评选活动相继推出两批共40名候选人。', '40名', 'role:context:event:候选人'],
    ['来信来访1126件次,较去年同期的1258件下降了10.5%。', '1258件', 'role:context:baseline'],
    ['来访事项均须在3个工作日内答复。', '3个工作日内', 'role:context:procedure'],
    ['登记后并在 24 小时内反馈到责任单位。', '24 小时内', 'role:context:procedure'],
    ['该中心现有工作人员9名。', '9名', 'role:context:population:现有'],
    ['赴省上访2批3人次，与去年同期4批8人次相比下降62.5%。', '4批', 'role:context:baseline'],
    ['全县28个乡镇中，有15个实现零上访、6个信访量下降、4个持平。', '28个', 'role:context:total-with-parts'],
    // the parts in the next sentence, counting the same noun (the bundled notice's 45 个乡镇)
    ['把全市45个乡镇划分为三类。2016年底，全市11个乡镇变为一般乡镇，4个乡镇变为无越级上访乡镇，3个乡镇保持。', '45个', 'role:context:total-with-parts'],
    // the parts marked by 其中: they are context, their total counts
    ['全县共化解信访积案45件，其中10年以上的积案11件、5年以上的8件。', '11件', 'role:context:part-of-total'],
    ['全县共化解信访积案45件，其中10年以上的积案11件、5年以上的8件。', '8件', 'role:context:part-of-total'],
    ['接待群众来访996批、3883人次，其中集体上访93批2162人次。', '2162人次', 'role:context:part-of-total'],
    ['受理来信来访860件次，其中来信612件。', '612件', 'role:context:part-of-total'],
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
    ['他组织巡查，预防非正常死亡百余件。', '百余件'],
    // a part of an earlier total is not a total of its own
    ['把全市45个乡镇划分为三类。2016年底，全市11个乡镇变为一般乡镇，4个乡镇变为无越级上访乡镇，3个乡镇保持。', '11个'],
    // across a sentence only parts that count the same noun
    ['全市45个乡镇全部建成调解室。全市11个村、4个村、3个村获评先进。', '45个'],
    // parts that add up to more than the figure before 其中 are not its parts
    ['受理群众诉求30件，其中来信20件、来访25件。', '20件'],
    // 其中 parts of another count are not parts
    ['受理群众诉求3.6万件，其中县级领导接访1200余人次。', '1200余人次'],
  ])('%s: %s is an achievement', (text, span) => {
    expect(role(text, span)).toBe('role:achievement');
  });
});

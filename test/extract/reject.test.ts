/** Reject: what is not a claim, each by a named rule (src/extract/reject.ts). */
import { describe, expect, it } from 'vitest';
import { claimsOf, brief } from '../helpers/extract.js';


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

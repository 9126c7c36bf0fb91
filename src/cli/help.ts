/** The usage text. */
import { EXTRACTOR_VERSION } from '../version.js';

export const HELP = `shiji ${EXTRACTOR_VERSION} — quantitative claims in commendation notices

Usage:
  shiji extract <file-or-folder>... [--json | --jsonl | --text] [--criteria FILE]
  shiji review [<file-or-folder>...] [--db FILE] [--reviewer NAME] [--criteria FILE] [--no-cache]
        [--chair NAME [--consensus unanimous|majority]]
  shiji export <file-or-folder>... --format csv|xlsx|md|json|html|parquet [--out FILE] [--db REVIEW.sqlite]
        [--by nominee|category|criterion|year|region|honour] [--group-by-name] [--lang en|zh]
        [--verified-only] [--consensus unanimous|majority] [--table summary|claims|coverage] [--keep-repeats]
  shiji merge A.sqlite B.sqlite... -o PANEL.sqlite
  shiji agreement --db PANEL.sqlite [--json] [--consensus unanimous|majority]
  shiji panel --db PANEL.sqlite [--consensus unanimous|majority]
  shiji report <file-or-folder>... --out REPORT.docx|REPORT.html [--db PANEL.sqlite]
        [--consensus unanimous|majority] [--criteria FILE] [--no-cache]
  shiji labels <file-or-folder>... --db PANEL.sqlite --out DIR [--criteria FILE] [--no-cache]
  shiji --help | --version

extract   analyse notices and write-ups (.txt .md .html .docx .pdf; UTF-8, GB18030/GBK, UTF-16)
  --json    one JSON object {documents:[…]} on stdout (see the contract)
  --jsonl   one JSON document per line
  --text    print the decoded text the offsets refer to
  --no-cache  analyse again even when a cached analysis exists
  --criteria FILE  link claims against these criteria instead of the document's own:
            a YAML list of {id, group, text} (a ready set is in dictionaries/criteria/)
            or a notice whose 评选条件 are read
  (none)    a readable summary per document and nominee

review    walk each nominee's evidence and record decisions (default: the bundled corpus/)
  --db FILE        review database (default ./shiji-review.sqlite); every decision is saved at once
  --reviewer NAME  who is deciding (default: the OS user)
  --no-cache       analyse again even when a cached analysis exists
  --chair NAME     adjudicate as the panel's chair: only the claims the members disagree on,
                   each member's decision and note side by side; v d n record the resolution
  --consensus RULE unanimous or majority for this run (default: the rule the database keeps)
  Without a terminal, prints a plain summary of the review and exits.
export    statistics tables: summary (per document and nominee; --by category, criterion, year,
          region or honour; --group-by-name merges a name across documents), claims, coverage
  --format  csv (UTF-8 with BOM; with --out, FILE plus FILE.claims.csv and FILE.coverage.csv,
            else the --table on stdout), xlsx (one sheet per table; a table longer than a
            sheet goes on in "claims (2)"…), md, json, html (a self-contained report with a
            bar chart of totals per category and unit; at most 2,000 documents), parquet (the
            claims table with document and nominee metadata; needs --out)
  --db FILE add review status counts and notes from a review database, and apply its
            corrections: totals leave out disputed figures and figures marked as not a claim;
            corrected values and added claims count; a corrections table (FILE.corrections.csv)
            lists them with the verdicts and the orphaned corrections
  --verified-only  with --db: totals add up verified claims only
  --keep-repeats   keep an input whose content an earlier one already had (by default it is
            counted once: documents, nominees, claims and totals alike, and said on stderr). In
            any document a figure repeated in the same words under the same nominee, and a
            possible copy of another nominee's figure (until a reviewer verifies it), are left
            out of the totals; no output is written when no input could be read
  --consensus RULE with --db: the claims table has a column per member (status, note), the
                   consensus under this rule (default: the rule the database keeps) and the chair's
                   resolution
  --lang zh Chinese headers, titles and category names
  --workers N  worker threads for analysis (default 1: see the README on speed)
merge     combine review databases of several panel members (inputs are not modified)
agreement print agreement per nominee and overall (Cohen's kappa for two reviewers,
          Fleiss' for more), the consensus, and the claims on which members disagree or
          that the chair resolved, with every member's note
  --consensus RULE unanimous or majority for this run  --json  the report as JSON
panel     show a panel database's settings, members and consensus counts
  --consensus RULE keep this consensus rule in the database: unanimous (every member decided
                   alike; the default) or majority (more than half); under either a claim any
                   member disputed needs the chair
report    the panel report: a cover (inputs, panel, consensus rule, date, counts), then one
          section per nominee on a new page: eligibility requirements, criteria coverage, the
          claims by criterion with every member's decision and note, the consensus and the
          chair's resolution, the checks that fired, and totals of the verified claims only
  --out FILE  .docx (Word, what panels circulate) or .html (self-contained, prints on A4)
  --db FILE   the panel's review database (merged); without it every claim is unreviewed
  --consensus RULE unanimous or majority for this report (default: the rule the store keeps)
labels    the reviewers' corrections as development-set label files (../shared/dev/README.md),
          one DIR/NAME.json per document: the extractor's claims with noise as negatives,
          corrected fields and added claims

Exit status: 0 when every input was analysed, 1 when any input could not be read,
2 on a usage error.`;


export const COMMANDS = ['extract', 'review', 'export', 'merge', 'agreement', 'panel', 'report', 'labels'] as const;

/** The usage lines and the section of one command (shiji extract --help). */
export function commandHelp(cmd: string): string {
  const lines = HELP.split('\n');
  const usage = lines.filter((l, i) => l.startsWith(`  shiji ${cmd}`) || (i > 0 && lines[i - 1]?.startsWith(`  shiji ${cmd}`) && /^ {8}\[/.test(l)));
  const at = lines.findIndex((l) => l.startsWith(`${cmd} `));
  const section: string[] = [];
  for (let i = at; at >= 0 && i < lines.length; i++) {
    const l = lines[i] as string;
    if (i > at && (COMMANDS.some((c) => l.startsWith(`${c} `)) || l === '')) break;
    section.push(l);
  }
  return ['Usage:', ...usage, '', ...section].join('\n');
}

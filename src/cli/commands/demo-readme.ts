import type { Catalogue } from '../../core/catalogue/schema';
import { formatPeriod, type Period } from '../../core/period';
import type { SampleReturn } from '../../core/sample/returns';

/** README.txt for the demo folder: what each file is and what to try next. */
export function demoReadme(p: { catalogue: Catalogue; period: Period; samples: readonly SampleReturn[]; cabinetFile: string; late: string; earlier: readonly Period[] }): string {
  const period = formatPeriod(p.period);
  const planted = p.samples.flatMap((s) => s.planted.map((x) => `  returns/${s.file}: ${x}`));
  return `Corporate Scorecard demo: ${p.catalogue.organisation}, ${period}
${'='.repeat(60)}

Made by \`scorecard demo\` from the embedded catalogue (${p.catalogue.plan}, version
${p.catalogue.version}) and generated sample returns. The numbers are invented, near the
catalogue's targets; nothing here is real council data.

What each file is
-----------------
catalogue.json        The indicator catalogue: priorities, flagship actions, indicators with
                      targets for ${p.catalogue.financialYears.join(', ')}, and the change log.
catalogue.xlsx        The same catalogue as the BI team's Excel table (sheet Indicators, one row
                      per indicator). Edit it, then: scorecard catalogue import catalogue.xlsx --out my.json
returns/*.xlsx        One return per service for ${period}, filled in as a performance lead would:
                      actuals, statuses, commentary and actions, some signed off by a manager.
                      ${p.late} sent no return, so its indicators are listed as missing.
reports/*.txt|.json   What \`scorecard validate\` says about each return: RAG counts and every
                      problem with its cell. The JSON is the same as \`validate --json\`.
${p.cabinetFile.padEnd(22)}The Cabinet workbook: grouped by priority, RAG as colour AND text,
                      direction of travel, commentary and actions, an exceptions list of every Red,
                      catalogue changes, small counts shown as <5. Locked, A4 landscape.
consolidation.json    The consolidation: every file's result, conflicts, missing indicators.
earlier/<quarter>/    Returns for ${p.earlier.map(formatPeriod).join(', ')}: quarters already closed.
bi-master.json        The BI master: those quarters as consolidated with --history. Direction of
                      travel (against last quarter and the same quarter last year), the Trends
                      sheet and rolling 12-month figures come from it.

Planted on purpose, so you can see each check fire
--------------------------------------------------
${planted.join('\n')}

Try next
--------
  scorecard validate returns/*.xlsx
  scorecard validate returns/${p.samples[0]?.file ?? 'x.xlsx'} --json
  scorecard consolidate returns/*.xlsx --out my-cabinet.xlsx
  scorecard consolidate returns/*.xlsx --history bi-master.json --out closed.xlsx   (records ${period})
  scorecard history show bi-master.json
  scorecard verify ${p.cabinetFile}
  scorecard template --period "${period}" --service "Customer Services" --out blank.xlsx

About protection and the fingerprint
------------------------------------
Sheet protection on the Cabinet sheet is an accident guard, not security: anyone can remove it
with ordinary tools. The integrity check is the SHA-256 fingerprint of the scorecard data, stored
in the workbook's properties: \`scorecard verify FILE.xlsx\` recomputes it and says plainly
whether the numbers changed since export.
`;
}

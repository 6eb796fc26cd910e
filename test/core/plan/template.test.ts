import { rect, rectA1 } from "../../../src/core/address";
import { makePeriod } from "../../../src/core/period";
import {
  contrastRatio,
  RAG_STYLE,
  ragConditionalFormats,
  PROBLEM_STYLE,
  ragLabel,
} from "../../../src/core/plan/palette";
import { entryNumberFormat } from "../../../src/core/format";
import {
  TEMPLATE_COLUMN,
  TEMPLATE_HEADER_ROW,
  templatePlan,
} from "../../../src/core/plan/template";
import { HEADER, LABEL, normaliseHeader } from "../../../src/core/return/layout";
import { RAG_STATUSES } from "../../../src/core/rag";
import type { SheetPlan } from "../../../src/core/plan/types";
import { catalogue } from "./fixtures";
import { evaluate, planToArray } from "./hf-helpers";

const Q2 = makePeriod(2023, 2);

function valueAt(plan: SheetPlan, row: number, col: number): unknown {
  for (const b of plan.cells) {
    const v = b.values[row - b.row]?.[col - b.col];
    if (v !== undefined && row >= b.row && col >= b.col) return v;
  }
  return undefined;
}

describe("palette", () => {
  it.each([...RAG_STATUSES])(
    "%s text meets WCAG 4.5:1 on its fill",
    (status) => {
      expect(
        contrastRatio(RAG_STYLE[status].fontColor, RAG_STYLE[status].fill),
      ).toBeGreaterThanOrEqual(4.5);
    },
  );
  it("problem text meets 4.5:1 too", () =>
    expect(
      contrastRatio(PROBLEM_STYLE.fontColor, PROBLEM_STYLE.fill),
    ).toBeGreaterThanOrEqual(4.5));
  it.each([
    ["#000000", "#FFFFFF", 21],
    ["#FFFFFF", "#FFFFFF", 1],
    ["#777777", "#FFFFFF", 4.48],
  ])("contrast %s on %s is %p", (a, b, r) => {
    expect(contrastRatio(a, b)).toBeCloseTo(r, 2);
  });
  it("gives the RAG statuses distinct symbols (Tracking and Not due share a dash, neither is a RAG)", () => {
    const symbols = (
      ["Blue", "Green", "Amber", "Red", "Complete", "Missing"] as const
    ).map((s) => RAG_STYLE[s].symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(ragLabel("Green")).toBe("✔ Green");
  });
  it("colours a cell by its text, with or without the symbol, with expression rules HyperFormula agrees with", () => {
    const rules = ragConditionalFormats(rect(1, 1, 4, 1), "A1", 5);
    expect(rules.map((r) => r.priority)).toEqual(rules.map((_, i) => 5 + i));
    const green = rules.find((r) => r.style.fill === RAG_STYLE.Green.fill)!;
    const rows = ["Green", "✔ Green", "Greenish", "green"].map((t, i) => [
      t,
      `=${green.formula.replace(/A1/g, `A${i + 1}`)}`,
    ]);
    const get = evaluate(rows);
    expect([1, 2, 3, 4].map((r) => get(r, 2))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("templatePlan", () => {
  const plan = templatePlan(catalogue(), Q2, {});
  const H = TEMPLATE_HEADER_ROW;

  it("puts labels in column A with values to their right, the header below", () => {
    const labels = Object.values(LABEL);
    const found = labels.map((l) => {
      for (let r = 1; r < H; r++)
        if (valueAt(plan, r, 1) === l) return [l, valueAt(plan, r, 2) ?? null];
      return [l, "absent"];
    });
    expect(Object.fromEntries(found)).toMatchObject({
      Period: "2023-24 Q2",
      Organisation: "London Borough of Testing",
      "Catalogue version": "2023-06-29",
      Service: null,
    });
    expect(found.every(([, v]) => v !== "absent")).toBe(true);
  });

  it("has every header the reader needs, found by name", () => {
    const headers = plan.cells
      .find((b) => b.row === H)!
      .values[0]!.map((v) => normaliseHeader(String(v)));
    for (const h of [
      ...Object.values(HEADER),
      "Priority",
      "Service",
      "Unit",
      "Polarity",
    ])
      expect(headers).toContain(normaliseHeader(h));
    expect(new Set(headers).size).toBe(headers.length);
  });

  it("lists only indicators due in the period, by priority, and filters by service", () => {
    const refs = (p: SheetPlan): unknown[] =>
      Array.from({ length: 10 }, (_, i) => valueAt(p, H + 1 + i, 1)).filter(
        (v) => v != null,
      );
    expect(refs(plan)).toEqual(["CS01", "CS02", "HS01", "CS03"]);
    expect(refs(templatePlan(catalogue(), makePeriod(2023, 4), {}))).toEqual([
      "CS01",
      "CS02",
      "CS04",
      "HS01",
      "CS03",
    ]);
    const housing = templatePlan(catalogue(), Q2, { service: " housing " });
    expect(refs(housing)).toEqual(["HS01"]);
    expect(valueAt(housing, 4, 2)).toBe("Housing");
  });

  it("says so when nothing is due", () => {
    const none = templatePlan(catalogue(), Q2, { service: "Parks" });
    expect(valueAt(none, H + 1, 2)).toMatch(
      /No indicators are due in 2023-24 Q2 for Parks/,
    );
  });

  it("unlocks the entry cells a row takes and nothing in the catalogue columns", () => {
    const unlocked = new Set(
      plan.styles.filter((s) => s.style.locked === false).map((s) => rectA1(s.range)),
    );
    const cell = (row: number, key: keyof typeof TEMPLATE_COLUMN): string =>
      `${String.fromCharCode(64 + TEMPLATE_COLUMN[key])}${row}`;
    expect(unlocked.has(cell(H + 1, "actual"))).toBe(true); // CS01 quantitative
    expect(unlocked.has(cell(H + 1, "status"))).toBe(false);
    expect(unlocked.has(cell(H + 4, "status"))).toBe(true); // CS03 qualitative
    expect(unlocked.has(cell(H + 4, "actual"))).toBe(false);
    for (const key of ["ref", "indicator", "target", "rag"] as const)
      expect([...unlocked].some((r) => r.startsWith(cell(H + 1, key)))).toBe(
        false,
      );
  });

  it.each([
    ["percent", 1, '0.0"%"'],
    ["percent", 0, '0"%"'],
    ["number", 0, "#,##0"],
    ["currency", 2, '"£"#,##0.00'],
    ["days", 1, "0.0"],
  ] as const)("formats %s with %i decimals as %s", (unit, d, fmt) =>
    expect(entryNumberFormat(unit, d)).toBe(fmt),
  );

  it("lets <5 be typed over the number rule only where suppression is allowed", () => {
    const v = (row: number) =>
      plan.validations.find((x) => rectA1(x.range) === `H${row}`);
    expect(v(H + 1)).toMatchObject({
      rule: { type: "decimal", min: 0, max: 100 },
      errorStyle: "stop",
    });
    expect(v(H + 2)).toMatchObject({
      rule: { type: "decimal", min: 0 },
      errorStyle: "warning",
    });
    expect(plan.validations.find((x) => rectA1(x.range) === `I${H + 4}`)).toMatchObject(
      {
        rule: {
          type: "list",
          values: ["On track", "At risk", "Off track", "Complete"],
        },
      },
    );
    expect(
      plan.validations
        .filter((x) => x.rule.type === "textLength")
        .map((x) => x.range),
    ).toEqual([rect(H + 1, 13, H + 4, 13), rect(H + 1, 14, H + 4, 14)]);
  });

  it("pins the label block, header and the first row (inline snapshot)", () => {
    const row = (r: number): readonly unknown[] =>
      plan.cells.flatMap((b) =>
        b.values[r - b.row] && r >= b.row ? [b.values[r - b.row]] : [],
      )[0] ?? [];
    const shown = (v: unknown): unknown =>
      v && typeof v === "object"
        ? `=${(v as { formula: string }).formula.slice(0, 30)}…`
        : v;
    expect({
      labels: plan.cells[2]!.values,
      header: row(H),
      first: row(H + 1).map(shown),
    }).toMatchInlineSnapshot(`
     {
       "first": [
         "CS01",
         "% of calls answered within 60 seconds",
         "P1",
         "Customer Services",
         "percent",
         "Higher is better",
         80,
         null,
         null,
         null,
         null,
         "=IF(Z15=0,"Not due",IF(R15="qua…",
         null,
         null,
         "=IF(ISERROR(H15),"",IF(ISNUMBER…",
         "=IF(ISNUMBER(O15),IF(O15=0,0,(1…",
         "=IF(ISNUMBER(O15),IF(O15=0,0,IF…",
         "higher",
         1,
         80,
         76,
         null,
         null,
         null,
         null,
         1,
         null,
         "Error",
       ],
       "header": [
         "Ref",
         "Indicator",
         "Priority",
         "Service",
         "Unit",
         "Polarity",
         "Target",
         "Actual",
         "Status",
         "Numerator",
         "Denominator",
         "RAG",
         "Commentary",
         "Action",
         "Actual number",
         "Actual scale",
         "Rounded actual",
         "Rule kind",
         "Rule decimals",
         "Rule target",
         "Rule amber from",
         "Rule amber to",
         "Rule band min",
         "Rule band max",
         "Rule blue",
         "Rule due",
         "Rule suppress below",
         "Rule suppressed RAG",
       ],
       "labels": [
         [
           "Period",
           "2023-24 Q2",
         ],
         [
           "Service",
           null,
         ],
         [
           "Organisation",
           "London Borough of Testing",
         ],
         [
           "Catalogue version",
           "2023-06-29",
         ],
         [
           "Prepared by",
           null,
         ],
         [
           "Ready for sign-off",
           null,
         ],
         [
           "Signed off by",
           null,
         ],
         [
           "Role",
           null,
         ],
         [
           "Signed off on",
           null,
         ],
         [
           "Sign-off fingerprint",
           null,
         ],
       ],
     }
    `);
  });
});

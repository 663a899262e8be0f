import { exponentOf } from '../money/currency';
import type { FinancialStatement, StatementLine } from '../statements';

/**
 * A buyer's statements as the 64 inputs of the Polish bankruptcy data (`Attr1` … `Attr64`, see
 * `POLISH_ATTRIBUTES`), so the default model can score a buyer. What cannot be computed is NaN (the model
 * has a learned branch for missing values). Approximations, because Credence's lines are fewer:
 * - Polish "gross profit" (zysk brutto) is profit before tax: taken as operating profit − interest expense;
 * - "profit on sales" and "profit on operating activities" are both the operating profit (EBIT);
 * - "operating expenses" and "total costs" are sales − operating profit;
 * - "cost of products sold" is the cost of goods sold; "constant capital" is equity + long-term liabilities;
 * - short-term securities not reported count as none in Attr5's sum of liquid assets;
 * - Attr24 (gross profit over three years) is the profit before tax of this year and the year before (when
 *   given), scaled to three years;
 * - Attr29 (log of total assets) and Attr55 (working capital) are in thousands of the statement's currency
 *   (the data's are in thousands of PLN; no conversion is made).
 */
export function polishInputs(s: FinancialStatement, prior?: FinancialStatement): Record<string, number> {
  const l = (name: StatementLine): number => {
    const v = s.lines[name];
    return v === undefined ? Number.NaN : Number(v);
  };
  const div = (a: number, b: number): number =>
    Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
  const cash = l('cash');
  const stSec = s.lines.shortTermSecurities === undefined ? 0 : l('shortTermSecurities');
  const rec = l('receivables');
  const inv = l('inventory');
  const ca = l('currentAssets');
  const fa = l('fixedAssets');
  const ta = l('totalAssets');
  const stl = l('shortTermLiabilities');
  const ltl = l('longTermLiabilities');
  const tl = stl + ltl;
  const eq = l('equity');
  const share = l('shareCapital');
  const re = l('retainedEarnings');
  const sales = l('sales');
  const cogs = l('costOfGoodsSold');
  const ebit = l('operatingProfit');
  const dep = l('depreciation');
  const interest = l('interestExpense');
  const np = l('netProfit');
  const gross = ebit - interest; // profit before tax
  const opex = sales - ebit;
  const wc = ca - stl;
  const constant = eq + ltl;
  const minor = 10 ** exponentOf(s.currency);
  const thousands = (x: number) => x / minor / 1000;
  const priorSales = prior?.lines.sales === undefined ? Number.NaN : Number(prior.lines.sales);
  const pretax = (x: FinancialStatement | undefined) =>
    x?.lines.operatingProfit === undefined || x.lines.interestExpense === undefined
      ? Number.NaN
      : Number(x.lines.operatingProfit - x.lines.interestExpense);
  const priorGross = pretax(prior);
  const gross3 = Number.isNaN(priorGross) ? gross * 3 : ((gross + priorGross) * 3) / 2;
  const a: number[] = [
    div(np, ta),
    div(tl, ta),
    div(wc, ta),
    div(ca, stl),
    div(cash + stSec + rec - stl, opex - dep) * 365,
    div(re, ta),
    div(ebit, ta),
    div(eq, tl),
    div(sales, ta),
    div(eq, ta),
    div(gross + interest, ta),
    div(gross, stl),
    div(gross + dep, sales),
    div(gross + interest, ta),
    div(tl * 365, gross + dep),
    div(gross + dep, tl),
    div(ta, tl),
    div(gross, ta),
    div(gross, sales),
    div(inv * 365, sales),
    div(sales, priorSales),
    div(ebit, ta),
    div(np, sales),
    div(gross3, ta),
    div(eq - share, ta),
    div(np + dep, tl),
    div(ebit, interest),
    div(wc, fa),
    ta > 0 ? Math.log10(thousands(ta)) : Number.NaN,
    div(tl - cash, sales),
    div(gross + interest, sales),
    div(stl * 365, cogs),
    div(opex, stl),
    div(opex, tl),
    div(ebit, ta),
    div(sales, ta),
    div(ca - inv, ltl),
    div(constant, ta),
    div(ebit, sales),
    div(ca - inv - rec, stl),
    div(tl, (ebit + dep) * (12 / 365)),
    div(ebit, sales),
    div(rec * 365, sales) + div(inv * 365, sales),
    div(rec * 365, sales),
    div(np, inv),
    div(ca - inv, stl),
    div(inv * 365, cogs),
    div(ebit - dep, ta),
    div(ebit - dep, sales),
    div(ca, tl),
    div(stl, ta),
    div(stl * 365, cogs),
    div(eq, fa),
    div(constant, fa),
    Number.isFinite(wc) ? thousands(wc) : Number.NaN,
    div(sales - cogs, sales),
    div(ca - inv - stl, sales - gross - dep),
    div(opex + interest, sales),
    div(ltl, eq),
    div(sales, inv),
    div(sales, rec),
    div(stl * 365, sales),
    div(sales, stl),
    div(sales, fa),
  ];
  const out: Record<string, number> = {};
  a.forEach((v, i) => {
    out[`Attr${i + 1}`] = Number.isFinite(v) ? v : Number.NaN;
  });
  return out;
}

// The pipeline: deals by stage and open deals by owner, and the weighted forecast by month,
// per currency (amounts are never summed across currencies), as bar charts.
import { errorBox, gql, withProgress } from "../api";
import { h, money, words } from "../dom";

const PIPELINE = `{
  pipeline {
    byStage { key currency count total weighted }
    byOwner { key currency count total weighted owner { id fullName } }
    forecast { key currency count total weighted }
  }
}`;

interface Group {
  key: string | null;
  currency: string | null;
  count: number;
  total: number;
  weighted: number;
  owner?: { id: string; fullName: string } | null;
}

const SVG = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Horizontal bars: total (light) with weighted (dark) over it. */
function bars(rows: { label: string; total: number; weighted: number; count: number }[], currency: string): HTMLElement {
  const width = 720;
  const labelW = 180;
  const rowH = 24;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const chart = svg("svg", { viewBox: `0 0 ${width} ${rows.length * rowH + 10}`, class: "bars", role: "img" });
  rows.forEach((r, i) => {
    const y = i * rowH + 4;
    const w = ((width - labelW - 140) * r.total) / max;
    const ww = ((width - labelW - 140) * r.weighted) / max;
    chart.append(
      svg("text", { x: labelW - 6, y: y + 14, "text-anchor": "end", class: "bar-label" }, r.label),
      svg("rect", { x: labelW, y, width: Math.max(1, w), height: rowH - 6, class: "bar-total" }),
      svg("rect", { x: labelW, y, width: Math.max(0, ww), height: rowH - 6, class: "bar-weighted" }),
      svg("text", { x: labelW + w + 6, y: y + 14, class: "bar-value" }, `${money(r.total, currency)} (${r.count})`),
    );
  });
  return h("figure", chart as unknown as HTMLElement);
}

function byCurrency(groups: Group[]): Map<string, Group[]> {
  const out = new Map<string, Group[]>();
  for (const g of groups) {
    const c = g.currency ?? "—";
    out.set(c, [...(out.get(c) ?? []), g]);
  }
  return out;
}

function section(title: string, groups: Group[], label: (g: Group) => string, limit = 24): HTMLElement {
  const parts = [...byCurrency(groups)].map(([currency, gs]) =>
    h("div", h("h3", currency), bars(gs.slice(0, limit).map((g) => ({ label: label(g), total: g.total, weighted: g.weighted, count: g.count })), currency)),
  );
  return h("section.card", h("h2", title), h("p.muted", "Light: total amount; dark: weighted (amount × probability); (n): deals."), ...parts);
}

export async function pipelinePage(main: HTMLElement): Promise<void> {
  main.append(h("h1", "Pipeline"));
  const body = h("div");
  main.append(body);
  try {
    const data = await withProgress(body, "Adding up the pipeline", gql<{ pipeline: { byStage: Group[]; byOwner: Group[]; forecast: Group[] } }>(PIPELINE));
    const p = data.pipeline;
    const owners = [...p.byOwner].sort((a, b) => b.weighted - a.weighted);
    body.replaceChildren(
      section("All deals by stage", p.byStage, (g) => words(g.key)),
      section("Open deals by owner", owners, (g) => g.owner?.fullName ?? "No owner", 15),
      section("Weighted forecast by close month", p.forecast, (g) => g.key ?? "No date"),
    );
  } catch (e) {
    body.replaceChildren(errorBox(e));
  }
}

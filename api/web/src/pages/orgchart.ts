// The org chart tab: a tree (explicit lines solid, inferred ones dashed with their confidence
// and reason on hover), empty seats as empty boxes, decision-makers highlighted with their
// score, an as-of date, the whole corporate family, collapse and expand.
import { ApiError, errorBox, gql, withProgress } from "../api";
import { clear, h, pct, words } from "../dom";
import { cytoscape, tooltip, type Core } from "../graphs";

const CHART = `query Org($id: ID!, $asOf: Date, $family: Boolean!) {
  orgChart(companyId: $id, asOf: $asOf, includeSubsidiaries: $family) {
    __typename
    ... on NotFound { message }
    ... on OrgChart {
      asOf levels inferredLines truncated
      companies { id name }
      levelSizes { level people }
      people {
        title department level directReports teamSize seniority
        person { id fullName }
        company { id name }
        line { kind confidence reason manager { id } }
      }
      emptySeats { seat department chief reason company { id } }
    }
  }
  decisionMakers(companyId: $id, limit: 5, asOf: $asOf) {
    __typename
    ... on DecisionMakers { people { rank score summary person { id fullName } } }
  }
}`;

interface ChartPerson {
  title: string | null;
  department: string | null;
  level: number;
  directReports: number;
  teamSize: number;
  seniority: string;
  person: { id: string; fullName: string } | null;
  company: { id: string; name: string } | null;
  line: { kind: string; confidence: number; reason: string; manager: { id: string } | null } | null;
}
interface Chart {
  __typename: "OrgChart";
  asOf: string;
  levels: number;
  inferredLines: number;
  truncated: boolean;
  companies: { id: string; name: string }[];
  levelSizes: { level: number; people: number }[];
  people: ChartPerson[];
  emptySeats: { seat: string; department: string; chief: boolean; reason: string; company: { id: string } | null }[];
}
interface Dm {
  rank: number;
  score: number;
  summary: string;
  person: { id: string; fullName: string } | null;
}
type ChartResult = Chart | { __typename: "NotFound"; message: string };
type DmResult = { __typename: "DecisionMakers"; people: Dm[] } | { __typename: "NotFound" };

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: "node.person",
    style: {
      shape: "round-rectangle",
      "background-color": "#ffffff",
      "border-width": 1,
      "border-color": "#8a94a6",
      label: "data(label)",
      "text-wrap": "wrap",
      "text-valign": "center",
      "font-size": 11,
      width: 150,
      height: 46,
      color: "#1f2933",
    },
  },
  { selector: "node.dm", style: { "border-width": 3, "border-color": "#d97706", "background-color": "#fff7e6" } },
  { selector: "node.collapsed", style: { "background-color": "#e6ecf5", "border-style": "double", "border-width": 4 } },
  { selector: "node:selected", style: { "border-color": "#2563eb", "border-width": 3 } },
  {
    selector: "node.seat",
    style: {
      shape: "round-rectangle",
      "background-opacity": 0,
      "border-width": 1,
      "border-style": "dashed",
      "border-color": "#9aa5b1",
      label: "data(label)",
      "text-wrap": "wrap",
      "text-valign": "center",
      "font-size": 10,
      color: "#7b8794",
      width: 150,
      height: 46,
    },
  },
  {
    selector: "edge",
    style: { width: 1.5, "line-color": "#52606d", "curve-style": "taxi", "taxi-direction": "downward", "target-arrow-shape": "none" },
  },
  { selector: "edge.inferred", style: { "line-style": "dashed", "line-color": "#d97706", width: 2 } },
  { selector: "edge.seat-line", style: { "line-style": "dotted", "line-color": "#c1c7cf" } },
];

function nodeLabel(p: ChartPerson, dm: Dm | undefined): string {
  const star = dm ? `★ ${dm.score.toFixed(2)} ` : "";
  return `${star}${p.person?.fullName ?? "?"}\n${p.title ?? words(p.seniority)}`;
}

function elements(chart: Chart, dms: Map<string, Dm>): cytoscape.ElementDefinition[] {
  const out: cytoscape.ElementDefinition[] = [];
  const ids = new Set(chart.people.map((p) => p.person?.id).filter(Boolean));
  for (const p of chart.people) {
    if (!p.person) continue;
    const dm = dms.get(p.person.id);
    out.push({
      group: "nodes",
      data: { id: p.person.id, label: nodeLabel(p, dm), name: p.person.fullName, reports: p.directReports, team: p.teamSize },
      classes: dm ? "person dm" : "person",
    });
    const line = p.line;
    if (line?.manager && ids.has(line.manager.id)) {
      const inferred = line.kind === "INFERRED";
      out.push({
        group: "edges",
        data: {
          id: `line:${p.person.id}`,
          source: line.manager.id,
          target: p.person.id,
          kind: line.kind,
          confidence: line.confidence,
          reason: line.reason,
        },
        classes: inferred ? "inferred" : "explicit",
      });
    }
  }
  const firstRoot = chart.people.find((p) => !p.line && p.person)?.person?.id;
  chart.emptySeats.forEach((s, i) => {
    const id = `seat:${i}`;
    out.push({ group: "nodes", data: { id, label: `${s.seat}\n(empty seat)`, reason: s.reason }, classes: "seat" });
    if (firstRoot) out.push({ group: "edges", data: { id: `seat-line:${i}`, source: firstRoot, target: id }, classes: "seat-line" });
  });
  return out;
}

function describeEdge(kind: string, confidence: number, reason: string): string {
  return kind === "INFERRED" ? `Inferred line · confidence ${pct(confidence)} · ${reason}` : `Explicit line · ${reason}`;
}

function toggle(cy: Core, id: string): void {
  const node = cy.getElementById(id);
  const below = node.successors();
  if (node.hasClass("collapsed")) {
    node.removeClass("collapsed");
    below.style("display", "element");
    below.nodes(".collapsed").forEach((n) => {
      n.successors().style("display", "none");
    });
  } else if (below.length) {
    node.addClass("collapsed");
    below.style("display", "none");
  }
}

function draw(host: HTMLElement, side: HTMLElement, chart: Chart, dms: Map<string, Dm>): Core {
  const canvas = h("div.graph", { "data-testid": "org-graph" });
  host.append(canvas);
  const tip = tooltip(host);
  const cy = cytoscape({
    container: canvas,
    elements: elements(chart, dms),
    style: STYLE,
    layout: { name: "dagre", rankDir: "TB", nodeSep: 20, rankSep: 50 } as cytoscape.LayoutOptions,
    minZoom: 0.05,
    maxZoom: 1.6,
  });
  cy.on("mouseover", "edge", (e) => {
    const d = e.target.data();
    if (d.kind) tip.show(describeEdge(d.kind, d.confidence, d.reason), e.renderedPosition.x, e.renderedPosition.y);
  });
  cy.on("mouseout", "edge", () => tip.hide());
  cy.on("tap", "edge", (e) => {
    const d = e.target.data();
    if (d.kind) clear(side, h("h3", "Reporting line"), h("p", describeEdge(d.kind, d.confidence, d.reason)));
  });
  cy.on("tap", "node.seat", (e) => clear(side, h("h3", "Empty seat"), h("p", e.target.data("reason"))));
  cy.on("tap", "node.person", (e) => {
    const d = e.target.data();
    const dm = dms.get(d.id);
    clear(
      side,
      h("h3", d.name),
      h("p", `${d.reports} direct reports, ${d.team} in the team below.`),
      dm ? h("p.dm-note", `Decision-maker #${dm.rank}, score ${dm.score.toFixed(2)}: ${dm.summary}`) : null,
      h(
        "div.buttons",
        h("button", { type: "button", onclick: () => toggle(cy, d.id) }, e.target.hasClass("collapsed") ? "Expand team" : "Collapse team"),
        h("a.button", { href: `#/person/${encodeURIComponent(d.id)}` }, "Open person"),
        h("a.button", { href: `#/person/${encodeURIComponent(d.id)}/ways` }, "Ways in"),
      ),
    );
  });
  cy.on("dbltap", "node.person", (e) => toggle(cy, e.target.id()));
  return cy;
}

function summary(chart: Chart): HTMLElement {
  const sizes = chart.levelSizes.map((l) => `L${l.level}: ${l.people}`).join(" · ");
  return h(
    "p.chart-summary",
    `${chart.people.length} people on ${chart.asOf}, ${chart.levels} levels (${sizes}); `,
    `${chart.inferredLines} inferred lines (dashed); ${chart.emptySeats.length} empty seats.`,
    chart.truncated ? h("strong", " The chart was cut at its size limit.") : null,
  );
}

function dmList(dms: Dm[], cy: () => Core | null): HTMLElement {
  return h(
    "section.card.dms",
    h("h3", "Decision-makers"),
    dms.length
      ? h(
          "ol",
          ...dms.map((d) =>
            h(
              "li",
              h("button.link", { type: "button", onclick: () => cy()?.getElementById(d.person?.id ?? "").select() }, d.person?.fullName ?? "?"),
              ` ${d.score.toFixed(2)} — `,
              h("span.muted", d.summary),
            ),
          ),
        )
      : h("p.muted", "None ranked."),
  );
}

export function orgChartTab(companyId: string, name: string): HTMLElement {
  const asOf = h("input", { type: "date", name: "asOf", "aria-label": "As of" }) as HTMLInputElement;
  const family = h("input", { type: "checkbox", name: "family" }) as HTMLInputElement;
  const status = h("div.status");
  const area = h("div.chart-area");
  const side = h("aside.side", h("p.muted", "Hover a line for its reason; click a box for details, double-click to collapse or expand its team."));
  let cy: Core | null = null;
  const load = async (): Promise<void> => {
    cy?.destroy();
    cy = null;
    clear(area);
    try {
      const data = await withProgress(
        status,
        `Drawing the org chart of ${name}`,
        gql<{ orgChart: ChartResult; decisionMakers: DmResult }>(CHART, {
          id: companyId,
          asOf: asOf.value || null,
          family: family.checked,
        }),
      );
      if (data.orgChart.__typename === "NotFound") throw new ApiError("not-found", data.orgChart.message);
      const chart = data.orgChart;
      const dms = data.decisionMakers.__typename === "DecisionMakers" ? data.decisionMakers.people : [];
      const byId = new Map(dms.filter((d) => d.person).map((d) => [d.person!.id, d]));
      if (!asOf.value) asOf.value = chart.asOf;
      status.replaceChildren(summary(chart));
      const host = h("div.graph-host");
      area.append(h("div.chart-layout", host, h("div.side-col", side, dmList(dms, () => cy))));
      cy = draw(host, side, chart, byId);
      window.relgraph.cy = cy;
      window.relgraph.chart = { people: chart.people.length, seats: chart.emptySeats.length, inferred: chart.inferredLines };
    } catch (e) {
      status.replaceChildren(errorBox(e));
    }
  };
  const controls = h(
    "form.controls",
    { onsubmit: (e: Event) => { e.preventDefault(); void load(); } },
    h("label", "As of ", asOf),
    h("label", family, " Whole corporate family"),
    h("button", { type: "submit" }, "Show"),
    h("button", { type: "button", onclick: () => { cy?.elements().style("display", "element"); cy?.nodes().removeClass("collapsed"); cy?.fit(); } }, "Expand all"),
    h("button", { type: "button", onclick: () => cy?.fit() }, "Fit"),
    h("span.legend", h("span.solid", "── explicit"), h("span.dashed", "- - inferred"), h("span.seatbox", "empty seat"), h("span.dmbox", "★ decision-maker")),
  );
  void load();
  return h("div.orgchart", controls, status, area);
}

// Hidden links: the account and the accounts linked to it as a graph, each link coloured by
// its kind, its evidence on click; the account's community.
import { ApiError, errorBox, gql, withProgress } from "../api";
import { clear, day, h, pct, words } from "../dom";
import { cytoscape, type Core } from "../graphs";

const LINKS = `query Links($id: ID!, $min: Float!) {
  hiddenLinks(companyId: $id, minConfidence: $min, first: 40) {
    __typename
    ... on NotFound { message }
    ... on HiddenLinks {
      totalCount
      company { id name }
      community { id size modularity members(first: 12) { id name } }
      links {
        kind confidence reason evidenceCount
        otherCompany { id name }
        evidence {
          description weight value sharedBy
          person { id fullName }
          company { id name }
          tenures { role title start end company { name } }
        }
      }
    }
  }
}`;

export const KIND_COLOURS: Record<string, string> = {
  SHARED_CURRENT_PEOPLE: "#2563eb",
  FORMER_EMPLOYEE: "#0891b2",
  SHARED_BOARD_MEMBER: "#7c3aed",
  SHARED_ADVISOR: "#a855f7",
  SHARED_INVESTOR: "#db2777",
  SHARED_DOMAIN: "#dc2626",
  SHARED_ADDRESS: "#ea580c",
  SHARED_PHONE: "#ca8a04",
  CORPORATE_FAMILY: "#16a34a",
  LIKELY_DUPLICATE: "#111827",
  SIMILAR_NEIGHBOURHOOD: "#64748b",
};

interface Evidence {
  description: string;
  weight: number;
  value: string | null;
  sharedBy: number | null;
  person: { id: string; fullName: string } | null;
  company: { id: string; name: string } | null;
  tenures: { role: string; title: string | null; start: string | null; end: string | null; company: { name: string } | null }[];
}
interface Link {
  kind: string;
  confidence: number;
  reason: string;
  evidenceCount: number;
  otherCompany: { id: string; name: string } | null;
  evidence: Evidence[];
}
type Result =
  | { __typename: "NotFound"; message: string }
  | {
      __typename: "HiddenLinks";
      totalCount: number;
      company: { id: string; name: string } | null;
      community: { id: number; size: number; modularity: number; members: { id: string; name: string }[] } | null;
      links: Link[];
    };

function evidencePanel(link: Link): HTMLElement {
  const other = link.otherCompany;
  return h(
    "div.evidence",
    h("h3", words(link.kind), " · ", pct(link.confidence)),
    h("p", link.reason),
    other ? h("p", h("a", { href: `#/company/${encodeURIComponent(other.id)}/links` }, `Open ${other.name}`)) : null,
    h("h4", `Evidence (${link.evidenceCount})`),
    h(
      "ul",
      ...link.evidence.map((e) =>
        h(
          "li",
          e.description,
          e.person ? h("span", " — ", h("a", { href: `#/person/${encodeURIComponent(e.person.id)}` }, e.person.fullName)) : null,
          e.value ? h("span.muted", ` (${e.value}${e.sharedBy ? `, shared by ${e.sharedBy}` : ""})`) : null,
          e.tenures.length
            ? h("ul", ...e.tenures.map((t) => h("li.muted", `${t.company?.name ?? "?"}: ${t.title ?? words(t.role)}, ${day(t.start)} – ${t.end ? day(t.end) : "now"}`)))
            : null,
        ),
      ),
    ),
  );
}

function draw(host: HTMLElement, side: HTMLElement, centre: { id: string; name: string }, links: Link[]): Core {
  const canvas = h("div.graph", { "data-testid": "links-graph" });
  host.append(canvas);
  const elements: cytoscape.ElementDefinition[] = [
    { group: "nodes", data: { id: centre.id, label: centre.name }, classes: "centre" },
  ];
  const seen = new Set([centre.id]);
  links.forEach((l, i) => {
    const other = l.otherCompany;
    if (!other) return;
    if (!seen.has(other.id)) {
      seen.add(other.id);
      elements.push({ group: "nodes", data: { id: other.id, label: other.name } });
    }
    elements.push({
      group: "edges",
      data: { id: `link:${i}`, source: centre.id, target: other.id, kind: l.kind, index: i, colour: KIND_COLOURS[l.kind] ?? "#64748b", width: 1 + 5 * l.confidence },
    });
  });
  const cy = cytoscape({
    container: canvas,
    elements,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 11, "background-color": "#94a3b8", width: 22, height: 22, "text-valign": "bottom", "text-margin-y": 4 } },
      { selector: "node.centre", style: { "background-color": "#1d4ed8", width: 34, height: 34, "font-weight": "bold" } },
      { selector: "edge", style: { "line-color": "data(colour)", width: "data(width)", "curve-style": "bezier" } },
      { selector: "edge:selected", style: { "line-style": "dashed", "overlay-opacity": 0.15 } },
    ],
    layout: { name: "concentric", concentric: (n: cytoscape.NodeSingular) => (n.hasClass("centre") ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 30 } as cytoscape.LayoutOptions,
    minZoom: 0.1,
    maxZoom: 1.2,
  });
  cy.on("tap", "edge", (e) => clear(side, evidencePanel(links[e.target.data("index") as number])));
  cy.on("tap", "node", (e) => {
    if (e.target.id() !== centre.id) window.location.hash = `#/company/${encodeURIComponent(e.target.id())}`;
  });
  return cy;
}

function legend(links: Link[]): HTMLElement {
  const kinds = [...new Set(links.map((l) => l.kind))];
  return h(
    "div.legend",
    ...kinds.map((k) => h("span.kind", h("span.swatch", { style: `background:${KIND_COLOURS[k] ?? "#64748b"}` }), words(k))),
  );
}

export function hiddenLinksTab(companyId: string, name: string): HTMLElement {
  const min = h("input", { type: "number", name: "minConfidence", min: 0, max: 1, step: 0.05, value: "0.3" }) as HTMLInputElement;
  const status = h("div.status");
  const area = h("div.chart-area");
  let cy: Core | null = null;
  const load = async (): Promise<void> => {
    cy?.destroy();
    clear(area);
    try {
      const data = await withProgress(status, `Finding accounts linked to ${name}`, gql<{ hiddenLinks: Result }>(LINKS, { id: companyId, min: Number(min.value) || 0 }));
      const r = data.hiddenLinks;
      if (r.__typename === "NotFound") throw new ApiError("not-found", r.message);
      const list = h(
        "ol.link-list",
        ...r.links.map((l, i) =>
          h("li", h("button.link", { type: "button", onclick: () => { cy?.getElementById(`link:${i}`).select(); clear(side, evidencePanel(l)); } }, `${l.otherCompany?.name ?? "?"}`), ` ${words(l.kind)}, ${pct(l.confidence)}`),
        ),
      );
      const community = r.community
        ? h("p", `Community #${r.community.id}: ${r.community.size} accounts (modularity ${r.community.modularity.toFixed(2)}), e.g. `, r.community.members.map((m) => m.name).join(", "), ".")
        : h("p.muted", "Not in a community of related accounts.");
      status.replaceChildren(h("p", `${r.totalCount} links at confidence ${min.value} or more; click a line for its evidence.`), community);
      if (!r.links.length) return;
      const host = h("div.graph-host");
      const side = h("aside.side", legend(r.links), h("p.muted", "Click a line or a name for the evidence."));
      area.append(h("div.chart-layout", host, h("div.side-col", side, h("section.card", h("h3", "Links"), list))));
      cy = draw(host, side, r.company ?? { id: companyId, name }, r.links);
      window.relgraph.cy = cy;
      window.relgraph.links = r.links.length;
    } catch (e) {
      status.replaceChildren(errorBox(e));
    }
  };
  void load();
  return h(
    "div.hiddenlinks",
    h("form.controls", { onsubmit: (e: Event) => { e.preventDefault(); void load(); } }, h("label", "Minimum confidence ", min), h("button", { type: "submit" }, "Show")),
    status,
    area,
  );
}

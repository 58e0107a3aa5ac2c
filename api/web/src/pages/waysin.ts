// Ways in: the k best warm paths from me, a colleague or the whole team to a person or an
// account, each drawn as a chain with every hop's strength and evidence; the first
// introducers as alternatives; exclusions and the hop limit as controls.
import { ApiError, errorBox, gql, withProgress } from "../api";
import { clear, h, pct, words } from "../dom";
import { searchBox, type Picked } from "../search";
import { me, setMe } from "../session";

const PATHS = `query Ways($to: ID!, $from: ID, $k: Int!, $maxHops: Int!, $xp: [ID!], $xc: [ID!], $kind: IntroducerKind!) {
  referralPaths(to: $to, from: $from, k: $k, maxHops: $maxHops, excludePeople: $xp,
                excludeCompanies: $xc, introducers: $kind) {
    __typename
    ... on NotFound { message }
    ... on NoPathFound { message maxHops peopleSearched truncated }
    ... on ReferralPaths {
      truncated nodesSearched
      paths {
        score targetWeight
        firstIntroducer { id fullName }
        people { id fullName title isColleague currentEmployment { company { id name } } }
        hops { strength evidence { kind explanation strength count lastAt start end label company { name } } }
      }
    }
  }
}`;

interface Who {
  id: string;
  fullName: string;
  title: string | null;
  isColleague: boolean;
  currentEmployment: { company: { id: string; name: string } | null } | null;
}
interface Evidence {
  kind: string;
  explanation: string;
}
interface Path {
  score: number;
  targetWeight: number;
  firstIntroducer: { id: string; fullName: string } | null;
  people: Who[];
  hops: { strength: number; evidence: Evidence[] }[];
}
type Result =
  | { __typename: "NotFound"; message: string }
  | { __typename: "NoPathFound"; message: string; maxHops: number; peopleSearched: number; truncated: boolean }
  | { __typename: "ReferralPaths"; truncated: boolean; nodesSearched: number; paths: Path[] };

function personBox(p: Who, role: string): HTMLElement {
  const at = p.currentEmployment?.company?.name;
  return h(
    `a.chain-person.${role}`,
    { href: `#/person/${encodeURIComponent(p.id)}`, dataset: { personId: p.id } },
    h("strong", p.fullName),
    h("span", [p.title, at].filter(Boolean).join(" · ") || (p.isColleague ? "Colleague" : "")),
  );
}

function hopBox(hop: { strength: number; evidence: Evidence[] }): HTMLElement {
  const first = hop.evidence[0];
  return h(
    "details.chain-hop",
    h("summary", h("span.strength", pct(hop.strength)), h("span.arrow", "→"), h("span.ev", first ? words(first.kind) : "")),
    h("ul", ...hop.evidence.map((e) => h("li", h("strong", words(e.kind)), ": ", e.explanation))),
  );
}

function chain(path: Path, index: number): HTMLElement {
  const row = h("div.chain", { dataset: { rank: String(index + 1) } });
  path.people.forEach((p, i) => {
    if (i > 0) row.append(hopBox(path.hops[i - 1]));
    const role = i === 0 ? "source" : i === path.people.length - 1 ? "target" : "introducer";
    row.append(personBox(p, role));
  });
  return h(
    "section.card.path",
    h("h3", `Path ${index + 1} · score ${path.score.toFixed(3)}`, path.firstIntroducer ? ` · introduced by ${path.firstIntroducer.fullName}` : " · a direct tie"),
    row,
  );
}

function chips(label: string, kind: "person" | "all"): { el: HTMLElement; ids: () => string[] } {
  const picked = new Map<string, string>();
  const list = h("span.chips");
  const redraw = (): void =>
    clear(
      list,
      ...[...picked].map(([id, name]) =>
        h("button.chip", { type: "button", title: "Remove", onclick: () => { picked.delete(id); redraw(); } }, `${name} ×`),
      ),
    );
  const box = searchBox({
    placeholder: label,
    types: kind === "person" ? "people" : "all",
    name: `exclude-${kind}`,
    onPick: (p: Picked) => {
      if (kind === "all" && p.kind !== "company") return;
      picked.set(p.id, p.name);
      redraw();
    },
  });
  return { el: h("div.exclude", box, list), ids: () => [...picked.keys()] };
}

export function waysInTab(target: Picked): HTMLElement {
  let from: Picked | null = me() ? { ...me()!, kind: "person" } : null;
  const fromLabel = h("span.from-name");
  const showFrom = (): void => {
    fromLabel.textContent = from ? `from ${from.name}` : "from the whole team";
  };
  showFrom();
  const fromBox = searchBox({
    placeholder: "From a colleague (empty: the whole team)",
    types: "people",
    name: "from",
    onPick: (p) => {
      from = p;
      showFrom();
    },
  });
  const k = h("input", { type: "number", name: "k", min: 1, max: 10, value: "5" }) as HTMLInputElement;
  const hops = h("input", { type: "number", name: "maxHops", min: 1, max: 6, value: "4" }) as HTMLInputElement;
  const kind = h(
    "select",
    { name: "introducers" },
    ...["ANY", "COLLEAGUE", "CUSTOMER", "COLLEAGUE_OR_CUSTOMER"].map((v) => h("option", { value: v }, words(v))),
  ) as HTMLSelectElement;
  const xPeople = chips("Exclude a person", "person");
  const xCompanies = chips("Exclude a company", "all");
  const status = h("div.status");
  const results = h("div.paths");
  const run = async (): Promise<void> => {
    clear(results);
    try {
      const data = await withProgress(
        status,
        `Searching warm paths to ${target.name}`,
        gql<{ referralPaths: Result }>(PATHS, {
          to: target.id,
          from: from?.id ?? null,
          k: Number(k.value) || 5,
          maxHops: Number(hops.value) || 4,
          xp: xPeople.ids(),
          xc: xCompanies.ids(),
          kind: kind.value,
        }),
      );
      const r = data.referralPaths;
      if (r.__typename === "NotFound") throw new ApiError("not-found", r.message);
      if (r.__typename === "NoPathFound") {
        throw new ApiError(
          "no-path",
          `No path within ${r.maxHops} hops (${r.peopleSearched} people searched${r.truncated ? ", search cut at its limit" : ""}). ` +
            "Allow more hops, remove exclusions, or start from the whole team.",
        );
      }
      const introducers = r.paths.map((p) => p.firstIntroducer).filter((p): p is { id: string; fullName: string } => p !== null);
      status.replaceChildren(
        h(
          "p",
          `${r.paths.length} best paths ${from ? `from ${from.name}` : "from the whole team"} to ${target.name}. `,
          introducers.length ? `First introducers: ${introducers.map((p) => p.fullName).join(", ")}.` : "",
          r.truncated ? h("strong", " The search was cut at its size limit; paths may be missing.") : null,
        ),
      );
      results.append(...r.paths.map(chain));
    } catch (e) {
      status.replaceChildren(errorBox(e));
    }
  };
  return h(
    "div.waysin",
    h(
      "form.controls",
      { onsubmit: (e: Event) => { e.preventDefault(); void run(); } },
      h("div.from", fromBox, fromLabel,
        h("button.link", { type: "button", onclick: () => { from = null; showFrom(); } }, "whole team"),
        h("button.link", { type: "button", onclick: () => { if (from) setMe({ id: from.id, name: from.name }); } }, "this is me")),
      h("label", "Paths ", k),
      h("label", "Hop limit ", hops),
      h("label", "Introducers ", kind),
      xPeople.el,
      xCompanies.el,
      h("button.primary", { type: "submit" }, "Find ways in"),
    ),
    status,
    results,
  );
}

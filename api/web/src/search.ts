// The search box on every page: people and companies, typo-tolerant (the API's `search`).
import { errorBox, gql } from "./api";
import { clear, h } from "./dom";

const SEARCH = `query Search($text: String!) {
  search(text: $text, types: [COMPANY, PERSON], first: 8) {
    score
    node {
      __typename
      ... on Company { id name domain industry }
      ... on Person { id fullName title isColleague currentEmployment { company { name } } }
    }
  }
}`;

interface Hit {
  score: number;
  node:
    | { __typename: "Company"; id: string; name: string; domain: string | null; industry: string | null }
    | {
        __typename: "Person";
        id: string;
        fullName: string;
        title: string | null;
        isColleague: boolean;
        currentEmployment: { company: { name: string } | null } | null;
      };
}

export interface Picked {
  id: string;
  name: string;
  kind: "company" | "person";
}

export function hrefOf(p: Picked): string {
  return `#/${p.kind}/${encodeURIComponent(p.id)}`;
}

function describe(hit: Hit): { picked: Picked; detail: string } {
  const n = hit.node;
  if (n.__typename === "Company") {
    return {
      picked: { id: n.id, name: n.name, kind: "company" },
      detail: ["Account", n.industry, n.domain].filter(Boolean).join(" · "),
    };
  }
  const at = n.currentEmployment?.company?.name;
  return {
    picked: { id: n.id, name: n.fullName, kind: "person" },
    detail: [n.isColleague ? "Colleague" : "Person", n.title, at].filter(Boolean).join(" · "),
  };
}

/** A search box; `onPick` is called with the chosen hit (default: open its page). */
export function searchBox(opts: {
  placeholder?: string;
  types?: "people" | "all";
  onPick?: (p: Picked) => void;
  name?: string;
}): HTMLElement {
  const input = h("input.search-input", {
    type: "search",
    placeholder: opts.placeholder ?? "Search people and accounts…",
    "aria-label": opts.placeholder ?? "Search people and accounts",
    name: opts.name ?? "search",
    autocomplete: "off",
  }) as HTMLInputElement;
  const list = h("div.search-results", { role: "listbox" });
  const box = h("div.search", input, list);
  let hits: Picked[] = [];
  let timer = 0;
  let seq = 0;
  const pick = (p: Picked): void => {
    clear(list);
    if (opts.onPick) {
      input.value = p.name;
      opts.onPick(p);
    } else {
      input.value = "";
      window.location.hash = hrefOf(p);
    }
  };
  const run = async (): Promise<void> => {
    const text = input.value.trim();
    const mine = ++seq;
    if (text.length < 2) {
      clear(list);
      return;
    }
    try {
      const data = await gql<{ search: Hit[] }>(SEARCH, { text });
      if (mine !== seq) return;
      const shown = data.search
        .map(describe)
        .filter((d) => opts.types !== "people" || d.picked.kind === "person");
      hits = shown.map((d) => d.picked);
      clear(
        list,
        ...(shown.length
          ? shown.map((d) =>
              h(
                "button.search-hit",
                { type: "button", role: "option", onclick: () => pick(d.picked), dataset: { kind: d.picked.kind } },
                h("span.hit-name", d.picked.name),
                h("span.hit-detail", d.detail),
              ),
            )
          : [h("div.search-empty", `Nothing matches “${text}”.`)]),
      );
    } catch (e) {
      if (mine === seq) clear(list, errorBox(e));
    }
  };
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 250);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && hits.length) {
      e.preventDefault();
      pick(hits[0]);
    }
    if (e.key === "Escape") clear(list);
  });
  return box;
}

// The person page: jobs now and before, manager and reports, strongest relationships (with
// trend and going-cold flags), deals and roles, recent interactions; and ways in to them.
import { ApiError, errorBox, gql, withProgress } from "../api";
import { day, h, money, pct, words } from "../dom";
import { remember, setMe } from "../session";
import { tabs } from "./tabs";
import { waysInTab } from "./waysin";

const PERSON = `query Person($id: ID!) {
  person(id: $id) {
    id fullName email phone title department seniority isColleague
    employments(status: ALL) { title role start end isCurrent company { id name } }
    manager { id fullName title }
    directReports { id fullName title }
    relationships(first: 10) {
      strength count lastAt trend goingCold
      person { id fullName currentEmployment { company { id name } } }
    }
    dealRoles { role deal { id name stage amount currency company { id name } } }
  }
  interactions(personId: $id, first: 10) { nodes { id kind occurredAt subject } }
}`;

interface Ref {
  id: string;
  fullName: string;
  title?: string | null;
}
interface Person {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  department: string | null;
  seniority: string;
  isColleague: boolean;
  employments: { title: string | null; role: string; start: string | null; end: string | null; isCurrent: boolean; company: { id: string; name: string } | null }[];
  manager: Ref | null;
  directReports: Ref[];
  relationships: {
    strength: number;
    count: number;
    lastAt: string | null;
    trend: string | null;
    goingCold: boolean | null;
    person: { id: string; fullName: string; currentEmployment: { company: { id: string; name: string } | null } | null } | null;
  }[];
  dealRoles: { role: string; deal: { id: string; name: string; stage: string; amount: number | null; currency: string | null; company: { id: string; name: string } | null } | null }[];
}
interface Data {
  person: Person | null;
  interactions: { nodes: { id: string; kind: string; occurredAt: string; subject: string | null }[] };
}

const pLink = (p: Ref | null): HTMLElement | string => (p ? h("a", { href: `#/person/${encodeURIComponent(p.id)}` }, p.fullName) : "—");
const cLink = (c: { id: string; name: string } | null): HTMLElement | string =>
  c ? h("a", { href: `#/company/${encodeURIComponent(c.id)}` }, c.name) : "—";

function table(head: string[], rows: (Node | string)[][]): HTMLElement {
  return h("table", h("thead", h("tr", ...head.map((t) => h("th", t)))), h("tbody", ...rows.map((r) => h("tr", ...r.map((c) => h("td", c))))));
}

function overview(p: Person, data: Data): HTMLElement {
  const jobs = table(
    ["Company", "Title", "Role", "From", "To"],
    p.employments.map((e) => [cLink(e.company), e.title ?? "—", words(e.role), day(e.start), e.isCurrent ? "now" : day(e.end)]),
  );
  const ties = p.relationships.length
    ? table(
        ["Person", "At", "Strength", "Interactions", "Last", "Trend"],
        p.relationships.map((r) => [
          pLink(r.person),
          cLink(r.person?.currentEmployment?.company ?? null),
          pct(r.strength),
          String(r.count),
          day(r.lastAt),
          h("span", words(r.trend), r.goingCold ? h("span.badge.cold", "going cold") : ""),
        ]),
      )
    : h("p.muted", "No relationships recorded.");
  const deals = p.dealRoles.length
    ? table(
        ["Deal", "Account", "Stage", "Amount", "Role"],
        p.dealRoles.map((r) => [r.deal?.name ?? "—", cLink(r.deal?.company ?? null), words(r.deal?.stage), money(r.deal?.amount, r.deal?.currency), words(r.role)]),
      )
    : h("p.muted", "No deal roles.");
  return h(
    "div.overview",
    h(
      "section.card",
      h("h2", "Person"),
      h(
        "dl.facts",
        h("dt", "Title"), h("dd", p.title ?? "—"),
        h("dt", "Seniority"), h("dd", words(p.seniority)),
        h("dt", "Email"), h("dd", p.email ?? "—"),
        h("dt", "Manager"), h("dd", pLink(p.manager)),
        h("dt", "Reports"), h("dd", ...(p.directReports.length ? p.directReports.flatMap((r, i) => [i ? ", " : "", pLink(r)]) : ["—"])),
      ),
      p.isColleague ? h("button", { type: "button", onclick: () => setMe({ id: p.id, name: p.fullName }) }, "This is me (ways in start here)") : null,
    ),
    h("section.card", h("h2", "Jobs"), jobs),
    h("section.card", h("h2", "Strongest relationships"), ties),
    h("section.card", h("h2", "Deals and roles"), deals),
    h(
      "section.card",
      h("h2", "Recent interactions"),
      data.interactions.nodes.length
        ? h("ul.timeline", ...data.interactions.nodes.map((i) => h("li", h("span.muted", `${day(i.occurredAt)} ${words(i.kind)} `), i.subject ?? "(no subject)")))
        : h("p.muted", "None."),
    ),
  );
}

export async function personPage(main: HTMLElement, id: string, tab: string): Promise<void> {
  const body = h("div");
  main.append(body);
  let data: Data;
  try {
    data = await withProgress(body, "Loading the person", gql<Data>(PERSON, { id }));
  } catch (e) {
    body.replaceChildren(errorBox(e));
    return;
  }
  const p = data.person;
  if (p === null) {
    body.replaceChildren(errorBox(new ApiError("not-found", `No person has the id “${id}”. Search for them by name above.`)));
    return;
  }
  remember({ id: p.id, name: p.fullName, kind: "person" });
  document.title = `${p.fullName} — Relgraph`;
  const job = p.employments.find((e) => e.isCurrent);
  body.replaceChildren(
    h("h1", h("span.title-name", p.fullName), p.isColleague ? h("span.badge", "colleague") : null),
    h("p.subtitle", [p.title, job?.company?.name].filter(Boolean).join(" at ")),
    tabs(`#/person/${encodeURIComponent(p.id)}`, tab, [
      { key: "overview", label: "Overview", render: () => overview(p, data) },
      { key: "ways", label: "Ways in", render: () => waysInTab({ id: p.id, name: p.fullName, kind: "person" }) },
    ]),
  );
}

// The account page: the 360° view and the tabs (org chart, ways in, hidden links).
import { ApiError, errorBox, gql, withProgress } from "../api";
import { day, h, money, words } from "../dom";
import { remember } from "../session";
import { hiddenLinksTab } from "./links";
import { logNoteForm } from "./note";
import { orgChartTab } from "./orgchart";
import { tabs } from "./tabs";
import { waysInTab } from "./waysin";

const ACCOUNT = `query Account($id: ID!) {
  company(id: $id) {
    id name domain industry address phone isHome
    parent { id name }
    subsidiaries { id name }
    owners { id fullName }
    current: employments(status: CURRENT) { title seniority role start person { id fullName } }
    former: employments(status: FORMER) { title role start end person { id fullName } }
    deals {
      id name stage amount currency probability closeDate
      owner { id fullName }
      buyingCommittee { members { person { id } } missing { role nextPerson { id fullName } } }
    }
    recentInteractions(limit: 10) { id kind occurredAt subject participants { person { id fullName } } }
    community { id size }
    rfm { segment code monetary currency }
    lifecycle { stage reason }
  }
}`;

interface Ref {
  id: string;
  fullName: string;
}
interface Job {
  title: string | null;
  role: string;
  start: string | null;
  end?: string | null;
  person: Ref | null;
}
interface Account {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  address: string | null;
  phone: string | null;
  isHome: boolean;
  parent: { id: string; name: string } | null;
  subsidiaries: { id: string; name: string }[];
  owners: Ref[];
  current: Job[];
  former: Job[];
  deals: {
    id: string;
    name: string;
    stage: string;
    amount: number | null;
    currency: string | null;
    probability: number | null;
    closeDate: string | null;
    owner: Ref | null;
    buyingCommittee: {
      members: { person: { id: string } | null }[];
      missing: { role: string; nextPerson: Ref | null }[];
    } | null;
  }[];
  recentInteractions: {
    id: string;
    kind: string;
    occurredAt: string;
    subject: string | null;
    participants: { person: Ref | null }[];
  }[];
  community: { id: number; size: number } | null;
  rfm: { segment: string; code: string; monetary: number; currency: string } | null;
  lifecycle: { stage: string; reason: string } | null;
}

const personLink = (p: Ref | null): HTMLElement | string =>
  p ? h("a", { href: `#/person/${encodeURIComponent(p.id)}` }, p.fullName) : "—";

function peopleTable(jobs: Job[], former: boolean): HTMLElement {
  if (!jobs.length) return h("p.muted", former ? "Nobody has left." : "Nobody works here now.");
  return h(
    "table",
    h("thead", h("tr", h("th", "Name"), h("th", "Title"), h("th", "Role"), h("th", former ? "Left" : "Since"))),
    h(
      "tbody",
      ...jobs.slice(0, 60).map((j) =>
        h("tr", h("td", personLink(j.person)), h("td", j.title ?? "—"), h("td", words(j.role)), h("td", day(former ? j.end : j.start))),
      ),
    ),
  );
}

function dealsTable(a: Account): HTMLElement {
  if (!a.deals.length) return h("p.muted", "No deals.");
  return h(
    "table.deals",
    h("thead", h("tr", h("th", "Deal"), h("th", "Stage"), h("th", "Amount"), h("th", "Close"), h("th", "Owner"), h("th", "Committee"))),
    h(
      "tbody",
      ...a.deals.map((d) => {
        const bc = d.buyingCommittee;
        const missing = bc?.missing.map((m) => words(m.role)).join(", ");
        return h(
          "tr",
          h("td", d.name),
          h("td", h(`span.stage.stage-${d.stage.toLowerCase()}`, words(d.stage))),
          h("td.num", money(d.amount, d.currency)),
          h("td", day(d.closeDate)),
          h("td", personLink(d.owner)),
          h("td", bc ? `${bc.members.length} members${missing ? `; missing ${missing}` : "; all roles covered"}` : "—"),
        );
      }),
    ),
  );
}

function overview(a: Account): HTMLElement {
  const facts = h(
    "dl.facts",
    h("dt", "Industry"), h("dd", a.industry ?? "—"),
    h("dt", "Domain"), h("dd", a.domain ?? "—"),
    h("dt", "Owners"), h("dd", ...(a.owners.length ? a.owners.flatMap((o, i) => [i ? ", " : "", personLink(o)]) : ["—"])),
    h("dt", "Parent"), h("dd", a.parent ? h("a", { href: `#/company/${encodeURIComponent(a.parent.id)}` }, a.parent.name) : "—"),
    h("dt", "Subsidiaries"),
    h("dd", ...(a.subsidiaries.length ? a.subsidiaries.flatMap((s, i) => [i ? ", " : "", h("a", { href: `#/company/${encodeURIComponent(s.id)}` }, s.name)]) : ["—"])),
    h("dt", "Lifecycle"), h("dd", a.lifecycle ? h("span", h("strong", words(a.lifecycle.stage)), " — ", a.lifecycle.reason) : "—"),
    h("dt", "Key customer"), h("dd", a.rfm ? `${words(a.rfm.segment)} (RFM ${a.rfm.code}), won ${money(a.rfm.monetary, a.rfm.currency)}` : "Not a customer yet"),
    h("dt", "Community"), h("dd", a.community ? `#${a.community.id}, ${a.community.size} accounts` : "—"),
  );
  const interactions = a.recentInteractions.length
    ? h(
        "ul.timeline",
        ...a.recentInteractions.map((i) =>
          h(
            "li",
            h("span.muted", `${day(i.occurredAt)} ${words(i.kind)} `),
            i.subject ?? "(no subject)",
            h("span.muted", " — ", i.participants.map((p) => p.person?.fullName ?? "?").join(", ")),
          ),
        ),
      )
    : h("p.muted", "No interactions yet.");
  return h(
    "div.overview",
    h("section.card", h("h2", "Account"), facts),
    h("section.card", h("h2", `Deals (${a.deals.length})`), dealsTable(a)),
    h("section.card", h("h2", `People now (${a.current.length})`), peopleTable(a.current, false)),
    h("section.card", h("h2", `People before (${a.former.length})`), peopleTable(a.former, true)),
    h("section.card", h("h2", "Recent interactions"), interactions, logNoteForm(a.current.map((j) => j.person).filter((p): p is Ref => p !== null))),
  );
}

export async function accountPage(main: HTMLElement, id: string, tab: string): Promise<void> {
  const body = h("div");
  main.append(body);
  let account: Account | null;
  try {
    account = (await withProgress(body, "Loading the account", gql<{ company: Account | null }>(ACCOUNT, { id }))).company;
  } catch (e) {
    body.replaceChildren(errorBox(e));
    return;
  }
  if (account === null) {
    body.replaceChildren(
      errorBox(new ApiError("not-found", `No account has the id “${id}”. Search for it by name above.`)),
    );
    return;
  }
  const a = account;
  remember({ id: a.id, name: a.name, kind: "company" });
  document.title = `${a.name} — Relgraph`;
  const base = `#/company/${encodeURIComponent(a.id)}`;
  body.replaceChildren(
    h("h1", h("span.title-name", a.name), a.isHome ? h("span.badge", "our company") : null),
    tabs(base, tab, [
      { key: "overview", label: "Overview", render: () => overview(a) },
      { key: "org", label: "Org chart", render: () => orgChartTab(a.id, a.name) },
      { key: "ways", label: "Ways in", render: () => waysInTab({ id: a.id, name: a.name, kind: "company" }) },
      { key: "links", label: "Hidden links", render: () => hiddenLinksTab(a.id, a.name) },
    ]),
  );
}

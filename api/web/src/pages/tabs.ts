// Tabs as links (#/company/ID/org): each tab has its own address, so back and forward work.
import { h } from "../dom";

export interface Tab {
  key: string;
  label: string;
  render: () => HTMLElement;
}

export function tabs(base: string, active: string, all: Tab[]): HTMLElement {
  const current = all.find((t) => t.key === active) ?? all[0];
  return h(
    "div.tabs",
    h(
      "nav.tab-bar",
      { role: "tablist" },
      ...all.map((t) =>
        h(
          `a.tab${t === current ? ".active" : ""}`,
          { href: `${base}/${t.key}`, role: "tab", "aria-selected": String(t === current) },
          t.label,
        ),
      ),
    ),
    h("div.tab-body", { role: "tabpanel" }, current.render()),
  );
}

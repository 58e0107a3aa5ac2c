// Home: one search box and the accounts opened lately.
import { h } from "../dom";
import { hrefOf, searchBox } from "../search";
import { recent } from "../session";

export function homePage(main: HTMLElement): void {
  const items = recent();
  main.append(
    h("h1", "Find a person or an account"),
    h("div.home-search", searchBox({ name: "home-search" })),
    h("h2", "Recent"),
    items.length
      ? h(
          "ul.recent",
          ...items.map((r) =>
            h("li", h("a", { href: hrefOf(r) }, r.name), h("span.muted", r.kind === "company" ? " account" : " person")),
          ),
        )
      : h("p.muted", "Accounts and people you open appear here."),
    h(
      "p.muted",
      "Also: the ",
      h("a", { href: "#/pipeline" }, "pipeline"),
      " and ",
      h("a", { href: "/graphiql" }, "GraphiQL"),
      " for any question the pages do not ask.",
    ),
  );
}

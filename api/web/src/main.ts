// The workspace: a hash router over the pages, a header with the search box on every page.
import { accountPage } from "./pages/account";
import { homePage } from "./pages/home";
import { personPage } from "./pages/person";
import { pipelinePage } from "./pages/pipeline";
import { signInPage } from "./pages/signin";
import { clear, h } from "./dom";
import { searchBox } from "./search";
import { apiKey, signOut } from "./session";
import "./style.css";

declare global {
  interface Window {
    relgraph: Record<string, unknown>;
  }
}
window.relgraph = {};

function header(): HTMLElement {
  return h(
    "header.top",
    h("a.brand", { href: "#/" }, "Relgraph"),
    searchBox({}),
    h(
      "nav",
      h("a", { href: "#/" }, "Home"),
      h("a", { href: "#/pipeline" }, "Pipeline"),
      h("a", { href: "/graphiql", target: "_blank" }, "GraphiQL"),
      h(
        "button.link",
        {
          type: "button",
          onclick: () => {
            signOut();
            window.location.hash = "#/signin";
          },
        },
        "Sign out",
      ),
    ),
  );
}

function route(): void {
  const app = document.getElementById("app") as HTMLElement;
  const parts = window.location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  window.relgraph = {};
  if (!apiKey() || parts[0] === "signin") {
    clear(app, signInPage());
    return;
  }
  const main = h("main");
  clear(app, header(), main);
  switch (parts[0]) {
    case "company":
      accountPage(main, parts[1] ?? "", parts[2] ?? "overview");
      break;
    case "person":
      personPage(main, parts[1] ?? "", parts[2] ?? "overview");
      break;
    case "pipeline":
      pipelinePage(main);
      break;
    default:
      homePage(main);
  }
}

window.addEventListener("hashchange", route);
route();

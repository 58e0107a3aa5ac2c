// Sign-in: the user's API key, checked against the API, kept in sessionStorage.
import { errorBox, gql, withProgress } from "../api";
import { h } from "../dom";
import { signIn, signOut } from "../session";

export function signInPage(): HTMLElement {
  const input = h("input", {
    type: "password",
    name: "apiKey",
    placeholder: "rg_…",
    autocomplete: "off",
    required: true,
  }) as HTMLInputElement;
  const status = h("div.status");
  const form = h(
    "form.signin",
    h("h1", "Relgraph workspace"),
    h("p", "Sign in with your API key. `relgraph demo` prints one; `relgraph keys create` makes more. Viewer keys can read; editor keys can also act."),
    h("label", "API key", input),
    h("button.primary", { type: "submit" }, "Sign in"),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    signIn(input.value);
    try {
      await withProgress(status, "Checking the key", gql("{ health { ok } }"));
      const back = window.location.hash.startsWith("#/signin") ? "#/" : window.location.hash || "#/";
      if (window.location.hash === back) window.dispatchEvent(new HashChangeEvent("hashchange"));
      else window.location.hash = back;
    } catch (err) {
      signOut();
      status.replaceChildren(errorBox(err));
    }
  });
  return h("div.signin-page", form);
}

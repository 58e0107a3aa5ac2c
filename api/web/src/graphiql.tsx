// GraphiQL, bundled locally (no CDN): posts to /graphql on this origin. The API key the
// workspace signed in with (sessionStorage) fills the Authorization header; without one, paste
// {"Authorization": "Bearer rg_..."} into the Headers tab.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { createRoot } from "react-dom/client";
import { KEY_STORAGE } from "./session";

const key = sessionStorage.getItem(KEY_STORAGE);
const headers = JSON.stringify({ Authorization: `Bearer ${key ?? "rg_..."}` }, null, 2);
const fetcher = createGraphiQLFetcher({ url: `${window.location.origin}/graphql` });
const root = createRoot(document.getElementById("graphiql") as HTMLElement);
root.render(
  <GraphiQL fetcher={fetcher} defaultHeaders={headers} isHeadersEditorEnabled={true} />,
);

// The one way the workspace talks to the server: POST /graphql with the signed-in key.
// Every failure becomes an ApiError whose kind and message a person can act on.
import { h } from "./dom";
import { apiKey } from "./session";

export type ErrorKind =
  | "unauthenticated"
  | "forbidden"
  | "not-found"
  | "no-path"
  | "unavailable"
  | "timeout"
  | "invalid"
  | "network"
  | "server";

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 60_000;

const TITLES: Record<ErrorKind, string> = {
  unauthenticated: "Sign in again",
  forbidden: "Not allowed with this key",
  "not-found": "Not found",
  "no-path": "No way in",
  unavailable: "The database is unavailable",
  timeout: "This took too long",
  invalid: "Check the input",
  network: "The server cannot be reached",
  server: "Something went wrong",
};

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string };
}

function fromGraphQL(error: GraphQLErrorBody): ApiError {
  const code = error.extensions?.code ?? "";
  switch (code) {
    case "FORBIDDEN":
      return new ApiError(
        "forbidden",
        `${error.message} Your key can read; ask an administrator for an editor key to act.`,
      );
    case "UNAUTHENTICATED":
      return new ApiError("unauthenticated", error.message);
    case "TIMEOUT":
      return new ApiError("timeout", error.message);
    case "SERVICE_UNAVAILABLE":
      return new ApiError("unavailable", error.message);
    case "BAD_USER_INPUT":
      return new ApiError("invalid", error.message);
    default:
      return new ApiError("server", error.message);
  }
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        Authorization: `Bearer ${apiKey() ?? ""}`,
      },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
  } catch (e) {
    if (controller.signal.aborted) {
      throw new ApiError("timeout", `No answer within ${TIMEOUT_MS / 1000} s; try again, or ask for less.`);
    }
    throw new ApiError("network", `The request failed (${String(e)}). Is the server running?`);
  } finally {
    window.clearTimeout(timer);
  }
  let body: { data?: T; errors?: GraphQLErrorBody[] } = {};
  try {
    body = await response.json();
  } catch {
    throw new ApiError("server", `The server answered ${response.status} without a readable body.`);
  }
  if (body.errors?.length) {
    const error = fromGraphQL(body.errors[0]);
    if (response.status === 401) throw new ApiError("unauthenticated", error.message);
    if (response.status === 503) throw new ApiError("unavailable", error.message);
    throw error;
  }
  if (!response.ok || body.data === undefined) {
    throw new ApiError("server", `The server answered ${response.status}.`);
  }
  return body.data;
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError("server", String(e));
}

/** A clear message box for an error; data-kind lets tests and styles tell the kinds apart. */
export function errorBox(e: unknown): HTMLElement {
  const error = asApiError(e);
  return h(
    "div.error",
    { role: "alert", dataset: { kind: error.kind } },
    h("strong", TITLES[error.kind]),
    h("p", error.message),
  );
}

/** Show a progress line in `into` while `work` runs, with the seconds spent. */
export async function withProgress<T>(into: HTMLElement, label: string, work: Promise<T>): Promise<T> {
  const started = performance.now();
  const seconds = h("span.seconds", "");
  const line = h("div.progress", { role: "status" }, h("span.spinner"), `${label}… `, seconds);
  into.replaceChildren(line);
  const tick = window.setInterval(() => {
    seconds.textContent = `${Math.round((performance.now() - started) / 1000)} s`;
  }, 500);
  try {
    return await work;
  } finally {
    window.clearInterval(tick);
    line.remove();
  }
}

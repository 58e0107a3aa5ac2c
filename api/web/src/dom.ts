// A tiny element builder: h("div.card", {onclick}, child, "text").
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, unknown>;

export function h(spec: string, attrs: Attrs | Child = null, ...children: Child[]): HTMLElement {
  const [tag, ...classes] = spec.split(".");
  const el = document.createElement(tag || "div");
  if (classes.length) el.className = classes.join(" ");
  let kids = children;
  if (attrs instanceof Node || typeof attrs !== "object" || attrs === null) {
    kids = [attrs as Child, ...children];
  } else {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith("on") && typeof value === "function") {
        el.addEventListener(name.slice(2), value as EventListener);
      } else if (name === "dataset") {
        Object.assign(el.dataset, value);
      } else if (name in el && name !== "list" && name !== "type") {
        (el as unknown as Record<string, unknown>)[name] = value;
      } else {
        el.setAttribute(name, String(value));
      }
    }
  }
  for (const kid of kids) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : String(kid));
  }
  return el;
}

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  for (const kid of children) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : String(kid));
  }
}

export function link(href: string, text: string, cls = ""): HTMLElement {
  return h(`a${cls ? "." + cls : ""}`, { href }, text);
}

export function pct(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function money(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return "—";
  const code = currency ?? "";
  try {
    return new Intl.NumberFormat("en", {
      style: code ? "currency" : "decimal",
      currency: code || undefined,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${Math.round(amount).toLocaleString("en")} ${code}`;
  }
}

export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : "—";
}

export function words(enumValue: string | null | undefined): string {
  if (!enumValue) return "—";
  const text = enumValue.replace(/_/g, " ").toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// An editor's action on the account page: log a note with one of its people. A viewer's key
// gets the API's FORBIDDEN, shown as a clear message.
import { errorBox, gql, withProgress } from "../api";
import { h } from "../dom";

const LOG = `mutation Log($personId: ID!, $subject: String!, $at: DateTime!) {
  logInteraction(kind: NOTE, occurredAt: $at, subject: $subject,
                 participants: [{ personId: $personId, role: ATTENDEE }]) {
    __typename
    ... on CreateInteractionSuccess { interaction { id } }
    ... on NotFound { message }
    ... on ValidationError { message }
  }
}`;

export function logNoteForm(people: { id: string; fullName: string }[]): HTMLElement {
  const who = h(
    "select",
    { name: "notePerson" },
    ...people.map((p) => h("option", { value: p.id }, p.fullName)),
  ) as HTMLSelectElement;
  const subject = h("input", { name: "noteSubject", placeholder: "What happened?", required: true }) as HTMLInputElement;
  const status = h("div.status");
  const form = h(
    "form.note",
    h("h3", "Log a note"),
    h("label", "With ", who),
    subject,
    h("button", { type: "submit" }, "Log note"),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const data = await withProgress(
        status,
        "Saving",
        gql<{ logInteraction: { __typename: string; message?: string } }>(LOG, {
          personId: who.value,
          subject: subject.value,
          at: new Date().toISOString(),
        }),
      );
      const r = data.logInteraction;
      status.replaceChildren(
        r.__typename === "CreateInteractionSuccess"
          ? h("div.ok", { role: "status" }, "Note logged.")
          : errorBox(new Error(r.message ?? r.__typename)),
      );
      if (r.__typename === "CreateInteractionSuccess") subject.value = "";
    } catch (err) {
      status.replaceChildren(errorBox(err));
    }
  });
  if (!people.length) who.disabled = true;
  return form;
}

// Writes from the browser: the server's update token, entered once per browser session, kept in
// sessionStorage and sent as an Authorization header (never a cookie, so no CSRF); and the
// "reject" and "correct" forms of the provenance panel, the fact table and the document view.
import { el } from "./dom.js";

const KEY = "esgkg-update-token";

export function getToken() {
  return sessionStorage.getItem(KEY) || "";
}

export function setToken(token) {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

export async function errorText(response) {
  try {
    return (await response.json()).error || `${response.status} ${response.statusText}`;
  } catch (_) {
    return `${response.status} ${response.statusText}`;
  }
}

// A JSON write with the token; resolves to the answer's JSON, rejects with the server's reason.
export async function sendJSON(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: { Authorization: "Bearer " + getToken(), "Content-Type": "application/json", Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(await errorText(response));
  return response.json();
}

// The token field: asks for the token when the session has none, else says it is set.
export function tokenField(idPrefix) {
  const box = el("div", { class: "token-field" });
  const render = () => {
    box.replaceChildren();
    if (getToken()) {
      box.append(el("p", {}, "Update token set for this browser session. ",
        el("button", { type: "button", class: "link", text: "Forget it", onclick: () => { setToken(""); render(); } })));
      return;
    }
    const input = el("input", { id: idPrefix + "-token", type: "password", autocomplete: "off", required: true });
    box.append(el("label", { for: input.id, text: "Update token (the server's --update-token)" }), input);
  };
  render();
  // Whoever submits calls this first: a typed token is kept for the session.
  box.commit = () => {
    const input = box.querySelector("input");
    if (input && input.value.trim()) {
      setToken(input.value.trim());
      render();
    }
    return getToken();
  };
  return box;
}

// One decision form: the token, the fields of its action ({control, label}), why and who; POST
// /api/facts/STATEMENT-ID/ACTION with ``body(fields)`` plus reason and by. ``onDone`` gets the
// decision once the server has applied it.
function decisionForm({ statement, action, summary, button, fields = [], body = () => ({}), done, onDone }) {
  const id = action + "-" + Math.random().toString(36).slice(2, 8);
  const token = tokenField(id);
  const reason = el("input", { id: id + "-reason", type: "text", required: true, autocomplete: "off" });
  const by = el("input", { id: id + "-by", type: "text", required: true, value: localStorage.getItem("esgkg-curator") || "" });
  const message = el("p", { class: "curate-message", role: "status" });
  const form = el("form", { class: "curate-form" },
    token, ...fields.flatMap(({ control, label }) => [el("label", { for: control.id, text: label }), control]),
    el("label", { for: reason.id, text: "Why is it wrong?" }), reason,
    el("label", { for: by.id, text: "Your name" }), by,
    el("button", { type: "submit", text: button }),
    message);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!token.commit()) { message.textContent = "Enter the update token first."; return; }
    localStorage.setItem("esgkg-curator", by.value.trim());
    message.textContent = "Sending…";
    const path = statement.split("/id/statement/")[1];
    try {
      const decision = await sendJSON("POST", `/api/facts/${path}/${action}`,
        { ...body(), reason: reason.value, by: by.value });
      message.textContent = done + " ";
      message.append(el("a", { href: "/curation", text: "undo on the curation page" }), ".");
      form.dataset.done = "true";
      if (onDone) onDone(decision);
    } catch (error) {
      message.textContent = "Not done: " + error.message;
    }
  });
  return el("details", { class: "curate" }, el("summary", { text: summary }), form);
}

// "Reject this fact": it leaves the views, the endpoint's default graph and the exports.
export function rejectForm(statement, onDone) {
  return decisionForm({
    statement, action: "reject", summary: "Reject this fact…", button: "Reject this fact",
    done: "Rejected. It no longer shows in the graph, the tables and the exports;", onDone,
  });
}

// Qualifiers a browser form can correct: the literal ones of the vocabulary, as the page's body
// names them (graph/vocab.py; an entity-valued one, such as the object or the conferring body,
// takes an entity IRI: the API, docs/curation.md). The numeric ones are sent as numbers.
const bodyList = (name) => (document.body.dataset[name] || "").split(" ").filter(Boolean);

// "Correct a qualifier": one qualifier's new value (empty removes it).
export function correctForm(statement, onDone) {
  const NUMERIC = new Set(bodyList("numericQualifiers"));
  const id = "correct-" + Math.random().toString(36).slice(2, 8);
  const field = el("select", { id: id + "-field" },
    ...bodyList("literalQualifiers").map((name) => el("option", { value: name, text: name.replace("_", " ") })));
  const value = el("input", { id: id + "-value", type: "text", autocomplete: "off" });
  return decisionForm({
    statement, action: "correct", summary: "Correct a qualifier…", button: "Correct this fact",
    fields: [{ control: field, label: "Qualifier" }, { control: value, label: "New value (empty removes it)" }],
    body: () => {
      const text = value.value.trim();
      return { changes: { [field.value]: text === "" ? null : NUMERIC.has(field.value) ? Number(text) : text } };
    },
    done: "Corrected. The views, the endpoint and the exports show the new value;", onDone,
  });
}

// "Reject…" and "Correct…" controls in each element of ``selector`` that names a stated fact
// (``data-statement``): the fact table's rows and the document view's fact list. A decided fact
// is marked and left in place until the page is reloaded, so the reader keeps their place.
export function addCurateControls(selector, into = (element) => element) {
  for (const element of document.querySelectorAll(selector)) {
    if (!element.dataset.statement || element.classList.contains("inferred")) continue;
    into(element).append(rejectForm(element.dataset.statement, () => element.classList.add("rejected")),
      correctForm(element.dataset.statement, () => element.classList.add("corrected")));
  }
}

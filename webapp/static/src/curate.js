// Writes from the browser: the server's update token, entered once per browser session, kept in
// sessionStorage and sent as an Authorization header (never a cookie, so no CSRF); and the
// "reject this fact" form of the provenance panel.
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

// "Reject this fact": why and who, then POST /api/facts/STATEMENT-ID/reject. ``onDone`` gets the
// decision once the server has applied it.
export function rejectForm(statement, onDone) {
  const id = "reject-" + Math.random().toString(36).slice(2, 8);
  const token = tokenField(id);
  const reason = el("input", { id: id + "-reason", type: "text", required: true, autocomplete: "off" });
  const by = el("input", { id: id + "-by", type: "text", required: true, value: localStorage.getItem("esgkg-curator") || "" });
  const message = el("p", { class: "curate-message", role: "status" });
  const form = el("form", { class: "curate-form" },
    token,
    el("label", { for: reason.id, text: "Why is it wrong?" }), reason,
    el("label", { for: by.id, text: "Your name" }), by,
    el("button", { type: "submit", text: "Reject this fact" }),
    message);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!token.commit()) { message.textContent = "Enter the update token first."; return; }
    localStorage.setItem("esgkg-curator", by.value.trim());
    message.textContent = "Rejecting…";
    const path = statement.split("/id/statement/")[1];
    try {
      const decision = await sendJSON("POST", `/api/facts/${path}/reject`, { reason: reason.value, by: by.value });
      message.textContent = "Rejected. It no longer shows in the graph, the tables and the exports; ";
      message.append(el("a", { href: "/curation", text: "undo on the curation page" }), ".");
      form.dataset.done = "true";
      if (onDone) onDone(decision);
    } catch (error) {
      message.textContent = "Not rejected: " + error.message;
    }
  });
  return el("details", { class: "curate" }, el("summary", { text: "Reject this fact…" }), form);
}

// A "Reject this fact…" control in each element of ``selector`` that names a stated fact
// (``data-statement``): the fact table's rows and the document view's fact list. A rejected
// fact is marked and left in place until the page is reloaded, so the reader keeps their place.
export function addRejectControls(selector, into = (element) => element) {
  for (const element of document.querySelectorAll(selector)) {
    if (!element.dataset.statement || element.classList.contains("inferred")) continue;
    into(element).append(rejectForm(element.dataset.statement, () => element.classList.add("rejected")));
  }
}

// The upload page: pick or drop releases; each file is its own POST /api/documents (so each gets
// its own progress bar and result), with the session's token as a header.
import { el } from "./dom.js";
import { tokenField } from "./curate.js";
import { initAllSearches } from "./search.js";

initAllSearches();
const form = document.getElementById("upload-form");
const input = document.getElementById("upload-files");
const drop = document.getElementById("upload-drop");
const list = document.getElementById("upload-results");
const token = tokenField("upload");
form.prepend(token);

// One file at a time: each waits for the one before, so a batch holds one server thread, not all.
let queue = Promise.resolve();

function send(file) {
  const bar = el("progress", { max: "100", value: "0", "aria-label": "Upload of " + file.name });
  const result = el("span", { class: "upload-result", text: "Waiting…" });
  const row = el("li", { class: "upload-row", "data-file": file.name }, el("span", { class: "upload-name", text: file.name }), bar, result);
  list.append(row);
  queue = queue.then(() => new Promise((done) => upload(file, bar, result, row, done)));
}

function upload(file, bar, result, row, done) {
  const body = new FormData();
  body.append("file", file, file.name);
  const request = new XMLHttpRequest();
  request.addEventListener("loadend", done);
  request.open("POST", "/api/documents");
  request.setRequestHeader("Authorization", "Bearer " + token.commit());
  request.setRequestHeader("Accept", "application/json");
  request.upload.addEventListener("progress", (event) => {
    if (event.lengthComputable) bar.value = Math.round((100 * event.loaded) / event.total);
    result.textContent = "Sending…";
  });
  request.upload.addEventListener("load", () => { bar.value = 100; result.textContent = "Reading and extracting…"; });
  request.addEventListener("load", () => {
    let answer = {};
    try { answer = JSON.parse(request.responseText); } catch (_) { /* not JSON */ }
    bar.value = 100;
    const stored = (answer.documents || [])[0];
    result.replaceChildren();
    if (request.status === 201 && stored) {
      row.dataset.status = "stored";
      result.append(`Stored: ${stored.facts} fact${stored.facts === 1 ? "" : "s"}. `,
        el("a", { href: stored.page, text: "Open " + stored.id }));
      if (stored.left_out.length) {
        result.append(el("details", {}, el("summary", { text: `${stored.left_out.length} left out (they break the shapes)` }),
          el("ul", {}, stored.left_out.map((line) => el("li", { text: line })))));
      }
    } else {
      row.dataset.status = "failed";
      const reason = (answer.errors || [])[0];
      result.textContent = "Not stored: " + (reason ? reason.error : answer.error || `${request.status} ${request.statusText}`);
    }
  });
  request.addEventListener("error", () => { row.dataset.status = "failed"; result.textContent = "Not stored: the connection failed."; });
  request.send(body);
}

function sendAll(files) {
  if (!token.commit()) {
    list.append(el("li", { class: "upload-row", "data-status": "failed", text: "Enter the update token first." }));
    return;
  }
  [...files].forEach(send);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  sendAll(input.files);
  input.value = "";
});
for (const name of ["dragenter", "dragover"]) {
  drop.addEventListener(name, (event) => { event.preventDefault(); drop.classList.add("dragging"); });
}
for (const name of ["dragleave", "drop"]) {
  drop.addEventListener(name, () => drop.classList.remove("dragging"));
}
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  sendAll(event.dataTransfer.files);
});

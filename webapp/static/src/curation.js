// The curation page: every decision, with undo (DELETE /api/decisions/ID with the session's token).
import { sendJSON, tokenField } from "./curate.js";
import { initAllSearches } from "./search.js";

initAllSearches();
const token = tokenField("curation");
document.getElementById("curation-token").append(token);
for (const button of document.querySelectorAll("button[data-undo]")) {
  button.addEventListener("click", async () => {
    const row = button.closest("tr");
    const status = row.querySelector(".undo-status");
    if (!token.commit()) { status.textContent = "Enter the update token first."; return; }
    button.disabled = true;
    status.textContent = "Undoing…";
    try {
      await sendJSON("DELETE", "/api/decisions/" + button.dataset.undo);
      row.dataset.undone = "true";
      status.textContent = "Undone: the fact is back as extraction gave it.";
    } catch (error) {
      button.disabled = false;
      status.textContent = "Not undone: " + error.message;
    }
  });
}

// Fact table and documents: server-rendered pages; the script adds the header search, submits
// the sort menu as soon as it changes, and gives each stated fact a "Reject this fact…" control.
import { addCurateControls } from "./curate.js";
import { initAllSearches } from "./search.js";

initAllSearches();
for (const select of document.querySelectorAll(".table-tools select")) {
  select.addEventListener("change", () => select.form.requestSubmit());
}
// Each stated fact's row can be rejected (curation, docs/curation.md); the form goes under its evidence.
addCurateControls(".facts-table tr[data-statement]", (row) => row.querySelector(".evidence-cell"));

// Fact table and documents: server-rendered pages; the script adds the header search and submits
// the sort menu as soon as it changes.
import { initAllSearches } from "./search.js";

initAllSearches();
for (const select of document.querySelectorAll(".table-tools select")) {
  select.addEventListener("change", () => select.form.requestSubmit());
}

// Compare page: each slot is a search box that fills its hidden entity field; the timeline of
// the compared companies is drawn from the page's JSON twin.
import { initAllSearches, initCombobox } from "./search.js";
import { drawTimelines } from "./timeline.js";

initAllSearches();
for (const slot of document.querySelectorAll("[data-compare-slot]")) {
  const input = slot.querySelector("input[role=combobox]");
  const hidden = slot.querySelector("input[type=hidden]");
  initCombobox(slot, (result) => { input.value = result.label; hidden.value = result.iri; });
  input.addEventListener("input", () => { if (!input.value.trim()) hidden.value = ""; });
}
// Empty slots send nothing: /compare?entity=A&entity=B, not four parameters.
document.querySelector(".compare-form").addEventListener("submit", (event) => {
  for (const hidden of event.target.querySelectorAll("input[type=hidden]")) hidden.disabled = !hidden.value;
});
drawTimelines();

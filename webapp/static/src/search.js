// Autocomplete over labels and aliases (ARIA 1.2 combobox with a listbox): type, move with
// the arrow keys, Enter picks the highlighted entity, Escape closes. The header search opens the
// pick in the graph view; other boxes (the graph view's path ends) do what their onPick says.
import { el, clear, getJSON } from "./dom.js";

// container holds the combobox input, its listbox and a [data-search-status] live region.
// Returns { first }: the best match for what is typed (looked up if need be), or null.
export function initCombobox(container, onPick) {
  const input = container.querySelector("input[role=combobox]");
  const list = container.querySelector("[role=listbox]");
  const status = container.querySelector("[data-search-status]");
  let results = [];
  let active = -1;
  let seq = 0;
  let timer = null;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    const options = list.querySelectorAll("[role=option]");
    options.forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function go(result) {
    results = [];         // a second Enter is the form's, not another pick
    clear(list);
    close();
    onPick(result);
  }

  function render() {
    clear(list);
    results.forEach((r, i) => {
      const option = el("li", { id: `${list.id}-${i}`, role: "option", "aria-selected": "false", class: "option" },
        el("span", { class: `swatch type-${r.type || "entity"}`, "aria-hidden": "true" }),
        el("span", { class: "option-label", text: r.label }),
        r.matched ? el("span", { class: "option-alias", text: ` (${r.matched})` }) : null,
        el("span", { class: "option-type", text: r.type || "" }));
      option.addEventListener("mousedown", (event) => { event.preventDefault(); go(r); });
      list.append(option);
    });
    const open = results.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    status.textContent = input.value.trim() ? `${results.length} suggestions` : "";
    active = -1;
  }

  async function lookup() {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { results = []; render(); return; }
    try {
      const data = await getJSON("/api/search?limit=10&q=" + encodeURIComponent(q));
      if (mine !== seq) return;
      results = data.results;
      render();
    } catch (error) {
      status.textContent = "Search failed: " + error.message;
    }
  }

  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(lookup, 120); });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (list.hidden && results.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
      highlight(Math.min(active + 1, results.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (event.key === "Enter") {
      const pick = active >= 0 ? results[active] : results[0];
      if (pick) { event.preventDefault(); go(pick); }
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  return {
    async first() {
      clearTimeout(timer);
      if (!results.length) await lookup();
      close();
      if (!results[0]) status.textContent = "No match";
      return results[0] || null;
    },
  };
}

export function initSearch(form) {
  // A release opens as its document view, an entity in the graph.
  const open = (result) => window.location.assign(result.type === "document" && result.page
    ? result.page : "/graph?focus=" + encodeURIComponent(result.iri));
  const box = initCombobox(form, open);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const best = await box.first();
    if (best) open(best);
  });
}

export function initAllSearches() {
  document.querySelectorAll("form[data-search]").forEach(initSearch);
}

// Export menus ([data-export] blocks, templates/export.html): the format chosen in the block's
// select is copied into each of its download links. The server renders the links with the
// registry's first format, so they also work before (or without) this script; forms (the graph
// view's "current view") take the select itself as their format field.

export function setExportFormat(link, format) {
  const url = new URL(link.getAttribute("href"), window.location.origin);
  url.searchParams.set("format", format);
  link.setAttribute("href", url.pathname + url.search);
}

export function initExportMenus(root = document) {
  root.querySelectorAll("[data-export]").forEach((block) => {
    const select = block.querySelector("select[data-export-format]");
    const update = () => block.querySelectorAll("a[data-export-link]")
      .forEach((link) => setExportFormat(link, select.value));
    select.addEventListener("change", update);
    update();     // a select restored by the browser (back button) may not hold the default
  });
}

// Point a block's link at one document's export (the graph view's document filter).
export function setExportDocument(link, documentId) {
  const url = new URL(link.getAttribute("href"), window.location.origin);
  url.searchParams.set("document", documentId);
  link.setAttribute("href", url.pathname + url.search);
}

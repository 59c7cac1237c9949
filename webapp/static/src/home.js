import { initAllSearches } from "./search.js";

initAllSearches();
const input = document.getElementById("home-search");
if (input) input.focus();

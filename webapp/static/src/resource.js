import { initAllSearches } from "./search.js";

initAllSearches();

// Resource pages: the header search, and an entity's timeline (drawn from the page's JSON twin).
import { initAllSearches } from "./search.js";
import { drawTimelines } from "./timeline.js";

initAllSearches();
drawTimelines();

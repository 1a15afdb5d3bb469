/*
 * The search page: loads Pagefind's interface from the site's own /pagefind/ bundle (built after MkDocs
 * by generator/site.py). Pagefind keeps one index per language and picks this page's from <html lang>,
 * so English queries find English pages and Chinese queries Chinese ones. Only the chunks of the index a
 * query needs are downloaded.
 */
const element = document.getElementById("tracker-search");
if (element) {
  // From the page's address, not the site's root: Pagefind derives where result pages live from the
  // bundle's path, so a site served under a subpath (a GitHub Pages project site) links to its own pages.
  const bundle = new URL(element.dataset.bundle, location.href).pathname;
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = bundle + "pagefind-ui.css";
  document.head.append(style);
  const script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = () => {
    const ui = new window.PagefindUI({
      element: "#tracker-search",
      bundlePath: bundle,
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      translations: JSON.parse(element.dataset.translations),
    });
    // Pagefind labels its box only with a placeholder: give it a name assistive technology reads.
    const input = element.querySelector("input");
    if (input) input.setAttribute("aria-label", JSON.parse(element.dataset.translations).search_label);
    const query = new URLSearchParams(location.search).get("q");
    if (query) ui.triggerSearch(query);
    element.dataset.ready = "true";
  };
  document.head.append(script);
}

// The address a page shows as its criteria change (the catalog's search and filter), kept in step without a navigation.
// A circuit's page calls replace through BrowserAddressBar, the static catalog's script (static-page.js) directly.

// The language links come back to the page they were rendered on: after a search, to the page with its criteria. (In a
// circuit a click switches in place; the link itself serves a new tab, or a page without a circuit.)
function keepCriteriaAcrossLanguageSwitch(url) {
    for (const link of document.querySelectorAll("[data-testid=language-picker] a[href]")) {
        const target = new URL(link.href);
        target.searchParams.set("returnUrl", url.pathname + url.search);
        link.href = target.href;
    }
}

// Replaced in place, keeping the history entry's state, which blazor.web.js keeps its own navigation data in. No
// navigation follows, so the page and what the person types stay.
export function replace(url) {
    const target = new URL(url, location.href);
    if (target.origin !== location.origin) return;
    history.replaceState(history.state, "", target);
    keepCriteriaAcrossLanguageSwitch(target);
}

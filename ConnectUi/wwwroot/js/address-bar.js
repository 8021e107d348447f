// The address a circuit's page shows (BrowserAddressBar): replaced in place, keeping the history entry's state, which
// blazor.web.js keeps its own navigation data in. No navigation follows, so the page and what the person types stay.
export function replace(url) {
    const target = new URL(url, location.href);
    if (target.origin !== location.origin) return;
    history.replaceState(history.state, "", target);
}

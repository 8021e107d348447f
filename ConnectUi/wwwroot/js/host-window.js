// The host window's script, imported by HostEvents.cs (in a circuit) and static-page.js (without one). A module is
// evaluated once per page, so its state is "once per page load".
let started = false;

// The window that opened or embeds this page (popup or iframe), or null when ConnectUi is the top page.
function hostWindow() {
    if (window.opener && window.opener !== window && !window.opener.closed) return window.opener;
    if (window.parent && window.parent !== window) return window.parent;
    return null;
}

// The allowed origins arrive as one space-separated string.
function originList(origins) {
    return (origins ?? "").split(" ").filter(origin => origin);
}

// Posts an event to the host window, once per allowed origin plus our own: the browser delivers it only where the
// target origin matches the host's, so no other page receives it. Never "*". Returns whether there is a host window.
export function postToHost(type, detail, origins) {
    const host = hostWindow();
    if (!host) return false;
    const message = { source: "connectui", type, ...(detail ?? {}) };
    for (const origin of new Set([...originList(origins), window.location.origin])) {
        try {
            host.postMessage(message, origin);
        } catch {
            // A malformed origin must not stop the others.
        }
    }
    return true;
}

// Posts "ready" once the page is interactive, and "closed" when it goes away; once per page load.
export function startHostEvents(origins) {
    if (started) return;
    started = true;
    postToHost("ready", null, origins);
    window.addEventListener("pagehide", () => postToHost("closed", null, origins), { once: true });
}

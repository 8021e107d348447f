// Small DOM helpers the Blazor components call through IJSRuntime ("connectUi.x").
window.connectUi = {
    // Scrolls a guide step into view, highlights it briefly and moves focus to its heading.
    scrollToStep(anchor) {
        const step = document.getElementById(anchor);
        if (!step) return;
        const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        step.scrollIntoView({ behavior: reduceMotion ? "auto" : "smooth", block: "start" });
        const heading = step.querySelector("[data-step-heading]") ?? step;
        heading.focus({ preventScroll: true });
        if (history.replaceState) history.replaceState(null, "", "#" + anchor);
    },

    // Focuses an element by id (the error summary, or a field from one of its links).
    focusById(id) {
        const element = document.getElementById(id);
        if (!element) return;
        element.scrollIntoView({ block: "center" });
        element.focus();
    },

    // Brings an alert's top into view (below the app bar) and focuses it: after a refusal, the reason is what the person
    // sees and hears first, on a phone as on a desktop.
    focusAlert(id) {
        const element = document.getElementById(id);
        if (!element) return;
        element.scrollIntoView({ block: "start" });
        element.focus({ preventScroll: true });
    },

    // Copies text; falls back to a hidden textarea where the Clipboard API is unavailable.
    async copyText(text) {
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            const area = document.createElement("textarea");
            area.value = text;
            area.setAttribute("readonly", "");
            area.style.position = "fixed";
            area.style.opacity = "0";
            document.body.appendChild(area);
            area.select();
            const copied = document.execCommand("copy");
            area.remove();
            return copied;
        }
    },

    // The window that opened or embeds this page (popup or iframe), or null when ConnectUi is the top page.
    hostWindow() {
        if (window.opener && window.opener !== window && !window.opener.closed) return window.opener;
        if (window.parent && window.parent !== window) return window.parent;
        return null;
    },

    // Posts an event to the host window, once per allowed origin plus our own: the browser delivers it only where the
    // target origin matches the host's, so no other page receives it. Never "*". Returns whether there is a host window.
    postToHost(type, detail, origins) {
        const host = this.hostWindow();
        if (!host) return false;
        const message = { source: "connectui", type, ...(detail ?? {}) };
        for (const origin of new Set([...(origins ?? []), window.location.origin])) {
            try {
                host.postMessage(message, origin);
            } catch {
                // A malformed origin must not stop the others.
            }
        }
        return true;
    },

    // Posts "ready" once the page is interactive, and "closed" when it goes away; once per page load.
    startHostEvents(origins) {
        if (this.hostEventsStarted) return;
        this.hostEventsStarted = true;
        this.postToHost("ready", null, origins);
        window.addEventListener("pagehide", () => this.postToHost("closed", null, origins), { once: true });
    },
};

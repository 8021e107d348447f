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
};

// What the support console may know about the customer's browser: its language and window width (for phone/desktop).
// JSON text: the server reads it with process-wide options rather than build metadata for it in every circuit.
export function browserContext() {
    return JSON.stringify({ language: navigator.language ?? null, width: window.innerWidth });
}

// Scrolls a guide step into view, highlights it briefly and moves focus to its heading.
export function scrollToStep(anchor) {
    const step = document.getElementById(anchor);
    if (!step) return;
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    step.scrollIntoView({ behavior: reduceMotion ? "auto" : "smooth", block: "start" });
    const heading = step.querySelector("[data-step-heading]") ?? step;
    heading.focus({ preventScroll: true });
    if (history.replaceState) history.replaceState(null, "", "#" + anchor);
}

// Focuses an element by id (the heading once the form is gone, the form's title after the sandbox filled it in).
export function focusById(id) {
    const element = document.getElementById(id);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    element.focus();
}

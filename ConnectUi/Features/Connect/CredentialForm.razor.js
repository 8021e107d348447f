// Focuses a field by id (the submit handler's "go to this field").
export function focusById(id) {
    const element = document.getElementById(id);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    element.focus();
}

// Brings an alert's top into view (below the app bar) and focuses it: after a refusal, the reason is what the person
// sees and hears first, on a phone as on a desktop.
export function focusAlert(id) {
    const element = document.getElementById(id);
    if (!element) return;
    element.scrollIntoView({ block: "start" });
    element.focus({ preventScroll: true });
}

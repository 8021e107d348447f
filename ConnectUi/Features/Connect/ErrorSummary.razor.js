// Focuses the field one of the summary's links names.
export function focusById(id) {
    const element = document.getElementById(id);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    element.focus();
}

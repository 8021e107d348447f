// What the support console may know about the customer's browser: its language and window width (for phone/desktop).
export function browserContext() {
    return { language: navigator.language ?? null, width: window.innerWidth };
}

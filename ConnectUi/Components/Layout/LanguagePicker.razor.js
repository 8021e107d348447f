// Shows a language switched in the circuit: <html lang>, the closed picker, and the reconnect dialog's texts
// (that dialog is rendered once with the page, outside the circuit).
export function showLanguage(name, details, reconnectTextsJson) {
    document.documentElement.lang = name;
    if (details) details.open = false;
    for (const [key, text] of Object.entries(JSON.parse(reconnectTextsJson ?? "{}"))) {
        for (const element of document.querySelectorAll(`[data-reconnect-text="${key}"]`)) {
            element.textContent = text;
        }
    }
}

// Stores the picked language in the culture cookie (the server sets it), so the next visit opens in it.
export async function rememberLanguage(name) {
    try {
        await fetch(`culture/${encodeURIComponent(name)}`, { credentials: "same-origin", cache: "no-store" });
    } catch {
        // Offline or blocked: the page already shows the language; only the next visit forgets it.
    }
}

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

// What the person typed into the non-secret fields, kept for this tab (sessionStorage) as they type, so a tab whose
// server instance died gets it back on the next one. Secret fields are never listed, so never kept.
const draftListeners = new Map();

// fieldsJson: JSON text of input id -> field name, for the non-secret fields only.
export function keepDraft(key, fieldsJson) {
    stopDraft(key);
    const fields = JSON.parse(fieldsJson);
    // What was typed before this ran (the page became interactive a moment earlier) counts too; empty fields are left
    // out, so a form still being filled from a restored draft does not overwrite it.
    const draft = readDraft(key) ?? {};
    let typed = false;
    for (const [id, name] of Object.entries(fields)) {
        const value = document.getElementById(id)?.value;
        if (value) {
            draft[name] = value;
            typed = true;
        }
    }
    if (typed) sessionStorage.setItem(key, JSON.stringify(draft));

    const listener = (event) => {
        const name = fields[event.target?.id];
        if (!name) return;
        const draft = readDraft(key) ?? {};
        draft[name] = event.target.value;
        sessionStorage.setItem(key, JSON.stringify(draft));
    };
    document.addEventListener("input", listener, true);
    draftListeners.set(key, listener);
}

// The kept draft as the JSON text it is stored as (the server reads it), or null.
export function draftText(key) {
    return sessionStorage.getItem(key);
}

function readDraft(key) {
    try {
        return JSON.parse(sessionStorage.getItem(key) ?? "null");
    } catch {
        return null;
    }
}

export function stopDraft(key) {
    const listener = draftListeners.get(key);
    if (listener) document.removeEventListener("input", listener, true);
    draftListeners.delete(key);
}

// After a saved connection: nothing left to restore.
export function dropDraft(key) {
    stopDraft(key);
    sessionStorage.removeItem(key);
}

// The session link's token, kept for this tab only (sessionStorage: not shared with other tabs, gone when the tab
// closes, never in the address bar or history), so a tab whose server instance died can open its session again.
// ReconnectModal.razor.js reads the same keys when it has to reload the page.
const tokenKey = "connectui:session";
const resumePathKey = "connectui:resume-path";

export function remember(token) {
    sessionStorage.setItem(tokenKey, token);
}

// The remembered token and the page the tab was on when it lost its server, or null; the page is read only once.
export function recall() {
    const token = sessionStorage.getItem(tokenKey);
    const path = sessionStorage.getItem(resumePathKey);
    sessionStorage.removeItem(resumePathKey);
    return token ? { token, path } : null;
}

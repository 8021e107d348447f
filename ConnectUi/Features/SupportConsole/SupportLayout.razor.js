// Whether this page is shown inside a frame (an iframe of another page).
export function isFramed() {
    return window.self !== window.top;
}

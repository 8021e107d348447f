// <connectui-focus-heading selector="h1">, which FocusOnPageChange renders on a circuit's first page (App.razor loads
// this script on every page: a circuit also starts after an enhanced navigation from the static catalog, which runs no
// script the new page names). The circuit's first render replaces the prerendered page, and with it the
// heading blazor.web.js focused when the page loaded, so the focus falls to the page. When the new page arrives, the
// element gives the focus to the new heading in the same task, unless the person has put it somewhere else: no call to
// and from the server, so nothing moves the focus after the person's first click.
class FocusHeading extends HTMLElement {
    connectedCallback() {
        // Blazor adds an element before its attributes and the rest of its render: look once the render is applied.
        queueMicrotask(() => {
            const active = document.activeElement;
            if (!this.isConnected || (active && active !== document.body)) return;
            const heading = document.querySelector(this.getAttribute("selector") || "h1");
            if (!heading) return;
            if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
            heading.focus({ preventScroll: true });
        });
    }
}

customElements.define("connectui-focus-heading", FocusHeading);

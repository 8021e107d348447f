// The script of a page served without a circuit ([ServedStatically]; App.razor links it then): it tells the window that opened or embeds
// the page that the page is ready, as the layout does in a circuit, and runs the catalog's search and category filter.
// The search itself stays on the server: the script asks for the catalog with the new criteria (the same page, its
// ?q= and ?category= in the address) and shows that page's results, never touching what the person is typing.
import { replace as replaceAddress } from "./address-bar.js";
import { startHostEvents } from "./host-window.js";

startHostEvents(document.querySelector("script[data-host-origins]")?.dataset.hostOrigins ?? "");

// Enhanced navigation swaps pages in place and may keep some of the catalog's elements: each wiring drops the last one's
// listeners and finds the elements again.
let wiring = null;

function wireCatalog() {
    wiring?.abort();
    wiring = null;
    const catalog = document.querySelector("[data-static-catalog]");
    if (!catalog) return;
    wiring = new AbortController();
    const { signal } = wiring;

    const input = catalog.querySelector("#catalog-search");
    const clear = catalog.querySelector("[data-clear-search]");
    let category = catalog.querySelector("[data-category][aria-pressed=true]")?.dataset.category ?? "";
    let controller = null;
    let timer = 0;
    signal.addEventListener("abort", () => {
        clearTimeout(timer);
        controller?.abort();
    });

    const criteriaUrl = () => {
        const url = new URL(location.href);
        for (const [name, value] of [["q", input.value], ["category", category]]) {
            if (value.trim() === "") url.searchParams.delete(name); else url.searchParams.set(name, value);
        }
        return url;
    };

    // The last request wins: an earlier answer still on its way is dropped.
    const load = async () => {
        clearTimeout(timer);
        controller?.abort();
        controller = new AbortController();
        const url = criteriaUrl();
        replaceAddress(url);
        let html;
        try {
            const response = await fetch(url, { signal: controller.signal, headers: { accept: "text/html" }, credentials: "same-origin" });
            if (!response.ok) return;
            html = await response.text();
        } catch {
            // Aborted by a newer request, or offline: the list shown stays until the next answer.
            return;
        }
        show(new DOMParser().parseFromString(html, "text/html"));
    };

    // Typing is answered after a short pause; a click at once.
    const loadSoon = () => {
        clear.hidden = input.value === "";
        clearTimeout(timer);
        timer = setTimeout(load, 120);
    };

    const show = page => {
        const results = page.querySelector("#provider-results");
        if (!results) return;
        catalog.querySelector("#provider-results").innerHTML = results.innerHTML;
        catalog.querySelector("[data-testid=result-count]").textContent = page.querySelector("[data-testid=result-count]")?.textContent ?? "";
        for (const button of catalog.querySelectorAll("[data-category]")) {
            const answer = page.querySelector(`[data-category="${CSS.escape(button.dataset.category)}"]`);
            if (answer) {
                button.className = answer.className;
                button.setAttribute("aria-pressed", answer.getAttribute("aria-pressed"));
            }
        }
    };

    const pick = value => {
        category = value;
        for (const button of catalog.querySelectorAll("[data-category]")) {
            button.setAttribute("aria-pressed", String(button.dataset.category === value));
        }
        load();
    };

    input.addEventListener("input", loadSoon, { signal });
    catalog.addEventListener("click", event => {
        const button = event.target.closest("button");
        if (!button || !catalog.contains(button)) return;
        if (button.hasAttribute("data-category")) {
            pick(button.dataset.category);
        } else if (button === clear) {
            // As MudBlazor's clear button does: empties the search and gives the focus back to it.
            input.value = "";
            clear.hidden = true;
            input.focus();
            load();
        } else if (button.hasAttribute("data-clear-filters")) {
            // The button leaves with the empty state: the focus goes to the search, where the person starts again.
            input.value = "";
            clear.hidden = true;
            input.focus();
            pick("");
        }
    }, { signal });

    // Tells automated journeys that the page answers input (in a circuit, the layout renders the same marker).
    if (!catalog.querySelector("[data-testid=interactive]")) {
        const marker = document.createElement("span");
        marker.hidden = true;
        marker.dataset.testid = "interactive";
        catalog.append(marker);
    }
}

wireCatalog();
window.Blazor?.addEventListener?.("enhancedload", wireCatalog);

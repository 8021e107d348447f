// The tab's title, set by a circuit (DocumentTitle.razor): the head is static HTML, so no component writes it there.
export function setTitle(title) {
    document.title = title;
}

namespace ConnectUi.Embedding;

/// <summary>
/// A stand-in host application page (Development only): opens a connect URL in a dialog or a popup and lists the events
/// ConnectUi posts back. Hosts can copy its message handler: check <c>event.origin</c> and <c>event.data.source</c> first.
/// </summary>
internal static class HostExamplePage
{
    /// <summary>The page for one response: its inline script carries that response's CSP nonce.</summary>
    public static string For(HttpContext context) =>
        Html.Replace("{nonce}", ConnectUi.Security.Headers.CspNonce.Of(context), StringComparison.Ordinal);

    public const string Html = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Example host application · ConnectUi</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; }
  label { display: block; font-weight: 600; margin-bottom: .25rem; }
  input[type=url] { width: 100%; padding: .5rem; box-sizing: border-box; }
  .actions { margin: 1rem 0; display: flex; gap: .5rem; }
  button { padding: .5rem 1rem; }
  dialog { width: min(90vw, 72rem); height: 85vh; padding: 0; border: 1px solid #888; border-radius: 8px; }
  dialog iframe { width: 100%; height: calc(100% - 3rem); border: 0; }
  dialog header { display: flex; justify-content: space-between; align-items: center; height: 3rem; padding: 0 1rem; background: #f3f3f3; }
  #events li { font-family: ui-monospace, monospace; }
</style>
</head>
<body>
<h1>Example host application</h1>
<p>
  This page plays the part of your application. Your backend creates a session with
  <code>POST /api/connect/sessions</code> and gives the page its <code>connectUrl</code>; the page opens it and
  listens for ConnectUi's events. Pass the URL as <code>?connectUrl=...</code> or paste it below.
</p>

<label for="connect-url">Connect URL</label>
<input id="connect-url" type="url" />

<div class="actions">
  <button type="button" id="open-dialog">Connect an account</button>
  <button type="button" id="open-popup">Connect in a popup</button>
</div>

<p id="status" role="status" aria-live="polite"></p>

<h2>Events received</h2>
<ol id="events" data-testid="host-events" aria-label="Events received"></ol>

<dialog id="connect-dialog" aria-label="Connect an account">
  <header><strong>Connect an account</strong><button type="button" id="close-dialog">Close</button></header>
  <iframe id="connect-frame" title="ConnectUi"></iframe>
</dialog>

<script nonce="{nonce}">
  const input = document.getElementById("connect-url");
  const dialog = document.getElementById("connect-dialog");
  const frame = document.getElementById("connect-frame");
  const status = document.getElementById("status");
  input.value = new URLSearchParams(location.search).get("connectUrl") ?? new URL("/", location.href).href;

  const connectUiOrigin = () => new URL(input.value, location.href).origin;

  document.getElementById("open-dialog").addEventListener("click", () => {
    frame.src = input.value;
    dialog.showModal();
  });
  document.getElementById("open-popup").addEventListener("click", () => {
    window.open(input.value, "connectui", "popup,width=1100,height=800");
  });
  document.getElementById("close-dialog").addEventListener("click", () => {
    dialog.close();
    frame.src = "about:blank";
  });

  window.addEventListener("message", (event) => {
    // Trust only messages from ConnectUi's origin that say they come from ConnectUi.
    if (event.origin !== connectUiOrigin() || event.data?.source !== "connectui") return;
    const { type, ...detail } = event.data;
    const item = document.createElement("li");
    item.textContent = `${type} ${JSON.stringify(detail)}`;
    item.dataset.event = type;
    document.getElementById("events").appendChild(item);

    if (type === "connected") {
      status.textContent = `Connected: ${detail.provider} connection ${detail.connectionId}`;
    } else if (type === "error") {
      status.textContent = `Not connected yet (${detail.outcome}); the person can try again.`;
    }
  });
</script>
</body>
</html>
""";
}

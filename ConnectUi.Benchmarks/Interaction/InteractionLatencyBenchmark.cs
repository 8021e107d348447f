using System.Diagnostics;
using ConnectUi.Benchmarks.Hosting;
using ConnectUi.Benchmarks.Reporting;
using ConnectUi.Connections;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Benchmarks.Interaction;

/// <summary>
/// Interaction latency two ways: in Chromium (input event to the DOM change, timed in the page with
/// performance.now(): server work + loopback WebSocket + browser DOM update), and in-process
/// (IConnectionService.ConnectAsync against a simulator that answers at once: our own overhead).
/// </summary>
public sealed class InteractionLatencyBenchmark(BenchmarkOptions options)
{
    private const string LoginInput = "field-ApiLoginId";
    private const string PasswordInput = "field-ApiPassword";

    /// <summary>Sets an input's value as typing does and resolves once the form's text shows (or no longer shows) the given text.</summary>
    private const string ChangeAndWait = """
        async ([inputId, value, text, present]) => {
          const form = document.querySelector('[data-testid=credential-form]');
          const input = document.getElementById(inputId);
          const done = () => form.textContent.includes(text) === present;
          const started = performance.now();
          const settled = new Promise(resolve => {
            const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(); } });
            observer.observe(form, { childList: true, subtree: true, characterData: true });
          });
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await settled;
          return performance.now() - started;
        }
        """;

    private const string SubmitAndWait = """
        async () => {
          const started = performance.now();
          const settled = new Promise(resolve => {
            const observer = new MutationObserver(() => {
              if (document.querySelector('[data-testid=connect-success]')) { observer.disconnect(); resolve(); }
            });
            observer.observe(document.body, { childList: true, subtree: true });
          });
          document.querySelector('[data-testid=submit]').click();
          await settled;
          return performance.now() - started;
        }
        """;

    public async Task RunAsync()
    {
        await using var app = BenchmarkApp.Start();
        var browserTable = await MeasureInBrowserAsync(app);
        var serverTable = await MeasureInProcessAsync(app);
        browserTable.Print();
        serverTable.Print();
    }

    private async Task<Table> MeasureInBrowserAsync(BenchmarkApp app)
    {
        await using var chromium = await Chromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await Chromium.GotoInteractiveAsync(page, "/connect/konnektive");

        var appears = new List<double>();
        var clears = new List<double>();
        var whitespace = KonnektiveStrings.LoginIdWhitespace;
        for (var i = 0; i < options.FieldChanges + 3; i++)
        {
            var shown = await page.EvaluateAsync<double>(ChangeAndWait, new object[] { LoginInput, $"user {i}", whitespace, true });
            var cleared = await page.EvaluateAsync<double>(ChangeAndWait, new object[] { LoginInput, $"user{i}", whitespace, false });

            // The first few changes warm the circuit's code paths up.
            if (i >= 3)
            {
                appears.Add(shown);
                clears.Add(cleared);
            }
        }

        var submits = new List<double>();
        for (var i = 0; i < options.Submits + 2; i++)
        {
            await Chromium.GotoInteractiveAsync(page, "/connect/konnektive");
            await page.FillAsync("#" + LoginInput, KonnektiveSandbox.LoginId);
            await page.FillAsync("#" + PasswordInput, KonnektiveSandbox.Password);
            var elapsed = await page.EvaluateAsync<double>(SubmitAndWait);
            if (i >= 2)
            {
                submits.Add(elapsed);
            }
        }

        var table = new Table(
            "4a. Interaction latency seen in Chromium on /connect/konnektive (input event to DOM updated; includes loopback and browser)",
            "Interaction", "Samples", "Median ms", "p95 ms");
        table.Add("Field change -> validation message shown", appears.Count, Stats.Median(appears), Stats.P95(appears));
        table.Add("Field change -> validation message cleared", clears.Count, Stats.Median(clears), Stats.P95(clears));
        table.Add("Submit -> \"connected\" shown (simulator answers at once)", submits.Count, Stats.Median(submits), Stats.P95(submits));
        return table;
    }

    private async Task<Table> MeasureInProcessAsync(BenchmarkApp app)
    {
        var provider = app.Services.GetRequiredService<ProviderCatalog>().Find(KonnektiveProvider.Id)!;
        var connect = new List<double>();
        var verify = new List<double>();
        for (var i = 0; i < options.InProcessConnects + 10; i++)
        {
            using var scope = app.Services.CreateScope();
            var credentials = new KonnektiveCredentials
            {
                ApiLoginId = KonnektiveSandbox.LoginId,
                ApiPassword = KonnektiveSandbox.Password,
            };

            var started = Stopwatch.GetTimestamp();
            var result = await scope.ServiceProvider.GetRequiredService<IConnectionService>()
                .ConnectAsync(new ConnectRequest(provider, credentials), CancellationToken.None);
            var connectMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The sandbox refused a connection: {result.Outcome}.");
            }

            started = Stopwatch.GetTimestamp();
            var verifier = scope.ServiceProvider.GetServices<IProviderVerifier>().Single(v => v.ProviderId == KonnektiveProvider.Id);
            await verifier.VerifyAsync(credentials, CancellationToken.None);
            var verifyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i >= 10)
            {
                connect.Add(connectMs);
                verify.Add(verifyMs);
            }
        }

        var table = new Table(
            $"4b. Server time in-process, {connect.Count} sequential submits of Konnektive sandbox credentials",
            "Step", "Median ms", "p95 ms");
        table.Add("IConnectionService.ConnectAsync (test call + encrypt + SQLite save)", Stats.Median(connect), Stats.P95(connect));
        table.Add("of which the test call (KonnektiveVerifier.VerifyAsync alone)", Stats.Median(verify), Stats.P95(verify));
        table.Add("so encrypt + save (difference of medians)", Stats.Median(connect) - Stats.Median(verify), "");
        return table;
    }
}

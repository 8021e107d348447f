namespace ConnectUi.Benchmarks.Hosting;

/// <summary>The configuration both ways of hosting the app share, so the in-process and the published app measure the same thing.</summary>
internal static class BenchmarkSettings
{
    /// <param name="sandbox">
    /// The provider simulators and the pages' sandbox banner: on where the benchmark submits (sections 4 and 5), off where it
    /// weighs and loads pages as a production installation serves them (the goals are stated for that), on again for comparison.
    /// </param>
    public static IReadOnlyDictionary<string, string> For(string dataDirectory, bool sandbox = true) => new Dictionary<string, string>
    {
        ["ConnectionStrings:ConnectUi"] = $"Data Source={Path.Combine(dataDirectory, "connectui.db")}",
        ["ConnectUi:Sandbox:Enabled"] = sandbox ? "true" : "false",
        ["ConnectUi:EgressIps:0"] = "198.51.100.10",

        // The pages a person sees, as in the quickstart; with sessions required the benchmark would weigh the expired-link page.
        ["ConnectUi:Sessions:Required"] = "false",

        // Production refuses an unprotected key ring; this database is thrown away after the run.
        ["ConnectUi:DataProtection:AllowUnprotectedKeys"] = "true",

        // Every request comes from one loopback address and reuses the sandbox accounts: the attempt limits would
        // answer "too many attempts" after five submits and the benchmark would measure the refusal.
        ["ConnectUi:RateLimits:PerCaller:PermitLimit"] = "100000000",
        ["ConnectUi:RateLimits:Lockout:AccountFailuresBeforeDelay"] = "100000000",
        ["ConnectUi:RateLimits:Lockout:FailuresBeforeLockout"] = "100000000",

        // Console logging per request would measure the terminal, not the app.
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
    };
}

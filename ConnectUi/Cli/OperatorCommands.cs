namespace ConnectUi.Cli;

/// <summary>
/// Operator commands: <c>dotnet ConnectUi.dll &lt;command&gt; [arguments]</c> runs one against the configured app and
/// exits with its code instead of serving. A command is one entry in <see cref="Commands"/>.
/// </summary>
public static class OperatorCommands
{
    private delegate Task<int> Command(WebApplication app, string[] arguments, TextWriter output, TextWriter error);

    private static readonly Dictionary<string, Command> Commands = new(StringComparer.Ordinal)
    {
        ["migrate"] = MigrateCommand.RunAsync,
    };

    /// <summary>True when the first argument names a command (configuration arguments such as <c>--key=value</c> never do).</summary>
    public static bool IsCommand(string[] args) => args is [var first, ..] && Commands.ContainsKey(first);

    public static Task<int> RunCommandAsync(this WebApplication app, string[] args) =>
        Commands[args[0]](app, args[1..], Console.Out, Console.Error);
}

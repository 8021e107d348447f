namespace ConnectUi.Cli;

/// <summary>
/// Runs a command instead of the web server when the first argument is a word (<c>staff add ...</c>) rather than an
/// option (<c>--urls ...</c>). The command gets the same configuration and services as the server, without starting it.
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    /// <summary>
    /// The web application builder: for a command, the arguments are not configuration (<c>--email</c> is no setting) and
    /// logs below Warning stay quiet, on standard error, so standard output carries only the command's answer.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        if (!IsCommand(args))
        {
            return WebApplication.CreateBuilder(args);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.PostConfigure<LoggerFilterOptions>(filters =>
        {
            // Replaces appsettings' Information levels: a command's own output must not drown in the database's log.
            filters.Rules.Clear();
            filters.MinLevel = LogLevel.Warning;
        });
        return builder;
    }

    public static Task<int> RunCommandAsync(this WebApplication app, string[] args) =>
        RunAsync(app.Services, args, Console.In, Console.Out, Console.Error, CancellationToken.None);

    /// <summary>Finds the command, parses its options and runs it; every refusal is one line on <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var commands = services.GetServices<ICliCommand>().ToArray();
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var command = commands
            .Where(c => Matches(c.Name.Split(' '), words))
            .OrderByDescending(c => c.Name.Split(' ').Length)
            .FirstOrDefault();
        if (command is null || command.Name.Split(' ').Length != words.Length)
        {
            var typed = string.Join(' ', words);
            error.WriteLine(words is ["help"] or []
                ? $"usage: dotnet ConnectUi.dll <command> [options]; commands: {CommandList(commands)}"
                : $"error: unknown command '{typed}'; commands: {CommandList(commands)}");
            return words is ["help"] ? CliExitCode.Success : CliExitCode.Usage;
        }

        var (options, problem) = Parse(command, args.Skip(words.Length).ToArray());
        if (problem is not null)
        {
            error.WriteLine($"error: {command.Name}: {problem}; usage: {Usage(command)}");
            return CliExitCode.Usage;
        }

        try
        {
            return await command.RunAsync(new CliInvocation(services, options!, input, output, error), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            error.WriteLine($"error: {command.Name}: {exception.GetType().Name}: {FirstLine(exception.Message)}");
            return CliExitCode.Failure;
        }
    }

    public static string Usage(ICliCommand command) => $"{command.Name} {string.Join(' ', command.Options)}".TrimEnd();

    private static bool Matches(string[] name, string[] words) =>
        words.Length >= name.Length && name.Select((w, i) => string.Equals(w, words[i], StringComparison.OrdinalIgnoreCase)).All(m => m);

    private static (Dictionary<string, string?>? Options, string? Problem) Parse(ICliCommand command, string[] rest)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < rest.Length; i++)
        {
            var argument = rest[i];
            var option = argument.StartsWith("--", StringComparison.Ordinal)
                ? command.Options.FirstOrDefault(o => o.Name == argument[2..])
                : null;
            if (option is null)
            {
                return (null, argument.StartsWith("--", StringComparison.Ordinal) ? $"unknown option {argument}" : $"unexpected argument '{argument}'");
            }

            if (options.ContainsKey(option.Name))
            {
                return (null, $"--{option.Name} is given twice");
            }

            if (option.IsFlag)
            {
                options[option.Name] = null;
                continue;
            }

            if (i + 1 >= rest.Length || rest[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return (null, $"--{option.Name} needs a value {option.Value}");
            }

            options[option.Name] = rest[++i];
        }

        var missing = command.Options.FirstOrDefault(o => o.Required && !options.ContainsKey(o.Name));
        return missing is null ? (options, null) : (null, $"--{missing.Name} is required");
    }

    private static string CommandList(IEnumerable<ICliCommand> commands) => string.Join(", ", commands.Select(c => c.Name).Order(StringComparer.Ordinal));

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}

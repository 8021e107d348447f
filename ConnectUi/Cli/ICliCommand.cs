namespace ConnectUi.Cli;

/// <summary>
/// One command of <c>dotnet ConnectUi.dll &lt;command&gt; [options]</c>. Register it with
/// <see cref="CliServiceCollectionExtensions.AddCliCommand{TCommand}"/>; the dispatcher parses the declared options, so
/// a command only does its work.
/// </summary>
public interface ICliCommand
{
    /// <summary>The words that select the command, e.g. <c>staff add</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    IReadOnlyList<CliOption> Options { get; }

    /// <summary>Returns the exit code (<see cref="CliExitCode"/>); a failure is written to <see cref="CliInvocation.Error"/> as one line.</summary>
    Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken);
}

/// <param name="Name">Without the dashes: <c>email</c> for <c>--email</c>.</param>
/// <param name="Value">What the value is, for the usage line (<c>&lt;email&gt;</c>); null for a flag.</param>
public sealed record CliOption(string Name, string? Value, bool Required, string Description)
{
    public bool IsFlag => Value is null;

    public override string ToString()
    {
        var text = IsFlag ? $"--{Name}" : $"--{Name} {Value}";
        return Required ? text : $"[{text}]";
    }
}

public static class CliExitCode
{
    public const int Success = 0;

    /// <summary>The command ran and could not do what was asked (no such account, weak password...).</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong: unknown command or option, missing value.</summary>
    public const int Usage = 2;
}

/// <summary>A parsed command line with the app's services and the console's streams (swappable in tests).</summary>
public sealed class CliInvocation(IServiceProvider services, IReadOnlyDictionary<string, string?> options, TextReader input, TextWriter output, TextWriter error)
{
    public IServiceProvider Services { get; } = services;
    public TextReader In { get; } = input;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>An option's value; null when it was not given.</summary>
    public string? Option(string name) => options.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => options.ContainsKey(name);

    /// <summary>Writes one line <c>error: reason</c> and returns <see cref="CliExitCode.Failure"/>.</summary>
    public int Fail(string reason)
    {
        Error.WriteLine($"error: {reason}");
        return CliExitCode.Failure;
    }

    /// <summary>The first line of standard input, without its line break: how secrets reach a command (never as an argument).</summary>
    public string? ReadSecretLine() => In.ReadLine();
}

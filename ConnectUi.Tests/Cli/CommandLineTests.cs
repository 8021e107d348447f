using ConnectUi.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Cli;

public sealed class CommandLineTests
{
    private sealed class EchoCommand : ICliCommand
    {
        public string Name => "keys echo";
        public string Summary => "Echoes its options.";
        public IReadOnlyList<CliOption> Options { get; } =
        [
            new("name", "<name>", Required: true, "A name."),
            new("loud", null, Required: false, "Shout."),
        ];

        public Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
        {
            var text = invocation.Option("name")!;
            invocation.Out.WriteLine(invocation.Flag("loud") ? text.ToUpperInvariant() : text);
            return Task.FromResult(CliExitCode.Success);
        }
    }

    private sealed class ThrowingCommand : ICliCommand
    {
        public string Name => "keys fail";
        public string Summary => "Fails.";
        public IReadOnlyList<CliOption> Options { get; } = [];

        public Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The database is locked.\nSecond line with details.");
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var services = new ServiceCollection().AddCliCommand<EchoCommand>().AddCliCommand<ThrowingCommand>().BuildServiceProvider();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(services, args, new StringReader(string.Empty), output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false)]
    [InlineData(new[] { "ConnectUi:Sandbox:Enabled=true" }, false)]
    [InlineData(new[] { "staff", "list" }, true)]
    [InlineData(new[] { "migrate" }, true)]
    public void Words_are_commands_and_options_are_server_settings(string[] args, bool isCommand) =>
        Assert.Equal(isCommand, CommandLine.IsCommand(args));

    [Fact]
    public async Task A_registered_command_runs_with_its_options()
    {
        var (code, output, error) = await RunAsync("keys", "echo", "--name", "ann", "--loud");
        Assert.Equal(CliExitCode.Success, code);
        Assert.Equal("ANN" + Environment.NewLine, output);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData(new[] { "keys", "echo" }, "error: keys echo: --name is required; usage: keys echo --name <name> [--loud]")]
    [InlineData(new[] { "keys", "echo", "--name" }, "error: keys echo: --name needs a value <name>; usage: keys echo --name <name> [--loud]")]
    [InlineData(new[] { "keys", "echo", "--name", "a", "--colour", "red" }, "error: keys echo: unknown option --colour; usage: keys echo --name <name> [--loud]")]
    [InlineData(new[] { "keys", "echo", "--name", "a", "--name", "b" }, "error: keys echo: --name is given twice; usage: keys echo --name <name> [--loud]")]
    [InlineData(new[] { "keys", "echo", "stray", "--name", "a" }, "error: unknown command 'keys echo stray'; commands: keys echo, keys fail")]
    [InlineData(new[] { "keys" }, "error: unknown command 'keys'; commands: keys echo, keys fail")]
    [InlineData(new[] { "frobnicate" }, "error: unknown command 'frobnicate'; commands: keys echo, keys fail")]
    public async Task A_wrong_command_line_exits_2_with_one_line_saying_why(string[] args, string expected)
    {
        var (code, output, error) = await RunAsync(args);
        Assert.Equal(CliExitCode.Usage, code);
        Assert.Empty(output);
        Assert.Equal(expected + Environment.NewLine, error);
    }

    [Fact]
    public async Task A_failing_command_exits_1_with_the_first_line_of_its_reason()
    {
        var (code, _, error) = await RunAsync("keys", "fail");
        Assert.Equal(CliExitCode.Failure, code);
        Assert.Equal("error: keys fail: InvalidOperationException: The database is locked." + Environment.NewLine, error);
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (code, _, error) = await RunAsync("help");
        Assert.Equal(CliExitCode.Success, code);
        Assert.Contains("keys echo, keys fail", error, StringComparison.Ordinal);
    }
}

using System.Text.RegularExpressions;
using ConnectUi.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Providers;

/// <summary>
/// One provider, one folder: outside <c>Providers/{Provider}/</c> and its one registration line, no file of the app
/// names a provider. Scans the source tree, so a provider name added anywhere else fails here.
/// </summary>
public sealed class ProviderSeamTests
{
    private static readonly string AppFolder = Path.Combine(RepositoryRoot(), "ConnectUi");

    private static readonly string RegistrationFile = Path.Combine(AppFolder, "InstalledProviders.cs");

    private static IReadOnlyList<ProviderDefinition> Registered()
    {
        using var services = new ServiceCollection().AddProviders(new ConfigurationBuilder().Build()).BuildServiceProvider();
        return services.GetRequiredService<ProviderCatalog>().All;
    }

    /// <summary>The folders under <c>ConnectUi/Providers/</c>, one per provider.</summary>
    private static string[] ProviderFolders() =>
        Directory.GetDirectories(Path.Combine(AppFolder, "Providers")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_registered_provider_has_a_folder_of_its_own_and_every_folder_is_registered()
    {
        var folders = ProviderFolders();
        var providers = Registered();

        Assert.Equal(folders.Length, providers.Count);
        // The folder is the provider's name in PascalCase: Konnektive for "Konnektive CRM", ConnectWisePsa for "ConnectWise PSA".
        Assert.All(providers, provider => Assert.Contains(folders, folder => Normalize(provider.DisplayName).StartsWith(Normalize(folder), StringComparison.Ordinal)));
    }

    [Fact]
    public void No_file_outside_a_providers_folder_names_a_provider()
    {
        var providerFolders = Directory.GetDirectories(Path.Combine(AppFolder, "Providers")).Select(f => f + Path.DirectorySeparatorChar).ToArray();
        var names = Registered().SelectMany(NamesOf).Concat(ProviderFolders()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var pattern = new Regex(string.Join('|', names.Select(Regex.Escape)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        var offending = new List<string>();
        foreach (var file in SourceFiles(AppFolder))
        {
            if (providerFolders.Any(folder => file.StartsWith(folder, StringComparison.Ordinal)) || IsMigration(file))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (pattern.Match(lines[i]) is { Success: true } match && !(file == RegistrationFile && IsRegistrationLine(lines[i])))
                {
                    offending.Add($"{Path.GetRelativePath(AppFolder, file)}:{i + 1} names \"{match.Value}\"");
                }
            }
        }

        Assert.True(offending.Count == 0, "Provider names outside the provider folders:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void The_registration_is_one_line_per_provider()
    {
        var lines = File.ReadAllLines(RegistrationFile).Select(l => l.Trim()).ToArray();

        var registrations = lines.Where(l => l.StartsWith("services.AddProvider(", StringComparison.Ordinal)).ToArray();

        Assert.Equal(Registered().Count, registrations.Length);
        Assert.All(registrations, line => Assert.Matches(@"^services\.AddProvider\(\w+Provider\.Registration, configuration\);$", line));
    }

    [Fact]
    public void A_provider_specific_outcome_is_a_general_category_with_a_code_no_general_outcome_uses()
    {
        var general = Enum.GetNames<VerificationOutcome>();

        foreach (var provider in Registered())
        {
            foreach (var outcome in provider.Outcomes)
            {
                Assert.Matches("^[A-Z][A-Za-z]+$", outcome.Code!);
                Assert.DoesNotContain(outcome.Code, general);
                Assert.NotEqual(VerificationOutcome.Verified, outcome.Category);
            }

            Assert.All(provider.Sandbox.Scenarios, scenario => Assert.True(
                scenario.Outcome.Code is null || provider.Outcomes.Contains(scenario.Outcome),
                $"{provider.Id}: sandbox scenario '{scenario.Description}' ends {scenario.Outcome}, which the provider does not declare"));
        }
    }

    private static bool IsRegistrationLine(string line) =>
        Regex.IsMatch(line.Trim(), @"^(using ConnectUi\.Providers\.\w+;|services\.AddProvider\(\w+Provider\.Registration, configuration\);)$");

    private static bool IsMigration(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static IEnumerable<string> NamesOf(ProviderDefinition provider) =>
        new[] { provider.Id, provider.DisplayName }.Concat(provider.Aliases).Where(n => n.Length >= 4);

    private static string Normalize(string name) => Regex.Replace(name, "[^A-Za-z0-9]", string.Empty).ToLowerInvariant();

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}App_Data{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetExtension(f) is ".cs" or ".razor" or ".resx" or ".json" or ".js" or ".css" or ".csproj" or ".svg" or ".html");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ConnectUi.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ConnectUi.sln not found above the test output folder.");
    }
}

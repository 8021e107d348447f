using System.Diagnostics;
using System.Text.RegularExpressions;
using ConnectUi.Providers;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Tests.Support;
using CsCheck;
using FluentValidation;
using FluentValidation.Results;

namespace ConnectUi.Tests.Hardening;

/// <summary>Every credential model, validator and normalizer against hostile input: no crash, no hang, nothing out of bounds accepted.</summary>
public sealed partial class CredentialValidationPropertyTests
{
    private const int Samples = 600;

    /// <summary>Only a guard against catastrophic backtracking or quadratic loops; a healthy run is far below it.</summary>
    private static readonly TimeSpan PerSampleBound = TimeSpan.FromSeconds(5);

    public static TheoryData<string> ProviderIds => [KonnektiveProvider.Id, ConnectWisePsaProvider.Id];

    private static ProviderDefinition Provider(string id) =>
        id == KonnektiveProvider.Id ? KonnektiveProvider.Definition : ConnectWisePsaProvider.Definition;

    private static ValidationResult Validate(ProviderDefinition provider, CredentialModel model) =>
        provider.Validator.Validate(new ValidationContext<object>(model));

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Validation_never_throws_and_finishes_within_bounds(string providerId)
    {
        var provider = Provider(providerId);
        HostileInput.Model(provider).SampleDeterministically(model =>
        {
            var watch = Stopwatch.StartNew();
            var result = Validate(provider, model);
            watch.Stop();

            Assert.True(watch.Elapsed < PerSampleBound, $"validation took {watch.Elapsed} for {HostileInput.Describe(model)}");
            Assert.All(result.Errors, e => Assert.Contains(e.PropertyName, model.FieldNames));
        }, Samples);
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Every_rule_message_is_a_fixed_text_that_never_echoes_the_input(string providerId)
    {
        var provider = Provider(providerId);
        var messages = FixedMessages(providerId);
        Assert.NotEmpty(messages);

        HostileInput.Model(provider).SampleDeterministically(model =>
        {
            foreach (var error in Validate(provider, model).Errors)
            {
                Assert.Contains(error.ErrorMessage, messages);
            }
        }, Samples);
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Field_normalization_never_throws_and_is_idempotent(string providerId)
    {
        var provider = Provider(providerId);
        foreach (var field in provider.Fields)
        {
            HostileInput.FieldValue(provider.Id, field.Name).SampleDeterministically(raw =>
            {
                var once = field.Normalize(raw);
                var twice = field.Normalize(once.Value);

                Assert.NotNull(once.Value);
                Assert.Equal(once.Value, twice.Value);
                Assert.Null(twice.Note);
            }, Samples / 2);
        }
    }

    [Fact]
    public void Hostname_normalization_is_idempotent_on_hostile_input()
    {
        HostileInput.AnyString.SampleDeterministically(raw =>
        {
            var once = HostnameNormalizer.Normalize(raw);

            Assert.Equal(once.Value, HostnameNormalizer.Normalize(once.Value).Value);
            Assert.True(once.Note is null || HostnameNormalizer.IsValidHostname(once.Value), HostileInput.Describe(raw));
        }, Samples);
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void The_model_stores_any_string_as_given_and_never_prints_it(string providerId)
    {
        var provider = Provider(providerId);
        HostileInput.Model(provider).SampleDeterministically(model =>
        {
            var copy = provider.CreateModel();
            foreach (var (field, value) in model.ToDictionary())
            {
                copy[field] = value;
            }

            Assert.Equal(model.ToDictionary(), copy.ToDictionary());
            Assert.Equal($"{model.GetType().Name} {{ {string.Join(", ", model.FieldNames)} }}", model.ToString());
            if (model is ConnectWisePsaCredentials cw)
            {
                Assert.StartsWith(cw.CompanyId, cw.Username, StringComparison.Ordinal);
            }
        }, Samples);
    }

    [Fact]
    public void Accepted_Konnektive_values_are_within_the_documented_limits()
    {
        var provider = KonnektiveProvider.Definition;
        var accepted = 0;
        HostileInput.Model(provider).SampleDeterministically(model =>
        {
            if (!Validate(provider, model).IsValid)
            {
                return;
            }

            accepted++;
            var k = (KonnektiveCredentials)model;
            Assert.InRange(k.ApiLoginId.Length, 1, KonnektiveCredentialsValidator.MaxLength);
            Assert.DoesNotContain(k.ApiLoginId, c => char.IsWhiteSpace(c) || char.IsControl(c));
            Assert.InRange(k.ApiPassword.Length, 1, KonnektiveCredentialsValidator.MaxLength);
            Assert.DoesNotContain('&', k.ApiPassword);
            Assert.DoesNotContain(k.ApiPassword, char.IsControl);
        }, Samples);

        Assert.True(accepted > Samples / 20, $"only {accepted} of {Samples} samples were valid: the generator no longer reaches this property");
    }

    [Fact]
    public void Accepted_ConnectWise_values_are_within_the_documented_limits()
    {
        var provider = ConnectWisePsaProvider.Definition;
        var accepted = 0;
        HostileInput.Model(provider).SampleDeterministically(model =>
        {
            if (!Validate(provider, model).IsValid)
            {
                return;
            }

            accepted++;
            var cw = (ConnectWisePsaCredentials)model;

            // The hostname goes into a URL: ASCII letters, digits, hyphens and dots only, never an IP literal.
            Assert.True(HostnameNormalizer.IsValidHostname(cw.Hostname), cw.Hostname);
            Assert.InRange(cw.Hostname.Length, 1, HostnameNormalizer.MaxLength);
            Assert.Matches(HostnameCharacters(), cw.Hostname);
            Assert.False(System.Net.IPAddress.TryParse(cw.Hostname, out _), cw.Hostname);

            // API version and client id go into request headers: nothing but their own ASCII shape.
            Assert.Matches(ApiVersionShape(), cw.ApiVersion);
            Assert.True(cw.ClientId.Length <= 64 && Guid.TryParse(cw.ClientId, out _), cw.ClientId);
            Assert.Matches(ClientIdCharacters(), cw.ClientId);

            // Username and password make the Basic credentials: no colon in the username, no control character anywhere.
            Assert.InRange(cw.Username.Length, 3, ConnectWisePsaCredentialsValidator.MaxSecretLength);
            Assert.DoesNotContain(cw.Username, c => c == ':' || char.IsWhiteSpace(c) || char.IsControl(c));
            Assert.Contains('+', cw.Username);
            Assert.False(cw.Username.StartsWith('+') || cw.Username.EndsWith('+'), cw.Username);
            Assert.InRange(cw.Password.Length, 1, ConnectWisePsaCredentialsValidator.MaxSecretLength);
            Assert.DoesNotContain(cw.Password, char.IsControl);
        }, Samples);

        Assert.True(accepted > Samples / 20, $"only {accepted} of {Samples} samples were valid: the generator no longer reaches this property");
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void A_100_KB_value_in_any_field_is_refused_quickly(string providerId)
    {
        var provider = Provider(providerId);
        foreach (var field in provider.Fields)
        {
            foreach (var piece in new[] { "a", "<script>", "+", "\0", " ", "1.", "😀" })
            {
                var model = provider.CreateModel();
                var huge = string.Concat(Enumerable.Repeat(piece, HostileInput.HugeLength / piece.Length));
                model[field.Name] = huge;

                var watch = Stopwatch.StartNew();
                var errors = Validate(provider, model).Errors;
                var normalized = field.Normalize(huge);

                Assert.True(watch.Elapsed < PerSampleBound, $"{field.Name} with {HostileInput.Describe(huge)} took {watch.Elapsed}");
                Assert.Contains(errors, e => e.PropertyName == field.Name);
                Assert.NotNull(normalized.Value);
            }
        }
    }

    /// <summary>The public constant texts of a validator's nested <c>Messages</c> class.</summary>
    /// <summary>The texts of the provider's resources: a rule message is one of them, never text built from the input.</summary>
    private static HashSet<string> FixedMessages(string providerId) =>
        ResourceText.All(providerId == KonnektiveProvider.Id ? typeof(KonnektiveStrings) : typeof(ConnectWisePsaStrings))
            .Values
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\A[a-zA-Z0-9.-]+\z")]
    private static partial Regex HostnameCharacters();

    [GeneratedRegex(@"\A(19|20)[0-9]{2}\.[0-9]{1,3}\z")]
    private static partial Regex ApiVersionShape();

    [GeneratedRegex(@"\A[0-9a-fA-F{}()-]+\z")]
    private static partial Regex ClientIdCharacters();
}

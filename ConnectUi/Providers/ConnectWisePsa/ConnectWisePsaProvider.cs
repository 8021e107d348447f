namespace ConnectUi.Providers.ConnectWisePsa;

/// <summary>ConnectWise PSA (formerly ConnectWise Manage): catalog entry, guide and form.</summary>
public static class ConnectWisePsaProvider
{
    public const string Id = "connectwise-psa";

    public static readonly IReadOnlyList<string> CloudHostnames =
        ["api-na.myconnectwise.net", "api-eu.myconnectwise.net", "api-au.myconnectwise.net"];

    public static class Steps
    {
        public const string HostnameAndVersion = "step-1-find-your-hostname-and-api-version";
        public const string ClientIdAndKeys = "step-2-get-your-client-id-and-api-keys";
        public const string EnterCredentials = "step-3-enter-your-credentials";
    }

    public static ProviderDefinition Definition { get; } = new()
    {
        Id = Id,
        DisplayName = "ConnectWise PSA",
        Description = () => ConnectWisePsaGuideStrings.Description,
        Categories = [ProviderCategories.Support, ProviderCategories.Ticketing],
        Aliases = ["ConnectWise Manage", "ConnectWise", "CW Manage", "CW PSA"],
        Logo = ProviderLogo.FromEmbeddedFile(typeof(ConnectWisePsaProvider), "connectwise-psa.svg"),
        CreateModel = () => new ConnectWisePsaCredentials(),
        Validator = new ConnectWisePsaCredentialsValidator(),
        Sandbox = ConnectWisePsaSandbox.Sandbox,
        Outcomes = ConnectWisePsaOutcomes.All,

        // Per company id, whichever key pair or host is tried: guesses at one company share one limit.
        StaffGuidance = ConnectWisePsaStaffGuidance.For,
        AccountKey = model => ((ConnectWisePsaCredentials)model).CompanyId,
        Fields =
        [
            new CredentialField
            {
                Name = nameof(ConnectWisePsaCredentials.Hostname),
                Label = () => ConnectWisePsaStrings.HostnameLabel,
                HelpText = () => ConnectWisePsaStrings.HostnameHelpText,
                Placeholder = () => ConnectWisePsaStrings.HostnamePlaceholder,
                GuideStepAnchor = Steps.HostnameAndVersion,
                Suggestions = CloudHostnames,
                Normalize = HostnameNormalizer.Normalize,

                // Room for a pasted API URL, which is cut down to its hostname.
                MaxLength = HostnameNormalizer.MaxInputLength,
                InputMode = "url",
            },
            new CredentialField
            {
                Name = nameof(ConnectWisePsaCredentials.ApiVersion),
                Label = () => ConnectWisePsaStrings.ApiVersionLabel,
                HelpText = () => ConnectWisePsaStrings.ApiVersionHelpText,
                Placeholder = () => ConnectWisePsaStrings.ApiVersionPlaceholder,
                GuideStepAnchor = Steps.HostnameAndVersion,
                MaxLength = ConnectWisePsaCredentialsValidator.MaxApiVersionLength,
                InputMode = "decimal",
            },
            new CredentialField
            {
                Name = nameof(ConnectWisePsaCredentials.ClientId),
                Label = () => ConnectWisePsaStrings.ClientIdLabel,
                HelpText = () => ConnectWisePsaStrings.ClientIdHelpText,
                Placeholder = () => ConnectWisePsaStrings.ClientIdPlaceholder,
                GuideStepAnchor = Steps.ClientIdAndKeys,
                MaxLength = ConnectWisePsaCredentialsValidator.MaxClientIdLength,
                IsSecret = true,
            },
            new CredentialField
            {
                Name = nameof(ConnectWisePsaCredentials.Username),
                Label = () => ConnectWisePsaStrings.UsernameLabel,
                HelpText = () => ConnectWisePsaStrings.UsernameHelpText,
                Placeholder = () => ConnectWisePsaStrings.UsernamePlaceholder,
                GuideStepAnchor = Steps.ClientIdAndKeys,
                MaxLength = ConnectWisePsaCredentialsValidator.MaxSecretLength,
                IsSecret = true,
            },
            new CredentialField
            {
                Name = nameof(ConnectWisePsaCredentials.Password),
                Label = () => ConnectWisePsaStrings.PasswordLabel,
                HelpText = () => ConnectWisePsaStrings.PasswordHelpText,
                Placeholder = () => ConnectWisePsaStrings.PasswordPlaceholder,
                GuideStepAnchor = Steps.ClientIdAndKeys,
                MaxLength = ConnectWisePsaCredentialsValidator.MaxSecretLength,
                IsMasked = true,
                IsSecret = true,
            },
        ],
        WriteGuide = () => new ProviderGuide
        {
            Summary = ConnectWisePsaGuideStrings.Summary,
            WhatYouNeed =
            [
                new GuideItem(ConnectWisePsaStrings.HostnameLabel, ConnectWisePsaGuideStrings.NeedHostname),
                new GuideItem(ConnectWisePsaStrings.ApiVersionLabel, ConnectWisePsaGuideStrings.NeedApiVersion),
                new GuideItem(ConnectWisePsaStrings.ClientIdLabel, ConnectWisePsaGuideStrings.NeedClientId),
                new GuideItem(ConnectWisePsaStrings.UsernameLabel, ConnectWisePsaGuideStrings.NeedUsername),
                new GuideItem(ConnectWisePsaStrings.PasswordLabel, ConnectWisePsaGuideStrings.NeedPassword),
            ],
            Prerequisites = [ConnectWisePsaGuideStrings.Prerequisite1, ConnectWisePsaGuideStrings.Prerequisite2],
            Steps =
            [
                new GuideStep
                {
                    Anchor = Steps.HostnameAndVersion,
                    Title = ConnectWisePsaGuideStrings.HostnameAndVersionTitle,
                    Actions = [ConnectWisePsaGuideStrings.HostnameAndVersionAction1, ConnectWisePsaGuideStrings.HostnameAndVersionAction2, ConnectWisePsaGuideStrings.HostnameAndVersionAction3],
                    Pitfalls = [ConnectWisePsaGuideStrings.HostnameAndVersionPitfall1, ConnectWisePsaGuideStrings.HostnameAndVersionPitfall2],
                    CopyableValues = CloudHostnames,
                },
                new GuideStep
                {
                    Anchor = Steps.ClientIdAndKeys,
                    Title = ConnectWisePsaGuideStrings.ClientIdAndKeysTitle,
                    Actions =
                    [
                        ConnectWisePsaGuideStrings.ClientIdAndKeysAction1,
                        ConnectWisePsaGuideStrings.ClientIdAndKeysAction2,
                        ConnectWisePsaGuideStrings.ClientIdAndKeysAction3,
                        ConnectWisePsaGuideStrings.ClientIdAndKeysAction4,
                    ],
                    Pitfalls = [ConnectWisePsaGuideStrings.ClientIdAndKeysPitfall1, ConnectWisePsaGuideStrings.ClientIdAndKeysPitfall2, ConnectWisePsaGuideStrings.ClientIdAndKeysPitfall3],
                },
                new GuideStep
                {
                    Anchor = Steps.EnterCredentials,
                    Title = ConnectWisePsaGuideStrings.EnterCredentialsTitle,
                    Actions = [ConnectWisePsaGuideStrings.EnterCredentialsAction1, ConnectWisePsaGuideStrings.EnterCredentialsAction2],
                },
            ],
        },
    };

    /// <summary>The one registration line's argument: see <see cref="ProvidersServiceCollectionExtensions.AddProvider"/>.</summary>
    public static ProviderRegistration<ConnectWisePsaVerifier, ConnectWisePsaOptions> Registration { get; } = new()
    {
        Definition = Definition,
        OptionsSection = ConnectWisePsaOptions.Section,
        // The hostname is typed by the person: the guard's handler checks every address it connects to.
        Address = ProviderAddress.TypedByPerson,
        UseSimulator = (options, simulator) =>
        {
            options.BaseUrlOverride = simulator;

            // Loopback is allowed for this override only; typed hostnames stay under the full check.
            options.AllowLoopbackOverride = true;
        },
    };
}

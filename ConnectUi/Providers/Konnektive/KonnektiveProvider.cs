namespace ConnectUi.Providers.Konnektive;

/// <summary>Konnektive CRM (also sold as Checkout Champ): catalog entry, guide and form.</summary>
public static class KonnektiveProvider
{
    public const string Id = "konnektive";

    public static class Steps
    {
        public const string FindCredentials = "step-1-find-your-api-credentials";
        public const string EnterCredentials = "step-2-enter-your-credentials";
    }

    public static ProviderDefinition Definition { get; } = new()
    {
        Id = Id,
        DisplayName = "Konnektive CRM",
        Description = () => KonnektiveGuideStrings.Description,
        Categories = [ProviderCategories.Crm, ProviderCategories.ECommerce],
        Aliases = ["Konnektive", "Checkout Champ", "CheckoutChamp", "KonnektiveCRM"],
        Logo = ProviderLogo.FromEmbeddedFile(typeof(KonnektiveProvider), "konnektive.svg"),
        CreateModel = () => new KonnektiveCredentials(),
        Validator = new KonnektiveCredentialsValidator(),
        Sandbox = KonnektiveSandbox.Sandbox,
        StaffGuidance = KonnektiveStaffGuidance.For,
        AccountKey = model => ((KonnektiveCredentials)model).ApiLoginId,
        Fields =
        [
            new CredentialField
            {
                Name = nameof(KonnektiveCredentials.ApiLoginId),
                Label = () => KonnektiveStrings.ApiLoginIdLabel,
                HelpText = () => KonnektiveStrings.ApiLoginIdHelpText,
                Placeholder = () => KonnektiveStrings.ApiLoginIdPlaceholder,
                GuideStepAnchor = Steps.FindCredentials,
                MaxLength = KonnektiveCredentialsValidator.MaxLength,
                IsSecret = true,
            },
            new CredentialField
            {
                Name = nameof(KonnektiveCredentials.ApiPassword),
                Label = () => KonnektiveStrings.ApiPasswordLabel,
                HelpText = () => KonnektiveStrings.ApiPasswordHelpText,
                Placeholder = () => KonnektiveStrings.ApiPasswordPlaceholder,
                GuideStepAnchor = Steps.FindCredentials,
                MaxLength = KonnektiveCredentialsValidator.MaxLength,
                IsMasked = true,
                IsSecret = true,
            },
        ],
        WriteGuide = () => new ProviderGuide
        {
            Summary = KonnektiveGuideStrings.Summary,
            WhatYouNeed =
            [
                new GuideItem(KonnektiveStrings.ApiLoginIdLabel, KonnektiveGuideStrings.NeedApiLoginId),
                new GuideItem(KonnektiveStrings.ApiPasswordLabel, KonnektiveGuideStrings.NeedApiPassword),
            ],
            Prerequisites = [KonnektiveGuideStrings.Prerequisite],
            Steps =
            [
                new GuideStep
                {
                    Anchor = Steps.FindCredentials,
                    Title = KonnektiveGuideStrings.FindCredentialsTitle,
                    Actions =
                    [
                        KonnektiveGuideStrings.FindCredentialsAction1,
                        KonnektiveGuideStrings.FindCredentialsAction2,
                        KonnektiveGuideStrings.FindCredentialsAction3,
                        KonnektiveGuideStrings.FindCredentialsAction4,
                        KonnektiveGuideStrings.FindCredentialsAction5,
                        KonnektiveGuideStrings.FindCredentialsAction6,
                    ],
                    Pitfalls =
                    [
                        KonnektiveGuideStrings.FindCredentialsPitfall1,
                        KonnektiveGuideStrings.FindCredentialsPitfall2,
                        KonnektiveGuideStrings.FindCredentialsPitfall3,
                        KonnektiveGuideStrings.FindCredentialsPitfall4,
                        KonnektiveGuideStrings.FindCredentialsPitfall5,
                    ],
                    ShowsEgressIps = true,
                },
                new GuideStep
                {
                    Anchor = Steps.EnterCredentials,
                    Title = KonnektiveGuideStrings.EnterCredentialsTitle,
                    Actions = [KonnektiveGuideStrings.EnterCredentialsAction1, KonnektiveGuideStrings.EnterCredentialsAction2],
                },
            ],
        },
    };

    /// <summary>The one registration line's argument: see <see cref="ProvidersServiceCollectionExtensions.AddProvider"/>.</summary>
    public static ProviderRegistration<KonnektiveVerifier, KonnektiveOptions> Registration { get; } = new()
    {
        Definition = Definition,
        OptionsSection = KonnektiveOptions.Section,
        // The base URL is operator configuration, so no hostname guard; redirects are still never followed.
        Address = ProviderAddress.OperatorConfigured,
        UseSimulator = (options, simulator) => options.BaseUrl = simulator,
    };
}

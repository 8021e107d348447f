using ConnectUi.Providers;

namespace ConnectUi.Tests.ThirdProvider.Tallybook;

/// <summary>
/// Tallybook, a made-up bookkeeping service that signs API calls with a private app token: the worked example of
/// docs/adding-a-provider.md. Everything about it is in this folder; one line registers it.
/// </summary>
public static class TallybookProvider
{
    public const string Id = "tallybook";

    public static class Steps
    {
        public const string FindAccountId = "step-1-find-your-account-id";
        public const string CreatePrivateApp = "step-2-create-a-private-app";
        public const string EnterCredentials = "step-3-enter-your-credentials";
    }

    public static ProviderDefinition Definition { get; } = new()
    {
        Id = Id,
        DisplayName = "Tallybook",
        Description = () => "Bookkeeping for small shops: invoices, expenses and the ledger.",
        Categories = ["Accounting"],
        Aliases = ["Tallybook Books"],
        Logo = ProviderLogo.FromSvg("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="10" fill="#2e7d32"/><path d="M14 14h20v5h-7.5v15h-5V19H14z" fill="#fff"/></svg>"""),
        CreateModel = () => new TallybookCredentials(),
        Validator = new TallybookCredentialsValidator(),
        AccountKey = model => ((TallybookCredentials)model).AccountId,
        Sandbox = TallybookSandbox.Sandbox,
        Outcomes = TallybookOutcomes.All,
        Fields =
        [
            new CredentialField
            {
                Name = nameof(TallybookCredentials.AccountId),
                Label = () => TallybookTexts.AccountIdLabel,
                HelpText = () => TallybookTexts.AccountIdHelp,
                Placeholder = () => TallybookTexts.AccountIdPlaceholder,
                GuideStepAnchor = Steps.FindAccountId,
                MaxLength = TallybookCredentialsValidator.MaxLength,
            },
            new CredentialField
            {
                Name = nameof(TallybookCredentials.PrivateAppToken),
                Label = () => TallybookTexts.TokenLabel,
                HelpText = () => TallybookTexts.TokenHelp,
                Placeholder = () => TallybookTexts.TokenPlaceholder,
                GuideStepAnchor = Steps.CreatePrivateApp,
                MaxLength = TallybookCredentialsValidator.MaxLength,
                IsMasked = true,
                IsSecret = true,
            },
        ],
        WriteGuide = () => new ProviderGuide
        {
            Summary = "Create a private app in Tallybook that may read your account, then enter its token here.",
            WhatYouNeed =
            [
                new GuideItem("Account ID", "the id of your Tallybook account."),
                new GuideItem("Private app token", "the token of a private app with the read_account scope."),
            ],
            Prerequisites = ["A Tallybook account, and a login allowed to manage apps."],
            Steps =
            [
                new GuideStep
                {
                    Anchor = Steps.FindAccountId,
                    Title = "Find your Account ID",
                    Actions = ["Sign in to Tallybook.", "Open **Settings** › **Account** and copy the **Account ID** (`acct_…`)."],
                },
                new GuideStep
                {
                    Anchor = Steps.CreatePrivateApp,
                    Title = "Create a private app",
                    Actions =
                    [
                        "Open **Settings** › **Apps** › **Private apps** and click **Create private app**.",
                        "Give it the **read_account** scope and save.",
                        "Copy the **token** (`tbk_…`). Tallybook shows it only once.",
                    ],
                    Pitfalls = ["Revoking the private app revokes its token: the connection stops working."],
                },
                new GuideStep
                {
                    Anchor = Steps.EnterCredentials,
                    Title = "Enter your credentials",
                    Actions = ["Enter the **Account ID** and the **Private app token**, then click **Connect**."],
                },
            ],
        },
    };

    /// <summary>The one registration line's argument: <c>services.AddProvider(TallybookProvider.Registration, configuration)</c>.</summary>
    public static ProviderRegistration<TallybookVerifier, TallybookOptions> Registration { get; } = new()
    {
        Definition = Definition,
        OptionsSection = TallybookOptions.Section,
        Address = ProviderAddress.OperatorConfigured,
        UseSimulator = (options, simulator) => options.BaseUrl = simulator,
    };
}

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
        Description = "Subscription and direct-response e-commerce CRM: orders, customers, campaigns and transactions.",
        Categories = ["CRM", "E-commerce"],
        Aliases = ["Konnektive", "Checkout Champ", "CheckoutChamp", "KonnektiveCRM"],
        LogoPath = "providers/konnektive.svg",
        CreateModel = () => new KonnektiveCredentials(),
        Validator = new KonnektiveCredentialsValidator(),
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
                IsSecret = true,
            },
            new CredentialField
            {
                Name = nameof(KonnektiveCredentials.ApiPassword),
                Label = () => KonnektiveStrings.ApiPasswordLabel,
                HelpText = () => KonnektiveStrings.ApiPasswordHelpText,
                Placeholder = () => KonnektiveStrings.ApiPasswordPlaceholder,
                GuideStepAnchor = Steps.FindCredentials,
                IsMasked = true,
                IsSecret = true,
            },
        ],
        Guide = new ProviderGuide
        {
            Summary = "Create a dedicated API user in Konnektive, allow our server's IP address, then enter that user's login here.",
            WhatYouNeed =
            [
                new GuideItem("API Login ID", "the Username of a Konnektive API user."),
                new GuideItem("API Password", "that API user's password."),
            ],
            Prerequisites =
            [
                "An active Konnektive account, and a login with administrator access to create users.",
            ],
            Steps =
            [
                new GuideStep
                {
                    Anchor = Steps.FindCredentials,
                    Title = "Find your API credentials",
                    Actions =
                    [
                        "Sign in to your Konnektive CRM as an administrator.",
                        "Open **Admin** › **Users**, then click **Add User** (or open the API user you already have).",
                        "Set **Access Level** to **Api User**, and choose a **Username** and a **Password**.",
                        "Under **IP Whitelist**, add the address our server calls Konnektive from (listed below).",
                        "Under **Access Details**, grant only the endpoints this connection needs. We check the connection with **Order Query** (`order/query`), so grant at least that one.",
                        "Save the user. Its **Username** is your **API Login ID** and its **Password** your **API Password**.",
                    ],
                    Pitfalls =
                    [
                        "The password cannot contain an `&` character: Konnektive cuts the password at the `&` and the login fails.",
                        "Access Level must be **Api User**. An ordinary CRM user's login does not work with the API.",
                        "API users cannot sign in to the CRM website; they can only make API calls. That is expected.",
                        "Query endpoints let this user read data out of your CRM: grant only what the integration uses, and create a separate API user for each service.",
                        "Konnektive refuses calls from addresses that are not on the user's IP Whitelist, even with a correct password.",
                    ],
                    ShowsEgressIps = true,
                },
                new GuideStep
                {
                    Anchor = Steps.EnterCredentials,
                    Title = "Enter your credentials",
                    Actions =
                    [
                        "Enter the **API Login ID** and **API Password** in the form.",
                        "Click **Connect**. We make one read-only test call to Konnektive and save the connection only if Konnektive accepts it.",
                    ],
                },
            ],
        },
    };
}

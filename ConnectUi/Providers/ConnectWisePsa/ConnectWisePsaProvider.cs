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
        Description = "Professional services automation for managed service providers: service tickets, companies, contacts and time.",
        Categories = ["Support", "Ticketing"],
        Aliases = ["ConnectWise Manage", "ConnectWise", "CW Manage", "CW PSA"],
        LogoPath = "providers/connectwise-psa.svg",
        CreateModel = () => new ConnectWisePsaCredentials(),
        Validator = new ConnectWisePsaCredentialsValidator(),

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
                InputMode = "url",
            },
            new CredentialField
            {
                Name = nameof(ConnectWisePsaCredentials.ApiVersion),
                Label = () => ConnectWisePsaStrings.ApiVersionLabel,
                HelpText = () => ConnectWisePsaStrings.ApiVersionHelpText,
                Placeholder = () => ConnectWisePsaStrings.ApiVersionPlaceholder,
                GuideStepAnchor = Steps.HostnameAndVersion,
                InputMode = "decimal",
            },
            new CredentialField
            {
                Name = nameof(ConnectWisePsaCredentials.ClientId),
                Label = () => ConnectWisePsaStrings.ClientIdLabel,
                HelpText = () => ConnectWisePsaStrings.ClientIdHelpText,
                Placeholder = () => ConnectWisePsaStrings.ClientIdPlaceholder,
                GuideStepAnchor = Steps.ClientIdAndKeys,
                IsSecret = true,
            },
            new CredentialField
            {
                Name = nameof(ConnectWisePsaCredentials.Username),
                Label = () => ConnectWisePsaStrings.UsernameLabel,
                HelpText = () => ConnectWisePsaStrings.UsernameHelpText,
                Placeholder = () => ConnectWisePsaStrings.UsernamePlaceholder,
                GuideStepAnchor = Steps.ClientIdAndKeys,
                IsSecret = true,
            },
            new CredentialField
            {
                Name = nameof(ConnectWisePsaCredentials.Password),
                Label = () => ConnectWisePsaStrings.PasswordLabel,
                HelpText = () => ConnectWisePsaStrings.PasswordHelpText,
                Placeholder = () => ConnectWisePsaStrings.PasswordPlaceholder,
                GuideStepAnchor = Steps.ClientIdAndKeys,
                IsMasked = true,
                IsSecret = true,
            },
        ],
        Guide = new ProviderGuide
        {
            Summary = "Find your tenant's hostname and API version, get a Client ID and an API key pair, then enter them here.",
            WhatYouNeed =
            [
                new GuideItem("Hostname", "the ConnectWise PSA API hostname of your tenant."),
                new GuideItem("API Version", "the API version we send in the Accept header."),
                new GuideItem("Client ID", "the Client ID assigned to your integration."),
                new GuideItem("Username", "your Company ID followed by + and your public key, integrator username or member ID."),
                new GuideItem("Password", "your private key, integrator password or member hash."),
            ],
            Prerequisites =
            [
                "Access to your ConnectWise PSA tenant.",
                "ConnectWise PSA API credentials (an API member's key pair) and a Client ID.",
            ],
            Steps =
            [
                new GuideStep
                {
                    Anchor = Steps.HostnameAndVersion,
                    Title = "Find your hostname and API version",
                    Actions =
                    [
                        "Cloud tenants use one of the ConnectWise cloud hostnames below: pick the one of your region (North America, Europe or Australia).",
                        "If your tenant runs on a custom domain (on-premise or hosted), enter that hostname instead, for example `cw.example.com`.",
                        "For **API Version**, enter the version your integration targets, as year.release, for example `2025.1`. ConnectWise's developer guide lists the versions under Versioning.",
                    ],
                    Pitfalls =
                    [
                        "Enter the hostname only: no `https://`, no path such as `/v4_6_release/apis/3.0/`, no port. If you paste a full address we keep only its hostname and tell you.",
                        "The hostname is the API host, for example `api-na.myconnectwise.net`, not the address of the PSA website you sign in to.",
                    ],
                    CopyableValues = CloudHostnames,
                },
                new GuideStep
                {
                    Anchor = Steps.ClientIdAndKeys,
                    Title = "Get your Client ID and API keys",
                    Actions =
                    [
                        "Get a **Client ID** for your integration on ConnectWise's developer site (developer.connectwise.com, Client ID page). It looks like `3fa85f64-5717-4562-b3fc-2c963f66afa6`.",
                        "In ConnectWise PSA, open **System** › **Members** › **API Members**, open (or create) the API member, and generate a key pair under **API Keys**. Note the public and private key: the private key is shown only once.",
                        "ConnectWise PSA uses BASIC authentication. Your **Username** is your Company ID, a `+`, then your public key (or integrator username, or member ID): for example `acme+AbCdEf123456`.",
                        "Your **Password** is your private key (or integrator password, or member hash).",
                    ],
                    Pitfalls =
                    [
                        "The Company ID is the one you enter on the ConnectWise sign-in page. It is case-sensitive.",
                        "Do not leave out the `+` between the Company ID and the public key.",
                        "The API member's security role must allow the areas your integration reads; a role without them is refused with a permission error.",
                    ],
                },
                new GuideStep
                {
                    Anchor = Steps.EnterCredentials,
                    Title = "Enter your credentials",
                    Actions =
                    [
                        "Enter the **Hostname**, **API Version**, **Client ID**, **Username** and **Password** in the form.",
                        "Click **Connect**. We confirm your company on that host, make one read-only test call, and save the connection only if ConnectWise PSA accepts it.",
                    ],
                },
            ],
        },
    };
}

namespace ConnectUi.Tests.ThirdProvider.Tallybook;

/// <summary>Tallybook's texts. A shipped provider keeps them in a TallybookStrings.resx beside this file instead.</summary>
public static class TallybookTexts
{
    public const string AccountIdLabel = "Account ID";
    public const string AccountIdHelp = "Shown under Settings › Account, starts with acct_.";
    public const string AccountIdPlaceholder = "acct_123456";
    public const string AccountIdRequired = "Enter your Tallybook Account ID.";
    public const string AccountIdFormat = "A Tallybook Account ID is acct_ followed by 6 digits.";
    public const string TokenLabel = "Private app token";
    public const string TokenHelp = "Shown once, when you create the private app.";
    public const string TokenPlaceholder = "tbk_…";
    public const string TokenRequired = "Enter the private app token.";
    public const string TokenFormat = "A private app token is tbk_ followed by 24 letters and digits.";
    public const string InvalidToken = "Tallybook did not accept this private app token. Copy it again from the private app.";
    public const string TokenRevoked = "This private app token was revoked in Tallybook. Create a new token and enter it here.";
    public const string MissingScope = "The private app may not read the account. Give it the read_account scope, then try again.";
    public const string AccountNotFound = "Tallybook has no account with this Account ID for this token.";
    public const string Timeout = "Tallybook did not answer in time. Try again in a minute.";
    public const string ProviderError = "Tallybook could not check the token just now. Try again in a minute.";
}

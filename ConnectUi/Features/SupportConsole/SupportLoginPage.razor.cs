using ConnectUi.Staff;
using ConnectUi.Staff.Audit;
using ConnectUi.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConnectUi.Features.SupportConsole;

/// <summary>
/// The staff sign-in page. Rendered as static HTML with a plain form post, because signing in sets a cookie, which an
/// interactive circuit cannot do. Wrong email and wrong password read the same, so the page reveals no account.
/// </summary>
public sealed partial class SupportLoginPage
{
    private string? _error;
    private bool _emailMissing;
    private bool _passwordMissing;

    [Inject]
    public required SignInManager<StaffUser> SignIn { get; init; }

    [Inject]
    public required IAuditLog Audit { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IOptions<SupportOptions> Options { get; init; }

    [Inject]
    public required IStringLocalizer<SupportConsoleStrings> Loc { get; init; }

    [SupplyParameterFromForm(FormName = "staff-login")]
    public LoginInput? Input { get; set; }

    [SupplyParameterFromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery(Name = "error")]
    public string? Error { get; set; }

    private StaffOpenIdConnectOptions SingleSignOn => Options.Value.OpenIdConnect;

    private string SingleSignOnUrl => $"{StaffArea.SingleSignOnPath}?returnUrl={Uri.EscapeDataString(StaffArea.SafeReturnUrl(ReturnUrl))}";

    protected override void OnInitialized()
    {
        Input ??= new LoginInput();
        _error = Error switch
        {
            "sso" => Loc[nameof(SupportConsoleStrings.SingleSignOnFailed)].Value,
            "sso-role" => Loc[nameof(SupportConsoleStrings.SingleSignOnNoRole)].Value,
            _ => null,
        };
    }

    private async Task SignInAsync()
    {
        var email = Input!.Email?.Trim() ?? string.Empty;
        _emailMissing = email.Length == 0;
        _passwordMissing = string.IsNullOrEmpty(Input.Password);
        if (_emailMissing || _passwordMissing)
        {
            _error = null;
            return;
        }

        var result = await SignIn.PasswordSignInAsync(email, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await Audit.WriteAsync(email, AuditAction.SignedIn);
            Navigation.NavigateTo(StaffArea.SafeReturnUrl(ReturnUrl), forceLoad: true);
            return;
        }

        if (result.IsLockedOut)
        {
            await Audit.WriteAsync(email, AuditAction.LockedOut);
            _error = Loc[nameof(SupportConsoleStrings.LockedOut)];
        }
        else
        {
            await Audit.WriteAsync(email, AuditAction.SignInFailed);
            _error = Loc[nameof(SupportConsoleStrings.SignInFailed)];
        }

        // The email stays in the field; the password is never sent back to the browser.
        Input.Password = null;
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}

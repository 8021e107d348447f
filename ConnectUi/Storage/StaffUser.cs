using Microsoft.AspNetCore.Identity;

namespace ConnectUi.Storage;

/// <summary>A support staff member who signs in to the console. Identity keeps the hashed password, lock-out and security stamp.</summary>
public sealed class StaffUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}

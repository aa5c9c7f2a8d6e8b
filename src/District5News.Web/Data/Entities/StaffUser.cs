using Microsoft.AspNetCore.Identity;

namespace District5News.Web.Data.Entities;

public class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
}

using District5News.Web.Routing;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace District5News.Web.Hosting;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Staff accounts in the news database, the auth cookie and the two policies.</summary>
    public static IServiceCollection AddNewsIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AccountRoutes.SignIn;
            o.LogoutPath = AccountRoutes.SignOut;
            o.AccessDeniedPath = AccountRoutes.AccessDenied;
            o.Cookie.Name = "d5_staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "d5_af";
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, p => p.RequireRole(StaffRoles.Editor, StaffRoles.Administrator))
            .AddPolicy(StaffPolicies.Administrator, p => p.RequireRole(StaffRoles.Administrator));

        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffSignIn>();
        services.AddSingleton<IPortalCommand, CreateUserCommand>();
        return services;
    }
}

using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using District5News.Web.Routing;
using Microsoft.AspNetCore.DataProtection;
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

        // The lockout's limits are set in one place: the defaults above, or Identity:Lockout in configuration.
        services.AddOptions<IdentityOptions>().Configure<IConfiguration>((o, configuration) =>
            configuration.GetSection("Identity:Lockout").Bind(o.Lockout));

        // The stamp is checked on every staff request (a few small queries), so a cookie copied before sign-out, a
        // lock, a role change or a password reset stops working at once, not at the next periodic check.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

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

            // Endpoints scripts call (the form's autosave) answer 401/403 in JSON; every other page redirects as before.
            var redirectToLogin = o.Events.OnRedirectToLogin;
            var redirectToAccessDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = context => JsonChallengeAttribute.AppliesTo(context.HttpContext)
                ? JsonChallengeAttribute.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "signed-out", JsonChallengeAttribute.SignedOutMessage)
                : redirectToLogin(context);
            o.Events.OnRedirectToAccessDenied = context => JsonChallengeAttribute.AppliesTo(context.HttpContext)
                ? JsonChallengeAttribute.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "forbidden", JsonChallengeAttribute.ForbiddenMessage)
                : redirectToAccessDenied(context);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "d5_af";
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        // The key ring lives in the news database, so a restart or a second instance keeps staff signed in and open
        // forms valid. The application name, not the content root, decides which keys an instance shares.
        services.AddDataProtection()
            .SetApplicationName("District5News")
            .PersistKeysToDbContext<NewsDbContext>();

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

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Api;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace District5News.Web.Hosting;

public static class RateLimitingExtensions
{
    /// <summary>Sign-in form posts, per client address.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Searches, per client address.</summary>
    public const string SearchPolicy = "search";

    /// <summary>The web service (/api, /openapi), per client address.</summary>
    public const string ApiPolicy = "api";

    /// <summary>Residents' questions (the /hoi-dap form's posts), per client address.</summary>
    public const string QuestionPolicy = "question";

    /// <summary>
    /// ASP.NET Core's rate limiter with the sign-in, search and web-service policies, and the sign-in failure throttle. A refused
    /// request answers 429 with <c>Retry-After</c>; the status-code pages then write the Vietnamese page (/loi/429).
    /// </summary>
    public static IServiceCollection AddNewsRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName)
            .Validate<IOptions<IdentityOptions>>(
                (o, identity) => !o.Problems(identity.Value.Lockout.MaxFailedAccessAttempts).Any(),
                "The RateLimiting section's limits do not fit together (see RateLimitingOptions.Problems).")
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInPolicy, context => PerAddress(context, SignInPolicy, l => l.SignInPerAddress));
            o.AddPolicy(SearchPolicy, context => PerAddress(context, SearchPolicy, l => l.SearchPerAddress));
            o.AddPolicy(ApiPolicy, context => PerAddress(context, ApiPolicy, l => l.ApiPerAddress));
            o.AddPolicy(QuestionPolicy, context => PerAddress(context, QuestionPolicy, l => l.QuestionPerAddress));
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    SetRetryAfter(context.HttpContext.Response, retryAfter);
                }

                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitingExtensions))
                    .LogWarning("Rate limit reached on {Path} for {ClientAddress}", context.HttpContext.Request.Path,
                        context.HttpContext.Connection.RemoteIpAddress);

                // A program gets problem+json; people get the Vietnamese page the status-code pages write.
                if (ApiRoutes.IsApiPath(context.HttpContext.Request.Path))
                {
                    await ApiProblems.WriteAsync(context.HttpContext.Response,
                        ApiProblems.ForStatus(StatusCodes.Status429TooManyRequests), cancellationToken);
                }
            };
        });
        return services;
    }

    /// <summary>Retry-After in whole seconds, never 0 (a client would retry at once).</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, Func<RateLimitingOptions, WindowLimit> pick)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limit = pick(options);
        return RateLimitPartition.GetFixedWindowLimiter(policy + "|" + ClientAddress.Key(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }
}

/// <summary>How a client address is keyed for throttling.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The address the limits are kept by: IPv4 as is, IPv6 by its /64 (one subscriber's network: a phone or a home
    /// gets a whole /64, so counting single IPv6 addresses would let one client rotate through millions). The
    /// address is the forwarded one only when the forwarded-headers middleware trusted the proxy.
    /// </summary>
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

using System.Text.Json.Serialization;
using District5News.Web.Features.Api;
using District5News.Web.Features.Caching;
using District5News.Web.Routing;

namespace District5News.Web.Hosting;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The web service's CORS policy (docs/api.md, "CORS").</summary>
    public const string CorsPolicy = "web-service";

    /// <summary>
    /// The read-only web service (/api/v1, docs/api.md): its queries, its OpenAPI document, and CORS. Any origin may
    /// read it from a browser: the data is public, the answers are the same for everyone, and no credentials are
    /// accepted (no cookies, no Authorization), so another site's page can learn nothing it could not fetch from its
    /// own server; only GET and HEAD, with the conditional-request headers, and the ETag readable by scripts.
    /// </summary>
    public static IServiceCollection AddNewsApi(this IServiceCollection services)
    {
        services.AddScoped<UnitApiQueries>();
        services.AddScoped<BulletinApiQueries>();
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithHeaders("If-None-Match", "If-Modified-Since")
            .WithExposedHeaders("ETag", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        // The OpenAPI schemas follow these options: numbers are numbers (the web defaults would also describe
        // every integer as "integer or numeric string"). Nothing else in the portal reads JSON through them.
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi(ApiRoutes.V1DocumentName, o =>
        {
            // Only the web service: the site's pages and the health endpoints are not part of it.
            o.ShouldInclude = description => description.GroupName == ApiRoutes.V1DocumentName;
            o.AddDocumentTransformer(ApiOpenApi.DescribeDocumentAsync);
            o.AddOperationTransformer(ApiOpenApi.DescribeOperationAsync);
        });
        return services;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json: rate-limited like the service, readable cross-origin, kept in the page cache.</summary>
    public static IEndpointRouteBuilder MapNewsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(ApiRoutes.OpenApiDocument)
            .RequireRateLimiting(RateLimitingExtensions.ApiPolicy)
            .RequireCors(CorsPolicy)
            .WithMetadata(new PageCachedAttribute());
        return endpoints;
    }
}

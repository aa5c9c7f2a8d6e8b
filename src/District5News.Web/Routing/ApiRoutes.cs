namespace District5News.Web.Routing;

/// <summary>
/// The web service's addresses (docs/api.md). Version 1 lives under <see cref="V1"/>; a breaking change gets a new
/// prefix beside it, never a changed meaning here.
/// </summary>
public static class ApiRoutes
{
    /// <summary>Every address below this answers JSON, and its errors as problem+json.</summary>
    public const string Area = "/api";

    public const string V1 = "/api/v1";

    public const string Bulletins = "/api/v1/bulletins";
    public const string Bulletin = "/api/v1/bulletins/{id:int}";
    public const string Units = "/api/v1/units";
    public const string Documents = "/api/v1/documents";
    public const string Document = "/api/v1/documents/{id:int}";

    /// <summary>The OpenAPI documents (<c>/openapi/v1.json</c>), as Microsoft.AspNetCore.OpenApi names them.</summary>
    public const string OpenApiArea = "/openapi";

    public const string OpenApiDocument = "/openapi/{documentName}.json";

    public const string OpenApiV1 = "/openapi/v1.json";

    /// <summary>The name of version 1's OpenAPI document and its ApiExplorer group.</summary>
    public const string V1DocumentName = "v1";

    /// <summary>A web-service address: its errors are problem+json, not the Vietnamese HTML pages.</summary>
    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments(Area, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(OpenApiArea, StringComparison.OrdinalIgnoreCase);
}

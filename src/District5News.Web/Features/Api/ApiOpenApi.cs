using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace District5News.Web.Features.Api;

/// <summary>
/// What the OpenAPI document says beyond what the controllers' attributes give: the service's description, the
/// conditional-request headers every GET takes and sends, Retry-After on 429, and the descriptions of the shared
/// responses (304, 400, 404, 429).
/// </summary>
public static class ApiOpenApi
{
    public static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Tin tức Quận 5 – web service",
            Version = "v1",
            Description =
                "Read-only structured data of the portal: bulletins residents can see, and the publishing units. JSON with " +
                "camelCase names; times in Vietnam time with their +07:00 offset; errors as RFC 9457 problem+json with the " +
                "title and detail in Vietnamese. Every answer carries a strong ETag: send it back in If-None-Match to get 304 " +
                "with no body while nothing changed. Rate-limited per client address (429 with Retry-After). See docs/api.md.",
        };
        return Task.CompletedTask;
    }

    public static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(HeaderParameter("If-None-Match", "ETags of copies the client holds; 304 when one matches (weak comparison)."));
        operation.Parameters.Add(HeaderParameter("If-Modified-Since", "Ignored when If-None-Match is sent; on a single bulletin, 304 when its text has not changed since."));

        if (operation.Responses is null)
        {
            return Task.CompletedTask;
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            switch (status)
            {
                case "200":
                    concrete.Description = "The data, with its ETag.";
                    concrete.Headers["ETag"] = Header("Strong entity tag of this answer's bytes.");
                    concrete.Headers["Cache-Control"] = Header("public, max-age=60: reuse for a minute, then revalidate with If-None-Match.");
                    break;
                case "304":
                    concrete.Description = "Not modified: the copy named in If-None-Match is current. No body.";
                    concrete.Headers["ETag"] = Header("The current entity tag (the same as sent).");
                    break;
                case "400":
                    concrete.Description = "A parameter is not valid or names nothing (an unknown unit or category); errors names each parameter.";
                    break;
                case "404":
                    concrete.Description = "No such bulletin, or residents cannot see it.";
                    break;
                case "429":
                    concrete.Description = "Too many requests from this address; wait Retry-After seconds.";
                    concrete.Headers["Retry-After"] = Header("Seconds to wait before the next request.", JsonSchemaType.Integer);
                    break;
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiParameter HeaderParameter(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = type },
    };
}

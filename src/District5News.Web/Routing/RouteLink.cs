using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace District5News.Web.Routing;

/// <summary>
/// Builds a link from the same route template the controller's attribute uses (<see cref="SiteRoutes"/>,
/// <see cref="AdminRoutes"/>, <see cref="AccountRoutes"/>), so a renamed route renames its links. A value for a
/// parameter the template does not have, or a missing required one, throws: a link can never silently point
/// beside its route. Used where no HttpContext is at hand (view models, redirects, cookie paths); it needs no
/// request, unlike LinkGenerator, and gives the same path for these templates (tested).
/// </summary>
public static class RouteLink
{
    private static readonly ConcurrentDictionary<string, RoutePattern> Patterns = new(StringComparer.Ordinal);

    public static string Fill(string template, params (string Name, object? Value)[] values)
    {
        var pattern = Patterns.GetOrAdd(template, RoutePatternFactory.Parse);
        foreach (var (name, _) in values)
        {
            if (pattern.GetParameter(name) is null)
            {
                throw new ArgumentException($"The route {template} has no parameter {{{name}}}.", nameof(values));
            }
        }

        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text.Append(literal.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var value = Value(values, parameter.Name);
                        if (value is null)
                        {
                            if (!parameter.IsOptional)
                            {
                                throw new ArgumentException($"The route {template} needs a value for {{{parameter.Name}}}.", nameof(values));
                            }

                            continue;
                        }

                        text.Append(Uri.EscapeDataString(value));
                        break;
                    default:
                        throw new NotSupportedException($"The route {template} has a part links cannot fill.");
                }
            }

            if (text.Length > 0)
            {
                path.Append('/').Append(text);
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string? Value((string Name, object? Value)[] values, string name)
    {
        foreach (var (key, value) in values)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value switch
                {
                    null => null,
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                };
            }
        }

        return null;
    }
}

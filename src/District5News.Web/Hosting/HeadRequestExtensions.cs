using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace District5News.Web.Hosting;

public static class HeadRequestExtensions
{
    /// <summary>
    /// Every GET action also answers HEAD (uptime monitors and link checkers use it); MVC's [HttpGet] alone answers 405.
    /// The action runs as for GET and the server drops the body (Kestrel does, for HEAD). The request keeps its HEAD
    /// method, which is what keeps it out of the visit and view counts (RequestClassifier counts GET only).
    /// </summary>
    public static IServiceCollection AddNewsHeadRequests(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.Conventions.Add(new HeadForGetConvention()));

    private sealed class HeadForGetConvention : IActionModelConvention
    {
        public void Apply(ActionModel action)
        {
            foreach (var selector in action.Selectors)
            {
                Replace(selector.ActionConstraints, c => c is HttpMethodActionConstraint, c => new HttpMethodActionConstraint(WithHead(((HttpMethodActionConstraint)c).HttpMethods)));
                Replace(selector.EndpointMetadata, m => m is HttpMethodMetadata, m => new HttpMethodMetadata(WithHead(((HttpMethodMetadata)m).HttpMethods), ((HttpMethodMetadata)m).AcceptCorsPreflight));
            }
        }

        private static void Replace<T>(IList<T> items, Func<T, bool> match, Func<T, T> replace)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (match(items[i]))
                {
                    items[i] = replace(items[i]);
                }
            }
        }

        private static List<string> WithHead(IEnumerable<string> methods)
        {
            var list = methods.ToList();
            if (list.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase) && !list.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(HttpMethods.Head);
            }

            return list;
        }
    }
}

using District5News.Web.Features.Paging;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Api;

/// <summary>A validated page request of a web-service list.</summary>
public sealed record ApiPageRequest(int Page, int PageSize)
{
    public int Skip => PageRequest.Skip(Page, PageSize);
}

/// <summary>
/// Paging for every web-service list (bulletins now, documents next): <c>page</c> from 1, <c>pageSize</c> up to
/// <see cref="MaxPageSize"/>, checked with Vietnamese messages, and the count and the page both run in SQL.
/// </summary>
public static class ApiPaging
{
    public const string PageParameter = "page";
    public const string PageSizeParameter = "pageSize";
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The page asked for, or null with the reasons added to <paramref name="errors"/>.</summary>
    /// <param name="modelState">Where MVC noted values it could not read as numbers ("abc", "1.5").</param>
    public static ApiPageRequest? Read(int? page, int? pageSize, ModelStateDictionary modelState, ApiErrors errors)
    {
        var valid = true;
        if (Unreadable(modelState, PageParameter) || !PageRequest.TryValidate(page, out var pageNumber))
        {
            errors.Add(PageParameter, $"Số trang (page) phải là số nguyên từ 1 đến {Vietnamese.VietnameseFormat.Number(PageRequest.MaxPage)}.");
            valid = false;
            pageNumber = 1;
        }

        var size = pageSize ?? DefaultPageSize;
        if (Unreadable(modelState, PageSizeParameter) || size is < 1 or > MaxPageSize)
        {
            errors.Add(PageSizeParameter, $"Số mục mỗi trang (pageSize) phải là số nguyên từ 1 đến {MaxPageSize}.");
            valid = false;
        }

        return valid ? new ApiPageRequest(pageNumber, size) : null;
    }

    public static async Task<ApiPage<T>> ToApiPageAsync<T>(this IQueryable<T> query, ApiPageRequest request, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = request.Skip >= total
            ? []
            : await query.Skip(request.Skip).Take(request.PageSize).ToListAsync(cancellationToken);
        var pages = total == 0 ? 1 : (int)((total + (long)request.PageSize - 1) / request.PageSize);
        return new ApiPage<T>(request.Page, request.PageSize, total, pages, items);
    }

    private static bool Unreadable(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;
}

/// <summary>What is wrong with a request, by parameter name, for <see cref="ApiProblems.BadRequest"/>.</summary>
public sealed class ApiErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string message)
    {
        if (!_errors.TryGetValue(parameter, out var list))
        {
            _errors[parameter] = list = [];
        }

        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>A query's answer: the value, or the reasons the request was refused (400).</summary>
public sealed record ApiOutcome<T>(T? Value, ApiErrors? Errors)
    where T : class;

public static class ApiOutcome
{
    public static ApiOutcome<T> Refused<T>(ApiErrors errors)
        where T : class => new(null, errors);

    public static ApiOutcome<T> Found<T>(T value)
        where T : class => new(value, null);
}

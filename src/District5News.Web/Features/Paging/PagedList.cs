namespace District5News.Web.Features.Paging;

/// <summary>
/// One page of a list, with the shape X.PagedList gives (that package is not served to this project).
/// Pages are numbered from 1. Swap for the package by replacing this folder.
/// </summary>
public sealed class PagedList<T>
{
    public PagedList(IReadOnlyList<T> items, int pageNumber, int pageSize, int totalItemCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        Items = items;
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalItemCount = totalItemCount;
    }

    public IReadOnlyList<T> Items { get; }

    public int PageNumber { get; }

    public int PageSize { get; }

    public int TotalItemCount { get; }

    public int PageCount => TotalItemCount == 0 ? 1 : (int)((TotalItemCount + (long)PageSize - 1) / PageSize);

    public bool HasPreviousPage => PageNumber > 1;

    public bool HasNextPage => PageNumber < PageCount;

    public bool IsFirstPage => PageNumber == 1;

    public bool IsLastPage => PageNumber >= PageCount;

    public int Count => Items.Count;
}

/// <summary>A requested page number, validated once for every paged page.</summary>
public static class PageRequest
{
    /// <summary>Page numbers above this are refused as bad input rather than queried.</summary>
    public const int MaxPage = 100_000;

    /// <summary>Null page means the first page; 0, negative or absurdly large page numbers are invalid.</summary>
    public static bool TryValidate(int? page, out int pageNumber)
    {
        pageNumber = page ?? 1;
        return pageNumber is >= 1 and <= MaxPage;
    }

    public static int Skip(int pageNumber, int pageSize) => (pageNumber - 1) * pageSize;
}

/// <summary>Extension for running one page of an EF query: the count and the page both in SQL.</summary>
public static class PagedQueryExtensions
{
    public static async Task<PagedList<T>> ToPagedListAsync<T>(
        this IQueryable<T> query, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, cancellationToken);
        var items = total == 0
            ? []
            : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                query.Skip(PageRequest.Skip(pageNumber, pageSize)).Take(pageSize), cancellationToken);
        return new PagedList<T>(items, pageNumber, pageSize, total);
    }
}

namespace District5News.Web.Features.Paging;

/// <summary>What the shared pager partial needs: where we are and how to build the URL of another page.</summary>
public sealed record PagerViewModel(int PageNumber, int PageCount, Func<int, string> UrlFor)
{
    public bool HasPreviousPage => PageNumber > 1;

    public bool HasNextPage => PageNumber < PageCount;

    public static PagerViewModel For<T>(PagedList<T> list, Func<int, string> urlFor) => new(list.PageNumber, list.PageCount, urlFor);
}

namespace District5News.Web.Features.Articles;

/// <summary>
/// Who a bulletin is signed by on public pages: the author's display name, or "Ban biên tập" when the editor chose so,
/// when the author has no display name (imported bulletins, deleted accounts), or when the name looks like an e-mail
/// address — an address is never shown to residents.
/// </summary>
public static class Bylines
{
    public const string Newsroom = "Ban biên tập";

    public static string For(bool byNewsroom, string? displayName)
    {
        var name = displayName?.Trim();
        return byNewsroom || string.IsNullOrEmpty(name) || name.Contains('@', StringComparison.Ordinal) ? Newsroom : name;
    }
}

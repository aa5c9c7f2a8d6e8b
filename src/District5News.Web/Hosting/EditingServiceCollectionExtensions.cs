namespace District5News.Web.Hosting;

public static class EditingServiceCollectionExtensions
{
    /// <summary>Writing and publishing bulletins: editor, revisions, trash, uploads, sanitizer.</summary>
    public static IServiceCollection AddNewsEditing(this IServiceCollection services) => services;
}

using System.ComponentModel.DataAnnotations;

namespace District5News.Web.Features.Editing;

/// <summary>Where uploaded images are kept on disk; they are served at <see cref="RequestPath"/>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    public const string RequestPath = "/uploads";

    /// <summary>A folder, relative to the content root or absolute. Keep it outside the deployed files in production so a redeploy does not lose it.</summary>
    [Required]
    public string Path { get; set; } = "wwwroot/uploads";

    /// <summary>The folder's full path: <see cref="Path"/> as given when absolute, else under the content root.</summary>
    public string FullPath(IHostEnvironment environment) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, Path));
}

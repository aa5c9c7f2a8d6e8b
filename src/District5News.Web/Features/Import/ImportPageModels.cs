namespace District5News.Web.Features.Import;

/// <summary>The upload form: one or more saved pages and/or zips of them.</summary>
public sealed class ImportUploadInput
{
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>"Chỉ chạy thử": report what would happen, write nothing.</summary>
    public bool DryRun { get; set; }
}

/// <summary>The import page: the form, and the report of the import just run, if any.</summary>
public sealed record ImportPageViewModel(long MaxUploadBytes, bool DryRun = false, ImportReport? Report = null);

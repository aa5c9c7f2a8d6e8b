using District5News.Web.Features.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Import;

/// <summary>The import page's upload limit (configured, 50 MB by default), answered on the import form itself.</summary>
public sealed class ImportUploadLimitFilter(IOptions<ImportOptions> options, IModelMetadataProvider metadata) : UploadLimitFilter
{
    public static string TooLargeMessageFor(long maxBytes) =>
        $"Dung lượng tải lên vượt quá giới hạn {ImportOptions.FormatSize(maxBytes)}. Hãy chia các tệp thành nhiều lần tải lên.";

    protected override long Limit => options.Value.MaxUploadBytes;

    protected override string TooLargeMessage => TooLargeMessageFor(Limit);

    protected override IActionResult Refuse(AuthorizationFilterContext context, int status, string message)
    {
        context.ModelState.AddModelError(string.Empty, message);
        return new ViewResult
        {
            ViewName = "Index",
            StatusCode = status,
            ViewData = new ViewDataDictionary<ImportPageViewModel>(metadata, context.ModelState)
            {
                Model = new ImportPageViewModel(options.Value.MaxUploadBytes),
            },
        };
    }
}

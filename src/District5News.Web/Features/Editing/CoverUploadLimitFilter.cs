using District5News.Web.Data.Entities;
using District5News.Web.Features.Attachments;
using District5News.Web.Features.Uploads;
using District5News.Web.Features.Vietnamese;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace District5News.Web.Features.Editing;

/// <summary>The bulletin form's upload limit: a cover of at most 5 MB and the attachments of one save, answered on the Vietnamese error page.</summary>
public sealed class CoverUploadLimitFilter(IModelMetadataProvider metadata, Microsoft.Extensions.Options.IOptions<AttachmentOptions> attachments) : UploadLimitFilter
{
    public static readonly string Message =
        $"Tệp tải lên quá lớn: ảnh bìa tối đa {ArticleLimits.CoverSizeText}. Bản tin chưa được lưu. Hãy quay lại trang trước (nút Quay lại của trình duyệt giữ nguyên nội dung đã nhập) và chọn ảnh nhỏ hơn.";

    protected override long Limit => CoverImageStore.RequestLimitBytes + attachments.Value.MaxUploadBytes;

    protected override string TooLargeMessage =>
        $"{Message} Tệp đính kèm: mỗi tệp tối đa {VietnameseFormat.FileSize(attachments.Value.MaxFileBytes)}, mỗi lần lưu tổng cộng tối đa {VietnameseFormat.FileSize(attachments.Value.MaxUploadBytes)}.";

    protected override IActionResult Refuse(AuthorizationFilterContext context, int status, string message) => new ViewResult
    {
        ViewName = "~/Views/Error/BadRequest.cshtml",
        ViewData = new ViewDataDictionary<string>(metadata, context.ModelState) { Model = message },
        StatusCode = status,
    };
}

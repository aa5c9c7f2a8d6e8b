using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace District5News.Web.Features.Editing;

/// <summary>
/// Answers a form post larger than the cover limit with a 413 and a Vietnamese page. Without it the anti-forgery
/// check, which reads the form first, would fail on the oversized body and show only a bare "bad request".
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadTooLargeFilterAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public const string Message =
        "Tệp tải lên quá lớn: ảnh bìa tối đa 5 MB. Bản tin chưa được lưu. Hãy quay lại trang trước (nút Quay lại của trình duyệt giữ nguyên nội dung đã nhập) và chọn ảnh nhỏ hơn.";

    /// <summary>After sign-in checks, before the anti-forgery check (order 1000) reads the body.</summary>
    public int Order => 100;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.Request.ContentLength > CoverImageStore.RequestLimitBytes)
        {
            var viewData = new ViewDataDictionary<string>(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), context.ModelState)
            {
                Model = Message,
            };
            context.Result = new ViewResult
            {
                ViewName = "~/Views/Error/BadRequest.cshtml",
                ViewData = viewData,
                StatusCode = StatusCodes.Status413PayloadTooLarge,
            };
        }
    }
}

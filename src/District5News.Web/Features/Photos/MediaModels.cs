using System.ComponentModel.DataAnnotations;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Paging;
using District5News.Web.Routing;

namespace District5News.Web.Features.Photos;

/// <summary>What the upload form (and the editor's photo panel) posts.</summary>
public sealed class MediaUploadInput
{
    public IFormFile? File { get; set; }

    [Required(ErrorMessage = PhotoMessages.AltRequired)]
    [VietnameseStringLength(PhotoLimits.AltTextLength, ErrorMessage = "Mô tả ảnh dài tối đa {1} ký tự.")]
    public string? AltText { get; set; }

    [VietnameseStringLength(PhotoLimits.CaptionLength, ErrorMessage = "Chú thích dài tối đa {1} ký tự.")]
    public string? Caption { get; set; }

    [VietnameseStringLength(PhotoLimits.CreditLength, ErrorMessage = "Tên tác giả ảnh dài tối đa {1} ký tự.")]
    public string? Credit { get; set; }
}

/// <summary>A photo of the library as a page or the editor uses it (also its JSON shape).</summary>
public sealed record MediaItem(
    int Id,
    string Src,
    string Thumbnail,
    string SrcSet,
    string AltText,
    string? Caption,
    string? Credit,
    int Width,
    int Height,
    string? UploadedBy,
    DateTime CreatedAtUtc,
    long StoredBytes);

public sealed record MediaLibraryViewModel(PagedList<MediaItem> Photos)
{
    /// <summary>The upload form's fields (what was typed, when an upload came back refused).</summary>
    public MediaUploadInput Input { get; init; } = new();

    public static string PageUrl(int page) => page <= 1 ? AdminRoutes.Media : $"{AdminRoutes.Media}?page={page}";
}

/// <summary>One page of the library for the editor's "Ảnh đã tải lên" panel.</summary>
public sealed record MediaPickerPage(IReadOnlyList<MediaItem> Items, int Page, bool HasMore);

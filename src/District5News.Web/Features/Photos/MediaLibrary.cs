using System.ComponentModel.DataAnnotations;
using System.Text;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Paging;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Photos;

/// <summary>What became of an upload: the stored photo, or every problem with the form.</summary>
public sealed record MediaUploadResult(MediaItem? Saved, IReadOnlyList<FieldError> Errors);

/// <summary>The media library: photos uploaded through the image pipeline, with their alt text, caption and credit.</summary>
public sealed class MediaLibrary(NewsDbContext db, ImagePipeline pipeline, MediaFiles files, TimeProvider clock)
{
    public const int PageSize = 24;

    public const int PickerPageSize = 12;

    public async Task<MediaUploadResult> UploadAsync(MediaUploadInput input, StaffMember who, CancellationToken cancellationToken)
    {
        input.AltText = Clean(input.AltText);
        input.Caption = Clean(input.Caption);
        input.Credit = Clean(input.Credit);

        var errors = new List<FieldError>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(r => new FieldError(r.MemberNames.FirstOrDefault() ?? string.Empty, r.ErrorMessage ?? string.Empty)));
        }

        ProcessedPhoto? photo = null;
        if (input.File is null)
        {
            errors.Add(new(nameof(input.File), "Vui lòng chọn một ảnh để tải lên."));
        }
        else
        {
            var result = await pipeline.ProcessAsync(input.File, PhotoLimits.MaxBytes, PhotoMessages.TooLarge, cancellationToken);
            photo = result.Photo;
            if (result.Error is not null)
            {
                errors.Add(new(nameof(input.File), result.Error));
            }
        }

        if (errors.Count > 0 || photo is null)
        {
            return new MediaUploadResult(null, errors);
        }

        await files.WriteAsync(photo, cancellationToken);
        var media = NewMedia(photo, input.AltText!, input.Caption, input.Credit, who, clock.GetUtcNow().UtcDateTime);
        db.Media.Add(media);
        await db.SaveChangesAsync(cancellationToken);
        return new MediaUploadResult(ToItem(media), []);
    }

    /// <summary>A record for a processed photo whose files are written; added by the caller, saved with its own changes.</summary>
    public static Media NewMedia(ProcessedPhoto photo, string altText, string? caption, string? credit, StaffMember who, DateTime nowUtc) => new()
    {
        Key = photo.Key,
        Widths = ResponsiveImage.FormatWidths(photo.Widths),
        Width = photo.Width,
        Height = photo.Height,
        FallbackPath = photo.Image.Src,
        StoredBytes = photo.StoredBytes,
        AltText = altText,
        Caption = caption,
        Credit = credit,
        UploadedById = who.Id,
        UploadedByName = who.Name,
        CreatedAtUtc = nowUtc,
    };

    public async Task<MediaLibraryViewModel> GetPageAsync(int page, CancellationToken cancellationToken)
    {
        var rows = await Newest().ToPagedListAsync(page, PageSize, cancellationToken);
        return new MediaLibraryViewModel(new PagedList<MediaItem>(rows.Items.Select(ToItem).ToList(), rows.PageNumber, rows.PageSize, rows.TotalItemCount));
    }

    public async Task<MediaPickerPage> GetPickerPageAsync(int page, CancellationToken cancellationToken)
    {
        var rows = await Newest().Skip(PageRequest.Skip(page, PickerPageSize)).Take(PickerPageSize + 1).ToListAsync(cancellationToken);
        return new MediaPickerPage(rows.Take(PickerPageSize).Select(ToItem).ToList(), page, rows.Count > PickerPageSize);
    }

    private IQueryable<Media> Newest() => db.Media.AsNoTracking().OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id);

    public static MediaItem ToItem(Media media)
    {
        var image = new ResponsiveImage(media.Key, ResponsiveImage.ParseWidths(media.Widths), media.Width, media.Height);
        return new MediaItem(media.Id, image.Src, MediaPaths.Public(media.Key, image.Widths[0], PhotoFormat.Jpeg), image.SrcSet(PhotoFormat.Jpeg),
            media.AltText, media.Caption, media.Credit, media.Width, media.Height, media.UploadedByName, media.CreatedAtUtc, media.StoredBytes);
    }

    /// <summary>Trimmed, in NFC (text typed on some keyboards arrives decomposed), null when empty.</summary>
    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(NormalizationForm.FormC);
}

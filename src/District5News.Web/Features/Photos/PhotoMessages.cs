using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Photos;

/// <summary>What staff read when a photo is refused: what is wrong and what to do, in Vietnamese.</summary>
public static class PhotoMessages
{
    public const string Empty = "Tệp ảnh rỗng. Vui lòng chọn lại ảnh.";

    /// <summary>The start of every "not an image of ours" message; the rest says what the file seems to be.</summary>
    public const string NotAnImage = "Tệp này không phải là ảnh JPEG, PNG hoặc WebP";

    public const string Polyglot =
        "Tệp ảnh này có lẫn mã trang web hoặc tài liệu bên trong (tệp ghép), nên không được nhận. Hãy xuất lại ảnh từ máy ảnh hoặc điện thoại rồi tải lên.";

    public const string Undecodable = "Không đọc được ảnh: tệp bị hỏng hoặc không trọn vẹn. Vui lòng chọn lại ảnh.";

    public const string Animated = "Ảnh động không được nhận: vui lòng chọn một ảnh tĩnh (JPEG, PNG hoặc WebP).";

    public const string AltRequired = "Vui lòng nhập mô tả ảnh (văn bản thay thế) cho người không xem được ảnh.";

    public static readonly string TooLarge = $"Tệp ảnh quá lớn: tối đa {PhotoLimits.MaxSizeText}. Vui lòng chọn ảnh nhỏ hơn.";

    /// <summary>Starts every message about a photo's dimensions (a decompression bomb among them).</summary>
    public const string TooManyPixelsStart = "Ảnh có kích thước quá lớn";

    public static string WrongType(string? whatItIs) =>
        NotAnImage + (whatItIs is null ? string.Empty : $" ({whatItIs})") + ". Vui lòng chọn một tệp ảnh.";

    public static string TooManyPixels(long width, long height) =>
        $"{TooManyPixelsStart}: {VietnameseFormat.Number(width)} × {VietnameseFormat.Number(height)} điểm ảnh. Ảnh được nhận có tối đa "
        + $"{VietnameseFormat.Number(PhotoLimits.MaxPixels / 1_000_000)} triệu điểm ảnh và mỗi cạnh tối đa {VietnameseFormat.Number(PhotoLimits.MaxSide)} điểm ảnh. "
        + "Hãy thu nhỏ ảnh rồi tải lên lại.";
}

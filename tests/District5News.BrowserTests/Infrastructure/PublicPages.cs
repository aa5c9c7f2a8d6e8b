namespace District5News.BrowserTests.Infrastructure;

/// <summary>One page of each kind a resident (or a crawler) reaches, over the demo content.</summary>
public static class PublicPages
{
    /// <summary>A bulletin in the middle of its category, so its page shows TIN MỚI HƠN, TIN ĐÃ ĐƯA and "Xem tiếp".</summary>
    public const string ArticleTitle = "Hội nghị Ban Chấp hành Đảng bộ quận bàn nhiệm vụ những tháng cuối năm";

    /// <remarks>"search-form" and "day-picker" are the forms' own addresses without input (issue 11: a page, not 400).</remarks>
    public static readonly string[] Names = ["home", "category", "article", "day", "month", "search", "search-form", "day-picker", "signin", "not-found", "about", "contact", "english", "procedures", "documents", "questions", "ask-question"];

    /// <summary>The status each page must answer with: all 200 except the missing bulletin.</summary>
    public static System.Net.HttpStatusCode ExpectedStatus(string name) =>
        name == "not-found" ? System.Net.HttpStatusCode.NotFound : System.Net.HttpStatusCode.OK;

    public static async Task<string> PathAsync(BrowserAppFactory app, string name) => name switch
    {
        "home" => "/",
        "category" => "/chuyen-muc/van-hoa-xa-hoi",
        "article" => await app.ArticleUrlAsync(ArticleTitle),
        "day" => "/theo-ngay/2026/11/25",
        "month" => "/theo-ngay/2026/11",
        "search" => "/tim-kiem?q=" + Uri.EscapeDataString("cho an dong"),
        "search-form" => "/tim-kiem",
        "day-picker" => "/theo-ngay",
        "signin" => "/tai-khoan/dang-nhap",
        "not-found" => "/tin-tuc/999999/khong-co",
        "about" => "/gioi-thieu",
        "contact" => "/lien-he/an-dong",
        "english" => "/en",
        "procedures" => "/thu-tuc-hanh-chinh",
        "documents" => "/van-ban",
        "questions" => "/hoi-dap",
        "ask-question" => "/hoi-dap/dat-cau-hoi",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown page"),
    };
}

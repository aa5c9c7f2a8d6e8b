using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.RegularExpressions;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace District5News.IntegrationTests.Residents;

/// <summary>Dates read the Vietnamese way, the forms' own addresses answer a page, and the wording is Vietnamese (issue 11 §5).</summary>
public sealed class DayPickerAndWordingTests(ReaderSiteFactory app) : IClassFixture<ReaderSiteFactory>
{
    [Theory]
    [InlineData("25/11/2026", "/theo-ngay/2026/11/25")]
    [InlineData(" 5/1/2026 ", "/theo-ngay/2026/01/05")]
    [InlineData("29/02/2028", "/theo-ngay/2028/02/29")]
    [InlineData("2026-11-10", "/theo-ngay/2026/11/10")] // links made for the former date field still work
    public async Task DayPicker_ADayWrittenNgayThangNam_RedirectsToThatDay(string typed, string expected)
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/theo-ngay?ngay=" + Uri.EscapeDataString(typed), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("31/02/2026", "Ngày 31/02/2026 không có trong lịch: tháng 2/2026 chỉ có 28 ngày.")]
    [InlineData("29/02/2027", "Ngày 29/02/2027 không có trong lịch: tháng 2/2027 chỉ có 28 ngày.")]
    [InlineData("12/13/2026", "Tháng 13 không có: tháng chỉ từ 1 đến 12.")]
    [InlineData("11/25/2026", "Tháng 25 không có: tháng chỉ từ 1 đến 12.")]
    [InlineData("hôm qua", "“hôm qua” không phải là một ngày.")]
    public async Task DayPicker_AWrongDate_Answers400WithTheFormAndAVietnameseReason(string typed, string reason)
    {
        var (response, page) = await Html.GetAsync(app.CreateBrowser(), "/theo-ngay?ngay=" + Uri.EscapeDataString(typed));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = page.Text("[data-test=error-message]");
        Assert.StartsWith(reason, message, StringComparison.Ordinal);
        Assert.DoesNotContain("The ", message, StringComparison.Ordinal);
        var field = page.QuerySelector("[data-test=day-picker-page-form] input[name=ngay]")!;
        Assert.Equal(typed, field.GetAttribute("value"));
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task DayPicker_TheFieldTakesNgayThangNam_NotTheBrowsersDateField()
    {
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), "/theo-ngay/2026/11/10");

        var field = page.QuerySelector("[data-test=date-form] input[name=ngay]")!;
        Assert.Equal("text", field.GetAttribute("type"));
        Assert.Equal("10/11/2026", field.GetAttribute("value"));
        Assert.Contains("ngày/tháng/năm", page.QuerySelector($"label[for={field.Id}]")!.TextContent, StringComparison.Ordinal);

        // The browser checks the pattern as a whole-value JavaScript pattern; .NET reads these simple ones alike.
        var pattern = new Regex("^(?:" + field.GetAttribute("pattern") + ")$", RegexOptions.ECMAScript);
        Assert.Matches(pattern, "25/11/2026");
        Assert.Matches(pattern, "5/1/2026");
        Assert.DoesNotMatch(pattern, "2026-11-25");
        Assert.DoesNotMatch(pattern, "25/11/26");
    }

    [Theory]
    [InlineData("/theo-ngay", "[data-test=day-picker-page-form] input[name=ngay]")]
    [InlineData("/theo-ngay?ngay=", "[data-test=day-picker-page-form] input[name=ngay]")]
    [InlineData("/tim-kiem", ".search-page-form input[name=q]")]
    [InlineData("/tim-kiem?q=", ".search-page-form input[name=q]")]
    [InlineData("/tim-kiem?q=%20%20", ".search-page-form input[name=q]")]
    public async Task FormAddresses_WithoutInput_AnswerThePageToUseThem(string url, string field)
    {
        var (response, page) = await Html.GetAsync(app.CreateBrowser(), url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(field));
        Assert.Null(page.QuerySelector("[data-test=error-message], [data-test=search-error]"));
        Assert.Empty(page.QuerySelectorAll("[data-test=search-result]"));
    }

    [Fact]
    public async Task Search_NothingFound_SaysSoInOneLine()
    {
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), "/tim-kiem?q=khongcotukhoanay");

        var lines = page.QuerySelectorAll("main p").Select(p => p.TextContent.Trim()).Where(t => t.Contains("tìm", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(["Không tìm thấy bản tin nào cho “khongcotukhoanay”. Hãy thử từ khóa khác hoặc ít từ hơn."], lines);
        Assert.DoesNotContain("Tìm thấy 0", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Day_NeighbourDays_ReadNgayCoTinGanNhat()
    {
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), "/theo-ngay/2026/11/10");

        Assert.Equal("« Ngày có tin gần nhất trước: 25/10/2026", page.Text("[data-test=previous-day]"));
        Assert.Equal("Ngày có tin gần nhất sau: 11/11/2026 »", page.Text("[data-test=next-day]"));
        Assert.Equal("Xem cả tháng 11/2026", page.Text(".page-info a"));
    }

    [Fact]
    public async Task Month_NeighbourMonths_ReadThangMmYyyy()
    {
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), "/theo-ngay/2026/11");

        Assert.Equal(["« Tháng 10/2026", "Tháng 12/2026 »"], page.Texts(".day-nav a"));
    }

    [Fact]
    public async Task Article_TimestampKeepsTheOldPortalsLongForm()
    {
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), $"/tin-tuc/{app.Evening.Id}/{app.Evening.Slug}");

        Assert.Equal("10 Tháng Mười Một 2026 8:30:00 CH", page.Text("[data-test=published]"));
    }

    [Fact]
    public async Task Statistics_NameTheTotalTongLuotTruyCap()
    {
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var (_, page) = await Html.GetAsync(admin, "/admin/thong-ke");

        var total = page.QuerySelector("[data-test=stats-total-visits]")!.ParentElement!;
        Assert.EndsWith("Tổng lượt truy cập", total.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("từ trước đến nay", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_TooLongEmail_IsRefusedInVietnamese()
    {
        var response = await app.CreateBrowser().PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", new()
        {
            ["Email"] = new string('a', 300) + "@quan5.gov.vn",
            ["Password"] = "mot-mat-khau-bat-ky",
        });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = page.QuerySelector(".error-message")!.TextContent;
        Assert.Contains("Email dài tối đa 256 ký tự.", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("The field", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationAttributesWithoutAMessage_GetAVietnameseOne()
    {
        var metadata = app.Services.GetRequiredService<IModelMetadataProvider>();

        string Message<TAttribute>(string property, string display)
            where TAttribute : ValidationAttribute =>
            metadata.GetMetadataForProperty(typeof(Probe), property).ValidatorMetadata.OfType<TAttribute>().Single().FormatErrorMessage(display);

        Assert.Equal("Email dài tối đa 256 ký tự.", Message<StringLengthAttribute>(nameof(Probe.Email), "Email"));
        Assert.Equal("Vui lòng nhập Họ tên.", Message<RequiredAttribute>(nameof(Probe.Name), "Họ tên"));
        Assert.Equal("Số năm phải nằm trong khoảng từ 1 đến 10.", Message<RangeAttribute>(nameof(Probe.Years), "Số năm"));
    }

    [Fact]
    public void ModelBindingMessages_AreVietnamese()
    {
        var messages = app.Services.GetRequiredService<IOptions<MvcOptions>>().Value.ModelBindingMessageProvider;

        var all = new[]
        {
            messages.AttemptedValueIsInvalidAccessor("abc", "page"),
            messages.ValueMustBeANumberAccessor("page"),
            messages.MissingBindRequiredValueAccessor("page"),
            messages.ValueIsInvalidAccessor("abc"),
            messages.ValueMustNotBeNullAccessor("abc"),
            messages.UnknownValueIsInvalidAccessor("page"),
            messages.NonPropertyAttemptedValueIsInvalidAccessor("abc"),
            messages.NonPropertyUnknownValueIsInvalidAccessor(),
            messages.NonPropertyValueMustBeANumberAccessor(),
            messages.MissingKeyOrValueAccessor(),
            messages.MissingRequestBodyRequiredValueAccessor(),
        };
        Assert.All(all, m => Assert.DoesNotMatch(@"\b(The|value|field|is|must|required|provided)\b", m));
        Assert.Equal("Giá trị “abc” không hợp lệ cho “page”.", all[0]);
    }

    /// <summary>An input model the way a later feature might write one: attributes without their own messages.</summary>
    private sealed class Probe
    {
        [StringLength(256)]
        public string? Email { get; set; }

        [Required]
        public string? Name { get; set; }

        [Range(1, 10)]
        public int Years { get; set; }
    }
}

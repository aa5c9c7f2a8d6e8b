using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>The publication time as a day field and a time field: half typed never becomes "now"; the form says what "Đăng" will do.</summary>
public sealed class PublishTimeFieldTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    [Theory]
    [InlineData("23/12/2026", "", "bạn đã nhập ngày nhưng chưa nhập giờ")]
    [InlineData("", "08:15", "bạn đã nhập giờ nhưng chưa nhập ngày")]
    [InlineData("23/12/20", "08:15", "Thời điểm đăng không hợp lệ")]
    [InlineData("31/02/2026", "08:15", "Thời điểm đăng không hợp lệ")]
    [InlineData("23/12/2026", "8:1", "Thời điểm đăng không hợp lệ")]
    [InlineData("23/12/2026", "25:00", "Thời điểm đăng không hợp lệ")]
    [InlineData("12/23/2026", "08:15", "Thời điểm đăng không hợp lệ")]
    public async Task Publish_HalfTypedOrInvalidTime_Is400WithTheMessageBesideTheField_AndNothingSaved(string date, string time, string message)
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var before = await app.WithDbAsync(db => db.Articles.CountAsync());
        var fields = EditorForms.Fields("Bản tin giờ đăng gõ dở", "<p>Nội dung.</p>");
        fields["Input.PublishDate"] = date;
        fields["Input.PublishTime"] = time;

        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl, fields, "publish");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var error = page.QuerySelector("[data-test=article-form] fieldset.publish-time [data-test=error-PublishAt]");
        Assert.NotNull(error);
        Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("[data-test=error-PublishAt]"), e => e.TextContent.Trim().Length > 0);
        Assert.Equal(date, page.QuerySelector("[data-test=publish-date]")!.GetAttribute("value"));
        Assert.Equal(time, page.QuerySelector("[data-test=publish-time]")!.GetAttribute("value"));
        Assert.StartsWith("Chưa đăng được", page.Text("[data-test=publish-outcome]"), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Publish_BothFieldsEmpty_PublishesNow_AndTheFormSaysDangNgay()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var (_, form) = await Html.GetAsync(editor, EditorForms.CreateUrl);
        Assert.Equal("Đăng ngay", form.Text("[data-test=publish-outcome]"));
        Assert.Equal("text", form.QuerySelector("[data-test=publish-date]")!.GetAttribute("type"));
        Assert.Equal("text", form.QuerySelector("[data-test=publish-time]")!.GetAttribute("type"));
        Assert.Null(form.QuerySelector("input[type=datetime-local], input[type=date], input[type=time]"));

        var fields = EditorForms.Fields("Bản tin đăng ngay", "<p>Nội dung.</p>");
        fields["Input.PublishDate"] = string.Empty;
        fields["Input.PublishTime"] = string.Empty;
        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl, fields, "publish");

        var id = EditorForms.IdFrom(response);
        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, article.PublishedAtUtc);
    }

    [Theory]
    [InlineData("23/12/2026", "08:15", "Sẽ đăng lúc 8:15 sáng 23/12/2026", 1, 15)]
    [InlineData("1/12/2026", "20:05", "Sẽ đăng lúc 8:05 tối 01/12/2026", 13, 5)]
    public async Task Publish_DayAndTime_SchedulesAtThatVietnamTime_AndTheFormSaysSoInWords(string date, string time, string sentence, int utcHour, int utcMinute)
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var fields = EditorForms.Fields($"Bản tin hẹn giờ {Guid.NewGuid():N}", "<p>Nội dung.</p>");
        fields["Input.PublishDate"] = date;
        fields["Input.PublishTime"] = time;

        var id = EditorForms.IdFrom(await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl, fields, "publish"));

        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        var day = DateOnly.ParseExact(date, "d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateTime(day.Year, day.Month, day.Day, utcHour, utcMinute, 0, DateTimeKind.Utc), article.PublishedAtUtc);
        var (_, form) = await Html.GetAsync(editor, EditorForms.EditUrl(id));
        Assert.Equal(sentence, form.Text("[data-test=publish-outcome]"));
        Assert.Equal(day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("[data-test=publish-date]")!.GetAttribute("value"));
        Assert.Equal(time.PadLeft(5, '0'), form.QuerySelector("[data-test=publish-time]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Publish_OldSingleField_StillAccepted()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var id = await EditorForms.CreateAsync(editor, "Bản tin từ biểu mẫu cũ", publishAtVietnam: "2026-11-01T07:30");

        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(new DateTime(2026, 11, 1, 0, 30, 0, DateTimeKind.Utc), article.PublishedAtUtc);
        var (_, form) = await Html.GetAsync(editor, EditorForms.EditUrl(id));
        Assert.Equal("Đăng với thời điểm đã qua: 7:30 sáng 01/11/2026", form.Text("[data-test=publish-outcome]"));
    }

    [Fact]
    public async Task CoverPicker_IsLabelledInVietnamese()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var (_, form) = await Html.GetAsync(editor, EditorForms.CreateUrl);

        var button = form.QuerySelector("label[for=Input_Cover][data-test=cover-button]")!;
        Assert.Equal("Chọn ảnh bìa từ máy…", button.TextContent.Trim());
        Assert.Equal("cover-label", form.QuerySelector("#Input_Cover")!.GetAttribute("aria-labelledby"));
        Assert.StartsWith("Ảnh bìa", form.Text("#cover-label"), StringComparison.Ordinal);
    }
}

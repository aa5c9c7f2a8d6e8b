using System.Net;
using District5News.IntegrationTests.Admin.Administration;
using District5News.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Documents;

/// <summary>Issue 12 §2 "Hỏi đáp": residents ask a ward, its staff answer and publish, the contact is never public.</summary>
public sealed class ResidentQuestionTests
{
    private const string AskUrl = "/hoi-dap/dat-cau-hoi";
    private const string Phone = "0909 123 456";

    private static Dictionary<string, string> Question(string contact = Phone) => new()
    {
        ["Name"] = "Trần Thị Hoa",
        ["Contact"] = contact,
        ["Unit"] = "cho-lon",
        ["Title"] = "Thủ tục đăng ký tạm trú cho người thuê trọ",
        ["Text"] = "Tôi cho sinh viên thuê phòng trọ.\nXin hỏi đăng ký tạm trú cho các em ở đâu, cần giấy tờ gì?",
        ["Website"] = "",
    };

    [Fact]
    public async Task AValidQuestion_IsKept_AndThanked_ButNotPublicUntilAnswered()
    {
        using var app = new NewsAppFactory();

        var response = await app.CreateBrowser().PostFormAsync(AskUrl, AskUrl, Question());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hoi-dap/da-gui", response.RedirectTarget());
        var (thanks, page) = await app.GetAsReaderAsync("/hoi-dap/da-gui");
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Equal("Cảm ơn bạn đã gửi câu hỏi", page.Text("[data-test=question-sent]"));
        var saved = await app.WithDbAsync(db => db.ResidentQuestions.Include(q => q.Unit).SingleAsync());
        Assert.Equal(("cho-lon", Phone, false), (saved.Unit!.Slug, saved.Contact, saved.IsPublished));
        var (_, list) = await app.GetAsReaderAsync("/hoi-dap");
        Assert.Empty(list.QuerySelectorAll("[data-test=question-item]"));
        var (hidden, _) = await app.GetAsReaderAsync($"/hoi-dap/{saved.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task BadInput_Is400_WithTheMessagesBesideTheFields_AndWhatWasTypedKept()
    {
        using var app = new NewsAppFactory();
        var fields = Question("gọi cho tôi");
        fields["Unit"] = "quan-5";
        fields["Text"] = "   ";

        var response = await app.CreateBrowser().PostFormAsync(AskUrl, AskUrl, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Số điện thoại chỉ gồm chữ số", page.Text("[data-test=error-Contact]"), StringComparison.Ordinal);
        Assert.Equal("Vui lòng chọn phường nhận câu hỏi.", page.Text("[data-test=error-Unit]"));
        Assert.Equal("Vui lòng nhập nội dung câu hỏi.", page.Text("[data-test=error-Text]"));
        Assert.Equal("Trần Thị Hoa", page.QuerySelector("[data-test=input-Name]")!.GetAttribute("value"));
        Assert.Equal("Thủ tục đăng ký tạm trú cho người thuê trọ", page.QuerySelector("[data-test=input-Title]")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.ResidentQuestions.CountAsync()));
    }

    [Fact]
    public async Task TheHoneypotFilled_IsAnsweredLikeASuccess_ButNothingIsKept()
    {
        using var app = new NewsAppFactory();
        var fields = Question();
        fields["Website"] = "http://spam.example/";

        var response = await app.CreateBrowser().PostFormAsync(AskUrl, AskUrl, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ResidentQuestions.CountAsync()));
    }

    [Fact]
    public async Task TheSixthQuestionFromOneAddressInTenMinutes_Is429()
    {
        using var app = new NewsAppFactory();
        var browser = app.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(AskUrl, AskUrl, Question())).StatusCode);
        }

        var refused = await browser.PostFormAsync(AskUrl, AskUrl, Question());
        var otherResident = await app.CreateBrowser().PostFormAsync(AskUrl, AskUrl, Question());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.Redirect, otherResident.StatusCode);
        Assert.Equal(6, await app.WithDbAsync(db => db.ResidentQuestions.CountAsync()));
    }

    [Fact]
    public async Task TheWardsEditorAnswersAndPublishes_ItIsListedAndSearchable_AndTheContactIsNeverPublic()
    {
        using var app = new NewsAppFactory();
        await app.CreateBrowser().PostFormAsync(AskUrl, AskUrl, Question("hoa.tran@example.vn"));
        var id = await app.WithDbAsync(db => db.ResidentQuestions.Select(q => q.Id).SingleAsync());
        var editor = await app.SignInEditorOfAsync("cho-lon");
        var (_, adminList) = await Html.GetAsync(editor, "/admin/hoi-dap");
        Assert.Equal("Chưa trả lời", adminList.Text("[data-test=question-status]"));
        var (_, answerPage) = await Html.GetAsync(editor, $"/admin/hoi-dap/{id}/tra-loi");
        Assert.Equal("hoa.tran@example.vn", answerPage.Text("[data-test=question-contact]"));

        var answered = await editor.PostFormAsync($"/admin/hoi-dap/{id}/tra-loi", $"/admin/hoi-dap/{id}/tra-loi", new()
        {
            ["Answer"] = "Chủ nhà thông báo lưu trú cho Công an phường.\n\nCó thể nộp trực tuyến trên Cổng Dịch vụ công Bộ Công an.",
            ["Publish"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var (_, list) = await app.GetAsReaderAsync("/hoi-dap");
        Assert.Equal(["Thủ tục đăng ký tạm trú cho người thuê trọ"], list.Texts("[data-test=question-item] a"));
        var (_, found) = await app.GetAsReaderAsync("/hoi-dap?q=dang+ky+TAM+TRU");
        Assert.Single(found.QuerySelectorAll("[data-test=question-item]"));
        var (_, foundByAnswer) = await app.GetAsReaderAsync("/hoi-dap?q=cong+an+phuong");
        Assert.Single(foundByAnswer.QuerySelectorAll("[data-test=question-item]"));
        var (_, notFound) = await app.GetAsReaderAsync("/hoi-dap?q=hoc+phi");
        Assert.Empty(notFound.QuerySelectorAll("[data-test=question-item]"));
        var detailUrl = list.QuerySelector("[data-test=question-item] a")!.GetAttribute("href")!;
        var (detail, page) = await app.GetAsReaderAsync(detailUrl);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("Chủ nhà thông báo lưu trú cho Công an phường.", page.Text("[data-test=question-answer]"), StringComparison.Ordinal);

        foreach (var url in new[] { "/hoi-dap", "/hoi-dap?q=tam+tru", detailUrl })
        {
            var html = await app.CreateBrowser().GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.DoesNotContain("hoa.tran", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("example.vn", html, StringComparison.OrdinalIgnoreCase);
        }

        // Unpublished again: gone from the public pages.
        await editor.PostFormAsync($"/admin/hoi-dap/{id}/tra-loi", $"/admin/hoi-dap/{id}/tra-loi", new() { ["Answer"] = "Đã trả lời qua điện thoại.", ["Publish"] = "false" });
        (_, list) = await app.GetAsReaderAsync("/hoi-dap");
        Assert.Empty(list.QuerySelectorAll("[data-test=question-item]"));
    }

    [Theory]
    [InlineData("???", "/hoi-dap/{0}/bai-viet")]
    [InlineData("Giờ làm việc thứ Bảy", "/hoi-dap/{0}/gio-lam-viec-thu-bay")]
    public async Task APublishedQuestion_HasOneAddress_EvenWhenItsTitleHasNoLetters_AndOthersRedirectToIt(string title, string expected)
    {
        using var app = new NewsAppFactory();
        var question = new District5News.Web.Data.Entities.ResidentQuestion
        {
            UnitId = await app.UnitIdAsync("cho-lon"), AskerName = "Lê Văn An", Contact = "0909 000 000", Title = title, Text = "Xin hỏi.", AskedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
        };
        question.SetAnswer("Từ 7 giờ 30 đến 11 giờ 30.", publish: true, "test", app.Clock.GetUtcNow().UtcDateTime);
        await app.WithDbAsync(db => { db.ResidentQuestions.Add(question); return db.SaveChangesAsync(); });
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, question.Id);

        var (response, page) = await app.GetAsReaderAsync(url);
        var (other, _) = await app.GetAsReaderAsync($"/hoi-dap/{question.Id}/sai-duong-dan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, page.Text("[data-test=question-title]"));
        Assert.Equal(HttpStatusCode.MovedPermanently, other.StatusCode);
        Assert.Equal(url, other.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnEditorOfAnotherWard_CannotSeeOrAnswerTheQuestion()
    {
        using var app = new NewsAppFactory();
        await app.CreateBrowser().PostFormAsync(AskUrl, AskUrl, Question());
        var id = await app.WithDbAsync(db => db.ResidentQuestions.Select(q => q.Id).SingleAsync());
        var other = await app.SignInEditorOfAsync("an-dong");

        var (_, list) = await Html.GetAsync(other, "/admin/hoi-dap");
        var (form, _) = await Html.GetAsync(other, $"/admin/hoi-dap/{id}/tra-loi");
        var post = await other.PostFormAsync("/admin/hoi-dap", $"/admin/hoi-dap/{id}/tra-loi", new() { ["Answer"] = "Trả lời trộm.", ["Publish"] = "true" });

        Assert.Empty(list.QuerySelectorAll("[data-test=question-row]"));
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var saved = await app.WithDbAsync(db => db.ResidentQuestions.SingleAsync());
        Assert.Null(saved.Answer);
        Assert.False(saved.IsPublished);
    }
}

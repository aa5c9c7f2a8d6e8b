using District5News.BrowserTests.Infrastructure;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Residents;

/// <summary>
/// Issue 12 §2 in a real Chromium: an editor of Chợ Lớn uploads a PDF that a resident finds by typing without tone
/// marks and downloads; a resident asks Chợ Lớn a question, the editor answers and publishes it, and it is listed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentsAndQuestionsJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private readonly BrowserAppFactory _app = fixture.App;

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task Editor_UploadsADocument_ResidentFindsItWithoutToneMarks_AndDownloadsIt(string device) =>
        fixture.JourneyAsync(output, device == "phone" ? Device.Phone : Device.Desktop, async (editor, journey) =>
        {
            var number = device == "phone" ? "211/KH-UBND" : "212/KH-UBND";
            var summary = device == "phone"
                ? "Kế hoạch tổ chức Lễ hội Ẩm thực đường phố Chợ Lớn"
                : "Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc";
            var query = device == "phone" ? "le hoi am thuc duong pho" : "ngay hoi dai doan ket";

            await editor.SignInAsync(_app, StaffRoles.Editor, units: ["cho-lon"]);
            await editor.Locator("[data-test=admin-menu]").GetByRole(AriaRole.Link, new() { Name = "Văn bản" }).ClickAsync();
            await editor.Locator("[data-test=create-document]").ClickAsync();
            await editor.Locator("[data-test=input-Type]").SelectOptionAsync(new SelectOptionValue { Label = "Kế hoạch" });
            await editor.Locator("[data-test=input-Number]").FillAsync(number);
            await editor.Locator("[data-test=input-Unit]").SelectOptionAsync(new SelectOptionValue { Label = "Phường Chợ Lớn" });
            await editor.Locator("[data-test=input-IssuingBody]").FillAsync("Ủy ban nhân dân Phường Chợ Lớn");
            await editor.Locator("[data-test=input-Signer]").FillAsync("Nguyễn Văn Đức");
            await editor.Locator("[data-test=input-IssuedOn]").FillAsync("2025-09-02");
            await editor.Locator("[data-test=input-Summary]").FillAsync(summary);
            await editor.Locator("[data-test=input-File]").SetInputFilesAsync(new FilePayload
            {
                Name = "ke-hoach.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray(),
            });
            await editor.Locator("[data-test=save]").ClickAsync();
            await Expect(editor.Locator("[data-test=flash]")).ToContainTextAsync($"Đã thêm Kế hoạch số {number}");

            var resident = await journey.NewPageAsync();
            await resident.GotoAsync(_app.Url("/"));
            await resident.Locator("[data-test=footer-nav]").GetByRole(AriaRole.Link, new() { Name = "Văn bản" }).ClickAsync();
            await resident.Locator("[data-test=document-q]").FillAsync(query);
            await resident.Locator("[data-test=document-search]").ClickAsync();
            var found = resident.Locator("[data-test=document-item] a");
            await Expect(found).ToHaveTextAsync($"Kế hoạch số {number}");
            await found.ClickAsync();
            await Expect(resident.Locator("[data-test=document-summary]")).ToHaveTextAsync(summary);
            var download = await resident.RunAndWaitForDownloadAsync(() => resident.Locator("[data-test=document-download]").ClickAsync());
            Assert.Equal("ke-hoach.pdf", download.SuggestedFilename);
        });

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task Resident_AsksAQuestion_TheEditorAnswersAndPublishes_ItIsListed(string device) =>
        fixture.JourneyAsync(output, device == "phone" ? Device.Phone : Device.Desktop, async (editor, journey) =>
        {
            var title = device == "phone" ? "Giờ tiếp công dân của phường vào thứ Bảy" : "Đăng ký tạm trú cho sinh viên thuê trọ";
            var resident = await journey.NewPageAsync();
            await resident.GotoAsync(_app.Url("/hoi-dap"));
            await resident.Locator("[data-test=ask-question]").ClickAsync();
            await resident.Locator("[data-test=input-Name]").FillAsync("Trần Thị Hoa");
            await resident.Locator("[data-test=input-Contact]").FillAsync("0909 123 456");
            await resident.Locator("[data-test=input-Unit]").SelectOptionAsync(new SelectOptionValue { Label = "Phường Chợ Lớn" });
            await resident.Locator("[data-test=input-Title]").FillAsync(title);
            await resident.Locator("[data-test=input-Text]").FillAsync("Xin hỏi cần chuẩn bị giấy tờ gì?");
            await resident.Locator("[data-test=send-question]").ClickAsync();
            await Expect(resident.Locator("[data-test=question-sent]")).ToHaveTextAsync("Cảm ơn bạn đã gửi câu hỏi");

            await editor.SignInAsync(_app, StaffRoles.Editor, units: ["cho-lon"]);
            await editor.Locator("[data-test=admin-menu]").GetByRole(AriaRole.Link, new() { Name = "Hỏi đáp" }).ClickAsync();
            await editor.Locator("[data-test=question-row]", new() { HasText = title }).Locator("[data-test=answer]").ClickAsync();
            await editor.Locator("[data-test=input-Answer]").FillAsync("Ông bà mang căn cước và hợp đồng thuê nhà đến bộ phận một cửa của phường.");
            await editor.Locator("[data-test=input-Publish]").CheckAsync();
            await editor.Locator("[data-test=save]").ClickAsync();
            await Expect(editor.Locator("[data-test=flash]")).ToContainTextAsync("Đã lưu và công bố");

            await resident.GotoAsync(_app.Url("/hoi-dap"));
            await resident.Locator("[data-test=question-q]").FillAsync(device == "phone" ? "gio tiep cong dan" : "tam tru sinh vien");
            await resident.Locator("[data-test=question-q]").PressAsync("Enter");
            var item = resident.Locator("[data-test=question-item] a");
            await Expect(item).ToHaveTextAsync(title);
            await item.ClickAsync();
            await Expect(resident.Locator("[data-test=question-answer]")).ToContainTextAsync("bộ phận một cửa");
            await Expect(resident.Locator("body")).Not.ToContainTextAsync("0909 123 456");
        });
}

using District5News.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Admin;

/// <summary>A bulletin as an editor writes it: every part typed or chosen through the form's own controls.</summary>
public sealed record BulletinDraft(
    string Title,
    string Lead,
    string Category,
    string Heading,
    string Intro,
    IReadOnlyList<string> ListItems,
    string LinkSentence,
    string LinkText,
    string LinkUrl,
    string CoverFileName)
{
    /// <summary>Reception hours at the district office: a heading, a list of places and a link to the full schedule.</summary>
    public static BulletinDraft ReceptionHours(string title) => new(
        Title: title,
        Lead: "Ủy ban nhân dân Phường Chợ Lớn thông báo lịch tiếp công dân định kỳ trong tháng 12 năm 2026.",
        Category: "Thông báo",
        Heading: "Lịch tiếp công dân tháng 12",
        Intro: "Lãnh đạo phường tiếp công dân vào sáng thứ Năm hằng tuần tại các địa điểm sau:",
        ListItems: ["Trụ sở Ủy ban nhân dân phường, tầng 1", "Bộ phận Tiếp công dân phường, tầng trệt"],
        LinkSentence: "Xem lịch chi tiết trên ",
        LinkText: "trang lịch tiếp công dân",
        LinkUrl: "https://quan5.hochiminhcity.gov.vn/lich-tiep-cong-dan",
        CoverFileName: "lich-tiep-dan.png");
}

/// <summary>Drives /admin/bai-viet's form: the plain fields, the contenteditable body with its toolbar, the cover input.</summary>
public static class BulletinEditor
{
    public static async Task WriteAsync(IPage page, BulletinDraft draft)
    {
        var form = page.Locator("[data-test=article-form]");
        await form.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync(draft.Title);
        await form.GetByLabel("Chuyên mục", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = draft.Category });
        await form.GetByLabel("Tóm tắt").FillAsync(draft.Lead);

        var body = page.Locator("[data-test=body-editor]");
        await Expect(body).ToBeVisibleAsync();
        await body.ClickAsync();

        // A heading: type the line, then make it one with the toolbar.
        await page.Keyboard.TypeAsync(draft.Heading);
        await Toolbar(page, "editor-h2").ClickAsync();
        await Expect(body.Locator("h2")).ToHaveTextAsync(draft.Heading);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(draft.Intro);
        await page.Keyboard.PressAsync("Enter");

        // A bulleted list: switch it on, one item a line, Enter on an empty item leaves the list.
        await Toolbar(page, "editor-ul").ClickAsync();
        await Expect(Toolbar(page, "editor-ul")).ToHaveAttributeAsync("aria-pressed", "true");
        for (var i = 0; i < draft.ListItems.Count; i++)
        {
            await page.Keyboard.TypeAsync(draft.ListItems[i]);
            await page.Keyboard.PressAsync("Enter");
        }

        await page.Keyboard.PressAsync("Enter");
        await Expect(body.Locator("ul > li")).ToHaveTextAsync(draft.ListItems.ToArray());

        // A link: select the words just typed, ask for a link, give its address in the editor's own panel.
        await page.Keyboard.TypeAsync(draft.LinkSentence + draft.LinkText);
        for (var i = 0; i < draft.LinkText.Length; i++)
        {
            await page.Keyboard.PressAsync("Shift+ArrowLeft");
        }

        await Toolbar(page, "editor-link").ClickAsync();
        var url = page.Locator("[data-test=editor-url]");
        await Expect(url).ToBeFocusedAsync();
        await url.FillAsync(draft.LinkUrl);
        await page.Locator("[data-test=editor-url-ok]").ClickAsync();
        await Expect(page.Locator("[data-test=editor-url-panel]")).ToBeHiddenAsync();
        await Expect(body.Locator("a")).ToHaveTextAsync(draft.LinkText);
        await Expect(body.Locator("a")).ToHaveAttributeAsync("href", draft.LinkUrl);

        await form.Locator("[data-test=cover]").SetInputFilesAsync(new FilePayload
        {
            Name = draft.CoverFileName,
            MimeType = "image/png",
            Buffer = TestImages.Png(),
        });
    }

    /// <summary>Adds a paragraph at the end of the body, as someone does who opens a saved bulletin to add a line.</summary>
    public static async Task AppendParagraphAsync(IPage page, string text)
    {
        var body = page.Locator("[data-test=body-editor]");
        await body.FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(text);
        await Expect(body).ToContainTextAsync(text);
    }

    private static ILocator Toolbar(IPage page, string test) => page.Locator($"[data-test=editor-toolbar] [data-test={test}]");
}

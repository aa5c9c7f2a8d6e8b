using District5News.BrowserTests.Infrastructure;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Editing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Admin;

/// <summary>Journey 4: an editor writes a bulletin with the editor's own controls and publishes it; a colleague's stale save is stopped.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private readonly BrowserAppFactory _app = fixture.App;

    [Fact]
    public Task Editor_WritesAndPublishesWithToolbarAndCover_ResidentsSeeItAndAStaleSaveGetsTheConflictMessage() =>
        fixture.JourneyAsync(output, Device.Desktop, async (page, journey) =>
        {
            var draft = BulletinDraft.ReceptionHours("Lịch tiếp công dân của lãnh đạo phường trong tháng 12");
            var authorEmail = await page.SignInAsync(_app, StaffRoles.Editor);
            await page.Locator("[data-test=admin-menu]").GetByRole(AriaRole.Link, new() { Name = "Bản tin" }).ClickAsync();
            await page.Locator("[data-test=create-link]").ClickAsync();
            await Expect(page).ToHaveURLAsync(_app.Url("/admin/bai-viet/tao-moi"));

            await BulletinEditor.WriteAsync(page, draft);
            await page.Locator("[data-test=publish]").ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/bai-viet/\\d+/sua$"));
            await Expect(page.Locator("[data-test=flash]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=state]")).ToHaveTextAsync(EditorStates.Label(EditorState.Published));
            await Expect(page.Locator("[data-test=cover-current]")).ToBeVisibleAsync();
            var editUrl = page.Url;

            // Residents see it: first on the home page, then its own page with everything the editor made.
            await page.GotoAsync(_app.Url("/"));
            await page.Locator("a.article-link", new() { HasText = draft.Title }).First.ClickAsync();
            await Expect(page.Locator("[data-test=title]")).ToHaveTextAsync(draft.Title);
            await Expect(page.Locator("[data-test=category]")).ToHaveTextAsync(draft.Category);
            await Expect(page.Locator("[data-test=lead]")).ToHaveTextAsync(draft.Lead);
            var body = page.Locator("[data-test=body]");
            await Expect(body.Locator("h2")).ToHaveTextAsync(draft.Heading);
            await Expect(body.Locator("p", new() { HasText = draft.Intro })).ToBeVisibleAsync();
            await Expect(body.Locator("ul > li")).ToHaveTextAsync(draft.ListItems.ToArray());
            var link = page.GetByRole(AriaRole.Link, new() { Name = draft.LinkText });
            await Expect(body.Locator(link)).ToHaveAttributeAsync("href", draft.LinkUrl);
            await Expect(body.Locator("p", new() { Has = link })).ToContainTextAsync(draft.LinkSentence.Trim());
            var cover = page.Locator("[data-test=article] img.cover");
            // Through the image pipeline (issue 13): the largest JPEG as src, a WebP from the srcset actually shown.
            await Expect(cover).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/uploads/media/[0-9a-f]{2}/[0-9a-f]{32}-1200\\.jpg$"));
            Assert.Matches("/uploads/media/[0-9a-f]{2}/[0-9a-f]{32}-[0-9]+\\.webp$",
                await cover.EvaluateAsync<string>("img => img.complete && img.naturalWidth > 0 ? img.currentSrc : ''"));

            // Two editors open the saved bulletin; the first saves, then the second, who has not seen that save.
            var colleague = await journey.NewPageAsync(errorPage: true);
            await colleague.SignInAsync(_app, StaffRoles.Editor);
            await colleague.GotoAsync(editUrl);
            await page.GotoAsync(editUrl);
            const string authorsLine = "Lịch có thể thay đổi khi lãnh đạo quận đi công tác đột xuất.";
            const string colleaguesLine = "Người dân cần mang theo căn cước công dân khi đến.";

            await BulletinEditor.AppendParagraphAsync(page, authorsLine);
            await page.Locator("[data-test=publish]").ClickAsync();
            await Expect(page.Locator("[data-test=flash]")).ToBeVisibleAsync();

            await BulletinEditor.AppendParagraphAsync(colleague, colleaguesLine);
            await colleague.Locator("[data-test=publish]").ClickAsync();

            // Both texts: the saved one (the author's) in the conflict box, the colleague's own still in the editor.
            var message = colleague.Locator("[data-test=conflict-message]");
            await Expect(message).ToBeVisibleAsync();
            await Expect(message).ToContainTextAsync(authorEmail);
            await Expect(message).ToContainTextAsync("chưa được lưu");
            var theirs = colleague.Locator("[data-test=conflict-theirs-body]");
            await Expect(theirs).ToContainTextAsync(authorsLine);
            await Expect(theirs).Not.ToContainTextAsync(colleaguesLine);
            var mine = colleague.Locator("[data-test=body-editor]");
            await Expect(mine).ToContainTextAsync(colleaguesLine);
            await Expect(mine).Not.ToContainTextAsync(authorsLine);
            await Expect(mine.Locator("h2")).ToHaveTextAsync(draft.Heading);
            var violations = await Axe.ViolationsAsync(colleague);
            Assert.True(violations.Count == 0, "axe-core found on the conflict page:\n" + string.Join('\n', violations));

            // Nothing the colleague typed reached residents, and the author's line did.
            await page.Locator("[data-test=public-link]").ClickAsync();
            await Expect(page.Locator("[data-test=body]")).ToContainTextAsync(authorsLine);
            await Expect(page.Locator("[data-test=body]")).Not.ToContainTextAsync(colleaguesLine);
        }, bypassCsp: true);
}

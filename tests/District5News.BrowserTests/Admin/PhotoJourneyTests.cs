using District5News.BrowserTests.Infrastructure;
using District5News.UnitTests.Photos;
using District5News.Web.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Admin;

/// <summary>Issue 13 §1: an editor pastes a phone photo (with GPS) into the body, captions it and publishes; residents get it without metadata, with a srcset.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhotoJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private readonly BrowserAppFactory _app = fixture.App;

    [Fact]
    public Task Editor_PastesAPhonePhotoWithGps_CaptionsAndPublishes_ResidentsGetItWithoutMetadataAndWithSrcset() =>
        fixture.JourneyAsync(output, Device.Desktop, bypassCsp: true, steps: async page =>
        {
            const string title = "Phường An Đông ra quân dọn vệ sinh kênh Hàng Bàng";
            const string alt = "Đoàn viên thanh niên vớt rác trên kênh Hàng Bàng";
            const string caption = "Ra quân sáng Chủ nhật";
            const string credit = "Ảnh: Phường An Đông";
            await page.SignInAsync(_app, StaffRoles.Editor);
            await page.GotoAsync(_app.Url("/admin/bai-viet/tao-moi"));
            var form = page.Locator("[data-test=article-form]");
            await form.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync(title);
            await form.GetByLabel("Chuyên mục", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Tin phường" });
            await form.GetByLabel("Tóm tắt").FillAsync("Hơn 100 đoàn viên tham gia làm sạch kênh.");
            var body = page.Locator("[data-test=body-editor]");
            await body.ClickAsync();
            await page.Keyboard.TypeAsync("Sáng nay, đoàn viên phường ra quân dọn vệ sinh.");
            await page.Keyboard.PressAsync("Enter");

            // Ctrl+V of a photo copied on a phone: the clipboard holds the JPEG file itself, GPS and orientation included.
            var phonePhoto = PhoneCameraPhotos.Jpeg(storedWidth: 1600, storedHeight: 1200, orientation: 6);
            Assert.NotEmpty(PhoneCameraPhotos.MetadataIn(phonePhoto));
            await body.EvaluateAsync(
                @"(area, base64) => {
                    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
                    const data = new DataTransfer();
                    data.items.add(new File([bytes], 'IMG_20261126_071500.jpg', { type: 'image/jpeg' }));
                    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
                }",
                Convert.ToBase64String(phonePhoto));

            var panel = page.Locator("[data-test=photo-panel]");
            await Expect(panel).ToBeVisibleAsync();
            await Expect(panel.Locator("[data-test=photo-file-name]")).ToHaveTextAsync("IMG_20261126_071500.jpg");
            var altField = panel.GetByLabel("Mô tả ảnh (bắt buộc)");
            await Expect(altField).ToBeFocusedAsync();

            // Without a description the photo is not inserted.
            await panel.Locator("[data-test=photo-insert]").ClickAsync();
            await Expect(panel.Locator("[data-test=photo-error]")).ToContainTextAsync("mô tả ảnh");
            await altField.FillAsync(alt);
            await panel.GetByLabel("Chú thích").FillAsync(caption);
            await panel.GetByLabel("Tác giả ảnh").FillAsync(credit);
            var violations = await Axe.ViolationsAsync(page);
            Assert.True(violations.Count == 0, "axe-core found on the editor with the photo panel:\n" + string.Join('\n', violations));
            await panel.Locator("[data-test=photo-insert]").ClickAsync();

            // Uploading, decoding and encoding four files takes a moment on a small server.
            var inserted = body.Locator("figure img");
            await Expect(inserted).ToHaveAttributeAsync("alt", alt, new() { Timeout = 60_000 });
            await Expect(inserted).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/uploads/media/[0-9a-f]{2}/[0-9a-f]{32}-1200\\.jpg$"));
            await Expect(body.Locator("figure figcaption")).ToHaveTextAsync($"{caption} — {credit}");
            await Expect(panel).ToBeHiddenAsync();
            await page.Keyboard.TypeAsync("Kênh sạch hơn sau buổi sáng.");

            await page.Locator("[data-test=publish]").ClickAsync();
            await Expect(page.Locator("[data-test=flash]")).ToBeVisibleAsync();

            await page.GotoAsync(_app.Url(await _app.ArticleUrlAsync(title)));
            var figure = page.Locator("[data-test=body] figure");
            var img = figure.Locator("picture > img");
            await Expect(img).ToHaveAttributeAsync("alt", alt);
            await Expect(img).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex("-480\\.jpg 480w, .*-1200\\.jpg 1200w$"));
            await Expect(figure.Locator("picture > source[type='image/webp']")).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex("-480\\.webp 480w, .*-1200\\.webp 1200w$"));
            await Expect(img).ToHaveAttributeAsync("sizes", District5News.Web.Features.Photos.ResponsiveImage.BodySizes);
            await Expect(img).ToHaveAttributeAsync("loading", "lazy");
            await Expect(img).ToHaveAttributeAsync("width", "1200");
            await Expect(img).ToHaveAttributeAsync("height", "1600"); // upright: the phone held it on its side
            await Expect(figure.Locator("figcaption")).ToHaveTextAsync($"{caption} — {credit}");

            await img.ScrollIntoViewIfNeededAsync();
            var shown = await img.EvaluateAsync<string>(
                "img => new Promise(done => img.complete ? done(img.currentSrc) : img.addEventListener('load', () => done(img.currentSrc)))");
            Assert.Matches("/uploads/media/[0-9a-f]{2}/[0-9a-f]{32}-[0-9]+\\.webp$", shown);
            foreach (var address in new[] { shown, _app.Url((await img.GetAttributeAsync("src"))!) })
            {
                var served = await page.Context.APIRequest.GetAsync(address);
                Assert.Equal(200, served.Status);
                Assert.Equal("nosniff", served.Headers["x-content-type-options"]);
                Assert.Empty(PhoneCameraPhotos.MetadataIn(await served.BodyAsync()));
            }

            var publicViolations = await Axe.ViolationsAsync(page);
            Assert.True(publicViolations.Count == 0, "axe-core found on the bulletin with a photo:\n" + string.Join('\n', publicViolations));

            // The photo is in the media library, ready to be used again.
            await page.GotoAsync(_app.Url("/admin/thu-vien-anh"));
            var card = page.Locator("[data-test=media-item]", new() { Has = page.GetByAltText(alt) });
            await Expect(card).ToContainTextAsync($"{caption} — {credit}");
            await Expect(card.Locator("[data-test=media-copy]")).ToBeVisibleAsync();
            var libraryViolations = await Axe.ViolationsAsync(page);
            Assert.True(libraryViolations.Count == 0, "axe-core found on the media library:\n" + string.Join('\n', libraryViolations));
        });
}

using District5News.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>Staff sign in the way people do: the account is made as the create-user command makes it, then the real form is filled in.</summary>
public static class StaffPages
{
    /// <summary>
    /// Creates (or resets) an account of <paramref name="role"/> and signs in with it; returns its e-mail. An editor
    /// writes for <paramref name="units"/> (slugs), by default <see cref="Staff.DefaultEditorUnit"/>.
    /// </summary>
    public static async Task<string> SignInAsync(this IPage page, BrowserAppFactory app, string role, string? email = null, IReadOnlyList<string>? units = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@quan5.local";
        await app.EnsureAccountAsync(email, role, units);
        await page.SignInWithPasswordAsync(app, email, Staff.Password);
        return email;
    }

    /// <summary>Signs in with an account that already exists, e.g. one an administrator just created in the browser.</summary>
    public static async Task SignInWithPasswordAsync(this IPage page, BrowserAppFactory app, string email, string password)
    {
        await page.GotoAsync(app.Url("/tai-khoan/dang-nhap"));
        var form = page.Locator("[data-test=signin-form]");
        await form.GetByLabel("Email").FillAsync(email);
        await form.GetByLabel("Mật khẩu").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        // The address is enough here (an assertion on it waits for no load event): the signed-in name below is in the
        // page's HTML and waits by itself. Waiting for the back office's load event timed out on a loaded CI machine's
        // first journey.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^https?://[^/]+/admin(/|$|\\?)"));
        await Assertions.Expect(page.Locator("[data-test=current-user]")).ToContainTextAsync(email);
    }
}

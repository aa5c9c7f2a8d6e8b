using District5News.IntegrationTests.Infrastructure;

namespace District5News.IntegrationTests.Security;

internal static class SecurityHelpers
{
    public const string WrongPassword = "KhongDung#2026x";

    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@quan5.local";

    /// <summary>Posts the sign-in form from the given browser (its own client address unless it was given one).</summary>
    public static Task<HttpResponseMessage> SignInFormAsync(this HttpClient browser, string email, string password) =>
        browser.PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>One sign-in attempt from a new browser at the given address.</summary>
    public static Task<HttpResponseMessage> SignInFromAsync(this NewsAppFactory app, string address, string email, string password) =>
        app.CreateBrowser(clientAddress: address).SignInFormAsync(email, password);
}

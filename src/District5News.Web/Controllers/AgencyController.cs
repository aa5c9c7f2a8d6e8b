using District5News.Web.Features.Agency;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>
/// The agency's own pages (Nghị định 42/2022/NĐ-CP, Art. 4(1)(e) and 7(2)): introduction and contacts of the default
/// unit at /gioi-thieu and /lien-he, of another current unit at /gioi-thieu/{slug} and /lien-he/{slug}, and the
/// English page /en.
/// </summary>
public sealed class AgencyController(UnitProfileQueries profiles, SiteSettingsCache settings) : PublicController
{
    [HttpGet(SiteRoutes.About)]
    public Task<IActionResult> About(CancellationToken cancellationToken) => ShowAsync("About", null, cancellationToken);

    [HttpGet(SiteRoutes.AboutUnit)]
    public Task<IActionResult> AboutUnit(string slug, CancellationToken cancellationToken) => ShowAsync("About", slug, cancellationToken);

    [HttpGet(SiteRoutes.Contact)]
    public Task<IActionResult> Contact(CancellationToken cancellationToken) => ShowAsync("Contact", null, cancellationToken);

    [HttpGet(SiteRoutes.ContactUnit)]
    public Task<IActionResult> ContactUnit(string slug, CancellationToken cancellationToken) => ShowAsync("Contact", slug, cancellationToken);

    [HttpGet(SiteRoutes.English)]
    public async Task<IActionResult> English(CancellationToken cancellationToken) => View(await profiles.GetEnglishAsync(cancellationToken));

    private async Task<IActionResult> ShowAsync(string view, string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null && slug == (await settings.GetAsync(cancellationToken)).DefaultUnitSlug)
        {
            // One address per page: the default unit's page is the plain one.
            return RedirectPermanent(view == "About" ? SiteRoutes.About : SiteRoutes.Contact);
        }

        return await profiles.GetPageAsync(slug, cancellationToken) is { } model
            ? View(view, model)
            : NotFoundPage("Không tìm thấy đơn vị này, hoặc đơn vị đã thôi hoạt động.");
    }
}

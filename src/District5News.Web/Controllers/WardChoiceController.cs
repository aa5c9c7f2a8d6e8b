using District5News.Web.Features.Units;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>
/// The home page's "Phường của bạn" form: keeps the choice in a cookie and sends the browser home (POST, then redirect,
/// so it works without JavaScript and a reload does not post again). No anti-forgery token: the home page is cached
/// and shared, and a forged post could only change which ward's news a browser sees first.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class WardChoiceController(WardPreference wards) : Controller
{
    [HttpPost(SiteRoutes.ChooseWard)]
    public async Task<IActionResult> Choose([FromForm(Name = WardPreference.Field)] string? ward, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(ward))
        {
            WardPreference.Remember(HttpContext, null);
        }
        else if (await wards.IsWardAsync(ward, cancellationToken))
        {
            WardPreference.Remember(HttpContext, ward);
        }
        else
        {
            return this.BadRequestPage("Phường đã chọn không hợp lệ. Vui lòng chọn Phường Chợ Quán, Phường An Đông hoặc Phường Chợ Lớn.");
        }

        return SeeOtherHome();
    }

    private StatusCodeResult SeeOtherHome()
    {
        Response.Headers.Location = SiteRoutes.Home;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}

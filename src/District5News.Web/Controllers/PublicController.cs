using District5News.Web.Features.Counting;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>Base of the public pages: counted, and with the two Vietnamese answers to bad input.</summary>
[CountedPage]
public abstract class PublicController : Controller
{
    /// <summary>400 with the Vietnamese explanation of what was wrong with the request.</summary>
    protected ViewResult BadInput(string message)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("~/Views/Error/BadRequest.cshtml", message);
    }

    /// <summary>404 with a Vietnamese explanation of what was not found.</summary>
    protected ViewResult NotFoundPage(string message)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("~/Views/Error/NotFound.cshtml", message);
    }

    /// <summary>Model binding failed (e.g. page=abc or a number too large): a 400, not a 500.</summary>
    protected bool HasInvalidInput(out ViewResult? result)
    {
        result = ModelState.IsValid ? null : BadInput("Địa chỉ trang có tham số không hợp lệ.");
        return result is not null;
    }
}

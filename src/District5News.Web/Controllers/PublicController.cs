using System.Diagnostics.CodeAnalysis;
using District5News.Web.Features.Counting;
using District5News.Web.Features.Paging;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>Base of the public pages: counted, and with the two Vietnamese answers to bad input.</summary>
[CountedPage]
public abstract class PublicController : Controller
{
    protected ViewResult BadInput(string message) => this.BadRequestPage(message);

    protected ViewResult NotFoundPage(string message) => ErrorPageExtensions.NotFoundPage(this, message);

    /// <summary>
    /// Reads the page number of a paged page. False, with the 400 page to return, when the query string did not bind
    /// (page=abc, a number too large) or the number is out of range (0, negative, absurd).
    /// </summary>
    protected bool TryGetPage(int? page, out int pageNumber, [NotNullWhen(false)] out ViewResult? badInput)
    {
        if (!ModelState.IsValid)
        {
            pageNumber = 0;
            badInput = BadInput("Địa chỉ trang có tham số không hợp lệ.");
            return false;
        }

        badInput = PageRequest.TryValidate(page, out pageNumber)
            ? null
            : BadInput("Số trang không hợp lệ: số trang phải là số nguyên dương.");
        return badInput is null;
    }
}

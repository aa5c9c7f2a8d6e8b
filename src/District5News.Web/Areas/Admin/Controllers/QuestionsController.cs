using District5News.Web.Features.Paging;
using District5News.Web.Features.Questions;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>Residents' questions in the back office: staff of the addressed ward answer and publish; administrators all.</summary>
public sealed class QuestionsController(ResidentQuestions questions) : AdminController
{
    [HttpGet(AdminRoutes.Questions)]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken) =>
        PageRequest.TryValidate(page, out var pageNumber) && ModelState.IsValid
            ? View(await questions.AdminListAsync(User, pageNumber, cancellationToken))
            : BadInput("Số trang không hợp lệ.");

    [HttpGet(AdminRoutes.QuestionAnswer)]
    public async Task<IActionResult> Answer(int id, CancellationToken cancellationToken)
    {
        var (form, status) = await questions.GetAnswerFormAsync(User, id, null, null, cancellationToken);
        return form is not null ? View(form) : Refused(status);
    }

    [HttpPost(AdminRoutes.QuestionAnswer)]
    public async Task<IActionResult> Answer(int id, AnswerInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (status, message, errors) = await questions.AnswerAsync(User, id, input, cancellationToken);
        if (status == StatusCodes.Status200OK)
        {
            TempData["Message"] = message;
            return Redirect(AdminRoutes.Questions);
        }

        if (status != StatusCodes.Status400BadRequest)
        {
            return Refused(status);
        }

        var (form, _) = await questions.GetAnswerFormAsync(User, id, input, errors, cancellationToken);
        Response.StatusCode = status;
        ViewData["FormError"] = message;
        return View(form);
    }

    private ViewResult Refused(int status) =>
        UnitRefusal(status, status == StatusCodes.Status404NotFound ? ResidentQuestions.NotFoundMessage : ResidentQuestions.ForbiddenMessage);
}

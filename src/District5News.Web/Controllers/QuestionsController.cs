using District5News.Web.Features.Caching;
using District5News.Web.Features.Questions;
using District5News.Web.Hosting;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace District5News.Web.Controllers;

/// <summary>Residents' questions: the published answers, one question, the form (honeypot, rate limit) and its thank-you page.</summary>
public sealed class QuestionsController(ResidentQuestions questions) : PublicController
{
    [HttpGet(SiteRoutes.Questions)]
    [PageCached(VaryByQuery = ["q", "page"])]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken)
    {
        if (!TryGetPage(page, out var pageNumber, out var badInput))
        {
            return badInput;
        }

        var (model, error) = await questions.ListAsync(q, pageNumber, cancellationToken);
        if (model is null)
        {
            return BadInput(error!);
        }

        return pageNumber > model.Questions.PageCount
            ? NotFoundPage($"Danh sách hỏi đáp chỉ có {model.Questions.PageCount} trang.")
            : View(model);
    }

    [HttpGet(SiteRoutes.Question)]
    public async Task<IActionResult> Show(int id, string? slug, CancellationToken cancellationToken)
    {
        if (await questions.GetAsync(id, cancellationToken) is not { } question)
        {
            return NotFoundPage("Không tìm thấy câu hỏi này, hoặc câu hỏi chưa được trả lời công khai.");
        }

        return (slug ?? string.Empty) == question.Slug ? View(question) : RedirectPermanent(question.Url);
    }

    [HttpGet(SiteRoutes.QuestionAsk)]
    [NoPageCache]
    public async Task<IActionResult> Ask(CancellationToken cancellationToken) => View(await questions.GetFormAsync(null, null, cancellationToken));

    [HttpPost(SiteRoutes.QuestionAsk)]
    [EnableRateLimiting(RateLimitingExtensions.QuestionPolicy)]
    public async Task<IActionResult> Ask(QuestionInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await questions.SubmitAsync(input, cancellationToken);
        if (result.Outcome != QuestionSubmitOutcome.Invalid)
        {
            return Redirect(SiteRoutes.QuestionSent);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(await questions.GetFormAsync(input, result.Errors, cancellationToken));
    }

    [HttpGet(SiteRoutes.QuestionSent)]
    public IActionResult Sent() => View();
}

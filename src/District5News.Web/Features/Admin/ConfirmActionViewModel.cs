namespace District5News.Web.Features.Admin;

/// <summary>
/// The second step of a destructive action, as a page of its own: it works without JavaScript (a GET shows it, its
/// form POSTs the action), and the same words feed the dialog that JavaScript opens instead (wwwroot/js/confirm.js).
/// </summary>
/// <param name="Heading">The page's question ("Xóa hẳn bản tin?").</param>
/// <param name="Subject">What is about to be changed, in one sentence.</param>
/// <param name="Consequences">What will happen, one sentence each, the irreversible part first.</param>
/// <param name="PostUrl">Where the confirming form posts.</param>
/// <param name="ConfirmLabel">The destructive button's words.</param>
/// <param name="CancelUrl">Where "no" goes back to.</param>
/// <param name="CancelLabel">The way back's words.</param>
/// <param name="Fields">Hidden fields the form posts with the action.</param>
public sealed record ConfirmActionViewModel(
    string Heading,
    string Subject,
    IReadOnlyList<string> Consequences,
    string PostUrl,
    string ConfirmLabel,
    string CancelUrl,
    string CancelLabel,
    IReadOnlyDictionary<string, string>? Fields = null)
{
    /// <summary>The hidden fields as one "name=value" string for the link's data-confirm-fields (the dialog's copy).</summary>
    public string FieldsAttribute => Fields is null ? string.Empty : string.Join('&', Fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}

using System.Globalization;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Autosave;

/// <summary>How the form names an autosave's time: "10:15 26/11/2026", Vietnam time.</summary>
public static class AutosaveText
{
    public static string Time(DateTime utc) =>
        VietnamTime.ToVietnam(utc).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds since 1970 (what a script's Date.now() counts), for comparing with the device's copy.</summary>
    public static long UnixMilliseconds(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}

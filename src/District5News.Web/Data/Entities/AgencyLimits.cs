namespace District5News.Web.Data.Entities;

/// <summary>
/// Field limits of the site settings, unit profiles and procedure links: used by the EF mapping, the form
/// attributes and the messages that name a limit, so the three never disagree.
/// </summary>
public static class AgencyLimits
{
    public const int Name = 150;
    public const int Line = 300;
    public const int Address = 300;
    public const int Phone = 50;
    public const int Email = 254;
    public const int Text = 4000;
    public const int Person = 100;
    public const int Position = 150;
    public const int Leaders = 10;
    public const int LinkTitle = 200;
    public const int Url = 1000;
    public const int Group = 100;
    public const int LinkDescription = 300;
}

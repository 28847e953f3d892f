namespace Platform.Contracts;

/// <summary>How a service reaches the person: the desks worked by phone through the pandemic, and visit the housebound.</summary>
public static class ServiceChannels
{
    public const string InPerson = "in-person";
    public static readonly IReadOnlyList<string> All = [InPerson, "phone", "online", "home-visit"];
}

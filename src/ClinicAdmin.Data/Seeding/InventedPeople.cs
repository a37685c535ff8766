namespace ClinicAdmin.Data.Seeding;

/// <summary>
/// Invented names and street addresses for the demo clinic, from short fixed lists and a seeded generator: the demo is
/// the same on every machine, and the production app needs no fake-data library (Bogus stays in src/ClinicAdmin.Tools).
/// </summary>
public sealed class InventedPeople(int seed)
{
    private readonly Random _rnd = new(seed);

    private static readonly string[] Female =
    [
        "Amara", "Beatrice", "Camila", "Dana", "Elena", "Farah", "Greta", "Hana", "Imani", "Julia", "Keiko", "Leah", "Maya",
        "Nadia", "Olivia", "Priya", "Rosa", "Sofia", "Tamsin", "Uma", "Vera", "Wren", "Yara", "Zara",
    ];

    private static readonly string[] Male =
    [
        "Aaron", "Bashir", "Carlos", "Dmitri", "Elias", "Felix", "Gabriel", "Hiro", "Isaac", "Jonas", "Kofi", "Liam", "Marcus",
        "Nikolai", "Omar", "Pavel", "Rafael", "Samuel", "Tobias", "Viktor", "Wesley", "Yusuf",
    ];

    private static readonly string[] Last =
    [
        "Abernathy", "Bergstrom", "Castellano", "Delacroix", "Eriksen", "Fairbanks", "Galloway", "Halvorsen", "Ishikawa",
        "Jablonski", "Kowalczyk", "Lindqvist", "Montgomery", "Nakamura", "Okonkwo", "Pemberton", "Quintero", "Rasmussen",
        "Sandoval", "Thorsen", "Underwood", "Valdivia", "Whitaker", "Yamamoto", "Zielinski", "Brennan", "Carrow", "Duarte",
    ];

    private static readonly string[] Streets =
    [
        "Willow Creek Rd", "Orchard Ln", "Lakeview Dr", "Maple Ave", "Prairie View Way", "Harbor St", "Birchwood Ct",
        "Old Mill Rd", "Sunset Blvd", "Cedar Ridge Dr", "Monona Ave", "University Ave",
    ];

    public string FirstName(bool female) => Pick(female ? Female : Male);
    public string LastName() => Pick(Last);
    public string StreetAddress() => $"{_rnd.Next(100, 9900)} {Pick(Streets)}";
    public T Pick<T>(params T[] items) => items[_rnd.Next(items.Length)];
    public string Letters(int count) => new(Enumerable.Range(0, count).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZ"[_rnd.Next(24)]).ToArray());
}

namespace ClinicAdmin.Domain.Common;

/// <summary>
/// Two-letter USPS codes of the places that issue professional licenses: the 50 states, the
/// District of Columbia and the inhabited territories (their boards license clinicians too).
/// </summary>
public static class UsStates
{
    public static readonly IReadOnlyDictionary<string, string> Names = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["AL"] = "Alabama", ["AK"] = "Alaska", ["AZ"] = "Arizona", ["AR"] = "Arkansas", ["CA"] = "California",
        ["CO"] = "Colorado", ["CT"] = "Connecticut", ["DE"] = "Delaware", ["FL"] = "Florida", ["GA"] = "Georgia",
        ["HI"] = "Hawaii", ["ID"] = "Idaho", ["IL"] = "Illinois", ["IN"] = "Indiana", ["IA"] = "Iowa",
        ["KS"] = "Kansas", ["KY"] = "Kentucky", ["LA"] = "Louisiana", ["ME"] = "Maine", ["MD"] = "Maryland",
        ["MA"] = "Massachusetts", ["MI"] = "Michigan", ["MN"] = "Minnesota", ["MS"] = "Mississippi", ["MO"] = "Missouri",
        ["MT"] = "Montana", ["NE"] = "Nebraska", ["NV"] = "Nevada", ["NH"] = "New Hampshire", ["NJ"] = "New Jersey",
        ["NM"] = "New Mexico", ["NY"] = "New York", ["NC"] = "North Carolina", ["ND"] = "North Dakota", ["OH"] = "Ohio",
        ["OK"] = "Oklahoma", ["OR"] = "Oregon", ["PA"] = "Pennsylvania", ["RI"] = "Rhode Island", ["SC"] = "South Carolina",
        ["SD"] = "South Dakota", ["TN"] = "Tennessee", ["TX"] = "Texas", ["UT"] = "Utah", ["VT"] = "Vermont",
        ["VA"] = "Virginia", ["WA"] = "Washington", ["WV"] = "West Virginia", ["WI"] = "Wisconsin", ["WY"] = "Wyoming",
        ["DC"] = "District of Columbia",
        ["AS"] = "American Samoa", ["GU"] = "Guam", ["MP"] = "Northern Mariana Islands", ["PR"] = "Puerto Rico", ["VI"] = "U.S. Virgin Islands",
    };

    /// <summary>Exactly a known code, upper case ("wi" is not accepted: callers normalise first).</summary>
    public static bool IsValid(string? code) => code is { Length: 2 } && Names.ContainsKey(code);
}

namespace ClinicAdmin.Domain.Common;

/// <summary>A postal address (a value stored inside its owner's row).</summary>
public sealed class Address
{
    public string Line1 { get; set; } = "";
    public string? Line2 { get; set; }
    public string City { get; set; } = "";
    public string State { get; set; } = "";
    public string PostalCode { get; set; } = "";

    public override string ToString() =>
        string.Join(", ", new[] { Line1, Line2, City, $"{State} {PostalCode}".Trim() }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

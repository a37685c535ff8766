using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Web.PageKit;

/// <summary>A postal address on a form (clinic settings, locations), rendered by _AddressFields.cshtml.</summary>
public sealed class AddressInput
{
    [StringLength(FieldLengths.Line), Display(Name = "Street")] public string? Line1 { get; set; }
    [StringLength(FieldLengths.Line), Display(Name = "Suite / unit")] public string? Line2 { get; set; }
    [StringLength(FieldLengths.Name)] public string? City { get; set; }
    [StringLength(2, ErrorMessage = "Use the 2-letter state code, e.g. WI."), Display(Name = "State")] public string? State { get; set; }
    [StringLength(10), RegularExpression(@"^\s*[0-9]{5}(-[0-9]{4})?\s*$", ErrorMessage = "A ZIP code is 5 digits or ZIP+4 (53703-1234)."), Display(Name = "ZIP code")]
    public string? PostalCode { get; set; }

    public bool IsBlank => new[] { Line1, Line2, City, State, PostalCode }.All(string.IsNullOrWhiteSpace);

    public static AddressInput From(Address a) => new() { Line1 = a.Line1, Line2 = a.Line2, City = a.City, State = a.State, PostalCode = a.PostalCode };

    /// <summary>Copies into the tracked owned value (replacing the instance would audit as a delete and an insert).</summary>
    public void CopyTo(Address a)
    {
        a.Line1 = Line1?.Trim() ?? "";
        a.Line2 = string.IsNullOrWhiteSpace(Line2) ? null : Line2.Trim();
        a.City = City?.Trim() ?? "";
        a.State = State?.Trim().ToUpperInvariant() ?? "";
        a.PostalCode = PostalCode?.Trim() ?? "";
    }

    public override string ToString() => new Address { Line1 = Line1?.Trim() ?? "", Line2 = Line2?.Trim(), City = City?.Trim() ?? "", State = State?.Trim().ToUpperInvariant() ?? "", PostalCode = PostalCode?.Trim() ?? "" }.ToString();
}

using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClinicAdmin.Web.Features.Audit;

/// <summary>
/// Names for the records a page of the audit trail mentions, and for the records its changed foreign keys point at:
/// one query per record type for the whole page (never one per row). Patients and their records are named by MRN only.
/// </summary>
public sealed class AuditNames
{
    private readonly Dictionary<(string Type, string Id), string> _names;

    private AuditNames(Dictionary<(string Type, string Id), string> names) => _names = names;

    /// <summary>The name of a record, or null when it is unknown (deleted since, or a type without names).</summary>
    public string? Of(string type, string? id) => id is null ? null : _names.GetValueOrDefault((type, id));

    private sealed record Named(int Id, string Name, DateOnly? On = null);

    /// <summary>Per record type with an int key: the query naming a batch of ids (patient records by the patient's MRN).</summary>
    private static readonly Dictionary<string, Func<ClinicDbContext, List<int>, IQueryable<Named>>> ByIntId = new(StringComparer.Ordinal)
    {
        ["StaffMember"] = (db, ids) => db.Staff.Where(s => ids.Contains(s.Id)).Select(s => new Named(s.Id, s.FirstName + " " + s.LastName, null)),
        ["WeeklyAvailability"] = (db, ids) => from a in db.Availability where ids.Contains(a.Id)
            join s in db.Staff on a.StaffMemberId equals s.Id select new Named(a.Id, s.FirstName + " " + s.LastName, null),
        ["Service"] = (db, ids) => db.Services.Where(s => ids.Contains(s.Id)).Select(s => new Named(s.Id, s.Name, null)),
        ["ServicePrice"] = (db, ids) => from p in db.ServicePrices where ids.Contains(p.Id)
            join s in db.Services on p.ServiceId equals s.Id select new Named(p.Id, s.Name, p.EffectiveFrom),
        ["Location"] = (db, ids) => db.Locations.Where(l => ids.Contains(l.Id)).Select(l => new Named(l.Id, l.Name, null)),
        // Chair names repeat across locations ("Chair 1"): named with the location's code.
        ["Resource"] = (db, ids) => from r in db.Resources where ids.Contains(r.Id)
            join l in db.Locations on r.LocationId equals l.Id select new Named(r.Id, r.Name + " at " + l.Code, null),
        ["ClinicSettings"] = (db, ids) => db.ClinicSettings.Where(c => ids.Contains(c.Id)).Select(c => new Named(c.Id, c.Name, null)),
        ["Patient"] = (db, ids) => db.Patients.Where(p => ids.Contains(p.Id)).Select(p => new Named(p.Id, p.Mrn, null)),
        ["PatientDiagnosis"] = (db, ids) => from d in db.PatientDiagnoses where ids.Contains(d.Id)
            join p in db.Patients on d.PatientId equals p.Id select new Named(d.Id, p.Mrn, null),
        ["TreatmentCourse"] = (db, ids) => from c in db.Courses where ids.Contains(c.Id)
            join p in db.Patients on c.PatientId equals p.Id select new Named(c.Id, p.Mrn, null),
        ["CourseDiagnosis"] = (db, ids) => from d in db.CourseDiagnoses where ids.Contains(d.Id)
            join c in db.Courses on d.TreatmentCourseId equals c.Id join p in db.Patients on c.PatientId equals p.Id select new Named(d.Id, p.Mrn, null),
        ["Visit"] = (db, ids) => from v in db.Visits where ids.Contains(v.Id)
            join p in db.Patients on v.PatientId equals p.Id select new Named(v.Id, p.Mrn, null),
        ["Appointment"] = (db, ids) => from a in db.Appointments where ids.Contains(a.Id)
            join p in db.Patients on a.PatientId equals p.Id select new Named(a.Id, p.Mrn, null),
        ["ChargeLine"] = (db, ids) => from l in db.ChargeLines where ids.Contains(l.Id)
            join v in db.Visits on l.VisitId equals v.Id join p in db.Patients on v.PatientId equals p.Id select new Named(l.Id, p.Mrn, null),
        ["Payment"] = (db, ids) => from x in db.Payments where ids.Contains(x.Id)
            join p in db.Patients on x.PatientId equals p.Id select new Named(x.Id, p.Mrn, null),
        ["Assessment"] = (db, ids) => from x in db.Assessments where ids.Contains(x.Id)
            join p in db.Patients on x.PatientId equals p.Id select new Named(x.Id, p.Mrn, null),
        ["Incident"] = (db, ids) => from x in db.Incidents where ids.Contains(x.Id)
            join p in db.Patients on x.PatientId equals p.Id select new Named(x.Id, p.Mrn, null),
        ["IncidentAddendum"] = (db, ids) => from a in db.IncidentAddenda where ids.Contains(a.Id)
            join x in db.Incidents on a.IncidentId equals x.Id join p in db.Patients on x.PatientId equals p.Id select new Named(a.Id, p.Mrn, null),
        ["GeneratedDocument"] = (db, ids) => db.Documents.Where(d => ids.Contains(d.Id)).Select(d => new Named(d.Id, d.DocumentNumber, null)),
        ["PatientLink"] = (db, ids) => from l in db.PatientLinks where ids.Contains(l.Id)
            join d in db.Documents on l.DocumentId equals d.Id join p in db.Patients on d.PatientId equals p.Id select new Named(l.Id, p.Mrn, null),
    };

    /// <summary>Names every (type, id) asked for, one query per type. Ids that are not numbers (hostile filters) are skipped.</summary>
    public static async Task<AuditNames> LoadAsync(ClinicDbContext db, IEnumerable<(string Type, string Id)> wanted, CancellationToken ct = default)
    {
        var names = new Dictionary<(string, string), string>();
        foreach (var group in wanted.Where(w => !string.IsNullOrEmpty(w.Id)).Distinct().GroupBy(w => w.Type))
        {
            var ids = group.Select(w => w.Id).ToList();
            if (ByIntId.TryGetValue(group.Key, out var query))
            {
                var numbers = ids.Select(i => int.TryParse(i, out var n) ? n : (int?)null).OfType<int>().Distinct().ToList();
                if (numbers.Count == 0) continue;
                foreach (var n in await query(db, numbers).AsNoTracking().ToListAsync(ct))
                    names[(group.Key, n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))] =
                        n.On is { } on ? $"{n.Name} from {PageKit.RecordText.Date(on)}" : n.Name;
            }
            else if (group.Key == "ApplicationUser")
            {
                foreach (var u in await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.UserName }).ToListAsync(ct))
                    names[(group.Key, u.Id)] = u.Email ?? u.UserName ?? u.Id;
            }
            else if (group.Key == "IdentityRole")
            {
                foreach (var r in await db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
                    names[(group.Key, r.Id)] = AuditText.Role(r.Name);
            }
        }
        return new AuditNames(names);
    }

    /// <summary>
    /// The name a deleted record had, from its last snapshot (the row is gone): a person's name, a service's or a
    /// location's name, an account's email, a patient's MRN. Never a patient's name.
    /// </summary>
    public static string? FromSnapshot(string auditedType, IReadOnlyDictionary<string, string?> values)
    {
        string? V(string k) => values.GetValueOrDefault(k);
        return auditedType switch
        {
            "StaffMember" when V("FirstName") is { } f && V("LastName") is { } l => $"{f} {l}",
            "Service" or "Location" or "Resource" => V("Name"),
            "Patient" => V("Mrn"),
            "ApplicationUser" => V("Email") ?? V("UserName"),
            "GeneratedDocument" => V("DocumentNumber"),
            _ => null,
        };
    }

    /// <summary>The EF entity type an audited type names ("Location.ServiceFacilityAddress" is the owned address).</summary>
    public static IEntityType? EntityOf(IModel model, string auditedType)
    {
        var parts = auditedType.Split('.');
        var owner = model.GetEntityTypes().FirstOrDefault(t => !t.IsOwned() && ClrName(t) == parts[0]);
        return owner is null || parts.Length == 1 ? owner : owner.FindNavigation(parts[1])?.TargetEntityType;
    }

    /// <summary>A field's CLR type and, for a foreign key, the record type it points at.</summary>
    public static (Type? Clr, string? References) FieldOf(IEntityType? entity, string field)
    {
        var p = entity?.FindProperty(field);
        if (p is null) return (null, null);
        var fk = p.GetContainingForeignKeys().FirstOrDefault(f => f.Properties.Count == 1 && !f.IsOwnership);
        return (p.ClrType, fk is null ? null : ClrName(fk.PrincipalEntityType));
    }

    /// <summary>Record types as the audit interceptor names them (generic Identity types without their arity).</summary>
    public static string ClrName(ITypeBase t) => t.ClrType.IsGenericType ? t.ClrType.Name.Split('`')[0] : t.ClrType.Name;
}

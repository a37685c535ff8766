using ClinicAdmin.Data;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Reports.Superbills;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>What one superbill covers. Ids and dates only (it is stored as a job's parameters).
/// <see cref="SignerId"/> is the provider of record who signs it; parameters stored before it existed have none,
/// and those are signed as they always were, by whoever rendered the last visit.</summary>
public sealed record SuperbillScope(SuperbillKind Kind, int PatientId, int? VisitId = null, int? CourseId = null,
                                    DateOnly? From = null, DateOnly? To = null, int[]? VisitIds = null, int? SignerId = null)
{
    public static SuperbillScope ForVisit(int patientId, int visitId) => new(SuperbillKind.SingleVisit, patientId, VisitId: visitId);
    public static SuperbillScope ForCourse(int patientId, int courseId) => new(SuperbillKind.TreatmentCourse, patientId, CourseId: courseId);
    public static SuperbillScope ForRange(int patientId, DateOnly from, DateOnly to) => new(SuperbillKind.DateRange, patientId, From: from, To: to);

    /// <summary>The request key without its version, e.g. "superbill:visit:12".</summary>
    public string BaseKey => Kind switch
    {
        SuperbillKind.SingleVisit => $"superbill:visit:{VisitId}",
        SuperbillKind.TreatmentCourse => $"superbill:course:{CourseId}",
        _ => $"superbill:range:{PatientId}:{From:yyyyMMdd}-{To:yyyyMMdd}",
    };

    public string RequestKey(int version) => $"{BaseKey}:v{version}";
}

/// <summary>
/// Reads everything a superbill needs from the database at the moment of issue and maps it to the plain
/// <see cref="SuperbillModel"/>. Charges come from the visits' charge lines (price snapshots), never from today's prices.
/// </summary>
public sealed class SuperbillBuilder(ClinicDbContext db)
{
    public const string PendingNumber = "SB-PENDING";

    private sealed record VisitRow(int Id, int? CourseId, int ProviderId, int LocationId, DateTime StartedAt, string PlaceOfService);
    private sealed record LineRow(int Id, int VisitId, string Code, string? Modifiers, string Description, decimal Units, decimal UnitPrice,
                                  decimal Amount, bool IsAddOn, string DiagnosisPointers);

    /// <summary>What prevents issuing this superbill now (empty = it can be issued).</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(SuperbillScope scope, DateOnly issuedOn, CancellationToken ct = default)
    {
        // A refused signer is said in words first (the model alone would only say the signing provider is missing).
        var refusal = scope.SignerId is { } signerId ? await SigningRefusalAsync(signerId, ct) : null;
        var model = await BuildAsync(scope, PendingNumber, 1, issuedOn, ct);
        IEnumerable<string> problems = model is null ? ["Nothing to bill: no visits with charges in what you chose."] : model.Problems();
        return refusal is null ? problems.ToList() : [refusal, .. problems.Where(p => p != SuperbillModel.SignerMissing)];
    }

    public sealed record Signer(int Id, string FirstName, string LastName, string Credentials, string Npi)
    {
        public string Label => $"{StaffMember.NameWithCredentials(FirstName, LastName, Credentials)} · NPI {Npi}";
    }

    /// <summary>Why this person cannot sign a superbill (null when they can).</summary>
    public async Task<string?> SigningRefusalAsync(int staffId, CancellationToken ct = default)
    {
        var s = await db.Staff.AsNoTracking().Where(x => x.Id == staffId)
            .Select(x => new { Name = x.FirstName + " " + x.LastName, x.IsRenderingProvider, x.Npi }).SingleOrDefaultAsync(ct);
        return s is null ? "The chosen signer is not on the roster." : StaffMember.SigningRefusal(s.Name, s.IsRenderingProvider, s.Npi);
    }

    /// <summary>Who may sign superbills: rendering providers with an NPI, by name.</summary>
    public async Task<IReadOnlyList<Signer>> SignersAsync(CancellationToken ct = default) =>
        (await db.Staff.AsNoTracking().Where(StaffMember.MaySignQuery)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new Signer(s.Id, s.FirstName, s.LastName, s.Credentials, s.Npi!)).ToListAsync(ct))
        .Where(s => StaffMember.SigningRefusal(s.LastName, true, s.Npi) is null).ToList();

    /// <summary>The default provider of record: the supervising provider of the course billed (for a visit or a range,
    /// the course of the latest visit), else whoever rendered the latest visit. Null when the scope holds no visit.</summary>
    public async Task<int?> DefaultSignerIdAsync(SuperbillScope scope, CancellationToken ct = default)
    {
        if (scope.Kind == SuperbillKind.TreatmentCourse)
        {
            var supervising = await db.Courses.AsNoTracking().Where(c => c.Id == scope.CourseId && c.PatientId == scope.PatientId)
                .Select(c => c.SupervisingProviderId).SingleOrDefaultAsync(ct);
            if (supervising is not null) return supervising;
        }
        var visits = db.Visits.AsNoTracking().Where(v => v.PatientId == scope.PatientId);
        visits = scope.Kind switch
        {
            SuperbillKind.SingleVisit => visits.Where(v => v.Id == scope.VisitId),
            SuperbillKind.TreatmentCourse => visits.Where(v => v.TreatmentCourseId == scope.CourseId),
            _ => visits,
        };
        if (scope.Kind == SuperbillKind.DateRange)
        {
            if (scope.VisitIds is { Length: > 0 } ids) visits = visits.Where(v => ids.Contains(v.Id));
            var clock = await ClinicClocks.ForAsync(db, TimeProvider.System, ct);
            if (scope.From is { } from) { var f = clock.ToUtc(from.ToDateTime(TimeOnly.MinValue)); visits = visits.Where(v => v.StartedAt >= f); }
            if (scope.To is { } to) { var t = clock.DayEndUtc(to); visits = visits.Where(v => v.StartedAt < t); }
        }
        var last = await visits.OrderByDescending(v => v.StartedAt).ThenByDescending(v => v.Id)
            .Select(v => new { v.RenderingProviderId, Supervising = db.Courses.Where(c => c.Id == v.TreatmentCourseId).Select(c => c.SupervisingProviderId).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return last is null ? null : last.Supervising ?? last.RenderingProviderId;
    }

    /// <summary>The model, or null when the scope holds no visit of this patient.</summary>
    public async Task<SuperbillModel?> BuildAsync(SuperbillScope scope, string documentNumber, int version, DateOnly issuedOn, CancellationToken ct = default)
    {
        var settings = await db.ClinicSettings.AsNoTracking()
            .Select(s => new { s.Name, s.BillingAddress, s.Phone, s.TaxId, s.GroupNpi, s.TimeZoneId, s.SuperbillFooter, s.DateStyle })
            .FirstOrDefaultAsync(ct);
        var clock = ClinicClock.For(ClinicClocks.ZoneOf(settings?.TimeZoneId), TimeProvider.System);

        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == scope.PatientId)
            .Select(p => new { p.FirstName, p.LastName, p.DateOfBirth, p.Address, p.Phone, p.InsuranceMemberId, p.InsurancePayer, p.Mrn })
            .SingleOrDefaultAsync(ct);
        if (patient is null) return null;

        var visitsQuery = db.Visits.AsNoTracking().Where(v => v.PatientId == scope.PatientId);
        string? courseName = null;
        switch (scope.Kind)
        {
            case SuperbillKind.SingleVisit:
                visitsQuery = visitsQuery.Where(v => v.Id == scope.VisitId);
                break;
            case SuperbillKind.TreatmentCourse:
                visitsQuery = visitsQuery.Where(v => v.TreatmentCourseId == scope.CourseId);
                var course = await db.Courses.AsNoTracking().Where(c => c.Id == scope.CourseId && c.PatientId == scope.PatientId)
                    .Select(c => new { c.Indication, c.StartDate }).SingleOrDefaultAsync(ct);
                if (course is null) return null;
                courseName = $"{Vocabulary.Label(course.Indication)} treatment course from {course.StartDate:MMM d, yyyy}";
                break;
            default:
                if (scope.VisitIds is { Length: > 0 } ids) visitsQuery = visitsQuery.Where(v => ids.Contains(v.Id));
                if (scope.From is { } from) { var f = clock.ToUtc(from.ToDateTime(TimeOnly.MinValue)); visitsQuery = visitsQuery.Where(v => v.StartedAt >= f); }
                if (scope.To is { } to) { var t = clock.DayEndUtc(to); visitsQuery = visitsQuery.Where(v => v.StartedAt < t); }
                break;
        }
        var visits = await visitsQuery.OrderBy(v => v.StartedAt).ThenBy(v => v.Id)
            .Select(v => new VisitRow(v.Id, v.TreatmentCourseId, v.RenderingProviderId, v.LocationId, v.StartedAt, v.PlaceOfService))
            .ToListAsync(ct);
        var visitIds = visits.Select(v => v.Id).ToList();
        var lines = await db.ChargeLines.AsNoTracking().Where(l => visitIds.Contains(l.VisitId)).OrderBy(l => l.Id)
            .Select(l => new LineRow(l.Id, l.VisitId, l.Code, l.Modifiers, l.Description, l.Units, l.UnitPrice, l.Amount, l.IsAddOn, l.DiagnosisPointers))
            .ToListAsync(ct);
        if (lines.Count == 0) return null;
        visits = visits.Where(v => lines.Any(l => l.VisitId == v.Id)).ToList();
        visitIds = visits.Select(v => v.Id).ToList();

        // Summed in memory: SQLite cannot aggregate decimals in SQL.
        var paid = (await db.Payments.AsNoTracking().Where(p => p.VisitId != null && visitIds.Contains(p.VisitId.Value)).Select(p => p.Amount).ToListAsync(ct)).Sum();

        // Box 32 comes from where each visit happened; a bill over several locations names the facility of each line group.
        var locationIds = visits.Select(v => v.LocationId).Distinct().ToList();
        var locations = (await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id))
                .Select(l => new { l.Id, l.Code, l.Name, l.ServiceFacilityAddress, l.FacilityNpi }).ToListAsync(ct))
            .OrderBy(l => locationIds.IndexOf(l.Id)).ToList();
        var facilities = locations.Select(l => new SuperbillFacility(l.Code, l.Name, Postal(l.ServiceFacilityAddress), l.FacilityNpi)).ToList();
        var codeOf = locations.ToDictionary(l => l.Id, l => l.Code);
        var facility = locations.FirstOrDefault();

        var providerIds = visits.Select(v => v.ProviderId).Distinct().ToList();
        var providers = await db.Staff.AsNoTracking().Where(s => providerIds.Contains(s.Id))
            .Select(s => new { s.Id, s.FirstName, s.LastName, s.Credentials, s.Npi }).ToDictionaryAsync(s => s.Id, ct);

        // Diagnoses: the courses' own lists (claim order), then the problem list for visits outside a course.
        var courseIds = visits.Where(v => v.CourseId != null).Select(v => v.CourseId!.Value).Distinct().ToList();
        var courseDx = (await db.CourseDiagnoses.AsNoTracking().Where(d => courseIds.Contains(d.TreatmentCourseId))
            .Select(d => new { d.TreatmentCourseId, d.Position, d.Code, d.Description }).ToListAsync(ct))
            .OrderBy(d => courseIds.IndexOf(d.TreatmentCourseId)).ThenBy(d => d.Position).ToList();
        var patientDx = visits.Any(v => v.CourseId == null)
            ? await db.PatientDiagnoses.AsNoTracking().Where(d => d.PatientId == scope.PatientId)
                .OrderByDescending(d => d.IsPrimary).ThenBy(d => d.Id).Select(d => new { d.Code, d.Description }).ToListAsync(ct)
            : [];
        var diagnoses = new List<SuperbillDiagnosis>();
        void AddDx(string code, string description)
        {
            if (!diagnoses.Any(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase))) diagnoses.Add(new(code, description));
        }
        foreach (var d in courseDx) AddDx(d.Code, d.Description);
        foreach (var d in patientDx) AddDx(d.Code, d.Description);

        // A line's pointers are letters into its own course's list (or the problem list); re-letter them into the combined list.
        string Pointers(VisitRow visit, string pointers)
        {
            var own = visit.CourseId is { } cid
                ? courseDx.Where(d => d.TreatmentCourseId == cid).Select(d => d.Code).ToList()
                : patientDx.Select(d => d.Code).ToList();
            var letters = pointers.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Length == 1 ? p[0] - 'A' : -1)
                .Where(i => i >= 0 && i < own.Count)
                .Select(i => diagnoses.FindIndex(d => string.Equals(d.Code, own[i], StringComparison.OrdinalIgnoreCase)))
                .Where(i => i >= 0 && i < SuperbillModel.MaxDiagnoses)
                .Distinct().Take(SuperbillModel.MaxPointersPerLine)
                .Select(i => SuperbillModel.DiagnosisLetter(i).ToString()).ToList();
            return letters.Count > 0 ? string.Join(",", letters) : diagnoses.Count > 0 ? "A" : "";
        }

        var byVisit = visits.ToDictionary(v => v.Id);
        var modelLines = lines.OrderBy(l => visitIds.IndexOf(l.VisitId)).ThenBy(l => l.IsAddOn).ThenBy(l => l.Id).Select(l =>
        {
            var v = byVisit[l.VisitId];
            return new SuperbillLine
            {
                ServiceDate = clock.DateOf(v.StartedAt), PlaceOfService = v.PlaceOfService, Code = l.Code,
                Modifiers = (l.Modifiers ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Description = l.Description, DiagnosisPointers = Pointers(v, l.DiagnosisPointers), Units = l.Units,
                UnitCharge = l.UnitPrice, Charge = l.Amount,
                RenderingProviderNpi = providers.TryGetValue(v.ProviderId, out var p) ? p.Npi ?? "" : "", IsAddOn = l.IsAddOn,
                FacilityCode = codeOf.GetValueOrDefault(v.LocationId),
            };
        }).ToList();

        var modelProviders = providerIds.Where(providers.ContainsKey).Select(id => providers[id])
            .Select(p => new SuperbillProvider($"{p.FirstName} {p.LastName}", p.Credentials, p.Npi ?? "")).ToList();
        // The provider of record chosen on the request (if they may sign); without a choice (parameters stored before
        // there was one), whoever rendered the most recent visit.
        var signer = scope.SignerId is { } signerId
            ? await db.Staff.AsNoTracking().Where(s => s.Id == signerId && s.IsRenderingProvider)
                .Select(s => new { s.Id, s.FirstName, s.LastName, s.Credentials, s.Npi }).SingleOrDefaultAsync(ct)
            : providers.TryGetValue(visits[^1].ProviderId, out var last) ? last : null;

        return new SuperbillModel
        {
            DocumentNumber = documentNumber, Version = version, IssuedOn = issuedOn, Kind = scope.Kind,
            DateStyle = settings?.DateStyle ?? DateStyles.Default,
            PeriodStart = scope.Kind == SuperbillKind.DateRange ? scope.From : null,
            PeriodEnd = scope.Kind == SuperbillKind.DateRange ? scope.To : null,
            CourseName = courseName,
            Clinic = new SuperbillClinic
            {
                Name = settings?.Name ?? "", Phone = settings?.Phone ?? "", TaxId = settings?.TaxId ?? "", GroupNpi = settings?.GroupNpi ?? "",
                BillingAddress = Postal(settings?.BillingAddress), ServiceFacilityAddress = Postal(facility?.ServiceFacilityAddress),
                ServiceFacilityName = facility?.Name, ServiceFacilityNpi = facility?.FacilityNpi,
            },
            Facilities = facilities,
            Providers = modelProviders,
            Patient = new SuperbillPatient
            {
                Name = $"{patient.FirstName} {patient.LastName}".Trim(), DateOfBirth = patient.DateOfBirth, Address = Postal(patient.Address),
                Phone = patient.Phone, InsuredMemberId = patient.InsuranceMemberId, PayerName = patient.InsurancePayer, AccountNumber = patient.Mrn,
            },
            Diagnoses = diagnoses,
            Lines = modelLines,
            Totals = SuperbillTotals.FromLines(modelLines, paid),
            Signature = new SuperbillSignature(signer is null ? "" : $"{signer.FirstName} {signer.LastName}", signer?.Credentials ?? "", issuedOn, "Electronically signed",
                                               scope.SignerId is null ? null : signer?.Npi),
            FooterText = string.IsNullOrWhiteSpace(settings?.SuperbillFooter) ? null : settings.SuperbillFooter,
        };
    }

    private static PostalAddress Postal(Address? a) => a is null ? new("", null, "", "", "") : new(a.Line1, a.Line2, a.City, a.State, a.PostalCode);
}

using ClinicAdmin.Data.Bulk;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using Microsoft.EntityFrameworkCore;

using ClinicAdmin.Data;
using ClinicAdmin.Data.Seeding;

namespace ClinicAdmin.Tools;

/// <summary>What the scale data generator makes.</summary>
/// <param name="OneMonth">Put every visit in this clinic month (first day) instead of spreading them over <paramref name="Years"/>:
/// the "busiest month of a chain" profile used to measure the monthly workbook.</param>
/// <param name="Incidents">Exact number of incidents; null for about 1 in 100 sessions.</param>
public sealed record ScaleProfile(int Locations = 100, int Patients = 20_000, int Visits = 1_000_000, int Years = 10,
                                  DateOnly? OneMonth = null, int? Incidents = null, int Seed = 20261121)
{
    public static ScaleProfile ChainTenYears => new();
    public static ScaleProfile ChainMonth(DateOnly month) => new(Visits: 100_000, OneMonth: month, Incidents: 5_000);
}

public sealed record ScaleResult(int Locations, int Staff, int Patients, int Courses, int Visits, int ChargeLines, int Payments,
                                 int Assessments, int Incidents, TimeSpan Elapsed);

/// <summary>
/// Fills a database that already has the demo clinic (catalog, sign-ins) with a multi-location chain of invented
/// patients: courses of infusions with boosters, add-ons priced from the price history of their date, payments, PHQ-9 and
/// GAD-7 scores that improve for most patients, and incidents. Deterministic for a seed. Rows go in through
/// <see cref="BulkInserter"/> in batches of patients, so memory stays flat and a million visits take minutes, not hours.
/// </summary>
public sealed class ScaleSeeder(ClinicDbContext db, TimeProvider time)
{
    private const int PatientsPerBatch = 500;

    public async Task<ScaleResult> SeedAsync(ScaleProfile profile, Action<string>? progress = null, CancellationToken ct = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rnd = new Random(profile.Seed);
        var faker = new Bogus.Faker("en") { Random = new Bogus.Randomizer(profile.Seed) };
        var settings = await db.ClinicSettings.AsNoTracking().SingleAsync(ct);
        var clock = ClinicClock.For(settings.TimeZoneId, time);
        var today = clock.Today;
        var now = time.GetUtcNow().UtcDateTime;
        var bulk = new BulkInserter(db);

        // --- catalog: the generated history reaches further back than the demo price list, so give every service an
        // opening price before the first generated visit (each visit is then priced from the history of its date).
        var firstDay = profile.OneMonth?.AddMonths(-2) ?? today.AddYears(-profile.Years);
        var services = await db.Services.Include(s => s.Prices).ToListAsync(ct);
        foreach (var s in services.Where(s => s.Prices.Count > 0 && s.Prices.Min(p => p.EffectiveFrom) > firstDay))
        {
            var opening = s.Prices.OrderBy(p => p.EffectiveFrom).First();
            s.AddHistoricalPrice(Money.Round(opening.Amount * 0.85m), firstDay.AddDays(-1), "scale-data", "Opening price list (generated history)", now);
        }
        await db.SaveChangesAsync(ct);
        Service ByCode(string code) => services.First(s => s.BillingCode == code && s.IsActive);
        var infusion = ByCode("96365");
        var extraHour = ByCode("96366");
        var spravato = ByCode("G2082");
        var addOns = services.Where(s => s.IsAddOn && s.IsActive && s.Prices.Count > 0).ToList();

        // --- locations: the existing ones first, then new sites up to the chain's size
        var npis = (await db.Staff.Where(s => s.Npi != null).Select(s => s.Npi!).ToListAsync(ct)).ToHashSet();
        var locations = await db.Locations.Where(l => l.IsActive).OrderBy(l => l.Id).ToListAsync(ct);
        var codes = (await db.Locations.Select(l => l.Code).ToListAsync(ct)).ToHashSet();
        for (var l = locations.Count; l < profile.Locations; l++)
        {
            string code;
            do code = $"S{rnd.Next(100, 999)}"; while (!codes.Add(code));
            string npi;
            do npi = DemoSeeder.MakeNpi(rnd); while (!npis.Add(npi));
            var city = faker.Address.City();
            var site = new Location
            {
                Code = code, Name = $"{city} clinic", Phone = $"(555) {rnd.Next(200, 999)}-{rnd.Next(1000, 9999)}", FacilityNpi = npi,
                ServiceFacilityAddress = new Address { Line1 = faker.Address.StreetAddress(), City = city, State = faker.Address.StateAbbr(), PostalCode = faker.Address.ZipCode("#####") },
            };
            LocationRules.Check(site);
            db.Locations.Add(site);
            locations.Add(site);
        }
        await db.SaveChangesAsync(ct);

        // --- staff: three rendering clinicians, a nurse and a director per location (NPIs unique)
        var staffAdded = new List<StaffMember>();
        for (var l = 0; l < profile.Locations; l++)
            foreach (var (creds, title, rendering) in new[] { ("M.D.", "Medical Director", true), ("MSN, PMHNP-BC", "Psychiatric Nurse Practitioner", true),
                                                             ("MSN, PMHNP-BC", "Psychiatric Nurse Practitioner", true), ("RN", "Infusion Nurse", false) })
            {
                string npi;
                do npi = DemoSeeder.MakeNpi(rnd); while (!npis.Add(npi));
                var first = faker.Name.FirstName();
                var last = faker.Name.LastName();
                staffAdded.Add(new StaffMember
                {
                    FirstName = first, LastName = last, Credentials = creds, Title = title, IsRenderingProvider = rendering, Npi = npi,
                    Email = $"{Ascii(first)}.{Ascii(last)}.{l}@chain.example".ToLowerInvariant(), Phone = $"(555) {rnd.Next(200, 999)}-{rnd.Next(1000, 9999)}",
                    LicenseNumber = $"{rnd.Next(10000, 99999)}-{rnd.Next(10, 99)}", LicenseState = "WI",
                    LicenseExpiresOn = today.AddDays(rnd.Next(60, 900)), StartDate = firstDay.AddDays(-rnd.Next(0, 400)),
                });
            }
        db.Staff.AddRange(staffAdded);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var perLocation = staffAdded.Chunk(4).ToList();

        // --- ids continue after what is there
        var ids = new Dictionary<Type, int>();
        async Task Start<T>() where T : Entity => ids[typeof(T)] = await bulk.MaxIdAsync<T>(ct);
        await Start<Patient>(); await Start<PatientDiagnosis>(); await Start<TreatmentCourse>(); await Start<CourseDiagnosis>();
        await Start<Visit>(); await Start<ChargeLine>(); await Start<Payment>(); await Start<Assessment>(); await Start<Incident>();
        T Id<T>(T e) where T : Entity { BulkInserter.SetId(e, ++ids[typeof(T)]); return e; }
        var highestMrn = await db.Patients.MaxAsync(p => (string?)p.Mrn, ct);
        var nextMrn = long.Parse(MedicalRecordNumber.Next(highestMrn)[MedicalRecordNumber.Prefix.Length..]);


        // Visits per patient: the target spread evenly with some variation (some patients come far more often).
        var visitsLeft = profile.Visits;
        var incidentsWanted = profile.Incidents;
        var incidentChance = incidentsWanted is { } want ? (double)want / Math.Max(1, profile.Visits) : 0.01;
        var totals = new ScaleCounts();
        var batch = new Batch();
        for (var p = 0; p < profile.Patients; p++)
        {
            var patientsLeft = profile.Patients - p;
            var mean = (double)visitsLeft / patientsLeft;
            var n = p == profile.Patients - 1 ? visitsLeft : Math.Clamp((int)Math.Round(mean * (0.5 + rnd.NextDouble())), 1, visitsLeft - (patientsLeft - 1));
            visitsLeft -= n;
            var location = locations[p % locations.Count];
            var team = perLocation[p % perLocation.Count];
            var female = rnd.Next(100) < 62;
            var patient = Id(new Patient
            {
                Mrn = MedicalRecordNumber.Format(nextMrn++),
                FirstName = faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male),
                LastName = faker.Name.LastName(), DateOfBirth = today.AddYears(-rnd.Next(21, 80)).AddDays(-rnd.Next(0, 365)), Sex = female ? "F" : "M",
                Phone = $"(555) {rnd.Next(200, 999)}-{rnd.Next(1000, 9999)}",
                Address = new Address { Line1 = faker.Address.StreetAddress(), City = faker.Address.City(), State = faker.Address.StateAbbr(), PostalCode = faker.Address.ZipCode("#####") },
                InsurancePayer = faker.PickRandom("Blue Cross Blue Shield", "UnitedHealthcare", "Aetna", "Cigna", "Humana", null),
                WeightKg = Math.Round((decimal)(female ? rnd.Next(50, 100) : rnd.Next(62, 120)) + rnd.Next(0, 10) / 10m, 1),
                HasUncontrolledHypertension = rnd.Next(100) < 2,
            });
            patient.Email = $"{Ascii(patient.FirstName)}.{Ascii(patient.LastName)}{p}@example.com".ToLowerInvariant();
            batch.Patients.Add(patient);
            var dx = DemoSeeder.PickWeighted(DemoSeeder.Diagnoses, rnd);
            batch.PatientDiagnoses.Add(Id(new PatientDiagnosis { PatientId = patient.Id, Code = dx.Code, Description = dx.Desc, IsPrimary = true, DiagnosedOn = firstDay.AddDays(-rnd.Next(30, 2000)) }));

            // The patient's visit days: spread from their first visit to today, or all inside the one month.
            var days = profile.OneMonth is { } month
                ? MonthDays(month, n, rnd)
                : SpreadDays(today.AddDays(-Math.Max((int)(Math.Pow(rnd.NextDouble(), 1.3) * profile.Years * 365), Math.Min(profile.Years * 365, n * 12))), today, n, rnd);
            var isPain = dx.Ind is Indication.Crps or Indication.Fibromyalgia;
            var provider = team[rnd.Next(3)];
            // Courses: a series of six, then booster series of four, each with a baseline score.
            var sessionInCourse = profile.OneMonth is not null && rnd.Next(2) == 0 ? rnd.Next(2, 5) : 0; // mid-series patients in a one-month set
            TreatmentCourse? course = null;
            var baseline = rnd.Next(12, 26);
            var gadBase = rnd.Next(9, 20);
            var roll = rnd.Next(100);
            var final = roll < 30 ? rnd.Next(1, 5) : roll < 62 ? rnd.Next(5, baseline / 2 + 1) : rnd.Next(baseline / 2 + 1, baseline + 1);
            var courseSize = 6;
            var lastStarted = DateTime.MinValue;
            foreach (var day in days)
            {
                if (course is null || sessionInCourse >= courseSize)
                {
                    var continuing = course is null && sessionInCourse > 0; // a series that began before the month
                    if (course is not null) { course.Status = CourseStatus.Completed; course.EndDate = day.AddDays(-1); }
                    courseSize = course is null ? 6 : 4; // the first series is six infusions, boosters four
                    var started = continuing ? day.AddDays(-3 * sessionInCourse) : day;
                    course = Id(new TreatmentCourse { PatientId = patient.Id, Indication = dx.Ind, StartDate = started, Status = CourseStatus.Active, PlannedSessions = courseSize });
                    batch.Courses.Add(course);
                    batch.CourseDiagnoses.Add(Id(new CourseDiagnosis { TreatmentCourseId = course.Id, Position = 0, Code = dx.Code, Description = dx.Desc }));
                    if (continuing)
                    {   // its baseline scores, taken before the month
                        var at = clock.ToUtc(started.ToDateTime(new TimeOnly(9, 30)));
                        batch.Assessments.Add(Id(Assessment.Record(patient.Id, course.Id, null, Instrument.Phq9, at, DemoSeeder.Items(baseline, 9, 3, rnd))));
                        batch.Assessments.Add(Id(Assessment.Record(patient.Id, course.Id, null, Instrument.Gad7, at, DemoSeeder.Items(gadBase, 7, 3, rnd))));
                    }
                    else sessionInCourse = 0;
                }
                sessionInCourse++;
                var startedAt = clock.ToUtc(day.ToDateTime(new TimeOnly(rnd.Next(8, 16), rnd.Next(0, 4) * 15)));
                if (startedAt <= lastStarted) startedAt = lastStarted.AddHours(3); // two visits on one day: in session order
                lastStarted = startedAt;
                var nasal = !isPain && rnd.Next(100) < 8;
                var weight = patient.WeightKg!.Value;
                var visit = Id(new Visit
                {
                    PatientId = patient.Id, TreatmentCourseId = course.Id, LocationId = location.Id, RenderingProviderId = (rnd.Next(5) == 0 ? team[rnd.Next(3)] : provider).Id,
                    StartedAt = startedAt, DischargedAt = startedAt.AddMinutes(nasal ? 125 : isPain ? 260 : 95 + rnd.Next(0, 30)), PlaceOfService = location.DefaultPlaceOfService,
                    Route = nasal ? Route.Intranasal : Route.IV, WeightKg = weight,
                    DoseMg = nasal ? 56 : Math.Round(weight * Math.Min(1.0m, 0.5m + 0.1m * (sessionInCourse - 1)), 0),
                    InfusionMinutes = nasal ? null : isPain ? 240 : 40 + rnd.Next(0, 3) * 5, SessionNumber = sessionInCourse,
                    VitalsBefore = DemoSeeder.Vitals(rnd, 0), VitalsAt40Min = DemoSeeder.Vitals(rnd, 12), VitalsAtDischarge = DemoSeeder.Vitals(rnd, 3),
                });
                visit.Charge(nasal ? spravato : infusion, day);
                if (isPain) visit.Charge(extraHour, day, 3);
                if (rnd.Next(100) < 30) visit.Charge(addOns[rnd.Next(addOns.Count)], day);
                foreach (var line in visit.ChargeLines) { Id(line); line.VisitId = visit.Id; batch.Lines.Add(line); }
                batch.Visits.Add(visit);
                if (rnd.Next(100) < 90)
                    batch.Payments.Add(Id(new Payment { PatientId = patient.Id, VisitId = visit.Id, ReceivedAt = startedAt.AddMinutes(100), Amount = visit.TotalCharge,
                        Method = rnd.Next(100) < 75 ? PaymentMethod.Card : PaymentMethod.CareCredit, RecordedBy = "Front desk" }));
                if (sessionInCourse is 1 or 3 or 6 || (courseSize == 4 && sessionInCourse == 4))
                {
                    var progressShare = sessionInCourse == 1 ? 0m : sessionInCourse == 3 ? 0.5m : 1m;
                    var target = (int)Math.Round(baseline + (final - baseline) * progressShare);
                    var at = startedAt.AddMinutes(-20);
                    batch.Assessments.Add(Id(Assessment.Record(patient.Id, course.Id, visit.Id, Instrument.Phq9, at, DemoSeeder.Items(target, 9, 3, rnd))));
                    var gad = (int)Math.Round(gadBase + (gadBase * (decimal)final / baseline - gadBase) * progressShare);
                    batch.Assessments.Add(Id(Assessment.Record(patient.Id, course.Id, visit.Id, Instrument.Gad7, at, DemoSeeder.Items(Math.Clamp(gad, 0, 21), 7, 3, rnd))));
                }
                if (rnd.NextDouble() < incidentChance && (incidentsWanted is null || totals.Incidents + batch.Incidents.Count < incidentsWanted))
                    batch.Incidents.Add(Id(DemoSeeder.MakeIncident(rnd, patient, visit, team[3], team[0], now)));
            }
            if (course is not null && course.StartDate < today.AddDays(-60)) { course.Status = CourseStatus.Completed; course.EndDate ??= days[^1]; }

            if (batch.Patients.Count == PatientsPerBatch || p == profile.Patients - 1)
            {
                await batch.WriteAsync(bulk, totals, ct);
                progress?.Invoke($"{p + 1:N0} of {profile.Patients:N0} patients, {totals.Visits:N0} visits ({watch.Elapsed.TotalSeconds:N0} s)");
                batch = new Batch();
            }
        }
        // Top up the exact incident count (chance can fall short) on random visits of the set.
        if (incidentsWanted is { } wanted && totals.Incidents < wanted)
        {
            var visitIds = await db.Visits.AsNoTracking().OrderByDescending(v => v.Id).Take(profile.Visits)
                .Select(v => new { v.Id, v.PatientId, v.StartedAt, v.DoseMg }).ToListAsync(ct);
            var team = perLocation[0];
            var extra = new List<Incident>();
            while (totals.Incidents + extra.Count < wanted && visitIds.Count > 0)
            {
                var v = visitIds[rnd.Next(visitIds.Count)];
                var shell = new Visit { PatientId = v.PatientId, StartedAt = v.StartedAt, DoseMg = v.DoseMg };
                BulkInserter.SetId(shell, v.Id);
                var incident = DemoSeeder.MakeIncident(rnd, new Patient(), shell, team[3], team[0], now);
                incident.PatientId = v.PatientId;
                extra.Add(Id(incident));
            }
            await bulk.InsertAsync(extra, ct);
            totals.Incidents += extra.Count;
        }
        foreach (var reset in new Func<CancellationToken, Task>[] { bulk.ResetIdentityAsync<Patient>, bulk.ResetIdentityAsync<PatientDiagnosis>,
                     bulk.ResetIdentityAsync<TreatmentCourse>, bulk.ResetIdentityAsync<CourseDiagnosis>, bulk.ResetIdentityAsync<Visit>,
                     bulk.ResetIdentityAsync<ChargeLine>, bulk.ResetIdentityAsync<Payment>, bulk.ResetIdentityAsync<Assessment>, bulk.ResetIdentityAsync<Incident> })
            await reset(ct);
        // Fresh planner statistics for the new row counts.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlServer() ? "EXEC sp_updatestats" : "ANALYZE", ct);
        return new ScaleResult(locations.Count, staffAdded.Count, totals.Patients, totals.Courses, totals.Visits, totals.Lines, totals.Payments,
            totals.Assessments, totals.Incidents, watch.Elapsed);
    }

    private sealed class ScaleCounts { public int Patients, Courses, Visits, Lines, Payments, Assessments, Incidents; }

    private sealed class Batch
    {
        public List<Patient> Patients = [];
        public List<PatientDiagnosis> PatientDiagnoses = [];
        public List<TreatmentCourse> Courses = [];
        public List<CourseDiagnosis> CourseDiagnoses = [];
        public List<Visit> Visits = [];
        public List<ChargeLine> Lines = [];
        public List<Payment> Payments = [];
        public List<Assessment> Assessments = [];
        public List<Incident> Incidents = [];

        /// <summary>Parents before children, so foreign keys hold at every statement.</summary>
        public async Task WriteAsync(BulkInserter bulk, ScaleCounts totals, CancellationToken ct)
        {
            await bulk.InsertAsync(Patients, ct);
            await bulk.InsertAsync(PatientDiagnoses, ct);
            await bulk.InsertAsync(Courses, ct);
            await bulk.InsertAsync(CourseDiagnoses, ct);
            await bulk.InsertAsync(Visits, ct);
            await bulk.InsertAsync(Lines, ct);
            await bulk.InsertAsync(Payments, ct);
            await bulk.InsertAsync(Assessments, ct);
            await bulk.InsertAsync(Incidents, ct);
            totals.Patients += Patients.Count; totals.Courses += Courses.Count; totals.Visits += Visits.Count; totals.Lines += Lines.Count;
            totals.Payments += Payments.Count; totals.Assessments += Assessments.Count; totals.Incidents += Incidents.Count;
        }
    }

    /// <summary><paramref name="n"/> weekdays from <paramref name="from"/> to <paramref name="to"/>, in order, denser at the start (the first series).</summary>
    private static List<DateOnly> SpreadDays(DateOnly from, DateOnly to, int n, Random rnd)
    {
        var span = Math.Max(1, to.DayNumber - from.DayNumber);
        var days = new List<DateOnly>(n);
        var day = from;
        for (var i = 0; i < n; i++)
        {
            // The first six come every 2-4 days; later visits are spaced to fill the patient's time with the clinic.
            var gap = i < 6 ? rnd.Next(2, 5) : Math.Max(1, (int)(span / (double)Math.Max(1, n) * (0.5 + rnd.NextDouble())));
            if (i > 0) day = day.AddDays(gap);
            if (day > to) day = to;
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(day >= to ? -1 : 1);
            days.Add(day);
        }
        days.Sort();
        return days;
    }

    /// <summary><paramref name="n"/> visit days inside one month, in order (a series packed into the month).</summary>
    private static List<DateOnly> MonthDays(DateOnly month, int n, Random rnd)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var length = DateTime.DaysInMonth(month.Year, month.Month);
        var days = Enumerable.Range(0, length).Select(first.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToArray();
        rnd.Shuffle(days); // distinct days while they last: one session a day per patient
        return Enumerable.Range(0, n).Select(i => days[i % days.Length]).Order().ToList();
    }

    private static string Ascii(string s) => new(s.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray());
}

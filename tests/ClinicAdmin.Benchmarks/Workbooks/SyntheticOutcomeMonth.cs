using ClinicAdmin.Reports.Workbooks;

namespace ClinicAdmin.Benchmarks.Workbooks;

/// <summary>
/// A synthetic month for the outcome workbook, generated lazily (rows are produced while the writer
/// reads them, as a database query would stream them) and deterministically (fixed seed).
/// All names are invented.
/// </summary>
public static class SyntheticOutcomeMonth
{
    public sealed record Size(int Clinics, int Sessions, int Courses, int Assessments, int Incidents);

    /// <summary>A month of a 100-clinic chain: 100,000 sessions, 20,000 patients' courses, 5,000 incidents.</summary>
    public static readonly Size Chain = new(Clinics: 100, Sessions: 100_000, Courses: 20_000, Assessments: 60_000, Incidents: 5_000);

    /// <summary>The demo clinic's month: about 100 sessions.</summary>
    public static readonly Size Demo = new(Clinics: 1, Sessions: 100, Courses: 20, Assessments: 60, Incidents: 5);

    private static readonly (string Name, string Category, string? Route, decimal Price)[] Services =
    [
        ("IV ketamine infusion, mood", "Infusions", "IV", 399m),
        ("IV ketamine infusion, pain", "Infusions", "IV", 650m),
        ("Spravato session", "Spravato", "Intranasal", 300m),
        ("IM ketamine", "Injections", "IM", 250m),
        ("Oral at-home ketamine, month", "At-home", "Oral", 180m),
        ("Initial evaluation", "Evaluations", null, 400m),
        ("Integration session", "Therapy", null, 150m),
        ("Lidocaine infusion", "Pain", "IV", 350m),
    ];

    private static readonly string[] AddOns = ["Ondansetron", "Magnesium", "NAD+ infusion", "IV vitamins", "Vitamin B12", "Scopolamine patch"];
    private static readonly string[] IncidentTypes = ["Nausea/vomiting", "Dizziness", "Headache", "Dissociation", "Anxiety/agitation", "Hypertension", "Sedation", "Desaturation"];
    private static readonly string[] Indications = ["F33.2 MDD recurrent, severe", "F32.2 MDD single, severe", "F41.1 GAD", "F43.10 PTSD", "G90.50 CRPS I", "M79.7 Fibromyalgia"];
    private static readonly string[] GivenNames = ["Ari", "Blair", "Casey", "Devon", "Emery", "Finley", "Harper", "Jules", "Kai", "Lane", "Morgan", "Quinn", "Reese", "Sage", "Tatum"];
    private static readonly string[] FamilyNames = ["Ashdown", "Brightwater", "Caldwell", "Dunmore", "Everly", "Fairbanks", "Greystone", "Hollis", "Ingram", "Kestrel"];

    public static OutcomeWorkbookModel Model(Size size)
    {
        var providers = Enumerable.Range(0, size.Clinics * 3)
            .Select(i => $"{GivenNames[i % GivenNames.Length]} {FamilyNames[i / GivenNames.Length % FamilyNames.Length]}-{i / 150 + 1}, {(i % 3 == 0 ? "MD" : "PMHNP-BC")}")
            .ToArray();
        var mrns = Enumerable.Range(1, size.Courses).Select(i => $"MRN-{i:D6}").ToArray();

        var summary = Summary(size, providers, 1.0m);
        return new OutcomeWorkbookModel
        {
            ClinicName = size.Clinics == 1 ? "Demo Ketamine Clinic" : $"Synthetic chain ({size.Clinics} clinics)",
            Month = new ReportMonth(2025, 3, "America/New_York"),
            GeneratedAt = new DateTimeOffset(2025, 4, 1, 6, 0, 0, TimeSpan.Zero),
            GeneratedBy = "Benchmark",
            ThisMonth = summary,
            PreviousMonth = Summary(size, providers, 0.93m),
            Outcomes = OutcomeRows(size, mrns),
            Assessments = AssessmentRows(size, mrns),
            Sessions = SessionRows(size, mrns, providers),
            Incidents = IncidentRows(size, mrns, providers),
            Revenue = Services.Select(s => new RevenueRow(s.Category, s.Name, size.Sessions / Services.Length, s.Price * (size.Sessions / Services.Length))).ToList(),
            Trend = Enumerable.Range(0, 12).Select(i => Month(size, i)).ToList(),
        };
    }

    /// <summary>Month i of the 12-month trend (0 = April last year): a clinic that grows and improves slowly.</summary>
    private static TrendRow Month(Size size, int i)
    {
        var scale = 0.8m + i * 0.02m;
        int S(int n) => (int)(n * scale);
        var evaluated = Math.Max(1, S(size.Courses / 2));
        return new TrendRow(i < 9 ? 2024 : 2025, (i + 3) % 12 + 1, S(size.Courses), S(size.Sessions),
            new((int)(evaluated * (0.45m + i * 0.01m)), evaluated), new((int)(evaluated * (0.2m + i * 0.005m)), evaluated),
            (int)(S(size.Incidents) * (1.1m - i * 0.02m)));
    }

    private static MonthSummary Summary(Size size, string[] providers, decimal scale)
    {
        int S(int n) => (int)(n * scale);
        var perService = S(size.Sessions) / Services.Length;
        var perProvider = S(size.Sessions) / providers.Length;
        var perType = S(size.Incidents) / IncidentTypes.Length;
        return new MonthSummary
        {
            PatientsTreated = S(size.Courses),
            SessionsByService = Services.Select(s => new LabelCount(s.Name, perService)).ToList(),
            SessionsByProvider = providers.Select(p => new LabelCount(p, perProvider)).ToList(),
            SessionsByLocation = Enumerable.Range(1, size.Clinics).Select(l => new LabelCount($"L{l:D3}", S(size.Sessions) / size.Clinics)).ToList(),
            CoursesStarted = S(size.Courses / 4),
            CoursesCompleted = S(size.Courses / 5),
            Phq9Change = new(-7.2m * scale, S(size.Courses / 2)),
            Gad7Change = new(-5.1m * scale, S(size.Courses / 2)),
            Response = new(S(size.Courses / 3), S(size.Courses / 2)),
            Remission = new(S(size.Courses / 8), S(size.Courses / 2)),
            IncidentsByType = IncidentTypes.Select(t => new LabelCount(t, perType)).ToList(),
            IncidentsByGrade = [new(1, perType * 5), new(2, perType * 2), new(3, perType)],
            SeriousIncidents = S(size.Incidents / 100),
            AddOnUse = AddOns.Select(a => new LabelCount(a, S(size.Sessions / 10))).ToList(),
            RevenueByCategory = Services.GroupBy(s => s.Category).Select(g => new LabelAmount(g.Key, g.Sum(s => s.Price) * perService)).ToList(),
        };
    }

    private static IEnumerable<OutcomeRow> OutcomeRows(Size size, string[] mrns)
    {
        var random = new Random(1);
        for (var i = 0; i < size.Courses; i++)
        {
            var baseline = random.Next(5, 27);
            var latest = random.Next(0, baseline + 1);
            var gadBaseline = random.Next(5, 21);
            var gadLatest = random.Next(0, gadBaseline + 1);
            yield return new OutcomeRow
            {
                PatientMrn = mrns[i],
                Indication = Indications[i % Indications.Length],
                CourseStarted = new DateOnly(2025, 2, 1).AddDays(random.Next(0, 55)),
                SessionsSoFar = random.Next(1, 9),
                Phq9Baseline = baseline,
                Phq9Latest = latest,
                Phq9PercentChange = Math.Round((latest - baseline) * 100m / baseline, 1),
                Gad7Baseline = gadBaseline,
                Gad7Latest = gadLatest,
                Gad7PercentChange = Math.Round((gadLatest - gadBaseline) * 100m / gadBaseline, 1),
                Responder = latest * 2 <= baseline,
                Remitter = latest < 5,
            };
        }
    }

    private static IEnumerable<AssessmentRow> AssessmentRows(Size size, string[] mrns)
    {
        var random = new Random(2);
        for (var i = 0; i < size.Assessments; i++)
        {
            var phq = i % 2 == 0;
            var total = random.Next(0, phq ? 28 : 22);
            yield return new AssessmentRow
            {
                TakenAt = new DateTime(2025, 3, 1, 8, 0, 0).AddMinutes(random.Next(0, 31 * 24 * 60)),
                PatientMrn = mrns[i % mrns.Length],
                Indication = Indications[i % Indications.Length],
                Instrument = phq ? "PHQ-9" : "GAD-7",
                Total = total,
                Band = total switch { <= 4 => "Minimal", <= 9 => "Mild", <= 14 => "Moderate", <= 19 => "Moderately severe", _ => "Severe" },
                IsBaseline = i < mrns.Length,
            };
        }
    }

    private static IEnumerable<SessionRow> SessionRows(Size size, string[] mrns, string[] providers)
    {
        var random = new Random(3);
        for (var i = 0; i < size.Sessions; i++)
        {
            var service = Services[random.Next(Services.Length)];
            var weight = 50m + random.Next(0, 700) / 10m;
            var hasDose = service.Route is not null;
            yield return new SessionRow
            {
                Date = new DateOnly(2025, 3, 1).AddDays(random.Next(0, 31)),
                PatientMrn = mrns[random.Next(mrns.Length)],
                Provider = providers[random.Next(providers.Length)],
                Location = $"L{i % size.Clinics + 1:D3}",
                Service = service.Name,
                Category = service.Category,
                Route = service.Route,
                SessionNumber = random.Next(1, 9),
                DoseMg = hasDose ? Math.Round(weight * (0.5m + random.Next(0, 6) / 10m), 1) : null,
                WeightKg = hasDose ? weight : null,
                AddOns = random.Next(4) == 0 ? [AddOns[random.Next(AddOns.Length)]] : [],
                Charge = service.Price,
            };
        }
    }

    private static IEnumerable<IncidentRow> IncidentRows(Size size, string[] mrns, string[] providers)
    {
        var random = new Random(4);
        for (var i = 0; i < size.Incidents; i++)
        {
            var at = new DateTime(2025, 3, 1, 9, 0, 0).AddMinutes(random.Next(0, 31 * 24 * 60));
            var grade = random.Next(10) switch { < 6 => 1, < 9 => 2, _ => 3 };
            yield return new IncidentRow
            {
                OccurredAt = at,
                PatientMrn = mrns[random.Next(mrns.Length)],
                Visit = $"V-{random.Next(1, 1_000_000):D7}",
                Type = IncidentTypes[random.Next(IncidentTypes.Length)],
                Grade = grade,
                Serious = grade >= 3,
                SeriousCriteria = grade >= 3 ? "Hospitalisation" : null,
                Drug = "Ketamine",
                Route = "IV",
                DoseMg = 40m + random.Next(0, 40),
                LotNumber = $"KT-{random.Next(1000, 9999)}",
                OnsetMinutesAfterDose = random.Next(5, 90),
                Description = "Felt nauseous about twenty minutes into the infusion; settled after the infusion was slowed.",
                Systolic = random.Next(110, 170),
                Diastolic = random.Next(65, 100),
                HeartRate = random.Next(60, 110),
                SpO2 = random.Next(92, 100),
                ActionTaken = "Infusion rate reduced",
                RescueMedication = "Ondansetron",
                RescueDose = "4 mg IV",
                RescueGivenAt = at.AddMinutes(8),
                ResolvedAt = at.AddMinutes(45),
                Outcome = "Resolved",
                FollowUp = "Phone call next day",
                ReportedBy = providers[random.Next(providers.Length)],
                ReviewedBy = grade >= 3 ? providers[0] : null,
                ReviewedAt = grade >= 3 ? at.AddDays(1) : null,
                ReportableToMedWatch = grade >= 3,
            };
        }
    }
}

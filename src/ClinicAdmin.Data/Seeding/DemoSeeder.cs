using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Scheduling;
using ClinicAdmin.Domain.Visits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Data.Seeding;

public sealed record DemoSignIn(string Email, string Password, string Role, string Person);

/// <summary>
/// Roles and the settings row always; in demo mode a whole invented clinic: staff, catalog with
/// price history, ~60 patients with induction series, scores and incidents. A fixed random seed
/// makes it the same every time (dates are relative to the day it is seeded, so it looks current).
/// </summary>
public sealed class DemoSeeder(ClinicDbContext db, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    public const string DemoPassword = "Demo-Clinic-2026!";
    public const int Seed = 20260401;

    public static readonly DemoSignIn[] SignIns =
    [
        new("manager@demo.clinic", DemoPassword, Roles.PracticeManager, "Carla Jennings (office manager)"),
        new("director@demo.clinic", DemoPassword, Roles.MedicalDirector, "Dr. Helena Marsh (medical director)"),
        new("clinician@demo.clinic", DemoPassword, Roles.Clinician, "Priya Raman (nurse practitioner)"),
        new("frontdesk@demo.clinic", DemoPassword, Roles.FrontDesk, "Tom Alvarez (front desk)"),
    ];

    /// <summary>Roles and a settings row: needed in every environment.</summary>
    public async Task EnsureBasicsAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        if (!await db.ClinicSettings.AnyAsync())
        {
            db.ClinicSettings.Add(new ClinicSettings { Name = "Your clinic (set the name in Settings)" });
            await db.SaveChangesAsync();
        }
        // Every visit needs a location: a fresh installation starts with one to complete on the Locations page.
        if (!await db.Locations.AnyAsync())
        {
            db.Locations.Add(new Location { Code = "MAIN", Name = "Main location (set the address in Locations)" });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Primary diagnoses of invented patients, with how often each occurs (shared with the scale data).</summary>
    internal static readonly (Indication Ind, string Code, string Desc, int Weight)[] Diagnoses =
    [
        (Indication.TreatmentResistantDepression, "F33.2", "Major depressive disorder, recurrent, severe", 40),
        (Indication.TreatmentResistantDepression, "F33.1", "Major depressive disorder, recurrent, moderate", 15),
        (Indication.Ptsd, "F43.10", "Post-traumatic stress disorder, unspecified", 12),
        (Indication.Anxiety, "F41.1", "Generalized anxiety disorder", 10),
        (Indication.SuicidalIdeation, "R45.851", "Suicidal ideations", 5),
        (Indication.BipolarDepression, "F31.4", "Bipolar disorder, current episode depressed, severe", 5),
        (Indication.Crps, "G90.50", "Complex regional pain syndrome I, unspecified", 8),
        (Indication.Fibromyalgia, "M79.7", "Fibromyalgia", 5),
    ];

    public async Task<bool> SeedDemoAsync()
    {
        await EnsureBasicsAsync();
        if (await db.Staff.AnyAsync()) return false;

        var rnd = new Random(Seed);
        var settings = await db.ClinicSettings.SingleAsync();
        settings.Name = "Lakeshore Ketamine & Wellness Center";
        settings.BillingAddress = new Address { Line1 = "2150 Harbor View Drive", Line2 = "Suite 310", City = "Madison", State = "WI", PostalCode = "53703" };
        settings.Phone = "(608) 555-0142";
        settings.TaxId = "39-4817265";
        settings.GroupNpi = MakeNpi(rnd);
        settings.TimeZoneId = "America/Chicago";
        settings.SuperbillFooter = "Ketamine infusion therapy is self-pay at this clinic. This statement is provided so you may seek reimbursement from your insurer.";
        // Two sites: the main clinic in Madison and a smaller satellite in Middleton (every third patient is treated there).
        var madison = await db.Locations.OrderBy(l => l.Id).FirstAsync();
        madison.Code = "MAD";
        madison.Name = "Lakeshore Madison";
        madison.ServiceFacilityAddress = new Address { Line1 = "2150 Harbor View Drive", Line2 = "Suite 310", City = "Madison", State = "WI", PostalCode = "53703" };
        madison.Phone = "(608) 555-0142";
        var middleton = new Location
        {
            Code = "MID", Name = "Lakeshore Middleton", Phone = "(608) 555-0187", FacilityNpi = "1457381923",
            ServiceFacilityAddress = new Address { Line1 = "7601 University Avenue", Line2 = "Suite 104", City = "Middleton", State = "WI", PostalCode = "53562" },
        };
        db.Locations.Add(middleton);
        await db.SaveChangesAsync();
        var clock = ClinicClock.For(settings.TimeZoneId, time);
        var today = clock.Today;
        var now = time.GetUtcNow().UtcDateTime;

        // --- staff and their sign-ins
        var director = Staff("Helena", "Marsh", "M.D.", "Medical Director", true, rnd, today, "ABA (Anesthesiology); ACLS; PALS",
            "Board-certified anesthesiologist; leads the infusion protocol and reviews every serious incident.");
        var np1 = Staff("Priya", "Raman", "MSN, PMHNP-BC", "Psychiatric Nurse Practitioner", true, rnd, today, "ANCC PMHNP-BC", "Evaluations, infusions and medication management.");
        var np2 = Staff("Marcus", "Bell", "MSN, PMHNP-BC", "Psychiatric Nurse Practitioner", true, rnd, today, "ANCC PMHNP-BC", "Infusions and Spravato sessions.");
        var advisor = Staff("Samuel", "Whitfield", "PMHNP-BC", "Medical Advisor", false, rnd, today, "ANCC PMHNP-BC", "Advises on protocols; part-time.");
        var rn = Staff("Jenna", "Okafor", "RN", "Infusion Nurse", false, rnd, today, "ACLS", "Starts lines, monitors vitals during infusions.");
        var therapist = Staff("Daniel", "Reyes", "LCSW", "Therapist", true, rnd, today, null, "Ketamine-assisted psychotherapy, preparation and integration sessions.");
        var manager = Staff("Carla", "Jennings", "", "Office Manager", false, rnd, today, null, "Runs the business office.");
        var desk = Staff("Tom", "Alvarez", "", "Front Desk Coordinator", false, rnd, today, null, null);
        advisor.LicenseExpiresOn = today.AddDays(35); // shows the expiring-license warning
        foreach (var s in new[] { director, np1, np2, rn })
            foreach (var d in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
                s.Availability.Add(new WeeklyAvailability { Day = d, Start = new TimeOnly(8, 0), End = new TimeOnly(17, 0) });
        foreach (var d in new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })
            therapist.Availability.Add(new WeeklyAvailability { Day = d, Start = new TimeOnly(9, 0), End = new TimeOnly(21, 0) });
        var roster = new[] { director, np1, np2, advisor, rn, therapist, manager, desk };
        db.Staff.AddRange(roster);
        await db.SaveChangesAsync();

        var linked = new[] { manager, director, np1, desk };
        for (var i = 0; i < SignIns.Length; i++)
        {
            var s = SignIns[i];
            var user = new ApplicationUser { UserName = s.Email, Email = s.Email, EmailConfirmed = true, DisplayName = linked[i].DisplayName };
            var result = await users.CreateAsync(user, s.Password);
            if (!result.Succeeded) throw new InvalidOperationException("Demo user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, s.Role);
            linked[i].UserId = user.Id;
        }
        await db.SaveChangesAsync();

        // --- catalog; the mood infusion went from $375 to $399 75 days ago and rises to $425 on 1 January
        var longAgo = today.AddYears(-2);
        Service Svc(string name, ServiceCategory cat, string code, decimal price, int? minutes = null, string? desc = null, string? mods = null)
        {
            var s = new Service { Name = name, Category = cat, BillingCode = code, DefaultDurationMinutes = minutes, Description = desc, Modifiers = mods };
            s.AddHistoricalPrice(price, longAgo, "seed", "Opening price list", now);
            db.Services.Add(s);
            return s;
        }
        var infusion = Svc("IV ketamine infusion (mood disorders)", ServiceCategory.Infusion, "96365", 375m, 50, "Sub-anesthetic IV ketamine, about 40–50 minutes, with monitoring.");
        infusion.MonitoringMinutes = 40; // the chair stays held while the patient recovers
        infusion.AddHistoricalPrice(399m, today.AddDays(-75), "seed", "Annual fee review", now);
        infusion.AddHistoricalPrice(425m, new DateOnly(today.Year + 1, 1, 1), "seed", "Scheduled increase for the new year", now);
        var extraHour = Svc("IV infusion, each additional hour (pain protocol)", ServiceCategory.Infusion, "96366", 150m, 60, "Extended CRPS / pain infusions, per hour after the first.");
        Svc("Nasal-spray ketamine consultation (initial)", ServiceCategory.ConsultationEvaluation, "99204", 400m, 60, "Evaluation for at-home compounded ketamine nasal spray.");
        var evaluation = Svc("Initial psychiatric evaluation", ServiceCategory.ConsultationEvaluation, "90792", 350m, 60, "Medical and psychiatric evaluation before a series.");
        Svc("Follow-up medication visit", ServiceCategory.ConsultationEvaluation, "99214", 180m, 25);
        Svc("Spravato session, up to 56 mg (2 h observation)", ServiceCategory.Spravato, "G2082", 290m, 120);
        Svc("Spravato session, over 56 mg (2 h observation)", ServiceCategory.Spravato, "G2083", 340m, 120);
        Svc("IM ketamine injection", ServiceCategory.Intramuscular, "96372", 300m, 45);
        Svc("At-home oral ketamine program, monthly", ServiceCategory.HomeTherapy, "99215", 250m, 30, "Troches / rapid-dissolve tablets with monthly follow-up.", "95");
        var integration = Svc("Integration therapy session (53+ min)", ServiceCategory.IntegrationTherapy, "90837", 175m, 60);
        Svc("Preparation session (KAP)", ServiceCategory.IntegrationTherapy, "90834", 150m, 45);
        var magnesium = Svc("Magnesium infusion", ServiceCategory.AddOnTherapy, "J3475", 50m, 20);
        Svc("Scopolamine infusion", ServiceCategory.AddOnTherapy, "J3490", 85m, 20);
        Svc("Scopolamine + beta-blocker", ServiceCategory.AddOnTherapy, "J3490", 110m, 20, null, "JW");
        Svc("IV vitamins", ServiceCategory.AddOnTherapy, "J3490", 95m, 30, null, "JZ");
        Svc("Vitamin B12 injection", ServiceCategory.AddOnTherapy, "J3420", 30m, 5);
        var nad = Svc("NAD+ infusion", ServiceCategory.AddOnTherapy, "J3590", 250m, 120);
        Svc("Dextromethorphan", ServiceCategory.AddOnTherapy, "J8499", 25m);
        Svc("CoQ10", ServiceCategory.AddOnTherapy, "J8499", 20m, null, null, "JW");
        Svc("Injectable amino acids", ServiceCategory.AddOnTherapy, "J3590", 60m, 10, null, "JW");
        Svc("Nitrous oxide", ServiceCategory.AddOnTherapy, "99199", 75m, 30);
        Svc("Low-level laser light", ServiceCategory.AddOnTherapy, "S8948", 75m, 15);
        Svc("Low-dose naltrexone (LDN), monthly", ServiceCategory.AddOnTherapy, "J8499", 45m, null, null, "JZ");
        Svc("Oxytocin nasal spray", ServiceCategory.AddOnTherapy, "J3590", 60m, null, null, "JZ");
        var ondansetron = Svc("Ondansetron (Zofran) 4 mg", ServiceCategory.PreMedication, "J2405", 25m);
        Svc("Scopolamine patch", ServiceCategory.PreMedication, "J3490", 30m, null, null, "KX");
        Svc("Meclizine", ServiceCategory.PreMedication, "J8499", 15m, null, null, "KX");
        Svc("Promethazine (Phenergan)", ServiceCategory.PreMedication, "J2550", 20m);
        Svc("Prochlorperazine (Compazine)", ServiceCategory.PreMedication, "J0780", 20m);
        var midazolam = Svc("Midazolam (mild sedative)", ServiceCategory.PreMedication, "J2250", 20m);
        await db.SaveChangesAsync();

        // --- patients, series, visits, scores, payments, incidents
        // Names and streets from a separate generator, so the clinical history (rnd) is the same whatever the name lists hold.
        var names = new InventedPeople(Seed);
        var providers = new[] { director, np1, np2 };
        for (var p = 0; p < 60; p++)
        {
            var female = rnd.Next(100) < 62;
            var patient = new Patient
            {
                Mrn = $"MRN-{100200 + p * 7:D6}",
                FirstName = p == 7 ? "Zoë" : names.FirstName(female),
                LastName = p == 7 ? "Ñúñez-O'Brien" : names.LastName(),
                DateOfBirth = today.AddYears(-rnd.Next(21, 72)).AddDays(-rnd.Next(0, 365)),
                Sex = female ? "F" : "M",
                Phone = $"(608) 555-{rnd.Next(1000, 9999)}",
                Address = new Address { Line1 = names.StreetAddress(), City = names.Pick("Madison", "Middleton", "Verona", "Sun Prairie", "Fitchburg"), State = "WI", PostalCode = names.Pick("53703", "53562", "53593", "53590", "53711") },
                InsurancePayer = names.Pick("Blue Cross Blue Shield", "UnitedHealthcare", "Aetna", "Cigna", "Quartz Health", null),
                WeightKg = Math.Round((decimal)(female ? rnd.Next(50, 100) : rnd.Next(62, 120)) + rnd.Next(0, 10) / 10m, 1),
                HasUncontrolledHypertension = p % 29 == 3,
                HasSubstanceMisuse = p % 23 == 5,
            };
            patient.Email = $"{Ascii(patient.FirstName)}.{Ascii(patient.LastName)}{p}@example.com".ToLowerInvariant();
            if (patient.InsurancePayer is not null) patient.InsuranceMemberId = $"{names.Letters(3)}{rnd.Next(100000000, 999999999)}";
            var dx = PickWeighted(Diagnoses, rnd);
            patient.Diagnoses.Add(new PatientDiagnosis { Code = dx.Code, Description = dx.Desc, IsPrimary = true, DiagnosedOn = today.AddYears(-rnd.Next(1, 8)) });
            if (dx.Ind is Indication.TreatmentResistantDepression or Indication.SuicidalIdeation && rnd.Next(3) == 0)
                patient.Diagnoses.Add(new PatientDiagnosis { Code = "F41.1", Description = "Generalized anxiety disorder", DiagnosedOn = today.AddYears(-rnd.Next(1, 5)) });
            db.Patients.Add(patient);
            await db.SaveChangesAsync();

            var start = today.AddDays(-rnd.Next(3, 120));
            var course = new TreatmentCourse { PatientId = patient.Id, Indication = dx.Ind, StartDate = start, Status = CourseStatus.Active, PlannedSessions = 6,
                                              SupervisingProviderId = director.Id };   // the medical director is the provider of record
            course.Diagnoses.AddRange(patient.Diagnoses.Select((d, i) => new CourseDiagnosis { Position = i, Code = d.Code, Description = d.Description }));
            db.Courses.Add(course);
            await db.SaveChangesAsync();

            // Outcome trajectory: ~60% respond, about half of those remit, a few stop early.
            var isPain = dx.Ind is Indication.Crps or Indication.Fibromyalgia;
            var baseline = rnd.Next(14, 26);
            var roll = rnd.Next(100);
            var final = roll < 30 ? rnd.Next(1, 5) : roll < 60 ? rnd.Next(5, baseline / 2 + 1) : rnd.Next(baseline / 2 + 1, baseline + 1);
            var stopsAfter = rnd.Next(100) < 6 ? rnd.Next(2, 4) : 99;
            var gadBase = rnd.Next(9, 20);
            var provider = providers[rnd.Next(providers.Length)];
            var site = p % 3 == 2 ? middleton : madison;
            var day = start;
            decimal? previousDose = null;
            var weight = patient.WeightKg!.Value;
            int session;
            for (session = 1; session <= 6 && session <= stopsAfter; session++)
            {
                if (day > today || (day == today && clock.NowLocal.Hour < 12)) break;
                while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
                if (day > today) break;
                var startLocal = day.ToDateTime(new TimeOnly(rnd.Next(8, 15), rnd.Next(0, 4) * 15));
                var startedAt = clock.ToUtc(startLocal);
                var mgPerKg = Math.Min(1.0m, 0.5m + 0.1m * (session - 1));
                var visit = new Visit
                {
                    PatientId = patient.Id, TreatmentCourseId = course.Id, LocationId = site.Id, RenderingProviderId = (rnd.Next(4) == 0 ? providers[rnd.Next(providers.Length)] : provider).Id,
                    StartedAt = startedAt, DischargedAt = startedAt.AddMinutes(isPain ? 260 : 95 + rnd.Next(0, 30)),
                    PlaceOfService = "11", Route = Route.IV, WeightKg = weight, DoseMg = Math.Round(weight * mgPerKg, 0),
                    InfusionMinutes = isPain ? 240 : 40 + rnd.Next(0, 3) * 5, SessionNumber = session,
                    VitalsBefore = Vitals(rnd, 0), VitalsAt40Min = Vitals(rnd, 12), VitalsAtDischarge = Vitals(rnd, 3),
                    Notes = session == 1 ? "First infusion at a low dose; tolerated well." : null,
                };
                previousDose = visit.DoseMg;
                visit.Charge(infusion, day);
                if (isPain) visit.Charge(extraHour, day, 3);
                if (rnd.Next(100) < 30) visit.Charge(ondansetron, day).Detail = "ondansetron 4 mg IV before infusion";
                if (rnd.Next(100) < 15) visit.Charge(magnesium, day).Detail = "magnesium sulfate 1 g IV";
                if (rnd.Next(100) < 5) visit.Charge(nad, day).Detail = "NAD+ 250 mg IV";
                if (rnd.Next(100) < 8) visit.Charge(midazolam, day).Detail = "midazolam 1 mg IV for anxiety";
                db.Visits.Add(visit);
                await db.SaveChangesAsync();

                if (rnd.Next(100) < 90)
                    db.Payments.Add(new Payment { PatientId = patient.Id, VisitId = visit.Id, ReceivedAt = startedAt.AddMinutes(100), Amount = visit.TotalCharge,
                        Method = rnd.Next(100) < 70 ? PaymentMethod.Card : rnd.Next(2) == 0 ? PaymentMethod.CareCredit : PaymentMethod.Cash, RecordedBy = desk.DisplayName });

                // PHQ-9 and GAD-7: before the first infusion, then after sessions 3 and 6.
                if (session is 1 or 3 or 6)
                {
                    var at = session == 1 ? startedAt.AddMinutes(-30) : startedAt.AddMinutes(-20);
                    var target = session == 1 ? baseline : session == 3 ? (baseline + final) / 2 : final;
                    db.Assessments.Add(Assessment.Record(patient.Id, course.Id, visit.Id, Instrument.Phq9, at, Items(target, 9, 3, rnd)));
                    var gad = session == 1 ? gadBase : (int)Math.Round(gadBase * (decimal)final / baseline * (session == 3 ? 1.2m : 1m));
                    db.Assessments.Add(Assessment.Record(patient.Id, course.Id, visit.Id, Instrument.Gad7, at, Items(Math.Min(gad, 21), 7, 3, rnd)));
                    if (isPain) db.Assessments.Add(Assessment.Record(patient.Id, course.Id, visit.Id, Instrument.PainNrs, at, [Math.Max(0, 8 - session + rnd.Next(0, 2))]));
                }

                if (rnd.Next(100) < 11) db.Incidents.Add(MakeIncident(rnd, patient, visit, rn, director, now));
                day = day.AddDays(rnd.Next(2, 5));
            }
            course.Status = session > 6 ? CourseStatus.Completed : session <= stopsAfter ? CourseStatus.Active : CourseStatus.Stopped;
            if (course.Status != CourseStatus.Active) course.EndDate = day.AddDays(-1) > today ? today : day.AddDays(-1);
            if (session == 1) course.Status = CourseStatus.Planned;
            await db.SaveChangesAsync();
        }

        // One integration session and one evaluation so those pages have content.
        var first = await db.Patients.OrderBy(x => x.Id).FirstAsync();
        var evalVisit = new Visit { PatientId = first.Id, LocationId = madison.Id, RenderingProviderId = therapist.Id, StartedAt = clock.ToUtc(today.AddDays(-1).ToDateTime(new TimeOnly(18, 0))), Route = Route.None, PlaceOfService = "02" };
        evalVisit.Charge(integration, today.AddDays(-1));
        db.Visits.Add(evalVisit);
        var evalVisit2 = new Visit { PatientId = first.Id, LocationId = madison.Id, RenderingProviderId = np1.Id, StartedAt = clock.ToUtc(today.AddDays(-130).ToDateTime(new TimeOnly(10, 0))), Route = Route.None, PlaceOfService = "11" };
        evalVisit2.Charge(evaluation, today.AddDays(-130));
        db.Visits.Add(evalVisit2);
        await db.SaveChangesAsync();
        await SeedScheduleAsync(madison, middleton, providers, therapist, clock, now);
        return true;
    }

    /// <summary>
    /// Chairs and rooms at both sites, and today plus the next week of infusions, Spravato sessions and consults. Slots are
    /// laid greedily so no chair place, provider or patient is double-booked (the database would refuse it anyway).
    /// </summary>
    private async Task SeedScheduleAsync(Location madison, Location middleton, StaffMember[] providers, StaffMember therapist, ClinicClock clock, DateTime now)
    {
        Resource R(Location l, string name, ResourceKind kind, int capacity = 1)
        {
            var r = new Resource { LocationId = l.Id, Name = name, Kind = kind, Capacity = capacity };
            r.SetTakes(Resource.UsualTakes(kind));
            db.Resources.Add(r);
            return r;
        }
        var madChairs = Enumerable.Range(1, 4).Select(i => R(madison, $"Chair {i}", ResourceKind.InfusionChair)).ToList();
        var spravatoRoom = R(madison, "Spravato room", ResourceKind.SpravatoRoom, 2);
        var consultRoom = R(madison, "Consult room", ResourceKind.ConsultRoom);
        var midChairs = Enumerable.Range(1, 2).Select(i => R(middleton, $"Chair {i}", ResourceKind.InfusionChair)).ToList();
        R(middleton, "Consult room", ResourceKind.ConsultRoom);
        await db.SaveChangesAsync();

        var services = await db.Services.Where(s => s.IsActive).ToListAsync();
        var infusion = services.First(s => s.BillingCode == "96365");
        var spravato = services.First(s => s.Category == ServiceCategory.Spravato);
        var integration = services.First(s => s.Category == ServiceCategory.IntegrationTherapy);
        var patients = await db.Patients.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var booked = new List<Appointment>();
        var next = 0;
        void Try(int locationId, Resource? resource, int place, Service service, StaffMember provider, DateTime localStart)
        {
            var start = clock.ToUtc(localStart);
            var end = start + AppointmentRules.Length(service);
            for (var tries = 0; tries < patients.Count; tries++)
            {
                var patient = patients[next++ % patients.Count];
                bool Clash(Appointment a) => a.StartUtc < end && start < a.EndUtc &&
                    ((resource is not null && a.ResourceId == resource.Id && a.Place == place) || a.ProviderId == provider.Id || a.PatientId == patient);
                if (booked.Any(a => a.ResourceId == resource?.Id && resource is not null && a.Place == place && a.StartUtc < end && start < a.EndUtc)) return;
                if (booked.Any(a => a.ProviderId == provider.Id && a.StartUtc < end && start < a.EndUtc)) return;
                if (booked.Any(Clash)) continue;
                var a = new Appointment
                {
                    PatientId = patient, ServiceId = service.Id, ProviderId = provider.Id, LocationId = locationId, ResourceId = resource?.Id,
                    Place = resource is null ? 0 : place, StartUtc = start, EndUtc = end, BookedBy = "frontdesk@demo.clinic", BookedAt = now.AddDays(-10),
                };
                if (end <= now) a.Complete(start);
                else if (start <= now) a.CheckIn(start);
                booked.Add(a);
                return;
            }
        }
        for (var day = clock.Today; day <= clock.Today.AddDays(7); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            for (var c = 0; c < madChairs.Count; c++)
                for (var k = 0; k < 4; k++)
                    Try(madison.Id, madChairs[c], 1, infusion, providers[(c + k) % providers.Length], day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(c * 30 + k * 100));
            for (var place = 1; place <= 2; place++)
                Try(madison.Id, spravatoRoom, place, spravato, providers[place % providers.Length], day.ToDateTime(new TimeOnly(place == 1 ? 9 : 13, 0)));
            for (var c = 0; c < midChairs.Count; c++)
                Try(middleton.Id, midChairs[c], 1, infusion, providers[(c + 2) % providers.Length], day.ToDateTime(new TimeOnly(10, 0)).AddMinutes(c * 120));
            if (therapist.Availability.Any(w => w.Day == day.DayOfWeek))
                Try(madison.Id, null, 0, integration, therapist, day.ToDateTime(new TimeOnly(17, 0)));
        }
        db.Appointments.AddRange(booked);
        await db.SaveChangesAsync();
    }

    private static StaffMember Staff(string first, string last, string creds, string title, bool rendering, Random rnd, DateOnly today, string? boards, string? bio) => new()
    {
        FirstName = first, LastName = last, Credentials = creds, Title = title, IsRenderingProvider = rendering,
        Email = $"{first}.{last}@lakeshore-ketamine.example".ToLowerInvariant(), Phone = $"(608) 555-{rnd.Next(1000, 9999)}",
        Npi = creds.Length > 0 ? MakeNpi(rnd) : null,
        LicenseNumber = creds.Length > 0 ? $"{rnd.Next(10000, 99999)}-{(creds.Contains("M.D.") ? "20" : creds.Contains("LCSW") ? "124" : "30")}" : null,
        LicenseState = creds.Length > 0 ? "WI" : null,
        LicenseExpiresOn = creds.Length > 0 ? today.AddDays(rnd.Next(200, 700)) : null,
        BoardCertifications = boards, Bio = bio, StartDate = today.AddYears(-rnd.Next(1, 6)),
    };

    public static string MakeNpi(Random rnd)
    {
        var nine = "1" + rnd.Next(10000000, 99999999).ToString("D8");
        return nine + Npi.CheckDigit(nine);
    }

    internal static VitalSigns Vitals(Random rnd, int rise) => new()
    {
        Systolic = 112 + rnd.Next(0, 22) + rise, Diastolic = 70 + rnd.Next(0, 12) + rise / 2, HeartRate = 64 + rnd.Next(0, 20), SpO2 = 96 + rnd.Next(0, 4),
    };

    /// <summary>Item answers (0..max each) that add up to a target total.</summary>
    internal static int[] Items(int total, int count, int max, Random rnd)
    {
        total = Math.Clamp(total, 0, count * max);
        var items = new int[count];
        while (items.Sum() < total)
        {
            var i = rnd.Next(count);
            if (items[i] < max) items[i]++;
        }
        return items;
    }

    internal static Incident MakeIncident(Random rnd, Patient patient, Visit visit, StaffMember nurse, StaffMember director, DateTime now)
    {
        var (type, desc, grade) = rnd.Next(100) switch
        {
            < 30 => (IncidentType.NauseaVomiting, "Nausea near the end of the infusion; vomited once.", 1),
            < 50 => (IncidentType.Dissociation, "Visual distortions and a feeling of floating; reassured, settled by discharge.", 1),
            < 65 => (IncidentType.Hypertension, "Blood pressure rose during infusion.", 2),
            < 75 => (IncidentType.AnxietyAgitation, "Anxious and restless at 20 minutes; rate reduced.", 2),
            < 85 => (IncidentType.Dizziness, "Dizzy on standing at discharge; observed a further 30 minutes.", 1),
            < 93 => (IncidentType.Headache, "Mild headache the next morning (reported by phone).", 1),
            _ => (IncidentType.Desaturation, "SpO2 fell to 87% with sedation; chin lift and oxygen 2 L by nasal cannula.", 3),
        };
        var incident = new Incident
        {
            PatientId = patient.Id, VisitId = visit.Id, Type = type, Route = Route.IV, DoseMg = visit.DoseMg, LotNumber = $"KET{rnd.Next(1000, 9999)}",
            OnsetMinutesAfterDose = rnd.Next(5, 45), OccurredAt = visit.StartedAt.AddMinutes(rnd.Next(5, 45)), Description = desc,
            Vitals = new VitalSigns { Systolic = type == IncidentType.Hypertension ? 168 + rnd.Next(0, 15) : 128, Diastolic = type == IncidentType.Hypertension ? 98 : 80, HeartRate = 88, SpO2 = type == IncidentType.Desaturation ? 87 : 97 },
            ActionTaken = grade >= 2 ? "Infusion paused, then resumed at a lower rate." : "Observation and reassurance.",
            RescueMedication = type == IncidentType.NauseaVomiting ? "Ondansetron" : type == IncidentType.Hypertension ? "Labetalol" : null,
            RescueDose = type == IncidentType.NauseaVomiting ? "4 mg IV" : type == IncidentType.Hypertension ? "10 mg IV" : null,
            ResolvedAt = visit.StartedAt.AddMinutes(90), Outcome = IncidentOutcome.Resolved, ReportedBy = nurse.DisplayName,
        };
        incident.Classify(grade, SeriousCriteria.None);
        if (grade >= 3 && rnd.Next(2) == 0) incident.SignOff(director.DisplayName, "Reviewed: airway managed per protocol; continue series at a lower dose.", now);
        return incident;
    }

    internal static (Indication Ind, string Code, string Desc, int Weight) PickWeighted((Indication Ind, string Code, string Desc, int Weight)[] items, Random rnd)
    {
        var roll = rnd.Next(items.Sum(i => i.Weight));
        foreach (var i in items) { if (roll < i.Weight) return i; roll -= i.Weight; }
        return items[0];
    }

    private static string Ascii(string s) => new(s.Normalize(System.Text.NormalizationForm.FormD).Where(c => char.IsAsciiLetter(c)).ToArray());
}


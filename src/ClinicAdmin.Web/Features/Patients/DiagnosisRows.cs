using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicAdmin.Web.Features.Patients;

/// <summary>The patient form's diagnosis rows: read and checked (ICD-10-CM), then set on the patient keeping rows that stay.</summary>
public static class DiagnosisRows
{
    /// <summary>The diagnosis rows that have a code, normalised; errors on the rows for a bad or repeated code.</summary>
    public static List<(string Code, string Description, bool Primary)> Read(List<EditModel.DiagnosisInput> rows, int? primary, ModelStateDictionary modelState)
    {
        var result = new List<(string, string, bool)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (string.IsNullOrWhiteSpace(row.Code))
            {
                if (!string.IsNullOrWhiteSpace(row.Description)) modelState.AddErrorOnce($"Input.Diagnoses[{i}].Code", "Enter the ICD-10-CM code for this description.");
                continue;
            }
            var code = Icd10.Normalize(row.Code);
            if (code is null)
            {
                modelState.AddErrorOnce($"Input.Diagnoses[{i}].Code", $"“{row.Code.Trim()}” is not an ICD-10-CM code: a letter, two characters, then optionally a dot and up to four more (e.g. F33.1).");
                continue;
            }
            if (result.Any(r => r.Item1 == code)) { modelState.AddErrorOnce($"Input.Diagnoses[{i}].Code", $"{code} is listed twice."); continue; }
            var description = string.IsNullOrWhiteSpace(row.Description) ? CommonDiagnoses.Find(code)?.Description : row.Description.Trim();
            if (description is null) { modelState.AddErrorOnce($"Input.Diagnoses[{i}].Description", $"Describe {code}: it is not on the clinic's list."); continue; }
            result.Add((code, description, primary == i));
        }
        if (result.Count > 0 && !result.Any(r => r.Item3)) result[0] = result[0] with { Item3 = true };
        return result;
    }

    public static void Set(Patient p, List<(string Code, string Description, bool Primary)> wanted)
    {
        p.Diagnoses.RemoveAll(d => !wanted.Any(w => w.Code == d.Code));
        foreach (var (code, description, primary) in wanted)
        {
            var row = p.Diagnoses.FirstOrDefault(d => d.Code == code);
            if (row is null) p.Diagnoses.Add(row = new PatientDiagnosis { Code = code });
            row.Description = description;
            row.IsPrimary = primary;
        }
    }

    /// <summary>The rows as typed, without errors (to show what this user typed in a conflict).</summary>
    public static List<(string Code, string Description, bool Primary)> ReadQuietly(List<EditModel.DiagnosisInput> rows, int? primary) =>
        rows.Select((d, i) => (Code: Icd10.Normalize(d.Code), d.Description, Primary: primary == i))
            .Where(d => d.Code is not null).Select(d => (d.Code!, d.Description ?? "", d.Primary)).ToList();
}

using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Patients;

/// <summary>
/// The ICD-10-CM codes a ketamine clinic uses most (DOMAIN.md), offered as a pick list on the patient form.
/// Any other code of the right format may still be typed. Descriptions are our own short wording.
/// </summary>
public static class CommonDiagnoses
{
    public sealed record Entry(string Code, string Description, string Group);

    public static readonly IReadOnlyList<Entry> All =
    [
        new("F32.0", "Major depressive disorder, single episode, mild", "Depression"),
        new("F32.1", "Major depressive disorder, single episode, moderate", "Depression"),
        new("F32.2", "Major depressive disorder, single episode, severe without psychotic features", "Depression"),
        new("F32.3", "Major depressive disorder, single episode, severe with psychotic features", "Depression"),
        new("F32.4", "Major depressive disorder, single episode, in partial remission", "Depression"),
        new("F32.5", "Major depressive disorder, single episode, in full remission", "Depression"),
        new("F32.9", "Major depressive disorder, single episode, unspecified", "Depression"),
        new("F32.A", "Depression, unspecified", "Depression"),
        new("F33.0", "Major depressive disorder, recurrent, mild", "Depression"),
        new("F33.1", "Major depressive disorder, recurrent, moderate", "Depression"),
        new("F33.2", "Major depressive disorder, recurrent, severe without psychotic features", "Depression"),
        new("F33.3", "Major depressive disorder, recurrent, severe with psychotic symptoms", "Depression"),
        new("F33.9", "Major depressive disorder, recurrent, unspecified", "Depression"),
        new("R45.851", "Suicidal ideations", "Depression"),
        new("F31.30", "Bipolar disorder, current episode depressed, mild or moderate, unspecified", "Bipolar"),
        new("F31.4", "Bipolar disorder, current episode depressed, severe, without psychotic features", "Bipolar"),
        new("F31.81", "Bipolar II disorder", "Bipolar"),
        new("F31.9", "Bipolar disorder, unspecified", "Bipolar"),
        new("F41.1", "Generalized anxiety disorder", "Anxiety, PTSD, OCD"),
        new("F43.10", "Post-traumatic stress disorder, unspecified", "Anxiety, PTSD, OCD"),
        new("F43.11", "Post-traumatic stress disorder, acute", "Anxiety, PTSD, OCD"),
        new("F43.12", "Post-traumatic stress disorder, chronic", "Anxiety, PTSD, OCD"),
        new("F42.2", "Mixed obsessional thoughts and acts", "Anxiety, PTSD, OCD"),
        new("G90.50", "Complex regional pain syndrome I, unspecified", "Pain"),
        new("G90.511", "Complex regional pain syndrome I of right upper limb", "Pain"),
        new("G90.512", "Complex regional pain syndrome I of left upper limb", "Pain"),
        new("G90.513", "Complex regional pain syndrome I of upper limb, bilateral", "Pain"),
        new("G90.521", "Complex regional pain syndrome I of right lower limb", "Pain"),
        new("G90.522", "Complex regional pain syndrome I of left lower limb", "Pain"),
        new("G90.523", "Complex regional pain syndrome I of lower limb, bilateral", "Pain"),
        new("G90.59", "Complex regional pain syndrome I of other specified site", "Pain"),
        new("M79.7", "Fibromyalgia", "Pain"),
        new("G89.4", "Chronic pain syndrome", "Pain"),
        new("G43.709", "Chronic migraine without aura, not intractable, without status migrainosus", "Headache"),
        new("G43.909", "Migraine, unspecified, not intractable, without status migrainosus", "Headache"),
        new("G44.009", "Cluster headache syndrome, unspecified, not intractable", "Headache"),
        new("G44.029", "Chronic cluster headache, not intractable", "Headache"),
        new("F10.20", "Alcohol dependence, uncomplicated", "Substance use"),
        new("F11.20", "Opioid dependence, uncomplicated", "Substance use"),
        new("F14.20", "Cocaine dependence, uncomplicated", "Substance use"),
    ];

    private static readonly Dictionary<string, Entry> ByCode = All.ToDictionary(e => e.Code, StringComparer.Ordinal);

    /// <summary>The entry for a code in any accepted spelling ("f331" finds F33.1); null when not on the list.</summary>
    public static Entry? Find(string? code) => Icd10.Normalize(code) is { } c && ByCode.TryGetValue(c, out var e) ? e : null;
}

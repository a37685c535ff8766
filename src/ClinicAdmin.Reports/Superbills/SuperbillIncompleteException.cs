namespace ClinicAdmin.Reports.Superbills;

/// <summary>Thrown instead of producing an invalid bill; <see cref="Problems"/> lists everything to fix.</summary>
public sealed class SuperbillIncompleteException : InvalidOperationException
{
    public SuperbillIncompleteException(string documentNumber, IReadOnlyList<string> problems)
        : base(BuildMessage(documentNumber, problems))
    {
        DocumentNumber = documentNumber;
        Problems = problems;
    }

    public string DocumentNumber { get; }

    public IReadOnlyList<string> Problems { get; }

    private static string BuildMessage(string documentNumber, IReadOnlyList<string> problems) =>
        $"Superbill {documentNumber} cannot be issued until {(problems.Count == 1 ? "this is" : $"these {problems.Count} things are")} fixed:"
        + string.Concat(problems.Select(p => Environment.NewLine + "- " + p));
}

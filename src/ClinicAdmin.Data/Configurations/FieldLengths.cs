namespace ClinicAdmin.Data.Configurations;

/// <summary>Column lengths, shared with the pages' validation so a form refuses what the column cannot hold.</summary>
public static class FieldLengths
{
    public const int Name = 100;
    public const int Short = 40;
    public const int Code = 20;
    public const int Line = 200;
    public const int Text = 4000;
}

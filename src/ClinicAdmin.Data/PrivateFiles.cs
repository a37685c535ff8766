namespace ClinicAdmin.Data;

/// <summary>
/// Files that hold patient data or keys (the SQLite database, backups, the development key-encryption certificate)
/// are readable by the app's own user only: 0600 files in 0700 folders on Unix (issue 13, finding 11). The default
/// umask would leave them 0644/0755, readable by every account on the machine. Windows keeps its inherited ACLs.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder (and missing parents) as 0700; an existing folder is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>A new file, created 0600 from the first byte (never briefly readable by others); fails if it exists.</summary>
    public static FileStream CreateNew(string path, int bufferSize = 1 << 16) => new(path, new FileStreamOptions
    {
        Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize,
        UnixCreateMode = OperatingSystem.IsWindows() ? null : FileMode,
    });

    /// <summary>An empty 0600 file when none exists yet, so a tool that opens it afterwards (SQLite, pg_dump) keeps that mode.</summary>
    public static void Touch(string path)
    {
        if (File.Exists(path)) return;
        try { CreateNew(path).Dispose(); }
        catch (IOException) when (File.Exists(path)) { } // made by someone else in between
    }

    /// <summary>Takes group and other rights off an existing file (files made before this version). A missing file is fine.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        var mode = File.GetUnixFileMode(path);
        if ((mode & ~FileMode) != 0) File.SetUnixFileMode(path, mode & FileMode);
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var s = CreateNew(path);
        s.Write(bytes);
    }
}

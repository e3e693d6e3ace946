using System.Runtime.InteropServices;

namespace OrdinanceRules.Yaml.Reading;

/// <summary>
/// Whether a path names a regular file, asked of the operating system before the file is opened: opening a pipe
/// waits for a writer, and a device may never end. .NET reports neither (a pipe and /dev/zero both look like empty
/// files), so Linux is asked through <c>statx</c>; Windows device paths are refused by their form.
/// </summary>
internal static partial class RegularFile
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int FileTypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>True for a regular file, false for anything else, null when the system cannot say.</summary>
    public static bool? Check(string path, FileInfo info)
    {
        if (OperatingSystem.IsWindows())
        {
            var full = info.FullName;
            return !(full.StartsWith(@"\\.\", StringComparison.Ordinal) || full.StartsWith(@"\\?\", StringComparison.Ordinal) || info.Attributes.HasFlag(FileAttributes.Device));
        }

        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var buffer = new byte[256];
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return null;
            }

            var mode = BitConverter.ToUInt16(buffer, ModeOffset);
            return (mode & FileTypeMask) == Regular;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // CA2101 asks for a CharSet; the path is marshalled explicitly as UTF-8 (LPUTF8Str), which is what statx takes.
#pragma warning disable CA2101
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore CA2101
}

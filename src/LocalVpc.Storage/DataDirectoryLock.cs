namespace LocalVpc.Storage;

/// <summary>
/// One owner per data directory: an exclusive lock on <c>localvpc.lock</c> held for the server's life (an advisory
/// <c>flock</c> on Unix, a sharing lock on Windows), so a second server cannot write the same log. The operating system
/// drops it when the process ends, however it ends. Who holds it is written beside it, in <c>localvpc.owner</c>, for the
/// message a second server prints.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    private const string LockFile = "localvpc.lock", OwnerFile = "localvpc.owner";

    private readonly FileStream _lock;

    private DataDirectoryLock(FileStream held) => _lock = held;

    /// <summary>The lock, or null and who holds it (as its owner wrote it, e.g. "process 4242 serving http://127.0.0.1:4580").</summary>
    /// <param name="owner">What this server writes as its owner.</param>
    public static DataDirectoryLock? TryAcquire(string directory, string owner, out string heldBy)
    {
        heldBy = "";
        Directory.CreateDirectory(directory);
        FileStream held;
        try
        {
            held = new FileStream(Path.Combine(directory, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            heldBy = ReadOwner(directory) ?? "another process";
            return null;
        }
        File.WriteAllText(Path.Combine(directory, OwnerFile), owner);
        return new DataDirectoryLock(held);
    }

    private static string? ReadOwner(string directory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(directory, OwnerFile)).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _lock.Dispose();
}

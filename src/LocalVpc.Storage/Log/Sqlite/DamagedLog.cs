using System.Text;
using Microsoft.Data.Sqlite;

namespace LocalVpc.Storage.Sqlite;

/// <summary>What is wrong with a log that does not load: the first thing found, and in which account and region.</summary>
/// <param name="What">For people: the row and the reason ("event 1234 of account 111122223333 in us-east-1: …").</param>
/// <param name="Scope">The account and region the damage is in; null when the file itself cannot be read.</param>
/// <param name="Seq">The damaged event's sequence number; null when the damage is the scope's snapshot (or the file).</param>
public sealed record LogDamage(string What, Scope? Scope, long? Seq);

/// <summary>
/// Finds the damage in a log that does not load, and recovers from it: the damaged file (with its WAL) is moved aside,
/// never deleted, and a new log keeps every account and region whole except the damaged one, which keeps its snapshot
/// and the events before the damage.
/// </summary>
public static class DamagedLog
{
    /// <summary>The first damage in the log at <paramref name="path"/>, or null when every row reads and applies.</summary>
    public static LogDamage? Inspect(string path)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            using (var check = connection.CreateCommand())
            {
                check.CommandText = "PRAGMA quick_check";
                if (check.ExecuteScalar() is string verdict && verdict != "ok") return new LogDamage($"SQLite finds the file damaged: {verdict}", null, null);
            }
            var snapshotSeq = new Dictionary<Scope, long>();
            var states = new Dictionary<Scope, AccountState>();
            foreach (var (scope, seq, body) in Rows(connection, "SELECT account, region, seq, body FROM snapshots"))
            {
                if (Apply(AccountState.Empty(scope), () => SnapshotBody.Json(Bytes(body)), out var state) is { } reason)
                    return new LogDamage($"the snapshot of account {scope.Account} in {scope.Region} (up to event {seq}): {reason}", scope, null);
                (states[scope], snapshotSeq[scope]) = (state, seq);
            }
            foreach (var (scope, seq, body) in Rows(connection, "SELECT account, region, seq, body FROM events ORDER BY seq"))
            {
                if (seq <= snapshotSeq.GetValueOrDefault(scope)) continue;
                if (Apply(states.GetValueOrDefault(scope) ?? AccountState.Empty(scope), () => Bytes(body), out var state) is { } reason)
                    return new LogDamage($"event {seq} of account {scope.Account} in {scope.Region}: {reason}", scope, seq);
                states[scope] = state;
            }
            return null;
        }
        catch (SqliteException e)
        {
            return new LogDamage($"it is not a readable SQLite database ({e.Message.TrimEnd('.')})", null, null);
        }
    }

    /// <summary>
    /// Moves the damaged file aside (<c>state.db.damaged-20261130-120000</c>, with its <c>-wal</c> and <c>-shm</c>) and writes a
    /// new log at <paramref name="path"/> with everything before the damage. Returns how many events it kept and where the
    /// damaged file went.
    /// </summary>
    public static (int KeptEvents, string MovedTo) Recover(string path, LogDamage damage, DateTimeOffset now)
    {
        var aside = $"{path}.damaged-{now.UtcDateTime:yyyyMMdd-HHmmss}";
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(path + suffix)) File.Move(path + suffix, aside + suffix);
        using var fresh = Open(path, SqliteOpenMode.ReadWriteCreate);
        SqliteEventLog.Execute(fresh, SqliteEventLog.Schema);
        if (damage.Scope is not { } damaged) return (0, aside);

        using var old = Open(aside, SqliteOpenMode.ReadOnly);
        using var transaction = fresh.BeginTransaction();
        foreach (var (scope, seq, body) in Rows(old, "SELECT account, region, seq, body FROM snapshots"))
            if (scope != damaged || damage.Seq is not null)
                Insert(fresh, "INSERT INTO snapshots (account, region, seq, body) VALUES ($account, $region, $seq, $body)", scope, seq, body);
        var kept = 0;
        foreach (var (scope, seq, body) in Rows(old, "SELECT account, region, seq, body FROM events ORDER BY seq"))
        {
            // The damaged scope keeps the events before its damage, and none when its snapshot is the damage (they built on it).
            if (scope == damaged && (damage.Seq is not { } first || seq >= first)) continue;
            Insert(fresh, "INSERT INTO events (seq, account, region, body) VALUES ($seq, $account, $region, $body)", scope, seq, body);
            kept++;
        }
        transaction.Commit();
        return (kept, aside);
    }

    /// <summary>Whether the events of a body (its JSON read by <paramref name="json"/>) read and apply; null when they do, else why not.</summary>
    private static string? Apply(AccountState state, Func<byte[]> json, out AccountState applied)
    {
        applied = state;
        try
        {
            applied = state.Apply(EventJson.Deserialize(json()));
            return null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or NotSupportedException or InvalidOperationException
                                       or KeyNotFoundException or ArgumentException)
        {
            return e.Message;
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The rows of a query; each body as SQLite holds it (text, or a blob as snapshots are), so a copy keeps it exactly.</summary>
    private static IEnumerable<(Scope Scope, long Seq, object Body)> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return (new Scope(reader.GetString(0), reader.GetString(1)), reader.GetInt64(2), reader.GetValue(3));
    }

    private static byte[] Bytes(object body) => body switch
    {
        byte[] bytes => bytes,
        string text => Encoding.UTF8.GetBytes(text),
        _ => throw new InvalidDataException($"a body that is a {body.GetType().Name}, not text"),
    };

    private static void Insert(SqliteConnection connection, string sql, Scope scope, long seq, object body)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$account", scope.Account);
        command.Parameters.AddWithValue("$region", scope.Region);
        command.Parameters.AddWithValue("$seq", seq);
        command.Parameters.AddWithValue("$body", body);
        command.ExecuteNonQuery();
    }
}

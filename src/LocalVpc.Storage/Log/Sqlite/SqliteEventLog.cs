using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.IO;

namespace LocalVpc.Storage.Sqlite;

/// <summary>
/// The event log in one SQLite file. One writer task takes appends in call order and commits whatever has
/// queued up in one transaction (group commit); with WAL and synchronous=FULL a commit is fsynced before
/// any append in it completes. Snapshots are serialised beside the writer and stored in a later transaction.
/// </summary>
public sealed class SqliteEventLog : IEventLog
{
    /// <summary>Appends committed together at most. Bounds the latency one commit adds to the first append in it.</summary>
    public const int MaxBatch = 256;

    private readonly SqliteConnection _connection;
    /// <summary>
    /// Appends waiting for the writer at the most. Past it an append waits for room (still in call order: a bounded
    /// channel hands a waiting writer's item over as soon as one is read), so a burst cannot grow memory without bound.
    /// </summary>
    public const int MaxQueued = 16 * 1024;

    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(MaxQueued)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly Task _writer;

    /// <summary>Where snapshots are serialised: 128 KiB blocks, of which the pool keeps at most 16 MB between snapshots.</summary>
    private static readonly RecyclableMemoryStreamManager SnapshotBlocks = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 128 * 1024,
        MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 4 * 1024 * 1024,
    });

    private abstract record Work(TaskCompletionSource Done);
    private sealed record Append(ImmutableArray<Written> Changes, TaskCompletionSource Done) : Work(Done);
    /// <summary>One account's record; its snapshot still a state, serialised once the record is committed (see <see cref="Serialize"/>).</summary>
    private sealed record Written(Scope Scope, byte[] Events, AccountState? Snapshot);
    private sealed record Clear(TaskCompletionSource Done) : Work(Done);
    /// <summary>An account's state as of record <paramref name="Seq"/>, serialised (<see cref="SnapshotBody"/>); nobody waits for it but a closing log.</summary>
    private sealed record Snapshot(Scope Scope, long Seq, int Generation, RecyclableMemoryStream Body, TaskCompletionSource Done) : Work(Done);
    /// <summary>A snapshot due once its record is committed.</summary>
    private sealed record Due(Scope Scope, long Seq, int Generation, AccountState State);

    /// <summary>Accounts whose snapshot is being serialised or waits to be stored: one at a time each.</summary>
    private readonly ConcurrentDictionary<Scope, Task> _snapshotting = new();
    /// <summary>Each account's snapshot writer, with the JSON of its resources as the last snapshot wrote them.</summary>
    private readonly ConcurrentDictionary<Scope, SnapshotJson> _snapshotJson = new();
    /// <summary>Counts the log's clears (writer thread only): a snapshot serialised before one is dropped, not stored.</summary>
    private int _generation;

    private SqliteEventLog(SqliteConnection connection)
    {
        _connection = connection;
        // A thread of its own: commits block on fsync, and blocking a pool thread starves request handling.
        _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Opens (creating if needed) the log at <paramref name="path"/>.</summary>
    public static SqliteEventLog Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, Schema);
        return new SqliteEventLog(connection);
    }

    /// <summary>The log's tables, and the journal settings every commit relies on; the one definition, shared with recovery.</summary>
    internal const string Schema = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS events (
                seq     INTEGER PRIMARY KEY AUTOINCREMENT,
                account TEXT NOT NULL,
                region  TEXT NOT NULL,
                body    TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS snapshots (
                account TEXT NOT NULL,
                region  TEXT NOT NULL,
                seq     INTEGER NOT NULL,
                body    TEXT NOT NULL,
                PRIMARY KEY (account, region));
            """;

    public async Task<IReadOnlyList<AccountState>> LoadAsync(CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<Scope, AccountState>();
        var snapshotSeq = new Dictionary<Scope, long>();
        await using (var snapshots = _connection.CreateCommand())
        {
            snapshots.CommandText = "SELECT account, region, seq, body FROM snapshots";
            await using var reader = await snapshots.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var scope = new Scope(reader.GetString(0), reader.GetString(1));
                states[scope] = AccountState.Empty(scope).Apply(EventJson.Deserialize(SnapshotBody.Json(reader.GetFieldValue<byte[]>(3))));
                snapshotSeq[scope] = reader.GetInt64(2);
            }
        }
        await using (var events = _connection.CreateCommand())
        {
            events.CommandText = "SELECT account, region, seq, body FROM events ORDER BY seq";
            await using var reader = await events.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var scope = new Scope(reader.GetString(0), reader.GetString(1));
                if (reader.GetInt64(2) <= snapshotSeq.GetValueOrDefault(scope)) continue;
                var state = states.GetValueOrDefault(scope) ?? AccountState.Empty(scope);
                states[scope] = state.Apply(EventJson.Deserialize(reader.GetFieldValue<byte[]>(3)));
            }
        }
        return [.. states.Values];
    }

    public Task AppendAsync(IReadOnlyList<AccountChange> changes)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The events are written here, by the caller; a snapshot (a whole account, megabytes in a large one) once the record
        // is committed, beside the writer, so neither the region's writers nor the commits wait while it is serialised.
        // The state is immutable: nothing changes it meanwhile.
        var work = new Append([.. changes.Select(c => new Written(c.Scope, EventJson.SerializeToUtf8(c.Events), c.Snapshot))], done);
        return EnqueueAsync(work);
    }

    public Task ClearAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return EnqueueAsync(new Clear(done));
    }

    private Task EnqueueAsync(Work work)
    {
        if (_queue.Writer.TryWrite(work)) return work.Done.Task;
        return WaitForRoomAsync(work);

        async Task WaitForRoomAsync(Work waiting)
        {
            try
            {
                await _queue.Writer.WriteAsync(waiting).ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                throw new ObjectDisposedException(nameof(SqliteEventLog));
            }
            await waiting.Done.Task.ConfigureAwait(false);
        }
    }

    private void WriteLoop()
    {
        var batch = new List<Work>(MaxBatch);
        var due = new List<Due>();
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var work)) batch.Add(work);
            Exception? failed = null;
            try
            {
                Commit(batch, due);
            }
            catch (Exception e)
            {
                failed = e;
            }
            Finish(batch, failed);
            // Only snapshots of committed records: a failed commit's records are not in the log.
            if (failed is null)
                foreach (var snapshot in due) Serialize(snapshot);
            batch.Clear();
            due.Clear();
        }
    }

    private void Finish(List<Work> batch, Exception? failed)
    {
        foreach (var work in batch)
        {
            if (work is Snapshot snapshot)
            {
                snapshot.Body.Dispose();
                _snapshotting.TryRemove(snapshot.Scope, out _);
            }
            if (failed is null) work.Done.SetResult();
            else work.Done.SetException(failed);
        }
    }

    /// <summary>
    /// Serialises a snapshot on the thread pool: a large account's takes long (tens of milliseconds at 10,000
    /// resources), and on the writer it held every commit behind it. The state is immutable; its record is committed,
    /// so until the snapshot is stored the events it covers are still in the log. An account whose last snapshot is
    /// not stored yet skips this one: its events stay in the log until the next.
    /// </summary>
    private void Serialize(Due due)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_snapshotting.TryAdd(due.Scope, stored.Task)) return;
        _ = Task.Run(async () =>
        {
            var body = SnapshotBlocks.GetStream("snapshot");
            try
            {
                var writer = _snapshotJson.GetOrAdd(due.Scope, _ => new SnapshotJson());
                // Buffered: the writer hands over one resource's JSON at a time, and each write into gzip is a call into zlib.
                using (var json = SnapshotBody.Compressing(body))
                using (var buffered = new BufferedStream(json, 64 * 1024))
                    writer.Write(buffered, due.State);
                var snapshot = new Snapshot(due.Scope, due.Seq, due.Generation, body, stored);
                if (!_queue.Writer.TryWrite(snapshot)) await _queue.Writer.WriteAsync(snapshot).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Not queued (the log is closing): the events it would have covered stay in the log.
                body.Dispose();
                _snapshotting.TryRemove(due.Scope, out _);
                stored.TrySetException(e);
            }
        });
    }

    private void Commit(List<Work> batch, List<Due> due)
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        // The body comes as UTF-8 bytes and is stored as the text it is (sqlite3 and json_extract read it as text).
        insert.CommandText = "INSERT INTO events (account, region, body) VALUES ($account, $region, CAST($body AS TEXT)) RETURNING seq";
        var account = insert.Parameters.Add("$account", SqliteType.Text);
        var region = insert.Parameters.Add("$region", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Blob);
        foreach (var work in batch)
        {
            if (work is Clear)
            {
                using var clear = _connection.CreateCommand();
                clear.Transaction = transaction;
                clear.CommandText = "DELETE FROM events; DELETE FROM snapshots;";
                clear.ExecuteNonQuery();
                _generation++;
                _snapshotJson.Clear();
                continue;
            }
            if (work is Snapshot snapshot)
            {
                if (snapshot.Generation == _generation) Store(transaction, snapshot);
                continue;
            }
            // One command's changes share the batch's transaction, so they land in every account together or not at all.
            foreach (var change in ((Append)work).Changes)
            {
                (account.Value, region.Value, body.Value) = (change.Scope.Account, change.Scope.Region, change.Events);
                var seq = (long)insert.ExecuteScalar()!;
                if (change.Snapshot is not null) due.Add(new Due(change.Scope, seq, _generation, change.Snapshot));
            }
        }
        transaction.Commit();
    }

    /// <summary>
    /// Stores the snapshot and drops the events it covers, so the log stays as small as the state. The snapshot (7.6 MB
    /// compressed for 100,000 resources) was serialised into pooled blocks and is streamed into its row (SQLite's
    /// incremental blob I/O), so it never exists as one array: those were the largest objects on the heap.
    /// </summary>
    private void Store(SqliteTransaction transaction, Snapshot snapshot)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        // A newer snapshot already stored stays (no row is returned then).
        command.CommandText = """
            INSERT INTO snapshots (account, region, seq, body) VALUES ($account, $region, $seq, zeroblob($length))
                ON CONFLICT (account, region) DO UPDATE SET seq = excluded.seq, body = excluded.body WHERE excluded.seq > snapshots.seq
                RETURNING rowid;
            """;
        command.Parameters.AddWithValue("$account", snapshot.Scope.Account);
        command.Parameters.AddWithValue("$region", snapshot.Scope.Region);
        command.Parameters.AddWithValue("$seq", snapshot.Seq);
        command.Parameters.AddWithValue("$length", snapshot.Body.Length);
        if (command.ExecuteScalar() is not long row) return;
        using (var body = new SqliteBlob(_connection, "snapshots", "body", row))
            foreach (var block in snapshot.Body.GetReadOnlySequence()) body.Write(block.Span);
        // The same parameters; a statement binds only those it names.
        command.CommandText = "DELETE FROM events WHERE account = $account AND region = $region AND seq <= $seq";
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        // Snapshots on their way are stored first, so the next start replays from them.
        try
        {
            await Task.WhenAll(_snapshotting.Values).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Not stored: the events they cover are in the log.
        }
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

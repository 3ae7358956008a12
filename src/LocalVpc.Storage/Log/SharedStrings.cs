using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace LocalVpc.Storage;

/// <summary>
/// Strings read from the log, a value read recently given as the same string again. A snapshot repeats a few values
/// across its resources: 100,000 interfaces name 2,200 distinct VPCs, subnets, zones, owners and groups 700,000 times,
/// each a string of its own that a restart allocated and the GC copied. A fixed table of the values last read (one slot
/// per hash, a newer value taking the slot) finds most repeats and never grows; a value it misses is read anew.
/// </summary>
internal static class SharedStrings
{
    /// <summary>Slots in the table: thousands of unique values (ids, addresses) are read between two reads of one subnet's id.</summary>
    private const int SlotBits = 15;

    /// <summary>Longer values are rarely repeated (descriptions, policies), and are read as they are.</summary>
    private const int LongestShared = 64;

    // Written and read without a lock by any thread reading the log: a reference is written whole, and a string never changes.
    private static readonly string?[] Table = new string?[1 << SlotBits];

    /// <summary>The string at <paramref name="reader"/> (a string token), shared with an equal one read before when the table holds it.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length is 0 or > LongestShared) return reader.GetString()!;
        var utf8 = reader.ValueSpan;
        ref var slot = ref Table[Slot(utf8)];
        // Only ASCII values compare equal (ids, zones, names as LocalVpc makes them); any other is read anew each time.
        if (slot is { } seen && Ascii.Equals(utf8, seen)) return seen;
        return slot = reader.GetString()!;
    }

    /// <summary>
    /// A hash of the value's first and last eight bytes and its length: ids share their prefix and differ in their last
    /// characters, and reading them all would cost more than the table saves.
    /// </summary>
    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        var hash = utf8.Length >= 8
            ? BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]) * 31 + BinaryPrimitives.ReadUInt64LittleEndian(utf8)
            : (ulong)utf8[0] << 8 | utf8[^1];
        hash = (hash + (ulong)utf8.Length) * 0x9E3779B97F4A7C15UL;
        return (int)(hash >> (64 - SlotBits));
    }
}

using LocalVpc.Analysis;
using Makaretu.Dns;

namespace LocalVpc.Network.Dns;

/// <summary>
/// What a VPC's resolver says to a query, from the VPC's view of the state: its endpoints' names and instance names
/// from LocalVpc's own data (the same answers the analyzer uses), anything else forwarded to the host's resolver or,
/// offline, refused.
/// </summary>
public sealed class DnsAnswerer(PublishedState published, HostForwarder? forwarder)
{
    /// <summary>The TTL of LocalVpc's answers. Defaults to 60 s: short, so a changed endpoint is seen soon by clients that cache.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(60);

    /// <summary>Replies kept per VPC and state. Defaults to 4,096: a bound on what many distinct names can make us hold.</summary>
    public const int CachedRepliesPerVpc = 4096;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Scope, string), ReplyCache> _caches = new();

    /// <summary>The reply to <paramref name="query"/>; null when it is not a DNS query worth an answer.</summary>
    public async ValueTask<byte[]?> AnswerAsync(Scope scope, string vpcId, ReadOnlyMemory<byte> query, CancellationToken cancellationToken)
    {
        // 1. The same question on the same state gets the same reply: only the query id differs. The state is immutable,
        //    so a reply is good for exactly as long as the state it was computed on is the newest.
        var state = published.Region(scope.Region).Account(scope.Account);
        if (query.Length < 12) return null;
        var cache = _caches.AddOrUpdate((scope, vpcId), _ => new ReplyCache(state), (_, c) => ReferenceEquals(c.State, state) ? c : new ReplyCache(state));
        var key = System.Text.Encoding.Latin1.GetString(query.Span[2..]);
        if (cache.Replies.TryGetValue(key, out var cached)) return WithId(cached, query.Span);

        // 2. Computed from the state; forwarded replies are the host resolver's to cache, not ours.
        Message message;
        try
        {
            message = (Message)new Message().Read(query.ToArray());
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
        if (message.IsResponse) return null;
        var local = Local(state, vpcId, message, forward: forwarder is not null);
        if (local is not null)
        {
            var reply = local.ToByteArray();
            if (cache.Replies.Count < CachedRepliesPerVpc) cache.Replies.TryAdd(key, reply);
            return reply;
        }
        var forwarded = await forwarder!.ForwardAsync(query, cancellationToken);
        return forwarded ?? Reply(message, MessageStatus.ServerFailure).ToByteArray();
    }

    private static byte[] WithId(byte[] reply, ReadOnlySpan<byte> query)
    {
        var copy = (byte[])reply.Clone();
        copy[0] = query[0];
        copy[1] = query[1];
        return copy;
    }

    private sealed class ReplyCache(AccountState state)
    {
        public AccountState State { get; } = state;

        public System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Replies { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The answer from LocalVpc's own data; null when the query is to be forwarded.</summary>
    public static Message? Local(AccountState state, string vpcId, Message query, bool forward)
    {
        if (query.Opcode != MessageOperation.Query) return Reply(query, MessageStatus.NotImplemented);
        if (query.Questions.Count != 1) return Reply(query, MessageStatus.FormatError);
        // A VPC with DNS support off has no working Amazon-provided resolver: the analyser resolves nothing there either.
        if (!state.Vpcs.TryGetValue(vpcId, out var vpc) || NameResolver.Refuses(vpc)) return Reply(query, MessageStatus.Refused);
        var question = query.Questions[0];
        var name = question.Name.ToString();
        if (NameResolver.Answer(state, vpc, name) is not { } addresses) return forward ? null : Reply(query, MessageStatus.Refused);

        // A name of LocalVpc's with no record of the asked type gets NOERROR with no answer (NODATA), as Route 53 answers.
        var reply = Reply(query, MessageStatus.NoError);
        reply.AA = true;
        if (question.Class is not (DnsClass.IN or DnsClass.ANY)) return reply;
        if (question.Type is DnsType.A or DnsType.ANY)
            foreach (var address in addresses)
                reply.Answers.Add(new ARecord { Name = question.Name, Address = IPAddress.Parse(address), TTL = Ttl });
        if (question.Type is DnsType.AAAA or DnsType.ANY)
            foreach (var address in NameResolver.Answer(state, vpc, name, ipv6: true) ?? [])
                reply.Answers.Add(new AAAARecord { Name = question.Name, Address = IPAddress.Parse(address), TTL = Ttl });
        return reply;
    }

    private static Message Reply(Message query, MessageStatus status)
    {
        var reply = query.CreateResponse();
        reply.Status = status;
        reply.RD = query.RD;
        reply.RA = true;
        return reply;
    }
}

#!/usr/bin/env python3
"""Where a server's CPU went, a request: perf samples (perf script -F comm,tid,ip,sym,dso, with .NET's perf map) put in
groups. Each sample is counted at the first frame from its leaf that says what the time was for: kernel work by what it
did (disk, TCP, waiting), the runtime's native code as the runtime (allocation, collections), a managed frame by its
namespace; library frames (collections, JSON, LINQ) are passed over to the LocalVpc or ASP.NET frame that called them.
   where.py SAMPLES REQUESTS [--frames PATTERN]   (--frames: the LocalVpc methods, inclusive, of samples matching PATTERN)
"""
import collections
import re
import sys

KERNEL = [
    (r'ext4_|jbd2|blk_|do_fsync|nvme|virtio_blk|filemap_|writepages', 'disk: fsync and writes (the log\'s writer)'),
    (r'tcp_|ip_|__sys_send|__sys_recv|sock_|skb|loopback|net_rx|__dev_queue|__netif|inet_|__napi', 'kernel TCP over loopback'),
    (r'epoll', 'epoll'),
    (r'futex|sched_yield|schedule|pick_next|finish_task_switch', 'thread pool: waiting, waking, spinning'),
    (r'page_fault|clear_page|do_anonymous|handle_mm_fault|madvise|mmap|munmap', 'runtime: allocation, collections, page faults'),
]
MANAGED = [
    (r'LowLevelLifoSemaphore|SpinWait|Thread::Yield|Thread::Sleep|LowLevelSpinWaiter|Lock::TryEnterSlow', 'thread pool: waiting, waking, spinning'),
    (r'Microsoft\.Data\.Sqlite|SQLitePCL', 'SQLite'),
    # EventJson::Serialize (its Stream overload): the snapshot's writer before SnapshotJson, for profiles of older builds.
    (r'SnapshotJson|EventJson::Serialize$|SqliteEventLog\+<>c__DisplayClass|SnapshotBody|AccountState\+<ToEvents>', 'snapshot: JSON and gzip'),
    (r'SqliteEventLog.*AppendAsync|EventJson::SerializeToUtf8|StringArrayJson', 'the event\'s JSON'),
    (r'Utf8XmlWriter|LocalVpc\.Ec2Api\.Xml|XmlResponseWriter|XmlFragmentCache', 'the reply\'s XML'),
    (r'InputReader|ReadParametersAsync|FormPipeReader|FormFeature|CredentialScope|Ec2Api\.Actions\.Binding|KeyValueAccumulator',
     'reading the request: form, credential, model'),
    (r'RandomIdSource|RandomBytes|RequestIds', 'ids'),
    (r'^LocalVpc\.Core', 'deciding and applying (LocalVpc.Core: checks, allocator, indexes, tables)'),
    (r'^LocalVpc\.Network', 'data plane'),
    (r'^LocalVpc\.Storage', 'pipeline and log (LocalVpc.Storage)'),
    (r'Kestrel|Microsoft\.AspNetCore|Microsoft\.Extensions', 'Kestrel and ASP.NET Core'),
    (r'System\.Net\.Sockets|SocketAsyncEngine', 'managed sockets'),
    (r'^LocalVpc', 'the action\'s handler and the endpoint (LocalVpc.Ec2Api)'),
    (r'System\.Threading\.Tasks|AsyncTaskMethodBuilder|AsyncStateMachineBox|ThreadPoolWorkQueue|ExecutionContext|Channel',
     'tasks and the thread pool\'s dispatch'),
]
RUNTIME = 'runtime: allocation, collections, page faults'


def native_or_kernel(dso):
    return dso.startswith('[kernel') or 'libcoreclr' in dso or 'libclrgc' in dso or 'libc.so' in dso


def classify(frames):
    for at, (sym, dso) in enumerate(frames):
        if dso.startswith('[kernel'):
            for pattern, group in KERNEL:
                if re.search(pattern, sym):
                    return group
            continue
        if 'libclrjit' in dso:
            return 'JIT'
        if 'libcoreclr' in dso or 'libclrgc' in dso:
            # The runtime's own waiting (the thread pool's semaphore, spinning) is waiting, not work.
            caller = next((f for f in frames[at:] if not native_or_kernel(f[1])), None)
            if caller and re.search(MANAGED[0][0], caller[0]):
                return MANAGED[0][1]
            return RUNTIME
        if 'e_sqlite3' in dso:
            return 'SQLite'
        if 'Compression.Native' in dso or 'libz' in dso:
            return 'snapshot: JSON and gzip'
        if 'libc.so' in dso or 'ld-linux' in dso:
            continue
        for pattern, group in MANAGED:
            if re.search(pattern, sym):
                return group
    return 'other'


def samples(path):
    frames, thread = [], None
    for line in open(path, errors='replace'):
        if not line.strip():
            if thread is not None:
                yield thread, frames
            frames, thread = [], None
        elif not line[0].isspace():
            thread = re.sub(r'\s*\d+\s*$', '', line.strip())
        elif m := re.match(r'\s*[0-9a-f]+\s+(.*?)\s+\((.*)\)\s*$', line):
            sym = m.group(1)
            # "rettype [Assembly] Namespace.Type::Method(args)[Tier]": the method's name alone, so argument types don't match.
            if '::' in sym:
                sym = re.sub(r'\(.*', '', sym).split()[-1]
            frames.append((sym, m.group(2)))
    if thread is not None:
        yield thread, frames


def main():
    path, requests = sys.argv[1], int(sys.argv[2])
    frames_of = sys.argv[sys.argv.index('--frames') + 1] if '--frames' in sys.argv else None
    groups, total = collections.Counter(), 0
    for _, frames in samples(path):
        total += 1
        if frames_of is None:
            groups[classify(frames)] += 1
        elif any(re.search(frames_of, sym) for sym, _ in frames):
            first = next(sym for sym, _ in frames if sym.startswith('LocalVpc'))
            groups[first] += 1
    # perf samples at 999 Hz: a sample is about a millisecond of one CPU.
    print(f'{total} samples, {requests} requests: {total * 1001 / requests:.0f} µs of CPU a request')
    for group, n in groups.most_common(30):
        print(f'{n * 100 / total:5.1f}%  {n * 1001 / requests:5.0f} µs  {group}')


if __name__ == '__main__':
    main()

#if canImport(Glibc)
import Glibc
#endif

/// Helpers shared by the fuzz targets: a scratch file per process and a failure that
/// libFuzzer records as a crash with its input.
public enum FuzzSupport {
    /// Writes `bytes` to this process's scratch file (in /dev/shm when there is one) and returns its path.
    public static func scratchFile(_ bytes: UnsafeRawBufferPointer, suffix: String = "") -> String {
        let dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        let path = "\(dir)/distillscan-fuzz-\(getpid())\(suffix)"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { fail("cannot create \(path)") }
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            guard n > 0 else { fail("cannot write \(path)") }
            done += n
        }
        close(fd)
        return path
    }

    /// Stops the run: libFuzzer saves the input that got here as a crash.
    public static func fail(_ message: String) -> Never {
        let text = "fuzz invariant broken: \(message)\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
        abort()
    }

    /// The input cut at NUL bytes into strings (invalid UTF-8 repaired), for targets that
    /// need several hostile values.
    public static func strings(_ data: UnsafeRawBufferPointer, max: Int = 64) -> [String] {
        data.split(separator: 0, maxSplits: max, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}

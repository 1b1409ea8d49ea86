import Foundation

/// A scratch directory removed when the test ends (shared by the test targets).
public final class TempDir {
    public let path: String
    public init() {
        path = NSTemporaryDirectory() + "distillscan-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let p = path + "/" + name
        try! FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let written = FileManager.default.createFile(atPath: p, contents: Data(bytes))
        precondition(written, "test scratch file \(p) could not be written")
        return p
    }

    @discardableResult
    public func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}

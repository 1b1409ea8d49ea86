import FuzzSupport

@testable import DistillDecode
@testable import DistillScan

/// The accounts file parser on arbitrary bytes (plain or gzip): no crash, every account
/// kept under its own id, and a count of lines that adds up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAccounts(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzSupport.scratchFile(UnsafeRawBufferPointer(start: data, count: size), suffix: ".accounts")
    let loaded = AccountsFile.load(path, options: DecodeOptions())
    for (id, info) in loaded.accounts where id != info.accountID { FuzzSupport.fail("account \(id) stored as \(info.accountID)") }
    if loaded.accounts.count > size / 2 + 1 { FuzzSupport.fail("\(loaded.accounts.count) accounts from \(size) bytes") }
    return 0
}

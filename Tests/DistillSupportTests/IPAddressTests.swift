import DistillSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("IP addresses and subnets")
struct IPAddressTests {
    /// Regression: the /48 was the text before the third colon, so `2001:db8::1` (two
    /// colons before the gap) and `2001:db8:0:1::1` fell in different subnets.
    @Test func theSlash48OfACompressedAndAnExpandedAddressIsTheSame() throws {
        let a = try #require(IPAddress("2001:db8::1"))
        let b = try #require(IPAddress("2001:db8:0:1::1"))
        let c = try #require(IPAddress("2001:0DB8:0000:ffff:1:2:3:4"))
        #expect(a.subnet == b.subnet && b.subnet == c.subnet)
        #expect(a.subnetText == "2001:db8::/48")
        #expect(IPAddress("2001:db9::1")?.subnet != a.subnet)
    }

    @Test func ipv4SubnetsArePerSlash24WithPortsAndMappedForms() throws {
        #expect(IPAddress("192.0.2.77")?.subnetText == "192.0.2.0/24")
        #expect(IPAddress("192.0.2.77:8443")?.subnetText == "192.0.2.0/24")
        #expect(IPAddress("::ffff:192.0.2.5")?.subnetText == "192.0.2.0/24")
        #expect(IPAddress("[2001:db8::1]:443")?.subnetText == "2001:db8::/48")
        #expect(IPAddress("fe80::1%eth0")?.description == "fe80::1")
        #expect(IPAddress("192.0.3.1")?.subnet != IPAddress("192.0.2.1")?.subnet)
    }

    @Test(arguments: [
        "", "abc", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", ":::", "1:::2", "2001:db8::1::2",
        "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "g::1", "::1.2.3", "[::1", "1:2:3:4:5:6:7:8::",
    ])
    func notAnAddressIsNil(_ text: String) {
        #expect(IPAddress(text) == nil)
    }

    /// The text form matches the C library's reading and RFC 5952 writing on many addresses.
    @Test func agreesWithInetPtonAndNtop() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        for _ in 0..<5000 {
            var groups = (0..<8).map { _ in next() % 3 == 0 ? UInt16(0) : UInt16(truncatingIfNeeded: next()) }
            if next() % 4 == 0 { for i in 0..<Int(next() % 8) { groups[i] = 0 } }
            let text = groups.map { String($0, radix: 16) }.joined(separator: ":")
            var raw = in6_addr()
            #expect(inet_pton(AF_INET6, text, &raw) == 1)
            var out = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            _ = inet_ntop(AF_INET6, &raw, &out, socklen_t(out.count))
            let canonical = String(cString: out)
            let parsed = try #require(IPAddress(text))
            let bytes = withUnsafeBytes(of: &raw) { Array($0) }
            let hi = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let lo = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            #expect(parsed == IPAddress(high: hi, low: lo))
            if !parsed.isV4 && !canonical.contains(".") { #expect(parsed.description == canonical) }
            #expect(IPAddress(parsed.description) == parsed)
        }
    }
}

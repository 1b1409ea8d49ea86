import DistillSupport

/// How lines are decoded: format override, schema mapping, bounds and time filter.
public struct DecodeOptions: Sendable, ParameterSet {
    /// Force one format for every record (`--input-format`); nil detects per record.
    public var format: LogFormat?
    /// Field mapping for `--schema FILE`.
    public var schema: SchemaMapping?
    /// Lines longer than this are rejected as `line_too_long` (`max_line_bytes`).
    public var maxLineBytes: Int = 8 << 20
    /// Deeper nesting is rejected as `too_deep` (`max_depth`).
    public var maxDepth: Int = 64
    /// Prompt and system text kept per request, in UTF-8 bytes (`max_prompt_bytes`).
    public var maxPromptBytes: Int = 4096
    /// System prompt text kept per request (`max_system_bytes`): enough to recognise a client.
    public var maxSystemBytes: Int = 1024
    /// Extract prompts, system prompts and tools (`inspect` does not need them).
    public var extractText = true
    /// Identifier fields longer than this are cut (`max_identifier_bytes`).
    public var maxIdentifierBytes: Int = 256
    /// Keep only records at or after this epoch-millisecond time (`--since`).
    public var since: Int64?
    /// Keep only records before this time (`--until`).
    public var until: Int64?

    public init() {}

    /// The limits a configuration file may set (the rest are per-run choices).
    public static var fields: [ParameterField<Self>] {
        [.init("max_line_bytes", \.maxLineBytes, 1024...Double(JSONTape.maxDocumentBytes)), .init("max_depth", \.maxDepth, 2...10_000),
         .init("max_prompt_bytes", \.maxPromptBytes, 64...Double(1 << 24)), .init("max_system_bytes", \.maxSystemBytes, 0...Double(1 << 24)),
         .init("max_identifier_bytes", \.maxIdentifierBytes, 16...65536)]
    }
}

import DistillSupport

/// How lines are decoded: format override, schema mapping, bounds and time filter.
package struct DecodeOptions: Sendable, ParameterSet {
    /// Force one format for every record (`--input-format`); nil detects per record.
    package var format: LogFormat?
    /// Field mapping for `--schema FILE`.
    package var schema: SchemaMapping?
    /// Lines longer than this are rejected as `line_too_long` (`max_line_bytes`).
    package var maxLineBytes: Int = 8 << 20
    /// Deeper nesting is rejected as `too_deep` (`max_depth`).
    package var maxDepth: Int = 64
    /// Prompt and system text kept per request, in UTF-8 bytes (`max_prompt_bytes`).
    package var maxPromptBytes: Int = 4096
    /// System prompt text kept per request (`max_system_bytes`): enough to recognise a client.
    package var maxSystemBytes: Int = 1024
    /// Extract prompts, system prompts and tools (`inspect` does not need them).
    package var extractText = true
    /// Identifier fields longer than this are cut (`max_identifier_bytes`).
    package var maxIdentifierBytes: Int = 256
    /// Keep only records at or after this epoch-millisecond time (`--since`).
    package var since: Int64?
    /// Keep only records before this time (`--until`).
    package var until: Int64?

    package init() {}

    /// The limits a configuration file may set (the rest are per-run choices).
    package static var fields: [ParameterField<Self>] {
        [
            .init("max_line_bytes", \.maxLineBytes, 1024...Double(JSONTape.maxDocumentBytes)), .init("max_depth", \.maxDepth, 2...10_000),
            .init("max_prompt_bytes", \.maxPromptBytes, 64...Double(1 << 24)), .init("max_system_bytes", \.maxSystemBytes, 0...Double(1 << 24)),
            .init("max_identifier_bytes", \.maxIdentifierBytes, 16...65536),
        ]
    }
}

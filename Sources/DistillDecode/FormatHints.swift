/// The top-level keys that tell the log formats apart, gathered while a record's keys
/// are read: Bedrock's `schemaType` (or `identity` with `modelId`), LiteLLM's
/// `startTime`, `call_type` or `model_parameters`; anything else is canonical.
struct FormatHints {
    var identity = false
    var modelId = false
    var litellm = false
    var bedrock = false

    /// Notes one raw (unescaped) top-level key.
    @inline(__always)
    mutating func note(_ key: UnsafeRawBufferPointer) {
        switch key.count {
        case 8: if RecordDecoder.same(key, "identity") { identity = true }
        case 7: if RecordDecoder.same(key, "modelId") { modelId = true }
        case 10: if RecordDecoder.same(key, "schemaType") { bedrock = true }
        case 9: if RecordDecoder.same(key, "startTime") || RecordDecoder.same(key, "call_type") { litellm = true }
        case 16: if RecordDecoder.same(key, "model_parameters") { litellm = true }
        default: break
        }
    }

    /// The format these keys mark.
    var format: LogFormat {
        if bedrock || (identity && modelId) { return .bedrock }
        return litellm ? .litellm : .canonical
    }
}

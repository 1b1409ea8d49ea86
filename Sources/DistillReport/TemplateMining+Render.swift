import DistillSupport
import DistillTemplates

extension TemplateMining.Result {
    package func json() -> String {
        var members: [(String, JSONValue)] = [
            ("templates", .array(templates.map { .object([("id", .int($0.id)), ("template", .string($0.template)), ("count", .int($0.count))]) }))
        ]
        if let l = lines { members.append(("lines", .array(l.map { .int($0) }))) }
        return JSONValue.object(members).render(pretty: false) + "\n"
    }

    package func markdown(top: Int) -> String {
        var o = "# distillscan templates\n\n\(inputLines) lines, \(templates.count) templates.\n\n| id | count | template |\n|---:|---:|---|\n"
        for t in templates.sorted(by: { ($1.count, $0.id) < ($0.count, $1.id) }).prefix(top) {
            o += "| \(t.id) | \(t.count) | \(SafeText.markdown(t.template, limit: 300)) |\n"
        }
        return o
    }
}

import DistillTemplates

extension Linker.Result {
    /// A family's template as every report shows it (the dump-wide statistics, campaigns,
    /// account dossiers): the statistics' template when the family is among them, else
    /// aligned the same way.
    package func template(ofFamily f: Int) -> String {
        if let known = familyStatistics.first(where: { $0.familyID == f }) { return known.template }
        return families.template(ofMembers: families.families[f].members)
    }
}

extension PromptFamilies {
    /// Prompts aligned into a family's template: the first ones are enough to tell the
    /// fixed words from the slots, and alignment grows with their number.
    static let templateSamples = 16

    /// The one alignment of a family's sampled prompts (`members`: sample indexes in
    /// ascending order) into its template.
    func template(ofMembers members: [Int]) -> String {
        TemplateAligner.template(members.prefix(Self.templateSamples).map { samples[$0].prompt.text })
    }
}

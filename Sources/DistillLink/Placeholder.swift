enum DistillLinkPlaceholder {}

enum DistillSynthPlaceholder {}

enum DistillScorePlaceholder {}

double probIllGivenNegative(double prevalence, double sensitivity, double specificity) {
    double illAndNegative = (1 - sensitivity) * prevalence;
    double healthyAndNegative = specificity * (1 - prevalence);
    return illAndNegative / (illAndNegative + healthyAndNegative);
}

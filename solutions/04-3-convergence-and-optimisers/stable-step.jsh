double stableStep(double a, double b, double d) {
    double lambdaMax = (a + d) / 2 + Math.sqrt((a - d) * (a - d) / 4 + b * b);
    return 2 / lambdaMax;
}

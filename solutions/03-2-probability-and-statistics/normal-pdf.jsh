double myNormalPdf(double x, double mu, double sigma) {
    double z = (x - mu) / sigma;
    return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
}

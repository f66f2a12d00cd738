double[] clipByNorm(double[] g, double c) {
    double norm = 0;
    for (double v : g) norm += v * v;
    norm = Math.sqrt(norm);
    double s = norm > c ? c / norm : 1;
    double[] out = new double[g.length];
    for (int k = 0; k < g.length; k++) out[k] = s * g[k];
    return out;
}

double[] mseGradient(SimpleMatrix X, SimpleMatrix y, double[] w, double b) {
    int m = X.getNumRows(), n = X.getNumCols();
    double[] g = new double[n + 1];
    for (int i = 0; i < m; i++) {
        double p = b;
        for (int j = 0; j < n; j++) p += w[j] * X.get(i, j);
        double r = y.get(i, 0) - p;                       // residual y - y_hat
        for (int j = 0; j < n; j++) g[j] += -2.0 / m * X.get(i, j) * r;
        g[n] += -2.0 / m * r;
    }
    return g;
}

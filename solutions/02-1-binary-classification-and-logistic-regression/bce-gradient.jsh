double[] bceGradient(SimpleMatrix X, SimpleMatrix y, double[] w, double b) {
    int m = X.getNumRows(), n = X.getNumCols();
    double[] g = new double[n + 1];
    for (int i = 0; i < m; i++) {
        double z = b;
        for (int j = 0; j < n; j++) z += X.get(i, j) * w[j];
        double dz = 1 / (1 + Math.exp(-z)) - y.get(i, 0);
        for (int j = 0; j < n; j++) g[j] += X.get(i, j) * dz / m;
        g[n] += dz / m;
    }
    return g;
}

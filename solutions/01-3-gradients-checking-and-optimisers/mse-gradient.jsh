double[] mseGradient(double[] theta, double[][] X, double[] y) {
    double[] a = predict(theta, X);
    double[] g = new double[3];
    for (int i = 0; i < X.length; i++) {
        double dz = 2.0 / X.length * (a[i] - y[i]) * a[i] * (1 - a[i]);   // dL/da * sigma'(z_i)
        g[0] += dz * X[i][0];
        g[1] += dz * X[i][1];
        g[2] += dz;
    }
    return g;
}

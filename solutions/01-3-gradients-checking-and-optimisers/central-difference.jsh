/** The central-difference gradient of f at theta: component k is (f(theta + h u_k) - f(theta - h u_k)) / (2h). */
double[] centralGradient(ToDoubleFunction<double[]> f, double[] theta, double h) {
    double[] g = new double[theta.length];
    for (int k = 0; k < theta.length; k++) {
        double[] up = theta.clone(), down = theta.clone();
        up[k] += h;
        down[k] -= h;
        g[k] = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * h);
    }
    return g;
}

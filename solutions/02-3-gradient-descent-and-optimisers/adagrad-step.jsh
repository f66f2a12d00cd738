double[] adaGradStep(double[] theta, double[] G, double[] g, double alpha) {
    double[] next = theta.clone();
    for (int i = 0; i < theta.length; i++) {
        G[i] += g[i] * g[i];
        next[i] -= alpha * g[i] / (Math.sqrt(G[i]) + 1e-8);
    }
    return next;
}

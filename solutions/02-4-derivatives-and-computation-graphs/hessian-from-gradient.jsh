double[][] hessianFromGradient(UnaryOperator<double[]> grad, double[] x, double h) {
    int n = x.length;
    double[][] hess = new double[n][n];
    for (int j = 0; j < n; j++) {
        double[] plus = x.clone(), minus = x.clone();
        plus[j] += h;
        minus[j] -= h;
        double[] up = grad.apply(plus), down = grad.apply(minus);
        for (int i = 0; i < n; i++) hess[i][j] = (up[i] - down[i]) / (2 * h);
    }
    return hess;
}

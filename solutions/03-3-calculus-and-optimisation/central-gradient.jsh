double[] centralGradient(ToDoubleFunction<double[]> f, double[] x, double h) {
    double[] grad = new double[x.length];
    for (int i = 0; i < x.length; i++) {
        double[] plus = x.clone(), minus = x.clone();
        plus[i] += h;
        minus[i] -= h;
        grad[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
    }
    return grad;
}

double[] matVec(double[][] M, double[] x) {
    double[] y = new double[M.length];
    for (int i = 0; i < M.length; i++) {
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            sum += M[i][k] * x[k];
        }
        y[i] = sum;
    }
    return y;
}

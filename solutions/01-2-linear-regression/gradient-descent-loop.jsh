double[] myDescent(SimpleMatrix X, SimpleMatrix y, double alpha, int iterations) {
    int m = X.getNumRows(), n = X.getNumCols();
    SimpleMatrix w = new SimpleMatrix(n, 1);
    double b = 0;
    for (int t = 0; t < iterations; t++) {
        SimpleMatrix e = X.mult(w).plus(b).minus(y);                     // error, m x 1
        SimpleMatrix gradW = X.transpose().mult(e).scale(1.0 / m);       // (1/m) X^T e
        double gradB = e.elementSum() / m;                               // (1/m) sum e
        w = w.minus(gradW.scale(alpha));
        b -= alpha * gradB;
    }
    double[] result = java.util.Arrays.copyOf(w.getDDRM().getData(), n + 1);
    result[n] = b;
    return result;
}

double powerIteration(SimpleMatrix A, int steps) {
    SimpleMatrix x = SimpleMatrix.filled(A.numRows(), 1, 1.0);
    for (int t = 0; t < steps; t++) {
        SimpleMatrix ax = A.mult(x);
        x = ax.scale(1.0 / ax.normF());
    }
    return x.transpose().mult(A).mult(x).get(0, 0);   // Rayleigh quotient, |x| = 1
}

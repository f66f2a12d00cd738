SimpleMatrix minNorm(SimpleMatrix A, SimpleMatrix b) {
    return A.transpose().mult(Matrices.solve(A.mult(A.transpose()), b));
}

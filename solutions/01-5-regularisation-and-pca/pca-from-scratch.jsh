SimpleMatrix myProject(SimpleMatrix X, int k) {
    int m = X.getNumRows(), n = X.getNumCols();
    SimpleMatrix Xc = X.copy();
    for (int j = 0; j < n; j++) {
        double mean = 0;
        for (int i = 0; i < m; i++) mean += X.get(i, j) / m;
        for (int i = 0; i < m; i++) Xc.set(i, j, X.get(i, j) - mean);
    }
    SimpleMatrix C = Xc.transpose().mult(Xc).divide(m - 1);
    SimpleMatrix Vk = SymmetricEigen.of(C).vectors().extractMatrix(0, n, 0, k);
    return Xc.mult(Vk);
}

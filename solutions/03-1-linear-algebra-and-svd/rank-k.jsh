SimpleMatrix rankK(SimpleMatrix A, int k) {
    Svd svd = Svd.of(A);
    SimpleMatrix U = svd.u(), V = svd.v();
    double[] s = svd.singularValues();
    SimpleMatrix out = new SimpleMatrix(A.numRows(), A.numCols());
    for (int i = 0; i < k; i++)
        out = out.plus(U.extractVector(false, i).mult(V.extractVector(false, i).transpose()).scale(s[i]));
    return out;
}

SimpleMatrix softmaxRows(SimpleMatrix Z) {
    SimpleMatrix P = new SimpleMatrix(Z.getNumRows(), Z.getNumCols());
    for (int i = 0; i < Z.getNumRows(); i++) {
        double mx = Double.NEGATIVE_INFINITY, s = 0;
        for (int c = 0; c < Z.getNumCols(); c++) mx = Math.max(mx, Z.get(i, c));
        for (int c = 0; c < Z.getNumCols(); c++) { P.set(i, c, Math.exp(Z.get(i, c) - mx)); s += P.get(i, c); }
        for (int c = 0; c < Z.getNumCols(); c++) P.set(i, c, P.get(i, c) / s);
    }
    return P;
}

double[][] multiplyIkj(double[][] a, double[][] b) {
    int n = a.length, m = b.length, p = b[0].length;
    double[][] c = new double[n][p];
    for (int i = 0; i < n; i++)
        for (int k = 0; k < m; k++) {
            double aik = a[i][k];
            for (int j = 0; j < p; j++)
                c[i][j] += aik * b[k][j];
        }
    return c;
}

double pmf(int n, int k, double p) {
    double c = 1;                                          // C(n, 0)
    for (int j = 1; j <= k; j++) c = c * (n - j + 1) / j;  // C(n, j) = C(n, j-1) (n - j + 1) / j
    return c * Math.pow(p, k) * Math.pow(1 - p, n - k);
}

double bestT = 0.1, bestF1 = -1;
for (int k = 1; k <= 9; k++) {
    double f = Classification.f1(yTest, Classification.threshold(pTest, k / 10.0));
    if (f > bestF1) { bestF1 = f; bestT = k / 10.0; }
}

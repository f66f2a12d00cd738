double myExponential(double alpha0, double k, int t) {
    return alpha0 * Math.exp(-k * t);
}
int firstBelowHalf = 0;
while (myExponential(0.1, 0.05, firstBelowHalf) >= 0.05) firstBelowHalf++;

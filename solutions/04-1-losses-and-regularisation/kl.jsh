double myKl(double[] p, double[] q) {
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
        if (p[k] > 0) sum += p[k] * Math.log(p[k] / q[k]);
    }
    return sum;
}

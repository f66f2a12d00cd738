package mlfoundations.benchmarks;

/**
 * Logistic regression by batch gradient descent on plain arrays, the same computation as numpy_reference.py's D
 * workload (track 02 will give the library its own model):
 * <pre>
 *   p = 1 / (1 + exp(-(Xb theta)))
 *   loss = -mean(y log(p + eps) + (1 - y) log(1 - p + eps))      (every iteration)
 *   theta -= lr * Xb^T (p - y) / m
 * </pre>
 * One pass over the rows per iteration computes p, the loss and the gradient together; nothing is allocated in the
 * loop.
 */
final class LogisticGd {

    private LogisticGd() {
    }

    /** theta (length d) followed by the last iteration's loss, from theta = 0. */
    static double[] fit(double[][] xb, double[] y, double lr, int iterations) {
        int m = xb.length;
        int d = xb[0].length;
        double eps = 1e-12;
        double[] theta = new double[d];
        double[] grad = new double[d];
        double loss = Double.NaN;
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(grad, 0);
            double sum = 0;
            for (int i = 0; i < m; i++) {
                double[] xi = xb[i];
                double z = 0;
                for (int j = 0; j < d; j++) {
                    z += xi[j] * theta[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double yi = y[i];
                // y log(p + eps) + (1 - y) log(1 - p + eps); for a 0/1 label one of the two terms is exactly 0,
                // so only the other logarithm is computed.
                if (yi == 1) {
                    sum += Math.log(p + eps);
                } else if (yi == 0) {
                    sum += Math.log(1 - p + eps);
                } else {
                    sum += yi * Math.log(p + eps) + (1 - yi) * Math.log(1 - p + eps);
                }
                double e = p - yi;
                for (int j = 0; j < d; j++) {
                    grad[j] += xi[j] * e;
                }
            }
            loss = -sum / m;
            for (int j = 0; j < d; j++) {
                theta[j] -= lr * grad[j] / m;
            }
        }
        double[] out = java.util.Arrays.copyOf(theta, d + 1);
        out[d] = loss;
        return out;
    }
}

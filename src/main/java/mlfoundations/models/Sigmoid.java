package mlfoundations.models;

/**
 * The logistic sigmoid sigma(z) = 1 / (1 + e^(-z)), which squashes any number into (0, 1), and its derivative
 * sigma'(z) = sigma(z) (1 - sigma(z)). {@code scipy.special.expit(z)}; PyTorch {@code torch.sigmoid(z)}.
 */
public final class Sigmoid {

    private Sigmoid() {
    }

    /** sigma(z) = 1 / (1 + e^(-z)), computed so that large |z| neither overflows nor returns NaN. */
    public static double value(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("sigmoid of NaN is undefined");
        }
        // For z < 0 use the equal form e^z / (1 + e^z): e^(-z) could overflow, e^z cannot.
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** sigma'(z) = sigma(z) (1 - sigma(z)), largest (1/4) at z = 0. */
    public static double derivative(double z) {
        double s = value(z);
        return s * (1 - s);
    }

    /** sigma applied to every entry ({@code expit(z)} on an array). */
    public static double[] value(double[] z) {
        if (z == null) {
            throw new IllegalArgumentException("sigmoid needs an array, got null");
        }
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = value(z[i]);
        }
        return out;
    }
}

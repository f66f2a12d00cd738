package mlfoundations.models;

/**
 * The logistic sigmoid sigma(z) = 1 / (1 + e^(-z)), which squashes any number into (0, 1), and its derivative
 * sigma'(z) = sigma(z) (1 - sigma(z)). {@code scipy.special.expit(z)}; PyTorch {@code torch.sigmoid(z)}. The formula
 * lives in {@link Activation#SIGMOID}, the network's activation; this class adds checks and an array form.
 */
public final class Sigmoid {

    private Sigmoid() {
    }

    /** sigma(z) = 1 / (1 + e^(-z)), computed so that large |z| neither overflows nor returns NaN. */
    public static double value(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("sigmoid of NaN is undefined");
        }
        return Activation.SIGMOID.value(z);
    }

    /** sigma'(z) = sigma(z) (1 - sigma(z)), largest (1/4) at z = 0. */
    public static double derivative(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("sigmoid of NaN is undefined");
        }
        return Activation.SIGMOID.derivative(z);
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

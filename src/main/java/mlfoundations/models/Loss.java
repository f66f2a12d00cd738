package mlfoundations.models;

import mlfoundations.metrics.Losses;
import org.ejml.simple.SimpleMatrix;

/**
 * The loss a network is trained to minimise, averaged over all N entries of the output (N = m for one output per
 * example), with its gradient dL/dA with respect to the network's output A, where backpropagation starts.
 */
public enum Loss {

    /**
     * Mean squared error L = (1/N) sum (y - a)^2 ({@code torch.nn.MSELoss()}; the value is
     * {@link Losses#mse(double[], double[])}); gradient dL/da = 2 (a - y) / N.
     */
    MSE {
        @Override
        double value(double[] y, double[] a) {
            return Losses.mse(y, a);
        }

        @Override
        void gradient(double[] y, double[] a, double[] out) {
            for (int i = 0; i < y.length; i++) {
                out[i] = 2 * (a[i] - y[i]) / y.length;
            }
        }
    },

    /**
     * Binary cross-entropy L = -(1/N) sum [y ln a + (1 - y) ln(1 - a)] for labels y in [0, 1] and probabilities a
     * ({@code torch.nn.BCELoss()}, sklearn {@code log_loss}). a is first clipped to [EPS, 1 - EPS] so that ln 0 never
     * occurs; gradient dL/da = (a - y) / (a (1 - a) N), also taken at the clipped a, so that a saturated wrong output is
     * still pulled back instead of getting a zero gradient (as PyTorch's {@code BCELoss} does).
     */
    BCE {
        @Override
        double value(double[] y, double[] a) {
            checkLabels(y);
            double[] clipped = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                clipped[i] = clip(a[i]);
            }
            return mlfoundations.metrics.Losses.bce(y, clipped);
        }

        @Override
        void gradient(double[] y, double[] a, double[] out) {
            checkLabels(y);
            for (int i = 0; i < y.length; i++) {
                double p = clip(a[i]);
                out[i] = (p - y[i]) / (p * (1 - p) * y.length);
            }
        }
    };

    /** Probabilities are clipped to [EPS, 1 - EPS] before the logarithm ({@code np.clip(a, 1e-12, 1 - 1e-12)}). */
    public static final double EPS = 1e-12;

    abstract double value(double[] y, double[] a);

    abstract void gradient(double[] y, double[] a, double[] out);

    /** The loss of the predictions {@code yPred} against the targets {@code yTrue}; both m x k, same shape. */
    public double value(SimpleMatrix yTrue, SimpleMatrix yPred) {
        check(yTrue, yPred);
        return value(values(yTrue), values(yPred));
    }

    /** dL/dA: the gradient of the loss with respect to every entry of the predictions, the same shape as they are. */
    public SimpleMatrix gradient(SimpleMatrix yTrue, SimpleMatrix yPred) {
        check(yTrue, yPred);
        SimpleMatrix out = new SimpleMatrix(yPred.getNumRows(), yPred.getNumCols());
        gradient(values(yTrue), values(yPred), out.getDDRM().getData());
        return out;
    }

    /** The entries of a matrix, row by row, in an array of exactly that many elements. */
    static double[] values(SimpleMatrix a) {
        return java.util.Arrays.copyOf(a.getDDRM().getData(), a.getNumElements());
    }

    static double clip(double p) {
        return Math.max(EPS, Math.min(1 - EPS, p));
    }

    static void checkLabels(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] >= 0 && y[i] <= 1)) {
                throw new IllegalArgumentException("binary cross-entropy needs targets in [0, 1], got " + y[i]
                        + " at index " + i);
            }
        }
    }

    private static void check(SimpleMatrix yTrue, SimpleMatrix yPred) {
        if (yTrue == null || yPred == null) {
            throw new IllegalArgumentException("targets and predictions must not be null");
        }
        if (yTrue.getNumRows() != yPred.getNumRows() || yTrue.getNumCols() != yPred.getNumCols()) {
            throw new IllegalArgumentException("cannot compare a " + Dense.shape(yTrue.getDDRM()) + " target matrix with a "
                    + Dense.shape(yPred.getDDRM()) + " prediction matrix; the shapes must match");
        }
        if (yTrue.getNumElements() == 0) {
            throw new IllegalArgumentException("cannot average a loss over no examples (empty matrices)");
        }
    }
}

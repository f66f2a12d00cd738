package mlfoundations.models;

import mlfoundations.linalg.Matrices;
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
     * ({@code torch.nn.BCELoss()}, sklearn {@code log_loss}); the value is {@link Losses#bce}, which clips a to
     * [{@link Losses#BCE_CLIP}, 1 - BCE_CLIP]. The gradient dL/da = (a - y) / (a (1 - a) N) is taken at the same
     * clipped a, so that a saturated wrong output is still pulled back instead of getting a zero gradient (as PyTorch's
     * {@code BCELoss} does).
     */
    BCE {
        @Override
        double value(double[] y, double[] a) {
            return Losses.bce(y, a);
        }

        @Override
        void gradient(double[] y, double[] a, double[] out) {
            checkLabels(y);
            for (int i = 0; i < y.length; i++) {
                double p = Losses.clipProbability(a[i]);
                out[i] = (p - y[i]) / (p * (1 - p) * y.length);
            }
        }
    };

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
            throw new IllegalArgumentException("cannot compare a " + Matrices.shape(yTrue) + " target matrix with a "
                    + Matrices.shape(yPred) + " prediction matrix; the shapes must match");
        }
        if (yTrue.getNumElements() == 0) {
            throw new IllegalArgumentException("cannot average a loss over no examples (empty matrices)");
        }
    }
}

package mlfoundations.models;

import mlfoundations.linalg.Matrices;
import mlfoundations.stats.Rng;
import java.util.random.RandomGenerator;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.simple.SimpleMatrix;

/**
 * One fully connected layer, A = g(X W + b), with samples as rows: X is m x nIn, W is nIn x nOut, b is 1 x nOut
 * (added to every row), Z = X W + b and A = g(Z) are m x nOut ({@code torch.nn.Linear(nIn, nOut)} followed by an
 * activation; note PyTorch stores W transposed, as nOut x nIn).
 *
 * <p>{@link #forward} remembers X and Z, which {@link #backward} needs: given dL/dA it computes
 * dZ = dL/dA * g'(Z) (element by element), dW = X^T dZ, db = the column sums of dZ, and returns dL/dX = dZ W^T for
 * the layer below. Each backward overwrites the previous gradients (they never silently accumulate).
 * Optional inverted dropout on the output A during training: see {@link #dropout(double)}.
 */
public final class Dense {

    private final DMatrixRMaj w;
    private final DMatrixRMaj b;
    private final DMatrixRMaj dW;
    private final DMatrixRMaj dB;
    private final Activation activation;
    private double keep = 1.0;
    private RandomGenerator dropoutSource;   // null: the global Rng, looked up at each draw (reset replaces it)

    // What the last forward pass saw and produced; backward needs them.
    private DMatrixRMaj input;
    private DMatrixRMaj z;
    private DMatrixRMaj a;
    private DMatrixRMaj mask;
    private boolean hasGradients;

    private Dense(DMatrixRMaj w, DMatrixRMaj b, Activation activation) {
        this.w = w;
        this.b = b;
        this.activation = activation;
        this.dW = new DMatrixRMaj(w.numRows, w.numCols);
        this.dB = new DMatrixRMaj(1, w.numCols);
    }

    /** A layer with nIn inputs and nOut units, weights drawn by {@code init} (through Rng), biases 0. */
    public static Dense of(int nIn, int nOut, Activation activation, Init init) {
        return of(nIn, nOut, activation, init, Rng.generator());
    }

    /** As above, with the weights drawn from {@code source} (e.g. {@code Rng.seeded(7)}), not the global Rng. */
    public static Dense of(int nIn, int nOut, Activation activation, Init init, RandomGenerator source) {
        checkActivation(activation);
        if (init == null) {
            throw new IllegalArgumentException("initialisation must not be null; try Init.xavier()");
        }
        double[] values = init.draw(nIn, nOut, source);
        return new Dense(DMatrixRMaj.wrap(nIn, nOut, values), new DMatrixRMaj(1, nOut), activation);
    }

    /** A layer with the given weights W (nIn x nOut) and biases b (1 x nOut), both copied. */
    public static Dense of(SimpleMatrix weights, SimpleMatrix bias, Activation activation) {
        checkActivation(activation);
        if (weights == null || bias == null) {
            throw new IllegalArgumentException("weights and bias must not be null");
        }
        if (weights.getNumElements() == 0) {
            throw new IllegalArgumentException("weights must have at least one row and one column, got "
                    + Matrices.shape(weights));
        }
        Dense d = new Dense(new DMatrixRMaj(weights.getNumRows(), weights.getNumCols()),
                new DMatrixRMaj(1, weights.getNumCols()), activation);
        d.setWeights(weights);
        d.setBias(bias);
        return d;
    }

    /**
     * Turns on inverted dropout of this layer's output during training: each unit is kept with probability
     * {@code keepProbability} and scaled by 1/keepProbability; 1 turns it off. Inference never drops anything.
     */
    public Dense dropout(double keepProbability) {
        Dropout.checkKeep(keepProbability);
        this.keep = keepProbability;
        this.dropoutSource = null;
        return this;
    }

    /** As {@link #dropout(double)}, with the masks drawn from {@code source} instead of the global Rng. */
    public Dense dropout(double keepProbability, RandomGenerator source) {
        Dropout.checkSource(source);
        dropout(keepProbability);
        this.dropoutSource = source;
        return this;
    }

    /** The forward pass at inference (no dropout): A = g(X W + b), m x nOut. X and Z are remembered for backward. */
    public SimpleMatrix forward(SimpleMatrix x) {
        return forward(x, false);
    }

    /** The forward pass; with {@code training} true, inverted dropout (if turned on) multiplies A by a fresh mask. */
    public SimpleMatrix forward(SimpleMatrix x, boolean training) {
        if (x == null) {
            throw new IllegalArgumentException("layer input X must not be null");
        }
        return SimpleMatrix.wrap(forward(x.getDDRM().copy(), training));
    }

    DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        checkInput(x);
        input = x;
        z = linear(x);
        a = activate(z);
        mask = null;
        if (training && keep < 1) {
            mask = new DMatrixRMaj(a.numRows, a.numCols);
            Dropout.fill(mask.data, keep, dropoutSource == null ? Rng.generator() : dropoutSource);
            for (int k = 0; k < a.data.length; k++) {
                a.data[k] *= mask.data[k];
            }
        }
        hasGradients = false;
        return a;
    }

    /** A = g(X W + b) at inference, remembering nothing: the network's predictions use it. */
    DMatrixRMaj predict(DMatrixRMaj x) {
        checkInput(x);
        return activate(linear(x));
    }

    /** Z = X W + b, b added to every row. */
    private DMatrixRMaj linear(DMatrixRMaj x) {
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, w.numCols);
        CommonOps_DDRM.mult(x, w, out);
        for (int i = 0; i < out.numRows; i++) {
            for (int j = 0; j < out.numCols; j++) {
                out.data[i * out.numCols + j] += b.data[j];
            }
        }
        return out;
    }

    /** A = g(Z), element by element. */
    private DMatrixRMaj activate(DMatrixRMaj z) {
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, z.numCols);
        for (int k = 0; k < out.data.length; k++) {
            out.data[k] = activation.value(z.data[k]);
        }
        return out;
    }

    private void checkInput(DMatrixRMaj x) {
        if (x.numCols != w.numRows) {
            throw new IllegalArgumentException("cannot multiply the input X (" + Matrices.shape(SimpleMatrix.wrap(x))
                    + ") by the weights W (" + Matrices.shape(SimpleMatrix.wrap(w)) + "): X has " + x.numCols
                    + " columns (features) but W has " + w.numRows + " rows");
        }
        if (x.numRows == 0) {
            throw new IllegalArgumentException("the input X has no rows (no examples); nothing to compute");
        }
    }

    /**
     * The backward pass: from dL/dA (m x nOut) it stores dW = X^T dZ and db = sum over rows of dZ, where
     * dZ = dL/dA * g'(Z) (times the dropout mask if the forward pass used one), and returns dL/dX = dZ W^T (m x nIn).
     */
    public SimpleMatrix backward(SimpleMatrix dA) {
        if (dA == null) {
            throw new IllegalArgumentException("the gradient dL/dA must not be null");
        }
        return SimpleMatrix.wrap(backward(dA.getDDRM()));
    }

    DMatrixRMaj backward(DMatrixRMaj dA) {
        if (z == null) {
            throw new IllegalStateException("backward needs a forward pass first: call forward(X) before backward");
        }
        if (dA.numRows != z.numRows || dA.numCols != z.numCols) {
            throw new IllegalArgumentException("dL/dA is " + Matrices.shape(SimpleMatrix.wrap(dA))
                    + " but this layer's output A was " + Matrices.shape(SimpleMatrix.wrap(z))
                    + "; they must have the same shape");
        }
        int m = z.numRows;
        int n = z.numCols;
        DMatrixRMaj dZ = new DMatrixRMaj(m, n);
        for (int k = 0; k < dZ.data.length; k++) {
            double g = dA.data[k];
            if (mask != null) {
                g *= mask.data[k];                          // dropped units pass no gradient back
            }
            dZ.data[k] = g * activation.derivative(z.data[k]);   // dZ = dA * g'(Z)
        }
        CommonOps_DDRM.multTransA(input, dZ, dW);           // dW = X^T dZ
        CommonOps_DDRM.sumCols(dZ, dB);                     // db = column sums of dZ
        DMatrixRMaj dX = new DMatrixRMaj(m, w.numRows);
        CommonOps_DDRM.multTransB(dZ, w, dX);               // dX = dZ W^T
        hasGradients = true;
        return dX;
    }

    /** A copy of the weights W, nIn x nOut. */
    public SimpleMatrix weights() {
        return SimpleMatrix.wrap(w.copy());
    }

    /** A copy of the biases b, 1 x nOut. */
    public SimpleMatrix bias() {
        return SimpleMatrix.wrap(b.copy());
    }

    /** Replaces the weights (copied); the shape must stay nIn x nOut. */
    public void setWeights(SimpleMatrix weights) {
        if (weights == null || weights.getNumRows() != w.numRows || weights.getNumCols() != w.numCols) {
            throw new IllegalArgumentException("new weights must be " + Matrices.shape(SimpleMatrix.wrap(w))
                    + " like the old ones, got "
                    + (weights == null ? "null" : Matrices.shape(weights)));
        }
        checkFinite(weights.getDDRM(), "weights");
        w.setTo(weights.getDDRM());
    }

    /** Replaces the biases (copied); the shape must stay 1 x nOut. */
    public void setBias(SimpleMatrix bias) {
        if (bias == null || bias.getNumRows() != 1 || bias.getNumCols() != b.numCols) {
            throw new IllegalArgumentException("new bias must be " + Matrices.shape(SimpleMatrix.wrap(b))
                    + " (one row, one entry per unit), got "
                    + (bias == null ? "null" : Matrices.shape(bias)));
        }
        checkFinite(bias.getDDRM(), "bias");
        b.setTo(bias.getDDRM());
    }

    /** dL/dW from the last backward pass, nIn x nOut (PyTorch's {@code W.grad}). */
    public SimpleMatrix weightGradient() {
        requireGradients();
        return SimpleMatrix.wrap(dW.copy());
    }

    /** dL/db from the last backward pass, 1 x nOut. */
    public SimpleMatrix biasGradient() {
        requireGradients();
        return SimpleMatrix.wrap(dB.copy());
    }

    /** The pre-activations Z = X W + b of the last forward pass, m x nOut. */
    public SimpleMatrix z() {
        requireForward();
        return SimpleMatrix.wrap(z.copy());
    }

    /** The outputs A = g(Z) of the last forward pass (after dropout, if it was on), m x nOut. */
    public SimpleMatrix a() {
        requireForward();
        return SimpleMatrix.wrap(a.copy());
    }

    /** Number of inputs nIn (rows of W). */
    public int inputCount() {
        return w.numRows;
    }

    /** Number of units nOut (columns of W). */
    public int outputCount() {
        return w.numCols;
    }

    /** The activation g. */
    public Activation activation() {
        return activation;
    }

    /** The dropout keep probability p (1 when dropout is off). */
    public double keepProbability() {
        return keep;
    }

    @Override
    public String toString() {
        return "Dense(" + w.numRows + " -> " + w.numCols + ", " + activation + (keep < 1 ? ", keep " + keep : "") + ")";
    }

    // The live arrays, for the network's parameter vector and its optimiser (which keys its state on them).
    DMatrixRMaj w() {
        return w;
    }

    DMatrixRMaj b() {
        return b;
    }

    DMatrixRMaj dW() {
        return dW;
    }

    DMatrixRMaj dB() {
        return dB;
    }

    boolean hasGradients() {
        return hasGradients;
    }

    private void requireGradients() {
        if (!hasGradients) {
            throw new IllegalStateException("no gradients yet: run forward(X) and then backward(...) first");
        }
    }

    private void requireForward() {
        if (z == null) {
            throw new IllegalStateException("no forward pass yet: call forward(X) first");
        }
    }

    private static void checkActivation(Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null; choose one of "
                    + java.util.Arrays.toString(Activation.values()));
        }
    }

    private static void checkFinite(DMatrixRMaj m, String what) {
        for (int k = 0; k < m.data.length && k < m.getNumElements(); k++) {
            if (!Double.isFinite(m.data[k])) {
                throw new IllegalArgumentException(what + " must be finite, got " + m.data[k] + " at row "
                        + k / m.numCols + ", column " + k % m.numCols);
            }
        }
    }
}

package mlfoundations.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

import mlfoundations.data.Batches;
import mlfoundations.optim.GradientClipping;
import mlfoundations.optim.Optimizer;
import mlfoundations.optim.Sgd;
import mlfoundations.optim.TrainingHistory;
import mlfoundations.optim.TrainingLoop;
import mlfoundations.stats.Rng;
import mlfoundations.linalg.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

/**
 * A multilayer network: {@link Dense} layers applied one after another, trained to minimise a {@link Loss}
 * ({@code torch.nn.Sequential(...)} plus a loss and {@code loss.backward()}). Samples are rows: X is m x n.
 *
 * <p>{@link #forward} runs the layers bottom to top and remembers what backpropagation needs; {@link #backward}
 * starts from dL/dA of the loss and runs the layers top to bottom, leaving dW and db in every layer. The parameters
 * can be read and written as one flat vector (layer by layer, W row by row then b), which is what a numerical
 * gradient check needs.
 */
public final class Network {

    private final List<Dense> layers;
    private final Loss loss;
    private DMatrixRMaj output;

    private Network(Loss loss, List<Dense> layers) {
        this.loss = loss;
        this.layers = layers;
    }

    /** A network of the given layers; each layer's input count must equal the unit count of the layer below. */
    public static Network of(Loss loss, Dense... layers) {
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null; choose one of " + Arrays.toString(Loss.values()));
        }
        if (layers == null || layers.length == 0) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] == null) {
                throw new IllegalArgumentException("layer " + i + " is null");
            }
            if (i > 0 && layers[i].inputCount() != layers[i - 1].outputCount()) {
                throw new IllegalArgumentException("layer " + (i - 1) + " has " + layers[i - 1].outputCount()
                        + " units but layer " + i + " expects " + layers[i].inputCount() + " inputs (W" + i + " is "
                        + layers[i - 1].inputCount() + "x" + layers[i - 1].outputCount() + ", W" + (i + 1) + " is "
                        + layers[i].inputCount() + "x" + layers[i].outputCount() + ")");
            }
            for (int j = 0; j < i; j++) {
                if (layers[j] == layers[i]) {
                    throw new IllegalArgumentException("layer " + i + " is the same object as layer " + j
                            + "; every layer needs its own weights");
                }
            }
        }
        return new Network(loss, new ArrayList<>(Arrays.asList(layers)));
    }

    /**
     * A fully connected network with layer sizes {@code sizes} (inputs first, outputs last, e.g. 2, 4, 1),
     * {@code hidden} activation on every hidden layer and {@code out} on the last, weights drawn by {@code init}.
     */
    public static Network build(Loss loss, Init init, Activation hidden, Activation out, int... sizes) {
        return build(loss, init, Rng.generator(), hidden, out, sizes);
    }

    /** As above, with every layer's weights drawn from {@code source} (e.g. {@code Rng.seeded(7)}), not the global Rng. */
    public static Network build(Loss loss, Init init, RandomGenerator source, Activation hidden, Activation out,
            int... sizes) {
        if (sizes == null || sizes.length < 2) {
            throw new IllegalArgumentException("layer sizes need at least an input and an output size, got "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("every layer size must be > 0, got " + Arrays.toString(sizes));
            }
        }
        Dense[] ls = new Dense[sizes.length - 1];
        for (int i = 0; i < ls.length; i++) {
            ls[i] = Dense.of(sizes[i], sizes[i + 1], i == ls.length - 1 ? out : hidden, init, source);
        }
        return of(loss, ls);
    }

    /** The forward pass at inference (no dropout): the output A of the last layer, m x (units of the last layer). */
    public SimpleMatrix forward(SimpleMatrix x) {
        return SimpleMatrix.wrap(forward(x, false).copy());
    }

    /** The forward pass in training mode: layers with dropout turned on drop units with fresh masks. */
    public SimpleMatrix forwardTraining(SimpleMatrix x) {
        return SimpleMatrix.wrap(forward(x, true).copy());
    }

    DMatrixRMaj forward(SimpleMatrix x, boolean training) {
        checkInput(x);
        DMatrixRMaj a = x.getDDRM().copy();
        for (Dense layer : layers) {
            a = layer.forward(a, training);
        }
        output = a;
        return a;
    }

    /**
     * The backward pass after a forward pass: dL/dA = loss gradient at the last output, then every layer's
     * backward from the top down, leaving dW and db in each layer. Returns the loss of that output.
     */
    public double backward(SimpleMatrix yTrue) {
        if (output == null) {
            throw new IllegalStateException("backward needs a forward pass first: call forward(X) before backward(y)");
        }
        checkTargets(yTrue, output.numRows);
        int bad = firstNonFinite(output);
        if (bad >= 0) {
            throw new IllegalStateException("cannot backpropagate: the network's output is " + output.data[bad]
                    + " at row " + bad / output.numCols + ", so its weights are no longer finite (in training, "
                    + "the TrainingLoop reports this as a DivergenceException)");
        }
        double[] y = Loss.values(yTrue);
        double value = loss.value(y, output.data);
        DMatrixRMaj d = new DMatrixRMaj(output.numRows, output.numCols);
        loss.gradient(y, output.data, d.data);
        for (int i = layers.size() - 1; i >= 0; i--) {
            d = layers.get(i).backward(d);
        }
        return value;
    }

    /** The loss of the network's predictions on (X, y), at inference (no dropout). */
    public double loss(SimpleMatrix x, SimpleMatrix y) {
        DMatrixRMaj out = predictRaw(x);
        checkTargets(y, out.numRows);
        return loss.value(Loss.values(y), out.data);
    }

    /** Forward (inference) and backward on (X, y): the gradient of the loss as one flat vector (see {@link #parameters()}). */
    public double[] gradient(SimpleMatrix x, SimpleMatrix y) {
        forward(x, false);
        backward(y);
        return gradient();
    }

    /** The gradients of the last backward pass as one flat vector, in the order of {@link #parameters()}. */
    public double[] gradient() {
        double[] out = new double[parameterCount()];
        int k = 0;
        for (int i = 0; i < layers.size(); i++) {
            Dense l = layers.get(i);
            if (!l.hasGradients()) {
                throw new IllegalStateException("layer " + i + " has no gradients yet: run forward(X) and backward(y)");
            }
            k = copyOut(l.dW(), out, k);
            k = copyOut(l.dB(), out, k);
        }
        return out;
    }

    /**
     * The length of each layer's weight gradient from the last backward pass, ||dL/dW_l||_F = sqrt(sum of dW_l^2),
     * bottom layer first: the numbers to plot when gradients vanish or explode with depth.
     */
    public double[] layerGradientNorms() {
        double[] out = new double[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            Dense l = layers.get(i);
            if (!l.hasGradients()) {
                throw new IllegalStateException("layer " + i + " has no gradients yet: run forward(X) and backward(y)");
            }
            out[i] = GradientClipping.norm(l.dW().data);
        }
        return out;
    }

    /** All weights and biases as one flat vector: W1 row by row, b1, W2 row by row, b2, ... (a copy). */
    public double[] parameters() {
        double[] out = new double[parameterCount()];
        int k = 0;
        for (Dense l : layers) {
            k = copyOut(l.w(), out, k);
            k = copyOut(l.b(), out, k);
        }
        return out;
    }

    /** Sets all weights and biases from a flat vector in the order of {@link #parameters()}. */
    public void setParameters(double[] theta) {
        if (theta == null || theta.length != parameterCount()) {
            throw new IllegalArgumentException("the network has " + parameterCount() + " parameters, got a vector of "
                    + (theta == null ? "null" : theta.length));
        }
        for (int k = 0; k < theta.length; k++) {
            if (!Double.isFinite(theta[k])) {
                throw new IllegalArgumentException("parameters must be finite, got " + theta[k] + " at index " + k);
            }
        }
        int k = 0;
        for (Dense l : layers) {
            k = copyIn(theta, l.w(), k);
            k = copyIn(theta, l.b(), k);
        }
    }

    /** The number of weights and biases, sum over layers of nIn nOut + nOut. */
    public int parameterCount() {
        int n = 0;
        for (Dense l : layers) {
            n += l.inputCount() * l.outputCount() + l.outputCount();
        }
        return n;
    }

    /** One step of plain gradient descent on (X, y): W &lt;- W - lr dW, b &lt;- b - lr db in every layer; see {@link #step(SimpleMatrix, SimpleMatrix, Optimizer)}. */
    public double step(SimpleMatrix x, SimpleMatrix y, double learningRate) {
        return step(x, y, new Sgd(learningRate));
    }

    /**
     * One step with any optimiser (momentum, Adam, ...): forward (training), backward, then the optimiser updates
     * every W and b array in place from its gradient. Returns the loss before the step.
     */
    public double step(SimpleMatrix x, SimpleMatrix y, Optimizer optimizer) {
        return fit(x, y, optimizer, 1).batchLosses()[0];
    }

    /**
     * Full-batch gradient descent (W &lt;- W - lr dW) for {@code epochs} steps; returns the loss history, epochs + 1
     * values: the loss before the first step and after each step. See {@link #fit(SimpleMatrix, SimpleMatrix, Optimizer, int)}.
     */
    public double[] fit(SimpleMatrix x, SimpleMatrix y, double learningRate, int epochs) {
        return fit(x, y, new Sgd(learningRate), epochs).losses();
    }

    /**
     * Full-batch training with any optimiser for {@code epochs} steps, through the one {@link TrainingLoop}: each
     * step is a forward pass in training mode (dropout on), the loss, the backward pass and the optimiser's update.
     * The history holds the loss at inference (no dropout) before the first step and after each step. Throws a
     * {@link mlfoundations.optim.DivergenceException} if the loss becomes NaN or blows up.
     */
    public TrainingHistory fit(SimpleMatrix x, SimpleMatrix y, Optimizer optimizer, int epochs) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        return TrainingLoop.run(new NetworkTraining(this, x, y), optimizer, Batches.full(x.getNumRows()), epochs);
    }

    /** The network's outputs at inference, m x k (for a sigmoid output: probabilities, {@code predict_proba}). Nothing is cached. */
    public SimpleMatrix predictProbability(SimpleMatrix x) {
        return SimpleMatrix.wrap(predictRaw(x));
    }

    /** The output for one point (the first output unit), e.g. {@code net.probability(new double[] {x1, x2})}; nothing is cached. */
    public double probability(double[] point) {
        if (point == null || point.length != layers.get(0).inputCount()) {
            throw new IllegalArgumentException("the network expects points with " + layers.get(0).inputCount()
                    + " coordinates, got " + (point == null ? "null" : point.length));
        }
        return predictRaw(new SimpleMatrix(1, point.length, true, point)).get(0);
    }

    /** Class labels 0 or 1: 1 where the output is >= 0.5 ({@code model.predict(X)}), m x k. */
    public SimpleMatrix predict(SimpleMatrix x) {
        DMatrixRMaj p = predictRaw(x);
        for (int k = 0; k < p.data.length; k++) {
            p.data[k] = p.data[k] >= 0.5 ? 1.0 : 0.0;
        }
        return SimpleMatrix.wrap(p);
    }

    /** The fraction of entries where {@link #predict} equals the 0/1 label y ({@code accuracy_score}). */
    public double accuracy(SimpleMatrix x, SimpleMatrix y) {
        DMatrixRMaj p = predict(x).getDDRM();
        checkTargets(y, p.numRows);
        int right = 0;
        for (int k = 0; k < p.data.length; k++) {
            if (p.data[k] == y.get(k)) {
                right++;
            }
        }
        return (double) right / p.data.length;
    }

    /** Layer i (0 is the first, next to the input). */
    public Dense layer(int i) {
        if (i < 0 || i >= layers.size()) {
            throw new IllegalArgumentException("layer " + i + " does not exist; the network has layers 0.."
                    + (layers.size() - 1));
        }
        return layers.get(i);
    }

    /** The layers, bottom to top (read-only list). */
    public List<Dense> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** The loss the network is trained on. */
    public Loss lossFunction() {
        return loss;
    }

    @Override
    public String toString() {
        return "Network" + layers + " with " + loss + " loss";
    }

    /** The forward pass at inference, through every layer's {@link Dense#predict}: nothing is cached. */
    DMatrixRMaj predictRaw(SimpleMatrix x) {
        checkInput(x);
        DMatrixRMaj a = x.getDDRM();
        for (Dense l : layers) {
            a = l.predict(a);
        }
        return a;
    }

    static int firstNonFinite(DMatrixRMaj m) {
        for (int k = 0; k < m.getNumElements(); k++) {
            if (!Double.isFinite(m.data[k])) {
                return k;
            }
        }
        return -1;
    }

    void checkInput(SimpleMatrix x) {
        if (x == null) {
            throw new IllegalArgumentException("input X must not be null");
        }
        if (x.getNumRows() == 0 || x.getNumCols() == 0) {
            throw new IllegalArgumentException("input X is empty (" + Matrices.shape(x) + "); it needs at least one example");
        }
        int n = layers.get(0).inputCount();
        if (x.getNumCols() != n) {
            throw new IllegalArgumentException("input X is " + Matrices.shape(x) + " but the first layer's W is "
                    + Matrices.shape(SimpleMatrix.wrap(layers.get(0).w())) + ": X needs " + n + " columns (features), one per row of W");
        }
        double[] d = x.getDDRM().getData();
        for (int k = 0; k < x.getNumElements(); k++) {
            if (!Double.isFinite(d[k])) {
                throw new IllegalArgumentException("input X has a non-finite value " + d[k] + " at row "
                        + k / x.getNumCols() + ", column " + k % x.getNumCols());
            }
        }
    }

    void checkTargets(SimpleMatrix y, int m) {
        int k = layers.get(layers.size() - 1).outputCount();
        if (y == null) {
            throw new IllegalArgumentException("targets y must not be null");
        }
        if (y.getNumRows() != m || y.getNumCols() != k) {
            throw new IllegalArgumentException("targets y are " + Matrices.shape(y) + " but the network's output is "
                    + m + "x" + k + "; they must have the same shape (one row per example)");
        }
    }

    private static int copyOut(DMatrixRMaj m, double[] out, int k) {
        int n = m.getNumElements();
        System.arraycopy(m.data, 0, out, k, n);
        return k + n;
    }

    private static int copyIn(double[] in, DMatrixRMaj m, int k) {
        int n = m.getNumElements();
        System.arraycopy(in, k, m.data, 0, n);
        return k + n;
    }
}

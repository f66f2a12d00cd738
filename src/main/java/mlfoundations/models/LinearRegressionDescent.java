package mlfoundations.models;

import java.util.random.RandomGenerator;

import org.ejml.simple.SimpleMatrix;

import mlfoundations.data.Batches;
import mlfoundations.optim.Sgd;
import mlfoundations.optim.TrainingHistory;
import mlfoundations.optim.TrainingLoop;

/**
 * Settings for gradient descent on the cost J = (1/2m) sum_i (p_i - y_i)^2 of {@link LinearRegression} (the
 * optimizer-and-loop part of a PyTorch training script, in one object), made by {@link LinearRegression#descent}.
 * Each setter returns this object, so settings chain. An epoch is one pass over all m examples; with the full batch
 * an epoch is one step. {@link #fit} runs the one {@link TrainingLoop} with {@link Sgd}.
 */
public final class LinearRegressionDescent {

    private final double learningRate;
    private final Sgd sgd;
    private final int epochs;
    private int batchSize = -1;
    private double decay = 0;
    private double lambda = 0;
    private SimpleMatrix w0;
    private double b0;
    private RandomGenerator source;

    LinearRegressionDescent(double learningRate, int epochs) {
        this.sgd = new Sgd(learningRate);   // checks the learning rate here, where the caller gave it
        if (epochs <= 0) {
            throw new IllegalArgumentException("number of epochs (iterations) must be > 0, got " + epochs);
        }
        this.learningRate = learningRate;
        this.epochs = epochs;
    }

    /** Examples per update: 1 is SGD, m (the default) is batch gradient descent; must be between 1 and m. */
    public LinearRegressionDescent batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        }
        this.batchSize = size;
        return this;
    }

    /** Time-based decay: in epoch e (from 0) the learning rate is lr / (1 + decay * e); 0 (the default) keeps it constant. */
    public LinearRegressionDescent decay(double rate) {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learning-rate decay must be finite and >= 0, got " + rate);
        }
        this.decay = rate;
        return this;
    }

    /**
     * Adds the ridge (L2) penalty: minimise J + (lambda/2m) sum_j W_j^2 (the bias is not penalised), whose gradient
     * adds (lambda/m) W. Converges to {@link RegularisedRegression#fitRidge} with the same lambda.
     */
    public LinearRegressionDescent ridge(double lambda) {
        RegularisedRegression.checkLambda(lambda);
        this.lambda = lambda;
        return this;
    }

    /** Shuffles the examples with {@code source} (e.g. {@code Rng.seeded(7)}) instead of the global Rng. */
    public LinearRegressionDescent random(RandomGenerator source) {
        if (source == null) {
            throw new IllegalArgumentException("the random source must not be null; use Rng.seeded(seed)");
        }
        this.source = source;
        return this;
    }

    /** Starts from the given weights (n x 1) and bias instead of zeros. */
    public LinearRegressionDescent from(SimpleMatrix w, double b) {
        LinearRegression.checkWeights(w);
        LinearRegression.checkFinite("starting bias", b);
        this.w0 = w.copy();
        this.b0 = b;
        return this;
    }

    /**
     * Runs the descent on (X, y) and returns the fitted model, with J after every epoch in
     * {@link LinearRegression#lossHistory()} and every mini-batch's cost in {@link LinearRegression#batchLossHistory()}.
     * Throws {@link mlfoundations.optim.DivergenceException} if the cost blows up (the learning rate is too large).
     */
    public LinearRegression fit(SimpleMatrix x, SimpleMatrix y) {
        LinearRegression.checkData(x, y);
        int m = x.getNumRows();
        int size = batchSize < 0 ? m : batchSize;
        if (size > m) {
            throw new IllegalArgumentException("batch size " + size + " is larger than the number of examples m = "
                    + m + "; use at most m (m is batch gradient descent)");
        }
        SimpleMatrix start = w0 == null ? new SimpleMatrix(x.getNumCols(), 1) : w0;
        LinearRegression.checkParameters(x, start, b0);
        LinearObjective.Cost cost = new LinearObjective.Cost(x, y, start, b0, lambda);
        Batches batches = source == null ? Batches.of(m, size, size < m) : Batches.of(m, size, size < m, source);
        TrainingHistory h = TrainingLoop.run(cost, sgd, batches, epochs,
                decay == 0 ? null : epoch -> learningRate / (1 + decay * epoch));
        return cost.model(h);
    }
}

package mlfoundations.optim;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * Early stopping on a validation split: after every epoch the loss on held-out examples is measured; training stops
 * once it has not improved (fallen by more than {@code minDelta} below the best so far) for {@code patience} epochs
 * in a row, and the parameters are put back to those of the best epoch. Pass it to
 * {@link TrainingLoop#run(Trainable, Optimizer, mlfoundations.data.Batches, int, java.util.function.IntToDoubleFunction,
 * EarlyStopping)};
 * afterwards it holds the validation curve, the best epoch and the epoch training stopped at. Keras:
 * {@code EarlyStopping(monitor="val_loss", patience=patience, min_delta=minDelta, restore_best_weights=True)}.
 * One object records one run; a new run starts its record afresh.
 */
public final class EarlyStopping {

    private final DoubleSupplier validationLoss;
    private final int patience;
    private final double minDelta;

    private double[] losses = new double[0];
    private int recorded;
    private int bestEpoch = -1;
    private int stoppedEpoch = -1;
    private boolean stoppedEarly;
    private double[][] best;

    /** Stops after {@code patience} (&gt;= 1) epochs without any fall of the validation loss below its best. */
    public EarlyStopping(DoubleSupplier validationLoss, int patience) {
        this(validationLoss, patience, 0.0);
    }

    /**
     * Stops after {@code patience} (&gt;= 1) epochs in which the validation loss never fell more than
     * {@code minDelta} (&gt;= 0) below its best. {@code validationLoss} computes the loss on the validation examples
     * at the model's current parameters.
     */
    public EarlyStopping(DoubleSupplier validationLoss, int patience, double minDelta) {
        if (validationLoss == null) {
            throw new IllegalArgumentException("early stopping needs the validation loss, e.g. () -> model.loss(xVal, yVal)");
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience (epochs without improvement before stopping) must be >= 1, got "
                    + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minimum improvement minDelta must be >= 0 and finite, got " + minDelta);
        }
        this.validationLoss = validationLoss;
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** Called by the loop before the first update: records the validation loss at epoch 0 as the best so far. */
    void start(double[][] theta, int maxEpochs) {
        losses = new double[maxEpochs + 1];
        recorded = 0;
        stoppedEarly = false;
        stoppedEpoch = -1;
        record(0, theta);
    }

    /** Called by the loop after {@code epoch} (from 1): records the validation loss; true when training should stop. */
    boolean afterEpoch(int epoch, double[][] theta) {
        record(epoch, theta);
        if (epoch - bestEpoch >= patience) {
            stoppedEarly = true;
            stoppedEpoch = epoch;
            return true;
        }
        stoppedEpoch = epoch;
        return false;
    }

    /** Called by the loop at the end: puts the parameters of the best epoch back into {@code theta}. */
    void restoreBest(double[][] theta) {
        for (int p = 0; p < theta.length; p++) {
            System.arraycopy(best[p], 0, theta[p], 0, theta[p].length);
        }
    }

    private void record(int epoch, double[][] theta) {
        double v = validationLoss.getAsDouble();
        if (Double.isNaN(v)) {
            throw new IllegalStateException("the validation loss at epoch " + epoch + " is NaN; check the validation"
                    + " data and the loss function");
        }
        losses[epoch] = v;
        recorded = epoch + 1;
        if (bestEpoch < 0 || epoch == 0 || v < losses[bestEpoch] - minDelta) {
            bestEpoch = epoch;
            best = new double[theta.length][];
            for (int p = 0; p < theta.length; p++) {
                best[p] = theta[p].clone();
            }
        }
    }

    /** The validation loss before training and after each epoch that ran (stoppedEpoch + 1 values; a copy). */
    public double[] validationLosses() {
        return Arrays.copyOf(losses, recorded);
    }

    /** The epoch with the lowest validation loss (0 = before training): the parameters the run ends with. */
    public int bestEpoch() {
        requireRun();
        return bestEpoch;
    }

    /** The validation loss at {@link #bestEpoch()}. */
    public double bestLoss() {
        requireRun();
        return losses[bestEpoch];
    }

    /** The last epoch that ran: where patience ran out, or the epoch cap if it never did. */
    public int stoppedEpoch() {
        requireRun();
        return stoppedEpoch;
    }

    /** True when training stopped because patience ran out, false when it reached the epoch cap. */
    public boolean stoppedEarly() {
        requireRun();
        return stoppedEarly;
    }

    /** Epochs without improvement allowed before stopping. */
    public int patience() {
        return patience;
    }

    private void requireRun() {
        if (recorded == 0) {
            throw new IllegalStateException("no training run has used this EarlyStopping yet; pass it to TrainingLoop.run");
        }
    }

    @Override
    public String toString() {
        return recorded == 0 ? "EarlyStopping(patience=" + patience + ", minDelta=" + minDelta + ")"
                : "EarlyStopping(best epoch " + bestEpoch + ", validation loss " + Trajectory.num(losses[bestEpoch])
                        + "; " + (stoppedEarly ? "stopped after epoch " : "ran all ") + stoppedEpoch
                        + (stoppedEarly ? "" : " epochs") + ")";
    }
}

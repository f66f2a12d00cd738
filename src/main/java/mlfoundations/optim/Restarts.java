package mlfoundations.optim;

import java.util.List;

/**
 * The outcome of gradient descent from several random starts: every run, and the best one (the lowest final value
 * among the runs that did not diverge). Gradient descent finds a local minimum near its start; trying many starts
 * and keeping the best raises the chance that one of them finds the global minimum.
 */
public final class Restarts {

    private final List<Trajectory> runs;
    private final int best;

    Restarts(List<Trajectory> runs) {
        this.runs = List.copyOf(runs);
        int b = -1;
        for (int i = 0; i < runs.size(); i++) {
            Trajectory t = runs.get(i);
            if (t.reason() != Trajectory.Stop.DIVERGED && (b < 0 || t.lastValue() < runs.get(b).lastValue())) {
                b = i;
            }
        }
        if (b < 0) {
            throw new IllegalStateException("all " + runs.size() + " restarts diverged; try a smaller step size");
        }
        this.best = b;
    }

    /** Every run, in the order the starts were drawn (diverged runs hold their finite part, reason DIVERGED). */
    public List<Trajectory> runs() {
        return runs;
    }

    /** The run that ended with the lowest value of f. */
    public Trajectory best() {
        return runs.get(best);
    }

    /** The position of the best run in {@link #runs()}. */
    public int bestIndex() {
        return best;
    }

    /** The start point of every run, one row per run. */
    public double[][] starts() {
        double[][] out = new double[runs.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = runs.get(i).point(0);
        }
        return out;
    }
}

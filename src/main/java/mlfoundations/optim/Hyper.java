package mlfoundations.optim;

/**
 * Checks shared by the optimizers: hyperparameters on construction and the (params, grads) pair on every update,
 * so each optimizer reports bad input with the same clear messages.
 */
final class Hyper {

    private Hyper() {
    }

    /** The learning rate must be finite and &gt; 0. */
    static double learningRate(double lr) {
        return rate("learning rate", lr);
    }

    /** A rate called {@code name} ("learning rate", or "step size" in {@link GradientDescent}) must be finite and &gt; 0. */
    static double rate(String name, double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(name + " must be > 0 and finite, got " + lr);
        }
        return lr;
    }

    /** A decay rate (beta, rho) must be in [0, 1): 0 means no memory, values near 1 a long memory. */
    static double decay(String name, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + beta);
        }
        return beta;
    }

    /** The small constant added to a square root before dividing must be finite and &gt; 0. */
    static double epsilon(double eps) {
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be > 0 and finite, got " + eps);
        }
        return eps;
    }

    /** Parameters and gradients must be non-null arrays of one length, the gradient finite. */
    static void pair(double[] params, double[] grads) {
        if (params == null || grads == null) {
            throw new IllegalArgumentException("update needs a parameter array and a gradient array, got "
                    + (params == null ? "null" : "an array") + " and " + (grads == null ? "null" : "an array"));
        }
        if (params.length != grads.length) {
            throw new IllegalArgumentException("cannot update " + params.length + " parameters with a gradient of length "
                    + grads.length + "; they must have the same length");
        }
        for (int i = 0; i < grads.length; i++) {
            if (!Double.isFinite(grads[i])) {
                throw new IllegalArgumentException("the gradient is not finite at index " + i + " (" + grads[i]
                        + "); the run has diverged or the gradient code is wrong");
            }
        }
    }
}

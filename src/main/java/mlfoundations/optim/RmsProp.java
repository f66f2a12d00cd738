package mlfoundations.optim;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * RMSprop: a running average of squared gradients, {@code s <- rho * s + (1 - rho) * g^2} (per component, s starting
 * at 0), scales each component's step, {@code theta <- theta - lr * g / (sqrt(s) + eps)}. A component with large
 * gradients gets a smaller step and one with small gradients a larger one, so badly scaled directions are evened
 * out. PyTorch: {@code torch.optim.RMSprop(params, lr=lr, alpha=rho, eps=eps)} (PyTorch calls rho "alpha").
 * One running average is kept per parameter array.
 */
public final class RmsProp implements Optimizer {

    private double lr;
    private final double rho;
    private final double eps;
    private final Map<double[], double[]> squares = new IdentityHashMap<>();

    /** RMSprop with learning rate {@code lr}, rho = 0.9 (Hinton's and Keras's choice; PyTorch uses 0.99), eps = 1e-8. */
    public RmsProp(double lr) {
        this(lr, 0.9, 1e-8);
    }

    /** RMSprop with learning rate {@code lr} (&gt; 0), decay {@code rho} in [0, 1) and {@code eps} (&gt; 0). */
    public RmsProp(double lr, double rho, double eps) {
        this.lr = Hyper.learningRate(lr);
        this.rho = Hyper.decay("RMSprop rho", rho);
        this.eps = Hyper.epsilon(eps);
    }

    /** s &lt;- rho s + (1 - rho) g^2, then theta &lt;- theta - lr g / (sqrt(s) + eps), per component, in place. */
    @Override
    public void update(double[] params, double[] grads) {
        Hyper.pair(params, grads);
        double[] s = squares.computeIfAbsent(params, p -> new double[p.length]);
        for (int i = 0; i < params.length; i++) {
            s[i] = rho * s[i] + (1 - rho) * grads[i] * grads[i];
            params[i] -= lr * grads[i] / (Math.sqrt(s[i]) + eps);
        }
    }

    /** Forgets every running average. */
    @Override
    public void reset() {
        squares.clear();
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = Hyper.learningRate(lr);
    }

    /** The decay rho of the running average of squared gradients. */
    public double rho() {
        return rho;
    }

    /** The constant eps added to the root before dividing. */
    public double eps() {
        return eps;
    }

    @Override
    public String toString() {
        return "RMSprop(lr=" + lr + ", rho=" + rho + ", eps=" + eps + ")";
    }
}

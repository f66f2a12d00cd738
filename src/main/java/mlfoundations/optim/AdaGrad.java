package mlfoundations.optim;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * AdaGrad: every component keeps the sum of all its squared gradients so far, {@code G <- G + g^2} (G starting at 0),
 * and steps by {@code theta <- theta - lr * g / (sqrt(G) + eps)}. A component that has seen large or frequent
 * gradients gets ever smaller steps; a rarely active one (a sparse feature) keeps a large step for the few times it
 * has a gradient. Because G only grows, every step shrinks like 1/sqrt(t) in the end: RMSprop replaces the sum by a
 * decaying average to stop that. On the first step the move is lr * sign(g) whatever the size of g.
 * PyTorch: {@code torch.optim.Adagrad(params, lr=lr, eps=eps)} (eps outside the root, as here; the source document
 * writes sqrt(G + eps), which differs only while G is of the size of eps). One sum is kept per parameter array.
 */
public final class AdaGrad implements Optimizer {

    private double lr;
    private final double eps;
    private final Map<double[], double[]> sums = new IdentityHashMap<>();

    /** AdaGrad with learning rate {@code lr} (&gt; 0) and eps = 1e-10 (PyTorch's default). */
    public AdaGrad(double lr) {
        this(lr, 1e-10);
    }

    /** AdaGrad with learning rate {@code lr} (&gt; 0) and {@code eps} (&gt; 0), the guard against dividing by 0. */
    public AdaGrad(double lr, double eps) {
        this.lr = Hyper.learningRate(lr);
        this.eps = Hyper.epsilon(eps);
    }

    /** G &lt;- G + g^2, then theta &lt;- theta - lr g / (sqrt(G) + eps), per component, in place. */
    @Override
    public void update(double[] params, double[] grads) {
        Hyper.pair(params, grads);
        double[] sum = sums.computeIfAbsent(params, p -> new double[p.length]);
        for (int i = 0; i < params.length; i++) {
            sum[i] += grads[i] * grads[i];
            params[i] -= lr * grads[i] / (Math.sqrt(sum[i]) + eps);
        }
    }

    /** Forgets every sum of squared gradients. */
    @Override
    public void reset() {
        sums.clear();
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = Hyper.learningRate(lr);
    }

    /** The constant eps added to the root before dividing. */
    public double eps() {
        return eps;
    }

    @Override
    public String toString() {
        return "AdaGrad(lr=" + lr + ", eps=" + eps + ")";
    }
}

package mlfoundations.autograd;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One number in a computation graph, with the derivative of a final output with respect to it: scalar reverse-mode
 * automatic differentiation, in the spirit of Karpathy's micrograd (PyTorch's {@code torch.tensor(x,
 * requires_grad=True)} shrunk to one number).
 *
 * <p>Every operation ({@code a.mul(b)}, {@code a.tanh()}, ...) returns a new Value that remembers its {@code data},
 * its parents, the operation's name, and a small local backward step: given {@code dL/d(out)} in {@code out.grad}, it
 * adds {@code dL/d(out) * d(out)/d(parent)} to each parent's {@code grad} (the chain rule). {@link #backward()} on
 * the final output L runs those steps in reverse topological order, so every node's gradient is complete before it
 * is passed on. The sort is iterative (an explicit stack), so a chain of any depth backpropagates without a stack
 * overflow.
 *
 * <p>Semantics, as in PyTorch:
 * <ul>
 * <li><b>Leaf gradients accumulate.</b> Each {@code backward()} <i>adds</i> to the {@code grad} of every leaf (a
 * value made with {@link #of}, not by an operation) until you call {@link #zeroGrad()} on it; a training loop zeroes
 * its parameters before each backward pass ({@code optimizer.zero_grad()}). Inner nodes' gradients are scratch:
 * each backward pass starts them from 0, so calling it twice doubles the leaves' gradients exactly.</li>
 * <li><b>{@link #detach()}</b> gives a leaf with the same number and no parents: used in an expression, it is a
 * constant, and no gradient flows back through it ({@code x.detach()}).</li>
 * <li>A result that is not a finite number (log of 0, exp(1000), division by 0) throws at the operation that made
 * it, naming it, instead of spreading NaN through the graph.</li>
 * </ul>
 */
public final class Value {

    private double data;
    private double grad;
    private final Value[] parents;
    private final String op;
    private final String label;
    /** Adds this node's contribution to its parents' gradients; null for a leaf. */
    private Runnable localBackward;

    private Value(double data, Value[] parents, String op, String label) {
        this.data = data;
        this.parents = parents;
        this.op = op;
        this.label = label;
    }

    /** A leaf holding {@code x}: an input or a parameter ({@code torch.tensor(x, requires_grad=True)}). */
    public static Value of(double x) {
        return of(x, "");
    }

    /** A named leaf holding {@code x}; the name shows in {@link #toString()}. */
    public static Value of(double x, String label) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("a Value needs a finite number, got " + x);
        }
        return new Value(x, new Value[0], "", label == null ? "" : label);
    }

    /** The number this node holds ({@code t.item()}). */
    public double data() {
        return data;
    }

    /** dL/d(this node) from the backward passes so far ({@code t.grad}); 0 before any. */
    public double grad() {
        return grad;
    }

    /** The operation that made this node ("+", "*", "tanh", ...), or "" for a leaf. */
    public String op() {
        return op;
    }

    /** The name given to a leaf, or "". */
    public String label() {
        return label;
    }

    /** The nodes this one was computed from (empty for a leaf); a node used twice appears twice. */
    public List<Value> parents() {
        return Collections.unmodifiableList(java.util.Arrays.asList(parents));
    }

    /** True for a value made with {@link #of}, not by an operation. */
    public boolean isLeaf() {
        return parents.length == 0;
    }

    /**
     * Replaces a leaf's number, e.g. a parameter update {@code w <- w - alpha * dL/dw} (in PyTorch done under
     * {@code torch.no_grad()}): the update itself is not part of any graph. Values computed from the old number keep
     * it; run the forward pass again. Throws for an inner node, whose number is fixed by its parents.
     */
    public void setData(double x) {
        if (!isLeaf()) {
            throw new IllegalStateException("setData changes a leaf (an input or parameter), but this value was made by '"
                    + op + "'; compute it again from its inputs instead");
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("a Value needs a finite number, got " + x);
        }
        data = x;
    }

    /** Sets this node's gradient back to 0 ({@code t.grad.zero_()}). */
    public void zeroGrad() {
        grad = 0;
    }

    /** Sets every given value's gradient back to 0 ({@code optimizer.zero_grad()}). */
    public static void zeroGrad(Iterable<Value> values) {
        for (Value v : values) {
            v.zeroGrad();
        }
    }

    /** A leaf with this number and no history: a constant in any expression it is used in ({@code t.detach()}). */
    public Value detach() {
        return of(data, label.isEmpty() ? "detached" : label + " (detached)");
    }

    // ----- operations: each returns a new node and says how to pass its gradient back -----

    /** this + other; d/d(this) = d/d(other) = 1. */
    public Value add(Value other) {
        requireOperand(other, "add");
        Value out = node(data + other.data, "+", this, other);
        out.localBackward = () -> {
            this.grad += out.grad;
            other.grad += out.grad;
        };
        return out;
    }

    /** this + c for a constant c. */
    public Value add(double c) {
        return add(constant(c));
    }

    /** this - other, written as this + (-1) * other, so it needs no backward rule of its own. */
    public Value sub(Value other) {
        requireOperand(other, "sub");
        return add(other.neg());
    }

    /** this - c for a constant c. */
    public Value sub(double c) {
        return add(-c);
    }

    /** -this. */
    public Value neg() {
        return mul(-1.0);
    }

    /** this * other; d/d(this) = other, d/d(other) = this. */
    public Value mul(Value other) {
        requireOperand(other, "mul");
        Value out = node(data * other.data, "*", this, other);
        out.localBackward = () -> {
            this.grad += other.data * out.grad;
            other.grad += this.data * out.grad;
        };
        return out;
    }

    /** this * c for a constant c. */
    public Value mul(double c) {
        return mul(constant(c));
    }

    /** this / other, written as this * other^-1. Throws if other is 0. */
    public Value div(Value other) {
        requireOperand(other, "div");
        if (other.data == 0) {
            throw new ArithmeticException("division by a Value equal to 0");
        }
        return mul(other.pow(-1));
    }

    /** this / c for a constant c. */
    public Value div(double c) {
        return div(constant(c));
    }

    /**
     * this^p for a constant exponent p; d/d(this) = p * this^(p-1). A Value exponent is not supported: for a^b with
     * both varying, write {@code b.mul(a.log()).exp()}. Throws when the result is not real and finite (a negative
     * base with a fractional p, or 0 to a negative power).
     */
    public Value pow(double p) {
        if (!Double.isFinite(p)) {
            throw new IllegalArgumentException("the exponent of pow must be finite, got " + p);
        }
        if (data < 0 && p != Math.rint(p)) {
            throw new ArithmeticException("pow(" + data + ", " + p + "): a negative number to a fractional power is "
                    + "not a real number");
        }
        Value out = node(Math.pow(data, p), "^" + format(p), this);
        out.localBackward = () -> this.grad += p * Math.pow(this.data, p - 1) * out.grad;
        return out;
    }

    /** e^this; its derivative is e^this itself. */
    public Value exp() {
        Value out = node(Math.exp(data), "exp", this);
        out.localBackward = () -> this.grad += out.data * out.grad;
        return out;
    }

    /** The natural log of this (&gt; 0); d/d(this) = 1 / this. Throws for a value &lt;= 0. */
    public Value log() {
        if (!(data > 0)) {
            throw new ArithmeticException("log needs a positive value, got " + data
                    + " (clip it away from 0 first, e.g. max(p, 1e-12), as a loss function does)");
        }
        Value out = node(Math.log(data), "log", this);
        out.localBackward = () -> this.grad += out.grad / this.data;
        return out;
    }

    /** tanh(this); d/d(this) = 1 - tanh^2. */
    public Value tanh() {
        Value out = node(Math.tanh(data), "tanh", this);
        out.localBackward = () -> this.grad += (1 - out.data * out.data) * out.grad;
        return out;
    }

    /** sigma(this) = 1 / (1 + e^-this); d/d(this) = sigma (1 - sigma). */
    public Value sigmoid() {
        // The two forms avoid overflow of e^-x for very negative x.
        double s = data >= 0 ? 1 / (1 + Math.exp(-data)) : Math.exp(data) / (1 + Math.exp(data));
        Value out = node(s, "sigmoid", this);
        out.localBackward = () -> this.grad += out.data * (1 - out.data) * out.grad;
        return out;
    }

    /** max(0, this); d/d(this) = 1 where this &gt; 0, else 0 (the choice 0 at exactly 0, as PyTorch makes). */
    public Value relu() {
        Value out = node(Math.max(0, data), "relu", this);
        out.localBackward = () -> this.grad += (this.data > 0 ? 1 : 0) * out.grad;
        return out;
    }

    // ----- the backward pass -----

    /**
     * Every node this one depends on, each after all of its parents (a topological order), ending with this node.
     * Found by depth-first search with an explicit stack, so depth is not limited by the Java call stack.
     */
    public List<Value> topologicalOrder() {
        return TopologicalOrder.of(this, v -> v.parents);
    }

    /**
     * Backpropagation from this output L ({@code L.backward()}): sets dL/dL = 1, then, in reverse topological order,
     * lets every node pass its gradient to its parents. Leaves' gradients are added to what they held (see the class
     * comment); inner nodes start from 0.
     */
    public void backward() {
        List<Value> order = topologicalOrder();
        for (Value v : order) {
            if (!v.isLeaf()) {
                v.grad = 0;
            }
        }
        grad += 1.0;
        for (int k = order.size() - 1; k >= 0; k--) {
            Value v = order.get(k);
            if (v.localBackward != null) {
                v.localBackward.run();
            }
        }
    }

    @Override
    public String toString() {
        String name = !label.isEmpty() ? label + " " : op.isEmpty() ? "" : "(" + op + ") ";
        return "Value(" + name + "data=" + format(data) + ", grad=" + format(grad) + ")";
    }

    private static void requireOperand(Value other, String op) {
        if (other == null) {
            throw new IllegalArgumentException(op + "(null): the other operand must be a Value (use a double for a constant)");
        }
    }

    private static Value constant(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("a constant in an expression must be finite, got " + c);
        }
        return new Value(c, new Value[0], "", "");
    }

    private static Value node(double data, String op, Value... parents) {
        if (!Double.isFinite(data)) {
            StringBuilder in = new StringBuilder();
            for (Value p : parents) {
                in.append(in.length() == 0 ? "" : ", ").append(p.data);
            }
            throw new ArithmeticException("'" + op + "' of (" + in + ") gives " + data
                    + ", not a finite number; rescale the inputs so the graph stays finite");
        }
        return new Value(data, parents, op, "");
    }

    private static String format(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }
}

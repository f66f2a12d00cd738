package mlfoundations.autograd;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One node of a computation graph that is built first and run afterwards (a <i>static</i> graph, as in TensorFlow 1.x
 * or Theano): an input, a constant, or an operation (add, multiply, sin, cos, exp, log, reciprocal, sigmoid) on
 * other nodes. Building {@code x.mul(y).add(x.sin())} computes nothing; on the output node,
 * {@link #forward()} visits every node in topological order (each after its inputs) and stores its value, and
 * {@link #backward()} sets d(out)/d(out) = 1 and visits the nodes in reverse order, each adding
 * {@code grad(node) * d(node)/d(input)} to each input's grad (the chain rule). A node used by several others (or
 * twice by one, as in x * x) collects the sum of all their contributions before it passes its own gradient on.
 *
 * <p>Compared with {@link Value} (a dynamic graph, built while computing, as in PyTorch): the same names
 * ({@code data}, {@code grad}, {@code op}, {@code label}, {@code parents}, {@code topologicalOrder}, {@code backward}),
 * but here the graph stays and can be run again on new inputs ({@link #set} then {@link #forward()}), and every
 * {@link #backward()} starts all gradients from 0, so calling it twice gives the same gradients, never double.
 *
 * <p>{@link #gradient(Node, Node...)} builds the gradient itself as new nodes (symbolic reverse mode, PyTorch's
 * {@code torch.autograd.grad(f, inputs, create_graph=True)}), so a second backward pass through it gives second
 * derivatives: a Hessian by two passes.
 */
public final class Node {

    private double data = Double.NaN;
    private double grad;
    private final Node[] parents;
    private final String op;
    private final String label;

    private Node(Node[] parents, String op, String label) {
        this.parents = parents;
        this.op = op;
        this.label = label;
    }

    /** An input of the graph holding {@code x}, named for printing ({@code tf.Variable(x)}); change it with {@link #set}. */
    public static Node input(String label, double x) {
        Node n = new Node(new Node[0], "input", label == null ? "" : label);
        n.set(x);
        return n;
    }

    /** A constant c: a leaf the graph never changes (its gradient is computed but means nothing to a model). */
    public static Node constant(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("a constant must be a finite number, got " + c);
        }
        Node n = new Node(new Node[0], "const", format(c));
        n.setValue(c);
        return n;
    }

    /** Gives an input a new value; the nodes computed from it are stale until the next {@link #forward()}. */
    public void set(double x) {
        if (!op.equals("input")) {
            throw new IllegalStateException("set changes an input, but this node is '" + op
                    + "'; its value comes from forward()");
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("input '" + label + "' needs a finite number, got " + x);
        }
        setValue(x);
    }

    // ----- building the graph: each operation returns a new node and computes nothing yet -----

    /** this + other; d/d(this) = d/d(other) = 1. */
    public Node add(Node other) {
        return node("+", this, other);
    }

    /** this + c for a constant c. */
    public Node add(double c) {
        return add(constant(c));
    }

    /** this * other; d/d(this) = other, d/d(other) = this. */
    public Node mul(Node other) {
        return node("*", this, other);
    }

    /** this * c for a constant c. */
    public Node mul(double c) {
        return mul(constant(c));
    }

    /** sin(this); d/d(this) = cos(this). */
    public Node sin() {
        return node("sin", this);
    }

    /** cos(this); d/d(this) = -sin(this). */
    public Node cos() {
        return node("cos", this);
    }

    /** e^this; d/d(this) = e^this, the node's own value. */
    public Node exp() {
        return node("exp", this);
    }

    /** ln(this) for this &gt; 0; d/d(this) = 1 / this. */
    public Node log() {
        return node("log", this);
    }

    /** 1 / this for this != 0; d/d(this) = -1 / this^2. */
    public Node reciprocal() {
        return node("1/x", this);
    }

    /** sigma(this) = 1 / (1 + e^-this); d/d(this) = sigma (1 - sigma). */
    public Node sigmoid() {
        return node("sigmoid", this);
    }

    // ----- reading a node -----

    /** The value stored by the last {@link #forward()} (an input's or constant's own value). */
    public double data() {
        if (Double.isNaN(data)) {
            throw new IllegalStateException("node '" + op + "' has no value yet; call forward() on the output first");
        }
        return data;
    }

    /** d(output)/d(this node) from the last {@link #backward()}; 0 before any. */
    public double grad() {
        return grad;
    }

    /** "input", "const", or the operation: "+", "*", "sin", "cos", "exp", "log", "1/x", "sigmoid". */
    public String op() {
        return op;
    }

    /** An input's name, a constant's value as text, or "" for an operation. */
    public String label() {
        return label;
    }

    /** The nodes this one is computed from; a node used twice appears twice. */
    public List<Node> parents() {
        return Collections.unmodifiableList(java.util.Arrays.asList(parents));
    }

    // ----- running the graph -----

    /**
     * Every node this one depends on, each after all of its parents, ending with this node (depth-first search with
     * an explicit stack, so a deep graph cannot overflow the Java call stack).
     */
    public List<Node> topologicalOrder() {
        return TopologicalOrder.of(this, v -> v.parents);
    }

    /** The forward pass: computes every node in topological order and returns this (output) node's value. */
    public double forward() {
        for (Node v : topologicalOrder()) {
            if (v.parents.length > 0) {
                v.setValue(v.compute());
            }
        }
        return data;
    }

    /**
     * The backward pass from this output f: every gradient in the graph starts at 0, then grad(f) = 1, and in
     * reverse topological order each node adds grad(node) * d(node)/d(input) to each input's grad. Afterwards every
     * node's {@link #grad()} is df/d(node); nodes outside this output's graph are not touched. Call
     * {@link #forward()} first.
     */
    public void backward() {
        List<Node> order = topologicalOrder();
        for (Node v : order) {
            v.data();  // throws, naming the node, if forward() has not run
            v.grad = 0;
        }
        grad = 1;
        for (int k = order.size() - 1; k >= 0; k--) {
            order.get(k).passGradient();
        }
    }

    /**
     * Runs {@link #backward()} and returns df/dx_k for each given input, 0 for an input this output does not depend
     * on ({@code tape.gradient(f, [x, y])} in TensorFlow). Prefer this to reading {@code grad()}: a node outside this
     * output's graph is not visited by backward, so its grad() still holds what an earlier pass left there.
     */
    public double[] backward(Node... inputs) {
        if (inputs == null) {
            throw new IllegalArgumentException("backward(inputs) needs the inputs to report, got null");
        }
        backward();
        Set<Node> inGraph = Collections.newSetFromMap(new IdentityHashMap<>());
        inGraph.addAll(topologicalOrder());
        double[] out = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                throw new IllegalArgumentException("input " + i + " to report is null");
            }
            out[i] = inGraph.contains(inputs[i]) ? inputs[i].grad : 0;
        }
        return out;
    }

    /**
     * The gradient (df/dx_1, ..., df/dx_n) of output f as new graph nodes, built by the same reverse sweep as
     * {@link #backward()} but with nodes in place of numbers ({@code torch.autograd.grad(f, xs, create_graph=True)}).
     * Run {@code forward()} on a returned node to get its value; its own {@code backward()} gives second derivatives.
     * An input f does not depend on gets the constant 0.
     */
    public static Node[] gradient(Node f, Node... inputs) {
        if (f == null || inputs == null) {
            throw new IllegalArgumentException("gradient needs an output node and the inputs to differentiate by");
        }
        List<Node> order = f.topologicalOrder();
        Map<Node, Node> g = new IdentityHashMap<>();
        g.put(f, constant(1));
        for (int k = order.size() - 1; k >= 0; k--) {
            Node v = order.get(k);
            Node gv = g.get(v);
            if (gv == null || v.parents.length == 0) {
                continue;
            }
            Node a = v.parents[0];
            switch (v.op) {
                case "+" -> {
                    accumulate(g, a, gv);
                    accumulate(g, v.parents[1], gv);
                }
                case "*" -> {
                    accumulate(g, a, gv.mul(v.parents[1]));
                    accumulate(g, v.parents[1], gv.mul(a));
                }
                case "sin" -> accumulate(g, a, gv.mul(a.cos()));
                case "cos" -> accumulate(g, a, gv.mul(a.sin().mul(-1)));
                case "exp" -> accumulate(g, a, gv.mul(v));
                case "log" -> accumulate(g, a, gv.mul(a.reciprocal()));
                case "1/x" -> accumulate(g, a, gv.mul(v.mul(v).mul(-1)));
                case "sigmoid" -> accumulate(g, a, gv.mul(v.mul(v.mul(-1).add(1))));
                default -> throw new IllegalStateException("no gradient rule for '" + v.op + "'");
            }
        }
        Node[] out = new Node[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                throw new IllegalArgumentException("input " + i + " to differentiate by is null");
            }
            out[i] = g.getOrDefault(inputs[i], constant(0));
        }
        return out;
    }

    @Override
    public String toString() {
        String name = label.isEmpty() ? "(" + op + ")" : label;
        return "Node(" + name + " data=" + format(data) + ", grad=" + format(grad) + ")";
    }

    // ----- the local rules -----

    /** This node's value from its parents' values. */
    private double compute() {
        double a = parents[0].data;
        return switch (op) {
            case "+" -> a + parents[1].data;
            case "*" -> a * parents[1].data;
            case "sin" -> Math.sin(a);
            case "cos" -> Math.cos(a);
            case "exp" -> Math.exp(a);
            case "log" -> {
                if (!(a > 0)) {
                    throw new ArithmeticException("log needs a positive input, got " + a);
                }
                yield Math.log(a);
            }
            case "1/x" -> {
                if (a == 0) {
                    throw new ArithmeticException("1/x of 0: division by zero");
                }
                yield 1 / a;
            }
            // Two forms, so e^-a never overflows for very negative a.
            case "sigmoid" -> a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
            default -> throw new IllegalStateException("no forward rule for '" + op + "'");
        };
    }

    /** Adds grad * d(this)/d(parent) to each parent's grad: the chain rule, one link. */
    private void passGradient() {
        if (parents.length == 0) {
            return;
        }
        Node a = parents[0];
        switch (op) {
            case "+" -> {
                a.grad += grad;
                parents[1].grad += grad;
            }
            case "*" -> {
                a.grad += grad * parents[1].data;
                parents[1].grad += grad * a.data;
            }
            case "sin" -> a.grad += grad * Math.cos(a.data);
            case "cos" -> a.grad += grad * -Math.sin(a.data);
            case "exp" -> a.grad += grad * data;
            case "log" -> a.grad += grad / a.data;
            case "1/x" -> a.grad += grad * -data * data;
            case "sigmoid" -> a.grad += grad * data * (1 - data);
            default -> throw new IllegalStateException("no backward rule for '" + op + "'");
        }
    }

    private static void accumulate(Map<Node, Node> g, Node target, Node contribution) {
        Node old = g.get(target);
        g.put(target, old == null ? contribution : old.add(contribution));
    }

    private void setValue(double x) {
        if (!Double.isFinite(x)) {
            throw new ArithmeticException("'" + op + "' gives " + x
                    + ", not a finite number; rescale the inputs so the graph stays finite");
        }
        data = x;
    }

    private static Node node(String op, Node... parents) {
        for (Node p : parents) {
            if (p == null) {
                throw new IllegalArgumentException(op + " got a null node; every operand must be a Node (use a double for a constant)");
            }
        }
        return new Node(parents, op, "");
    }

    private static String format(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }
}

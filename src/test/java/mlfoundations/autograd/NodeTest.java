package mlfoundations.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The static graph engine on hand-worked examples; every expected value is a derivative worked out on paper. */
class NodeTest {

    private static final double TOL = 1e-12;

    @Test
    void xTimesYPlusSinXHasTheDocumentsGradient() {
        Node x = Node.input("x", 2.0);
        Node y = Node.input("y", 3.0);
        Node f = x.mul(y).add(x.sin());
        assertEquals(6 + Math.sin(2), f.forward(), TOL);
        f.backward();
        assertEquals(3 + Math.cos(2), x.grad(), TOL);   // df/dx = y + cos x
        assertEquals(2, y.grad(), TOL);                 // df/dy = x
    }

    @Test
    void theDocumentsExerciseABPlusCExpA() {
        Node a = Node.input("a", 0.5);
        Node b = Node.input("b", -1.5);
        Node c = Node.input("c", 2.0);
        Node f = a.mul(b).add(c.mul(a.exp()));
        f.forward();
        f.backward();
        assertEquals(-1.5 + 2 * Math.exp(0.5), a.grad(), TOL);   // b + c e^a
        assertEquals(0.5, b.grad(), TOL);                        // a
        assertEquals(Math.exp(0.5), c.grad(), TOL);              // e^a
    }

    @Test
    void aNodeUsedTwiceCollectsBothContributions() {
        Node x = Node.input("x", 3.0);
        Node square = x.mul(x);
        square.forward();
        square.backward();
        assertEquals(6, x.grad(), TOL);                  // d(x^2)/dx = 2x, one x from each side of '*'

        Node doubled = x.add(x);
        doubled.forward();
        doubled.backward();
        assertEquals(2, x.grad(), TOL);

        // An inner node used twice: u = x y, f = u * u = x^2 y^2, so df/dx = 2 x y^2 and the product node must pass on
        // the full 2u, not u.
        Node y = Node.input("y", -2.0);
        Node u = x.mul(y);
        Node f = u.mul(u).add(u.sin());
        f.forward();
        f.backward();
        assertEquals(2 * 3 * 4 + Math.cos(-6) * -2, x.grad(), 1e-12);
        assertEquals(2 * 9 * -2 + Math.cos(-6) * 3, y.grad(), 1e-12);
    }

    @Test
    void backwardTwiceGivesTheSameGradientsNotDouble() {
        Node x = Node.input("x", 0.7);
        Node f = x.sigmoid().log();
        f.forward();
        f.backward();
        double first = x.grad();
        f.backward();
        assertEquals(first, x.grad(), 0.0);
        double s = 1 / (1 + Math.exp(-0.7));
        assertEquals(1 - s, first, TOL);                 // d ln sigma(x) / dx = 1 - sigma(x)
    }

    @Test
    void theGraphRunsAgainOnNewInputs() {
        Node x = Node.input("x", 1.0);
        Node f = x.exp().mul(x.cos());
        assertEquals(Math.E * Math.cos(1), f.forward(), TOL);
        x.set(-0.5);
        assertEquals(Math.exp(-0.5) * Math.cos(-0.5), f.forward(), TOL);
        f.backward();
        assertEquals(Math.exp(-0.5) * (Math.cos(-0.5) - Math.sin(-0.5)), x.grad(), TOL);
    }

    @Test
    void reciprocalAndLogRules() {
        Node x = Node.input("x", 4.0);
        Node f = x.reciprocal().add(x.log());
        f.forward();
        f.backward();
        assertEquals(-1.0 / 16 + 0.25, x.grad(), TOL);
    }

    @Test
    void forwardVisitsEveryNodeAfterItsInputs() {
        Node x = Node.input("x", 1.0);
        Node y = Node.input("y", 2.0);
        Node u = x.mul(y);
        Node f = u.add(x.sin()).mul(u);
        java.util.List<Node> order = f.topologicalOrder();
        for (int k = 0; k < order.size(); k++) {
            for (Node p : order.get(k).parents()) {
                assertTrue(order.indexOf(p) < k, p + " must come before " + order.get(k));
            }
        }
        assertEquals(f, order.get(order.size() - 1));
    }

    @Test
    void aHessianByTwoPassesForXYPlusXSquared() {
        // f = x y + x^2: gradient (y + 2x, x), Hessian [[2, 1], [1, 0]] everywhere.
        Node x = Node.input("x", 1.5);
        Node y = Node.input("y", -0.5);
        Node f = x.mul(y).add(x.mul(x));
        Node[] g = Node.gradient(f, x, y);
        assertEquals(-0.5 + 3, g[0].forward(), TOL);
        assertEquals(1.5, g[1].forward(), TOL);
        double[][] expected = {{2, 1}, {1, 0}};
        for (int i = 0; i < 2; i++) {
            g[i].forward();
            double[] row = g[i].backward(x, y);
            assertEquals(expected[i][0], row[0], TOL);
            assertEquals(expected[i][1], row[1], TOL);   // d(df/dy)/dy: df/dy = x has no y in its graph, so 0
        }
    }

    @Test
    void secondDerivativesOfEveryOperation() {
        // Each unary op u(x) and its second derivative worked by hand, checked through gradient() then backward().
        double x0 = 0.8;
        double s = 1 / (1 + Math.exp(-x0));
        Object[][] cases = {
            {"sin", -Math.sin(x0)},
            {"cos", -Math.cos(x0)},
            {"exp", Math.exp(x0)},
            {"log", -1 / (x0 * x0)},
            {"1/x", 2 / (x0 * x0 * x0)},
            {"sigmoid", s * (1 - s) * (1 - 2 * s)},
        };
        for (Object[] c : cases) {
            Node x = Node.input("x", x0);
            Node f = switch ((String) c[0]) {
                case "sin" -> x.sin();
                case "cos" -> x.cos();
                case "exp" -> x.exp();
                case "log" -> x.log();
                case "1/x" -> x.reciprocal();
                default -> x.sigmoid();
            };
            Node df = Node.gradient(f, x)[0];
            df.forward();
            df.backward();
            assertEquals((double) c[1], x.grad(), 1e-12, "second derivative of " + c[0]);
        }
    }

    @Test
    void anInputTheOutputDoesNotUseHasGradientZero() {
        Node x = Node.input("x", 1.0);
        Node z = Node.input("z", 5.0);
        Node[] g = Node.gradient(x.exp(), x, z);
        assertEquals(0.0, g[1].forward(), 0.0);
    }

    @Test
    void badInputIsRefusedClearly() {
        Node x = Node.input("x", -1.0);
        ArithmeticException log = assertThrows(ArithmeticException.class, () -> x.log().forward());
        assertTrue(log.getMessage().contains("log needs a positive input, got -1.0"), log.getMessage());
        Node y = Node.input("y", 0.0);
        assertThrows(ArithmeticException.class, () -> y.reciprocal().forward());
        Node big = Node.input("big", 1000);
        ArithmeticException exp = assertThrows(ArithmeticException.class, () -> big.exp().forward());
        assertTrue(exp.getMessage().contains("'exp' gives Infinity"), exp.getMessage());

        Node sum = x.add(y);
        IllegalStateException early = assertThrows(IllegalStateException.class, sum::data);
        assertTrue(early.getMessage().contains("call forward()"), early.getMessage());
        IllegalStateException notInput = assertThrows(IllegalStateException.class, () -> sum.set(1));
        assertTrue(notInput.getMessage().contains("set changes an input"), notInput.getMessage());
        assertThrows(IllegalArgumentException.class, () -> x.mul((Node) null));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> Node.input("w", Double.NaN));
        assertTrue(nan.getMessage().contains("input 'w' needs a finite number"), nan.getMessage());
    }
}

package mlfoundations.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ValueTest {

    @Test
    void handWorkedGraph() {
        // L = (a*b + c) * f with a=2, b=-3, c=10, f=-2: d = 4, L = -8.
        // dL/da = f*b = 6, dL/db = f*a = -4, dL/dc = f = -2, dL/df = d = 4 (worked by hand).
        Value a = Value.of(2, "a");
        Value b = Value.of(-3, "b");
        Value c = Value.of(10, "c");
        Value f = Value.of(-2, "f");
        Value loss = a.mul(b).add(c).mul(f);
        loss.backward();
        assertEquals(-8, loss.data(), 0);
        assertEquals(6, a.grad(), 0);
        assertEquals(-4, b.grad(), 0);
        assertEquals(-2, c.grad(), 0);
        assertEquals(4, f.grad(), 0);
        assertEquals(1, loss.grad(), 0);
    }

    @Test
    void neuronMatchesTheChainRuleByHand() {
        // o = tanh(w1 x1 + w2 x2 + b): do/dw1 = (1 - o^2) x1, do/db = 1 - o^2.
        double x1 = 2, x2 = 0, w1 = -3, w2 = 1, bias = 6.8813735870195432;
        Value vw1 = Value.of(w1);
        Value vb = Value.of(bias);
        Value o = Value.of(x1).mul(vw1).add(Value.of(x2).mul(Value.of(w2))).add(vb).tanh();
        o.backward();
        double expectedO = Math.tanh(x1 * w1 + x2 * w2 + bias);
        assertEquals(expectedO, o.data(), 1e-15);
        assertEquals((1 - expectedO * expectedO) * x1, vw1.grad(), 1e-15);
        assertEquals(1 - expectedO * expectedO, vb.grad(), 1e-15);
    }

    @Test
    void aNodeUsedTwiceAccumulatesBothPaths() {
        Value a = Value.of(3);
        a.add(a).backward();                 // d(2a)/da = 2, not 1
        assertEquals(2, a.grad(), 0);

        Value x = Value.of(-1.5);
        x.mul(x).backward();                 // d(x^2)/dx = 2x
        assertEquals(-3, x.grad(), 0);

        // A shared inner node: e = x*y feeds both terms of e*e + e, d/dx = (2e + 1) y.
        Value p = Value.of(2);
        Value q = Value.of(5);
        Value e = p.mul(q);
        e.mul(e).add(e).backward();
        assertEquals((2 * 10 + 1) * 5, p.grad(), 0);
        assertEquals((2 * 10 + 1) * 2, q.grad(), 0);
    }

    @Test
    void leafGradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Value x = Value.of(1.5);
        Value w = Value.of(-0.5);
        Value out = x.mul(w).tanh().mul(x);           // inner nodes whose grads must not leak between passes
        out.backward();
        double once = x.grad();
        double onceW = w.grad();
        out.backward();
        assertEquals(2 * once, x.grad(), 1e-15, "a second backward adds exactly one more gradient");
        assertEquals(2 * onceW, w.grad(), 1e-15);
        Value.zeroGrad(List.of(x, w));
        assertEquals(0, x.grad(), 0);
        out.backward();
        assertEquals(once, x.grad(), 1e-15);
    }

    @Test
    void detachTreatsAValueAsAConstant() {
        Value x = Value.of(3);
        Value y = x.mul(x.detach());         // = x * 3 as far as gradients are concerned
        y.backward();
        assertEquals(9, y.data(), 0);
        assertEquals(3, x.grad(), 0, "only the attached factor passes a gradient back; x^2 would give 6");
        assertTrue(x.detach().isLeaf());
    }

    @Test
    void aChainTenThousandDeepBackpropagatesWithoutStackOverflow() {
        Value x = Value.of(0.5);
        Value y = x;
        for (int i = 0; i < 10_000; i++) {
            y = y.add(x);                    // y = (i + 2) x after step i
        }
        y.backward();
        assertEquals(10_001 * 0.5, y.data(), 1e-9);
        assertEquals(10_001, x.grad(), 0);

        Value z = Value.of(0.1);
        Value deep = z;
        for (int i = 0; i < 100_000; i++) {
            deep = deep.mul(1.0);            // 200,000 nodes in a line, counting the constants
        }
        deep.backward();
        assertEquals(1, z.grad(), 0);
    }

    @Test
    void topologicalOrderPutsEveryNodeAfterItsParents() {
        Value a = Value.of(1);
        Value b = Value.of(2);
        Value c = a.mul(b).add(a).tanh().mul(b.exp());
        List<Value> order = c.topologicalOrder();
        Map<Value, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            assertTrue(position.put(order.get(i), i) == null, "no node appears twice");
        }
        for (Value v : order) {
            for (Value p : v.parents()) {
                assertTrue(position.get(p) < position.get(v));
            }
        }
        assertSame(c, order.get(order.size() - 1));
    }

    @Test
    void eachOperationsDerivativeAgainstItsClosedForm() {
        double x = 0.7;
        assertEquals(Math.exp(x), grad(v -> v.exp(), x), 1e-15);
        assertEquals(1 / x, grad(v -> v.log(), x), 1e-15);
        assertEquals(1 - Math.tanh(x) * Math.tanh(x), grad(v -> v.tanh(), x), 1e-15);
        double s = 1 / (1 + Math.exp(-x));
        assertEquals(s * (1 - s), grad(v -> v.sigmoid(), x), 1e-15);
        assertEquals(2.5 * Math.pow(x, 1.5), grad(v -> v.pow(2.5), x), 1e-15);
        assertEquals(-1 / (x * x), grad(v -> Value.of(1).div(v), x), 1e-14);
        assertEquals(1, grad(v -> v.relu(), x), 0);
        assertEquals(0, grad(v -> v.relu(), -x), 0);
        assertEquals(-1, grad(v -> Value.of(4).sub(v), x), 0);
        // sigmoid far out on the left: no overflow, and the derivative is about e^x there.
        assertEquals(Math.exp(-700), Value.of(-700).sigmoid().data(), 1e-300);
        assertEquals(Math.exp(-700), grad(v -> v.sigmoid(), -700), 1e-300);
    }

    @Test
    void badInputGivesAClearError() {
        assertMessage(ArithmeticException.class, "log needs a positive value, got 0", () -> Value.of(0).log());
        assertMessage(ArithmeticException.class, "log needs a positive value, got -1", () -> Value.of(-1).log());
        assertMessage(ArithmeticException.class, "fractional power", () -> Value.of(-2).pow(0.5));
        assertMessage(ArithmeticException.class, "not a finite number", () -> Value.of(1000).exp());
        assertMessage(ArithmeticException.class, "division by a Value equal to 0", () -> Value.of(1).div(Value.of(0)));
        assertMessage(ArithmeticException.class, "not a finite number", () -> Value.of(0).pow(-1));
        assertMessage(IllegalArgumentException.class, "finite number, got NaN", () -> Value.of(Double.NaN));
        assertMessage(IllegalArgumentException.class, "other operand must be a Value", () -> Value.of(1).mul(null));
        Value inner = Value.of(1).add(2);
        assertMessage(IllegalStateException.class, "made by '+'", () -> inner.setData(5));
    }

    @Test
    void setDataOnALeafChangesTheNextForwardPass() {
        Value w = Value.of(1);
        w.setData(3);
        assertEquals(9, w.mul(w).data(), 0);
    }

    private static double grad(java.util.function.UnaryOperator<Value> f, double x) {
        Value v = Value.of(x);
        f.apply(v).backward();
        return v.grad();
    }

    private static void assertMessage(Class<? extends Throwable> type, String part, Runnable r) {
        Throwable t = assertThrows(type, r::run);
        assertTrue(t.getMessage().contains(part), "message '" + t.getMessage() + "' should contain '" + part + "'");
    }
}

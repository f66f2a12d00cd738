package mlfoundations.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void aRightAnswerSaysRight() {
        assertEquals("Right: the mean.\n", captured(() -> Check.number("the mean", 5.0000001, 5.0, 1e-6, "use n p")));
        assertEquals("Right: v.\n", captured(() -> Check.vector("v", new double[] {1, 2}, new double[] {1, 2 + 1e-12},
                1e-9, "h")));
    }

    @Test
    void thePlaceholderSaysNotAttemptedAndGivesNoHint() {
        String out = captured(() -> {
            Check.number("the mean", Double.NaN, 5.0, 1e-6, "use n p");
            Check.vector("v", null, new double[] {1, 2}, 1e-9, "divide by the length");
            Check.vector("w", new double[] {Double.NaN, Double.NaN}, new double[] {1, 2}, 1e-9, "divide");
        });
        assertEquals("Not attempted yet: the mean.\nNot attempted yet: v.\nNot attempted yet: w.\n", out);
    }

    @Test
    void aWrongNumberPrintsTheHintAndThrows() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Check.WrongAnswer e = assertThrows(Check.WrongAnswer.class,
                () -> capturing(buf, () -> Check.number("the mean", 4.0, 5.0, 1e-6, "use n p")));
        String out = buf.toString();
        assertTrue(out.startsWith("Not yet: the mean: you have 4.0"), out);
        assertTrue(out.endsWith("Hint: use n p\n"), out);
        assertTrue(e.getMessage().startsWith("the mean: you have 4.0"), e.getMessage());
    }

    @Test
    void aWrongVectorNamesTheFirstElementThatDiffersOrTheLength() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertThrows(Check.WrongAnswer.class, () -> capturing(buf,
                () -> Check.vector("v", new double[] {1, 3}, new double[] {1, 2}, 1e-9, "h")));
        assertTrue(buf.toString().contains("element 1 is 3.0"), buf.toString());
        ByteArrayOutputStream buf2 = new ByteArrayOutputStream();
        assertThrows(Check.WrongAnswer.class, () -> capturing(buf2,
                () -> Check.vector("v", new double[] {1}, new double[] {1, 2}, 1e-9, "h")));
        assertTrue(buf2.toString().contains("has 1 elements, the expected one has 2"), buf2.toString());
    }

    @Test
    void aBrokenCheckWithNoExpectedValueIsReportedAsTheCheck() {
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> Check.number("the mean", 5.0, Double.NaN, 1e-6, "h"));
        assertTrue(n.getMessage().contains("the check itself is broken"), n.getMessage());
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
                () -> Check.vector("v", new double[] {1}, null, 1e-9, "h"));
        assertTrue(v.getMessage().contains("the expected array for 'v' is null"), v.getMessage());
    }

    @Test
    void aYesNoAnswerIsNotAttemptedWhenNullAndThrowsWhenWrong() {
        assertEquals("Not attempted yet: defined.\nRight: defined.\n", captured(() -> {
            Check.yesNo("defined", null, true, "compare the inner sizes");
            Check.yesNo("defined", true, true, "compare the inner sizes");
        }));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertThrows(Check.WrongAnswer.class,
                () -> capturing(buf, () -> Check.yesNo("defined", false, true, "compare the inner sizes")));
        assertEquals("Not yet: defined: you answered no (false), which is not right.\nHint: compare the inner sizes\n",
                buf.toString());
    }

    @Test
    void thatReportsAComputedConditionWithoutThrowing() {
        String out = captured(() -> {
            Check.that("the unit vectors match", true, "divide by the length");
            Check.that("the unit vectors match", false, "divide by the length");
        });
        assertEquals("Right: the unit vectors match.\nNot yet: the unit vectors match.\nHint: divide by the length\n",
                out);
    }

    @Test
    void closeIsRelativeForLargeValuesAndAbsoluteNearZero() {
        assertTrue(Check.close(1e9 + 1, 1e9, 1e-6));
        assertFalse(Check.close(1e-3, 0, 1e-6));
        assertTrue(Check.close(1e-7, 0, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> Check.close(1, 1, -1));
    }

    private static String captured(Runnable r) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        capturing(buf, r);
        return buf.toString();
    }

    private static void capturing(ByteArrayOutputStream buf, Runnable r) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
    }
}

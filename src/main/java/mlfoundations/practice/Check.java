package mlfoundations.practice;

/**
 * Self-checks for the practice cells at the end of each lesson. Each check compares the student's answer with the
 * library's own answer (or a known value) and prints a plain verdict:
 * <ul>
 * <li>the placeholder still in place (NaN, or a null array) prints {@code Not attempted yet: ...} and nothing else,
 * so running a lesson top to bottom gives no answer away;
 * <li>a wrong answer prints {@code Not yet: ...} with the hint, then throws {@link WrongAnswer}, so an autograder
 * (nbgrader, or the course's own notebook suite) sees the exercise as failed;
 * <li>a right answer prints {@code Right: ...}.
 * </ul>
 * The methods return nothing, so a check can end a notebook cell without leaving a stray value under it.
 */
public final class Check {

    private Check() {
    }

    /** Thrown by a check whose answer is wrong (after it has printed the problem and the hint). */
    public static final class WrongAnswer extends AssertionError {
        private static final long serialVersionUID = 1L;

        WrongAnswer(String message) {
            super(message);
        }
    }

    /** Compares a number with the expected one, within an absolute-or-relative tolerance {@code tol}. */
    public static void number(String what, double answer, double expected, double tol, String hint) {
        if (Double.isNaN(expected)) {
            throw new IllegalArgumentException("the expected value for '" + what + "' is NaN; the check itself is "
                    + "broken (compute the expected value before checking)");
        }
        if (Double.isNaN(answer)) {
            notAttempted(what);
        } else if (!close(answer, expected, tol)) {
            report(what, "you have " + answer + ", which is not within " + tol + " of the expected value", hint);
        } else {
            report(what, null, hint);
        }
    }

    /** Compares two arrays element by element within {@code tol}, naming the first element that differs. */
    public static void vector(String what, double[] answer, double[] expected, double tol, String hint) {
        if (expected == null) {
            throw new IllegalArgumentException("the expected array for '" + what + "' is null; the check itself is "
                    + "broken (compute the expected value before checking)");
        }
        if (answer == null || (answer.length > 0 && allNaN(answer))) {
            notAttempted(what);
            return;
        }
        if (answer.length != expected.length) {
            report(what, "your array has " + answer.length + " elements, the expected one has " + expected.length,
                    hint);
            return;
        }
        for (int i = 0; i < answer.length; i++) {
            if (!close(answer[i], expected[i], tol)) {
                report(what, "element " + i + " is " + answer[i] + ", which is not within " + tol
                        + " of the expected value", hint);
                return;
            }
        }
        report(what, null, hint);
    }

    /**
     * Compares a yes/no answer ({@code true} or {@code false}) with the expected one; {@code null} is the placeholder
     * ("not attempted yet"). For questions such as "is this product defined?".
     */
    public static void yesNo(String what, Boolean answer, boolean expected, String hint) {
        if (answer == null) {
            notAttempted(what);
        } else if (answer != expected) {
            report(what, "you answered " + (answer ? "yes (true)" : "no (false)") + ", which is not right", hint);
        } else {
            report(what, null, hint);
        }
    }

    /**
     * Reports a yes/no condition the cell has computed (for answers that are not a single number). It cannot tell a
     * placeholder from a wrong answer, so it prints the hint but never throws: where an autograder must see a
     * failure, check a number or an array instead.
     */
    public static void that(String what, boolean ok, String hint) {
        if (ok) {
            System.out.println("Right: " + what + ".");
        } else {
            System.out.println("Not yet: " + what + ".");
            printHint(hint);
        }
    }

    /** True when |a - b| <= tol * max(1, |b|): absolute near zero, relative for large values. */
    public static boolean close(double a, double b, double tol) {
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tol);
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        if (a == b) {
            return true;
        }
        return Math.abs(a - b) <= tol * Math.max(1.0, Math.abs(b));
    }

    /** Prints "Right" when {@code problem} is null; otherwise prints "Not yet", the problem and the hint, and throws. */
    private static void report(String what, String problem, String hint) {
        if (problem == null) {
            System.out.println("Right: " + what + ".");
            return;
        }
        System.out.println("Not yet: " + what + ": " + problem + ".");
        printHint(hint);
        throw new WrongAnswer(what + ": " + problem);
    }

    private static void notAttempted(String what) {
        System.out.println("Not attempted yet: " + what + ".");
    }

    private static void printHint(String hint) {
        if (hint != null && !hint.isBlank()) {
            System.out.println("Hint: " + hint);
        }
    }

    private static boolean allNaN(double[] a) {
        for (double v : a) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }
}
